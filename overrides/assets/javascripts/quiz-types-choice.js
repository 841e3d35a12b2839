/* Question types answered by picking: single, multiple and true-false.
 *
 * Each registry entry renders real radio buttons or checkboxes with visible labels,
 * marks a response, reads a stored response back defensively and adds its review
 * feedback.  Needs core.js and quiz-engine.js.
 */
(function () {
  "use strict";

  var H = window.CSHub;
  var el = H.el;

  // Returns whether a value is an index into a list of n
  function indexBelow(n) {
    return function (v) { return typeof v === "number" && v % 1 === 0 && v >= 0 && v < n; };
  }

  // One fieldset for all three: they differ only in input type and what a choice means.
  function renderChoices(item, order, r, onChange, locked) {
    var box = el("div", { class: "csh-controls" });
    var name = H.nextId("q");
    var fieldset = el("fieldset", { class: "csh-options" });
    fieldset.appendChild(el("legend", { class: "csh-sr", text: item.type === "multiple" ? "Choose all that apply" : "Choose one answer" }));
    var choices = item.type === "true-false" ? [{ html: "True", value: true }, { html: "False", value: false }]
      : order.options.map(function (i) { return { html: item.options[i].html, index: i }; });
    choices.forEach(function (c) {
      var id = H.nextId("opt");
      var input = (el("input", {
        type: item.type === "multiple" ? "checkbox" : "radio", name: name, id: id, disabled: locked || null
      }));
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
      // Locked means the mock's review: name the learner's answer and the right one in
      // words and with a shape, since a greyed radio alone says neither.
      if (locked) reviewMarks(label, input.checked, item.type === "true-false" ? c.value === item.answer : !!item.options[c.index].correct);
      fieldset.appendChild(label);
    });
    box.appendChild(fieldset);
    return box;
  }

  function reviewMarks(label, chosen, correct) {
    if (correct) label.setAttribute("data-correct", "");
    if (chosen) label.setAttribute("data-chosen", "");
    if (chosen) label.appendChild(mark("csh-mark--yours" + (correct ? "" : " csh-mark--wrong"), correct ? "\u2714" : "\u2716", "Your answer"));
    if (correct) label.appendChild(mark("csh-mark--correct", "\u2714", "Correct answer"));
  }

  function mark(cls, icon, text) {
    return el("span", { class: "csh-mark " + cls }, [el("span", { class: "csh-mark-icon", "aria-hidden": "true", text: icon }), text]);
  }

  function correctOptionsHtml(item) {
    return item.options.filter(function (o) { return o.correct; }).map(function (o) { return o.html; }).join("; ");
  }

  // html: build-time HTML of one paragraph; returns its inside, to sit in a line
  function unwrap(html) { return html.replace(/^\s*<p>([\s\S]*)<\/p>\s*$/, "$1"); }

  // html: an option's build-time HTML; returns it in quotes
  function quoted(html) { return "\u201C" + unwrap(html) + "\u201D"; }

  // The feedback written for each option the learner picked.  With several choices, each
  // line names its option and whether it was right, or a learner cannot tell which is which.
  function optionFeedback(box, item, response) {
    var picked = item.type === "single" ? (response.choice != null ? [response.choice] : []) : (response.choices || []);
    var several = item.type === "multiple";
    picked.forEach(function (i) {
      var o = item.options[i];
      if (!o || !(o.feedback || several)) return;
      var head = several ? "You chose " + quoted(o.html) + (o.correct ? " (right)" : " (not right)") + (o.feedback ? ":" : ".") : "Your choice:";
      box.appendChild(el("p", { class: "csh-option-feedback", html: "<strong>" + head + "</strong> " + unwrap(o.feedback || "") }));
    });
    if (several) item.options.forEach(function (o, i) {
      if (o.correct && picked.indexOf(i) < 0) {
        box.appendChild(el("p", { class: "csh-option-feedback", html: "<strong>You did not choose " + quoted(o.html) + ",</strong> but it is right too." }));
      }
    });
  }

  H.engine.register("single", {
    render: renderChoices,
    mark: function (item, r) {
      return (r.choice != null && item.options[r.choice] && item.options[r.choice].correct) ? item.marks : 0;
    },
    answered: function (item, r) { return r.choice != null; },
    read: function (item, raw) {
      if (raw.choice == null) return { value: {}, damaged: false };
      if (indexBelow(item.options.length)(raw.choice)) return { value: { choice: raw.choice }, damaged: false };
      return { value: {}, damaged: true };
    },
    answerHtml: correctOptionsHtml,
    review: optionFeedback
  });

  // 1-mark items are all or nothing; multi-mark items score one mark per correct choice,
  // less one per wrong choice, never below 0.
  H.engine.register("multiple", {
    render: renderChoices,
    mark: function (item, r) {
      var chosen = r.choices || [];
      var right = 0, wrong = 0, need = 0;
      item.options.forEach(function (o, i) {
        if (o.correct) need++;
        if (chosen.indexOf(i) >= 0) { if (o.correct) right++; else wrong++; }
      });
      if (item.marks === 1) return (right === need && wrong === 0) ? 1 : 0;
      return Math.max(0, Math.min(item.marks, right - wrong));
    },
    answered: function (item, r) { return (r.choices || []).length > 0; },
    read: function (item, raw) {
      if (raw.choices == null) return { value: {}, damaged: false };
      if (!Array.isArray(raw.choices)) return { value: {}, damaged: true };
      var ok = indexBelow(item.options.length);
      var clean = raw.choices.filter(function (v, i) { return ok(v) && raw.choices.indexOf(v) === i; })
        .sort(function (a, b) { return a - b; });
      return { value: { choices: clean }, damaged: clean.length !== raw.choices.length };
    },
    answerHtml: correctOptionsHtml,
    review: optionFeedback
  });

  H.engine.register("true-false", {
    render: renderChoices,
    mark: function (item, r) {
      return (r.value === true || r.value === false) && r.value === item.answer ? item.marks : 0;
    },
    answered: function (item, r) { return r.value === true || r.value === false; },
    read: function (item, raw) {
      if (raw.value == null) return { value: {}, damaged: false };
      if (raw.value === true || raw.value === false) return { value: { value: raw.value }, damaged: false };
      return { value: {}, damaged: true };
    },
    answerHtml: function (item) { return item.answer ? "True" : "False"; }
  });
})();
