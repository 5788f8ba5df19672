// Overview tables list every entity (2,000 partnerships at national scale): above each, a search
// box, a select per filter (municipality, organisation, year, ...) and header buttons that sort.
// The filters' values are ids and years the build put beside the table as JSON (facets.py); the
// state lives in the address (?municipality=holbaek&sort=start-year-desc), so a copied link opens
// the same view. Without JavaScript the controls stay hidden and the whole table reads and prints
// as it is. Every word comes from the page (data/site.yml), none from here.
(function () {
  "use strict";

  var TEXT = "text"; // not "q": Material opens its search for ?q=
  var SORT = "sort";
  var collator = new Intl.Collator(document.documentElement.lang || undefined, {
    numeric: true,
    sensitivity: "base"
  });

  // issue 12: matching as search does, without case or accents, Danish and Norwegian letters
  // folded both ways: "holbaek" finds Holbæk, "aero" Ærø, "kobenhavn" and "koebenhavn" København,
  // "aarhus" Århus (æ -> ae, ø and oe -> o, å and aa -> a, in the text and the query alike).
  var LETTERS = { "æ": "ae", "ø": "o", "å": "a", "ä": "ae", "ö": "o", "ß": "ss" };

  function fold(text) {
    return text
      .toLocaleLowerCase()
      .replace(/[æøåäöß]/g, function (letter) { return LETTERS[letter]; })
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/oe/g, "o")
      .replace(/aa/g, "a")
      .replace(/\s+/g, " ")
      .trim();
  }

  // Two words written apart as one, also without a genitive or definite ending on the first:
  // "Familiens Hus" is found by "familiehus" and "familienshus", as one compound word.
  function compounds(folded) {
    var words = folded.split(" ");
    var joined = [];
    for (var index = 0; index + 1 < words.length; index += 1) {
      var next = words[index + 1];
      joined.push(words[index] + next, words[index].replace(/n?s$/, "") + next);
    }
    return joined.join(" ");
  }

  function haystack(text) {
    var folded = fold(text);
    return folded + " " + compounds(folded);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function labelled(text, control) {
    var id = "fh-filter-" + Math.random().toString(36).slice(2);
    var label = element("label", "fh-filter__label", text);
    label.htmlFor = id;
    control.id = id;
    var field = element("div", "fh-filter__field");
    field.append(label, control);
    return field;
  }

  // The table's spec, or null when it is missing or does not describe these rows.
  function readSpec(box, rowCount) {
    var node = box.parentElement.querySelector("script.fh-table-data");
    try {
      var spec = node && JSON.parse(node.textContent);
      return spec && spec.rows.length === rowCount ? spec : null;
    } catch (error) {
      return null;
    }
  }

  function select(filter, words) {
    var control = element("select", "fh-filter__select");
    control.dataset.filter = filter.id;
    control.append(new Option(words.all, ""));
    Object.keys(filter.options)
      .sort(function (a, b) { return collator.compare(filter.options[a], filter.options[b]); })
      .forEach(function (value) { control.append(new Option(filter.options[value], value)); });
    return control;
  }

  // A cell's sort key: the build's machine key if it gave one, else the cell's text; null sorts last.
  function sortKey(sort, row, index) {
    if (sort.keys) {
      return sort.keys[index];
    }
    var text = row.cells[sort.column].textContent.trim();
    return text === "" || text === "–" ? null : text;
  }

  function compare(a, b) {
    if (typeof a === "number" && typeof b === "number") {
      return a - b;
    }
    return collator.compare(String(a), String(b));
  }

  // issue 12: a table wider than a phone says so ("more columns →") and fades at its right
  // edge, until it is scrolled to its last column. Material wraps the table in the box that
  // scrolls after this script has run, so the box is looked up a frame later.
  function scrollCue(table, text) {
    var cue = element("p", "fh-scroll-cue", text);
    cue.setAttribute("aria-hidden", "true"); // the box itself takes focus (scroll-focus.js)
    cue.hidden = true;
    var wrap = null;

    function update() {
      wrap = wrap || table.closest(".md-typeset__scrollwrap");
      if (!wrap) {
        return;
      }
      if (!cue.parentElement) {
        wrap.parentElement.insertBefore(cue, wrap);
        wrap.addEventListener("scroll", update, { passive: true });
      }
      // more to see while the table's last column ends beyond the box's edge (the box's own
      // padding past the table is no column a reader misses)
      var more = table.getBoundingClientRect().right > wrap.getBoundingClientRect().right + 1;
      cue.hidden = !more;
      wrap.classList.toggle("fh-scroll-more", more);
    }

    window.requestAnimationFrame(update);
    window.addEventListener("resize", update);
    // the table's width can still change after the first frame (its cells' text wraps anew
    // once fonts and the filter's controls are in place): measured again whenever it does
    if (window.ResizeObserver) {
      new window.ResizeObserver(update).observe(table);
    }
    return update;
  }

  function attach(box) {
    var table = box.parentElement && box.parentElement.querySelector("table");
    var texts = box.querySelectorAll("p");
    if (!table || texts.length < 2 || box.dataset.ready) {
      return;
    }
    box.dataset.ready = "1";
    var countPattern = texts[1].textContent;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var spec = readSpec(box, rows.length) || { filters: [], sorts: [], rows: [], words: {} };
    // each row's visible text and the names of every value its filters know (models, ...)
    var haystacks = rows.map(function (row, index) {
      return haystack(row.textContent + " " + ((spec.rows[index] || {}).text || ""));
    });
    var input = element("input", "fh-filter__input");
    input.type = "search";
    var selects = spec.filters
      .filter(function (filter) { return Object.keys(filter.options).length > 1; })
      .map(function (filter) { return select(filter, spec.words); });
    var status = element("p", "fh-filter__status");
    status.setAttribute("role", "status");
    var fields = element("div", "fh-filter__fields");
    fields.append(labelled(texts[0].textContent, input));
    selects.forEach(function (control) {
      var filter = spec.filters.filter(function (f) { return f.id === control.dataset.filter; })[0];
      fields.append(labelled(filter.label, control));
    });
    var reset = element("button", "fh-filter__reset md-button", spec.words.reset);
    reset.type = "button";
    if (spec.words.reset) {
      fields.append(reset);
    }
    // with no row to show, a line says so and offers to clear the filters
    var empty = element("p", "fh-filter__empty", spec.words.none);
    var clear = element("button", "fh-filter__clear md-button", spec.words.clear);
    clear.type = "button";
    empty.append(" ", clear);
    empty.hidden = true;
    box.replaceChildren(fields, status);
    var outer = table.closest(".md-typeset__scrollwrap") || table;
    outer.parentElement.insertBefore(empty, outer);
    var sorted = { id: "", direction: "asc" };
    var headers = spec.sorts.map(function (sort) { return sortButton(sort); });

    function sortButton(sort) {
      var header = table.tHead.rows[0].cells[sort.column];
      var button = element("button", "fh-sort");
      button.type = "button";
      button.append.apply(button, Array.prototype.slice.call(header.childNodes));
      header.append(button);
      button.addEventListener("click", function () {
        var again = sorted.id === sort.id && sorted.direction === "asc";
        sorted = { id: sort.id, direction: again ? "desc" : "asc" };
        update(true);
      });
      return header;
    }

    function matches(index, needles) {
      var found = needles.every(function (needle) { return haystacks[index].indexOf(needle) !== -1; });
      if (!found) {
        return false;
      }
      return selects.every(function (control) {
        return !control.value || spec.rows[index][control.dataset.filter].indexOf(control.value) !== -1;
      });
    }

    function order() {
      var sort = spec.sorts.filter(function (s) { return s.id === sorted.id; })[0];
      var sign = sorted.direction === "desc" ? -1 : 1;
      var indexes = rows.map(function (_, index) { return index; });
      if (sort) {
        var keys = rows.map(function (row, index) { return sortKey(sort, row, index); });
        indexes.sort(function (a, b) {
          if (keys[a] === null || keys[b] === null) {
            return (keys[a] === null) - (keys[b] === null) || a - b; // empty cells last, both ways
          }
          return sign * compare(keys[a], keys[b]) || a - b;
        });
      }
      body.append.apply(body, indexes.map(function (index) { return rows[index]; }));
      // issue 22: the rows on screen in their order, for the file to take along (table-download.js)
      table.fhRows = indexes.filter(function (index) { return !rows[index].hidden; });
      table.dispatchEvent(new CustomEvent("fh-rows", { detail: { shown: table.fhRows.length, total: rows.length } }));
      spec.sorts.forEach(function (s, position) {
        if (s === sort) {
          headers[position].setAttribute("aria-sort", sorted.direction === "desc" ? "descending" : "ascending");
        } else {
          headers[position].removeAttribute("aria-sort");
        }
      });
    }

    function writeAddress() {
      var params = new URLSearchParams(window.location.search);
      params.delete(TEXT);
      params.delete(SORT);
      selects.forEach(function (control) { params.delete(control.dataset.filter); });
      if (input.value.trim()) {
        params.set(TEXT, input.value.trim());
      }
      selects.forEach(function (control) {
        if (control.value) {
          params.set(control.dataset.filter, control.value);
        }
      });
      if (sorted.id) {
        params.set(SORT, sorted.id + "-" + sorted.direction);
      }
      var query = params.toString();
      var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      window.history.replaceState(window.history.state, "", address);
      carryToLanguages();
    }

    // the language switch opens the same view of the other language's table (ids, not words)
    function carryToLanguages() {
      document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
        var url = new URL(link.href, window.location.href);
        url.search = window.location.search;
        link.href = url.href;
      });
    }

    function readAddress() {
      var params = new URLSearchParams(window.location.search);
      input.value = params.get(TEXT) || "";
      selects.forEach(function (control) {
        var wanted = params.get(control.dataset.filter) || "";
        var known = Array.prototype.some.call(control.options, function (o) { return o.value === wanted; });
        control.value = known ? wanted : "";
      });
      var match = /^(.+)-(asc|desc)$/.exec(params.get(SORT) || "");
      var known = match && spec.sorts.some(function (s) { return s.id === match[1]; });
      sorted = known ? { id: match[1], direction: match[2] } : { id: "", direction: "asc" };
    }

    function update(write) {
      var needles = fold(input.value).split(" ").filter(Boolean);
      var filtered = needles.length > 0 || selects.some(function (control) { return control.value; });
      var shown = 0;
      rows.forEach(function (row, index) {
        var match = matches(index, needles);
        row.hidden = !match;
        shown += match ? 1 : 0;
      });
      order();
      status.textContent = filtered
        ? countPattern.replace("{shown}", shown).replace("{total}", rows.length)
        : "";
      reset.hidden = !filtered && !sorted.id;
      empty.hidden = shown > 0;
      if (write) {
        writeAddress();
      } else {
        carryToLanguages();
      }
    }

    input.addEventListener("input", function () { update(true); });
    selects.forEach(function (control) {
      control.addEventListener("change", function () { update(true); });
    });
    function clearFilters() {
      input.value = "";
      selects.forEach(function (control) { control.value = ""; });
    }
    reset.addEventListener("click", function () {
      clearFilters();
      sorted = { id: "", direction: "asc" };
      update(true);
      input.focus();
    });
    clear.addEventListener("click", function () {
      clearFilters();
      update(true);
      input.focus();
    });
    var cueUpdate = spec.words.more ? scrollCue(table, spec.words.more) : function () {};
    readAddress();
    update(false);
    box.hidden = false;
    // rows shown or hidden change the table's width
    input.addEventListener("input", cueUpdate);
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
