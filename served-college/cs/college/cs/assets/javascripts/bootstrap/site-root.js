/* The not-found page, shown at any missing address: find where the site starts.
   A server shows 404.html at the address that was asked for (/cs/cg-4417/units/999/), so
   its relative links would point below that address.  overrides/404.html therefore loads
   this file several times, as "assets/...", "../assets/...", "../../assets/..." and so on,
   shallowest first, before any stylesheet.  A failed (404) script never runs, so the first
   copy that runs is the one found from the site's top folder: its own address, less
   "assets/javascripts/bootstrap/site-root.js", is the site's root.  It then
     1. adds <base href="<root>"> to <head>, so the stylesheets, scripts and links that
        follow it resolve from the site's root (a same-origin base, which base-uri 'self'
        in the Content-Security-Policy allows);
     2. run again with data-csh-config, just before Material's bundle, rewrites the base in
        Material's #__config (Material resolves it against the page address, not <base>),
        so search and instant navigation look in the right place.
   (The page has no in-page links, which <base> would send to the home page.)
   No inline script, so the page works under the strict policy (docs/hosting.md). */
(function () {
  var me = document.currentScript;
  var OWN = "assets/javascripts/bootstrap/site-root.js";
  if (me && me.hasAttribute("data-csh-config")) {
    var config = document.getElementById("__config");
    if (config && window.__csh_site_root) {
      var data = JSON.parse(config.textContent || "{}");
      data.base = window.__csh_site_root;
      config.textContent = JSON.stringify(data);
    }
    return;
  }
  if (window.__csh_site_root || !me) return;  // an earlier, shallower copy already ran
  var src = me.src.split("?")[0];
  if (src.slice(-OWN.length) !== OWN) return;
  var root = src.slice(0, -OWN.length);
  window.__csh_site_root = root;
  var base = document.createElement("base");
  base.href = root;
  document.head.insertBefore(base, document.head.firstChild);
})();
