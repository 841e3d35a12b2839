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
 * The schedule, its key and how it is read back are review-store.js's; this file adds the
 * writes to CSHub.review.  Pure functions first; the storage wrappers at the end.  Needs
 * review-store.js; quiz-engine.js for fromMock.
 */
(function () {
  "use strict";

  var H = window.CSHub, S = H.review;
  var KEY = S.KEY, START_EF = S.START_EF, MIN_EF = S.MIN_EF, MAX_INTERVAL = S.MAX_INTERVAL, HISTORY = S.HISTORY;
  var now = S.now, today = S.today, load = S.load;

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

  S.addDays = addDays;
  S.quality = quality;
  S.step = step;
  S.merge = merge;
  S.save = save;
  S.itemKey = itemKey;
  S.gradeItem = gradeItem;
  S.fromPractice = fromPractice;
  S.fromMock = fromMock;
  S.fromMockMark = fromMockMark;
  S.gradeCard = gradeCard;
})();
