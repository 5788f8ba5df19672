/* Material wraps every table in a box that scrolls sideways when the table is wider than the
   page, as on a phone. A box that scrolls must be reachable by keyboard (WCAG 2.1.1; axe:
   scrollable-region-focusable): while it overflows it takes focus (tabindex 0), and it stops
   taking focus once it fits again. Runs after Material has wrapped the tables of a page. */
(function () {
  "use strict";

  function update() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
      } else {
        box.removeAttribute("tabindex");
      }
    });
  }

  function soon() {
    window.requestAnimationFrame(update);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(soon);
  } else {
    document.addEventListener("DOMContentLoaded", soon);
  }
  window.addEventListener("resize", soon);
})();
