// Hits and their snippets: a hit's document and the pieces of its text
// around the first match loaded, and the snippet made as snippet.go makes
// it, over the text's UTF-8 bytes.

  // indexHits adds to idx, the index of one language (see Index), what
  // makes its hits.
  function indexHits(idx) {
    var tag = idx.tag, get = idx.get, tokens = idx.tokens;

    // hit loads a document's chunk and the pieces of its text the snippet
    // shows: about SNIPPET_BYTES from a third of that before the first
    // match, and up to 30 bytes on either side where a word may end. The
    // first match is the first position of a matched phrase or the first
    // token of a matched term: the pieces are searched in order for it.
    function hit(root, d, score, parsed) {
      var c = Math.floor(d / idx.ix.perChunk);
      return get("d" + c).then(function (chunk) {
        var doc = chunk[d - c * idx.ix.perChunk];
        var pieces = doc.p ? doc.p.map(function (p, k) { return { pos: p[0], start: p[1], name: "x" + d + "-" + k }; }) : [{ pos: 1, start: 0, x: doc.x, o: doc.o, w: doc.w }];
        pieces.forEach(function (p, k) { p.k = k; p.end = k + 1 < pieces.length ? pieces[k + 1].start : doc.n; });
        var want = own({}), lack = own({}), ps = [], known = [], lacking = false;
        matchedIn(root, d, want, lack, ps, known);
        for (var t in lack) { lacking = true; break; } // eslint-disable-line no-unused-vars
        var limit = Math.min.apply(null, ps.concat(known).concat([Infinity]));
        ps.sort(function (a, b) { return a - b; });
        // first finds the first match: among the known positions, or the
        // first token of a term whose positions were not loaded, searching
        // the pieces in order.
        function first(k) {
          if (!lacking || k >= pieces.length || pieces[k].pos > limit) { return Promise.resolve(limit === Infinity ? 0 : limit); }
          return loadPiece(pieces[k]).then(function (p) {
            var list = tokensOf(p);
            for (var i = 0; i < list.length; i++) {
              if (lack[list[i][3]]) { return Math.min(limit, list[i][0]); }
            }
            return first(k + 1);
          });
        }
        return first(0).then(function (pos) {
          var k = 0;
          while (pos && k + 1 < pieces.length && pieces[k + 1].pos <= pos) { k++; }
          return loadPiece(pieces[k]).then(function (p) {
            var from = 0;
            tokensOf(p);
            if (pos) { from = Math.max(0, p.at[pos][0] - SNIPPET_BYTES / 3); }
            var need = pieces.filter(function (p) { return p.start < from + SNIPPET_BYTES + 30 && p.end > from - 30; });
            return Promise.all(need.map(loadPiece)).then(function () { return shown(doc, pieces, want, ps, score, parsed); });
          });
        });
      });
    }

    function loadPiece(p) {
      return p.x !== undefined ? Promise.resolve(p) : get(p.name).then(function (f) { p.x = f.x; p.o = f.o; p.w = f.w; return p; });
    }

    function shown(doc, pieces, want, ps, score, parsed) {
      var bytes = [], at = {}, ranges = [];
      bytes.length = doc.n;
      pieces.forEach(function (p) {
        if (p.x === undefined) { return; }
        utf8(p.x).forEach(function (b, i) { bytes[p.start + i] = b; });
        tokensOf(p).forEach(function (t) {
          at[t[0]] = [t[1], t[2]];
          if (want[t[3]]) { ranges.push([t[1], t[2]]); }
        });
      });
      ps.forEach(function (p) { if (at[p]) { ranges.push(at[p]); } });
      var words = [];
      ranges.sort(function (a, b) { return a[0] - b[0]; });
      function word(w) { if (words.indexOf(w) < 0 && words.length < 10) { words.push(w); } }
      ranges.forEach(function (m) { word(fromUTF8(bytes, m[0], m[1]).toLowerCase()); });
      textsOf(parsed.parts).forEach(function (t) {
        tokens(t).forEach(function (k) { if (k.terms.length && !k.unknown) { word(k.word); } });
      });
      return { id: doc.u, url: doc.u, title: doc.t, kind: doc.k, lang: tag, score: score, snippet: snippet(bytes, ranges), words: words };
    }

    idx.hit = hit;
  }

  var ESC = { "&": "&amp;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "\"": "&#34;" };
  function escapeHTML(s) { return s.replace(/[&'<>"]/g, function (c) { return ESC[c]; }); }

  // wordBoundary is wordBoundary in snippet.go, over UTF-8 bytes.
  function wordBoundary(b, i, forward) {
    if (i <= 0 || i >= b.length) { return Math.min(Math.max(i, 0), b.length); }
    for (var j = 0; j < 30; j++) {
      var k = forward ? i + j : i - j;
      if (k <= 0 || k >= b.length) { break; }
      if (b[k] === 32) { return forward ? k : k + 1; }
    }
    while (i > 0 && i < b.length && (b[i] & 0xc0) === 0x80) { i--; }
    return i;
  }

  // snippet is snippet in snippet.go, over the text's UTF-8 bytes.
  function snippet(b, matches) {
    var start = 0, end = Math.min(b.length, SNIPPET_BYTES);
    if (matches.length) {
      start = Math.max(0, matches[0][0] - SNIPPET_BYTES / 3);
      end = Math.min(b.length, start + SNIPPET_BYTES);
    }
    start = wordBoundary(b, start, false);
    end = wordBoundary(b, end, true);
    var out = start > 0 ? "\u2026 " : "", pos = start;
    matches.forEach(function (m) {
      if (m[0] < pos || m[1] > end || m[0] >= m[1]) { return; }
      out += escapeHTML(fromUTF8(b, pos, m[0])) + "<mark>" + escapeHTML(fromUTF8(b, m[0], m[1])) + "</mark>";
      pos = m[1];
    });
    out += escapeHTML(fromUTF8(b, pos, end));
    if (end < b.length) { out += " \u2026"; }
    return out;
  }
