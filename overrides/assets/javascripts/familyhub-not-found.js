/* issue 7: the 404 page holds every language; show the one whose folder the missing address is
 * in (/en/... -> English), the default language (root "/") otherwise. */
"use strict";

(function () {
  var blocks = Array.prototype.slice.call(document.querySelectorAll(".familyhub-not-found"));
  if (blocks.length < 2) {
    return;
  }
  var path = window.location.pathname;
  var chosen = blocks.filter(function (block) {
    var root = block.getAttribute("data-root");
    return root !== "/" && path.indexOf(root) === 0;
  })[0] || blocks.filter(function (block) {
    return block.getAttribute("data-root") === "/";
  })[0];
  if (!chosen) {
    return;
  }
  blocks.forEach(function (block) {
    block.hidden = block !== chosen;
  });
  document.documentElement.lang = chosen.getAttribute("lang");
})();
