/* Customer Service Study Hub quizzes: starts the progress page's root, and gives the engine
 * tests the engine's pure functions as window.CSHQuiz.  Quiz roots are started by
 * quiz-start.js.  Loads last of the quiz scripts (loader.js, SCRIPTS).  Attempts are saved
 * in localStorage under "cs-hub:v1:" keys; nothing ever leaves the device.
 */
(function () {
  "use strict";

  var H = window.CSHub;
  var E = H.engine;

  // Quiz roots are started by quiz-start.js.
  function init() {
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
