// Preparing and running a query on one language's index: loading what it
// needs, expanding the word being typed, and collecting its matches.

  // indexQueries adds to idx, the index of one language (see Index), what
  // prepares and runs a parsed query on it.
  function indexQueries(idx) {
    var open = idx.open, bucket = idx.bucket, loadBuckets = idx.loadBuckets, loadTerms = idx.loadTerms, df = idx.df;
    var lookup = idx.lookup, wordsOf = idx.wordsOf, tokens = idx.tokens, termS = idx.termS, boolS = idx.boolS;

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

    Object.assign(idx, { prepare: prepare, collect: collect });
  }
