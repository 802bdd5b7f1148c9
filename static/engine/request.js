// Searching: a request validated as the server validates it, each
// language searched, and the languages' answers merged as the server
// merges them; protositeSearch.search and protositeSearch.warm.

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

  // warm loads the manifests a search of lang will need, ahead of the
  // first query; a failure is left for that query to report.
  api.warm = function (lang) {
    return load("l").then(function (list) {
      return Promise.all(pick(list, lang || "").indexes.map(function (x) { return x.open(); }));
    }).catch(function () { return null; });
  };
