// Progressive enhancement: copy buttons beside each provision's ¶ link.
// Reading and the ¶ links work without this script.
(function () {
  "use strict";
  var prefix = document.documentElement.getAttribute("data-citation-prefix") || "";

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
      navigator.clipboard.writeText(text).then(function () { done("Copied"); }, function () { fallback(); });
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
      done(ok ? "Copied" : "Copy failed: " + text);
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

  document.querySelectorAll("[data-citation][id]").forEach(function (el) {
    var pilcrow = el.querySelector(":scope > p > .pilcrow, :scope > header .pilcrow");
    if (!pilcrow) { return; }
    var cite = el.getAttribute("data-citation");
    var full = prefix ? prefix + ", " + cite : cite;
    var tools = document.createElement("span");
    tools.className = "copy-tools";
    var status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    tools.appendChild(button("Copy link", "Copy link to " + cite, function () { copy(absoluteLink(el.id), status); }));
    tools.appendChild(button("Copy citation", "Copy citation " + full, function () { copy(full, status); }));
    tools.appendChild(status);
    pilcrow.insertAdjacentElement("afterend", tools);
  });
})();
