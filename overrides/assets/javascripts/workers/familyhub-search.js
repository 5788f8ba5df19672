/* issue 7: Material's search worker, with each query word stemmed like the indexed words.
 *
 * Material appends "*" to every query word, and lunr then skips its stemmer for that word, so
 * "familiehusene*" never meets the indexed stem "familiehus". This loads Material's worker
 * (named in this script's own URL by overrides/main.html) and stems a word that ends in the
 * added "*" before the prefix search: "familiehusene" finds "familiehus", "familiehuse", ... */
"use strict";

(function () {
  var material = new URLSearchParams(self.location.search).get("material") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(material)) {
    throw new Error("familyhub-search: no Material worker named in the URL");
  }
  importScripts(material);

  var lunr = self.lunr;
  var query = lunr.Index.prototype.query;
  lunr.Index.prototype.query = function (build) {
    var searchPipeline = this.pipeline;
    return query.call(this, function (lunrQuery) {
      build.call(lunrQuery, lunrQuery);
      lunrQuery.clauses.forEach(function (clause) {
        var word = clause.term.slice(0, -1);
        if (clause.usePipeline || !clause.term.endsWith("*") || word.indexOf("*") !== -1) {
          return;
        }
        var stems = searchPipeline.runString(word);
        if (stems.length === 1 && stems[0]) {
          clause.term = stems[0] + "*";
        }
      });
    });
  };
})();
