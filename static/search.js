// The search engine of the browser: it searches the index the build
// exports (site/search/export*.go), with the server's results and scores.
// The query is parsed as bleve's query string parser does, turned into the
// tree of searchers bleve builds, and scored with bleve's BM25. Data files
// are scripts that call protositeSearch.add, loaded on demand with
// <script> tags, so that search works on any static host and from file://.
//
// Each language has an index of its own, as on the server: a search of one
// language loads only that language's files, and a search of every
// language merges the languages' answers by score, as the server does
// (site/search/merge.go).
//
// Query words are never analysed here: they are looked up among the
// surface words of the corpus, each mapped to the terms bleve made of it.
//
// static/search-page.js runs the search page with it.
(function () {
  "use strict";

  // Constants shared with site/search and bleve.
  var K1 = 1.2, B = 0.75;        // bleve's BM25 parameters
  var PREFIX_RUNES = 3;          // prefixRunes in export_encode.go
  var MAX_QUERY_BYTES = 500, MAX_SIZE = 50, MAX_FROM = 1000, DEFAULT_SIZE = 10;
  var SNIPPET_BYTES = 240;       // snippetBytes in snippet.go
  var FACETS = ["kind", "article", "country", "year"];
  var FILTER_ORDER = ["article", "country", "kind", "year"]; // as sortQueries orders them
  var KEYWORD = own({ kind: 1, article: 1, country: 1, year: 1, meeting: 1, lang: 1 });
  var PREFIX_TERMS = 50;         // at most this many terms for a word being typed
  var ALL = "all";               // AllLanguages in lang.go

  // A word as Unicode word segmentation finds it, near enough: letters,
  // digits and joiners, with inner apostrophes, periods and the like; an
  // ideograph is a word by itself.
  var WORD = /[\p{sc=Han}\p{sc=Hiragana}]|[\p{L}\p{M}\p{N}\p{Pc}]+(?:['\u2019.:\u00b7,;][\p{L}\p{M}\p{N}\p{Pc}]+)*/gu;
  var PIECE = /[\p{L}\p{M}\p{N}\p{Pc}]+/gu;
  // An ideograph or kana, which bleve's CJK analyzer pairs with its
  // neighbours.
  var IDEO = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]/u;

  var api = window.protositeSearch = window.protositeSearch || {};

  // ---- Loading ----------------------------------------------------------

  var store = {}, waiting = {}, base = "";

  // add registers a data file under its path in the export without the
  // hash ("nl/b3"); every export file calls it. The page includes the
  // list of languages, "l", beside the export's other files.
  api.add = function (name, data) {
    if (name === "l" && typeof document !== "undefined" && document.currentScript && document.currentScript.src) {
      base = document.currentScript.src.replace(/[^/]*$/, "");
    }
    store[name] = data;
    var w = waiting[name];
    delete waiting[name];
    (w || []).forEach(function (p) { p[0](data); });
  };

  // inject loads a script; tests replace it.
  api.inject = function (url, fail) {
    var s = document.createElement("script");
    s.src = url;
    s.async = true;
    s.onerror = fail;
    document.head.appendChild(s);
  };

  function failed(name) {
    var w = waiting[name];
    delete waiting[name];
    (w || []).forEach(function (p) { p[1](new Error("cannot load " + name)); });
  }

  // load resolves to a data file's data once its script, named by hash,
  // has run. The page loads the list of languages itself; once the page
  // has loaded, a list that has not come never will.
  function load(name, hash) {
    if (store[name]) { return Promise.resolve(store[name]); }
    return new Promise(function (resolve, reject) {
      var first = !waiting[name];
      (waiting[name] = waiting[name] || []).push([resolve, reject]);
      if (name === "l") {
        if (typeof document !== "undefined" && document.readyState === "complete") { failed("l"); }
        return;
      }
      if (first) { api.inject(base + name + "." + hash + ".js", function () { failed(name); }); }
    });
  }
  if (typeof window.addEventListener === "function") { window.addEventListener("load", function () { failed("l"); }); }

  // ---- Decoding ---------------------------------------------------------

  var B64 = {};
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".split("").forEach(function (c, i) { B64[c] = i; });

  // vlq decodes numbers written in base64 digits of five bits each, least
  // significant first, the sixth bit saying that more follow (vlq in
  // export_encode.go).
  function vlq(s) {
    var out = [], acc = 0, mul = 1;
    for (var i = 0; i < s.length; i++) {
      var c = B64[s.charAt(i)];
      acc += (c & 31) * mul;
      if (c & 32) { mul *= 32; } else { out.push(acc); acc = 0; mul = 1; }
    }
    return out;
  }

  // own copies an object's properties into one with no prototype, so
  // that a word such as "constructor" is looked up as any other.
  function own(o) {
    var out = Object.create(null);
    Object.keys(o).forEach(function (k) { out[k] = o[k]; });
    return out;
  }

  // ---- The index of one language ----------------------------------------

  // Index is the exported index of the language tag, whose manifest is
  // named by hash; its files are under tag/.
  function Index(tag, hash) {
    var ix = null, opening = null; // the opened manifest, and its loading

    function get(name) { return load(tag + "/" + name, name.charAt(0) === "b" ? ix.hb : ix.hd); }
    function data(name) { return store[tag + "/" + name]; }

    // open loads the manifest; a manifest that fails to load is asked for
    // again by the next search.
    function open() {
      opening = opening || load(tag + "/m", hash).then(openIndex, function (e) { opening = null; throw e; });
      return opening;
    }

    // openIndex reads the manifest: per keyword field, which documents have
    // which values, from runs of documents with the same set of values.
    function openIndex(m) {
      if (ix) { return ix; }
      var n = m.n;
      ix = { n: n, tb: m.tb, avg: m.a, buckets: m.k, perChunk: m.dk, hb: m.b, hd: m.d, bigrams: !!m.bg, kw: {}, b: {} };
      Object.keys(m.f).forEach(function (f) {
        var sets = m.f[f].s, vals = m.f[f].v, kf = { docs: own({}), of: [], count: [] }, d = 0, r = [];
        var named = sets.map(function (s) { return s.map(function (i) { return vals[i]; }); });
        vals.forEach(function (v) { kf.docs[v] = []; });
        if (m.f[f].c) {
          vlq(m.f[f].c).forEach(function (c) { r.push(1, c); });
        } else {
          r = vlq(m.f[f].r || "");
        }
        for (var at = 0; at < r.length; at += 2) {
          var set = r[at + 1] ? named[r[at + 1] - 1] : [];
          for (var j = 0; j < r[at]; j++, d++) {
            kf.of[d] = set;
            kf.count[d] = set.length;
            for (var k = 0; k < set.length; k++) { kf.docs[set[k]].push(d); }
          }
        }
        ix.kw[f] = kf;
      });
      return ix;
    }

    // bucketOf is bucketOf in export_bucket.go: FNV-1a over the UTF-16 code
    // units of a word's first characters.
    function bucketOf(w) {
      var p = Array.from(w).slice(0, PREFIX_RUNES).join(""), h = 2166136261;
      for (var i = 0; i < p.length; i++) { h = Math.imul(h ^ p.charCodeAt(i), 16777619) >>> 0; }
      return h % ix.buckets;
    }

    function loadBuckets(words) {
      var need = {};
      words.forEach(function (w) { need[bucketOf(w)] = true; });
      return Promise.all(Object.keys(need).map(function (k) { return get("b" + k); }));
    }

    // bucket reads a bucket: per term its entry, [postings, positions,
    // document frequency, surface codes...], or [0, surface codes...] when
    // the term is in another bucket; postings and positions are strings, or
    // the number of a file of their own.
    function bucket(w) {
      var k = bucketOf(w);
      if (ix.b[k]) { return ix.b[k]; }
      var d = data("b" + k), b = { k: k, terms: own(d.t), surf: own({}), stop: own({}), post: own({}) };
      Object.keys(d.t).forEach(function (t) {
        var e = d.t[t];
        e.slice(e[0] === 0 ? 1 : 3).forEach(function (c) {
          var w = c.charAt(0) === "=" ? c.slice(1) : t + c;
          (b.surf[w] = b.surf[w] || []).push(t);
        });
      });
      d.s.split(" ").forEach(function (w) { if (w) { b.stop[w] = true; } });
      return (ix.b[k] = b);
    }

    // entry returns a term's entry in its bucket, or null.
    function entry(term) {
      var e = bucket(term).terms[term];
      return e && e[0] !== 0 ? e : null;
    }

    // loadTerms loads the files of their own of the terms' postings, and of
    // their positions where asked: terms maps a term to true for both.
    function loadTerms(terms) {
      var need = [];
      Object.keys(terms).forEach(function (t) {
        var e = entry(t), k = bucketOf(t);
        if (!e) { return; }
        if (typeof e[0] === "number") { need.push("b" + k + "-" + e[0]); }
        if (terms[t] && typeof e[1] === "number") { need.push("b" + k + "-" + e[1]); }
      });
      return Promise.all(need.map(get));
    }

    function part(k, v) { return typeof v === "number" ? data("b" + k + "-" + v) : v; }

    // postings returns a term's postings in a field: documents, frequencies,
    // field lengths and, once loaded, positions; or null.
    function postings(field, term) {
      if (KEYWORD[field]) {
        var kf = ix.kw[field], docs = kf && kf.docs[term];
        if (!docs || !docs.length) { return null; }
        return { docs: docs, freqs: docs.map(function () { return 1; }), lens: docs.map(function (d) { return kf.count[d]; }), pos: docs.map(function () { return [1]; }) };
      }
      if (field !== "title" && field !== "text") { return null; }
      var b = bucket(term);
      if (!b.post[term]) {
        var e = entry(term), out = { title: null, text: null };
        if (e) {
          var v = vlq(part(b.k, e[0])), at = 0;
          ["title", "text"].forEach(function (f) {
            var df = v[at++], p = { docs: [], freqs: [], lens: [], pos: null }, doc = 0;
            for (var i = 0; i < df; i++) {
              doc += v[at++];
              var x = v[at++];
              p.docs.push(doc); p.lens.push(Math.floor(x / 2)); p.freqs.push(x % 2 ? v[at++] + 2 : 1);
            }
            if (df) { out[f] = p; }
          });
        }
        b.post[term] = out;
      }
      var got = b.post[term];
      if (!got.pos) {
        // Positions come with a phrase, maybe after the postings.
        var e2 = entry(term), q = e2 && part(b.k, e2[1]);
        if (q !== undefined && q !== null) {
          var w = vlq(q), i = 0;
          ["title", "text"].forEach(function (f) {
            if (!got[f]) { return; }
            got[f].pos = got[f].freqs.map(function (fr) {
              var ps = [], at = 0;
              for (var j = 0; j < fr; j++) { at += w[i++]; ps.push(at); }
              return ps;
            });
          });
          got.pos = true;
        }
      }
      return got[field];
    }

    // df is a term's document frequency over both fields.
    function df(term) {
      var e = entry(term);
      return e ? e[2] : 0;
    }

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
      if (!ix.bigrams) {
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

    // ---- Searchers of the language's index

    function termS(field, term, boost) {
      var p = postings(field, term), n = ix.n, df = p ? p.docs.length : 0, avg = ix.avg[field] || 0;
      var idf = avg > 0 ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 1 + Math.log(n / (df + 1));
      var w = boost * idf;
      return { k: "term", field: field, term: term, boost: boost, p: p, idf: idf, avg: avg, count: df, weight: w * w };
    }

    // analyse returns a text's tokens in a field: keyword fields take the
    // whole text as their one term.
    function analyse(field, text) {
      return KEYWORD[field] ? [{ pos: 1, terms: [text] }] : tokens(text);
    }

    // matchS is a MatchQuery's searcher: a disjunction of its terms.
    function matchS(q) {
      var terms = [];
      analyse(q.field, q.text).forEach(function (t) { terms.push.apply(terms, t.terms); });
      if (q.prefix) { terms = q.prefix; }
      if (!terms.length) { return NONE; }
      var b = boostOf(q.boost);
      return disj(terms.map(function (t) { return termS(q.field, t, b); }), q.prefix ? 0 : 1, false);
    }

    // phraseS is a MatchPhraseQuery's searcher: the conjunction of its terms,
    // kept where they stand at consecutive positions.
    function phraseS(q) {
      var toks = analyse(q.field, q.text).filter(function (t) { return t.terms.length; });
      if (!toks.length) { return NONE; }
      var first = toks[0].pos, last = toks[toks.length - 1].pos, slots = [], b = boostOf(q.boost), kids = [];
      for (var p = first; p <= last; p++) { slots.push([]); }
      toks.forEach(function (t) {
        var s = slots[t.pos - first];
        t.terms.forEach(function (term) { s.push(termS(q.field, term, b)); });
      });
      slots.forEach(function (s) {
        if (s.length === 1) { kids.push(s[0]); } else if (s.length > 1) { kids.push(disj(s, 1, false)); }
      });
      var c = conj(kids, false);
      return { k: "phrase", field: q.field, slots: slots, conj: c, count: c.count, weight: c.weight };
    }

    // expand is expandFields in query.go: a clause that names no field is
    // searched in the title, boosted, and in the text.
    function expand(q, build) {
      if (q.field) { return build(q); }
      var title = Object.assign({}, q, { field: "title", boost: boostOf(q.boost) * ix.tb });
      var text = Object.assign({}, q, { field: "text" });
      return disj([build(title), build(text)], 0, false);
    }

    function clauseS(q) {
      switch (q.t) {
        case "match": return expand(q, matchS);
        case "phrase": return expand(q, phraseS);
        case "num":
          var m = { t: "match", field: q.field, text: q.text };
          return disj([expand(m, matchS), empty()], 0, true);
      }
      return empty();
    }

    // boolS is a BooleanQuery's searcher as the query string builds it.
    function boolS(parts) {
      var must = [], should = [], not = [];
      parts.forEach(function (p) {
        var s = clauseS(p.q);
        (p.occur === "must" ? must : p.occur === "not" ? not : should).push(s);
      });
      var m = must.length ? conj(must, true) : NONE;
      var s = should.length ? disj(should, 0, true) : NONE;
      var n = not.length ? disj(not, 0, true) : NONE;
      if (m === NONE && s === NONE && n === NONE) { return NONE; }
      if (n === NONE && s === NONE) { return m; }
      if (n === NONE && m === NONE) { return s; }
      if (m === NONE && s === NONE) { m = { k: "all", n: ix.n, count: ix.n, weight: 1 }; }
      return {
        k: "bool", must: m === NONE ? null : m, should: s === NONE ? null : s, not: n === NONE ? null : n,
        count: (m === NONE ? 0 : m.count) + (s === NONE ? 0 : s.count),
        weight: (m === NONE ? 0 : m.weight) + (s === NONE ? 0 : s.weight)
      };
    }

    // prefixTerms expands the last word of a query being typed: when it is a
    // bare word the corpus does not have, the terms of the words it begins.
    function prefixTerms(parsed, q) {
      var last = parsed.parts[parsed.parts.length - 1];
      if (!last || last.occur !== "should" || last.q.t !== "match" || last.q.field || last.q.boost !== undefined || /\s$/.test(q)) { return null; }
      var ws = last.q.text.match(WORD) || [];
      if (ws.length !== 1 || ws[0] !== last.q.text) { return null; }
      var w = ws[0].toLowerCase();
      if (Array.from(w).length < PREFIX_RUNES || !lookup(w).unknown) { return null; }
      var b = bucket(w), terms = {};
      Object.keys(b.surf).forEach(function (s) {
        if (s.lastIndexOf(w, 0) === 0) { b.surf[s].forEach(function (t) { terms[t] = true; }); }
      });
      return { q: last.q, word: w, terms: Object.keys(terms) };
    }

    // prepare loads what a parsed query needs: the manifest, the buckets
    // of its words, then those of their terms, which may live in other
    // buckets, then the postings of the terms, and the positions of a
    // phrase's, that are files of their own; q is the query as typed.
    function prepare(parsed, q) {
      return open().then(function () {
        var words = [];
        textsOf(parsed.parts).forEach(function (t) { words.push.apply(words, candidates(wordsOf(t))); });
        return loadBuckets(words);
      }).then(function () {
        var terms = [], pre = prefixTerms(parsed, q);
        textsOf(parsed.parts).forEach(function (t) { tokens(t).forEach(function (k) { terms.push.apply(terms, k.terms); }); });
        if (pre) { terms.push.apply(terms, pre.terms); }
        return loadBuckets(terms).then(function () { return pre; });
      }).then(function (pre) {
        if (pre && pre.terms.length) {
          pre.q.prefix = pre.terms.sort(function (a, b) { return df(b) - df(a) || (a < b ? -1 : a > b ? 1 : 0); }).slice(0, PREFIX_TERMS).sort();
        }
        var need = own({});
        parsed.parts.forEach(function (p) {
          if ((p.q.t === "match" || p.q.t === "phrase" || p.q.t === "num") && !KEYWORD[p.q.field]) {
            tokens(p.q.text).forEach(function (k) { k.terms.forEach(function (t) { need[t] = need[t] || p.q.t === "phrase"; }); });
          }
          (p.q.prefix || []).forEach(function (t) { need[t] = need[t] || false; });
        });
        return loadTerms(need);
      });
    }

    // collect runs a prepared query with the request's filters: its
    // searcher and its matches, document → score.
    function collect(parsed, r) {
      var root = boolS(parsed.parts), filters = [];
      FILTER_ORDER.forEach(function (f) { if (r[f]) { filters.push(termS(f, r[f], 0)); } });
      if (filters.length) { root = conj([root].concat(filters), false); }
      if (root !== NONE) { setNorm(root, 1 / Math.sqrt(root.weight)); }
      return { root: root, matches: root === NONE ? new Map() : run(root) };
    }

    // counts counts the matching documents by each facet field's values.
    function counts(matches) {
      var out = {};
      FACETS.forEach(function (f) {
        var c = out[f] = own({}), kf = ix.kw[f];
        if (kf) {
          matches.forEach(function (sc, d) { kf.of[d].forEach(function (v) { c[v] = (c[v] || 0) + 1; }); });
        }
      });
      return out;
    }

    // hit loads a document's chunk and the pieces of its text the snippet
    // shows: about SNIPPET_BYTES from a third of that before the first
    // match, and up to 30 bytes on either side where a word may end. The
    // first match is the first position of a matched phrase or the first
    // token of a matched term: the pieces are searched in order for it.
    function hit(root, d, score, parsed) {
      var c = Math.floor(d / ix.perChunk);
      return get("d" + c).then(function (chunk) {
        var doc = chunk[d - c * ix.perChunk];
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

    return { tag: tag, open: open, prepare: prepare, collect: collect, counts: counts, hit: hit };
  }

  // ---- Words ------------------------------------------------------------

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

  // ---- Query string -----------------------------------------------------

  function QueryError(msg) { this.message = msg; }
  function unreadable(msg) { return new QueryError("the query cannot be read: " + msg); }

  var RESERVED = "+-=&|><!(){}[]^\"~*?:\\/ ";
  var SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  var DIGIT = /\p{Nd}/u;

  // lex splits a query string into tokens as bleve's lexer does
  // (search/query/query_string_lex.go).
  function lex(q) {
    var chars = Array.from(q), i = 0, out = [], buf = "", esc = false, dot = false;
    function emit(t) { out.push({ t: t, s: buf }); buf = ""; esc = false; dot = false; }
    function unescape(c) { return RESERVED.indexOf(c) >= 0 ? c : "\\" + c; }
    function ends(c) { return c === " " || c === ":" || c === "^" || c === "~"; }
    var state = "start";
    while (true) {
      var eof = i >= chars.length, c = eof ? "" : chars[i];
      switch (state) {
        case "start":
          if (eof) { return out; }
          i++;
          if (esc) { esc = false; buf += unescape(c); state = "str"; } else if (c === "\"") { state = "phrase"; } else if ("+-:><=".indexOf(c) >= 0) {
            out.push({ t: { "+": "PLUS", "-": "MINUS", ":": "COLON", ">": "GREATER", "<": "LESS", "=": "EQUAL" }[c], s: "" });
            buf = ""; esc = false; dot = false;
          } else if (c === "^") { state = "boost"; } else if (c === "~") { state = "tilde"; } else if (c === "\\") { esc = true; } else if (DIGIT.test(c)) { buf += c; state = "num"; } else if (!SPACE.test(c)) { buf += c; state = "str"; } else { buf = ""; esc = false; dot = false; }
          break;
        case "phrase":
          if (eof) { throw unreadable("parse error: unterminated quote"); }
          i++;
          if (!esc && c === "\"") { emit("PHRASE"); state = "start"; } else if (!esc && c === "\\") { esc = true; } else if (esc) { esc = false; buf += unescape(c); } else { buf += c; }
          break;
        case "boost":
        case "tilde":
          if (eof || (!esc && c === " ")) {
            if (!buf) { buf = "1"; }
            emit(state === "boost" ? "BOOST" : "TILDE");
            state = "start";
            if (!eof) { i++; }
            break;
          }
          i++;
          if (!esc && c === "\\") { esc = true; } else if (esc) { esc = false; buf += unescape(c); } else { buf += c; }
          break;
        case "num":
        case "str":
          if (eof || (!esc && ends(c))) {
            emit(state === "num" ? "NUMBER" : "STRING");
            state = "start";
            if (!eof && c === " ") { i++; }
            break;
          }
          i++;
          if (!esc && c === "\\") { esc = true; } else if (esc) {
            esc = false; buf += unescape(c); state = "str";
          } else if (state === "num" && !dot && c === ".") { dot = true; buf += c; } else if (state === "num" && DIGIT.test(c)) { buf += c; } else { buf += c; state = "str"; }
          break;
      }
    }
  }

  // goFloat reads a boost or fuzziness as strconv.ParseFloat does, near
  // enough, and fails as the parser does.
  function goFloat(s, what) {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
      throw unreadable("parse error: invalid " + what + " value: strconv.ParseFloat: parsing " + JSON.stringify(s) + ": invalid syntax");
    }
    var n = Number(s);
    if (!isFinite(n)) { throw unreadable("parse error: invalid " + what + " value: strconv.ParseFloat: parsing " + JSON.stringify(s) + ": value out of range"); }
    return n;
  }

  // parse reads a query string as bleve's grammar does
  // (search/query/query_string.y) into clauses {occur, q}.
  function parse(q) {
    var toks = lex(q), i = 0, parts = [];
    function peek() { return i < toks.length ? toks[i].t : "EOF"; }
    function take() { if (i >= toks.length) { fail(); } return toks[i++]; }
    function fail() { throw unreadable("syntax error"); }
    function str(field, s) {
      if (s.charAt(0) === "/" && s.charAt(s.length - 1) === "/") {
        if (s.length < 2) { fail(); }
        return { t: "refused", msg: "regular expressions are not supported in queries" };
      }
      if (/[*?]/.test(s)) { return { t: "refused", msg: "wildcards are not supported in queries; the last word of a query matches as a prefix" }; }
      return { t: "match", field: field, text: s };
    }
    // fuzzy is a word with a fuzziness; matching within an edit distance
    // needs the term dictionary, so it is refused, as on the server.
    function fuzzy(field, s) {
      if (Math.trunc(goFloat(take().s, "fuzziness"))) { return { t: "refused", msg: "fuzzy matching (~) is not supported in queries" }; }
      return { t: "match", field: field, text: s };
    }
    function number(field, s) { return { t: "num", field: field, text: s }; }
    function range() {
      if (peek() === "EQUAL") { i++; }
      var t = take();
      if (t.t === "MINUS") { t = take(); if (t.t !== "NUMBER") { fail(); } } else if (t.t !== "NUMBER" && t.t !== "PHRASE") { fail(); }
      return { t: "empty" };
    }
    function fielded(field) {
      var t = take();
      switch (t.t) {
        case "STRING": return peek() === "TILDE" ? fuzzy(field, t.s) : str(field, t.s);
        case "NUMBER": return number(field, t.s);
        case "MINUS": var n = take(); if (n.t !== "NUMBER") { fail(); } return number(field, "-" + n.s);
        case "PHRASE": return { t: "phrase", field: field, text: t.s };
        case "GREATER": case "LESS": return range();
      }
      return fail();
    }
    function base() {
      var t = take();
      if ((t.t === "STRING" || t.t === "PHRASE") && peek() === "COLON") { i++; return fielded(t.s); }
      if (t.t === "STRING") { return peek() === "TILDE" ? fuzzy("", t.s) : str("", t.s); }
      if (t.t === "PHRASE") { return { t: "phrase", field: "", text: t.s }; }
      if (t.t === "NUMBER") { return number("", t.s); }
      return fail();
    }
    if (!toks.length) { fail(); }
    while (i < toks.length) {
      var occur = "should";
      if (peek() === "PLUS") { occur = "must"; i++; } else if (peek() === "MINUS") { occur = "not"; i++; }
      var b = base();
      if (peek() === "BOOST") { b.boost = goFloat(take().s, "boost"); }
      parts.push({ occur: occur, q: b });
    }
    // Patterns are refused once the query parses, as refuseCostly in
    // query.go does, must clauses first.
    ["must", "should", "not"].forEach(function (o) {
      parts.forEach(function (p) { if (p.occur === o && p.q.t === "refused") { throw new QueryError(p.q.msg); } });
    });
    return { parts: parts };
  }

  // ---- Searchers --------------------------------------------------------
  //
  // Each searcher has bleve's count (for ordering) and weight (for the
  // query norm); run gives its matches as a Map from document to score.
  // The searchers that read an index are made by each language's Index.

  var NONE = { k: "none", count: 0, weight: 0 };

  // byCount orders searchers as bleve's OrderedSearcherList does.
  function byCount(kids) { return kids.slice().sort(function (a, b) { return a.count - b.count; }); }

  function sum(kids, f) { var s = 0; kids.forEach(function (k) { s += k[f]; }); return s; }

  // disj is a disjunction; in query-string mode it leaves out clauses that
  // match nothing by construction.
  function disj(kids, min, qsm) {
    if (qsm) { kids = kids.filter(function (k) { return k !== NONE; }); }
    if (!kids.length) { return NONE; }
    kids = byCount(kids);
    return { k: "disj", kids: kids, min: min, count: sum(kids, "count"), weight: sum(kids, "weight") };
  }

  // empty is what bleve builds for a pattern or range with no terms: a
  // disjunction of nothing, which counts as a clause.
  function empty() { return { k: "disj", kids: [], min: 0, count: 0, weight: 0 }; }

  function conj(kids, qsm) {
    if (qsm) { kids = kids.filter(function (k) { return k !== NONE; }); }
    if (!kids.length) { return NONE; }
    kids = byCount(kids);
    return { k: "conj", kids: kids, count: sum(kids, "count"), weight: sum(kids, "weight") };
  }

  function boostOf(b) { return b === undefined || b === null ? 1 : b; }

  // setNorm gives every scoring searcher the top query norm, as bleve's
  // SetQueryNorm calls do (must-not clauses do not score).
  function setNorm(s, norm) {
    switch (s.k) {
      case "term": s.qw = s.boost * s.idf * norm; break;
      case "all": s.qw = norm; break;
      case "disj": case "conj": s.kids.forEach(function (k) { setNorm(k, norm); }); break;
      case "phrase": setNorm(s.conj, norm); break;
      case "bool": if (s.must) { setNorm(s.must, norm); } if (s.should) { setNorm(s.should, norm); } break;
    }
  }

  // run returns a searcher's matches: document → score.
  function run(s) {
    if (s.res) { return s.res; }
    var res = new Map();
    switch (s.k) {
      case "term":
        if (s.p) {
          for (var i = 0; i < s.p.docs.length; i++) {
            var d = s.p.docs[i], tf = Math.sqrt(s.p.freqs[i]), norm = Math.fround(1 / Math.sqrt(s.p.lens[i])), score;
            if (s.avg > 0) {
              var fl = 1 / (norm * norm);
              score = s.idf * (tf * K1) / (tf + K1 * (1 - B + (B * fl / s.avg)));
            } else {
              score = tf * norm * s.idf;
            }
            if (s.qw !== 1) { score = score * s.qw; }
            res.set(d, score);
          }
        }
        break;
      case "all":
        for (var a = 0; a < s.n; a++) { res.set(a, s.qw !== 1 ? 1 * s.qw : 1); }
        break;
      case "disj":
        var acc = new Map(), cnt = new Map();
        s.kids.forEach(function (k) {
          run(k).forEach(function (sc, d) { acc.set(d, (acc.get(d) || 0) + sc); cnt.set(d, (cnt.get(d) || 0) + 1); });
        });
        acc.forEach(function (sc, d) {
          var c = cnt.get(d);
          if (c >= s.min) { res.set(d, sc * (c / s.kids.length)); }
        });
        break;
      case "conj":
        var runs = s.kids.map(run);
        runs[0].forEach(function (sc, d) {
          var total = 0;
          for (var j = 0; j < runs.length; j++) {
            if (!runs[j].has(d)) { return; }
            total += runs[j].get(d);
          }
          res.set(d, total);
        });
        break;
      case "phrase":
        s.paths = new Map();
        run(s.conj).forEach(function (sc, d) {
          var found = [];
          phrasePaths(s.slots, d, 0, 0, [], found);
          if (found.length) { res.set(d, sc); s.paths.set(d, found); }
        });
        break;
      case "bool":
        var must = s.must && run(s.must), should = s.should && run(s.should), not = s.not && run(s.not);
        (must || should).forEach(function (sc, d) {
          if (not && not.has(d)) { return; }
          var total = 0;
          if (must) { total += sc; }
          if (must && should && should.has(d)) { total += should.get(d); }
          if (!must) { total += sc; }
          res.set(d, total);
        });
        break;
    }
    s.res = res;
    return res;
  }

  // positionsIn returns a term searcher's positions in document d.
  function positionsIn(t, d) {
    if (!t.p || !t.p.pos) { return []; }
    if (!t.at) { t.at = new Map(); t.p.docs.forEach(function (doc, i) { t.at.set(doc, i); }); }
    var i = t.at.get(d);
    return i === undefined ? [] : t.p.pos[i];
  }

  // phrasePaths is findPhrasePaths in bleve's search_phrase.go with no
  // slop: every way the slots' terms stand at consecutive positions, an
  // empty slot (a dropped word) standing for any one position.
  function phrasePaths(slots, d, i, prev, path, out) {
    if (i === slots.length) { out.push.apply(out, path); return; }
    if (!slots[i].length) { phrasePaths(slots, d, i + 1, prev === 0 ? 0 : prev + 1, path, out); return; }
    slots[i].forEach(function (t) {
      positionsIn(t, d).forEach(function (p) {
        if (prev === 0 || p === prev + 1) { phrasePaths(slots, d, i + 1, p, path.concat([p]), out); }
      });
    });
  }

  // matchedIn lists where in document d's text the searcher matched: the
  // terms of the matching term searchers, all of whose tokens count, and
  // the positions of the matching phrases. Of the terms, those whose
  // positions were loaded give their positions in known, the others are
  // listed in lack.
  function matchedIn(s, d, want, lack, ps, known) {
    if (!run(s).has(d)) { return; }
    switch (s.k) {
      case "term":
        if (s.field === "text") {
          want[s.term] = true;
          if (s.p.pos) { known.push.apply(known, positionsIn(s, d)); } else { lack[s.term] = true; }
        }
        break;
      case "disj": case "conj": s.kids.forEach(function (k) { matchedIn(k, d, want, lack, ps, known); }); break;
      case "phrase": if (s.field === "text") { ps.push.apply(ps, s.paths.get(d)); } break;
      case "bool": if (s.must) { matchedIn(s.must, d, want, lack, ps, known); } if (s.should) { matchedIn(s.should, d, want, lack, ps, known); } break;
    }
  }

  // tokensOf decodes a piece's tokens (encodePiece in export_doc.go) into
  // a list of [position, start, end, term], bytes counted from the start
  // of the text, and p.at, position → [start, end].
  function tokensOf(p) {
    if (p.list) { return p.list; }
    var v = vlq(p.o || ""), pos = p.k ? p.pos - 1 : 0, end = p.start, b = utf8(p.x);
    p.list = [];
    p.at = {};
    for (var i = 0; i < v.length;) {
      var a = v[i++], step = a % 4;
      if (step === 3) { step += v[i++]; }
      var c = v[i++], gap = Math.floor(c / 8), cut = c % 8;
      if (gap === 3) { gap += v[i++]; } else if (gap === 4) { gap = -v[i++]; }
      pos += step + 1;
      var start = end + gap, term;
      end = start + Math.floor(a / 4);
      if (cut === 7) { term = p.w[v[i++]]; } else { term = fromUTF8(b, start - p.start, end - p.start).toLowerCase().slice(0, end - start - cut); }
      p.list.push([pos, start, end, term]);
      p.at[pos] = [start, end];
    }
    return p.list;
  }

  // ---- Searching --------------------------------------------------------

  function utf8Length(s) { return utf8(s).length; }

  // validate is Request.validate in query.go.
  function validate(r) {
    if (!r.q.trim()) { throw new QueryError("the query is empty"); }
    var n = utf8Length(r.q);
    if (n > MAX_QUERY_BYTES) { throw new QueryError("the query is " + n + " bytes long; the limit is " + MAX_QUERY_BYTES); }
    if (r.from < 0 || r.from > MAX_FROM) { throw new QueryError("from must be between 0 and " + MAX_FROM); }
    if (r.size < 0 || r.size > MAX_SIZE) { throw new QueryError("size must be between 1 and " + MAX_SIZE); }
    FACETS.forEach(function (f) {
      if (r[f] && utf8Length(r[f]) > 64) { throw new QueryError("the " + f + " filter is not a valid value"); }
    });
    if (!r.size) { r.size = DEFAULT_SIZE; }
  }

  // textsOf lists the analysed texts of a parsed query.
  function textsOf(parts) {
    var out = [];
    parts.forEach(function (p) {
      if ((p.q.t === "match" || p.q.t === "phrase" || p.q.t === "num") && !KEYWORD[p.q.field]) { out.push(p.q.text); }
    });
    return out;
  }

  var indexes = {}; // the languages' indexes, by tag

  // pick returns the indexes a request's language names in the list of
  // languages, [[tag, manifest hash], ...], the default first, and the
  // name of what is searched, as Index.pick in index.go: "" is the
  // default language, "all" every language.
  function pick(list, lang) {
    var chosen = list;
    if (lang === "") {
      chosen = list.slice(0, 1);
    } else if (lang !== ALL) {
      chosen = list.filter(function (l) { return l[0] === lang; });
      if (!chosen.length) {
        throw new QueryError("lang must be " + ALL + " or one of the languages searched: " + list.map(function (l) { return l[0]; }).join(", "));
      }
    }
    return {
      name: lang === ALL ? ALL : chosen.length ? chosen[0][0] : "",
      indexes: chosen.map(function (l) { return indexes[l[0]] || (indexes[l[0]] = Index(l[0], l[1])); })
    };
  }

  // search answers a request {q, lang, kind, article, country, year, from,
  // size} as Index.Search does; it resolves to a result with an error
  // message instead of hits when the request cannot be answered.
  api.search = function (req) {
    var r = { q: req.q || "", lang: req.lang || "", from: +(req.from || 0), size: +(req.size || 0) };
    FACETS.forEach(function (f) { r[f] = req[f] || ""; });
    try {
      validate(r);
    } catch (e) {
      return refused(e);
    }
    return load("l").then(function (list) {
      var picked, parsed;
      try {
        picked = pick(list, r.lang);
        // The query is read even with no language to search, as on the
        // server; each language has a reading of its own, in which it
        // expands the last word as a prefix of its own words.
        parsed = [parse(r.q)];
        while (parsed.length < picked.indexes.length) { parsed.push(parse(r.q)); }
      } catch (e) {
        return refused(e);
      }
      return Promise.all(picked.indexes.map(function (x, i) { return x.prepare(parsed[i], r.q); })).then(function () {
        var found = picked.indexes.map(function (x, i) { return x.collect(parsed[i], r); }), all = [];
        found.forEach(function (f, l) { f.matches.forEach(function (sc, d) { all.push([l, d, sc]); }); });
        // As mergeBest in merge.go: by score, then language, then id.
        all.sort(function (a, b) { return b[2] - a[2] || a[0] - b[0] || a[1] - b[1]; });
        var page = all.slice(r.from, r.from + r.size);
        return Promise.all(page.map(function (h) { return picked.indexes[h[0]].hit(found[h[0]].root, h[1], h[2], parsed[h[0]]); })).then(function (shown) {
          var counts = found.map(function (f, l) { return picked.indexes[l].counts(f.matches); });
          return { query: r.q, lang: picked.name, total: all.length, hits: shown, facets: facets(counts) };
        });
      });
    });
  };

  // refused is the answer to a request that cannot be run.
  function refused(e) {
    if (e instanceof QueryError) { return Promise.resolve({ error: e.message }); }
    return Promise.reject(e);
  }

  // facets lists each facet field's values by count over every language
  // searched, as mergeFacets in merge.go does.
  function facets(counts) {
    var out = {};
    FACETS.forEach(function (f) {
      var sum = own({}), list = [];
      counts.forEach(function (c) { Object.keys(c[f]).forEach(function (v) { sum[v] = (sum[v] || 0) + c[f][v]; }); });
      Object.keys(sum).forEach(function (v) { list.push({ value: v, count: sum[v] }); });
      list.sort(function (a, b) { return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0); });
      out[f] = list.slice(0, 100);
    });
    return out;
  }

  // warm loads the manifests a search of lang will need, ahead of the
  // first query; a failure is left for that query to report.
  api.warm = function (lang) {
    return load("l").then(function (list) {
      return Promise.all(pick(list, lang || "").indexes.map(function (x) { return x.open(); }));
    }).catch(function () { return null; });
  };

  // ---- Snippets (snippet.go) ------------------------------------------

  function utf8(s) {
    var out = [];
    for (var i = 0; i < s.length; i++) {
      var c = s.codePointAt(i);
      if (c > 0xffff) { i++; }
      if (c < 0x80) { out.push(c); } else if (c < 0x800) { out.push(0xc0 | c >> 6, 0x80 | c & 63); } else if (c < 0x10000) { out.push(0xe0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63); } else { out.push(0xf0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63); }
    }
    return out;
  }

  function fromUTF8(b, from, to) {
    var s = "";
    for (var i = from; i < to;) {
      var c = b[i], n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4, cp = n === 1 ? c : c & (0xff >> (n + 1));
      for (var j = 1; j < n; j++) { cp = cp * 64 + (b[i + j] & 63); }
      s += String.fromCodePoint(cp);
      i += n;
    }
    return s;
  }

  var ESC = { "&": "&amp;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "\"": "&#34;" };
  function escapeHTML(s) { return s.replace(/[&'<>"]/g, function (c) { return ESC[c]; }); }

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
})();
