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
  var FUNDING_INPUTS = ["funding-municipality", "funding-foundation", "funding-state", "funding-own"];
  var MONTHS = 12;

  function stepDay(runsFrom, start, phases) {
    // plan.step_day: the phase's first day, or the day after its target date
    if (!runsFrom) return start;
    var phase = phases.filter(function (p) {
      return p.spec.items.some(function (item) { return item.id === runsFrom.item; });
    })[0];
    return runsFrom.at === "start" ? phase.first : phase.last + DAY;
  }

  function firstWholeMonth(time) {
    // plan.first_whole_month: costs run in whole months
    var day = new Date(time);
    if (day.getUTCDate() === 1) return time;
    return Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1);
  }

  function byCalendarYear(perYear, first, years) {
    // plan.by_calendar_year: a running sum rounded half up, cut at each new year
    var split = {};
    var day = new Date(first);
    var year = day.getUTCFullYear();
    var month = 0;
    var paidBefore = 0;
    while (month < years * MONTHS) {
      month = Math.min(years * MONTHS,
        month + (year === day.getUTCFullYear() ? MONTHS - day.getUTCMonth() : MONTHS));
      var paid = Math.floor((perYear * month + MONTHS / 2) / MONTHS);
      split[year] = paid - paidBefore;
      paidBefore = paid;
      year += 1;
    }
    return split;
  }

  function budget(lines, amounts, onCosts, start, phases) {
    var computed = lines.map(function (spec) {
      var amount = amounts[spec.input];
      if (amount === undefined) amount = null;
      var percent = SALARY_INPUTS.indexOf(spec.input) >= 0 ? onCosts : 0;
      var day = stepDay(spec.runs_from, start, phases);
      var line = { spec: spec, amount: amount, perYear: null, total: null, onCosts: percent,
        stepDay: day, firstMonth: firstWholeMonth(day), byYear: {} };
      if (amount === null && !spec.optional) return line;
      var share = shareOf(amount || 0, spec.fte_basis_points);
      // on-costs as basis points of the share: whole numbers, as plan.py
      line.perYear = share + shareOf(share, percent);
      line.total = line.perYear * spec.years;
      line.byYear = byCalendarYear(line.perYear, line.firstMonth, spec.years);
      return line;
    });
    var years = [];
    computed.forEach(function (line) {
      Object.keys(line.byYear).forEach(function (year) { years.push(+year); });
    });
    var calendarYears = [];
    if (years.length) {
      for (var year = Math.min.apply(null, years); year <= Math.max.apply(null, years); year += 1) {
        calendarYears.push(year);
      }
    }
    var yearTotals = calendarYears.map(function (y) {
      return computed.reduce(function (sum, line) { return sum + (line.byYear[y] || 0); }, 0);
    });
    return {
      lines: computed, calendarYears: calendarYears, yearTotals: yearTotals, onCosts: onCosts,
      total: yearTotals.reduce(function (sum, value) { return sum + value; }, 0),
      complete: computed.every(function (line) { return line.amount !== null || line.spec.optional; }),
      paysSalaries: lines.some(function (spec) { return SALARY_INPUTS.indexOf(spec.input) >= 0; }),
      years: lines.reduce(function (most, spec) { return Math.max(most, spec.years); }, 0)
    };
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

  Formats.prototype.percent = function (basisPoints) {
    // plan.percent_text: 1410 as "14,1"
    return String(basisPoints / 100).replace(".", this.f.decimal);
  };

  Formats.prototype.month = function (time) {
    var day = new Date(time);
    return this.label("budget-month",
      { month: this.f.months[day.getUTCMonth()], year: day.getUTCFullYear() });
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

  // --- numbers as the reader's language writes them: "620 000", "620.000", "14,1" --------

  function escaped(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function numberParts(text, f) {
    // {whole, fraction} as digits, or null: groups of three after the first, the language's
    // decimal sign; "kr", a currency code, ",-" or "%" around the number are allowed
    var bare = text.trim().replace(/^(kr\.?|nok|dkk|sek|eur)\s*/i, "")
      .replace(/\s*(kr\.?|,-|nok|dkk|sek|eur|%)$/i, "").trim();
    var group = "[\\s\\u00a0\\u202f" + escaped(f.group) + (f.decimal === "," ? "." : "") + "]";
    var pattern = new RegExp("^(\\d{1,3}(?:" + group + "\\d{3})+|\\d+)(?:" +
      escaped(f.decimal) + "(\\d+))?$");
    var match = pattern.exec(bare);
    return match ? { whole: match[1].replace(/\D/g, ""), fraction: match[2] || "" } : null;
  }

  var AMOUNT = { canonical: /^\d+$/, decimals: 0, scale: 1 };
  var PERCENT = { canonical: /^\d+(\.\d{1,2})?$/, decimals: 2, scale: 100 };

  function scaledValue(parts, kind) {
    // whole units times the scale: "14,1" % as 1410 basis points; too many decimals: NaN
    if (parts.fraction.length > kind.decimals) return NaN;
    var fraction = (parts.fraction + "00").slice(0, kind.decimals);
    return +parts.whole * kind.scale + (fraction ? +fraction : 0);
  }

  function parseTyped(text, kind, f) {
    // null when empty, NaN when refused, else the value (scaled)
    if (text.trim() === "") return null;
    var parts = numberParts(text, f);
    return parts ? scaledValue(parts, kind) : NaN;
  }

  function parseCanonical(text, kind) {
    // the address holds "620000" and "14.1" whatever the language
    if (!kind.canonical.test(text)) return NaN;
    var parts = text.split(".");
    return scaledValue({ whole: parts[0], fraction: parts[1] || "" }, kind);
  }

  function canonical(value, kind) {
    return kind.scale === 1 ? String(value) : String(value / kind.scale);
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

  var OPTIONAL_INPUTS = ["training", "travel", "insurance", "equipment"];
  var AMOUNT_FIELDS = ["coordinator-salary", "office-cost"].concat(OPTIONAL_INPUTS, FUNDING_INPUTS);
  var FIELDS = ["requirements", "municipality", "start"].concat(AMOUNT_FIELDS, ["on-costs"]);
  var STORE = "familyhub:plan";

  function kindOf(name) {
    if (name === "on-costs") return PERCENT;
    return AMOUNT_FIELDS.indexOf(name) >= 0 ? AMOUNT : null;
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
    this.fromLink = {};  // field -> the impossible value a link gave it, until the reader edits it
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
    this.form.querySelectorAll("[data-input]").forEach(function (part) {
      var key = part.dataset.input;
      var used = key === "budget" ? needed.length > 0 : needed.indexOf(key) >= 0;
      part.hidden = !used;
      part.querySelectorAll("input").forEach(function (input) { input.disabled = !used; });
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

  // --- the plan in the address (and in this browser), so that it can be mailed and reopened --

  Planner.prototype.query = function () {
    // numbers as the address writes them ("620000", "14.1"), whatever the language; a value
    // that is not a number stays as typed, so that the link reports it rather than drops it
    var params = new URLSearchParams();
    var self = this;
    FIELDS.forEach(function (name) {
      var field = self.field(name);
      var kind = kindOf(name);
      var text = field && !field.disabled ? field.value.trim() : "";
      if (name in self.fromLink && text === "") text = self.fromLink[name];
      if (text === "") return;
      var value = kind && !(name in self.fromLink) ? parseTyped(text, kind, self.spec.format) : NaN;
      params.set(name, kind && !isNaN(value) && value !== null ? canonical(value, kind) : text);
    });
    return params.toString();
  };

  Planner.prototype.toAddress = function () {
    var query = this.query();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : ""));
    try {
      window.localStorage.setItem(STORE, query);
    } catch (error) { /* private browsing: the link still holds the plan */ }
    // the language switch opens the same plan in the other language
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      var url = new URL(link.href, location.href);
      url.search = location.search;
      link.href = url.href;
    });
  };

  Planner.prototype.saved = function () {
    // the address's plan; with none there (the guide's link names only its requirements), the
    // one this browser kept, if it plans for the same requirements
    var params = new URLSearchParams(location.search);
    var keys = Array.from(params.keys()).filter(function (key) { return key !== "requirements"; });
    if (keys.length) return params;
    var kept;
    try {
      kept = new URLSearchParams(window.localStorage.getItem(STORE) || "");
    } catch (error) {
      return params;
    }
    var same = !params.has("requirements") || params.get("requirements") === kept.get("requirements");
    return same && Array.from(kept.keys()).length ? kept : params;
  };

  Planner.prototype.fromAddress = function () {
    var params = this.saved();
    var self = this;
    FIELDS.forEach(function (name) {
      var field = self.field(name);
      if (!field || !params.has(name)) return;
      var text = params.get(name);
      var kind = kindOf(name);
      self.touched[name] = true;
      if (name === "start" && parseDate(text) === null) {
        self.fromLink[name] = text;  // a date input cannot show it: the message does
      } else if (kind) {
        var value = parseCanonical(text, kind);
        if (isNaN(value) || value > self.maximum(name)) {
          self.fromLink[name] = text;
          field.value = text;
        } else {
          field.value = kind === AMOUNT ? self.fmt.number(value) : self.fmt.percent(value);
        }
      } else {
        field.value = text;
      }
    });
    // a tampered address naming no requirement set the page knows: the first one instead
    var requirements = this.field("requirements");
    if (!this.spec.plans[requirements.value]) requirements.selectedIndex = 0;
  };

  Planner.prototype.maximum = function (name) {
    var f = this.spec.format;
    return name === "on-costs" ? f.max_on_costs * 100 : f.max_amount;
  };

  Planner.prototype.readNumber = function (name) {
    // {value, message}: a link's impossible value is reported as the link's
    var fmt = this.fmt;
    var field = this.field(name);
    var kind = kindOf(name);
    var max = this.maximum(name);
    var linked = name in this.fromLink && field.value === this.fromLink[name];
    var value = parseTyped(field.value, kind, this.spec.format);
    if (value !== null && !isNaN(value) && value <= max && !linked) return { value: value, message: "" };
    if (value === null && !linked) return { value: null, message: "" };
    var values = { value: field.value, max: kind === PERCENT ? max / 100 : fmt.number(max) };
    var message;
    if (linked) message = fmt.label(kind === PERCENT ? "plan-link-percent" : "plan-link-amount", values);
    else if (kind === PERCENT) message = fmt.label("plan-error-percent", values);
    else if (numberParts(field.value, this.spec.format)) {
      var parts = numberParts(field.value, this.spec.format);
      message = fmt.label(parts.fraction && +parts.whole <= max ? "plan-error-decimals" : "plan-error-amount", values);
    } else message = fmt.label("plan-error-amount", values);
    return { value: null, message: message };
  };

  Planner.prototype.read = function () {
    var fmt = this.fmt;
    var guide = this.guide();
    var start = parseDate(this.field("start").value);
    var dateMessage = "";
    if ("start" in this.fromLink && !this.field("start").value) {
      dateMessage = fmt.label("plan-link-date", { value: this.fromLink.start });
    } else if (start === null) dateMessage = fmt.label("plan-error-date");
    var ok = this.error("start", dateMessage);
    var amounts = {};
    var self = this;
    var names = guide.budget.map(function (line) { return line.input; });
    if (names.length) names = names.concat(FUNDING_INPUTS);
    names.forEach(function (name) {
      var read = self.readNumber(name);
      var required = guide.budget.some(function (line) { return line.input === name && line.required; });
      // a required amount not given yet: the dates are shown, the budget asks for it
      if (read.value === null && !read.message && required) {
        self.error(name, fmt.label("plan-error-required"));
      } else ok = self.error(name, read.message) && ok;
      amounts[name] = read.value;
    });
    this.hint(amounts);
    var onCosts = 0;
    if (!this.field("on-costs").disabled) {
      var percent = this.readNumber("on-costs");
      ok = this.error("on-costs", percent.message) && ok;
      onCosts = percent.value || 0;  // none typed: 0, and the budget says so
    }
    return ok ? { guide: guide, start: start, amounts: amounts, onCosts: onCosts } : null;
  };

  Planner.prototype.render = function (inputs) {
    var fmt = this.fmt;
    var guide = inputs.guide;
    var currency = this.currency();
    var municipality = this.field("municipality").value.trim();
    var phases = schedule(inputs.start, guide.phases);
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
    if (!guide.budget.length) {
      result.appendChild(element("p", fmt.label("budget-none")));
      this.summary.textContent = "";
      return;
    }
    var plan = budget(guide.budget, inputs.amounts, inputs.onCosts, inputs.start, phases);
    this.renderBudget(plan, phases, currency);
    this.renderFunding(plan, inputs.amounts, currency);
    this.renderBenchmarks(guide, currency);
    var waiting = plan.lines.some(function (line) {
      return line.spec.required && line.amount === null;
    });
    this.summary.textContent = waiting ? fmt.label("plan-prompt") : fmt.label("budget-summary",
      { total: fmt.money(plan.total, currency), years: plan.years });
  };

  Planner.prototype.runsFrom = function (line, phases) {
    // plan_text.runs_from: the month a line starts and the step it waits for
    var fmt = this.fmt;
    var runs = line.spec.runs_from;
    var month = fmt.month(line.firstMonth);
    if (!runs) return fmt.label("budget-runs-from-plan", { month: month });
    var step = null;
    phases.forEach(function (p) {
      p.spec.items.forEach(function (item) { if (item.id === runs.item) step = item.title; });
    });
    var date = runs.at === "start" ? line.stepDay : line.stepDay - DAY;
    return fmt.label("budget-runs-from-" + runs.at, { month: month, step: step, date: fmt.date(date) });
  };

  Planner.prototype.renderBudget = function (plan, phases, currency) {
    var fmt = this.fmt;
    var self = this;
    var result = this.result;
    var money = function (value) { return value === null ? "–" : fmt.money(value, currency); };
    result.appendChild(table("budget", [fmt.label("budget-line"),
      fmt.label("budget-calculation"), fmt.label("budget-from"), fmt.label("budget-per-year"),
      fmt.label("budget-total")],
      plan.lines.map(function (line) {
        var calculation = fmt.label(line.spec.optional ? "budget-optional-zero" : "budget-not-entered");
        if (line.amount !== null) {
          var values = { amount: fmt.money(line.amount, currency), years: line.spec.years,
            fte: fmt.fte(line.spec.fte_basis_points), percent: fmt.percent(line.onCosts) };
          var key = line.spec.fte_basis_points === FTE_SCALE ? "budget-calc" : "budget-calc-fte";
          calculation = fmt.label(line.onCosts ? key + "-on-costs" : key, values);
        }
        return [line.spec.title, calculation, fmt.month(line.firstMonth), money(line.perYear),
          money(line.total)];
      })));
    var starts = element("ul", undefined, "fh-plan-from");
    plan.lines.forEach(function (line) {
      if (!line.spec.optional) {
        starts.appendChild(element("li", line.spec.title + ": " + self.runsFrom(line, phases)));
      }
    });
    result.appendChild(starts);
    result.appendChild(element("h3", fmt.label("budget-by-year")));
    // plain numbers, the currency said once: the table fits the page and pastes into a sheet
    var unit = (fmt.f.money[currency] || "{currency}").replace("{amount}", "")
      .replace("{currency}", currency).trim();
    result.appendChild(element("p", fmt.label("budget-amounts-in", { unit: unit })));
    var years = plan.calendarYears.map(String);
    var number = function (value) { return value === null ? "–" : fmt.number(value); };
    var rows = plan.lines.map(function (line) {
      return [line.spec.title].concat(plan.calendarYears.map(function (year) {
        return line.perYear === null ? "–" : fmt.number(line.byYear[year] || 0);
      }), [number(line.total)]);
    });
    rows.push([fmt.label("budget-total")].concat(plan.yearTotals.map(number), [number(plan.total)]));
    result.appendChild(table("calendar",
      [fmt.label("budget-line")].concat(years, [fmt.label("budget-total")]), rows));
    var counts = fmt.label("budget-counts");
    if (plan.paysSalaries) {
      counts += " " + (plan.onCosts ?
        fmt.label("budget-on-costs", { percent: fmt.percent(plan.onCosts) }) :
        fmt.label("budget-on-costs-none"));
    }
    result.appendChild(element("p", counts, "fh-plan-counts"));
    result.appendChild(element("p", fmt.label("budget-months-note") + " " +
      fmt.label("budget-optional-note")));
    if (!plan.complete) result.appendChild(element("p", fmt.label("budget-not-counted")));
  };

  Planner.prototype.renderFunding = function (plan, amounts, currency) {
    // who pays, in all; what they leave is "not yet funded" (below 0: more than the budget)
    var fmt = this.fmt;
    var rows = [];
    var given = 0;
    FUNDING_INPUTS.forEach(function (name) {
      if (amounts[name] === null || amounts[name] === undefined) return;
      given += amounts[name];
      rows.push([fmt.label("plan-" + name), fmt.money(amounts[name], currency)]);
    });
    var left = plan.total - given;
    rows.push(left >= 0 ? [fmt.label("plan-not-funded"), fmt.money(left, currency)] :
      [fmt.label("plan-over-funded"), fmt.money(-left, currency)]);
    rows.push([fmt.label("budget-total"), fmt.money(plan.total, currency)]);
    this.result.appendChild(element("h3", fmt.label("plan-funding")));
    this.result.appendChild(table("funding", [fmt.label("plan-funder"), fmt.label("amount")], rows));
  };

  Planner.prototype.renderBenchmarks = function (guide, currency) {
    var fmt = this.fmt;
    var result = this.result;
    result.appendChild(element("h3", fmt.label("plan-benchmarks")));
    if (!guide.benchmarks.length) {
      result.appendChild(element("p", fmt.label("plan-benchmarks-none", { currency: currency })));
      return;
    }
    result.appendChild(element("p", fmt.label("plan-benchmarks-intro", { currency: currency })));
    var list = element("ul", undefined, "fh-plan-benchmarks");
    guide.benchmarks.forEach(function (figure) {
      var item = element("li");
      var name = element("a", figure.partnership);
      name.href = figure.href;
      item.appendChild(name);
      var period = figure.period ? " (" + figure.period + ")" : "";
      item.appendChild(document.createTextNode(": " + figure.amount + period + ". " +
        figure.covers + " " + fmt.label("source") + ": "));
      var source = element("a", figure.source);
      source.href = figure.source_href;
      if (figure.source_lang && figure.source_lang !== document.documentElement.lang) {
        source.lang = figure.source_lang;
      }
      item.appendChild(source);
      list.appendChild(item);
    });
    result.appendChild(list);
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

  Planner.prototype.copyLink = function () {
    var status = document.getElementById("fh-plan-copy-status");
    var fmt = this.fmt;
    var done = function () { status.textContent = fmt.label("plan-copied"); };
    var failed = function () { status.textContent = fmt.label("plan-copy-failed"); };
    status.textContent = "";
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(location.href).then(done, failed);
    } else failed();
  };

  Planner.prototype.bind = function () {
    var self = this;
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("resize", function () { self.reachable(); });
    this.form.addEventListener("change", function (event) {
      self.touched[event.target.name] = true;
      delete self.fromLink[event.target.name];
      if (event.target.name === "requirements") self.chooseGuide();
      self.update();
    });
    this.form.addEventListener("input", function (event) {
      if (event.target.value !== "") self.touched[event.target.name] = true;
      delete self.fromLink[event.target.name];
      self.update();
    });
    this.fromAddress();
    document.getElementById("fh-plan-print").addEventListener("click", function () {
      window.print();
    });
    document.getElementById("fh-plan-copy").addEventListener("click", function () {
      self.copyLink();
    });
    if (!this.field("start").value && !("start" in this.fromLink)) {
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
