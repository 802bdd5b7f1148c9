// Live editing: protosite serve -watch sends an event when the site is
// rebuilt, and this script reloads the page; when a build fails, it shows
// the problems, each with its file and line, over the last good page.
(function () {
  "use strict";
  var me = document.currentScript;
  var url = me && me.getAttribute("data-events");
  if (!url || !window.EventSource) { return; }
  var panel = null;

  function showProblem(text) {
    if (!panel) {
      panel = document.createElement("div");
      panel.className = "live-problem";
      panel.setAttribute("role", "alert");
      document.body.insertBefore(panel, document.body.firstChild);
    }
    panel.textContent = "";
    var head = document.createElement("strong");
    var msg = "The last edit does not build; this is the last good version of the page.";
    try {
      msg = JSON.parse(document.documentElement.getAttribute("data-ui") || "{}").live_problem || msg;
    } catch (e) { /* keep English */ }
    head.textContent = msg;
    var pre = document.createElement("pre");
    pre.textContent = text;
    panel.appendChild(head);
    panel.appendChild(pre);
  }

  // The page says where it is, so that it is told only of its own changes.
  var source = new EventSource(url + (url.indexOf("?") < 0 ? "?" : "&") + "page=" + encodeURIComponent(window.location.pathname));
  // Marks the page once it listens, so that a test can wait for it.
  source.addEventListener("open", function () { document.documentElement.setAttribute("data-live", "open"); });
  // A reload names the pages that changed, one address a line, or none
  // when every page should reload.
  source.addEventListener("reload", function (ev) {
    var urls = ev.data ? ev.data.split("\n") : [];
    if (urls.length === 0 || urls.indexOf(window.location.pathname) >= 0) { window.location.reload(); }
  });
  source.addEventListener("problem", function (ev) { showProblem(ev.data); });
})();
