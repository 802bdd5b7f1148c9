// Go to a citation: the box in every page header takes "6(1)(a)",
// "art 6.1.a", "article 18", "preamble" or the like in the site's
// languages ("artikel 6 lid 1", "第六条") and opens that provision. Without
// this script the box submits to the goto page, which protosite serve
// answers with a redirect.
(function () {
  "use strict";

  // The words of a citation in the site's languages, as in akn.ParseCitation.
  var preambleWords = ["preamble", "préambule", "preambule", "preámbulo", "preambulo", "преамбула", "الديباجة", "序言"];
  var recitalWords = ["recital", "considérant", "considerant", "considerando", "overweging"];
  var articleWords = ["articles", "article", "artikelen", "artikel", "artículos", "artículo", "articulos", "articulo", "arts.", "art.", "arts", "art", "статьи", "статья", "ст.", "المادة", "مادة"];
  var fillerWords = ["paragraph", "paragraphe", "para", "subparagraph", "alinéa", "alinea", "lid", "onder", "onderdeel", "párrafo", "parrafo", "apartado", "inciso", "letra", "lettre", "letter", "пункт", "подпункт", "فقرة", "الفقرة"];
  var chineseDigits = "〇一二三四五六七八九十";

  // chineseNumber reads a Chinese numeral below a hundred, or returns -1.
  function chineseNumber(rs) {
    var ten = rs.indexOf("十");
    if (ten < 0 && rs.length === 1) { return chineseDigits.indexOf(rs[0]); }
    if (ten < 0 || ten > 1 || rs.length - ten > 2 || rs.slice(ten + 1).indexOf("十") >= 0) { return -1; }
    var n = ten === 1 ? chineseDigits.indexOf(rs[0]) * 10 : 10;
    if (ten + 1 < rs.length) { n += chineseDigits.indexOf(rs[ten + 1]); }
    return n;
  }

  // normalizeCitation mirrors akn.normalizeCitation.
  function normalizeCitation(s) {
    var rs = Array.from(s.toLowerCase()), out = "";
    for (var i = 0; i < rs.length; i++) {
      var r = rs[i], c = r.codePointAt(0);
      if (c >= 0x660 && c <= 0x669) { out += String(c - 0x660); continue; }
      if (c >= 0x6f0 && c <= 0x6f9) { out += String(c - 0x6f0); continue; }
      if (chineseDigits.indexOf(r) >= 0) {
        var j = i;
        while (j < rs.length && chineseDigits.indexOf(rs[j]) >= 0) { j++; }
        var n = chineseNumber(rs.slice(i, j));
        if (n < 0) { out += r; continue; }
        out += String(n);
        i = j - 1;
        continue;
      }
      if (r === "第") { continue; }
      if (r === "条" || r === "款" || r === "项") { out += " "; continue; }
      out += r;
    }
    return out;
  }

  function cutPrefix(s, words) {
    for (var i = 0; i < words.length; i++) {
      if (s.indexOf(words[i]) === 0) { return s.slice(words[i].length); }
    }
    return null;
  }

  // parseCitation mirrors akn.ParseCitation in Go; a test runs both on one table.
  function parseCitation(input) {
    var s = String(input).trim();
    if (/^(art_\d+|preamble)(__(para|point|recital|formula)_[0-9a-z]+)*$/.test(s)) {
      var head = s.split("__")[0];
      if (head !== "preamble" && !/^art_[1-9]\d*$/.test(head)) { return null; }
      return s;
    }
    var lower = normalizeCitation(s);
    var rest = cutPrefix(lower, preambleWords);
    if (rest !== null) {
      rest = rest.trim().replace(/^,/, "").trim();
      var afterRecital = cutPrefix(rest, recitalWords);
      if (afterRecital !== null) { rest = afterRecital.trim(); }
      if (rest === "") { return "preamble"; }
      if (!/^\d+$/.test(rest) || parseInt(rest, 10) <= 0) { return null; }
      return "preamble__recital_" + parseInt(rest, 10);
    }
    var afterArticle = cutPrefix(lower, articleWords);
    if (afterArticle !== null) { lower = afterArticle.trim(); }
    var tokens = lower.split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t !== "" && fillerWords.indexOf(t) < 0; });
    if (tokens.length === 0 || !/^\d+$/.test(tokens[0])) { return null; }
    var n = parseInt(tokens[0], 10);
    if (n <= 0 || n > 9999) { return null; }
    var id = "art_" + n;
    for (var j = 1; j < tokens.length; j++) {
      var t = tokens[j];
      if (/^\d*[1-9]\d*$/.test(t) && j === 1) {
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
