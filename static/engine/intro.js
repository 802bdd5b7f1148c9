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
//
// The engine is one script, assembled from the files of static/engine/ in
// the order static/search.go lists them: this file opens the function
// they all share, and outro.js closes it.
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
