/* issue 15: the header's search (overrides/partials/search.html) on Pagefind's JavaScript API.
 * Nothing of the search loads with the page: pagefind.js, its WebAssembly and the index are
 * fetched at the first keystroke in the box. pagefind.js picks the index of the page's
 * <html lang>, so a Danish page lists Danish pages only. Results are built as text nodes (a
 * query or a page's text can never become markup); every word shown comes from the page. */
(function () {
  "use strict";

  var MAX_QUERY = 100; // characters searched; a longer query only slows the search down
  var SHOWN = 10; // results listed
  var WAIT = 150; // ms after the last keystroke before searching

  var root = document.querySelector(".fh-search");
  var dialog = root && root.querySelector("dialog");
  if (!dialog || typeof dialog.showModal !== "function") {
    return; // the button stays hidden: the menu still reaches every page
  }
  var opener = root.querySelector(".fh-search__open");
  var closer = root.querySelector(".fh-search__close");
  var input = root.querySelector(".fh-search__input");
  var status = root.querySelector(".fh-search__status");
  var list = root.querySelector(".fh-search__results");
  var more = root.querySelector(".fh-search__more");
  var siteRoot = new URL(root.getAttribute("data-root") || "./", document.baseURI);
  var loading = null;
  var timer = 0;
  var asked = 0; // number of the latest search: an older one's answer is dropped
  var pending = []; // results found but not yet listed ("show more")

  function label(name, count) {
    return (root.getAttribute("data-label-" + name) || "").replace("{count}", String(count));
  }

  function pagefind() {
    if (!loading) {
      loading = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (module) {
        // result addresses below the site's folder, wherever the site is served from
        return Promise.resolve(module.options({ baseUrl: siteRoot.pathname })).then(function () {
          return module;
        });
      });
      loading.catch(function () {
        loading = null; // try again at the next keystroke
      });
    }
    return loading;
  }

  function show(message, results) {
    list.replaceChildren.apply(list, results || []);
    status.textContent = message;
    more.hidden = pending.length === 0;
  }

  // the next SHOWN results' titles and excerpts (a fragment file each)
  function listed(results) {
    return Promise.all(results.map(function (result) {
      return result.data();
    })).then(function (pages) {
      return pages.map(resultItem).filter(Boolean);
    });
  }

  // Pagefind's excerpt is the page's text with <mark> around the words found: keep the text and
  // the marks, nothing else (parsed in an inert document, so nothing in it loads or runs).
  function excerptNodes(excerpt) {
    var parsed = new DOMParser().parseFromString(excerpt || "", "text/html");
    return Array.prototype.map.call(parsed.body.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        return mark;
      }
      return document.createTextNode(node.textContent || "");
    });
  }

  function resultItem(data) {
    var address = new URL(data.url, siteRoot);
    if (address.origin !== siteRoot.origin) {
      return null;
    }
    var link = document.createElement("a");
    link.href = address.href;
    link.className = "fh-search__link";
    var title = document.createElement("span");
    title.className = "fh-search__result-title";
    title.textContent = (data.meta && data.meta.title) || address.pathname;
    var excerpt = document.createElement("span");
    excerpt.className = "fh-search__excerpt";
    excerpt.append.apply(excerpt, excerptNodes(data.excerpt));
    link.append(title, excerpt);
    var item = document.createElement("li");
    item.className = "fh-search__result";
    item.append(link);
    return item;
  }

  function search() {
    var query = input.value.slice(0, MAX_QUERY).trim();
    var ticket = ++asked;
    pending = [];
    if (!query) {
      show("");
      return;
    }
    if (!/[\p{L}\p{N}]/u.test(query)) {
      show(label("none", 0)); // only punctuation: no word to look for
      return;
    }
    pagefind()
      .then(function (module) {
        return module.search(query);
      })
      .then(function (found) {
        var results = (found && found.results) || [];
        return listed(results.slice(0, SHOWN)).then(function (items) {
          return { results: results, items: items };
        });
      })
      .then(function (answer) {
        if (ticket !== asked) {
          return;
        }
        var count = answer.results.length;
        pending = answer.results.slice(SHOWN);
        show(label(count === 0 ? "none" : count === 1 ? "one" : "other", count), answer.items);
      })
      .catch(function () {
        if (ticket === asked) {
          pending = [];
          show(label("error", 0)); // a missing or broken index: say so, never a blank box
        }
      });
  }

  function showMore() {
    var ticket = asked;
    var next = pending.slice(0, SHOWN);
    pending = pending.slice(SHOWN);
    listed(next).then(function (items) {
      if (ticket === asked && items.length) {
        list.append.apply(list, items);
        items[0].querySelector("a").focus();
      }
      more.hidden = pending.length === 0;
    }).catch(function () {
      pending = [];
      show(label("error", 0));
    });
  }

  function open() {
    dialog.showModal();
    input.focus();
    input.select();
  }

  opener.hidden = false;
  opener.addEventListener("click", open);
  closer.addEventListener("click", function () {
    dialog.close();
  });
  dialog.addEventListener("close", function () {
    opener.focus();
  });
  // a click on the backdrop (the dialog element itself, outside its content) closes it
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) {
      dialog.close();
    }
  });
  more.addEventListener("click", showMore);
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(search, WAIT);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      // a search box's own Escape only empties it: close the dialog, as from anywhere in it
      event.preventDefault();
      dialog.close();
    } else if (event.key === "Enter") {
      event.preventDefault();
      window.clearTimeout(timer);
      search();
    } else if (event.key === "ArrowDown" && list.firstElementChild) {
      event.preventDefault();
      list.querySelector("a").focus();
    }
  });
  list.addEventListener("keydown", function (event) {
    var item = event.target.closest("li");
    if (!item || (event.key !== "ArrowDown" && event.key !== "ArrowUp")) {
      return;
    }
    event.preventDefault();
    var next = event.key === "ArrowDown" ? item.nextElementSibling : item.previousElementSibling;
    (next ? next.querySelector("a") : input).focus();
  });
})();
