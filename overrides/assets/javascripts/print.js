/* Printing: handouts show every collapsed section, and printable papers get a print button.
 *
 * A closed <details> prints as its summary alone, whatever the stylesheet says, so before
 * printing every closed one is opened (and marked), and after printing the marked ones are
 * closed again, leaving the page as the reader had it.  print.css hides what a handout does
 * not need.  Needs core.js (CSHub.onPage); exports nothing.
 */
(function () {
  "use strict";

  var H = window.CSHub;
  var MARK = "data-csh-print-opened";

  function openAll() {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.setAttribute(MARK, "");
      d.setAttribute("open", "");
    });
  }

  function restore() {
    document.querySelectorAll("details[" + MARK + "]").forEach(function (d) {
      d.removeAttribute(MARK);
      d.removeAttribute("open");
    });
  }

  window.addEventListener("beforeprint", openAll);
  window.addEventListener("afterprint", restore);

  // The "Print this paper" button is in the page but hidden, because without script it
  // would do nothing; the browser's own Print command works either way.
  function init() {
    document.querySelectorAll("button[data-csh-print]").forEach(function (b) {
      var btn = b;
      if (btn.dataset.cshReady) return;
      btn.dataset.cshReady = "1";
      btn.hidden = false;
      btn.addEventListener("click", function () { window.print(); });
    });
  }

  H.onPage(init);
})();
