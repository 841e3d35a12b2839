/* "Review due" sessions: a practice session of the questions the scheduler
 * (review-store.js) says are due today.
 *
 * On a unit page, a "Review due in this unit (N)" button sits just before the unit's
 * practice quiz and runs the due questions from that quiz's own payload.  On /progress/
 * (progress-review.js) a review runs the due questions of every unit: their payloads are
 * generated per unit as assets/review/<quiz id>.js and loaded as scripts only when the
 * review starts (a script, because chromium will not fetch a local JSON file from file://).
 *
 * A session is at most H.review.SESSION questions (review-store.js).  Needs only core.js
 * when a page loads: the schedule's reader is fetched only when this browser has saved review
 * dates, and the practice code (need "session") only when a review starts, so a unit page
 * stays light (issue #14).
 */
(function () {
  "use strict";

  var H = window.CSHub, el = H.el, button = H.button, plural = H.plural;

  /* A practice session on its own root, started straight away.
   * holder: where the session goes (its content is replaced)
   * Returns the quiz root */
  function run(holder, quiz, hooks) {
    holder.innerHTML = "";
    // data-csh-started: quiz.js must not start this root again on an instant-navigation swap.
    var root = el("div", { class: "csh-quiz csh-quiz--ready csh-review-session", "data-quiz": quiz.id, "data-quiz-mode": "practice", "data-csh-started": "1" });
    holder.appendChild(root);
    var practice = new H.Practice(root, quiz, "");
    if (hooks && hooks.onAnswer) practice.onAnswer = hooks.onAnswer;
    if (hooks && hooks.onFinish) practice.onFinish = hooks.onFinish;
    return root;
  }

  /* The due questions of one practice quiz, as a quiz of their own.
   * quiz: a unit's practice payload
   * keys: due keys of that quiz ("<quiz id>|<item id>") */
  function dueItems(quiz, keys) {
    var wanted = {};
    keys.forEach(function (k) { wanted[k.slice(k.indexOf("|") + 1)] = true; });
    return quiz.items.filter(function (it) { return wanted[it.id] === true; });
  }

  /* Load the generated review data of some units, then call back with what arrived.
   * done: the payloads, and how many failed */
  function loadUnits(sources, done) {
    var store = window.CSHub.reviewItems = window.CSHub.reviewItems || {};
    var left = sources.length, failed = 0;
    if (!left) { done(store, 0); return; }
    sources.forEach(function (src) {
      if (store[src.quiz]) { if (--left === 0) done(store, failed); return; }
      // Same origin only: the href is the build's own relative link from the link map.
      var s = document.createElement("script");
      s.src = src.href;
      s.onload = function () { if (--left === 0) done(store, failed); };
      s.onerror = function () { failed++; if (--left === 0) done(store, failed); };
      document.head.appendChild(s);
    });
  }

  /* The button before a unit's practice quiz; nothing when no question of it is due.
   * Reads the payload at once (core.js keeps it once quiz-start.js has drawn over it). */
  function unitButton(quizRoot) {
    var quiz = H.payload(quizRoot, "csh-quiz-data");
    if (!quiz || quiz.mode !== "practice" || !Array.isArray(quiz.items) || !quiz.items.length) return;
    // Only the unit's own practice quiz (its id is the key prefix), not an outcome page's.
    if (quiz.id !== quiz.spec + "-" + quiz.items[0].unit + "-practice") return;
    // No review dates saved in this browser: nothing is due, and the schedule's reader stays unloaded.
    if (H.store.raw(H.PREFIX + "review") === null) return;
    H.later(["review-store.js"]).then(function () {
      if (document.contains(quizRoot)) dueButton(quizRoot, quiz);
    });
  }

  /* The progress page's review: the due questions of every unit as one practice session.
   * keys: due keys, "<quiz id>|<item id>"
   * sources: per quiz id, its link map entry ({href}: the unit's assets/review/ script)
   * hooks: onStart, onAnswer, onFinish(results heading) */
  function acrossUnits(holder, keys, sources, hooks) {
    var quizOf = H.review.quizOf;  // review-store.js, loaded with need "review"
    var quizzes = [];
    keys.forEach(function (k) { if (quizzes.indexOf(quizOf(k)) < 0) quizzes.push(quizOf(k)); });
    loadUnits(quizzes.map(function (q) { return { quiz: q, href: sources[q].href }; }), function (payloads) {
      var quiz = { id: "review", mode: "practice", title: "Review due", spec: "", outcomes: [], items: [] };
      var seen = {};
      keys.forEach(function (k) {
        var p = payloads[quizOf(k)];
        if (!p) return;
        dueItems(p, [k]).forEach(function (it) {
          // Copied with an id and unit unique across specifications (two can have a Unit 1);
          // reviewKey files the answer under the item's own key.
          var copy = {};
          Object.keys(it).forEach(function (f) { copy[f] = it[f]; });
          copy.id = k;
          copy.unit = p.spec + "/" + it.unit;
          copy.reviewKey = k;
          quiz.items.push(copy);
          var o = p.outcomes.filter(function (x) { return x.id === it.outcome; })[0];
          if (o && !seen[copy.unit + "/" + o.id]) {
            seen[copy.unit + "/" + o.id] = true;
            quiz.outcomes.push({ unit: copy.unit, id: o.id, label: "Unit " + it.unit + ", " + o.label, anchor: o.anchor });
          }
        });
      });
      if (!quiz.items.length) {
        holder.innerHTML = "";
        holder.appendChild(el("p", { class: "csh-message", role: "status", text: "The questions could not be loaded. Check your connection and reload the page." }));
        return;
      }
      hooks.onStart();
      var qroot = run(holder, quiz, hooks);
      H.focusOn(qroot.querySelector(".csh-qhead"));
    });
  }

  function dueButton(quizRoot, quiz) {
    var S = H.review;
    var loaded = S.load();
    if (loaded.damaged) H.notice(quizRoot, "Some saved review dates could not be read; the readable ones were kept.", "review-damaged");
    var keys = S.dueKeys(loaded.value.items, S.today(), quiz.id);
    var items = dueItems(quiz, keys);
    if (!items.length) return;
    var box = el("div", { class: "csh-review-unit", "data-review-due": String(items.length) });
    box.appendChild(el("p", { text: "You have " + plural(items.length, "question") + " from this unit due for review today." }));
    var starting = false;
    box.appendChild(button("Review due in this unit (" + items.length + ")", function () {
      if (starting) return;  // a second press while the practice code loads
      starting = true;
      box.setAttribute("aria-busy", "true");
      H.later("session").then(function () {
        box.removeAttribute("aria-busy");
        var now = dueItems(quiz, S.dueKeys(S.load().value.items, S.today(), quiz.id)).slice(0, S.SESSION);
        var review = {};
        Object.keys(quiz).forEach(function (k) { review[k] = quiz[k]; });
        review.items = now;
        review.title = quiz.title.replace(/ practice$/, "") + " review";
        var root = run(box, review);
        H.focusOn(root.querySelector(".csh-qhead"));
      });
    }, { class: "md-button md-button--primary csh-review-start" }));
    quizRoot.parentNode.insertBefore(box, quizRoot);
  }

  function init() {
    document.querySelectorAll('[data-quiz][data-quiz-mode="practice"]').forEach(function (r) {
      var root = r;
      if (root.dataset.cshReviewButton || root.classList.contains("csh-review-session")) return;
      root.dataset.cshReviewButton = "1";
      unitButton(root);
    });
  }

  H.reviewDue = { run: run, dueItems: dueItems, loadUnits: loadUnits, acrossUnits: acrossUnits };
  H.onPage(init);
})();
