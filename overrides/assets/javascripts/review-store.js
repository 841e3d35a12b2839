/* The spaced-review schedule as stored: read back defensively, with what is due when and
 * how strong each outcome is.  Everything lives under one key, "cs-hub:v1:review"
 * (CONVENTIONS.md §5):
 *   {v: 1, items: {"<unit practice quiz id>|<item id>": Card}, cards: {"<term slug>": Card},
 *    since: ISO time of the first scheduled answer (attempts started earlier are not in it)}
 * An item is filed under its unit's practice quiz id wherever it was answered (unit page,
 * outcome page, mock test or a review session), so it is scheduled once.
 *
 * The reading half, so the progress page draws without the scheduler (issue #14);
 * review-schedule.js adds SM-2 and the writes.  The time is read through now() only, so
 * tests can fake a later day.  Needs core.js.
 */
(function () {
  "use strict";

  var H = window.CSHub;

  var KEY = H.PREFIX + "review";
  var OLD_FLASHCARDS = H.PREFIX + "flashcards";
  var START_EF = 2.5;
  var MIN_EF = 1.3;
  var MAX_EF = 5;           // far above what SM-2 reaches in practice; anything higher is damage
  var MAX_INTERVAL = 36500; // a hundred years, in days
  // A review session is at most this many questions, the longest overdue first: learners
  // revise in short bursts (review-due.js on unit pages, progress-review.js on /progress/).
  var SESSION = 20;
  var HISTORY = 10;         // answers kept per item for the strength score
  var DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

  /**
   * One scheduled question or flashcard.
   * @typedef {Object} Card
   * @property {number} ef ease factor, 1.3 or more
   * @property {number} reps right answers in a row (SM-2's n)
   * @property {number} interval days until due, from the last answer
   * @property {string} due "YYYY-MM-DD", local date
   * @property {string} last ISO time of the last answer (the later one wins a merge)
   * @property {string} [o] questions: the outcome id it assesses
   * @property {number[]} [h] questions: the last answers, oldest first, 1 right .. 0 wrong
   */

  // The one clock: milliseconds since 1970.
  function now() { return Date.now(); }

  function two(n) { return (n < 10 ? "0" : "") + n; }

  /* The local calendar date of a moment, "YYYY-MM-DD" (learners mean their own day).
   * ms: defaults to now() */
  function today(ms) {
    var d = new Date(ms == null ? now() : ms);
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  function isDue(card, day) { return !!card && card.due <= day; }

  function isObject(v) { return !!v && typeof v === "object" && !Array.isArray(v); }

  function inRange(v, lo, hi) { return typeof v === "number" && isFinite(v) && v >= lo && v <= hi; }

  // A stored card, or null when it cannot be trusted (then it is dropped).
  function readCard(c) {
    if (!isObject(c) || !inRange(c.ef, MIN_EF, MAX_EF) || !inRange(c.reps, 0, 100000) || c.reps % 1 ||
        !inRange(c.interval, 0, MAX_INTERVAL) || c.interval % 1 || typeof c.due !== "string" || !DAY_RE.test(c.due) ||
        typeof c.last !== "string" || isNaN(Date.parse(c.last))) return null;
    var out = { ef: c.ef, reps: c.reps, interval: c.interval, due: c.due, last: c.last };
    if (c.o != null) {
      if (typeof c.o !== "string") return null;
      out.o = c.o;
    }
    if (c.h != null) {
      if (!Array.isArray(c.h) || c.h.length > HISTORY || !c.h.every(function (x) { return inRange(x, 0, 1); })) return null;
      out.h = c.h.slice();
    }
    return out;
  }

  /* Every readable card of a stored or imported schedule.
   * Returns {{value: {v: number, items: Object<string, Card>, cards: Object<string, Card>}, damaged: boolean}} */
  function readSchedule(raw) {
    var value = { v: 1, items: {}, cards: {} };
    if (raw == null) return { value: value, damaged: false };
    var damaged = !isObject(raw) || raw.v !== 1;
    if (!isObject(raw)) return { value: value, damaged: true };
    if (raw.since != null) {
      if (typeof raw.since === "string" && !isNaN(Date.parse(raw.since))) value.since = raw.since; else damaged = true;
    }
    ["items", "cards"].forEach(function (part) {
      var map = raw[part];
      if (map == null) return;
      if (!isObject(map)) { damaged = true; return; }
      Object.keys(map).forEach(function (k) {
        var c = k.length <= 300 ? readCard(map[k]) : null;
        if (c) value[part][k] = c; else damaged = true;
      });
    });
    return { value: value, damaged: damaged };
  }

  /* Old Leitner boxes (flashcards.js before spaced review): box n was due 0, 0, 1, 3, 7 or
   * 14 days after its last answer.  A box n card becomes an SM-2 card with n - 1 right
   * answers in a row, that interval, and the due date it already had.
   * raw: the value under cs-hub:v1:flashcards */
  function fromBoxes(raw) {
    var days = [0, 0, 1, 3, 7, 14];
    var out = {};
    if (!isObject(raw)) return out;
    Object.keys(raw).forEach(function (slug) {
      var b = raw[slug];
      if (!isObject(b) || !inRange(b.box, 1, 5) || b.box % 1) return;
      var due = inRange(b.due, 0, 8.64e15) ? b.due : 0;
      var last = due - days[b.box] * 86400000;
      out[slug] = { ef: START_EF, reps: b.box - 1, interval: days[b.box], due: today(due),
                    last: new Date(Math.max(0, last)).toISOString() };
    });
    return out;
  }

  // How much less each older answer to the same question counts than the one after it.
  var DECAY = 0.6;

  /* How sure a learner is on a set of questions, from their recent answers: each item's
   * answers weigh 1, 0.6, 0.36, ... from its newest back, so an old slip counts for less
   * once it has been put right.
   * Returns strength 0..1 */
  function strength(cards) {
    var right = 0, answered = 0, sum = 0, weights = 0;
    cards.forEach(function (c) {
      var h = c.h || [];
      h.forEach(function (x, i) {
        var w = Math.pow(DECAY, h.length - 1 - i);
        sum += w * x; weights += w;
        answered += 1; right += x >= 1 ? 1 : 0;
      });
    });
    return { right: right, answered: answered, strength: weights ? sum / weights : 0, weights: weights };
  }

  /* The schedule, with the old flashcard boxes folded in for cards not yet rescheduled.
   * Damaged parts are dropped (the stored text is kept aside first, like every key).
   * Returns {{value: {v: number, items: Object<string, Card>, cards: Object<string, Card>}, damaged: boolean}} */
  function load() {
    var read = H.store.read(KEY, isObject);
    var out = readSchedule(read.value);
    if (out.damaged && read.value) H.store.repair(KEY, out.value);
    if (read.damaged) out.damaged = true;
    // When the schedule began, so that older saved attempts can be told apart
    // (progress-review.js).  Schedules from before "since" was kept: their earliest answer.
    if (!out.value.since) {
      var first = Object.keys(out.value.items).map(function (k) { return out.value.items[k].last; })
        .sort(function (x, y) { return Date.parse(x) - Date.parse(y); })[0];
      if (first) out.value.since = first;
    }
    var old = fromBoxes(H.store.raw(OLD_FLASHCARDS) == null ? null : H.store.get(OLD_FLASHCARDS, isObject));
    Object.keys(old).forEach(function (slug) { if (!out.value.cards[slug]) out.value.cards[slug] = old[slug]; });
    return out;
  }

  // The practice quiz an item key ("<quiz id>|<item id>") is filed under.
  function quizOf(key) { return key.slice(0, key.indexOf("|")); }

  /* Keys of the items due on a day, optionally only those of one practice quiz.
   * Returns oldest due first */
  function dueKeys(items, day, quizId) {
    return Object.keys(items).filter(function (k) {
      return isDue(items[k], day) && (!quizId || k.slice(0, quizId.length + 1) === quizId + "|");
    }).sort(function (a, b) { return items[a].due < items[b].due ? -1 : items[a].due > items[b].due ? 1 : a < b ? -1 : 1; });
  }

  H.review = {
    KEY: KEY, OLD_FLASHCARDS: OLD_FLASHCARDS, START_EF: START_EF, MIN_EF: MIN_EF, MAX_INTERVAL: MAX_INTERVAL,
    SESSION: SESSION, HISTORY: HISTORY, now: now, today: today, isDue: isDue, isObject: isObject,
    readCard: readCard, readSchedule: readSchedule, fromBoxes: fromBoxes, strength: strength, load: load, quizOf: quizOf, dueKeys: dueKeys
  };
})();
