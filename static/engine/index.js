// The languages' indexes: the index of one language, made of the parts
// the other files define, and the indexes a request's language picks.

  // Index is the exported index of the language tag, whose manifest is
  // named by hash; its files are under tag/. Its parts share one object,
  // idx, each adding its functions for the parts after it to use, so
  // they are made in this order.
  function Index(tag, hash) {
    var idx = { tag: tag, ix: null };
    indexFiles(idx, hash);
    indexWords(idx);
    indexSearchers(idx);
    indexQueries(idx);
    indexFacets(idx);
    indexHits(idx);
    return { tag: tag, open: idx.open, prepare: idx.prepare, collect: idx.collect, counts: idx.counts, hit: idx.hit };
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
