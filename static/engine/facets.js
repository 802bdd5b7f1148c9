// Facets: the matching documents counted by each facet field's values,
// per language, then over every language searched.

  // indexFacets adds to idx, the index of one language (see Index), what
  // counts its facets.
  function indexFacets(idx) {
    // counts counts the matching documents by each facet field's values.
    function counts(matches) {
      var out = {};
      FACETS.forEach(function (f) {
        var c = out[f] = own({}), kf = idx.ix.kw[f];
        if (kf) {
          matches.forEach(function (sc, d) { kf.of[d].forEach(function (v) { c[v] = (c[v] || 0) + 1; }); });
        }
      });
      return out;
    }

    idx.counts = counts;
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
