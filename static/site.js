// Progressive enhancement: copy buttons beside each provision's ¶ link and
// beside each form of an article's citation.
// Reading and the ¶ links work without this script.
(function () {
  "use strict";
  var prefix = document.documentElement.getAttribute("data-citation-prefix") || "";
  // Interface strings: English here, the page's language from data-ui
  // (templates/i18n/*.yaml, keys js.*); {name} marks what is filled in.
  var ui = {
    copy_link: "Copy link",
    copy_link_aria: "Copy link to {label}",
    copy_citation: "Copy citation",
    copy_citation_aria: "Copy citation {citation}",
    copy: "Copy",
    copy_aria: "Copy {text}",
    copied: "Copied",
    copy_failed: "Copy failed: {text}"
  };
  try {
    var given = JSON.parse(document.documentElement.getAttribute("data-ui") || "{}");
    Object.keys(ui).forEach(function (k) { if (typeof given[k] === "string") { ui[k] = given[k]; } });
  } catch (e) { /* keep English */ }
  function say(key, name, value) { return ui[key].split("{" + name + "}").join(value); }

  function absoluteLink(id) {
    var url = new URL(window.location.href);
    url.hash = id;
    return url.href;
  }

  function copy(text, status) {
    function done(msg) {
      status.textContent = msg;
      window.setTimeout(function () { status.textContent = ""; }, 2000);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(ui.copied); }, function () { fallback(); });
    } else {
      fallback();
    }
    function fallback() {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "visually-hidden";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      done(ok ? ui.copied : say("copy_failed", "text", text));
    }
  }

  function button(label, title, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.setAttribute("aria-label", title);
    b.addEventListener("click", onClick);
    return b;
  }

  // copyTools returns copy buttons, each given as [label, accessible name,
  // function giving the text to copy], with the status line they report to.
  function copyTools(buttons) {
    var tools = document.createElement("span");
    tools.className = "copy-tools";
    var status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    buttons.forEach(function (b) {
      tools.appendChild(button(b[0], b[1], function () { copy(b[2](), status); }));
    });
    tools.appendChild(status);
    return tools;
  }

  // The reading list's script makes its buttons with these too.
  window.protositeButton = button;
  window.protositeCopyTools = copyTools;

  document.querySelectorAll("[data-citation][id]").forEach(function (el) {
    var pilcrow = el.querySelector(":scope > p > .pilcrow, :scope > header .pilcrow");
    if (!pilcrow) { return; }
    var cite = el.getAttribute("data-citation");
    var full = prefix ? prefix + ", " + cite : cite;
    pilcrow.insertAdjacentElement("afterend", copyTools([
      [ui.copy_link, say("copy_link_aria", "label", cite), function () { return absoluteLink(el.id); }],
      [ui.copy_citation, say("copy_citation_aria", "citation", full), function () { return full; }]
    ]));
  });

  // The forms of "Cite this article", each with a button that copies it.
  document.querySelectorAll(".cite-text").forEach(function (el) {
    var text = el.textContent;
    el.insertAdjacentElement("afterend", copyTools([[ui.copy, say("copy_aria", "text", text), function () { return text; }]]));
  });
})();

// Progressive enhancement: on arrival from a search result, mark the words
// the search matched (the hl parameter) inside the provision the link points
// at, or the whole main content when it points at none. Text nodes are split
// and wrapped; nothing from the URL is ever parsed as markup.
(function () {
  "use strict";
  var hl = new URLSearchParams(window.location.search).get("hl");
  if (!hl) { return; }
  var words = [];
  hl.split(/\s+/).forEach(function (w) {
    // The server passes the query itself: drop its operators and fields.
    w = w.replace(/^[+\-"(]+|[")]+$/g, "").toLowerCase();
    if (w && w.indexOf(":") < 0 && words.indexOf(w) < 0 && words.length < 20) { words.push(w); }
  });
  if (!words.length) { return; }
  var id = "";
  try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { id = ""; }
  var root = (id && document.getElementById(id)) || document.getElementById("main");
  if (!root) { return; }
  var alternatives = words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|");
  // Whole words only: a letter, digit or underscore may not touch the match.
  var re = new RegExp("(^|[^\\p{L}\\p{N}_])(" + alternatives + ")(?![\\p{L}\\p{N}_])", "giu");
  var nodes = [];
  var walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: function (n) {
      return n.parentNode.closest("script, style, mark, button, textarea, .copy-tools") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    }
  });
  while (walk.nextNode()) { nodes.push(walk.currentNode); }
  nodes.forEach(function (node) {
    var text = node.nodeValue, at = 0, frag = null, m;
    re.lastIndex = 0;
    while ((m = re.exec(text))) {
      var start = m.index + m[1].length, end = start + m[2].length;
      frag = frag || document.createDocumentFragment();
      frag.appendChild(document.createTextNode(text.slice(at, start)));
      var mark = document.createElement("mark");
      mark.className = "search-hit";
      mark.textContent = text.slice(start, end);
      frag.appendChild(mark);
      at = end;
    }
    if (frag) {
      frag.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(frag, node);
    }
  });
})();

