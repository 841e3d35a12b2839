/* Lazy search: the search index (the biggest download on the site) is fetched only when the
   learner opens search, not on every page load.

   Material's bundle asks for search/search_index.json with XMLHttpRequest as soon as it starts
   (on http; from file:// it already waits until search is opened, loading search_index.js).
   Its code cannot be configured to wait, so this file, loaded before the bundle, holds back
   the send() of that one request until the learner focuses the search box, opens the search
   overlay (the toggle Material uses on phones, on the "/" "s" "f" shortcuts and on a shared
   ?q= link) or presses a pointer on the search button.  Every other request goes straight
   through.  Nothing waits on the index: the page is usable at once, and the query Material
   sends on the first keystroke is answered when the index arrives.
   tests/test_browser_site.py checks that no page asks for the index before search is used. */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;
  var proto = XMLHttpRequest.prototype;
  var open = proto.open;
  var send = proto.send;
  var held = [];
  var released = false;

  proto.open = function (method, url) {
    (this).__cshIndex = INDEX.test(String(url).split(/[?#]/)[0]);
    return open.apply(this, (arguments));
  };

  proto.send = function () {
    if (!released && (this).__cshIndex) {
      held.push([this, arguments]);
      return;
    }
    return send.apply(this, (arguments));
  };

  function release() {
    if (released) return;
    released = true;
    document.removeEventListener("focusin", onFocus, true);
    document.removeEventListener("change", onChange, true);
    document.removeEventListener("pointerdown", onPointer, true);
    held.forEach(function (h) { send.apply(h[0], (h[1])); });
    held = [];
  }

  function onFocus(e) {
    var t = e.target;
    if (t && t.closest && t.closest("[data-md-component=search]")) release();
  }

  function onChange(e) {
    var t = e.target;
    if (t && t.getAttribute && t.getAttribute("data-md-toggle") === "search" && t.checked) release();
  }

  function onPointer(e) {
    var t = e.target;
    if (t && t.closest && t.closest("label[for=__search], [data-md-component=search]")) release();
  }

  document.addEventListener("focusin", onFocus, true);
  document.addEventListener("change", onChange, true);
  document.addEventListener("pointerdown", onPointer, true);
})();
