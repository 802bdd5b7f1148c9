// "Keep this site on this device", on the Offline copy page: saves every
// page of the page's language, with its search index, stylesheets and
// scripts, in the cache the service worker (sw.js) answers from when there
// is no network. The build lists those files, with their total size, in
// offline/<language>.json. Without a service worker the section stays
// hidden and the page offers the zip alone.
(function () {
  "use strict";
  var CACHE = "protosite-v1";
  var box = document.getElementById("device-save");
  if (!box || window.location.protocol === "file:" || !("serviceWorker" in navigator) || !window.isSecureContext || !window.caches) { return; }
  var status = document.getElementById("device-save-status");
  var size = document.getElementById("device-save-size");
  var save = document.getElementById("device-save-button");
  var remove = document.getElementById("device-remove-button");
  var lang = document.documentElement.lang;
  var listURL = new URL(box.getAttribute("data-list"), window.location.href).href;
  var root = new URL(document.documentElement.getAttribute("data-root"), window.location.href).href;
  function say(key, args) {
    var s = box.getAttribute("data-" + key) || "";
    Object.keys(args || {}).forEach(function (k) { s = s.split("{" + k + "}").join(args[k]); });
    return s;
  }
  function megabytes(bytes) {
    return (bytes / 1e6).toLocaleString(lang, {minimumFractionDigits: 1, maximumFractionDigits: 1});
  }
  var list = null, listText = "";
  // kept is the list as it was when the site was last kept whole, and
  // when: the cache holds it under the list's address.
  var kept = null;
  box.hidden = false;

  // day writes a date as the site does; English day first, as in United
  // Nations documents.
  function day(iso) {
    return new Date(iso).toLocaleDateString(lang === "en" ? "en-GB" : lang, {day: "numeric", month: "long", year: "numeric"});
  }
  function keptRecord(c) {
    return c.match(listURL).then(function (res) {
      if (!res) { return null; }
      return res.text().then(function (text) { return {text: text, at: res.headers.get("X-Protosite-Kept") || ""}; });
    });
  }

  // count reports how many of the list's files the cache holds.
  function count(c) {
    return Promise.all(list.files.map(function (f) {
      return c.match(new URL(f, root).href).then(function (r) { return r ? 1 : 0; });
    })).then(function (found) { return found.reduce(function (a, b) { return a + b; }, 0); });
  }
  // show says how much is kept, since when, and whether the site has
  // changed since: a copy of the law must say how current it is.
  function show(c) {
    return count(c).then(function (n) {
      var total = list.files.length;
      var msg = n === total ? say("saved", {n: total}) : n === 0 ? say("none") : say("some", {n: n, total: total});
      if (kept && kept.at) { msg += " " + say("when", {date: day(kept.at)}); }
      if (kept && kept.text !== listText) { msg += " " + say("changed"); }
      status.textContent = msg;
      remove.hidden = n === 0;
    });
  }

  // The list comes from the server; with no network, the list kept with
  // the files stands in for it.
  caches.open(CACHE).then(function (c) {
    return keptRecord(c).then(function (k) {
      kept = k;
      return fetch(listURL, {cache: "no-cache"}).then(function (res) {
        if (!res.ok) { throw new Error(String(res.status)); }
        return res.text();
      }).catch(function (err) {
        if (!kept) { throw err; }
        return kept.text;
      });
    }).then(function (text) {
      listText = text;
      list = JSON.parse(text);
      size.textContent = say("size", {mb: megabytes(list.bytes), n: list.files.length});
      save.disabled = false;
      return show(c);
    });
  }).catch(function () {
    status.textContent = say("unavailable");
  });

  // Files are fetched four at a time; those already kept are skipped, so
  // that a save cut short goes on where it stopped.
  save.addEventListener("click", function () {
    if (!list) { return; }
    save.disabled = true;
    // Asked to keep it, the browser should not clear the copy to make
    // room, as it may clear a site's cache unasked.
    if (navigator.storage && navigator.storage.persist) { navigator.storage.persist().catch(function () {}); }
    var total = list.files.length, done = 0, failed = 0, next = 0;
    caches.open(CACHE).then(function (c) {
      function worker() {
        if (next >= total) { return Promise.resolve(); }
        var url = new URL(list.files[next++], root).href;
        return c.match(url).then(function (r) {
          return r || c.add(url);
        }).catch(function () { failed++; }).then(function () {
          done++;
          status.textContent = say("saving", {done: done, total: total});
          return worker();
        });
      }
      return Promise.all([worker(), worker(), worker(), worker()]).then(function () {
        save.disabled = false;
        if (failed) {
          status.textContent = say("failed", {failed: failed, total: total});
          remove.hidden = false;
          return;
        }
        var at = new Date().toISOString();
        var record = new Response(listText, {headers: {"Content-Type": "application/json", "X-Protosite-Kept": at}});
        return c.put(listURL, record).then(function () {
          kept = {text: listText, at: at};
          return show(c);
        });
      });
    });
  });

  remove.addEventListener("click", function () {
    caches.delete(CACHE).then(function () {
      kept = null;
      status.textContent = say("removed");
      remove.hidden = true;
    });
  });
})();