// The language switch leads to the same page in another language; every
// provision has the same id in every language, so the switch keeps the
// reader's place by carrying the address's #fragment along, and its query,
// which holds a search or a reading list. Without this script the switch
// lands at the top of the page.
(function () {
  "use strict";
  var links = document.querySelectorAll("a[data-lang-switch]");
  if (!links.length) { return; }
  function update() {
    links.forEach(function (a) {
      var href = a.getAttribute("href").split("#")[0].split("?")[0];
      a.setAttribute("href", href + window.location.search + window.location.hash);
    });
  }
  update();
  window.addEventListener("hashchange", update);
  links.forEach(function (a) { a.addEventListener("click", update); });
})();

// On a phone the site's navigation is one line that scrolls sideways
// (style.css): bring the current section's link into that line's view.
// Only the line scrolls, never the page, so a link to a provision keeps
// its place.
(function () {
  "use strict";
  var nav = document.querySelector(".site-nav");
  var current = nav && nav.querySelector("[aria-current]");
  if (!current || nav.scrollWidth <= nav.clientWidth) { return; }
  var line = nav.getBoundingClientRect(), link = current.getBoundingClientRect();
  if (link.left < line.left || link.right > line.right) {
    nav.scrollLeft += (link.left + link.right) / 2 - (line.left + line.right) / 2;
  }
})();

// "/" takes the reader to the search box, as on most documentation sites:
// the box the page names for it (aria-keyshortcuts="/"), the search page's
// own rather than the header's. A "/" typed into a field, or with a
// modifier, is left alone.
(function () {
  "use strict";
  var boxes = document.querySelectorAll('input[aria-keyshortcuts="/"]');
  if (!boxes.length) { return; }
  var box = boxes[boxes.length - 1];
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    e.preventDefault();
    box.focus();
    box.select();
  });
})();

// Reading with no connection: the service worker (sw.js) keeps every page
// opened online, and answers from what it kept when the network is gone.
// It is asked to keep the page that says an address is not saved, and,
// the first time, the page opened before it was installed with its
// stylesheet and scripts, since it did not see them come. The worker
// fetches them, so that leaving the page does not cut the fetches short.
// Not from file://, where the offline zip needs none of this.
(function () {
  "use strict";
  var html = document.documentElement;
  var root = html.getAttribute("data-root"), unsaved = html.getAttribute("data-offline");
  if (root === null || !unsaved || window.location.protocol === "file:" || !("serviceWorker" in navigator) || !window.isSecureContext) { return; }
  var keep = [unsaved];
  if (!navigator.serviceWorker.controller && !window.location.search) {
    keep.push(window.location.href.split("#")[0]);
    document.querySelectorAll("link[rel=stylesheet][href], script[src]").forEach(function (el) {
      keep.push(el.getAttribute("href") || el.getAttribute("src"));
    });
  }
  keep = keep.map(function (u) { return new URL(u, window.location.href).href; });
  navigator.serviceWorker.register(root + "sw.js").catch(function () {});
  // Told at once when it controls the page, before the reader can leave
  // it; the first time, once it is installed.
  if (navigator.serviceWorker.controller) {
    navigator.serviceWorker.controller.postMessage({ keep: keep });
  } else {
    navigator.serviceWorker.ready.then(function (reg) {
      if (reg.active) { reg.active.postMessage({ keep: keep }); }
    });
  }
})();
