// Defined terms: on hover or keyboard focus, a term linked to its
// definition in article 3 shows the definition in a popup. The link works
// as a plain link without this script.
(function () {
  "use strict";
  var defs = document.getElementById("term-definitions");
  if (!defs) { return; }
  var tip = document.createElement("div");
  tip.className = "term-tip";
  tip.id = "term-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  document.body.appendChild(tip);
  var current = null;

  function show(link) {
    var def = defs.querySelector('[data-def="' + link.getAttribute("data-term") + '"]');
    if (!def) { return; }
    tip.textContent = def.textContent;
    tip.hidden = false;
    var box = link.getBoundingClientRect();
    var top = window.scrollY + box.bottom + 6;
    // Aligned with the start of the term: its left edge, or its right edge
    // in right-to-left text.
    var rtl = window.getComputedStyle(link).direction === "rtl";
    var start = rtl ? box.right - tip.offsetWidth : box.left;
    var left = Math.max(8, Math.min(window.scrollX + start, window.scrollX + document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.top = top + "px";
    tip.style.left = left + "px";
    link.setAttribute("aria-describedby", "term-tip");
    current = link;
  }

  function hide() {
    tip.hidden = true;
    if (current) { current.removeAttribute("aria-describedby"); }
    current = null;
  }

  document.querySelectorAll("a.term[data-term]").forEach(function (link) {
    link.addEventListener("mouseenter", function () { show(link); });
    link.addEventListener("mouseleave", hide);
    link.addEventListener("focus", function () { show(link); });
    link.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { hide(); } });
})();
