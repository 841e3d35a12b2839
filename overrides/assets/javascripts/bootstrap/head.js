/* What must run in <head>, before Material's bundle: three small jobs, one parser-blocking
   request (partials/javascripts/base.html).  Each keeps its own scope below.

   1. Material's storage helpers, __md_get and friends.
   2. Same-page links: a fragment-only popstate must not make Material re-render the page.
   3. Lazy search: the search index waits until the learner opens search. */

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

/* Following a link to a place on the same page (a criterion, a "Revise" link, a heading's
   permalink, Material's "Skip to content") changes only the address's fragment, and the
   browser fires "popstate".  Material's instant navigation takes every popstate for a move
   to another page and re-renders this one, re-creating each inline <script> from its text
   alone: the quiz payloads (type="application/json") then run as scripts and throw, and a
   running practice quiz, mock test or flashcard deck is wiped.  This listener is added in
   <head>, before Material's bundle adds its own, so it can stop a fragment-only popstate
   from reaching Material; the browser has already scrolled to the anchor by then.
   core.js records the page Material last rendered (instant navigation changes the address
   with pushState, which fires no popstate). */
(function () {
  window.__csh_rendered = location.pathname + location.search;
  window.addEventListener("popstate", function (e) {
    if (location.pathname + location.search === window.__csh_rendered) e.stopImmediatePropagation();
  });
})();

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
