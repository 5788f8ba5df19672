/* Material wraps every table in a box that scrolls sideways when the table is wider than the
   page, as on a phone. A box that scrolls must be reachable by keyboard (WCAG 2.1.1; axe:
   scrollable-region-focusable): while it overflows it takes focus (tabindex 0), and it stops
   taking focus once it fits again. Runs after Material has wrapped the tables of a page.
   A ResizeObserver reports each box and its table after the browser has laid them out, so
   reading their widths costs no layout of its own (issue 15: on the partnerships overview,
   reading them in an animation frame forced a layout of the whole page before its first paint). */
(function () {
  "use strict";

  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var box = entry.target.closest(".md-typeset__scrollwrap");
      if (!box) {
        return;
      }
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
      } else {
        box.removeAttribute("tabindex");
      }
    });
  });

  function watch() {
    observer.disconnect();
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      observer.observe(box);
      if (box.firstElementChild) {
        observer.observe(box.firstElementChild);
      }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(watch);
  } else {
    document.addEventListener("DOMContentLoaded", watch);
  }
})();
