/* Mock mode, after submission: the results per outcome, the review of every answer with
 * its filter, and the progress record (with the csh:mock-results event).  Adds these to
 * quiz-mock.js's Mock, which must load first; both come with the "mock" need.
 */
(function () {
  "use strict";

  var H = window.CSHub, el = H.el, button = H.button, E = H.engine, Q = H.quiz;
  var Mock = H.Mock, attemptKey = Mock.attemptKey;

  Mock.prototype.outcomeSummary = function () {
    var self = this;
    var s = this.state;
    return E.summarise(this.quiz, s.paper.map(function (id) {
      return { item: self.byId[id], result: E.score(self.byId[id], s.responses[id]) };
    }));
  };

  Mock.prototype.results = function (timedOut) {
    var self = this;
    var s = this.state;
    var root = this.root;
    Q.freshScreen(root);
    var box = el("div", { class: "csh-results" });
    var h = el("h2", { text: "Your results", tabindex: "-1" });
    box.appendChild(h);
    if (timedOut || s.timedOut) box.appendChild(el("p", { class: "csh-timeout", text: "Time ran out, so your answers were submitted automatically." }));
    var tableHolder = el("div");
    box.appendChild(tableHolder);
    var filter = null;
    var redraw = function () {
      tableHolder.innerHTML = "";
      tableHolder.appendChild(Q.resultsTable(root, self.outcomeSummary(), "Score"));
      if (filter) filter.refresh();
    };
    redraw();
    var review = el("div", { class: "csh-review" });
    review.appendChild(el("h3", { text: "Review every answer" }));
    var entries = [];
    filter = Q.reviewFilter(entries);
    review.appendChild(filter.node);
    s.paper.forEach(function (id, i) {
      var item = self.byId[id];
      var response = s.responses[id] = s.responses[id] || {};
      var block = Q.questionBlock(item, i, s.paper.length);
      block.appendChild(Q.controls(item, s.orders[id], response, function () {}, true));
      if (s.flags[id]) block.querySelector(".csh-qhead").appendChild(el("span", { class: "csh-flagged", text: " · flagged" }));
      block.appendChild(Q.feedback(root, item, response, E.score(item, response), {
        showUnit: self.quiz.outcomes.some(function (o) { return o.unit !== item.unit; }),
        onTick: function () {
          self.save(); redraw(); self.record();
          if (H.review && H.review.fromMockMark && !H.review.fromMockMark(self.quiz, s, item)) H.unsaved(root);  // review-schedule.js
        }
      }));
      review.appendChild(block);
      entries.push({ block: block, flagged: !!s.flags[id], wrong: function () {
        var r = E.score(item, response);
        return r.score < r.max;
      } });
    });
    filter.refresh();
    box.appendChild(review);
    box.appendChild(button("Start a new paper", function () {
      H.store.remove(attemptKey(self.quiz));
      self.startScreen();
    }, { class: "md-button md-button--primary csh-new" }));
    root.appendChild(box);
    H.focusOn(h);
    this.record();
  };

  // One progress record per submitted paper, updated as self-marks change.
  Mock.prototype.record = function () {
    var s = this.state;
    var summary = this.outcomeSummary();
    var rec = Q.attemptRecord(this.quiz, summary, { paper: s.seed, extra: s.extra, started: s.started });
    rec.date = s.finished || rec.date;
    if (!Q.saveAttempt(rec, true, this.root)) H.unsaved(this.root);
    // CONVENTIONS.md §5: the marks, for a page that embeds the mock (the SCORM package's
    // scorm.js reports them to the LMS).  Sent again whenever a self-mark changes them.
    var t = summary.total;
    this.root.dispatchEvent(new CustomEvent("csh:mock-results", { bubbles: true, detail: {
      quiz: this.quiz.id, paper: s.seed, score: t.score, max: t.max, auto: t.auto, autoMax: t.autoMax,
      self: t.self, selfMax: t.selfMax, timedOut: !!s.timedOut,
      outcomes: summary.rows.map(function (r) { return { unit: r.unit, id: r.id, score: r.score, max: r.max }; })
    } }));
  };

})();
