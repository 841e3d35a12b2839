/* SCORM 1.2 adapter for a mock test packaged for an LMS (generator/lms/scorm.py).
 *
 * Loaded only by the package's index.html, never by the site.  It finds the LMS's SCORM
 * 1.2 runtime object (window.API) in a parent frame or the opener, starts a session, and
 * when the mock shows its results (the csh:mock-results event, CONVENTIONS.md §5) records
 * the score, the maximum and the lesson status, then commits.  The session is finished when
 * the page goes away.  With no API the mock simply runs, and the page says the result is
 * not recorded.  Needs core.js; must load before quiz.js starts the mock, so that a paper
 * resumed as already submitted is reported too.
 */
(function () {
  "use strict";

  // How far up the frame tree to look; LMS players nest the SCO a few frames deep.
  var MAX_PARENTS = 7;

  /* The SCORM 1.2 API in `win` or one of its parents.  A parent on another origin throws
   * when read; that ends the walk. */
  function walk(win) {
    for (var depth = 0; win && depth <= MAX_PARENTS; depth++) {
      try {
        if (win.API) return win.API;
        if (!win.parent || win.parent === win) return null;
        win = win.parent;
      } catch (e) {
        return null;
      }
    }
    return null;
  }

  // Returns the API object, or null when no LMS launched this page
  function findApi() {
    var api = walk(window);
    if (!api && window.opener) {
      try { api = walk(window.opener); } catch (e) { api = null; }
    }
    return api;
  }

  var api = findApi();
  var connected = false;
  var finished = false;
  var submitted = false;
  var startedAt = Date.now();

  // Call an API method; a broken LMS object must not break the test.
  function call(name) {
    try { return String(api[name].apply(api, Array.prototype.slice.call(arguments, 1))); } catch (e) { return "false"; }
  }

  if (api) {
    connected = call("LMSInitialize", "") === "true";
    // A first launch leaves the attempt "incomplete" until the paper is submitted.
    if (connected && call("LMSGetValue", "cmi.core.lesson_status") === "not attempted") {
      call("LMSSetValue", "cmi.core.lesson_status", "incomplete");
    }
  }

  /* FNV-1a: a short, stable tag for a learner id, so storage keys never hold the id itself.
   * Returns 8 hex digits */
  function tag(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return ("0000000" + h.toString(16)).slice(-8);
  }

  // College computers are shared: in an LMS, each learner's paper in progress is saved under
  // a key of their own (the quiz id plus a tag of cmi.core.student_id), so the next learner
  // on the same browser never resumes it.  Done before quiz.js reads the payload.
  if (connected) {
    var learner = call("LMSGetValue", "cmi.core.student_id");
    var data = document.querySelector("[data-quiz] script.csh-quiz-data");
    if (learner && learner !== "false" && data) {
      try {
        var quiz = JSON.parse(data.textContent || "");
        quiz.id = quiz.id + "-learner-" + tag(learner);
        data.textContent = JSON.stringify(quiz);
      } catch (e) { /* an unreadable payload: quiz.js shows nothing either way */ }
    }
  }

  /* A score SCORM 1.2 accepts: the raw marks when the paper has at most 100 (the data
   * model's range for cmi.core.score is 0 to 100), otherwise a percentage. */
  function scormScore(score, max) {
    if (max <= 100) return { raw: score, max: max };
    return { raw: Math.round(100 * score / max), max: 100 };
  }

  // HHHH:MM:SS, the CMITimespan format of cmi.core.session_time.
  function sessionTime() {
    var secs = Math.floor((Date.now() - startedAt) / 1000);
    var pad = function (n, w) { var s = String(n); while (s.length < w) s = "0" + s; return s; };
    return pad(Math.floor(secs / 3600), 4) + ":" + pad(Math.floor(secs / 60) % 60, 2) + ":" + pad(secs % 60, 2);
  }

  /* The pass mark in percent, when the page carries one (data-pass-percent on the quiz
   * root).  No test specification prints one today, so packages report "completed". */
  function passPercent(root) {
    var value = root.getAttribute("data-pass-percent");
    var n = value === null ? NaN : Number(value);
    return n >= 0 && n <= 100 ? n : null;
  }

  document.addEventListener("csh:mock-results", function (event) {
    if (!connected || finished) return;
    var d = event.detail;
    var root = event.target;
    var s = scormScore(d.score, d.max);
    call("LMSSetValue", "cmi.core.score.min", "0");
    call("LMSSetValue", "cmi.core.score.max", String(s.max));
    call("LMSSetValue", "cmi.core.score.raw", String(s.raw));
    var pass = passPercent(root);
    var status = pass === null ? "completed" : (100 * d.score >= pass * d.max ? "passed" : "failed");
    call("LMSSetValue", "cmi.core.lesson_status", status);
    call("LMSSetValue", "cmi.core.exit", "");
    submitted = true;
    call("LMSCommit", "");
  });

  function finish() {
    if (!connected || finished) return;
    finished = true;
    call("LMSSetValue", "cmi.core.session_time", sessionTime());
    // A paper still in progress is kept in this browser; "suspend" tells the LMS the
    // learner means to come back to it.
    if (!submitted) call("LMSSetValue", "cmi.core.exit", "suspend");
    call("LMSCommit", "");
    call("LMSFinish", "");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);

  // The package has no unit pages, so "Revise" links to them would lead nowhere: plain text instead.
  function unlinkDeadLinks(scope) {
    var links = scope.querySelectorAll('a[href^="#"]');
    for (var i = 0; i < links.length; i++) {
      var span = document.createElement("span");
      span.className = "csh-scorm-unlinked";
      span.textContent = links[i].textContent;
      links[i].replaceWith(span);
    }
  }

  function init() {
    var status = document.getElementById("csh-scorm-status");
    if (status) {
      status.textContent = connected
        ? "Connected to your learning platform: your result is recorded when you submit the test."
        : "Not connected to an LMS: your result is not recorded.";
      status.setAttribute("data-connected", connected ? "true" : "false");
    }
    var root = document.querySelector("[data-quiz]");
    if (root && window.MutationObserver) {
      new MutationObserver(function () { unlinkDeadLinks(root); }).observe(root, { childList: true, subtree: true });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();

  window.CSHub = window.CSHub || {};
  window.CSHub.scorm = { connected: function () { return connected; }, scormScore: scormScore };
})();
