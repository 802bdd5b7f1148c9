// Loading the export: data files register themselves with
// protositeSearch.add, and load asks for one by injecting its script.

  var store = {}, waiting = {}, base = "";

  // add registers a data file under its path in the export without the
  // hash ("nl/b3"); every export file calls it. The page includes the
  // list of languages, "l", beside the export's other files.
  api.add = function (name, data) {
    if (name === "l" && typeof document !== "undefined" && document.currentScript && document.currentScript.src) {
      base = document.currentScript.src.replace(/[^/]*$/, "");
    }
    store[name] = data;
    var w = waiting[name];
    delete waiting[name];
    (w || []).forEach(function (p) { p[0](data); });
  };

  // inject loads a script; tests replace it.
  api.inject = function (url, fail) {
    var s = document.createElement("script");
    s.src = url;
    s.async = true;
    s.onerror = fail;
    document.head.appendChild(s);
  };

  function failed(name) {
    var w = waiting[name];
    delete waiting[name];
    (w || []).forEach(function (p) { p[1](new Error("cannot load " + name)); });
  }

  // load resolves to a data file's data once its script, named by hash,
  // has run. The page loads the list of languages itself; once the page
  // has loaded, a list that has not come never will.
  function load(name, hash) {
    if (store[name]) { return Promise.resolve(store[name]); }
    return new Promise(function (resolve, reject) {
      var first = !waiting[name];
      (waiting[name] = waiting[name] || []).push([resolve, reject]);
      if (name === "l") {
        if (typeof document !== "undefined" && document.readyState === "complete") { failed("l"); }
        return;
      }
      if (first) { api.inject(base + name + "." + hash + ".js", function () { failed(name); }); }
    });
  }
  if (typeof window.addEventListener === "function") { window.addEventListener("load", function () { failed("l"); }); }
