/* Customer Service Study Hub quizzes: gives the engine tests the engine's pure functions as
 * window.CSHQuiz.  Quiz roots are started by quiz-start.js, the progress page's by
 * quiz-progress.js.  Loads last of the quiz scripts (loader.js, SCRIPTS).  Attempts are saved
 * in localStorage under "cs-hub:v1:" keys; nothing ever leaves the device.
 */
(function () {
  "use strict";

  var H = window.CSHub;
  var E = H.engine;

  // The pure functions under the name the engine tests use.
  window.CSHQuiz = {
    rng: E.rng, shuffle: E.shuffle, allocate: E.allocate, draw: E.draw, blueprint: E.blueprint,
    pickMarks: E.pickMarks, score: E.score, normalise: E.normalise, answered: E.answered,
    loadAttempts: function () { return H.records.loadAttempts().list; }, store: H.store, PREFIX: H.PREFIX
  };
})();
