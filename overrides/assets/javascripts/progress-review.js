/* The "what next" half of /progress/: questions due for review today (with a session
 * that runs them), the three weakest outcomes, unfinished mock tests, flashcards due
 * today, and every outcome's strength per qualification and unit.
 *
 * Titles and links all come from the page's link map, which the build writes
 * (generator/pages/review.py): nothing here types a title or builds an address.  Stored
 * values are compared as attribute values and shown as text, never put in a selector.
 * Strength is review-store.js's strength().  Redraws when the progress table changes
 * (import, clear).  Needs review-store.js and quiz-records.js to draw; a
 * review session loads the rest when it starts (need "review").
 */
(function () {
  "use strict";

  var H = window.CSHub, el = H.el, button = H.button, S = H.review;

  // Every link map entry with an attribute, as {value, href, label, node}.
  function mapped(attr) {
    var out = [];
    document.querySelectorAll(".csh-linkmap a").forEach(function (a) {
      var v = a.getAttribute(attr);
      if (v !== null) out.push({ value: v, href: a.getAttribute("href") || "", label: a.textContent || "", node: a });
    });
    return out;
  }

  function byValue(attr) {
    var out = {};
    mapped(attr).forEach(function (m) { out[m.value] = m; });
    return out;
  }

  /* A bar as long as the strength, beside the words (which say the same).  Width through
   * the CSSOM, which the site's CSP allows, not a style attribute, which it does not.
   * x: 0..1 */
  function bar(x) {
    var fill = el("span");
    fill.style.width = Math.round(100 * x) + "%";
    return el("span", { class: "csh-strength-bar", "aria-hidden": "true" }, [fill]);
  }

  // x: 0..1
  function pct(x) { return Math.round(100 * x) + "%"; }

  /* Strength of every outcome with answers, keyed "<quiz id>/<outcome id>" like the map.
   * Saved attempts started before the schedule began (its "since") are folded in: their
   * answers are not in it.  They count as older than every answer it holds, the newest
   * such attempt 0.6 times that outcome's oldest scheduled answer, each older one 0.6
   * times the one after.  An attempt keeps marks per outcome, not per question, so each
   * mark counts as one answer. */
  function strengths(sched, attempts) {
    var items = sched.items;
    var groups = {};
    Object.keys(items).forEach(function (k) {
      var c = items[k];
      if (c.o == null || !c.h || !c.h.length) return;
      var g = S.quizOf(k) + "/" + c.o;
      (groups[g] = groups[g] || []).push(c);
    });
    var since = sched.since ? Date.parse(sched.since) : Infinity;
    var older = {};
    attempts.forEach(function (a) {
      var t = Date.parse(a.started || a.date);
      if (!(t < since) || !a.spec) return;
      a.outcomes.forEach(function (o) {
        if (!(o.max > 0) || !o.unit || o.unit.indexOf("/") >= 0) return;
        var g = a.spec + "-" + o.unit + "-practice/" + o.id;
        (older[g] = older[g] || []).push({ t: t, score: Math.min(o.score, o.max), max: o.max });
      });
    });
    var out = {};
    Object.keys(groups).concat(Object.keys(older)).forEach(function (g) {
      if (out[g]) return;
      var s = S.strength(groups[g] || []);
      var past = (older[g] || []).sort(function (x, y) { return y.t - x.t; });
      if (!past.length) { out[g] = s; return; }
      var depth = 0;
      (groups[g] || []).forEach(function (c) { depth = Math.max(depth, c.h.length); });
      var sum = s.strength * s.weights, weights = s.weights, right = s.right, answered = s.answered;
      past.forEach(function (p, i) {
        var w = Math.pow(0.6, depth + i);
        sum += w * p.score; weights += w * p.max;
        right += p.score; answered += p.max;
      });
      out[g] = { right: right, answered: answered, strength: weights ? sum / weights : 0 };
    });
    return out;
  }

  // root: the [data-csh-review-root] element
  function Summary(root) {
    var self = this;
    this.root = root;
    this.draw();
    // Not while a review runs (it would be wiped), nor once instant navigation has left the page.
    document.addEventListener("csh:progress-changed", function () { if (!self.busy && document.contains(root)) self.draw(); });
  }

  // session: a finished review session, kept in the due section
  Summary.prototype.draw = function (session) {
    var root = this.root;
    root.innerHTML = "";
    var loaded = S.load();
    if (loaded.damaged) H.notice(root, "Some saved review dates could not be read; the readable ones were kept.", "review-damaged");
    var sched = loaded.value;
    var day = S.today();
    this.due(root, sched, day, session);
    var strong = strengths(sched, H.records.loadAttempts().list);
    this.weakest(root, strong);
    this.mocks(root);
    this.flashcards(root, sched, day);
    this.outcomes(root, strong);
  };

  // The keys due today that the build still publishes (the others are kept, not shown).
  Summary.prototype.dueNow = function (sched, day) {
    var known = published();
    return S.dueKeys(sched.items, day).filter(function (k) { return known[k] === true; });
  };

  // Every question the build publishes, by review key: the link map lists each unit's ids.
  function published() {
    var out = {};
    mapped("data-csh-review-data").forEach(function (m) {
      (m.node.getAttribute("data-csh-review-items") || "").split(" ").forEach(function (id) {
        if (id) out[m.value + "|" + id] = true;
      });
    });
    return out;
  }

  function dueHeading(n) { return "Review due today: " + H.plural(n, "question"); }

  // After each answer in a review: the due count, without redrawing the session.
  Summary.prototype.recount = function () {
    var sec = this.root.querySelector(".csh-review-due");
    if (!sec) return;
    var n = this.dueNow(S.load().value, S.today()).length;
    sec.setAttribute("data-review-due", String(n));
    sec.querySelector("h2").textContent = dueHeading(n);
  };

  /* Review due today, with its Start button.
   * session: a finished session's results, shown last */
  Summary.prototype.due = function (root, sched, day, session) {
    var self = this;
    var sources = byValue("data-csh-review-data");
    var keys = this.dueNow(sched, day);
    var sec = el("section", { class: "csh-review-due", "aria-labelledby": "csh-review-due-h" });
    sec.appendChild(el("h2", { id: "csh-review-due-h", text: dueHeading(keys.length) }));
    sec.setAttribute("data-review-due", String(keys.length));
    root.appendChild(sec);
    if (!keys.length) {
      var known = published();
      var next = Object.keys(sched.items).filter(function (k) { return known[k] === true; }).map(function (k) { return sched.items[k].due; }).filter(function (d) { return d > day; }).sort()[0];
      sec.appendChild(el("p", { text: next ? "Nothing is due today. The next question comes back on " + new Date(next + "T12:00:00").toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long" }) + "." : "Questions you answer in practice quizzes and mock tests come back here when they are due for review." }));
    } else {
      var take = keys.slice(0, S.SESSION);
      sec.appendChild(el("p", { text: keys.length > take.length ? "A review is " + take.length + " questions, the longest waiting first." : "The questions you answered a while ago, so that they stay in your memory." }));
      var holder = el("div", { class: "csh-review-holder" });
      holder.appendChild(button(keys.length > take.length ? "Start review (" + take.length + " of " + keys.length + ")" : "Start review", function () { self.start(holder, take, sources); }, { class: "md-button md-button--primary csh-review-start" }));
      sec.appendChild(holder);
    }
    if (session) sec.appendChild(session);
  };

  /* Load the units' questions and run them as one practice session.  The question types,
   * practice code and review-due.js, which builds the session, arrive now (need "review"). */
  Summary.prototype.start = function (holder, keys, sources) {
    var self = this;
    holder.innerHTML = "";
    holder.appendChild(el("p", { class: "csh-review-loading", role: "status", text: "Loading your questions…" }));
    H.later("review").then(function () {
      H.reviewDue.acrossUnits(holder, keys, sources, {
        // The attempts table redraws after each answer; this section must not meanwhile.
        onStart: function () { self.busy = true; },
        onAnswer: function () { self.recount(); },
        // Every section again, the session's results kept, and focus back on them.
        onFinish: function (heading) {
          self.busy = false;
          if (!document.contains(self.root)) return;
          holder.className = "csh-review-holder csh-review-done";
          self.draw(holder);
          H.focusOn(heading);
        }
      });
    });
  };

  // The three weakest outcomes answered, with links to revise them.
  Summary.prototype.weakest = function (root, strong) {
    var names = byValue("data-csh-outcome");
    // Outcomes with every answer right have nothing to revise yet.
    var list = Object.keys(strong).filter(function (k) { return names[k] && strong[k].strength < 1; })
      .sort(function (a, b) { return strong[a].strength - strong[b].strength || (a < b ? -1 : 1); }).slice(0, 3);
    if (!list.length) return;
    var sec = el("section", { class: "csh-revise-next", "aria-labelledby": "csh-revise-next-h" });
    sec.appendChild(el("h2", { id: "csh-revise-next-h", text: "Revise next" }));
    sec.appendChild(el("p", { text: (list.length === 3 ? "Your three weakest outcomes so far." : "Your weakest outcomes so far.") + " Read the notes, then try their questions again." }));
    var units = byValue("data-csh-unit-quiz");
    var ol = el("ol", { class: "csh-weakest" });
    list.forEach(function (k) {
      var s = strong[k];
      var unit = units[k.slice(0, k.indexOf("/"))];
      ol.appendChild(el("li", { "data-weak-outcome": k }, [
        el("a", { href: names[k].href, text: names[k].label }),
        el("span", { class: "csh-weak-detail", text: "Strength " + pct(s.strength) + ", " + s.right + " of " + s.answered + " right" + (unit ? ". " + unit.label : "") })
      ]));
    });
    sec.appendChild(ol);
    root.appendChild(sec);
  };

  // Unfinished mock tests, each with a link that reopens it where the learner left it.
  Summary.prototype.mocks = function (root) {
    var tests = byValue("data-csh-quiz");
    var prefix = H.PREFIX + "mock:";
    var open = [];
    H.store.keys().forEach(function (k) {
      if (k.indexOf(prefix) !== 0) return;
      var id = k.slice(prefix.length);
      var s = H.store.get(k, H.records.isObject);
      if (!s || s.submitted || !Array.isArray(s.paper) || !tests[id]) return;
      // The mock keeps an empty response for every question not answered yet.
      var responses = H.records.isObject(s.responses) ? s.responses : {};
      var answered = Object.keys(responses).filter(function (id) {
        return H.records.isObject(responses[id]) && Object.keys(responses[id]).length > 0;
      }).length;
      open.push({ id: id, link: tests[id], state: s, answered: answered });
    });
    if (!open.length) return;
    var sec = el("section", { class: "csh-unfinished", "aria-labelledby": "csh-unfinished-h" });
    sec.appendChild(el("h2", { id: "csh-unfinished-h", text: "Unfinished mock tests" }));
    var ul = el("ul");
    open.forEach(function (m) {
      var at = typeof m.state.current === "number" ? m.state.current + 1 : 1;
      ul.appendChild(el("li", { "data-unfinished": m.id }, [
        el("a", { href: m.link.href, class: "csh-resume", text: "Resume " + m.link.label }),
        " (question " + at + " of " + m.state.paper.length + ", " + m.answered + " answered)"
      ]));
    });
    sec.appendChild(ul);
    root.appendChild(sec);
  };

  // Flashcards due today (of the ones already seen: new cards are always ready).
  Summary.prototype.flashcards = function (root, sched, day) {
    var link = byValue("data-csh-flashcards-link")["1"];
    var slugs = Object.keys(sched.cards);
    if (!link || !slugs.length) return;
    var n = slugs.filter(function (s) { return S.isDue(sched.cards[s], day); }).length;
    var sec = el("section", { class: "csh-cards-due", "aria-labelledby": "csh-cards-due-h", "data-cards-due": String(n) });
    sec.appendChild(el("h2", { id: "csh-cards-due-h", text: "Flashcards due today: " + n }));
    sec.appendChild(el("p", null, [
      el("a", { href: link.href, text: n ? "Go to the flashcards" : "Go to the flashcards to learn new terms" }),
      n ? " to look at them again before you forget." : ""
    ]));
    root.appendChild(sec);
  };

  // Every answered outcome's strength, per qualification, then unit.
  Summary.prototype.outcomes = function (root, strong) {
    var names = byValue("data-csh-outcome");
    var units = byValue("data-csh-unit-quiz");
    var byUnit = {};
    Object.keys(strong).forEach(function (k) {
      if (!names[k]) return;
      var q = k.slice(0, k.indexOf("/"));
      (byUnit[q] = byUnit[q] || []).push(k);
    });
    if (!Object.keys(byUnit).length) return;
    var sec = el("section", { class: "csh-strengths", "aria-labelledby": "csh-strengths-h" });
    sec.appendChild(el("h2", { id: "csh-strengths-h", text: "How sure you are, by outcome" }));
    sec.appendChild(el("p", { text: "Strength is the share of your answers that were right, with your latest answer to each question counting most." }));
    mapped("data-csh-qual").forEach(function (qual) {
      var quizzes = (qual.node.getAttribute("data-csh-units") || "").split(" ").filter(function (q) { return byUnit[q]; });
      if (!quizzes.length) return;
      sec.appendChild(el("h3", null, [el("a", { href: qual.href, text: qual.label })]));
      quizzes.forEach(function (q) {
        var unit = units[q];
        if (!unit) return;
        var box = el("div", { class: "csh-strength-unit", "data-strength-unit": q });
        box.appendChild(el("h4", null, [el("a", { href: unit.href, text: unit.label })]));
        var ul = el("ul", { class: "csh-strength-list" });
        // In the order the unit prints its outcomes (the link map's order).
        mapped("data-csh-outcome").forEach(function (m) {
          var s = strong[m.value];
          if (!s || byUnit[q].indexOf(m.value) < 0) return;
          ul.appendChild(el("li", { "data-strength-outcome": m.value, "data-strength": String(Math.round(100 * s.strength)), "data-right": String(s.right), "data-answered": String(s.answered) }, [
            el("a", { href: m.href, text: m.label }),
            el("span", { class: "csh-strength-text", text: ": strength " + pct(s.strength) + ", " + s.right + " of " + s.answered + " right" }),
            bar(s.strength)
          ]));
        });
        box.appendChild(ul);
        sec.appendChild(box);
      });
    });
    root.appendChild(sec);
  };

  H.onPage(function () {
    H.eachRoot("[data-csh-review-root]", function (root) { new Summary(root); });
  });
})();
