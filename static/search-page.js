// The search page: searches as the reader types, with the engine of
// search.js (joined from static/engine/) on the static index, or, when the
// page is served by `protosite serve`, which has already put the results
// on it, through the search API. The page searches its own language; a
// switch, kept in the address as lang=all, searches every language, and
// results in another language than the page's are labelled with theirs.
(function () {
  "use strict";

  var FACETS = ["kind", "article", "country", "year"];
  var MAX_FROM = 1000, DEFAULT_SIZE = 10; // as in static/engine/intro.js and query.go
  var ALL = "all";
  // A word of a query, as the engine finds words (static/engine/intro.js),
  // to highlight.
  var WORD = /[\p{sc=Han}\p{sc=Hiragana}]|[\p{L}\p{M}\p{N}\p{Pc}]+(?:['\u2019.:\u00b7,;][\p{L}\p{M}\p{N}\p{Pc}]+)*/gu;

  // Messages: English here, the page's language from the form's data-ui
  // (keys js.search_*); a count is a map of plural forms.
  var ui = {
    search_searching: "Searching…",
    search_results: { one: "{n} result.", other: "{n} results." },
    search_no_results: "No results for \"{text}\".",
    search_more: "More results",
    search_load_failed: "The search index could not be loaded.",
    search_failed: "Search failed; try again.",
    search_error: "Search error:",
    search_remove_filter: "Remove this filter",
    search_facet_kind: "Kind",
    search_facet_article: "Article",
    search_facet_country: "Country",
    search_facet_year: "Year",
    search_query_empty: "Type something to search for.",
    search_query_too_long: "The query is {bytes} bytes long; it may be {limit} bytes at most.",
    search_query_fuzzy: "Fuzzy matching (~) is not supported.",
    search_query_regexp: "Regular expressions (/…/) are not supported.",
    search_query_wildcard: "Wildcards (* and ?) are not supported; the last word of a query already matches the start of words.",
    search_query_quote: "A quotation mark is not closed.",
    search_query_number: "The number after ^ or ~ cannot be read.",
    search_query_syntax: "The query cannot be read: check its quotation marks, brackets and the signs + - : ^ ~."
  };

  function say(key, name, value) {
    var s = ui[key];
    return name ? s.split("{" + name + "}").join(value) : s;
  }

  // explain says a refusal in the page's language, as the server's page
  // does (searchForm.problem): problems are the form's data-problems,
  // [pattern, key, placeholders] from search.Problems. It returns "" for
  // a message none matches.
  function explain(msg, problems) {
    for (var i = 0; i < problems.length; i++) {
      var p = problems[i], m;
      try { m = new RegExp(p[0]).exec(msg); } catch (e) { m = null; }
      if (m && typeof ui[p[1]] === "string") {
        var s = ui[p[1]];
        (p[2] || []).forEach(function (name, j) { s = s.split("{" + name + "}").join(m[j + 1]); });
        return s;
      }
    }
    return "";
  }

  // count says a count message for n in the page's language's plural form.
  function count(key, n) {
    var forms = ui[key], form = "other";
    if (typeof Intl !== "undefined" && Intl.PluralRules) {
      try { form = new Intl.PluralRules(document.documentElement.lang || "en").select(n); } catch (e) { form = "other"; }
    }
    return (forms[form] || forms.other).split("{n}").join(String(n));
  }

  // link leads from the page to a result, with the words to highlight:
  // root is the way from the page to the site's root, where the results'
  // URLs start, and index.html is spelled out under file://, where a
  // directory does not open its index.
  function link(root, url, words) {
    var h = url.indexOf("#"), path = h < 0 ? url : url.slice(0, h), hl = words.map(encodeURIComponent).join("+");
    path = root + path.slice(1);
    if (location.protocol === "file:" && /\/$/.test(path)) { path += "index.html"; }
    return path + (hl ? "?hl=" + hl : "") + (h < 0 ? "" : url.slice(h));
  }

  function json(s) {
    try { return JSON.parse(s || "{}") || {}; } catch (e) { return {}; }
  }

  function page() {
    var form = document.getElementById("search-form"), input = document.getElementById("search-q");
    var list = document.getElementById("search-results"), side = document.getElementById("search-facets");
    var status = document.getElementById("search-status"), all = document.getElementById("search-all");
    var api = window.protositeSearch;
    if (!form || !input || !list || !side || !status || !api) { return; }
    var given = json(form.getAttribute("data-ui"));
    Object.keys(ui).forEach(function (k) { if (typeof given[k] === typeof ui[k]) { ui[k] = given[k]; } });
    var langs = json(form.getAttribute("data-langs")), pageLang = form.getAttribute("data-lang") || "";
    var problems = json(form.getAttribute("data-problems"));
    if (!Array.isArray(problems)) { problems = []; }
    var root = form.getAttribute("data-root") || "/";
    var apiURL = list.getAttribute("data-server") === "1" ? form.getAttribute("data-api") : null;
    var params = new URLSearchParams(location.search), seq = 0, timer = 0, shown = 0;
    var state = { q: params.get("q") || "", all: params.get("lang") === ALL };
    FACETS.forEach(function (f) { if (params.get(f)) { state[f] = params.get(f); } });
    if (state.q && !input.value) { input.value = state.q; }
    if (all) { all.checked = state.all; }

    // lang is the language searched: the page's, or every one.
    function lang() { return state.all ? ALL : pageLang; }

    function query(extra) {
      var p = new URLSearchParams();
      p.set("q", state.q);
      if (state.all) { p.set("lang", ALL); }
      FACETS.forEach(function (f) { if (state[f]) { p.set(f, state[f]); } });
      Object.keys(extra || {}).forEach(function (k) { if (extra[k]) { p.set(k, extra[k]); } else { p.delete(k); } });
      return p;
    }

    function el(tag, text, cls) {
      var e = document.createElement(tag);
      if (text) { e.textContent = text; }
      if (cls) { e.className = cls; }
      return e;
    }

    function answer(from) {
      var req = { q: state.q, lang: lang(), from: from, size: DEFAULT_SIZE };
      FACETS.forEach(function (f) { req[f] = state[f] || ""; });
      if (!apiURL) { return api.search(req); }
      return fetch(apiURL + "?" + query({ lang: lang(), from: from ? String(from) : "" }).toString(), { headers: { Accept: "application/json" } })
        .then(function (res) { return res.json(); })
        .then(function (j) {
          if (j.error) { return { error: j.error }; }
          var words = (state.q.toLowerCase().match(WORD) || []).filter(function (w) { return !/:/.test(w); });
          j.hits.forEach(function (h) { h.words = words; });
          return j;
        });
    }

    function dropMore() {
      var more = document.getElementById("search-more");
      if (more) { more.parentNode.removeChild(more); }
    }

    // renderHits shows hits, after those shown when appending, and then
    // moves the focus to the first new one, which the reader asked for.
    // A hit in another language than the page's is marked as such.
    function renderHits(res, append) {
      if (!append) { list.textContent = ""; shown = 0; }
      res.hits.forEach(function (h, i) {
        var li = el("li"), a = el("a", h.title), other = h.lang && h.lang !== pageLang ? langs[h.lang] || { name: h.lang, dir: "" } : null;
        a.href = link(root, h.url, h.words || []);
        li.appendChild(a);
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", h.kind, "hit-kind"));
        var p = el("p", "", "snippet");
        p.innerHTML = h.snippet; // escaped text and <mark> only, built by snippet()
        if (other) {
          [a, p].forEach(function (e) { e.lang = h.lang; if (other.dir) { e.dir = other.dir; } });
          a.hreflang = h.lang;
          var label = el("span", other.name, "hit-lang");
          label.lang = h.lang;
          if (other.dir) { label.dir = other.dir; }
          li.appendChild(document.createTextNode(" "));
          li.appendChild(label);
        }
        li.appendChild(p);
        list.appendChild(li);
        if (append && !i) { a.focus(); }
      });
      shown += res.hits.length;
      dropMore();
      if (shown < res.total && shown < MAX_FROM) {
        var more = el("button", say("search_more"));
        more.type = "button";
        more.id = "search-more";
        more.addEventListener("click", function () { go(shown); });
        list.parentNode.insertBefore(more, list.nextSibling);
      }
    }

    function renderFacets(res) {
      side.textContent = "";
      FACETS.forEach(function (f) {
        var vals = res.facets[f] || [];
        if (!vals.length) { return; }
        side.appendChild(el("h2", say("search_facet_" + f)));
        var ul = el("ul");
        vals.forEach(function (fc) {
          var li = el("li"), a = el("a", fc.value), active = state[f] === fc.value;
          a.href = "?" + query({ [f]: active ? "" : fc.value }).toString();
          a.setAttribute("data-facet", f + ":" + fc.value);
          if (active) { a.className = "active"; a.setAttribute("aria-current", "true"); a.title = say("search_remove_filter"); }
          a.addEventListener("click", function (e) {
            e.preventDefault();
            state[f] = active ? "" : fc.value;
            go(0, f + ":" + fc.value);
          });
          li.appendChild(a);
          li.appendChild(document.createTextNode(" (" + fc.count + ")"));
          ul.appendChild(li);
        });
        side.appendChild(ul);
      });
    }

    // go runs the query and shows its results from hit from; focus names
    // the facet link the reader used, which keeps the focus once redrawn.
    function go(from, focus) {
      var mine = ++seq;
      if (history.replaceState) { history.replaceState(null, "", "?" + query().toString()); }
      if (!state.q.trim()) {
        list.textContent = ""; side.textContent = ""; status.textContent = "";
        dropMore();
        return;
      }
      if (!from) { status.textContent = say("search_searching"); }
      answer(from).then(function (res) {
        if (mine !== seq) { return; }
        if (res.error) {
          // The page's words for it; where the page has none, the
          // search's own, in English.
          var said = explain(res.error, problems);
          status.textContent = say("search_error") + " " + said;
          if (!said) {
            status.appendChild(el("span", res.error.charAt(0).toUpperCase() + res.error.slice(1) + "."));
            status.lastChild.lang = "en";
            status.lastChild.dir = "ltr";
          }
          list.textContent = ""; side.textContent = "";
          dropMore();
          return;
        }
        renderHits(res, from > 0);
        renderFacets(res);
        var again = focus && side.querySelector("[data-facet=\"" + focus.replace(/["\\]/g, "\\$&") + "\"]");
        if (again) { again.focus(); }
        status.textContent = res.total === 0 ? say("search_no_results", "text", state.q) : count("search_results", res.total);
      }, function () {
        if (mine === seq) { status.textContent = say(apiURL ? "search_failed" : "search_load_failed"); }
      });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { state.q = input.value; go(0); }, 200);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      window.clearTimeout(timer);
      state.q = input.value;
      go(0);
    });
    if (all) {
      all.addEventListener("change", function () {
        window.clearTimeout(timer);
        state.all = all.checked;
        state.q = input.value;
        if (!apiURL) { api.warm(lang()); }
        go(0);
      });
    }
    if (!apiURL) {
      api.warm(lang());
      if (state.q) { go(0); }
    }
  }

  if (typeof document !== "undefined" && document.getElementById) {
    if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", page); } else { page(); }
  }
})();
