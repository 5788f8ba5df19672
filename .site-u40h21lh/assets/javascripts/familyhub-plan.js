/* familyhub "make your plan": the same sums as familyhub/plan.py, on the JSON the build embeds
 * in the page (#fh-plan-spec), so the page and `familyhub guide` give the same numbers.
 * Nothing leaves the browser. Every visible word comes from the spec's labels. */
(function () {
  "use strict";

  var FTE_SCALE = 10000;
  var DAY = 86400000;

  // --- arithmetic: keep in step with familyhub/plan.py -------------------------------------

  function shareOf(amount, basisPoints) {
    // Whole numbers below 2**53 throughout, so doubles are exact; rounds half up, as plan.py.
    return Math.floor((amount * basisPoints + FTE_SCALE / 2) / FTE_SCALE);
  }

  function schedule(start, phases) {
    var before = 0;
    return phases.map(function (phase) {
      var first = start + before * 7 * DAY;
      var planned = {
        spec: phase, first: first, last: first + (phase.weeks * 7 - 1) * DAY,
        firstWeek: before + 1, lastWeek: before + phase.weeks
      };
      before += phase.weeks;
      return planned;
    });
  }

  var SALARY_INPUTS = ["coordinator-salary"];

  function budget(lines, amounts, onCosts) {
    var computed = lines.map(function (spec) {
      var amount = amounts[spec.input];
      var percent = SALARY_INPUTS.indexOf(spec.input) >= 0 ? onCosts : 0;
      if (amount === null || amount === undefined) {
        return { spec: spec, amount: null, perYear: null, total: null, onCosts: percent };
      }
      var share = shareOf(amount, spec.fte_basis_points);
      // a percentage as basis points of the share: whole numbers, as plan.py
      var perYear = share + shareOf(share, percent * FTE_SCALE / 100);
      return {
        spec: spec, amount: amount, perYear: perYear, total: perYear * spec.years,
        onCosts: percent
      };
    });
    var years = lines.reduce(function (most, spec) { return Math.max(most, spec.years); }, 0);
    var yearTotals = [];
    for (var year = 0; year < years; year += 1) {
      yearTotals.push(computed.reduce(function (sum, line) {
        return sum + (line.spec.years > year ? line.perYear || 0 : 0);
      }, 0));
    }
    return {
      lines: computed, yearTotals: yearTotals, onCosts: onCosts,
      total: yearTotals.reduce(function (sum, value) { return sum + value; }, 0),
      complete: computed.every(function (line) { return line.amount !== null; }),
      paysSalaries: lines.some(function (spec) { return SALARY_INPUTS.indexOf(spec.input) >= 0; })
    };
  }

  function addYears(time, years) {
    // plan.add_years: the same day years later, 29 February becoming 1 March
    var day = new Date(time);
    return Date.UTC(day.getUTCFullYear() + years, day.getUTCMonth(), day.getUTCDate());
  }

  // --- formatting: the language's conventions, exported from Babel by the build ---------

  function Formats(spec) {
    this.f = spec.format;
    this.labels = spec.labels;
  }

  Formats.prototype.label = function (key, values) {
    return this.labels[key].replace(/\{(\w+)\}/g, function (whole, name) {
      return values && name in values ? String(values[name]) : whole;
    });
  };

  Formats.prototype.number = function (value) {
    return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, this.f.group);
  };

  Formats.prototype.money = function (amount, currency) {
    var pattern = this.f.money[currency] || "{currency} {amount}";
    return pattern.replace("{amount}", this.number(amount)).replace("{currency}", currency);
  };

  Formats.prototype.fte = function (basisPoints) {
    // plan.fte_text: the shortest decimal, in the language's decimal sign
    return String(basisPoints / FTE_SCALE).replace(".", this.f.decimal);
  };

  Formats.prototype.date = function (time) {
    var day = new Date(time);
    var months = this.f.months;
    return this.f.date.map(function (part) {
      if (part[0] === "chars") return part[1];
      var field = part[1];
      var width = part[2];
      if (field === "d") return width > 1 ? pad(day.getUTCDate()) : String(day.getUTCDate());
      if (field === "M") {
        if (width >= 4) return months[day.getUTCMonth()];
        return width > 1 ? pad(day.getUTCMonth() + 1) : String(day.getUTCMonth() + 1);
      }
      var year = String(day.getUTCFullYear());
      return width === 2 ? year.slice(-2) : year;
    }).join("");
  };

  function pad(value) {
    return value < 10 ? "0" + value : String(value);
  }

  // --- the form ---------------------------------------------------------------------------

  function parseDate(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!match) return null;
    var time = Date.UTC(+match[1], +match[2] - 1, +match[3]);
    var check = new Date(time);
    var real = check.getUTCFullYear() === +match[1] && check.getUTCMonth() === +match[2] - 1 &&
      check.getUTCDate() === +match[3];
    return real ? time : null;
  }

  function parseAmount(input, max) {
    if (input.validity && input.validity.badInput) return NaN;
    var value = input.value.trim();
    if (value === "") return null;
    if (!/^\d+$/.test(value) || +value > max) return NaN;
    return +value;
  }

  function tickedOnChecklist(guideId) {
    // the ticks the guide's checklist page saved (familyhub-checklist.js), for the printed plan
    try {
      var saved = JSON.parse(window.localStorage.getItem("familyhub:checklist:" + guideId));
      return new Set(saved && Array.isArray(saved.ticked) ? saved.ticked : []);
    } catch (error) {
      return new Set();
    }
  }

  function element(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function table(name, headings, rows) {
    // no class: Material styles only tables without one; data-table names it for tests
    var node = element("table");
    node.dataset.table = name;
    var head = node.createTHead().insertRow();
    headings.forEach(function (text) { head.appendChild(element("th", text)); });
    var body = node.createTBody();
    rows.forEach(function (cells) {
      var row = body.insertRow();
      cells.forEach(function (text) { row.appendChild(element("td", text)); });
    });
    return node;
  }

  function Planner(form, spec) {
    this.form = form;
    this.spec = spec;
    this.fmt = new Formats(spec);
    this.output = document.getElementById("fh-plan-output");
    this.title = this.output.querySelector(".fh-plan-title");
    this.summary = document.getElementById("fh-plan-summary");
    this.result = document.getElementById("fh-plan-result");
    this.touched = {};
  }

  Planner.prototype.field = function (name) {
    return this.form.elements.namedItem(name);
  };

  Planner.prototype.guide = function () {
    return this.spec.guides[this.spec.plans[this.field("requirements").value]];
  };

  Planner.prototype.chooseGuide = function () {
    var guide = this.guide();
    var needed = guide.budget.map(function (line) { return line.input; });
    this.form.querySelectorAll("[data-input]").forEach(function (field) {
      var used = needed.indexOf(field.dataset.input) >= 0;
      field.hidden = !used;
      field.querySelector("input").disabled = !used;
    });
  };

  Planner.prototype.currency = function () {
    // the guide's own: its country's currency
    return this.guide().currency || "";
  };

  Planner.prototype.error = function (name, message) {
    var input = this.field(name);
    var slot = document.getElementById(input.id + "-error");
    var shown = this.touched[name] ? message : "";
    slot.textContent = shown || "";
    if (shown) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    return !message;
  };

  Planner.prototype.hint = function (amounts) {
    // a yearly salary this small is more likely a monthly one: ask, and count it as given
    var salary = amounts["coordinator-salary"];
    var slot = document.getElementById("fh-plan-coordinator-salary-hint");
    var small = salary !== null && salary !== undefined && salary > 0 &&
      salary < this.spec.format.monthly_below;
    var currency = this.currency();
    slot.textContent = small ? this.fmt.label("plan-monthly", {
      amount: this.fmt.money(salary, currency), yearly: this.fmt.money(salary * 12, currency)
    }) : "";
  };

  // --- the plan in the address, so that it can be bookmarked, mailed and opened again -----

  Planner.prototype.toAddress = function () {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(this.form.elements, function (field) {
      if (field.name && !field.disabled && field.value.trim() !== "") {
        params.set(field.name, field.value.trim());
      }
    });
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : ""));
  };

  Planner.prototype.fromAddress = function () {
    var params = new URLSearchParams(location.search);
    var self = this;
    ["requirements", "municipality", "start", "coordinator-salary", "office-cost", "on-costs"]
      .forEach(function (name) {
        var field = self.field(name);
        if (field && params.has(name)) {
          field.value = params.get(name);
          self.touched[name] = true;
        }
      });
    // a tampered address naming no requirement set the page knows: the first one instead
    var requirements = this.field("requirements");
    if (!this.spec.plans[requirements.value]) requirements.selectedIndex = 0;
    return params;
  };

  Planner.prototype.read = function () {
    var fmt = this.fmt;
    var max = this.spec.format.max_amount;
    var guide = this.guide();
    var start = parseDate(this.field("start").value);
    var ok = this.error("start", start === null ? fmt.label("plan-error-date") : "");
    var amounts = {};
    var self = this;
    guide.budget.forEach(function (line) {
      var amount = parseAmount(self.field(line.input), max);
      var message = "";
      if (isNaN(amount)) message = fmt.label("plan-error-amount", { max: fmt.number(max) });
      // a required amount not given yet: the dates are shown, the budget asks for it
      if (amount === null && line.required) self.error(line.input, fmt.label("plan-error-required"));
      else ok = self.error(line.input, message) && ok;
      amounts[line.input] = isNaN(amount) ? null : amount;
    });
    this.hint(amounts);
    var onCosts = 0;
    var percentField = this.field("on-costs");
    if (!percentField.disabled) {
      onCosts = parseAmount(percentField, this.spec.format.max_on_costs);
      ok = this.error("on-costs", isNaN(onCosts) ?
        fmt.label("plan-error-percent", { max: this.spec.format.max_on_costs }) : "") && ok;
      onCosts = onCosts || 0;  // none typed: 0, and the budget says so
    }
    return ok ? { guide: guide, start: start, amounts: amounts, onCosts: onCosts } : null;
  };

  Planner.prototype.render = function (inputs) {
    var fmt = this.fmt;
    var guide = inputs.guide;
    var currency = this.currency();
    var municipality = this.field("municipality").value.trim();
    var phases = schedule(inputs.start, guide.phases);
    var plan = budget(guide.budget, inputs.amounts, inputs.onCosts);
    var money = function (value) { return value === null ? "–" : fmt.money(value, currency); };
    var result = this.result;
    result.textContent = "";
    this.title.textContent = municipality ?
      fmt.label("plan-title", { guide: guide.name, municipality: municipality }) : guide.name;

    this.known(municipality);

    result.appendChild(element("h3", fmt.label("plan-schedule")));
    result.appendChild(table("phases",
      [fmt.label("phase"), fmt.label("plan-from"), fmt.label("plan-to"), fmt.label("items")],
      phases.map(function (p) {
        return [p.spec.label, fmt.date(p.first), fmt.date(p.last), fmt.number(p.spec.items.length)];
      })));

    result.appendChild(element("h3", fmt.label("plan-checklist")));
    var rows = [];
    var ticked = tickedOnChecklist(guide.id);
    phases.forEach(function (p) {
      p.spec.items.forEach(function (item) {
        var box = ticked.has(item.id) ? "☑ " : "☐ ";
        rows.push([p.spec.label, box + item.title, fmt.date(p.last), "", ""]);
      });
    });
    result.appendChild(table("items", [fmt.label("phase"), fmt.label("item"),
      fmt.label("plan-target-date"), fmt.label("responsible"), fmt.label("date")], rows));

    result.appendChild(element("h3", fmt.label("budget")));
    if (!plan.lines.length) {
      result.appendChild(element("p", fmt.label("budget-none")));
      this.summary.textContent = "";
      return;
    }
    result.appendChild(table("budget", [fmt.label("requirement"),
      fmt.label("budget-calculation"), fmt.label("budget-per-year"), fmt.label("budget-total")],
      plan.lines.map(function (line) {
        var calculation = fmt.label("budget-not-entered");
        if (line.amount !== null) {
          var values = { amount: fmt.money(line.amount, currency), years: line.spec.years,
            fte: fmt.fte(line.spec.fte_basis_points), percent: line.onCosts };
          var key = line.spec.fte_basis_points === FTE_SCALE ? "budget-calc" : "budget-calc-fte";
          calculation = fmt.label(line.onCosts ? key + "-on-costs" : key, values);
        }
        return [line.spec.title, calculation, money(line.perYear), money(line.total)];
      })));
    var years = plan.yearTotals.map(function (total, index) {
      // year 1 runs for a year from the start date: plan.year_ranges
      var first = addYears(inputs.start, index);
      var last = addYears(inputs.start, index + 1) - DAY;
      return [fmt.label("budget-year-dates",
        { year: index + 1, first: fmt.date(first), last: fmt.date(last) }), money(total)];
    });
    years.push([fmt.label("budget-total"), money(plan.total)]);
    result.appendChild(table("years", [fmt.label("year"), fmt.label("amount")], years));
    var counts = fmt.label("budget-counts");
    if (plan.paysSalaries) {
      counts += " " + (plan.onCosts ? fmt.label("budget-on-costs", { percent: plan.onCosts }) :
        fmt.label("budget-on-costs-none"));
    }
    result.appendChild(element("p", counts, "fh-plan-counts"));
    if (!plan.complete) result.appendChild(element("p", fmt.label("budget-not-counted")));
    var waiting = plan.lines.some(function (line) {
      return line.spec.required && line.amount === null;
    });
    this.summary.textContent = waiting ? fmt.label("plan-prompt") : fmt.label("budget-summary",
      { total: money(plan.total), years: plan.yearTotals.length });
  };

  Planner.prototype.known = function (typed) {
    // a municipality the hub knows: its page, and its partnerships to learn from
    var name = typed.toLowerCase().split(/\s+/).filter(Boolean).join(" ");
    var match = this.spec.municipalities.filter(function (municipality) {
      return name && municipality.names.indexOf(name) >= 0;
    })[0];
    if (!match) return;
    var fmt = this.fmt;
    var box = element("p", fmt.label("plan-municipality-known") + " ", "fh-plan-known");
    var page = element("a", match.name);
    page.href = match.href;
    box.appendChild(page);
    this.result.appendChild(box);
    if (!match.partnerships.length) {
      this.result.appendChild(element("p", fmt.label("plan-municipality-none")));
      return;
    }
    var list = element("ul");
    list.setAttribute("aria-label", fmt.label("partnerships"));
    match.partnerships.forEach(function (partnership) {
      var link = element("a", partnership.name);
      link.href = partnership.href;
      list.appendChild(element("li")).appendChild(link);
    });
    this.result.appendChild(list);
  };

  Planner.prototype.reachable = function () {
    // a table wider than a phone scrolls sideways: while it does, the keyboard must reach it
    // (WCAG 2.1.1), as scroll-focus.js does for the tables Material wraps
    this.result.querySelectorAll("table").forEach(function (node) {
      if (node.scrollWidth > node.clientWidth) node.setAttribute("tabindex", "0");
      else node.removeAttribute("tabindex");
    });
  };

  Planner.prototype.update = function () {
    var inputs = this.read();
    this.output.hidden = !inputs;
    // the same inputs draw nothing anew: a "change" as the reader leaves a field for a link in
    // the plan would otherwise replace that link under the pointer, and the click would be lost
    var drawn = inputs && JSON.stringify([inputs.start, inputs.amounts, inputs.onCosts,
      inputs.guide.name, this.field("municipality").value]);
    if (inputs && drawn !== this.drawn) this.render(inputs);
    this.drawn = drawn;
    this.reachable();
    this.toAddress();
  };

  Planner.prototype.bind = function () {
    var self = this;
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("resize", function () { self.reachable(); });
    this.form.addEventListener("change", function (event) {
      self.touched[event.target.name] = true;
      if (event.target.name === "requirements") self.chooseGuide();
      self.update();
    });
    this.form.addEventListener("input", function (event) {
      if (event.target.value !== "") self.touched[event.target.name] = true;
      self.update();
    });
    this.fromAddress();
    document.getElementById("fh-plan-print").addEventListener("click", function () {
      window.print();
    });
    if (!this.field("start").value) {
      var today = new Date();
      this.field("start").value = [today.getFullYear(), pad(today.getMonth() + 1),
        pad(today.getDate())].join("-");
    }
    this.form.hidden = false;
    this.chooseGuide();
    this.update();
  };

  function init() {
    var form = document.getElementById("fh-plan-form");
    var source = document.getElementById("fh-plan-spec");
    if (!form || !source || form.dataset.fhReady) return;
    form.dataset.fhReady = "1";
    var spec = JSON.parse(source.textContent);
    if (!Object.keys(spec.plans).length) return;
    new Planner(form, spec).bind();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
