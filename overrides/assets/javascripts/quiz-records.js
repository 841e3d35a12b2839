/* The saved attempts: every finished practice session and mock paper, in the list under
 * "cs-hub:v1:attempts", and how a stored or imported one is read back.
 *
 * Stored data can be old, hand-edited, imported from a file or cut short by a full
 * disk, so nothing here trusts it: each reader keeps every part that still makes
 * sense, drops the rest and says whether it had to (the pages then show a notice).
 * Needs core.js only, so the progress page can draw without the quiz code (issue #14); the
 * quiz modes write attempts through quiz-ui.js, and quiz-mock.js reads a saved paper.
 */
(function () {
  "use strict";

  var H = window.CSHub;

  var ATTEMPTS_KEY = H.PREFIX + "attempts";

  /**
   * One outcome's line in a saved attempt.
   * @typedef {Object} AttemptOutcome
   * @property {string} unit
   * @property {string} id
   * @property {string} label
   * @property {number} score
   * @property {number} max
   */

  /**
   * One finished practice session or mock paper, in the list under "cs-hub:v1:attempts".
   * @typedef {Object} AttemptRecord
   * @property {number} v always 1
   * @property {string} quiz the quiz id (data-quiz)
   * @property {string} mode "practice" | "mock"
   * @property {string} title
   * @property {string} spec
   * @property {string} date ISO time it was finished
   * @property {number} score
   * @property {number} max
   * @property {number} self marks the learner gave themselves
   * @property {number} selfMax
   * @property {AttemptOutcome[]} outcomes
   * @property {string|null} [outcome] practice: the outcome practised, null for all
   * @property {number} [paper] mock: the paper number (seed)
   * @property {number} [extra] mock: extra time, per cent
   * @property {string} [started] mock: ISO time the paper was started
   */

  // Quiz ids the build makes ("cg-4417-201-practice", "cg-4417-test-201"); anything else
  // in a record is shown as text but never linked.
  var QUIZ_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

  function isObject(v) { return !!v && typeof v === "object" && !Array.isArray(v); }

  function isCount(v) { return typeof v === "number" && isFinite(v) && v >= 0; }

  function isKey(v) { return typeof v === "string" || (typeof v === "number" && isFinite(v)); }

  /* Read one stored or imported attempt.
   * Returns null when nothing is usable */
  function readAttempt(raw) {
    if (!isObject(raw) || typeof raw.quiz !== "string" || !raw.quiz || typeof raw.date !== "string" ||
        !isCount(raw.score) || !isCount(raw.max)) return null;
    var damaged = false;
    var a = {};
    Object.keys(raw).forEach(function (k) { a[k] = raw[k]; });
    ["title", "spec", "mode"].forEach(function (k) {
      if (a[k] != null && typeof a[k] !== "string") { delete a[k]; damaged = true; }
    });
    ["self", "selfMax"].forEach(function (k) {
      if (a[k] != null && !isCount(a[k])) { a[k] = 0; damaged = true; }
    });
    var outcomes = Array.isArray(raw.outcomes) ? raw.outcomes : [];
    if (!Array.isArray(raw.outcomes)) damaged = true;
    a.outcomes = outcomes.filter(function (o) {
      var ok = isObject(o) && isKey(o.id) && isCount(o.score) && isCount(o.max) && (o.unit == null || isKey(o.unit));
      if (!ok) damaged = true;
      return ok;
    }).map(function (o) {
      return { unit: o.unit == null ? "" : String(o.unit), id: String(o.id), label: typeof o.label === "string" ? o.label : "", score: o.score, max: o.max };
    });
    return { value: (a), damaged: damaged };
  }

  /* Read a list of attempts, keeping every readable one.
   * Returns how many had to be dropped or mended */
  function readAttempts(raw) {
    var list = [];
    var damaged = 0;
    (Array.isArray(raw) ? raw : []).forEach(function (r) {
      var a = readAttempt(r);
      if (!a || a.damaged) damaged++;
      if (a) list.push(a.value);
    });
    return { list: list, damaged: damaged };
  }

  // Returns whether a quiz id has the form the build gives
  function plainQuizId(id) { return QUIZ_ID.test(id); }

  /* Every readable saved attempt.  A list that was readable only in part is saved back
   * mended (the original is quarantined first) and `damaged` says how many were lost
   * or mended, so the page can say so. */
  function loadAttempts() {
    var read = H.store.read(ATTEMPTS_KEY, Array.isArray);
    var out = readAttempts(read.value);
    if (out.damaged && read.value) H.store.repair(ATTEMPTS_KEY, out.list);
    if (read.damaged) out.damaged += 1;
    return out;
  }

  H.records = {
    ATTEMPTS_KEY: ATTEMPTS_KEY, isObject: isObject, isCount: isCount, readAttempt: readAttempt, readAttempts: readAttempts,
    plainQuizId: plainQuizId, loadAttempts: loadAttempts
  };
})();
