/* Material's storage helpers, moved out of its inline <script> in partials/javascripts/base.html
   so the site runs under a Content-Security-Policy with no 'unsafe-inline' (docs/hosting.md).
   Loaded synchronously in <head>, exactly where the inline script stood, because Material's
   bundle and the palette restore call these globals.  The scope (the site's base URL, which
   differs per page) comes from this tag's data-md-scope attribute instead of being templated
   into the code.  Behaviour is otherwise Material 9.x's, line for line. */
(function () {
  var scope = document.currentScript.getAttribute("data-md-scope");
  window.__md_scope = new URL(scope, document.baseURI);
  window.__md_hash = function (value) {
    // Array.from splits by code point, as Material's [...value] does.
    return Array.from(value).reduce(function (hash, ch) {
      return (hash << 5) - hash + ch.charCodeAt(0);
    }, 0);
  };
  window.__md_get = function (key, storage, base) {
    // Defaults only for omitted arguments, as in Material's (e, _=localStorage, t=__md_scope).
    if (storage === undefined) storage = localStorage;
    if (base === undefined) base = window.__md_scope;
    return JSON.parse(storage.getItem(base.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, base) {
    if (storage === undefined) storage = localStorage;
    if (base === undefined) base = window.__md_scope;
    try {
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (e) {
      /* storage full or disabled (private mode): Material ignores it too */
    }
  };
})();
