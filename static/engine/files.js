// The exported files of one language's index: the manifest, the buckets
// of terms, and the terms' postings and positions, read as they load.

  // indexFiles adds to idx, the index of one language (see Index), what
  // reads its files: the manifest is named by hash, and once it is read
  // idx.ix holds it.
  function indexFiles(idx, hash) {
    var tag = idx.tag, ix = null, opening = null; // the opened manifest, and its loading

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
      idx.ix = ix;
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

    Object.assign(idx, { get: get, open: open, loadBuckets: loadBuckets, bucket: bucket, loadTerms: loadTerms, postings: postings, df: df });
  }
