// Searchers: the tree of searchers bleve builds for a query. Each
// searcher has bleve's count (for ordering) and weight (for the query
// norm); run (score.js) gives its matches as a Map from document to score.
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

  // indexSearchers adds to idx, the index of one language (see Index),
  // what makes the searchers of a parsed query on its index.
  function indexSearchers(idx) {
    var postings = idx.postings, tokens = idx.tokens;

    function termS(field, term, boost) {
      var p = postings(field, term), n = idx.ix.n, df = p ? p.docs.length : 0, avg = idx.ix.avg[field] || 0;
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
      var title = Object.assign({}, q, { field: "title", boost: boostOf(q.boost) * idx.ix.tb });
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
      if (m === NONE && s === NONE) { m = { k: "all", n: idx.ix.n, count: idx.ix.n, weight: 1 }; }
      return {
        k: "bool", must: m === NONE ? null : m, should: s === NONE ? null : s, not: n === NONE ? null : n,
        count: (m === NONE ? 0 : m.count) + (s === NONE ? 0 : s.count),
        weight: (m === NONE ? 0 : m.weight) + (s === NONE ? 0 : s.weight)
      };
    }

    Object.assign(idx, { termS: termS, boolS: boolS });
  }
