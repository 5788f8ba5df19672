/* issue 21: the menu of the narrow layout (a phone, or 200 % zoom) from the keyboard. Material
 * opens it with a <label> for a hidden checkbox, which the keyboard cannot reach, and leaves the
 * closed menu's links in the tab order although they are off screen. Here a real button
 * (overrides/partials/header.html) opens and closes it and says whether it is open
 * (aria-expanded); Escape, or leaving the menu with Tab, closes it, and Escape puts the focus
 * back on the button; the closed menu is inert, so none of its links is a tab stop. Material's
 * own script is not needed: the home pages do without it (overrides/main.html). */
(function () {
  "use strict";

  var NARROW = "(max-width: 76.234375em)"; // where Material's menu becomes a drawer
  var FOCUSABLE = "a[href], button:not([disabled]), input:not([type=hidden]), select, [tabindex]";

  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".fh-menu-button");
  var label = document.querySelector("[data-fh-menu-label]");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) {
    return; // Material's label keeps opening the menu by mouse and touch
  }
  var narrow = window.matchMedia(NARROW);

  function isOpen() {
    return toggle.checked && narrow.matches;
  }

  function sync() {
    button.setAttribute("aria-expanded", String(isOpen()));
    drawer.inert = narrow.matches && !toggle.checked;
  }

  function setOpen(open) {
    if (toggle.checked !== open) {
      toggle.checked = open;
      // Material's script, where loaded, follows the checkbox by its change event
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
    }
    sync();
  }

  drawer.id = drawer.id || "fh-menu";
  button.setAttribute("aria-controls", drawer.id);
  button.hidden = false;
  if (label) {
    label.hidden = true;
  }

  button.addEventListener("click", function () {
    setOpen(!toggle.checked);
    var first = isOpen() && drawer.querySelector(FOCUSABLE);
    if (first) {
      first.focus();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) {
      setOpen(false);
      button.focus();
    }
  });
  drawer.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (isOpen() && next && next !== button && !drawer.contains(next)) {
      setOpen(false);
    }
  });
  toggle.addEventListener("change", sync);
  narrow.addEventListener("change", sync);
  sync();
})();
