/* The first screen of every quiz, and what starts it.  Loads first of the quiz scripts and
 * needs only core.js, so a mock test page loads about 10 kB of our JavaScript, not 35
 * (issue #14): the question types, records, mock and results code arrive when the learner
 * presses "Start the test" (loader.js, need "paper"), or at once when a paper in
 * progress or a submitted one is saved.  Practice works the same way: "Start practice"
 * loads the question types, records, scheduler and practice code (need "session").
 * In a SCORM package there is no loader: every script is on the page already.
 */
(function () {
  "use strict";

  var H = window.CSHub, el = H.el, button = H.button;

  // Runners of the current page, so that their timers can be stopped.
  var running = [];

  // The screen helpers are core.js's (the progress page uses them without this file).
  var freshScreen = H.freshScreen;

  // A question answered by one choice: single, or true or false.
  function singleAnswer(it) { return it.type === "single" || it.type === "true-false"; }

  /* The mock's "Before you start" screen: the test's facts and the learner's settings.
   * onStart: called once with { seed, length, extra, exam } when the learner starts */
  function mockScreen(root, quiz, onStart) {
    var t = quiz.test;
    freshScreen(root);
    var box = el("div", { class: "csh-start" });
    box.appendChild(el("h2", { text: "Before you start" }));
    // Marking points are what a learner marks a written answer against (the extended type).
    var selfMarked = quiz.items.some(function (it) { return Array.isArray(it.marking_points) && it.marking_points.length > 0; });
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
      var lid = H.nextId("len");
      lengthSelect = el("select", { id: lid });
      t.length_options.forEach(function (n) {
        var o = el("option", { value: String(n), text: n + " questions" });
        if (n === t.questions) o.selected = true;
        lengthSelect.appendChild(o);
      });
      form.appendChild(el("label", { for: lid, text: "Test length" }));
      form.appendChild(lengthSelect);
    }
    var eid = H.nextId("extra");
    var extra = el("select", { id: eid });
    [["0", "No extra time"], ["25", "25% extra time"], ["50", "50% extra time"]].forEach(function (p) {
      extra.appendChild(el("option", { value: p[0], text: p[1] }));
    });
    form.appendChild(el("label", { for: eid, text: "Extra time (access arrangements)" }));
    form.appendChild(extra);
    var pid = H.nextId("paper");
    var paperInput = el("input", { id: pid, type: "text", inputmode: "numeric", autocomplete: "off", "aria-describedby": pid + "-hint" });
    form.appendChild(el("label", { for: pid, text: "Paper number (optional)" }));
    form.appendChild(paperInput);
    form.appendChild(el("p", { id: pid + "-hint", class: "csh-hint", text: "Leave blank for a new paper. Enter a paper number from a friend or tutor to sit the same questions." }));
    // Exam style: only single-answer questions (one choice, or true or false), drawn to the
    // same blueprint.  The default where the real test is multiple-choice.
    var examBox = null;
    if (quiz.items.some(function (it) { return !singleAnswer(it); })) {
      var xid = H.nextId("exam");
      examBox = el("input", { id: xid, type: "checkbox", class: "csh-exam-style", checked: t.format === "multiple-choice" });
      form.appendChild(el("p", { class: "csh-exam-option" }, [examBox, " ", el("label", { for: xid, text: t.format === "multiple-choice" ? "Exam style: single-answer questions only, as in the real test" : "Exam style: single-answer questions only" })]));
    }
    box.appendChild(form);
    box.appendChild(button("Start the test", function () {
      var seed = parseInt(paperInput.value, 10);
      if (!(seed > 0)) seed = 1 + Math.floor(Math.random() * 999999);
      var length = lengthSelect ? parseInt(lengthSelect.value, 10) : null;
      onStart({ seed: seed, length: length, extra: parseInt(extra.value, 10), exam: !!(examBox && examBox.checked) });
    }, { class: "md-button md-button--primary csh-begin" }));
    root.appendChild(box);
  }

  /* Practice's first screen: which outcome to practise, and "Start practice".
   * onStart: called with the outcome id, or "" for all outcomes */
  function practiceScreen(root, quiz, onStart) {
    freshScreen(root);
    var intro = el("div", { class: "csh-start" });
    var selId = H.nextId("outcome");
    var select = el("select", { id: selId });
    select.appendChild(el("option", { value: "", text: "All outcomes (" + quiz.items.length + " questions)" }));
    quiz.outcomes.forEach(function (o) {
      var n = quiz.items.filter(function (it) { return it.outcome === o.id; }).length;
      select.appendChild(el("option", { value: o.id, text: o.label + " (" + n + ")" }));
    });
    intro.appendChild(el("label", { for: selId, text: "Practise" }));
    intro.appendChild(select);
    intro.appendChild(button("Start practice", function () { onStart(select.value); }, { class: "md-button md-button--primary csh-begin" }));
    root.appendChild(intro);
  }

  var later = H.later;

  function keep(runner) {
    running.push(runner);
    return runner;
  }

  /* Draw a first screen whose Start needs scripts the page has not loaded yet: fetch
   * them as soon as the learner points at or tabs into the screen, so on a slow
   * connection they are there by the press, and ignore a second press while they load.
   * draw(onStart): draws the screen; onStart(choice) is its Start button's action
   * run(choice): starts the quiz once the scripts have arrived */
  function startScreen(root, need, draw, run) {
    var starting = false;
    var warm = function () {
      root.removeEventListener("pointerover", warm);
      root.removeEventListener("focusin", warm);
      later(need);
    };
    root.addEventListener("pointerover", warm);
    root.addEventListener("focusin", warm);
    draw(function (choice) {
      if (starting) return;
      starting = true;
      root.setAttribute("aria-busy", "true");
      later(need).then(function () {
        root.removeAttribute("aria-busy");
        run(choice);
      });
    });
  }

  /* A mock test: its start screen, or straight on to the saved paper.  Any saved record,
   * even a damaged one, goes to quiz-mock.js, which resumes, mends or sets it aside. */
  function startMock(root, quiz) {
    if (H.store.raw(H.PREFIX + "mock:" + quiz.id) !== null) {
      later("paper").then(function () { keep(new H.Mock(root, quiz)); });
      return;
    }
    startScreen(root, "paper", function (onStart) { mockScreen(root, quiz, onStart); },
      function (settings) { keep(new H.Mock(root, quiz, settings)); });
  }

  // A practice quiz: its start screen; "Start practice" loads the question code.
  function startPractice(root, quiz) {
    startScreen(root, "session", function (onStart) { practiceScreen(root, quiz, onStart); },
      function (outcome) { keep(new H.Practice(root, quiz, outcome)); });
  }

  function init() {
    // Stop the timers of quizzes whose page has been swapped away by instant navigation.
    running = running.filter(function (r) {
      if (document.contains(r.root)) return true;
      if (r.cleanup) r.cleanup();
      return false;
    });
    H.eachRoot("[data-quiz]", function (root) {
      var quiz = H.payload(root, "csh-quiz-data");
      if (!quiz || !Array.isArray(quiz.items) || !Array.isArray(quiz.outcomes)) return;
      root.classList.add("csh-quiz--ready");
      if (quiz.mode === "mock") startMock(root, quiz);
      else startPractice(root, quiz);
    });
  }

  H.quizStart = {
    singleAnswer: singleAnswer, mockScreen: mockScreen, practiceScreen: practiceScreen
  };
  H.onPage(init);
})();
