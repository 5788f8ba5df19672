// Overview tables list every entity (2,000 partnerships at national scale): a search box above
// each narrows the rows as the reader types. Without JavaScript the box stays hidden and the whole
// table reads and prints as it is. The box's words come from the page (data/site.yml), not from here.
(function () {
  "use strict";

  function normalise(text) {
    return text.toLocaleLowerCase().replace(/\s+/g, " ").trim();
  }

  function attach(box) {
    var table = box.parentElement && box.parentElement.querySelector("table");
    var texts = box.querySelectorAll("p");
    if (!table || texts.length < 2 || box.dataset.ready) {
      return;
    }
    box.dataset.ready = "1";
    var countPattern = texts[1].textContent;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var haystacks = rows.map(function (row) { return normalise(row.textContent); });
    var id = "fh-filter-" + Math.random().toString(36).slice(2);
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = texts[0].textContent;
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.className = "fh-filter__input";
    var status = document.createElement("p");
    status.className = "fh-filter__status";
    status.setAttribute("role", "status");
    box.replaceChildren(label, input, status);
    function update() {
      var needle = normalise(input.value);
      var shown = 0;
      rows.forEach(function (row, index) {
        var match = haystacks[index].indexOf(needle) !== -1;
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      status.textContent = needle
        ? countPattern.replace("{shown}", shown).replace("{total}", rows.length)
        : "";
    }
    input.addEventListener("input", update);
    box.hidden = false;
  }

  function attachAll() {
    document.querySelectorAll(".fh-filter").forEach(attach);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(attachAll); // Material's instant navigation, if it is ever turned on
  } else {
    document.addEventListener("DOMContentLoaded", attachAll);
  }
})();
