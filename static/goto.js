// Go to a citation: the box in every page header takes "6(1)(a)",
// "art 6.1.a", "article 18" or "preamble" and opens that provision. Without
// this script the box submits to the goto page, which protosite serve
// answers with a redirect.
(function () {
  "use strict";

  // parseCitation mirrors akn.ParseCitation in Go; a test runs both on one table.
  function parseCitation(input) {
    var s = String(input).trim();
    if (/^(art_\d+|preamble)(__(para|point|recital|formula)_[0-9a-z]+)*$/.test(s)) {
      var head = s.split("__")[0];
      if (head !== "preamble" && !/^art_[1-9]\d*$/.test(head)) { return null; }
      return s;
    }
    var lower = s.toLowerCase();
    if (lower.indexOf("preamble") === 0) {
      var rest = lower.slice("preamble".length).trim().replace(/^,/, "").trim().replace(/^recital/, "").trim();
      if (rest === "") { return "preamble"; }
      if (!/^\d+$/.test(rest) || parseInt(rest, 10) <= 0) { return null; }
      return "preamble__recital_" + parseInt(rest, 10);
    }
    var prefixes = ["articles", "article", "arts.", "art.", "arts", "art"];
    for (var i = 0; i < prefixes.length; i++) {
      if (lower.indexOf(prefixes[i]) === 0) { lower = lower.slice(prefixes[i].length).trim(); break; }
    }
    var tokens = lower.split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t !== ""; });
    if (tokens.length === 0 || !/^\d+$/.test(tokens[0])) { return null; }
    var n = parseInt(tokens[0], 10);
    if (n <= 0 || n > 9999) { return null; }
    var id = "art_" + n;
    for (var j = 1; j < tokens.length; j++) {
      var t = tokens[j];
      if (/^\d+$/.test(t) && j === 1) {
        id += "__para_" + t.replace(/^0+/, "");
      } else if (/^[a-z]{1,5}$/.test(t)) {
        id += "__point_" + t;
      } else {
        return null;
      }
    }
    return id;
  }

  window.protositeParseCitation = parseCitation;
  if (typeof document === "undefined") { return; }

  var root = document.documentElement.getAttribute("data-root") || "./";
  var provisionsScript = document.documentElement.getAttribute("data-provisions");
  // Messages: English here, the page's language from data-ui (keys js.*).
  var ui = {
    goto_invalid: "Not a citation: try 6(1)(a), art 6.1.a, article 18 or preamble.",
    goto_missing: "No provision {citation} in the Protocol."
  };
  try {
    var given = JSON.parse(document.documentElement.getAttribute("data-ui") || "{}");
    Object.keys(ui).forEach(function (k) { if (typeof given[k] === "string") { ui[k] = given[k]; } });
  } catch (e) { /* keep English */ }

  // The list of provisions is loaded on first use, through a script tag so
  // that it also works from file://.
  function withProvisions(done) {
    if (window.protositeProvisions) { done(window.protositeProvisions); return; }
    if (!provisionsScript) { done(null); return; }
    var s = document.createElement("script");
    s.src = provisionsScript;
    s.onload = function () { done(window.protositeProvisions || null); };
    s.onerror = function () { done(null); };
    document.head.appendChild(s);
  }

  function say(form, msg) {
    var status = form.querySelector(".goto-status");
    if (status) { status.textContent = msg; }
  }

  document.querySelectorAll("form.goto").forEach(function (form) {
    var input = form.querySelector("input[name=c]");
    input.addEventListener("focus", function () { withProvisions(function () {}); }, { once: true });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var id = parseCitation(input.value);
      if (!id) { say(form, ui.goto_invalid); return; }
      withProvisions(function (list) {
        if (!list) { form.submit(); return; }
        var path = list[id];
        if (!path) { say(form, ui.goto_missing.split("{citation}").join(input.value.trim())); return; }
        // On file:// a directory does not open its index.html.
        if (window.location.protocol === "file:") { path = path.replace(/\/(#|$)/, "/index.html$1"); }
        window.location.href = root + path;
      });
    });
  });

  // On the goto page itself, resolve ?c= at once.
  var params = new URLSearchParams(window.location.search);
  if (document.body && document.body.classList.contains("goto-page") && params.get("c")) {
    var form = document.querySelector("form.goto-main");
    if (form) {
      form.querySelector("input[name=c]").value = params.get("c");
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit"));
    }
  }
})();
