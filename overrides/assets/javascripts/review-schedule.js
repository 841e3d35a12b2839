/* Spaced review: when each practice question and each flashcard is next due.
 *
 * The scheduler is SM-2 (P. A. Wozniak, 1990), as published:
 *   - every item starts with an ease factor (EF) of 2.5;
 *   - an answer gets a quality q from 0 to 5;
 *   - q >= 3: the 1st right repetition is due in 1 day, the 2nd in 6, and each later one in
 *     the previous interval times EF (rounded to whole days);
 *   - q < 3: repetitions start again (due tomorrow), EF is kept as changed below;
 *   - after every answer EF += 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02), never below 1.3.
 * Quality from the learner's answer: right first time 5; right by the learner's own marking
 * ("I was right", or every marking point ticked) 4; partly right by own marking 3; wrong 1.
 *
 * Everything lives under one key, "cs-hub:v1:review" (CONVENTIONS.md §5):
 *   {v: 1, items: {"<unit practice quiz id>|<item id>": Card}, cards: {"<term slug>": Card},
 *    since: ISO time of the first scheduled answer (attempts started earlier are not in it)}
 * An item is filed under its unit's practice quiz id wherever it was answered (unit page,
 * outcome page, mock test or a review session), so it is scheduled once.
 *
 * The time is read through now() only, so tests can fake a later day (Playwright's
 * page.clock).  Pure functions first; the storage wrappers at the end.  Needs core.js;
 * quiz-engine.js for fromMock.
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

  /* day: "YYYY-MM-DD"
   * n: days to add */
  function addDays(day, n) {
    var p = day.split("-");
    // Noon, so a clock change never moves the date.
    return today(new Date(+p[0], +p[1] - 1, +p[2] + n, 12).getTime());
  }

  /* SM-2's quality for a marked answer.
   * claimed: the learner said "I was right" about a short answer */
  function quality(result, claimed) {
    if (result.self) {
      var ratio = result.max ? result.score / result.max : 0;
      return ratio >= 1 ? 4 : ratio >= 0.5 ? 3 : 1;
    }
    if (result.correct) return claimed ? 4 : 5;
    return 1;
  }

  /* SM-2's step: the card after one answer of quality q, given on `day`.
   * card: null for an item never answered
   * q: 0..5
   * day: "YYYY-MM-DD"
   * at: ISO time of the answer */
  function step(card, q, day, at) {
    var ef = card ? card.ef : START_EF;
    var reps = card ? card.reps : 0;
    var interval = card ? card.interval : 0;
    if (q >= 3) {
      interval = reps === 0 ? 1 : reps === 1 ? 6 : Math.round(interval * ef);
      reps += 1;
    } else {
      reps = 0;
      interval = 1;
    }
    ef = Math.max(MIN_EF, ef + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)));
    interval = Math.min(interval, MAX_INTERVAL);
    // Rounded so stored numbers stay short; SM-2 keeps two decimals too.
    var out = { ef: Math.round(ef * 100) / 100, reps: reps, interval: interval, due: addDays(day, interval), last: at };
    if (card && card.o != null) out.o = card.o;
    if (card && card.h) out.h = card.h.slice();
    return out;
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

  // Two schedules as one, for import: per item and per card the later last answer wins.
  function merge(a, b) {
    var out = { v: 1, items: {}, cards: {} };
    var since = [a.since, b.since].filter(Boolean).sort(function (x, y) { return Date.parse(x) - Date.parse(y); })[0];
    if (since) out.since = since;
    ["items", "cards"].forEach(function (part) {
      [a[part], b[part]].forEach(function (map) {
        Object.keys(map || {}).forEach(function (k) {
          var c = map[k], have = out[part][k];
          if (!have || Date.parse(c.last) > Date.parse(have.last)) out[part][k] = c;
        });
      });
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

  // Returns whether it was saved
  function save(schedule) {
    var out = { v: 1, items: schedule.items, cards: schedule.cards };
    if (schedule.since) out.since = schedule.since;
    return H.store.set(KEY, out);
  }

  // Returns the item's key: its unit's practice quiz id (urls.practice_quiz_id) and id
  function itemKey(spec, unit, itemId) { return spec + "-" + unit + "-practice|" + itemId; }

  // The card before this session first answered an item, by key and session, so that
  // marking the same answer again ("I was right", a tick) replaces that step.
  var before = {};

  /* Schedule one answered question.
   * key: itemKey()
   * q: quality
   * mark: 0..1, how right the answer was (for strength)
   * session: answers in one session with the same key re-mark one step
   * Returns whether it was saved */
  function gradeItem(key, outcome, q, mark, session) {
    var s = load().value;
    gradeInto(s, key, outcome, q, mark, session);
    return save(s);
  }

  // gradeItem on a schedule already loaded, so that a whole paper is one read and one write.
  function gradeInto(s, key, outcome, q, mark, session) {
    var token = session ? session + "\n" + key : "";
    var base = token && Object.prototype.hasOwnProperty.call(before, token) ? before[token] : (s.items[key] || null);
    if (token) before[token] = base;
    var at = new Date(now()).toISOString();
    if (!s.since) {
      // The session's start, if earlier: its saved attempt then counts as scheduled.
      var started = session ? session.slice(session.lastIndexOf("\n") + 1) : "";
      s.since = started && Date.parse(started) < Date.parse(at) ? started : at;
    }
    var card = step(base, q, today(), at);
    card.o = outcome;
    card.h = (base && base.h ? base.h : []).concat([mark]).slice(-HISTORY);
    s.items[key] = card;
  }

  /* Schedule a practice answer (quiz-practice.js calls this on the first try at each
   * question, and again when the learner re-marks that answer).
   * item: the item's payload (a review session's copy carries its key)
   * session: the session's start time
   * claimed: "I was right" */
  function fromPractice(quiz, item, result, session, claimed) {
    var key = item.reviewKey || itemKey(quiz.spec, item.unit, item.id);
    var mark = result.max ? result.score / result.max : 0;
    return gradeItem(key, item.outcome, quality(result, claimed), mark, quiz.id + "\n" + session);
  }

  /* Schedule every automatically marked answer of a submitted mock paper.  Unanswered
   * questions are left alone; self-marked ones wait for the learner's marks (fromMockMark). */
  function fromMock(quiz, state) {
    var E = H.engine;
    var byId = E.index(quiz);
    var s = load().value, graded = 0;
    state.paper.forEach(function (id) {
      var item = byId[id];
      if (!item || !E.answered(item, state.responses[id])) return;
      var result = E.score(item, state.responses[id]);
      if (result.self) return;
      gradeInto(s, itemKey(quiz.spec, item.unit, item.id), item.outcome, quality(result), result.correct ? 1 : 0, quiz.id + "\n" + state.started);
      graded++;
    });
    return !graded || save(s);
  }

  /* Schedule a self-marked mock answer each time the learner ticks its marking points:
   * every tick on the same paper re-marks the one step (quality 4 all points, 3 half or
   * more, 1 fewer). */
  function fromMockMark(quiz, state, item) {
    var E = H.engine;
    var response = state.responses[item.id];
    if (!state.submitted || !E.answered(item, response)) return true;
    var result = E.score(item, response);
    if (!result.self) return true;
    var mark = result.max ? result.score / result.max : 0;
    return gradeItem(itemKey(quiz.spec, item.unit, item.id), item.outcome, quality(result), mark, quiz.id + "\n" + state.started);
  }

  // Schedule one flashcard.
  function gradeCard(slug, knew) {
    var s = load().value;
    s.cards[slug] = step(s.cards[slug] || null, knew ? 5 : 1, today(), new Date(now()).toISOString());
    return save(s);
  }

  /* Keys of the items due on a day, optionally only those of one practice quiz.
   * Returns oldest due first */
  function dueKeys(items, day, quizId) {
    return Object.keys(items).filter(function (k) {
      return isDue(items[k], day) && (!quizId || k.slice(0, quizId.length + 1) === quizId + "|");
    }).sort(function (a, b) { return items[a].due < items[b].due ? -1 : items[a].due > items[b].due ? 1 : a < b ? -1 : 1; });
  }

  H.review = {
    KEY: KEY, SESSION: SESSION, now: now, today: today, addDays: addDays, quality: quality, step: step, isDue: isDue,
    readCard: readCard, readSchedule: readSchedule, fromBoxes: fromBoxes, merge: merge, strength: strength,
    load: load, save: save, itemKey: itemKey, gradeItem: gradeItem, fromPractice: fromPractice,
    fromMock: fromMock, fromMockMark: fromMockMark, gradeCard: gradeCard, dueKeys: dueKeys
  };
})();
