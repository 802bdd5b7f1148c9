// The service worker that lets pages be read with no connection: every
// page opened while online is kept, as are the files the "Offline copy"
// page saves (device.js). Pages come from the network first, so that a
// reader online always sees the current text; stylesheets and scripts,
// whose names carry a hash of their contents, from the cache first.
// Nothing else (the search API, live editing's events) is touched.
"use strict";

// The cache the worker answers from; device.js saves into it too.
var CACHE = "protosite-v1";
var scope = self.registration.scope;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

// A page asks for addresses to be kept (site.js): those under the
// worker's scope not kept yet are fetched and kept.
self.addEventListener("message", function (event) {
  var urls = event.data && event.data.keep;
  if (!Array.isArray(urls)) {
    return;
  }
  event.waitUntil(caches.open(CACHE).then(function (c) {
    return Promise.all(urls.filter(function (u) {
      return typeof u === "string" && u.indexOf(scope) === 0;
    }).map(function (u) {
      return c.match(u).then(function (r) { return r || c.add(u); }).catch(function () {});
    }));
  }));
});

self.addEventListener("fetch", function (event) {
  var req = event.request;
  if (req.method !== "GET" || req.url.indexOf(scope) !== 0) {
    return;
  }
  var rest = req.url.slice(scope.length);
  if (req.mode === "navigate") {
    event.respondWith(page(req, rest));
  } else if (rest.indexOf("static/") === 0 || rest.indexOf("qr/") === 0) {
    event.respondWith(asset(req));
  }
});

// keep stores a good answer to req, unless it came by a redirect, which
// a browser refuses to be given for a navigation.
function keep(req, res) {
  if (res.ok && res.type === "basic" && !res.redirected) {
    var copy = res.clone();
    caches.open(CACHE).then(function (c) { return c.put(req, copy); }).catch(function () {});
  }
  return res;
}

// page answers a navigation from the network, keeping what it gets
// unless the address carries a query (a search, a go-to citation). With
// no network it gives the kept page; for a query, the page without it,
// whose script then does the work; else the page saying the address is
// not saved, in the language of the address where it has one.
function page(req, rest) {
  var query = rest.indexOf("?") >= 0;
  return fetch(req).then(function (res) {
    return query ? res : keep(req, res);
  }, function (err) {
    return caches.open(CACHE).then(function (c) {
      return c.match(req, {ignoreSearch: query}).then(function (res) {
        if (res) { return res; }
        var lang = rest.split("/")[0];
        return c.match(scope + lang + "/offline/unsaved/").then(function (res) {
          return res || c.match(scope + "offline/unsaved/");
        }).then(function (res) {
          if (res) { return res; }
          throw err;
        });
      });
    });
  });
}

// asset answers from the cache, or else from the network, keeping what
// it gets: the same name always holds the same bytes.
function asset(req) {
  return caches.open(CACHE).then(function (c) {
    return c.match(req).then(function (res) {
      return res || fetch(req).then(function (res) { return keep(req, res); });
    });
  });
}
