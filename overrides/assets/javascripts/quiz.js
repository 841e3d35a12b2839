/* Customer Service Study Hub quiz engine.
 *
 * Plain JavaScript, no framework, no build step.  It finds every element with
 * [data-quiz] on a page and runs it in practice mode (unit pages: one question at a
 * time, instant feedback, wrong answers come back later) or mock mode (test pages: a
 * seeded draw to the test specification, a pausable countdown with extra time, a
 * question navigator with flags, resume after reload, results per outcome and a full
 * review).  Attempts are saved in localStorage under "cs-hub:v1:" keys; nothing ever
 * leaves the device.
 *
 * The pure functions (random numbers, drawing, allocation, scoring) are exposed as
 * window.CSHQuiz so that tests can check them in a real browser.
 */
(function () {
  "use strict";

  var PREFIX = "cs-hub:v1:";
  var ATTEMPTS_KEY = PREFIX + "attempts";

  /* ------------------------------------------------------------------ storage */

  // Storage that survives corrupt or old data: a value that does not parse, or has the
  // wrong shape, is moved aside (not deleted) and treated as empty, and no other key is
  // touched.
  var store = {
    get: function (key, check) {
      var raw;
      try { raw = window.localStorage.getItem(key); } catch (e) { return null; }
      if (raw === null) return null;
      try {
        var value = JSON.parse(raw);
        if (check && !check(value)) throw new Error("unexpected shape");
        return value;
      } catch (e) {
        try { window.localStorage.setItem(PREFIX + "corrupt:" + key.slice(PREFIX.length), raw); } catch (e2) { /* full */ }
        try { window.localStorage.removeItem(key); } catch (e3) { /* ignore */ }
        return null;
      }
    },
    set: function (key, value) {
      try { window.localStorage.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
    },
    remove: function (key) {
      try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
    }
  };

  function isAttemptList(value) {
    return Array.isArray(value);
  }

  function validAttempt(a) {
    return a && typeof a === "object" && typeof a.quiz === "string" && typeof a.date === "string" &&
      typeof a.score === "number" && typeof a.max === "number" && Array.isArray(a.outcomes);
  }

  function loadAttempts() {
    var list = store.get(ATTEMPTS_KEY, isAttemptList) || [];
    return list.filter(validAttempt);
  }

  function saveAttempt(attempt) {
    var list = loadAttempts();
    list.push(attempt);
    store.set(ATTEMPTS_KEY, list);
  }

  /* ------------------------------------------------------------ pure functions */

  // mulberry32: a small seeded generator, so the same paper number gives the same paper.
  function rng(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function shuffle(list, random) {
    var out = list.slice();
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var tmp = out[i]; out[i] = out[j]; out[j] = tmp;
    }
    return out;
  }

  // Largest-remainder allocation of `total` questions in proportion to `weights`; ties
  // go to the earlier outcome, so the result is the same every time (and matches Python).
  function allocate(weights, total) {
    // Whole-number arithmetic (like generator/quizzes.py) so ties break the same way.
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

  // The blueprint for one attempt: per outcome, how many questions (or marks).
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

  // Pick a subset of items whose marks add up to exactly `target`, preferring items in
  // the (already shuffled) order given.  Returns null if no subset fits.
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

  // Draw a paper: for each outcome, its share of questions (split by demand when the
  // test asks for it) or marks, from that outcome's items, never the same item twice.
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

  // How options are shown for one item in one attempt (indices into the original lists).
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

  function normalise(text, caseSensitive) {
    var t = String(text == null ? "" : text).replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"');
    t = t.replace(/\s+/g, " ").trim().replace(/[.!?;:,]+$/, "").trim();
    return caseSensitive ? t : t.toLowerCase();
  }

  // Scoring rules (documented on the Content format page):
  // single / true-false / short / ordering: all or nothing.
  // multiple: 1 mark items are all or nothing; multi-mark items score one mark per
  //   correct choice, less one per wrong choice, never below 0.
  // matching: 1 mark items are all or nothing; multi-mark items score in proportion to
  //   the rows matched, rounded down.
  // extended: the learner's own ticks against the marking points (self-assessed).
  function score(item, response) {
    var max = item.marks;
    var r = response || {};
    var got = 0;
    switch (item.type) {
      case "single":
        got = (r.choice != null && item.options[r.choice] && item.options[r.choice].correct) ? max : 0;
        break;
      case "true-false":
        got = (r.value === true || r.value === false) && r.value === item.answer ? max : 0;
        break;
      case "multiple": {
        var chosen = r.choices || [];
        var right = 0, wrong = 0, need = 0;
        item.options.forEach(function (o, i) {
          if (o.correct) need++;
          if (chosen.indexOf(i) >= 0) { if (o.correct) right++; else wrong++; }
        });
        if (max === 1) got = (right === need && wrong === 0) ? 1 : 0;
        else got = Math.max(0, Math.min(max, right - wrong));
        break;
      }
      case "short": {
        var answer = normalise(r.text, item.case_sensitive);
        got = answer && item.accept.some(function (a) { return normalise(a, item.case_sensitive) === answer; }) ? max : 0;
        break;
      }
      case "matching": {
        var rows = item.pairs.length;
        var ok = item.pairs.filter(function (p, i) { return r.matches && r.matches[i] === p.answer; }).length;
        got = max === 1 ? (ok === rows ? 1 : 0) : Math.floor(max * ok / rows);
        break;
      }
      case "ordering": {
        var seq = r.order || [];
        got = seq.length === item.sequence.length && seq.every(function (v, i) { return v === i; }) ? max : 0;
        break;
      }
      case "extended":
        got = Math.min(max, (r.ticks || []).length);
        return { score: got, max: max, self: true, correct: got === max };
    }
    return { score: got, max: max, self: false, correct: got === max };
  }

  function answered(item, r) {
    if (!r) return false;
    switch (item.type) {
      case "single": return r.choice != null;
      case "true-false": return r.value === true || r.value === false;
      case "multiple": return (r.choices || []).length > 0;
      case "short": return normalise(r.text) !== "";
      case "matching": return (r.matches || []).some(function (m) { return m; });
      case "ordering": return !!r.moved;
      case "extended": return (r.text || "").trim() !== "";
    }
    return false;
  }

  /* ------------------------------------------------------------------ DOM kit */

  var uid = 0;
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v == null || v === false) return;
        if (k === "text") node.textContent = v;
        else if (k === "html") node.innerHTML = v;
        else if (k === "on") Object.keys(v).forEach(function (ev) { node.addEventListener(ev, v[ev]); });
        else if (k === "class") node.className = v;
        else node.setAttribute(k, v === true ? "" : v);
      });
    }
    (children || []).forEach(function (c) {
      if (c == null) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function nextId(base) { uid += 1; return "csh-" + base + "-" + uid; }

  function button(label, onClick, attrs) {
    var a = attrs || {};
    a.type = "button";
    a.on = { click: onClick };
    a.text = label;
    return el("button", a);
  }

  function announce(root, message) {
    var live = root.querySelector(".csh-live");
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 30);
  }

  function focusOn(node) {
    if (!node) return;
    if (!node.hasAttribute("tabindex")) node.setAttribute("tabindex", "-1");
    node.focus({ preventScroll: false });
  }

  // Links resolved by MkDocs for this build, read from the page's hidden link map.
  function linkFor(root, unit, anchor) {
    var scope = root.closest("article") || document;
    var a = scope.querySelector('.csh-linkmap a[data-csh-unit="' + unit + '"]');
    var base = a ? a.getAttribute("href") : "";
    base = base.split("#")[0];
    return base + "#" + anchor;
  }

  function pageLink(root, attr) {
    var scope = root.closest("article") || document;
    var a = scope.querySelector(".csh-linkmap a[" + attr + "]");
    return a ? a.getAttribute("href") : null;
  }

  function percent(s, m) { return m ? Math.round(100 * s / m) : 0; }

  /* ----------------------------------------------------- rendering one question */

  // Builds the answer controls for one item.  `state` holds the response object, which
  // the controls update in place; `onChange` is called after every change.
  function renderControls(item, order, state, onChange, locked) {
    var box = el("div", { class: "csh-controls" });
    var name = nextId("q");
    var r = state;
    if (item.type === "single" || item.type === "multiple" || item.type === "true-false") {
      var fieldset = el("fieldset", { class: "csh-options" });
      fieldset.appendChild(el("legend", { class: "csh-sr", text: item.type === "multiple" ? "Choose all that apply" : "Choose one answer" }));
      var choices = item.type === "true-false" ? [{ html: "True", value: true }, { html: "False", value: false }]
        : order.options.map(function (i) { return { html: item.options[i].html, index: i }; });
      choices.forEach(function (c) {
        var id = nextId("opt");
        var input = el("input", {
          type: item.type === "multiple" ? "checkbox" : "radio", name: name, id: id,
          disabled: locked || null
        });
        if (item.type === "true-false") input.checked = r.value === c.value;
        else if (item.type === "single") input.checked = r.choice === c.index;
        else input.checked = (r.choices || []).indexOf(c.index) >= 0;
        input.addEventListener("change", function () {
          if (item.type === "true-false") r.value = c.value;
          else if (item.type === "single") r.choice = c.index;
          else {
            var set = (r.choices || []).filter(function (x) { return x !== c.index; });
            if (input.checked) set.push(c.index);
            r.choices = set.sort(function (a, b) { return a - b; });
          }
          onChange();
        });
        var label = el("label", { for: id, class: "csh-option" });
        label.appendChild(input);
        label.appendChild(el("span", { html: c.html }));
        if (c.index != null) label.setAttribute("data-option-index", String(c.index));
        if (c.value != null) label.setAttribute("data-option-value", String(c.value));
        fieldset.appendChild(label);
      });
      box.appendChild(fieldset);
    } else if (item.type === "short") {
      var sid = nextId("short");
      box.appendChild(el("label", { for: sid, text: "Your answer" }));
      var input = el("input", { type: "text", id: sid, class: "csh-short", autocomplete: "off", disabled: locked || null });
      input.value = r.text || "";
      input.addEventListener("input", function () { r.text = input.value; onChange(); });
      box.appendChild(input);
    } else if (item.type === "matching") {
      var table = el("table", { class: "csh-matching" });
      table.appendChild(el("thead", null, [el("tr", null, [el("th", { scope: "col", text: "Item" }), el("th", { scope: "col", text: "Matches" })])]));
      var body = el("tbody");
      r.matches = r.matches || item.pairs.map(function () { return ""; });
      item.pairs.forEach(function (p, row) {
        var selId = nextId("match");
        var promptId = nextId("prompt");
        var select = el("select", { id: selId, "aria-labelledby": promptId, disabled: locked || null });
        select.appendChild(el("option", { value: "", text: "Choose…" }));
        order.choices.forEach(function (ci) {
          var opt = el("option", { value: item.choices[ci], text: item.choices[ci] });
          if (r.matches[row] === item.choices[ci]) opt.selected = true;
          select.appendChild(opt);
        });
        select.addEventListener("change", function () { r.matches[row] = select.value; onChange(); });
        body.appendChild(el("tr", null, [
          el("th", { scope: "row", id: promptId, html: p.prompt }),
          el("td", null, [select])
        ]));
      });
      table.appendChild(body);
      box.appendChild(table);
    } else if (item.type === "ordering") {
      r.order = r.order || order.sequence.slice();
      var list = el("ol", { class: "csh-ordering" });
      var draw = function (focusIndex, focusWhich) {
        list.innerHTML = "";
        r.order.forEach(function (stepIndex, pos) {
          var text = item.sequence[stepIndex];
          var up = button("Move up", function () { move(pos, -1); }, {
            class: "csh-move", disabled: locked || pos === 0 || null, "aria-label": "Move up: " + text
          });
          var down = button("Move down", function () { move(pos, 1); }, {
            class: "csh-move", disabled: locked || pos === r.order.length - 1 || null, "aria-label": "Move down: " + text
          });
          var li = el("li", { "data-step": String(stepIndex) }, [el("span", { class: "csh-step", text: text }), up, down]);
          list.appendChild(li);
          if (focusIndex === pos) (focusWhich === "up" && !up.disabled ? up : (!down.disabled ? down : up)).focus();
        });
      };
      var move = function (pos, delta) {
        var to = pos + delta;
        if (to < 0 || to >= r.order.length) return;
        var tmp = r.order[pos]; r.order[pos] = r.order[to]; r.order[to] = tmp;
        r.moved = true;
        draw(to, delta < 0 ? "up" : "down");
        announce(box.closest(".csh-quiz") || box, "Moved to position " + (to + 1) + " of " + r.order.length);
        onChange();
      };
      draw();
      box.appendChild(list);
      box.appendChild(el("p", { class: "csh-hint", text: "Use the Move up and Move down buttons to put the steps in order." }));
    } else if (item.type === "extended") {
      var tid = nextId("ext");
      box.appendChild(el("label", { for: tid, text: "Write your answer (" + item.marks + " marks)" }));
      var area = el("textarea", { id: tid, rows: "6", class: "csh-extended", disabled: locked || null });
      area.value = r.text || "";
      area.addEventListener("input", function () { r.text = area.value; onChange(); });
      box.appendChild(area);
    }
    return box;
  }

  function correctAnswerHtml(item, order) {
    switch (item.type) {
      case "single":
      case "multiple":
        return item.options.filter(function (o) { return o.correct; }).map(function (o) { return o.html; }).join("; ");
      case "true-false": return item.answer ? "True" : "False";
      case "short": return escapeHtml(item.accept[0]);
      case "matching": return item.pairs.map(function (p) { return p.prompt + " → " + escapeHtml(p.answer); }).join("; ");
      case "ordering": return item.sequence.map(function (s, i) { return (i + 1) + ". " + escapeHtml(s); }).join(" ");
      case "extended": return item.model_answer;
    }
    return "";
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  // Feedback after marking: right or wrong, per-option feedback, the explanation and
  // links to the criteria it tests.
  function renderFeedback(root, item, response, result, opts) {
    var box = el("div", { class: "csh-feedback " + (result.self ? "csh-feedback--self" : result.correct ? "csh-feedback--right" : "csh-feedback--wrong") });
    var head;
    if (result.self) {
      head = el("p", { class: "csh-verdict", text: "Compare your answer with the model answer, then tick each point you made." });
    } else {
      head = el("p", { class: "csh-verdict", text: (result.correct ? "Correct. " : (result.score > 0 ? "Partly right. " : "Not quite. ")) + result.score + " of " + result.max + " mark" + (result.max === 1 ? "" : "s") + "." });
    }
    box.appendChild(head);
    if (!result.correct && !result.self) {
      box.appendChild(el("p", { class: "csh-answer", html: "<strong>Answer:</strong> " + correctAnswerHtml(item) }));
    }
    if ((item.type === "single" || item.type === "multiple") && item.options) {
      var picked = item.type === "single" ? (response.choice != null ? [response.choice] : []) : (response.choices || []);
      picked.forEach(function (i) {
        var o = item.options[i];
        if (o && o.feedback) box.appendChild(el("p", { class: "csh-option-feedback", html: "<strong>Your choice:</strong> " + o.feedback }));
      });
    }
    if (item.type === "extended") {
      box.appendChild(el("div", { class: "csh-model", html: "<strong>Model answer:</strong> " + item.model_answer }));
      var fs = el("fieldset", { class: "csh-points" });
      fs.appendChild(el("legend", { text: "Tick the points your answer made (one mark each)" }));
      response.ticks = response.ticks || [];
      item.marking_points.forEach(function (p, i) {
        var id = nextId("pt");
        var cb = el("input", { type: "checkbox", id: id, "data-point": String(i), disabled: opts.lockTicks || null });
        cb.checked = response.ticks.indexOf(i) >= 0;
        cb.addEventListener("change", function () {
          response.ticks = response.ticks.filter(function (x) { return x !== i; });
          if (cb.checked) response.ticks.push(i);
          if (opts.onTick) opts.onTick();
        });
        var label = el("label", { for: id, class: "csh-option" });
        label.appendChild(cb);
        label.appendChild(el("span", { html: p }));
        fs.appendChild(label);
      });
      box.appendChild(fs);
    }
    box.appendChild(el("div", { class: "csh-explanation", html: "<strong>Why:</strong> " + item.explanation }));
    if (item.links && item.links.length) {
      var p = el("p", { class: "csh-links" }, ["Revise: "]);
      item.links.forEach(function (l, i) {
        if (i) p.appendChild(document.createTextNode(", "));
        p.appendChild(el("a", { href: linkFor(root, l.unit, l.anchor), text: (item.unit && opts.showUnit ? "unit " + l.unit + " " : "") + l.label }));
      });
      box.appendChild(p);
    }
    return box;
  }

  function questionBlock(item, index, total) {
    var block = el("section", {
      class: "csh-question", "data-item-id": item.id, "data-outcome": item.outcome, "data-unit": item.unit,
      "aria-labelledby": "h-" + item.id.replace(/[^A-Za-z0-9_-]/g, "-") + "-" + index
    });
    var h = el("h3", { id: "h-" + item.id.replace(/[^A-Za-z0-9_-]/g, "-") + "-" + index, class: "csh-qhead", tabindex: "-1" },
      ["Question " + (index + 1) + (total ? " of " + total : "")]);
    if (item.marks > 1) h.appendChild(el("span", { class: "csh-marks", text: " (" + item.marks + " marks)" }));
    block.appendChild(h);
    block.appendChild(el("div", { class: "csh-stem", html: item.stem }));
    return block;
  }

  /* ------------------------------------------------------------ practice mode */

  function Practice(root, quiz) {
    this.root = root;
    this.quiz = quiz;
    this.byId = {};
    var self = this;
    quiz.items.forEach(function (it) { self.byId[it.id] = it; });
    this.start();
  }

  Practice.prototype.start = function () {
    var self = this;
    var root = this.root;
    root.innerHTML = "";
    root.appendChild(el("div", { class: "csh-live csh-sr", "aria-live": "polite" }));
    var intro = el("div", { class: "csh-start" });
    var selId = nextId("outcome");
    var select = el("select", { id: selId });
    select.appendChild(el("option", { value: "", text: "All outcomes (" + this.quiz.items.length + " questions)" }));
    this.quiz.outcomes.forEach(function (o) {
      var n = self.quiz.items.filter(function (it) { return it.outcome === o.id; }).length;
      select.appendChild(el("option", { value: o.id, text: o.label + " (" + n + ")" }));
    });
    intro.appendChild(el("label", { for: selId, text: "Practise" }));
    intro.appendChild(select);
    intro.appendChild(button("Start practice", function () { self.begin(select.value); }, { class: "md-button md-button--primary csh-begin" }));
    root.appendChild(intro);
  };

  Practice.prototype.begin = function (outcome) {
    var seed = (Date.now() ^ Math.floor(Math.random() * 1e9)) >>> 0;
    var random = rng(seed);
    var items = this.quiz.items.filter(function (it) { return !outcome || it.outcome === outcome; });
    this.queue = shuffle(items, random).map(function (it) { return it.id; });
    this.random = random;
    this.outcome = outcome;
    this.results = {};   // item id -> first-try result
    this.position = 0;
    this.asked = 0;
    this.show();
  };

  Practice.prototype.show = function () {
    var self = this;
    var root = this.root;
    var live = root.querySelector(".csh-live");
    root.innerHTML = "";
    root.appendChild(live);
    if (this.position >= this.queue.length) { this.finish(); return; }
    var item = this.byId[this.queue[this.position]];
    var order = arrange(item, this.random);
    var response = {};
    var remaining = this.queue.length - this.position;
    var block = questionBlock(item, this.asked, null);
    block.querySelector(".csh-qhead").appendChild(el("span", { class: "csh-remaining", text: " · " + remaining + " left in this session" }));
    var controls = renderControls(item, order, response, function () {}, false);
    block.appendChild(controls);
    var actions = el("div", { class: "csh-actions" });
    var check = button("Check answer", function () {
      if (!answered(item, response)) {
        announce(root, "Answer the question first.");
        var msg = block.querySelector(".csh-nudge") || el("p", { class: "csh-nudge", role: "alert" });
        msg.textContent = "Answer the question first, then select Check answer.";
        block.insertBefore(msg, actions);
        return;
      }
      var result = score(item, response);
      var first = !self.results[item.id];
      if (first) self.results[item.id] = result;
      controls.querySelectorAll("input, select, textarea, button").forEach(function (c) { c.disabled = true; });
      var feedback = renderFeedback(root, item, response, result, {
        onTick: function () { if (first) self.results[item.id] = score(item, response); }
      });
      feedback.setAttribute("tabindex", "-1");
      block.insertBefore(feedback, actions);
      actions.innerHTML = "";
      var wrong = !result.self && !result.correct;
      if (wrong) {
        // Wrong answers come back later in the session, three questions on.
        var back = Math.min(self.queue.length, self.position + 4);
        self.queue.splice(back, 0, item.id);
        actions.appendChild(button("Try again now", function () { self.show(); }, { class: "md-button" }));
      }
      actions.appendChild(button(self.position + 1 >= self.queue.length ? "See results" : "Next question", function () {
        self.position += 1; self.asked += 1; self.show();
      }, { class: "md-button md-button--primary csh-next" }));
      focusOn(feedback);
      announce(root, feedback.querySelector(".csh-verdict").textContent);
    }, { class: "md-button md-button--primary csh-check" });
    actions.appendChild(check);
    actions.appendChild(button("End session", function () { self.finish(); }, { class: "md-button csh-end" }));
    block.appendChild(actions);
    root.appendChild(block);
    if (this.asked > 0) focusOn(block.querySelector(".csh-qhead"));
  };

  Practice.prototype.finish = function () {
    var self = this;
    var root = this.root;
    var live = root.querySelector(".csh-live");
    root.innerHTML = "";
    root.appendChild(live);
    var ids = Object.keys(this.results);
    var summary = summarise(this.quiz, ids.map(function (id) { return { item: self.byId[id], result: self.results[id] }; }));
    var box = el("div", { class: "csh-results" });
    var h = el("h3", { text: "Practice results", tabindex: "-1" });
    box.appendChild(h);
    if (!ids.length) box.appendChild(el("p", { text: "You did not answer any questions this time." }));
    else box.appendChild(resultsTable(root, this.quiz, summary, "First-try score"));
    box.appendChild(button("Practise again", function () { self.start(); }, { class: "md-button md-button--primary" }));
    root.appendChild(box);
    focusOn(h);
    if (ids.length) {
      saveAttempt(attemptRecord(this.quiz, summary, { outcome: this.outcome || null }));
    }
  };

  /* --------------------------------------------------------------- mock mode */

  function attemptKey(quiz) { return PREFIX + "mock:" + quiz.id; }

  function validState(s) {
    return s && typeof s === "object" && s.v === 1 && Array.isArray(s.paper) && typeof s.remainingMs === "number" &&
      s.responses && typeof s.responses === "object";
  }

  function Mock(root, quiz) {
    this.root = root;
    this.quiz = quiz;
    this.byId = {};
    var self = this;
    quiz.items.forEach(function (it) { self.byId[it.id] = it; });
    var saved = store.get(attemptKey(quiz), validState);
    if (saved && saved.paper.every(function (id) { return self.byId[id]; })) {
      this.state = saved;
      if (saved.submitted) this.results(); else this.run(true);
    } else {
      if (saved) store.remove(attemptKey(quiz));
      this.startScreen();
    }
  }

  Mock.prototype.save = function () { store.set(attemptKey(this.quiz), this.state); };

  Mock.prototype.startScreen = function () {
    var self = this;
    var quiz = this.quiz;
    var t = quiz.test;
    var root = this.root;
    root.innerHTML = "";
    root.appendChild(el("div", { class: "csh-live csh-sr", "aria-live": "polite" }));
    var box = el("div", { class: "csh-start" });
    box.appendChild(el("h2", { text: "Before you start" }));
    var selfMarked = quiz.items.some(function (it) { return it.type === "extended"; });
    var facts = el("ul");
    facts.appendChild(el("li", { text: "Time: " + t.duration_min + " minutes. You can pause the timer." }));
    facts.appendChild(el("li", { text: t.marks ? "Marks: " + t.marks + " in total." : "Questions: " + t.questions + "." }));
    facts.appendChild(el("li", { text: "Questions are drawn at random to the test specification, so each attempt is a different paper." }));
    facts.appendChild(el("li", { text: selfMarked ? "Short questions are marked automatically. Longer written answers are marked by you against marking points after you submit, and are shown apart from the automatic marks." : "Every question is marked automatically when you submit." }));
    facts.appendChild(el("li", { text: "Your answers are saved in this browser as you go, so you can carry on after a reload." }));
    box.appendChild(facts);
    var form = el("div", { class: "csh-settings" });
    var lengthSelect = null;
    if (t.length_options && t.length_options.length) {
      var lid = nextId("len");
      lengthSelect = el("select", { id: lid });
      t.length_options.forEach(function (n) {
        var o = el("option", { value: String(n), text: n + " questions" });
        if (n === t.questions) o.selected = true;
        lengthSelect.appendChild(o);
      });
      form.appendChild(el("label", { for: lid, text: "Test length" }));
      form.appendChild(lengthSelect);
    }
    var eid = nextId("extra");
    var extra = el("select", { id: eid });
    [["0", "No extra time"], ["25", "25% extra time"], ["50", "50% extra time"]].forEach(function (p) {
      extra.appendChild(el("option", { value: p[0], text: p[1] }));
    });
    form.appendChild(el("label", { for: eid, text: "Extra time (access arrangements)" }));
    form.appendChild(extra);
    var pid = nextId("paper");
    var paperInput = el("input", { id: pid, type: "text", inputmode: "numeric", autocomplete: "off", "aria-describedby": pid + "-hint" });
    form.appendChild(el("label", { for: pid, text: "Paper number (optional)" }));
    form.appendChild(paperInput);
    form.appendChild(el("p", { id: pid + "-hint", class: "csh-hint", text: "Leave blank for a new paper. Enter a paper number from a friend or tutor to sit the same questions." }));
    box.appendChild(form);
    box.appendChild(button("Start the test", function () {
      var seed = parseInt(paperInput.value, 10);
      if (!(seed > 0)) seed = 1 + Math.floor(Math.random() * 999999);
      var length = lengthSelect ? parseInt(lengthSelect.value, 10) : null;
      self.begin(seed, length, parseInt(extra.value, 10));
    }, { class: "md-button md-button--primary csh-begin" }));
    root.appendChild(box);
  };

  Mock.prototype.begin = function (seed, length, extraPct) {
    var quiz = this.quiz;
    var paper = draw(quiz, seed, length);
    var random = rng(seed ^ 0x5bd1e995);
    var orders = {};
    var self = this;
    paper.forEach(function (id) { orders[id] = arrange(self.byId[id], random); });
    var total = quiz.test.duration_min * 60000 * (1 + (extraPct || 0) / 100);
    this.state = {
      v: 1, seed: seed, length: length, extra: extraPct || 0, paper: paper, orders: orders,
      responses: {}, flags: {}, current: 0, remainingMs: total, totalMs: total, paused: false,
      started: new Date().toISOString(), submitted: false
    };
    this.save();
    this.run(false);
  };

  Mock.prototype.run = function (resumed) {
    var self = this;
    var root = this.root;
    var s = this.state;
    root.innerHTML = "";
    root.appendChild(el("div", { class: "csh-live csh-sr", "aria-live": "polite" }));
    var bar = el("div", { class: "csh-bar" });
    this.timerText = el("span", { class: "csh-timer", role: "timer", "aria-live": "off" });
    this.pauseButton = button("Pause", function () { self.togglePause(); }, { class: "md-button csh-pause", "aria-pressed": "false" });
    bar.appendChild(el("span", { class: "csh-paper", text: "Paper " + s.seed }));
    bar.appendChild(this.timerText);
    bar.appendChild(this.pauseButton);
    bar.appendChild(button("Finish and submit", function () { self.confirmSubmit(); }, { class: "md-button md-button--primary csh-submit" }));
    root.appendChild(bar);
    this.nav = el("nav", { class: "csh-navigator", "aria-label": "Questions" });
    root.appendChild(this.nav);
    this.stage = el("div", { class: "csh-stage" });
    root.appendChild(this.stage);
    this.pausedPanel = el("div", { class: "csh-paused", hidden: true }, [
      el("p", { text: "The test is paused. The questions are hidden and the timer has stopped." }),
      button("Resume", function () { self.togglePause(); }, { class: "md-button md-button--primary csh-resume" })
    ]);
    root.appendChild(this.pausedPanel);
    this.dialog = el("div", { class: "csh-confirm", role: "alertdialog", "aria-modal": "false", hidden: true });
    root.appendChild(this.dialog);
    this.blocks = s.paper.map(function (id, i) {
      var item = self.byId[id];
      var block = questionBlock(item, i, s.paper.length);
      s.responses[id] = s.responses[id] || {};
      block.appendChild(renderControls(item, s.orders[id] || {}, s.responses[id], function () { self.changed(); }, false));
      var flag = button(s.flags[id] ? "Unflag" : "Flag for review", function () {
        s.flags[id] = !s.flags[id];
        flag.textContent = s.flags[id] ? "Unflag" : "Flag for review";
        flag.setAttribute("aria-pressed", s.flags[id] ? "true" : "false");
        self.save(); self.drawNav();
      }, { class: "md-button csh-flag", "aria-pressed": s.flags[id] ? "true" : "false" });
      var prev = button("Previous", function () { self.go(i - 1, true); }, { class: "md-button csh-prev", disabled: i === 0 || null });
      var next = button("Next", function () { self.go(i + 1, true); }, { class: "md-button csh-next", disabled: i === s.paper.length - 1 || null });
      block.appendChild(el("div", { class: "csh-actions" }, [prev, flag, next]));
      block.hidden = true;
      self.stage.appendChild(block);
      return block;
    });
    this.drawNav();
    this.go(s.current || 0, false);
    if (s.paused) this.showPaused(true);
    this.tick();
    this.lastTick = Date.now();
    this.interval = window.setInterval(function () { self.tick(); }, 500);
    this.cleanup = function () { window.clearInterval(self.interval); };
    if (resumed) announce(root, "Welcome back. Your answers were kept.");
  };

  Mock.prototype.changed = function () { this.save(); this.drawNav(); };

  Mock.prototype.drawNav = function () {
    var self = this;
    var s = this.state;
    this.nav.innerHTML = "";
    var counts = { answered: 0, flagged: 0 };
    var list = el("ol", { class: "csh-nav-list" });
    s.paper.forEach(function (id, i) {
      var item = self.byId[id];
      var done = answered(item, s.responses[id]);
      var flagged = !!s.flags[id];
      if (done) counts.answered++;
      if (flagged) counts.flagged++;
      var state = (done ? "answered" : "unanswered") + (flagged ? ", flagged" : "");
      var b = button(String(i + 1), function () { self.go(i, true); }, {
        class: "csh-nav-btn" + (done ? " is-answered" : "") + (flagged ? " is-flagged" : "") + (i === s.current ? " is-current" : ""),
        "aria-label": "Question " + (i + 1) + ", " + state,
        "aria-current": i === s.current ? "step" : null,
        "data-state": done ? "answered" : "unanswered",
        "data-flagged": flagged ? "true" : "false"
      });
      list.appendChild(el("li", null, [b]));
    });
    this.nav.appendChild(el("p", { class: "csh-nav-summary", text: counts.answered + " of " + s.paper.length + " answered · " + counts.flagged + " flagged" }));
    this.nav.appendChild(list);
  };

  Mock.prototype.go = function (index, focus) {
    var s = this.state;
    if (index < 0 || index >= this.blocks.length) return;
    s.current = index;
    this.blocks.forEach(function (b, i) { b.hidden = i !== index; });
    this.save();
    this.drawNav();
    if (focus) focusOn(this.blocks[index].querySelector(".csh-qhead"));
  };

  Mock.prototype.togglePause = function () {
    var s = this.state;
    s.paused = !s.paused;
    this.save();
    this.showPaused(s.paused);
    announce(this.root, s.paused ? "Test paused." : "Test resumed.");
    if (!s.paused) focusOn(this.blocks[s.current].querySelector(".csh-qhead"));
    else focusOn(this.pausedPanel.querySelector("button"));
  };

  Mock.prototype.showPaused = function (paused) {
    this.pausedPanel.hidden = !paused;
    this.stage.hidden = paused;
    this.nav.hidden = paused;
    this.pauseButton.textContent = paused ? "Resume" : "Pause";
    this.pauseButton.setAttribute("aria-pressed", paused ? "true" : "false");
  };

  // Time counts only while the test is open and not paused; it is saved every tick so a
  // reload or a closed tab loses at most a second.
  Mock.prototype.tick = function () {
    var s = this.state;
    var now = Date.now();
    if (!s.paused && this.lastTick) s.remainingMs = Math.max(0, s.remainingMs - (now - this.lastTick));
    this.lastTick = now;
    var secs = Math.ceil(s.remainingMs / 1000);
    var m = Math.floor(secs / 60), sec = secs % 60;
    this.timerText.textContent = "Time left " + m + ":" + (sec < 10 ? "0" : "") + sec;
    var minutes = Math.ceil(secs / 60);
    if (!s.paused && [10, 5, 1].indexOf(minutes) >= 0 && secs % 60 === 0 && this.announced !== minutes) {
      this.announced = minutes;
      announce(this.root, minutes + (minutes === 1 ? " minute" : " minutes") + " left.");
    }
    this.save();
    if (s.remainingMs <= 0) this.submit(true);
  };

  Mock.prototype.confirmSubmit = function () {
    var self = this;
    var s = this.state;
    var missing = s.paper.filter(function (id) { return !answered(self.byId[id], s.responses[id]); }).length;
    if (!missing) { this.submit(false); return; }
    var d = this.dialog;
    d.innerHTML = "";
    var msgId = nextId("confirm");
    d.setAttribute("aria-labelledby", msgId);
    d.appendChild(el("p", { id: msgId, text: "You have " + missing + " unanswered question" + (missing === 1 ? "" : "s") + ". Submit anyway?" }));
    d.appendChild(button("Submit anyway", function () { d.hidden = true; self.submit(false); }, { class: "md-button md-button--primary csh-confirm-submit" }));
    d.appendChild(button("Keep working", function () { d.hidden = true; focusOn(self.blocks[s.current].querySelector(".csh-qhead")); }, { class: "md-button csh-confirm-cancel" }));
    d.hidden = false;
    focusOn(d.querySelector(".csh-confirm-cancel"));
  };

  Mock.prototype.submit = function (timedOut) {
    if (this.state.submitted) return;
    if (this.cleanup) this.cleanup();
    this.state.submitted = true;
    this.state.timedOut = !!timedOut;
    this.state.finished = new Date().toISOString();
    this.save();
    this.results(timedOut);
  };

  Mock.prototype.outcomeSummary = function () {
    var self = this;
    var s = this.state;
    return summarise(this.quiz, s.paper.map(function (id) {
      return { item: self.byId[id], result: score(self.byId[id], s.responses[id]) };
    }));
  };

  Mock.prototype.results = function (timedOut) {
    var self = this;
    var s = this.state;
    var root = this.root;
    root.innerHTML = "";
    root.appendChild(el("div", { class: "csh-live csh-sr", "aria-live": "polite" }));
    var box = el("div", { class: "csh-results" });
    var h = el("h2", { text: "Your results", tabindex: "-1" });
    box.appendChild(h);
    if (timedOut || s.timedOut) box.appendChild(el("p", { class: "csh-timeout", text: "Time ran out, so your answers were submitted automatically." }));
    var tableHolder = el("div");
    box.appendChild(tableHolder);
    var redraw = function () {
      tableHolder.innerHTML = "";
      tableHolder.appendChild(resultsTable(root, self.quiz, self.outcomeSummary(), "Score"));
    };
    redraw();
    var review = el("div", { class: "csh-review" });
    review.appendChild(el("h3", { text: "Review every answer" }));
    s.paper.forEach(function (id, i) {
      var item = self.byId[id];
      var response = s.responses[id] || {};
      var result = score(item, response);
      var block = questionBlock(item, i, s.paper.length);
      block.appendChild(renderControls(item, s.orders[id] || {}, response, function () {}, true));
      if (s.flags[id]) block.querySelector(".csh-qhead").appendChild(el("span", { class: "csh-flagged", text: " · flagged" }));
      block.appendChild(renderFeedback(root, item, response, result, {
        showUnit: self.quiz.test && self.quiz.outcomes.some(function (o) { return o.unit !== item.unit; }),
        onTick: function () { self.save(); redraw(); self.record(); }
      }));
      review.appendChild(block);
    });
    box.appendChild(review);
    box.appendChild(button("Start a new paper", function () {
      store.remove(attemptKey(self.quiz));
      self.startScreen();
    }, { class: "md-button md-button--primary csh-new" }));
    root.appendChild(box);
    focusOn(h);
    this.record();
  };

  // One progress record per submitted paper, updated as self-marks change.
  Mock.prototype.record = function () {
    var s = this.state;
    var rec = attemptRecord(this.quiz, this.outcomeSummary(), { paper: s.seed, extra: s.extra, started: s.started });
    rec.date = s.finished || rec.date;
    var list = loadAttempts();
    var at = -1;
    list.forEach(function (a, i) { if (a.quiz === rec.quiz && a.started === rec.started && a.paper === rec.paper) at = i; });
    if (at >= 0) list[at] = rec; else list.push(rec);
    store.set(ATTEMPTS_KEY, list);
  };

  /* --------------------------------------------------------- results, shared */

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

  function resultsTable(root, quiz, summary, heading) {
    var wrap = el("div", { class: "csh-result-wrap" });
    var t = summary.total;
    var totalP = el("p", {
      class: "csh-total", "data-result-total": "", "data-score": String(t.score), "data-max": String(t.max),
      "data-auto-score": String(t.auto), "data-self-score": String(t.self)
    });
    totalP.appendChild(el("strong", { text: "Total: " + t.score + " out of " + t.max + " (" + percent(t.score, t.max) + "%)" }));
    if (t.selfMax) totalP.appendChild(document.createTextNode(" · marked automatically: " + t.auto + " of " + t.autoMax + " · marked by you: " + t.self + " of " + t.selfMax));
    wrap.appendChild(totalP);
    var table = el("table", { class: "csh-result-table" });
    table.appendChild(el("thead", null, [el("tr", null, [
      el("th", { scope: "col", text: "Outcome" }), el("th", { scope: "col", text: heading }),
      el("th", { scope: "col", text: "Out of" }), el("th", { scope: "col", text: "What next" })
    ])]));
    var body = el("tbody");
    summary.rows.forEach(function (r) {
      // Every outcome with marks lost gets a revision link; under 70% is flagged as weak.
      var weak = percent(r.score, r.max) < 70;
      var next = r.score < r.max ? el("a", { href: linkFor(root, r.unit, r.anchor), text: "Revise this outcome" }) : document.createTextNode("Full marks");
      var tr = el("tr", { "data-result-outcome": r.id, "data-unit": r.unit, "data-score": String(r.score), "data-max": String(r.max), class: weak ? "is-weak" : "" }, [
        el("th", { scope: "row", text: r.label }), el("td", { text: String(r.score) + (r.selfMax ? " (" + r.self + " self-marked)" : "") }),
        el("td", { text: String(r.max) }), el("td", null, [next])
      ]);
      body.appendChild(tr);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    var progress = pageLink(root, "data-csh-progress");
    if (progress) wrap.appendChild(el("p", null, [el("a", { href: progress, text: "See all your results on the progress page" })]));
    return wrap;
  }

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

  /* ------------------------------------------------------------ progress page */

  function Progress(root) {
    this.root = root;
    this.draw();
  }

  Progress.prototype.draw = function (message) {
    var self = this;
    var root = this.root;
    root.innerHTML = "";
    root.appendChild(el("div", { class: "csh-live csh-sr", "aria-live": "polite" }));
    var attempts = loadAttempts().slice().sort(function (a, b) { return a.date < b.date ? 1 : -1; });
    var tools = el("div", { class: "csh-progress-tools" });
    tools.appendChild(button("Export progress", function () { self.exportFile(); }, { class: "md-button csh-export" }));
    var fid = nextId("import");
    var file = el("input", { type: "file", id: fid, accept: "application/json,.json", class: "csh-import-file" });
    file.addEventListener("change", function () { if (file.files[0]) self.importFile(file.files[0]); });
    tools.appendChild(el("span", { class: "csh-import" }, [el("label", { for: fid, text: "Import progress from a file" }), file]));
    tools.appendChild(button("Clear all progress", function () { self.confirmClear(); }, { class: "md-button csh-clear" }));
    root.appendChild(tools);
    this.dialog = el("div", { class: "csh-confirm", role: "alertdialog", hidden: true });
    root.appendChild(this.dialog);
    if (message) root.appendChild(el("p", { class: "csh-message", role: "status", text: message }));
    if (!attempts.length) {
      root.appendChild(el("p", { class: "csh-empty", text: "No attempts saved in this browser yet. Try a practice quiz on any unit page, or a mock test." }));
      return;
    }
    var table = el("table", { class: "csh-attempts" });
    table.appendChild(el("thead", null, [el("tr", null, ["Date", "Quiz", "Score", "By outcome"].map(function (h) { return el("th", { scope: "col", text: h }); }))]));
    var body = el("tbody");
    attempts.forEach(function (a) {
      var link = document.querySelector('.csh-linkmap a[data-csh-quiz="' + a.quiz + '"]');
      var title = link ? el("a", { href: link.getAttribute("href"), text: a.title || a.quiz }) : document.createTextNode(a.title || a.quiz);
      var outcomes = el("ul", { class: "csh-attempt-outcomes" });
      a.outcomes.forEach(function (o) {
        outcomes.appendChild(el("li", { "data-result-outcome": o.id, "data-score": String(o.score), "data-max": String(o.max), text: (o.unit && a.outcomes.some(function (x) { return x.unit !== o.unit; }) ? "Unit " + o.unit + " " : "") + "Outcome " + o.id + ": " + o.score + "/" + o.max }));
      });
      var when = new Date(a.date);
      body.appendChild(el("tr", { class: "csh-attempt", "data-quiz": a.quiz }, [
        el("td", { text: isNaN(when) ? a.date : when.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) }),
        el("td", null, [title, document.createTextNode(a.mode === "mock" ? " (mock test)" : " (practice)")]),
        el("td", { "data-result-total": "", "data-score": String(a.score), "data-max": String(a.max), text: a.score + " / " + a.max + " (" + percent(a.score, a.max) + "%)" + (a.selfMax ? ", " + a.self + " self-marked" : "") }),
        el("td", null, [outcomes])
      ]));
    });
    table.appendChild(body);
    root.appendChild(table);
  };

  Progress.prototype.exportFile = function () {
    var data = { schema: "cs-hub/progress/1", exported: new Date().toISOString(), attempts: loadAttempts() };
    var blob = new Blob([JSON.stringify(data, null, 1)], { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: "cs-hub-progress.json" });
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    announce(this.root, "Progress exported.");
  };

  Progress.prototype.importFile = function (file) {
    var self = this;
    var reader = new FileReader();
    reader.onload = function () {
      var incoming;
      try {
        var data = JSON.parse(reader.result);
        if (!data || data.schema !== "cs-hub/progress/1" || !Array.isArray(data.attempts)) throw new Error("shape");
        incoming = data.attempts.filter(validAttempt);
      } catch (e) {
        self.draw("That file is not a Study Hub progress file, so nothing was imported.");
        return;
      }
      var list = loadAttempts();
      var seen = {};
      list.forEach(function (a) { seen[a.quiz + "|" + a.date] = true; });
      var added = 0;
      incoming.forEach(function (a) { if (!seen[a.quiz + "|" + a.date]) { list.push(a); seen[a.quiz + "|" + a.date] = true; added++; } });
      store.set(ATTEMPTS_KEY, list);
      self.draw("Imported " + added + " attempt" + (added === 1 ? "" : "s") + ".");
    };
    reader.readAsText(file);
  };

  Progress.prototype.confirmClear = function () {
    var self = this;
    var d = this.dialog;
    d.innerHTML = "";
    d.appendChild(el("p", { text: "Delete every saved attempt and unfinished test in this browser? This cannot be undone." }));
    d.appendChild(button("Delete everything", function () {
      var keys = [];
      for (var i = 0; i < window.localStorage.length; i++) {
        var k = window.localStorage.key(i);
        if (k && k.indexOf(PREFIX) === 0) keys.push(k);
      }
      keys.forEach(function (k) { store.remove(k); });
      self.draw("All progress was deleted.");
    }, { class: "md-button md-button--primary csh-clear-confirm" }));
    d.appendChild(button("Cancel", function () { d.hidden = true; }, { class: "md-button csh-clear-cancel" }));
    d.hidden = false;
    focusOn(d.querySelector(".csh-clear-cancel"));
  };

  /* ------------------------------------------------------------------- start */

  var running = [];

  function init() {
    // Stop the timers of quizzes whose page has been swapped away by instant navigation.
    running = running.filter(function (r) {
      if (document.contains(r.root)) return true;
      if (r.cleanup) r.cleanup();
      return false;
    });
    document.querySelectorAll("[data-quiz]").forEach(function (root) {
      if (root.dataset.cshStarted) return;
      root.dataset.cshStarted = "1";
      var script = root.querySelector("script.csh-quiz-data");
      var quiz;
      try { quiz = JSON.parse(script.textContent); } catch (e) { return; }
      root.classList.add("csh-quiz--ready");
      var runner = quiz.mode === "mock" ? new Mock(root, quiz) : new Practice(root, quiz);
      running.push(runner);
    });
    document.querySelectorAll("[data-csh-progress-root]").forEach(function (root) {
      if (root.dataset.cshStarted) return;
      root.dataset.cshStarted = "1";
      new Progress(root);
    });
  }

  window.CSHQuiz = {
    rng: rng, shuffle: shuffle, allocate: allocate, draw: draw, blueprint: blueprint,
    pickMarks: pickMarks, score: score, normalise: normalise, answered: answered,
    loadAttempts: loadAttempts, store: store, PREFIX: PREFIX
  };

  window.cshOnPage(init);  // defined in hub.js, which loads first
})();
