/* Customer Service Study Hub quizzes: starts every quiz and progress page root.
 *
 * Loads last of the quiz scripts (core.js, quiz-engine.js, quiz-types-*.js,
 * quiz-records.js, quiz-ui.js, quiz-practice.js, quiz-mock.js, quiz-progress.js; see
 * extra_javascript in mkdocs.yml).  Attempts are saved in localStorage under
 * "cs-hub:v1:" keys; nothing ever leaves the device.
 */
(function () {
  "use strict";

  var H = window.CSHub;
  var E = H.engine;

  // Runners of the current page, so that their timers can be stopped.
  var running = [];

  function init() {
    // Stop the timers of quizzes whose page has been swapped away by instant navigation.
    running = running.filter(function (r) {
      if (document.contains(r.root)) return true;
      if (r.cleanup) r.cleanup();
      return false;
    });
    H.eachRoot("[data-quiz]", function (root) {
      var quiz = H.payload(root, "csh-quiz-data");
      if (!quiz || !Array.isArray(quiz.items) || !Array.isArray(quiz.outcomes)) return;
      root.classList.add("csh-quiz--ready");
      running.push(quiz.mode === "mock" ? new H.Mock(root, quiz) : new H.Practice(root, quiz));
    });
    H.eachRoot("[data-csh-progress-root]", function (root) { new H.Progress(root); });
  }

  // The pure functions under the name the engine tests use.
  window.CSHQuiz = {
    rng: E.rng, shuffle: E.shuffle, allocate: E.allocate, draw: E.draw, blueprint: E.blueprint,
    pickMarks: E.pickMarks, score: E.score, normalise: E.normalise, answered: E.answered,
    loadAttempts: function () { return H.quiz.loadAttempts().list; }, store: H.store, PREFIX: H.PREFIX
  };

  H.onPage(init);
})();
