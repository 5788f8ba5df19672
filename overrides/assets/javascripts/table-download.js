// issue 22: an overview's "CSV" and "Excel (XLSX)" links give the rows on screen, filtered and
// sorted as the reader left them, made here from the JSON the table is filtered by (facets.py:
// "download", a column per fact, typed). Without JavaScript the links give the whole table, the
// files the build wrote (familyhub/downloads/), with the same columns. The XLSX is written by
// ExcelJS (vendor/, served by the site itself), loaded only when a reader asks for one. Every
// word comes from the page (data/site.yml), none from here.
(function () {
  "use strict";

  var LIBRARY = new URL("vendor/exceljs.bare.min.js", document.currentScript.src).href;
  // a text a spreadsheet would run as a formula (CSV injection) gets a quote before it
  var FORMULA = /^[=+\-@\t\r]/;
  var XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  var library = null;

  function readSpec(links) {
    var node = links.previousElementSibling;
    while (node && !(node.matches("script.fh-table-data"))) {
      node = node.previousElementSibling;
    }
    try {
      return node ? JSON.parse(node.textContent).download : null;
    } catch (error) {
      return null;
    }
  }

  function followingTable(links) {
    for (var node = links.nextElementSibling; node; node = node.nextElementSibling) {
      var table = node.matches("table") ? node : node.querySelector("table");
      if (table) {
        return table;
      }
    }
    return null;
  }

  // the table's rows as shown: table-filter.js keeps their indexes in order on the table
  function shownRows(table) {
    if (table.fhRows) {
      return table.fhRows;
    }
    return Array.prototype.map.call(table.tBodies[0].rows, function (_, index) { return index; });
  }

  function today() {
    var now = new Date();
    var month = String(now.getMonth() + 1).padStart(2, "0");
    return now.getFullYear() + "-" + month + "-" + String(now.getDate()).padStart(2, "0");
  }

  // each line as typed values: page addresses made whole from the site's root
  function lines(spec, indexes) {
    var root = new URL(spec.root, window.location.href);
    return indexes.reduce(function (all, index) {
      return all.concat(spec.lines[index].map(function (line) {
        return line.map(function (value, column) {
          var page = spec.columns[column].kind === "url" && value && !/^https?:/.test(value);
          return page ? new URL(value, root).href : value;
        });
      }));
    }, []);
  }

  function licence(spec) {
    return spec.licence.replace("{address}", window.location.href).replace("{date}", today());
  }

  function csvText(value, spec) {
    if (value === null || value === undefined) {
      return "";
    }
    if (typeof value === "number") {
      return String(value).replace(".", spec.decimal);
    }
    return FORMULA.test(value) ? "'" + value : value;
  }

  function csvField(text, delimiter) {
    var quote = text.indexOf(delimiter) !== -1 || /["\r\n]/.test(text);
    return quote ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  // as the build writes them: UTF-8 with a BOM, `;` where a comma is the decimal sign, CRLF,
  // the licence in the first row after a `#`
  function csv(spec, rows) {
    var table = [["# " + licence(spec)], spec.columns.map(function (c) { return csvText(c.label, spec); })]
      .concat(rows.map(function (row) { return row.map(function (v) { return csvText(v, spec); }); }));
    var text = table.map(function (row) {
      return row.map(function (field) { return csvField(field, spec.delimiter); }).join(spec.delimiter);
    }).join("\r\n") + "\r\n";
    return new Blob(["\ufeff" + text], { type: "text/csv;charset=utf-8" });
  }

  // characters wide enough for the header and most cells, within 8 to 50 (files.py the same)
  function widths(spec, rows) {
    return spec.columns.map(function (column, index) {
      var longest = rows.reduce(function (most, row) {
        return row[index] === null ? most : Math.max(most, String(row[index]).length);
      }, column.label.length);
      return Math.min(Math.max(longest, 8), 50) + 2;
    });
  }

  function cellValue(value, column) {
    if (value === null || value === undefined) {
      return null;
    }
    if (column.kind === "date" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      var parts = value.split("-").map(Number);
      return new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    }
    if (column.kind === "url" && /^https?:/.test(value)) {
      return { text: value, hyperlink: value };
    }
    return value;
  }

  function loadLibrary() {
    library = library || new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = LIBRARY;
      script.onload = function () { resolve(window.ExcelJS); };
      script.onerror = function () { library = null; reject(new Error(LIBRARY)); };
      document.head.append(script);
    });
    return library;
  }

  function xlsx(spec, rows) {
    return loadLibrary().then(function (ExcelJS) {
      var book = new ExcelJS.Workbook();
      book.creator = "familyhub";
      book.title = spec.title;
      book.description = licence(spec);
      book.language = spec.language;
      var sheet = book.addWorksheet(spec.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
      var sizes = widths(spec, rows);
      sheet.columns = spec.columns.map(function (column, index) {
        return { header: column.label, width: sizes[index] };
      });
      sheet.getRow(1).font = { bold: true };
      rows.forEach(function (row) {
        var added = sheet.addRow(row.map(function (v, index) { return cellValue(v, spec.columns[index]); }));
        added.eachCell(function (cell) {
          if (cell.value instanceof Date) {
            cell.numFmt = "yyyy-mm-dd";
          } else if (cell.value && cell.value.hyperlink) {
            cell.font = { color: { argb: "FF0563C1" }, underline: true };
          }
        });
      });
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: spec.columns.length } };
      var about = book.addWorksheet(spec.licence_sheet);
      about.getColumn(1).width = 100;
      about.getCell("A1").value = licence(spec);
      return book.xlsx.writeBuffer();
    }).then(function (buffer) { return new Blob([buffer], { type: XLSX_TYPE }); });
  }

  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  }

  function attach(links) {
    var spec = readSpec(links);
    var table = followingTable(links);
    if (!spec || !table || spec.lines.length !== table.tBodies[0].rows.length || links.dataset.ready) {
      return; // the links keep giving the whole table's files
    }
    links.dataset.ready = "1";
    var intro = links.firstChild;
    function count() {
      if (links.dataset.whole) {
        return;
      }
      intro.textContent = spec.shown
        .replace("{shown}", shownRows(table).length)
        .replace("{total}", spec.lines.length) + ": ";
    }
    count();
    table.addEventListener("fh-rows", count);
    links.querySelectorAll("a[href$='.csv'], a[href$='.xlsx']").forEach(function (link) {
      var isCsv = /\.csv$/.test(link.getAttribute("href"));
      link.addEventListener("click", function (event) {
        if (links.dataset.whole) {
          return; // the library could not be loaded: the link gives the whole table's file
        }
        event.preventDefault();
        var rows = lines(spec, shownRows(table));
        if (isCsv) {
          save(csv(spec, rows), spec.file + ".csv");
          return;
        }
        link.setAttribute("aria-busy", "true");
        xlsx(spec, rows)
          .then(function (blob) { save(blob, spec.file + ".xlsx"); })
          .catch(function () {
            links.dataset.whole = "1";
            intro.textContent = spec.failed + " ";
          })
          .then(function () { link.removeAttribute("aria-busy"); });
      });
    });
  }

  function attachAll() {
    document.querySelectorAll(".fh-downloads").forEach(attach);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(attachAll);
  } else {
    document.addEventListener("DOMContentLoaded", attachAll);
  }
})();
