// Comparison view: filter the national provisions by country without a
// server; the selection lives in the address (?countries=AUS,CAN) so that
// it can be shared. Without this script every country is shown.
(function () {
  "use strict";
  var form = document.getElementById("compare-filter");
  if (!form) { return; }
  form.hidden = false;
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=country]"));
  var params = new URLSearchParams(window.location.search);
  var wanted = params.get("countries");
  if (wanted !== null) {
    var set = wanted.split(",");
    boxes.forEach(function (b) { b.checked = set.indexOf(b.value) >= 0; });
  }

  function apply() {
    var on = {};
    boxes.forEach(function (b) { if (b.checked) { on[b.value] = true; } });
    document.querySelectorAll("[data-country]").forEach(function (el) {
      el.hidden = !on[el.getAttribute("data-country")];
    });
    var all = boxes.every(function (b) { return b.checked; });
    var url = new URL(window.location.href);
    url.searchParams.delete("countries");
    var search = url.search.slice(1);
    if (!all) {
      // Written by hand: searchParams would escape the commas as %2C.
      search += (search ? "&" : "") + "countries=" + boxes.filter(function (b) { return b.checked; }).map(function (b) { return encodeURIComponent(b.value); }).join(",");
    }
    window.history.replaceState(null, "", url.pathname + (search ? "?" + search : "") + url.hash);
  }

  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  form.querySelectorAll("button[data-select]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var on = btn.getAttribute("data-select") === "all";
      boxes.forEach(function (b) { b.checked = on; });
      apply();
    });
  });
  apply();
})();
