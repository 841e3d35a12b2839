/* The alias unit page's redirect (e.g. 271 -> 201), moved out of an inline <script> in
   overrides/alias.html so it runs under a CSP with no 'unsafe-inline' (docs/hosting.md).
   The target unit comes from this tag's data-alias-target.  It is worked out from the page's
   own address, so it works with directory URLs, .html URLs (the offline build) and under any
   sub-path, and it keeps any #criterion anchor so tutors' links keep working. */
(function () {
  var unit = document.currentScript.getAttribute("data-alias-target");
  var target = /\.html$/.test(location.pathname) ? unit + ".html" : "../" + unit + "/";
  location.replace(target + location.search + location.hash);
})();
