// The web editor (issue 24): Decap CMS with the configuration made from the schema (config.yml).
(function () {
  "use strict";
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

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  // Saving is a review: the file's last_reviewed becomes today.
  window.CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var data = tidy(event.entry.get("data"));
      return data.has("last_reviewed") || data.has("id") ? data.set("last_reviewed", today()) : data;
    }
  });
})();
