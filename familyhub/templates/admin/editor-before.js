// On this computer (`make edit`), Decap's local backend writes into data/ at once, where the
// preview shows the page: config.yml's on_this_computer section applies. Elsewhere an
// organisation's editors get the editorial workflow (a draft, then a merge request).
if (["localhost", "127.0.0.1"].indexOf(window.location.hostname) !== -1) {
  window.CMS_ENV = "on_this_computer";
}
