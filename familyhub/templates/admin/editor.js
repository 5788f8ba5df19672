// The web editor (issue 24): Decap CMS with the configuration made from the schema (config.yml).
(function () {
  "use strict";
  // each collection's field names, nested, in the form's order (familyhub/data/editor.py)
  var keyOrder = window.fetch("key-order.json").then(function (response) {
    return response.json();
  });

  function isCollection(value) {
    return value !== null && typeof value === "object" && typeof value.toJS === "function";
  }

  function isEmpty(value) {
    return value === null || value === undefined || value === "" ||
      (isCollection(value) && value.size === 0);
  }

  // A field left empty is left out of the file, as the hub's files do (an empty address or
  // list would be a mistake for `familyhub check`).
  function tidy(value) {
    if (!isCollection(value)) return value;
    return value.map(tidy).filter(function (item) { return !isEmpty(item); });
  }

  // Decap orders a file's top-level keys by the form but keeps nested ones in the order they
  // were typed in: put them in the form's order, which is the order the hub's files have.
  function ordered(value, order) {
    if (!isCollection(value) || !order) return value;
    if (typeof value.push === "function") {  // a list: each item in order
      return value.map(function (item) { return ordered(item, order); });
    }
    // a Map of more than eight keys forgets their order; an OrderedMap keeps it
    var result = value.toOrderedMap().clear();
    Object.keys(order).forEach(function (key) {
      if (value.has(key)) result = result.set(key, ordered(value.get(key), order[key]));
    });
    value.forEach(function (item, key) {
      if (!Object.prototype.hasOwnProperty.call(order, key)) result = result.set(key, item);
    });
    return result;
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  // An amount is a whole number (the schema's int fields, a number box with step 1): a dot or
  // comma typed in it is left out, so "300.000" reads 300000 in the box, never 300 on save
  // (the browser would read the dot as a decimal point, and Decap keep the whole part).
  function wholeNumberBox(target) {
    return target instanceof window.HTMLInputElement && target.type === "number" &&
      target.step === "1";
  }

  document.addEventListener("keydown", function (event) {
    if (wholeNumberBox(event.target) && ".,eE+-".indexOf(event.key) !== -1) {
      event.preventDefault();
    }
  }, true);

  document.addEventListener("paste", function (event) {
    var text = event.clipboardData ? event.clipboardData.getData("text") : "";
    if (wholeNumberBox(event.target) && !/^\s*\d+\s*$/.test(text)) event.preventDefault();
  }, true);

  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      return keyOrder.then(function (order) {
        var data = tidy(event.entry.get("data"));
        // saving is a review: the file's last_reviewed becomes today
        if (data.has("last_reviewed")) data = data.set("last_reviewed", today());
        return ordered(data, order[event.entry.get("collection")]);
      });
    }
  });
})();
