// Scoring and matching: the query norm, each searcher's matches scored
// with bleve's BM25, phrase positions, and where in a document a
// searcher matched.

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
