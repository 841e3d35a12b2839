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
