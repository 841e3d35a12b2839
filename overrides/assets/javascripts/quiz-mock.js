/* Mock mode (test pages): a seeded draw to the test specification, a pausable
 * countdown with extra time, a question navigator with flags, resume after reload,
 * results per outcome and a full review.  The paper in progress is saved under
 * "cs-hub:v1:mock:<quiz id>" after every change and every tick.  Needs quiz-ui.js and
 * what it needs.
 */
(function () {
  "use strict";

  var H = window.CSHub, el = H.el, button = H.button, E = H.engine, Q = H.quiz, R = H.records;

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

  /* Read a stored mock paper.  The paper itself must be intact (every id a question of
   * this test, none twice); everything else is mended: bad orders are dealt again from
   * the seed (which gives the original orders back), unreadable answers and flags are
   * dropped, the question on screen and the clock are brought back into range.
   * Returns null when the paper is unusable */
  function readMockState(quiz, raw) {
    var isObject = R.isObject, isCount = R.isCount;
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

  // Returns the storage key of its paper in progress
  function attemptKey(quiz) { return H.PREFIX + "mock:" + quiz.id; }

  /* root: the [data-quiz][data-quiz-mode="mock"] element
   * start: the settings from the start screen (quiz-start.js), to begin a paper straight away */
  function Mock(root, quiz, start) {
    this.root = root;
    this.quiz = quiz;
    this.byId = E.index(quiz);
    if (start) {
      this.begin(start.seed, start.length, start.extra, start.exam);
      return;
    }
    var key = attemptKey(quiz);
    var read = H.store.read(key, R.isObject);
    var saved = read.value ? readMockState(quiz, read.value) : null;
    if (saved) {
      this.state = saved.value;
      if (saved.damaged) {
        H.store.repair(key, saved.value);
        Q.damagedNotice(root, 1, "Part of your saved test could not be read; everything readable, including your answers, was kept.");
      }
      if (this.state.submitted) this.showResults(false); else this.run(true);
    } else {
      if (read.value) {
        H.store.quarantine(key, H.store.raw(key));
        H.store.remove(key);
      }
      Q.damagedNotice(root, read.value || read.damaged ? 1 : 0, "Your saved test could not be read, so it was set aside. You can start a new paper.");
      this.startScreen();
    }
  }

  var singleAnswer = H.quizStart.singleAnswer;

  Mock.prototype.save = function () {
    if (!H.store.set(attemptKey(this.quiz), this.state)) H.unsaved(this.root);
  };

  Mock.prototype.startScreen = function () {
    var self = this;
    H.quizStart.mockScreen(this.root, this.quiz, function (s) { self.begin(s.seed, s.length, s.extra, s.exam); });
  };

  /* seed: the paper number
   * exam: exam style: single-answer questions only */
  Mock.prototype.begin = function (seed, length, extraPct, exam) {
    var quiz = this.quiz;
    var paper = null;
    if (exam) {
      try {
        paper = E.draw({ id: quiz.id, mode: quiz.mode, title: quiz.title, spec: quiz.spec, test: quiz.test, outcomes: quiz.outcomes,
          items: quiz.items.filter(singleAnswer) }, seed, length);
      } catch (e) {
        exam = false;  // too few single-answer questions for this blueprint: draw from them all
        H.notice(this.root, "There are not enough single-answer questions for an exam-style paper, so this paper mixes question types.", "exam-style");
      }
    }
    if (!paper) paper = E.draw(quiz, seed, length);
    var total = quiz.test.duration_min * 60000 * (1 + (extraPct || 0) / 100);
    this.state = {
      v: 1, seed: seed, length: length, extra: extraPct || 0, paper: paper, orders: E.arrangePaper(quiz, seed, paper),
      responses: {}, flags: {}, current: 0, remainingMs: total, totalMs: total, paused: false,
      started: new Date().toISOString(), submitted: false, exam: !!exam
    };
    this.run(false);  // run's first tick saves the new paper
  };

  Mock.prototype.run = function (resumed) {
    var self = this;
    var root = this.root;
    var s = this.state;
    Q.freshScreen(root);
    var bar = el("div", { class: "csh-bar" });
    this.timerText = el("span", { class: "csh-timer", role: "timer", "aria-live": "off" });
    this.pauseButton = button("Pause", function () { self.togglePause(); }, { class: "md-button csh-pause", "aria-pressed": "false" });
    bar.appendChild(el("span", { class: "csh-paper", text: "Paper " + s.seed }));
    bar.appendChild(this.timerText);
    bar.appendChild(this.pauseButton);
    bar.appendChild(button("Finish and submit", function () { self.confirmSubmit(); }, { class: "md-button md-button--primary csh-submit" }));
    root.appendChild(bar);
    // The "unanswered questions" warning sits just under the bar whose Submit opens it.
    this.dialog = el("div", { class: "csh-confirm", role: "alertdialog", "aria-modal": "false", hidden: true });
    root.appendChild(this.dialog);
    // The question map folds away (closed on a phone, where 45 buttons would fill the
    // first screen); its summary line always says how many are answered and flagged.
    this.navFold = el("details", { class: "csh-nav-fold" });
    this.navSummary = el("summary", { class: "csh-nav-summary" });
    this.navFold.appendChild(this.navSummary);
    if (!window.matchMedia || window.matchMedia("(min-width: 45em)").matches) this.navFold.setAttribute("open", "");
    this.nav = el("nav", { class: "csh-navigator", "aria-label": "Questions" });
    this.navFold.appendChild(this.nav);
    root.appendChild(this.navFold);
    this.stage = el("div", { class: "csh-stage" });
    root.appendChild(this.stage);
    this.pausedPanel = el("div", { class: "csh-paused", hidden: true }, [
      el("p", { text: "The test is paused. The questions are hidden and the timer has stopped." }),
      button("Resume", function () { self.togglePause(); }, { class: "md-button md-button--primary csh-resume" })
    ]);
    root.appendChild(this.pausedPanel);
    this.blocks = s.paper.map(function (id, i) {
      var item = self.byId[id];
      var block = Q.questionBlock(item, i, s.paper.length);
      s.responses[id] = s.responses[id] || {};
      block.appendChild(Q.controls(item, s.orders[id], s.responses[id], function () { self.changed(); }, false));
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
    // go draws the map; a new paper's focus goes to its first question (a resumed one keeps
    // the page as it loads).
    this.go(s.current || 0, !resumed);
    if (s.paused) this.showPaused(true);
    this.tick();
    this.lastTick = Date.now();
    this.interval = window.setInterval(function () { self.tick(); }, 500);
    this.cleanup = function () { window.clearInterval(self.interval); };
    this.loadLater();
    if (resumed) H.announce(root, "Welcome back. Your answers were kept.");
  };

  Mock.prototype.changed = function () { this.save(); this.drawNav(); };

  // What only the review needs comes when a paper starts, so it is there by the time it is
  // submitted (issue #14): the explanations and option feedback (half the bank's bytes) from
  // assets/mock/<quiz id>.js, and the scheduler (none in a SCORM package: no loader).
  Mock.prototype.loadLater = function () {
    var quiz = this.quiz;
    // In an LMS the quiz id carries a learner tag (scorm.js); the file is the test's own.
    var id = quiz.id.replace(/-learner-[0-9a-f]{8}$/, "");
    if (!this.later) {
      var feedback = H.loadAsset("mock/" + id + ".js").then(function () {
        var all = (H.mockFeedback || {})[id] || {};
        quiz.items.forEach(function (it) {
          var f = all[it.id];
          if (!f) return;
          it.explanation = f.explanation;
          (it.options || []).forEach(function (o, i) { o.feedback = (f.feedback || [])[i] || ""; });
        });
      });
      this.later = Promise.all([feedback, H.later(["review-store.js", "review-schedule.js"])]);
    }
    return this.later;
  };

  // submitted: just now: schedule its answers first
  Mock.prototype.showResults = function (timedOut, submitted) {
    var self = this;
    this.loadLater().then(function () {
      if (submitted && H.review && H.review.fromMock) H.review.fromMock(self.quiz, self.state);  // review-schedule.js
      if (document.contains(self.root)) self.results(timedOut);
    });
  };

  // The map's buttons are made once per paper, then only updated: rebuilding 45 buttons on
  // every answer was most of an answer's cost.
  Mock.prototype.drawNav = function () {
    var self = this;
    var s = this.state;
    if (!this.navButtons || !this.nav.contains(this.navButtons[0] || null)) {
      this.nav.innerHTML = "";
      var list = el("ol", { class: "csh-nav-list" });
      this.navButtons = s.paper.map(function (id, i) {
        var b = button(String(i + 1), function () { self.go(i, true); });
        list.appendChild(el("li", null, [b]));
        return b;
      });
      this.nav.appendChild(list);
    }
    var answered = 0, flaggedCount = 0;
    s.paper.forEach(function (id, i) {
      var done = E.answered(self.byId[id], s.responses[id]);
      var flagged = !!s.flags[id];
      if (done) answered++;
      if (flagged) flaggedCount++;
      var b = self.navButtons[i];
      b.className = "csh-nav-btn" + (done ? " is-answered" : "") + (flagged ? " is-flagged" : "") + (i === s.current ? " is-current" : "");
      b.setAttribute("aria-label", "Question " + (i + 1) + ", " + (done ? "answered" : "unanswered") + (flagged ? ", flagged" : ""));
      if (i === s.current) b.setAttribute("aria-current", "step"); else b.removeAttribute("aria-current");
      b.setAttribute("data-state", done ? "answered" : "unanswered");
      b.setAttribute("data-flagged", flagged ? "true" : "false");
    });
    this.navSummary.textContent = "Question map: " + answered + " of " + s.paper.length + " answered · " + flaggedCount + " flagged";
  };

  // focus: move focus to the question's heading
  Mock.prototype.go = function (index, focus) {
    var s = this.state;
    if (index < 0 || index >= this.blocks.length) return;
    // Saving a whole paper costs a few milliseconds: only when the question changes (run's
    // first tick saves the question a paper opens on).
    if (s.current !== index) { s.current = index; this.save(); }
    this.blocks.forEach(function (b, i) { b.hidden = i !== index; });
    this.drawNav();
    if (focus) H.focusOn(this.blocks[index].querySelector(".csh-qhead"));
  };

  Mock.prototype.togglePause = function () {
    var s = this.state;
    s.paused = !s.paused;
    this.save();
    this.showPaused(s.paused);
    H.announce(this.root, s.paused ? "Test paused." : "Test resumed.");
    if (!s.paused) H.focusOn(this.blocks[s.current].querySelector(".csh-qhead"));
    else H.focusOn(this.pausedPanel.querySelector("button"));
  };

  Mock.prototype.showPaused = function (paused) {
    this.pausedPanel.hidden = !paused;
    this.stage.hidden = paused;
    this.navFold.hidden = paused;
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
      H.announce(this.root, minutes + (minutes === 1 ? " minute" : " minutes") + " left.");
    }
    this.save();
    if (s.remainingMs <= 0) this.submit(true);
  };

  Mock.prototype.confirmSubmit = function () {
    var self = this;
    var s = this.state;
    var missing = s.paper.filter(function (id) { return !E.answered(self.byId[id], s.responses[id]); }).length;
    if (!missing) { this.submit(false); return; }
    var d = this.dialog;
    d.innerHTML = "";
    var msgId = H.nextId("confirm");
    d.setAttribute("aria-labelledby", msgId);
    d.appendChild(el("p", { id: msgId, text: "You have " + missing + " unanswered question" + (missing === 1 ? "" : "s") + ". Submit anyway?" }));
    d.appendChild(button("Submit anyway", function () { d.hidden = true; self.submit(false); }, { class: "md-button md-button--primary csh-confirm-submit" }));
    d.appendChild(button("Keep working", function () { d.hidden = true; H.focusOn(self.blocks[s.current].querySelector(".csh-qhead")); }, { class: "md-button csh-confirm-cancel" }));
    d.hidden = false;
    H.focusOn(d.querySelector(".csh-confirm-cancel"));
  };

  Mock.prototype.submit = function (timedOut) {
    if (this.state.submitted) return;
    if (this.cleanup) this.cleanup();
    this.state.submitted = true;
    this.state.timedOut = !!timedOut;
    this.state.finished = new Date().toISOString();
    this.save();
    this.showResults(timedOut, true);
  };

  // The results screen and the progress record are in quiz-mock-results.js.
  Mock.attemptKey = attemptKey;
  H.Mock = Mock;
})();
