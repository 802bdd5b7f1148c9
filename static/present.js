// Progressive enhancement for presentations: shows one slide at a time and
// moves between slides with the keyboard (arrow keys, Page Up and Page
// Down, Home and End) or the buttons it adds. Without it the slides are
// sections of one long page.
(function () {
  "use strict";
  var deck = document.querySelector(".deck");
  if (!deck) { return; }
  var slides = Array.prototype.slice.call(deck.querySelectorAll(":scope > .slide"));
  if (slides.length === 0) { return; }
  var current = 0;
  // Interface strings: English here, the page's language from the deck's
  // data-ui (keys js.*). On a right-to-left page the arrows are mirrored:
  // the next slide is to the left.
  var ui = {
    slides: "Slides", slide_prev: "Previous slide", slide_next: "Next slide",
    all_slides: "All slides", one_slide: "One slide at a time",
    show_all: "Show all slides as one page", show_one: "Show one slide at a time"
  };
  try {
    var given = JSON.parse(deck.getAttribute("data-ui") || "{}");
    Object.keys(ui).forEach(function (k) { if (typeof given[k] === "string") { ui[k] = given[k]; } });
  } catch (e) { /* keep English */ }
  var rtl = window.getComputedStyle(deck).direction === "rtl";

  var bar = document.createElement("nav");
  bar.className = "deck-controls";
  bar.setAttribute("aria-label", ui.slides);
  function button(label, title, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.setAttribute("aria-label", title);
    b.addEventListener("click", onClick);
    bar.appendChild(b);
    return b;
  }
  var prev = button(rtl ? "→" : "←", ui.slide_prev, function () { show(current - 1, true); });
  var counter = document.createElement("span");
  counter.className = "deck-counter";
  counter.setAttribute("aria-live", "polite");
  bar.appendChild(counter);
  var next = button(rtl ? "←" : "→", ui.slide_next, function () { show(current + 1, true); });
  var mode = button(ui.all_slides, ui.show_all, function () {
    toggle(!document.documentElement.classList.contains("deck-on"));
  });
  deck.parentNode.insertBefore(bar, deck.nextSibling);

  function indexOf(hash) {
    for (var i = 0; i < slides.length; i++) {
      if ("#" + slides[i].id === hash) { return i; }
    }
    return -1;
  }

  function show(i, focus) {
    current = Math.max(0, Math.min(slides.length - 1, i));
    slides.forEach(function (s, k) {
      s.hidden = k !== current;
      s.setAttribute("aria-current", k === current ? "step" : "false");
    });
    counter.textContent = (current + 1) + " / " + slides.length;
    prev.disabled = current === 0;
    next.disabled = current === slides.length - 1;
    var hash = "#" + slides[current].id;
    if (window.location.hash !== hash) {
      window.history.replaceState(null, "", hash);
    }
    if (focus) {
      slides[current].setAttribute("tabindex", "-1");
      slides[current].focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }

  // on: one slide at a time; off: the long page, as without the script.
  function toggle(on) {
    document.documentElement.classList.toggle("deck-on", on);
    prev.hidden = next.hidden = counter.hidden = !on;
    mode.textContent = on ? ui.all_slides : ui.one_slide;
    mode.setAttribute("aria-label", on ? ui.show_all : ui.show_one);
    if (on) {
      show(current, false);
      return;
    }
    slides.forEach(function (s) { s.hidden = false; s.removeAttribute("aria-current"); });
    slides[current].scrollIntoView();
  }

  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    // Space on a button or link activates it.
    if (e.key === " " && t && /^(A|BUTTON|SUMMARY)$/.test(t.tagName)) { return; }
    var on = document.documentElement.classList.contains("deck-on");
    var key = e.key;
    if (rtl && key === "ArrowRight") { key = "ArrowLeft"; } else if (rtl && key === "ArrowLeft") { key = "ArrowRight"; }
    switch (key) {
      case "ArrowRight": case "PageDown": case " ":
        if (!on) { return; }
        show(current + (e.key === " " && e.shiftKey ? -1 : 1), true); break;
      case "ArrowLeft": case "PageUp":
        if (!on) { return; }
        show(current - 1, true); break;
      case "Home":
        if (!on) { return; }
        show(0, true); break;
      case "End":
        if (!on) { return; }
        show(slides.length - 1, true); break;
      case "Escape":
        toggle(!on); break;
      default:
        return;
    }
    e.preventDefault();
  });

  window.addEventListener("hashchange", function () {
    var i = indexOf(window.location.hash);
    if (i >= 0 && i !== current && document.documentElement.classList.contains("deck-on")) { show(i, false); }
  });

  current = Math.max(0, indexOf(window.location.hash));
  toggle(true);
})();
