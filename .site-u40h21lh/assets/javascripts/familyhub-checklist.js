/* familyhub checklists: ticks saved in localStorage by item id, progress, reset/undo, and
 * progress moved between computers as a small JSON file. Every visible word comes from the
 * page (data-label-* attributes rendered from data/site.yml). Without JavaScript the page is a
 * plain printable list: the tools stay hidden. */
(function () {
  "use strict";

  var KEY_PREFIX = "familyhub:checklist:";
  var FORMAT = "familyhub-checklist";
  var VERSION = 1;
  var controllers = {};

  function readTicks(raw) {
    // Any saved shape we do not understand counts as "nothing ticked", never as an error.
    try {
      var saved = JSON.parse(raw || "null");
      if (saved && Array.isArray(saved.ticked)) {
        return new Set(saved.ticked.filter(function (id) { return typeof id === "string"; }));
      }
    } catch (error) { /* fall through */ }
    return new Set();
  }

  function Checklist(tools) {
    this.tools = tools;
    this.guide = tools.dataset.guide;
    this.key = KEY_PREFIX + this.guide;
    this.boxes = Array.prototype.slice.call(document.querySelectorAll(
      'ul.fh-checklist[data-guide="' + this.guide + '"] input.fh-check[data-item-id]'));
    this.text = tools.querySelector(".fh-progress-text");
    this.bar = tools.querySelector(".fh-progress");
    this.status = tools.querySelector(".fh-status");
    this.undoButton = tools.querySelector('[data-action="undo"]');
    this.file = tools.querySelector(".fh-import-file");
    this.beforeReset = null;
    this.ticked = this.load();
  }

  Checklist.prototype.load = function () {
    try {
      return readTicks(window.localStorage.getItem(this.key));
    } catch (error) {
      this.say(this.tools.dataset.labelStorageOff);
      return new Set();
    }
  };

  Checklist.prototype.save = function () {
    // Ids of items no longer on the page are kept: if an item comes back, so does its tick.
    try {
      window.localStorage.setItem(this.key, JSON.stringify(
        { version: VERSION, ticked: Array.from(this.ticked).sort() }));
    } catch (error) {
      this.say(this.tools.dataset.labelStorageOff);
    }
  };

  Checklist.prototype.show = function () {
    var ticked = this.ticked;
    var done = 0;
    this.boxes.forEach(function (box) {
      box.checked = ticked.has(box.dataset.itemId);
      if (box.checked) done += 1;
    });
    this.text.textContent = this.tools.dataset.labelProgress
      .replace("{done}", String(done)).replace("{total}", String(this.boxes.length));
    this.bar.max = this.boxes.length;
    this.bar.value = done;
    this.showSteps();
  };

  Checklist.prototype.showSteps = function () {
    // each step of the step-by-step list says how many of its items are done: "2 of 4 done"
    var counts = {};
    this.boxes.forEach(function (box) {
      var phase = box.closest("ul.fh-checklist").dataset.phase;
      counts[phase] = counts[phase] || { done: 0, total: 0 };
      counts[phase].total += 1;
      if (box.checked) counts[phase].done += 1;
    });
    var label = this.tools.dataset.labelPhaseProgress;
    document.querySelectorAll('.fh-steps[data-guide="' + this.guide + '"] [data-phase]')
      .forEach(function (slot) {
        var count = counts[slot.dataset.phase] || { done: 0, total: 0 };
        slot.textContent = label.replace("{done}", String(count.done))
          .replace("{total}", String(count.total));
        slot.hidden = false;
      });
  };

  Checklist.prototype.say = function (message) {
    this.status.textContent = message || "";
  };

  Checklist.prototype.replace = function (ticked, message) {
    this.ticked = ticked;
    this.save();
    this.show();
    this.say(message);
  };

  Checklist.prototype.tick = function (box) {
    if (box.checked) this.ticked.add(box.dataset.itemId);
    else this.ticked.delete(box.dataset.itemId);
    this.undoButton.hidden = true;
    this.replace(this.ticked, "");
  };

  Checklist.prototype.reset = function () {
    this.beforeReset = new Set(this.ticked);
    this.replace(new Set(), this.tools.dataset.labelResetDone);
    this.undoButton.hidden = false;
  };

  Checklist.prototype.undo = function () {
    this.undoButton.hidden = true;
    if (this.beforeReset) this.replace(this.beforeReset, "");
  };

  Checklist.prototype.exportFile = function () {
    var body = JSON.stringify({
      format: FORMAT, version: VERSION, guide: this.guide,
      ticked: Array.from(this.ticked).sort(), exported: new Date().toISOString()
    }, null, 2);
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([body], { type: "application/json" }));
    link.download = "familyhub-" + this.guide + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  };

  Checklist.prototype.importFile = function (file) {
    var self = this;
    file.text().then(function (text) {
      var data = JSON.parse(text);
      if (!data || data.format !== FORMAT || data.guide !== self.guide ||
          !Array.isArray(data.ticked)) throw new Error("not this checklist");
      self.undoButton.hidden = true;
      self.replace(readTicks(text), self.tools.dataset.labelImported);
    }).catch(function () {
      self.say(self.tools.dataset.labelImportError);
    });
  };

  Checklist.prototype.bind = function () {
    var self = this;
    this.boxes.forEach(function (box) {
      box.addEventListener("change", function () { self.tick(box); });
    });
    this.tools.addEventListener("click", function (event) {
      var action = event.target.closest("[data-action]");
      if (!action) return;
      if (action.dataset.action === "reset") self.reset();
      else if (action.dataset.action === "undo") self.undo();
      else if (action.dataset.action === "export") self.exportFile();
      else if (action.dataset.action === "import") self.file.click();
    });
    this.file.addEventListener("change", function () {
      if (self.file.files.length) self.importFile(self.file.files[0]);
      self.file.value = "";  // choosing the same file again must work too
    });
    this.tools.hidden = false;
    this.show();
  };

  function init() {
    document.querySelectorAll(".fh-checklist-tools[data-guide]").forEach(function (tools) {
      if (tools.dataset.fhReady) return;
      tools.dataset.fhReady = "1";
      var checklist = new Checklist(tools);
      controllers[checklist.key] = checklist;
      checklist.bind();
    });
  }

  // Another tab ticked something: show it here too.
  window.addEventListener("storage", function (event) {
    var checklist = controllers[event.key];
    if (checklist && checklist.tools.isConnected) {
      checklist.ticked = readTicks(event.newValue);
      checklist.show();
    }
  });

  // Material's instant navigation swaps pages without reloading: document$ emits for each one.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
