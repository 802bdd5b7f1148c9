// Words: the words of a text as the index's analyzer finds them, looked
// up among the surface words of the corpus, and the texts of a query.

  // indexWords adds to idx, the index of one language (see Index), what
  // finds the words of a text and the terms bleve made of them.
  function indexWords(idx) {
    var bucket = idx.bucket;

    // lookup says what bleve made of a word: its terms, nothing (a word the
    // analyzer drops), or, for a word the corpus does not have, the word
    // itself, which is what the analyzer makes of a word that is already a
    // stem, and which still weighs in the score.
    function lookup(w) {
      var b = bucket(w);
      if (b.surf[w]) { return { terms: b.surf[w] }; }
      if (b.stop[w]) { return { terms: [], stop: true }; }
      return { terms: [w], unknown: true };
    }

    // wordsOf lists the words of a text as the index's analyzer finds
    // them, lower-cased. Where it reads runs of ideographs as overlapping
    // pairs, as bleve's CJK analyzer does, a run is its pairs, or its one
    // ideograph, and a run ends where the text between two ideographs
    // does.
    function wordsOf(text) {
      var out = [];
      if (!idx.ix.bigrams) {
        (text.match(WORD) || []).forEach(function (w) { out.push(w.toLowerCase()); });
        return out;
      }
      var run = [], end = -1, re = new RegExp(WORD.source, "gu"), m;
      function flush() {
        if (run.length === 1) { out.push(run[0]); }
        for (var i = 0; i + 1 < run.length; i++) { out.push(run[i] + run[i + 1]); }
        run = [];
      }
      while ((m = re.exec(text)) !== null) {
        var at = m.index, rest = "";
        Array.from(m[0]).forEach(function (c) {
          if (IDEO.test(c)) {
            if (rest) { flush(); out.push(rest.toLowerCase()); rest = ""; }
            if (at !== end) { flush(); }
            run.push(c.toLowerCase());
            end = at + c.length;
          } else {
            rest += c;
          }
          at += c.length;
        });
        if (rest) { flush(); out.push(rest.toLowerCase()); }
      }
      flush();
      return out;
    }

    // tokens analyses a text as the index did, through the surface words:
    // a list of {pos, terms}.
    function tokens(text) {
      var out = [], pos = 0;
      wordsOf(text).forEach(function (w) {
        var r = lookup(w), pieces = w.match(PIECE) || [];
        if (r.unknown && pieces.length > 1) {
          var parts = pieces.map(lookup);
          if (parts.some(function (p) { return !p.unknown; })) {
            parts.forEach(function (p) { out.push({ pos: ++pos, terms: p.terms, word: w }); });
            return;
          }
        }
        out.push({ pos: ++pos, terms: r.terms, word: w, unknown: r.unknown });
      });
      return out;
    }

    Object.assign(idx, { lookup: lookup, wordsOf: wordsOf, tokens: tokens });
  }

  // candidates lists words and their pieces between punctuation: every
  // word whose bucket a lookup may need.
  function candidates(words) {
    var out = [];
    words.forEach(function (w) {
      out.push(w);
      var pieces = w.match(PIECE) || [];
      if (pieces.length > 1) { out.push.apply(out, pieces); }
    });
    return out;
  }

  // textsOf lists the analysed texts of a parsed query.
  function textsOf(parts) {
    var out = [];
    parts.forEach(function (p) {
      if ((p.q.t === "match" || p.q.t === "phrase" || p.q.t === "num") && !KEYWORD[p.q.field]) { out.push(p.q.text); }
    });
    return out;
  }
