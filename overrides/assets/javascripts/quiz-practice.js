/* Practice mode (unit pages): one question at a time, instant feedback, and wrong
 * answers come back later in the session.  The first try at each question is what
 * counts in the saved result.  Needs quiz-ui.js and what it needs.
 */
(function () {
  "use strict";

  var H = window.CSHub, el = H.el, button = H.button, E = H.engine, Q = H.quiz;

  /* root: the [data-quiz][data-quiz-mode="practice"] element
   * outcome: the outcome chosen on the start screen ("" for all), which begins the session
   * at once; without it the start screen is drawn (quiz-start.js draws it) */
  function Practice(root, quiz, outcome) {
    this.root = root;

    this.onAnswer = null;

    this.onFinish = null;
    this.quiz = quiz;
    this.byId = E.index(quiz);
    if (typeof outcome === "string") {
      Q.freshScreen(root);  // the live region the session announces through
      this.begin(outcome);
    } else this.start();
  }

  // The start screen again ("Practise again"); its Start begins at once.
  Practice.prototype.start = function () {
    var self = this;
    H.quizStart.practiceScreen(this.root, this.quiz, function (outcome) { self.begin(outcome); });
  };

  // outcome: an outcome id, or "" for all
  Practice.prototype.begin = function (outcome) {
    var random = E.rng(H.freshSeed());
    var items = this.quiz.items.filter(function (it) { return !outcome || it.outcome === outcome; });
    this.queue = E.shuffle(items, random).map(function (it) { return it.id; });
    this.random = random;
    this.outcome = outcome;
    this.results = {};   // item id -> first-try result
    this.position = 0;
    this.asked = 0;
    // The session's attempt is saved after every answer (and replaced each time, matched
    // by this start time), so leaving the page never loses what was answered.
    this.started = new Date().toISOString();
    this.show();
  };

  Practice.prototype.show = function () {
    var self = this;
    var root = this.root;
    Q.nextScreen(root);
    if (this.position >= this.queue.length) { this.finish(); return; }
    var item = this.byId[this.queue[this.position]];
    var order = E.arrange(item, this.random);
    var response = {};
    // New questions still to come, and (separately) wrong answers coming back, so the
    // count never goes up when an answer is wrong.
    var rest = this.queue.slice(this.position + 1);
    var fresh = {};
    rest.forEach(function (id) { if (!self.results[id] && id !== item.id) fresh[id] = true; });
    var newLeft = Object.keys(fresh).length;
    var again = rest.length - rest.filter(function (id) { return fresh[id]; }).length;
    var block = Q.questionBlock(item, this.asked, null);
    // "more", not "new": in a review session every question has been seen before.
    var left = newLeft ? Q.plural(newLeft, "more question") + " after this" + (again ? ", " + again + " to try again" : "")
      : again ? again + " to try again after this" : "the last question";
    block.querySelector(".csh-qhead").appendChild(el("span", { class: "csh-remaining", text: " · " + left }));
    var controls = Q.controls(item, order, response, function () {}, false);
    block.appendChild(controls);
    var actions = el("div", { class: "csh-actions" });
    var check = button("Check answer", function () {
      if (!E.answered(item, response)) {
        H.announce(root, "Answer the question first.");
        var msg = block.querySelector(".csh-nudge") || el("p", { class: "csh-nudge", role: "alert" });
        msg.textContent = "Answer the question first, then select Check answer.";
        block.insertBefore(msg, actions);
        return;
      }
      var result = E.score(item, response);
      var first = !self.results[item.id];
      var requeued = -1;  // where the wrong answer was queued again, if it was
      var again = button("Try again now", function () { self.show(); }, { class: "md-button csh-again" });
      var next = button("", function () { self.position += 1; self.asked += 1; self.show(); },
        { class: "md-button md-button--primary csh-next" });
      var nextLabel = function () { return self.position + 1 >= self.queue.length ? "See results" : "Next question"; };
      if (first) {
        self.results[item.id] = result;
        self.save();
        if (H.review && H.review.fromPractice) H.review.fromPractice(self.quiz, item, result, self.started);  // review-schedule.js
        if (self.onAnswer) self.onAnswer();
      }
      controls.querySelectorAll("input, select, textarea, button").forEach(function (c) { c.disabled = true; });
      var feedback = Q.feedback(root, item, response, result, {
        onTick: function () {
          // "I was right" makes a wrong answer right: it no longer comes back this session.
          if (requeued >= 0 && E.score(item, response).correct) {
            self.queue.splice(requeued, 1);
            requeued = -1;
            if (again.parentNode) again.parentNode.removeChild(again);
            next.textContent = nextLabel();
          }
          if (!first) return;
          self.results[item.id] = E.score(item, response);
          self.save();
          if (H.review && H.review.fromPractice) H.review.fromPractice(self.quiz, item, self.results[item.id], self.started, true);
          if (self.onAnswer) self.onAnswer();
        }
      });
      feedback.setAttribute("tabindex", "-1");
      block.insertBefore(feedback, actions);
      actions.innerHTML = "";
      if (!result.self && !result.correct) {
        // Wrong answers come back later in the session, three questions on.
        requeued = Math.min(self.queue.length, self.position + 4);
        self.queue.splice(requeued, 0, item.id);
        actions.appendChild(again);
      }
      next.textContent = nextLabel();
      actions.appendChild(next);
      H.focusOn(feedback);
      H.announce(root, feedback.querySelector(".csh-verdict").textContent);
    }, { class: "md-button md-button--primary csh-check" });
    actions.appendChild(check);
    actions.appendChild(button("End session", function () { self.finish(); }, { class: "md-button csh-end" }));
    block.appendChild(actions);
    root.appendChild(block);
    // Focus the question, the first one too: "Start practice" has just been removed.
    H.focusOn(block.querySelector(".csh-qhead"));
  };

  // Save (or update) this session's attempt; says so once if storage refuses.
  Practice.prototype.save = function () {
    var self = this;
    var ids = Object.keys(this.results || {});
    if (!ids.length) return;
    var summary = E.summarise(this.quiz, ids.map(function (id) { return { item: self.byId[id], result: self.results[id] }; }));
    var rec = Q.attemptRecord(this.quiz, summary, { outcome: this.outcome || null, started: this.started });
    if (!Q.saveAttempt(rec, true, this.root)) H.unsaved(this.root);
  };

  Practice.prototype.finish = function () {
    var self = this;
    var root = this.root;
    Q.nextScreen(root);
    var ids = Object.keys(this.results || {});
    var summary = E.summarise(this.quiz, ids.map(function (id) { return { item: self.byId[id], result: self.results[id] }; }));
    var box = el("div", { class: "csh-results" });
    var h = el("h3", { text: "Practice results", tabindex: "-1" });
    box.appendChild(h);
    if (!ids.length) box.appendChild(el("p", { text: "You did not answer any questions this time." }));
    else box.appendChild(Q.resultsTable(root, summary, "First-try score"));
    box.appendChild(button("Practise again", function () { self.start(); }, { class: "md-button md-button--primary" }));
    root.appendChild(box);
    H.focusOn(h);
    this.save();
    if (this.onFinish) this.onFinish(h);
  };

  H.Practice = Practice;
})();
