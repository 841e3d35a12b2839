/* What the quizzes keep in localStorage, and how a stored record is read back.
 *
 * Stored data can be old, hand-edited, imported from a file or cut short by a full
 * disk, so nothing here trusts it: each reader keeps every part that still makes
 * sense, drops the rest and says whether it had to (the pages then show a notice).
 * Pure functions, no DOM or storage access.  Needs quiz-engine.js.
 */
(function () {
  "use strict";

  var H = window.CSHub;
  var E = H.engine;

  // The payload the build embeds (Item and Order are in quiz-engine.js); its Python
  // model is generator/payloads.py.

  /**
   * @typedef {Object} QuizOutcome
   * @property {string} unit
   * @property {string} id
   * @property {string} label
   * @property {string} anchor
   * @property {number|null} [questions] mock only
   * @property {number|null} [marks] mock only
   * @property {number|null} [glh] mock only
   */

  /**
   * @typedef {Object} TestInfo
   * @property {string} id
   * @property {number} duration_min
   * @property {number|null} questions
   * @property {number|null} marks
   * @property {string} weighting "printed" | "glh"
   * @property {number[]} length_options
   * @property {number|null} understanding_percent
   * @property {boolean} official
   */

  /**
   * The payload in script.csh-quiz-data (practice_payload / mock_payload).
   * @typedef {Object} QuizPayload
   * @property {string} id
   * @property {string} mode "practice" | "mock"
   * @property {string} title
   * @property {string} spec
   * @property {QuizOutcome[]} outcomes
   * @property {Item[]} items
   * @property {TestInfo} [test] mock only
   */

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

  /**
   * An unfinished or finished mock paper, under "cs-hub:v1:mock:<quiz id>".
   * @typedef {Object} MockState
   * @property {number} v always 1
   * @property {number} seed the paper number
   * @property {number|null} length the chosen test length, null for the printed one
   * @property {number} extra extra time, per cent
   * @property {string[]} paper item ids in paper order
   * @property {Object<string, Order>} orders per item, how its options are shown
   * @property {Object<string, Object>} responses per item, the learner's answer
   * @property {Object<string, boolean>} flags per item, flagged for review
   * @property {number} current index of the question on screen
   * @property {number} remainingMs
   * @property {number} totalMs
   * @property {boolean} paused
   * @property {string} started ISO time
   * @property {boolean} submitted
   * @property {boolean} [timedOut]
   * @property {string} [finished] ISO time
   */

  /**
   * The file "Export progress" writes and "Import progress" reads.
   * @typedef {{schema: string, exported: string, attempts: AttemptRecord[]}} ProgressFile
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

  /* The attempt record for a finished session or paper.
   * extra: mode-specific fields */
  function attemptRecord(quiz, summary, extra) {
    var rec = {
      v: 1, quiz: quiz.id, mode: quiz.mode, title: quiz.title, spec: quiz.spec,
      date: new Date().toISOString(), score: summary.total.score, max: summary.total.max,
      self: summary.total.self, selfMax: summary.total.selfMax,
      outcomes: summary.rows.map(function (r) { return { unit: r.unit, id: r.id, label: r.label, score: r.score, max: r.max }; })
    };
    Object.keys(extra || {}).forEach(function (k) { rec[k] = extra[k]; });
    return rec;
  }

  /* Read a stored mock paper.  The paper itself must be intact (every id a question of
   * this test, none twice); everything else is mended: bad orders are dealt again from
   * the seed (which gives the original orders back), unreadable answers and flags are
   * dropped, the question on screen and the clock are brought back into range.
   * Returns null when the paper is unusable */
  function readMockState(quiz, raw) {
    if (!isObject(raw) || raw.v !== 1 || !Array.isArray(raw.paper) || !raw.paper.length) return null;
    var byId = E.index(quiz);
    var seen = {};
    var paperOk = raw.paper.every(function (id) {
      if (typeof id !== "string" || !Object.prototype.hasOwnProperty.call(byId, id) || seen[id]) return false;
      seen[id] = true;
      return true;
    });
    if (!paperOk) return null;
    var damaged = false;
    var s = {};
    Object.keys(raw).forEach(function (k) { s[k] = raw[k]; });
    var mend = function (key, ok, fallback) {
      if (!ok(s[key])) { s[key] = fallback; damaged = true; }
    };
    var whole = function (v) { return typeof v === "number" && v % 1 === 0 && v > 0 && v <= 0xffffffff; };
    mend("seed", whole, 1);
    mend("extra", function (v) { return isCount(v) && v <= 100; }, 0);
    mend("length", function (v) { return v === null || v === undefined || whole(v); }, null);
    var full = quiz.test.duration_min * 60000 * (1 + s.extra / 100);
    mend("totalMs", function (v) { return isCount(v) && v > 0 && v <= 2 * full; }, full);
    if (!isCount(s.remainingMs) || s.remainingMs > s.totalMs) {
      s.remainingMs = typeof s.remainingMs === "number" && s.remainingMs < 0 ? 0 : s.totalMs;
      damaged = true;
    }
    ["paused", "submitted"].forEach(function (k) { mend(k, function (v) { return typeof v === "boolean"; }, false); });
    mend("current", function (v) { return typeof v === "number" && v % 1 === 0 && v >= 0 && v < s.paper.length; }, 0);
    mend("started", function (v) { return typeof v === "string"; }, new Date().toISOString());
    ["orders", "responses", "flags"].forEach(function (k) {
      if (!isObject(s[k])) { if (s[k] !== undefined) damaged = true; s[k] = {}; }
    });
    var orders = {};
    var responses = {};
    var flags = {};
    var dealt = null;
    s.paper.forEach(function (id) {
      var item = byId[id];
      if (E.validOrder(item, s.orders[id])) orders[id] = s.orders[id];
      else {
        dealt = dealt || E.arrangePaper(quiz, s.seed, s.paper);
        orders[id] = dealt[id];
        damaged = true;
      }
      var r = s.responses[id];
      var type = H.types[item.type];
      if (r !== undefined) {
        var read = isObject(r) && type ? type.read(item, r) : { value: {}, damaged: true };
        responses[id] = read.value;
        if (read.damaged) damaged = true;
      }
      if (s.flags[id] === true) flags[id] = true;
      else if (s.flags[id] !== undefined && s.flags[id] !== false) damaged = true;
    });
    s.orders = orders;
    s.responses = responses;
    s.flags = flags;
    return { value: (s), damaged: damaged };
  }

  H.records = {
    isObject: isObject, readAttempt: readAttempt, readAttempts: readAttempts, plainQuizId: plainQuizId,
    attemptRecord: attemptRecord, readMockState: readMockState
  };
})();
