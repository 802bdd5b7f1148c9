// The reading list: provisions of the Protocol gathered on one page, in the
// order a trainer chooses. The page's address holds the list, "?p=" the
// provisions' ids separated by commas and "&t=" its title, so that a list
// is shared as one link. The page carries a copy of the treaty: the script
// shows the provisions named from it, with no request, which works from
// file:// too. Without this script the page says what it needs.
(function () {
  "use strict";
  var form = document.getElementById("reading-form");
  var source = document.getElementById("reading-source");
  var parse = window.protositeParseCitation;
  var button = window.protositeButton, copyTools = window.protositeCopyTools;
  if (!form || !source || !parse || !button || !copyTools) { return; }
  var items = document.getElementById("reading-items");
  var status = document.getElementById("reading-status");
  var add = document.getElementById("reading-add");
  var name = document.getElementById("reading-name");
  var title = document.getElementById("reading-title");
  var share = document.getElementById("reading-share");
  var link = document.getElementById("reading-link");
  var empty = document.getElementById("reading-empty");
  var heading = title.textContent;
  // Messages: English here, the page's language from data-ui (keys js.*).
  var ui = {
    reading_remove: "Remove",
    reading_remove_aria: "Remove {citation}",
    reading_up: "Move up",
    reading_up_aria: "Move up: {citation}",
    reading_added: "Added {citation}.",
    reading_have: "{citation} is already in the list.",
    goto_invalid: "Not a citation: try 6(1)(a), art 6.1.a, article 18 or preamble.",
    goto_missing: "No provision {citation} in the Protocol.",
    copy_link: "Copy link"
  };
  try {
    var given = JSON.parse(form.getAttribute("data-ui") || "{}");
    Object.keys(ui).forEach(function (k) { if (typeof given[k] === "string") { ui[k] = given[k]; } });
  } catch (e) { /* keep English */ }
  function say(key, n, v) { return ui[key].split("{" + n + "}").join(v); }

  // label is the citation of an id, as akn.ID.Label writes it and as the
  // copy's provisions carry it in data-citation.
  function label(id) {
    var parts = id.split("__"), out;
    if (parts[0] === "preamble") {
      out = "preamble";
      parts.slice(1).forEach(function (p) { var i = p.indexOf("_"); out += ", " + p.slice(0, i) + " " + p.slice(i + 1); });
      return out;
    }
    out = "art. " + parts[0].slice("art_".length);
    parts.slice(1).forEach(function (p) { out += "(" + p.slice(p.indexOf("_") + 1) + ")"; });
    return out;
  }

  // pageOf is the address of a part's page: on file:// a directory does
  // not open its index.html, so it is named.
  function pageOf(part) {
    var url = part.getAttribute("data-url");
    return window.location.protocol === "file:" && /\/$/.test(url) ? url + "index.html" : url;
  }

  // find returns where id is in the copy, or null.
  function find(id) {
    var part = source.querySelector("section[data-ref=\"" + id.split("__")[0] + "\"]");
    if (!part) { return null; }
    if (id.indexOf("__") < 0) { return { el: part, part: part, url: pageOf(part) }; }
    var el = part.querySelector("[data-citation=\"" + label(id).replace(/["\\]/g, "\\$&") + "\"]");
    return el ? { el: el, part: part, url: pageOf(part) + "#" + id } : null;
  }

  var params = new URLSearchParams(window.location.search);
  var list = [];
  (params.get("p") || "").split(",").forEach(function (raw) {
    var id = parse(raw);
    if (!raw.trim()) { return; }
    if (!id || !find(id)) { status.textContent = say("goto_missing", "citation", raw.trim()); return; }
    if (list.indexOf(id) < 0) { list.push(id); }
  });
  name.value = params.get("t") || "";

  function address() {
    var q = new URLSearchParams();
    if (list.length) { q.set("p", list.join(",")); }
    if (name.value.trim()) { q.set("t", name.value.trim()); }
    var s = q.toString().replace(/%2C/g, ",");
    return window.location.pathname + (s ? "?" + s : "");
  }

  function item(id) {
    var at = find(id), cite = label(id);
    var li = document.createElement("li");
    li.className = "reading-item";
    var h = document.createElement("h2");
    var a = document.createElement("a");
    a.href = at.url;
    a.textContent = cite;
    a.dir = "ltr";
    h.appendChild(a);
    h.appendChild(document.createTextNode(" "));
    var t = document.createElement("span");
    t.className = "reading-item-title";
    t.textContent = at.part.getAttribute("data-title");
    h.appendChild(t);
    li.appendChild(h);
    var text = document.createElement("div");
    text.className = "reading-text";
    if (at.part.lang) { text.lang = at.part.lang; }
    if (at.part.dir) { text.dir = at.part.dir; }
    // The copy holds no ids, so cloning repeats none.
    var copy = at.el === at.part ? at.el.children : [at.el];
    Array.prototype.forEach.call(copy, function (c) { text.appendChild(c.cloneNode(true)); });
    li.appendChild(text);
    var tools = document.createElement("p");
    tools.className = "reading-tools";
    var i = list.indexOf(id);
    if (i > 0) {
      tools.appendChild(button(ui.reading_up, say("reading_up_aria", "citation", cite), function () {
        list.splice(i, 1);
        list.splice(i - 1, 0, id);
        show(id);
      }));
    }
    tools.appendChild(button(ui.reading_remove, say("reading_remove_aria", "citation", cite), function () {
      list.splice(list.indexOf(id), 1);
      show();
    }));
    li.appendChild(tools);
    return li;
  }

  // show draws the list and puts it in the address; focus names the item
  // whose "Move up" was used, to keep the reader there.
  function show(focus) {
    items.textContent = "";
    list.forEach(function (id) { items.appendChild(item(id)); });
    var there = address();
    if (history.replaceState) { history.replaceState(null, "", there); }
    title.textContent = name.value.trim() || heading;
    empty.hidden = list.length > 0;
    share.hidden = list.length === 0;
    link.href = there;
    link.textContent = window.location.href;
    if (focus) {
      var li = items.children[list.indexOf(focus)];
      var b = li && li.querySelector("button");
      if (b) { b.focus(); }
    }
  }

  share.appendChild(copyTools([[ui.copy_link, ui.copy_link, function () { return window.location.href; }]]));

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var raw = add.value.trim();
    if (!raw) { return; }
    var id = parse(raw);
    if (!id) { status.textContent = ui.goto_invalid; return; }
    if (!find(id)) { status.textContent = say("goto_missing", "citation", raw); return; }
    if (list.indexOf(id) >= 0) { status.textContent = say("reading_have", "citation", label(id)); return; }
    list.push(id);
    add.value = "";
    status.textContent = say("reading_added", "citation", label(id));
    show();
  });
  name.addEventListener("input", function () { show(); });
  form.hidden = false;
  show();
})();
