/* Customer Service Study Hub: loads each page's scripts, and only those (issue #14: our own
 * JavaScript at most 25 kB gzipped per page).
 *
 * mkdocs.yml loads core.js, this file and print.js on every page.  Every other script is
 * named here: a page asks for what it needs with data-csh-needs="<need> ..." on the roots the
 * generator writes (the quiz, progress, route planner, flashcards, evidence planner and
 * portfolio roots), or with the markup MARKS names, and this file adds a same-origin
 * <script src> for each file it lacks, in SCRIPTS order (async=false keeps that order).  It
 * runs on the first load and on every instant-navigation page swap, so a page reached by
 * instant navigation gets a script the first page did not need; CSHub.onPage (core.js)
 * waits for them before it re-runs the pages' init functions.  Works from file:// and under
 * the strict CSP (script-src 'self').
 * To add a script: CONTRIBUTING.md, "How to add a page script".
 */
(function () {
  "use strict";

  var H = window.CSHub;

  // Every page script, in the order they must run.
  var SCRIPTS = [
    "hub.js",
    "quiz-start.js",
    "quiz-engine.js",
    "quiz-types-choice.js",
    "quiz-types-text.js",
    "quiz-types-arrange.js",
    "quiz-records.js",
    "review-store.js",
    "review-schedule.js",
    "quiz-ui.js",
    "quiz-practice.js",
    "quiz-mock.js",
    "quiz-mock-results.js",
    "progress-file.js",
    "quiz-progress.js",
    "review-due.js",
    "quiz.js",
    "progress-review.js",
    "routes.js",
    "flashcards.js",
    "evidence-records.js",
    "evidence-planner.js",
    "evidence-portfolio.js"
  ];

  /* Needs that markup asks for, not a root's data-csh-needs: hub.js's copy buttons and term
   * tips sit in running text, hundreds to a page, where an attribute on each would weigh
   * more than the script.  need: a selector */
  var MARKS = {
    hub: "button.csh-copy[data-anchor], a.csh-term[data-tip], [data-csh-glossary-filter], [data-csh-alias]"
  };

  var QUIZ = ["quiz-start.js", "quiz-engine.js", "quiz-types-choice.js", "quiz-types-text.js", "quiz-types-arrange.js",
    "quiz-records.js", "quiz-ui.js", "quiz.js"];

  // What each need pulls in (any order: SCRIPTS decides the order).
  var NEEDS = {
    // Copy links, term tips, the glossary filter and alias redirects, where a page has them (MARKS).
    hub: ["hub.js"],
    // A practice quiz's page needs only its start screen, and review-due.js, which adds
    // "Review due in this unit" beside the unit's quiz (it fetches review-store.js only
    // when review dates are saved).  "Start practice" asks for "session".
    practice: ["quiz-start.js", "review-due.js"],
    // review-store.js and review-schedule.js: the spaced-review scheduler every answer feeds.
    session: QUIZ.concat(["review-store.js", "review-schedule.js", "quiz-practice.js"]),
    // A mock page needs only its start screen; quiz-start.js asks for "paper" when the
    // learner starts (or a saved paper is there to resume).  A mock asks for the scheduler
    // when a paper is submitted.
    mock: ["quiz-start.js"],
    paper: QUIZ.concat(["quiz-mock.js", "quiz-mock-results.js"]),
    // The progress page draws its attempts and review summary from the two readers alone;
    // "Start review" asks for "review", and Export or Import for "transfer" (which merges
    // review dates).  No quiz engine or question types until then.
    progress: ["quiz-records.js", "review-store.js", "quiz-progress.js", "progress-review.js"],
    review: QUIZ.concat(["review-store.js", "review-schedule.js", "quiz-practice.js", "review-due.js"]),
    transfer: ["quiz-records.js", "review-store.js", "review-schedule.js", "progress-file.js"],
    routes: ["routes.js"],
    // Flashcards shuffle with core.js's generator: no quiz code.
    flashcards: ["review-store.js", "review-schedule.js", "flashcards.js"],
    planner: ["evidence-records.js", "evidence-planner.js"],
    portfolio: ["evidence-records.js", "evidence-portfolio.js"]
  };

  // The folder this file was loaded from: right for a sub-path, .html URLs and file://.
  var me = document.currentScript;
  var folder = me ? me.src.replace(/[^/]*([?#].*)?$/, "") : "";

  var loading = {};

  // The files this page needs, in SCRIPTS order.
  function wanted() {
    var want = {};
    var asked = function (need) { (NEEDS[need] || []).forEach(function (file) { want[file] = true; }); };
    document.querySelectorAll("[data-csh-needs]").forEach(function (node) {
      (node.getAttribute("data-csh-needs") || "").split(/\s+/).forEach(asked);
    });
    Object.keys(MARKS).forEach(function (need) { if (document.querySelector(MARKS[need])) asked(need); });
    return SCRIPTS.filter(function (file) { return want[file]; });
  }

  function add(file) {
    if (!loading[file]) {
      loading[file] = new Promise(function (resolve) {
        var tag = document.createElement("script");
        tag.src = folder + file;
        tag.async = false;
        // A file that fails to load must not stop the others' init.
        tag.onload = tag.onerror = function () { resolve(); };
        document.head.appendChild(tag);
      });
    }
    return loading[file];
  }

  /* Add this page's missing scripts.
   * Returns a promise that settles when every script the page needs has run */
  function loadPage() {
    return Promise.all(wanted().map(add)).then(function () {});
  }

  // Load scripts a page needs only later (a script asks when its feature starts).
  function need(files) {
    // In SCRIPTS order, whatever order the caller named them in.
    return Promise.all(SCRIPTS.filter(function (f) { return files.indexOf(f) >= 0; }).map(add)).then(function () {});
  }

  H.loader = { SCRIPTS: SCRIPTS, NEEDS: NEEDS, wanted: wanted, loadPage: loadPage, need: need };
  loadPage();
})();
