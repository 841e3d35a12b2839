/* Customer Service Study Hub quiz engine: the pure part.
 *
 * Seeded drawing, blueprint allocation, scoring and the repair of stored records.  No
 * DOM and no storage access here, so that tests can check it in a real browser
 * (window.CSHQuiz, kept for them) and the results match generator/quizzes.py.  Needs
 * core.js; the question types (quiz-types-*.js) register themselves into
 * CSHub.types, and score() looks them up when it is called, not when this loads.
 */
(function () {
  "use strict";

  var H = window.CSHub;

  // The payload the build embeds; its Python model is in generator/payloads/.

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
   * One question as the build embeds it (generator/quiz_render.py item_payload).
   * Only the fields of its type are present.
   * @typedef {Object} Item
   * @property {string} id
   * @property {string} unit
   * @property {string} outcome
   * @property {string} type "single" | "multiple" | "true-false" | "short" | "matching" | "ordering" | "extended"
   * @property {number} marks
   * @property {string} stem HTML rendered at build time
   * @property {string} [explanation] HTML; on a mock page, only once assets/mock/<quiz id>.js has loaded
   * @property {Array<{unit: string, anchor: string, label: string}>} links
   * @property {string|null} [demand] "knowledge" | "understanding"
   * @property {string|null} [command_word]
   * @property {Array<{html: string, correct: boolean, feedback?: string}>} [options] feedback: as explanation
   * @property {boolean} [answer]
   * @property {string[]} [accept]
   * @property {boolean} [case_sensitive]
   * @property {Array<{prompt: string, answer: string}>} [pairs]
   * @property {string[]} [choices]
   * @property {string[]} [sequence]
   * @property {string} [model_answer]
   * @property {string[]} [marking_points]
   */

  /**
   * How one item's options are shown in one attempt: indices into the item's lists.
   * @typedef {{options?: number[], choices?: number[], sequence?: number[]}} Order
   */

  /**
   * @typedef {Object} MarkResult
   * @property {number} score
   * @property {number} max
   * @property {boolean} self whether the learner marks it against marking points
   * @property {boolean} correct
   */

  /**
   * One entry of the question-type registry (see quiz-types-*.js).
   * @typedef {Object} QuestionType
   * @property {function(Item, any): number} mark marks earned by a (clean) response
   * @property {function(Item, any): boolean} answered whether the learner has answered
   * @property {function(Item, any): {value: Object, damaged: boolean}} read a clean response from stored data
   * @property {function(Item, Order, Object, function(): void, boolean): HTMLElement} render the answer controls
   * @property {function(Item): string} answerHtml the correct answer, for feedback
   * @property {function(HTMLElement, Item, Object, Object): void} [review] extra feedback after marking
   * @property {boolean} [selfMarked]
   */

  var types = H.types = H.types || {};

  /* Add a question type to the registry.
   * name: the item's `type` */
  function register(name, entry) { types[name] = entry; }

  // The seeded generator and shuffle are core.js's (flashcards use them too).
  var rng = H.rng, shuffle = H.shuffle;

  /* Largest-remainder allocation of `total` in proportion to `weights`.  Whole-number
   * arithmetic and ties to the earlier outcome, like generator/quizzes.py, so both
   * give the same counts. */
  function allocate(weights, total) {
    var sum = weights.reduce(function (a, b) { return a + b; }, 0);
    var counts = weights.map(function (w) { return Math.floor(w * total / sum); });
    var rem = weights.map(function (w) { return (w * total) % sum; });
    var left = total - counts.reduce(function (a, b) { return a + b; }, 0);
    var order = weights.map(function (w, i) { return i; }).sort(function (i, j) {
      return rem[j] - rem[i] || i - j;
    });
    for (var k = 0; k < left; k++) counts[order[k]] += 1;
    return counts;
  }

  /* The blueprint for one attempt: per outcome, how many questions (or marks).
   * length: a chosen test length, when the test offers several */
  function blueprint(quiz, length) {
    var t = quiz.test;
    var parts = quiz.outcomes.map(function (o) {
      return { unit: o.unit, id: o.id, questions: o.questions, marks: o.marks, glh: o.glh };
    });
    if (t.weighting === "glh" && length && length !== t.questions) {
      var counts = allocate(parts.map(function (p) { return p.glh || 0; }), length);
      parts.forEach(function (p, i) { p.questions = counts[i]; });
    }
    return parts;
  }

  /* A subset of items whose marks add up to exactly `target`, preferring items in the
   * (already shuffled) order given.
   * Returns null if no subset fits */
  function pickMarks(items, target) {
    var n = items.length;
    // can[i][s]: marks s can be made from items i..n-1
    var can = [];
    for (var i = 0; i <= n; i++) can.push(new Uint8Array(target + 1));
    can[n][0] = 1;
    for (i = n - 1; i >= 0; i--) {
      var m = items[i].marks;
      for (var s = 0; s <= target; s++) {
        can[i][s] = can[i + 1][s] || (s >= m && can[i + 1][s - m]) ? 1 : 0;
      }
    }
    if (!can[0][target]) return null;
    var chosen = [];
    var left = target;
    for (i = 0; i < n && left > 0; i++) {
      m = items[i].marks;
      if (m <= left && can[i + 1][left - m]) { chosen.push(items[i]); left -= m; }
    }
    return chosen;
  }

  /* Draw a paper: for each outcome, its share of questions (split by demand when the
   * test asks for it) or marks, from that outcome's items, never the same item twice.
   * seed: the paper number
   * Returns item ids */
  function draw(quiz, seed, length) {
    var random = rng(seed);
    var parts = blueprint(quiz, length);
    var used = {};
    var paper = [];
    parts.forEach(function (part) {
      var pool = shuffle(quiz.items.filter(function (it) {
        return it.unit === part.unit && it.outcome === part.id && !used[it.id];
      }), random);
      var chosen;
      if (part.marks != null && part.questions == null) {
        chosen = pickMarks(pool, part.marks);
        if (!chosen) throw new Error("not enough items for outcome " + part.id);
      } else {
        var pct = quiz.test.understanding_percent;
        if (pct != null) {
          var wantU = Math.round(part.questions * pct / 100);
          var u = pool.filter(function (it) { return it.demand === "understanding"; });
          var k = pool.filter(function (it) { return it.demand !== "understanding"; });
          chosen = u.slice(0, wantU).concat(k.slice(0, part.questions - Math.min(wantU, u.length)));
          if (chosen.length < part.questions) {
            var rest = pool.filter(function (it) { return chosen.indexOf(it) < 0; });
            chosen = chosen.concat(rest.slice(0, part.questions - chosen.length));
          }
        } else {
          chosen = pool.slice(0, part.questions);
        }
        if (chosen.length < part.questions) throw new Error("not enough items for outcome " + part.id);
      }
      chosen.forEach(function (it) { used[it.id] = true; paper.push(it.id); });
    });
    return paper;
  }

  // How options are shown for one item in one attempt.
  function arrange(item, random) {
    var order = {};
    if (item.options) order.options = shuffle(item.options.map(function (o, i) { return i; }), random);
    if (item.choices) order.choices = shuffle(item.choices.map(function (c, i) { return i; }), random);
    if (item.sequence) {
      var idx = item.sequence.map(function (s, i) { return i; });
      var start = shuffle(idx, random);
      var tries = 0;
      while (start.every(function (v, i) { return v === i; }) && tries++ < 10) start = shuffle(idx, random);
      order.sequence = start;
    }
    return order;
  }

  // The option orders of a whole mock paper; the same seed and paper give the same orders.
  function arrangePaper(quiz, seed, paper) {
    var byId = index(quiz);
    var random = rng(seed ^ 0x5bd1e995);
    var orders = {};
    paper.forEach(function (id) { orders[id] = arrange(byId[id], random); });
    return orders;
  }

  // Whether `list` is a rearrangement of 0..n-1.
  function isPermutation(list, n) {
    if (!Array.isArray(list) || list.length !== n) return false;
    var seen = {};
    return list.every(function (v) {
      if (typeof v !== "number" || v % 1 !== 0 || v < 0 || v >= n || seen[v]) return false;
      seen[v] = true;
      return true;
    });
  }

  // Whether a stored order fits the item it is for.
  function validOrder(item, order) {
    if (!order || typeof order !== "object" || Array.isArray(order)) return false;
    return (!item.options || isPermutation(order.options, item.options.length)) &&
      (!item.choices || isPermutation(order.choices, item.choices.length)) &&
      (!item.sequence || isPermutation(order.sequence, item.sequence.length));
  }

  /* Text as compared for short answers: curly quotes straightened, spaces collapsed,
   * trailing punctuation dropped. */
  function normalise(text, caseSensitive) {
    var t = String(text == null ? "" : text).replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
    t = t.replace(/\s+/g, " ").trim().replace(/[.!?;:,]+$/, "").trim();
    return caseSensitive ? t : t.toLowerCase();
  }

  // Mark one response with its type's rules (documented on the Content format page).
  function score(item, response) {
    var max = item.marks;
    var type = types[item.type];
    var got = type ? type.mark(item, response || {}) : 0;
    var self = !!(type && type.selfMarked);
    return { score: got, max: max, self: self, correct: got === max };
  }

  function answered(item, response) {
    var type = types[item.type];
    return !!(response && type && type.answered(item, response));
  }

  // Returns whole per cent, 0 when there is nothing to score
  var percent = H.percent;  // core.js

  /**
   * @typedef {Object} OutcomeRow
   * @property {string} unit
   * @property {string} id
   * @property {string} label
   * @property {string} anchor
   * @property {number} score
   * @property {number} max
   * @property {number} auto
   * @property {number} autoMax
   * @property {number} self
   * @property {number} selfMax
   */

  /* Results per outcome (only outcomes with marks) and in total.
   * Returns {{rows: OutcomeRow[], total: {score: number, max: number, auto: number, autoMax: number, self: number, selfMax: number}}} */
  function summarise(quiz, marked) {
    var rows = quiz.outcomes.map(function (o) {
      return { unit: o.unit, id: o.id, label: o.label, anchor: o.anchor, score: 0, max: 0, auto: 0, autoMax: 0, self: 0, selfMax: 0 };
    });
    var find = function (item) {
      for (var i = 0; i < rows.length; i++) if (rows[i].id === item.outcome && rows[i].unit === item.unit) return rows[i];
      return null;
    };
    var total = { score: 0, max: 0, auto: 0, autoMax: 0, self: 0, selfMax: 0 };
    marked.forEach(function (m) {
      var row = find(m.item);
      if (!row) return;
      [row, total].forEach(function (t) {
        t.score += m.result.score; t.max += m.result.max;
        if (m.result.self) { t.self += m.result.score; t.selfMax += m.result.max; }
        else { t.auto += m.result.score; t.autoMax += m.result.max; }
      });
    });
    return { rows: rows.filter(function (r) { return r.max > 0; }), total: total };
  }

  function index(quiz) {
    var byId = {};
    quiz.items.forEach(function (it) { byId[it.id] = it; });
    return byId;
  }

  H.engine = {
    register: register, rng: rng, shuffle: shuffle, allocate: allocate, blueprint: blueprint,
    pickMarks: pickMarks, draw: draw, arrange: arrange, arrangePaper: arrangePaper,
    isPermutation: isPermutation, validOrder: validOrder, normalise: normalise, score: score,
    answered: answered, percent: percent, summarise: summarise, index: index
  };
})();
