/* Question types answered in words: short (marked against accepted answers) and
 * extended (self-marked against marking points after the model answer is shown).
 * Needs core.js and quiz-engine.js.
 */
(function () {
  "use strict";

  var H = window.CSHub;
  var el = H.el;
  var E = H.engine;

  /* raw: a stored response
   * Returns its text, if it has one */
  function readText(raw) {
    if (raw.text == null) return { value: {}, damaged: false };
    if (typeof raw.text === "string") return { value: { text: raw.text }, damaged: false };
    return { value: {}, damaged: true };
  }

  /* A short answer as compared: the engine's normalising, then apostrophes, hyphens and
   * other punctuation dropped, a leading "a", "an" or "the" dropped, and each word's
   * simple plural or possessive ending taken off ("charters", "customer's" -> "charter",
   * "customer"), so learners are not marked wrong for the form of a right word. */
  function answerKey(text, caseSensitive) {
    var t = E.normalise(text, caseSensitive).replace(/'/g, "").replace(/[^A-Za-z0-9\u00C0-\u024F]+/g, " ").trim();
    t = t.replace(/^(a|an|the) (?=.)/i, "");
    return t.split(" ").map(function (w) {
      if (w.length > 4 && /ies$/i.test(w)) return w.slice(0, -3) + (w.slice(-1) === "S" ? "Y" : "y");
      if (w.length > 3 && /[^s]s$/i.test(w)) return w.slice(0, -1);
      return w;
    }).join(" ");
  }

  /* Damerau-Levenshtein distance (optimal string alignment): insertions, deletions,
   * substitutions and swaps of two neighbouring letters each count one. */
  function editDistance(a, b) {
    var d = [];
    for (var i = 0; i <= a.length; i++) { d.push([i]); }
    for (var j = 1; j <= b.length; j++) d[0][j] = j;
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length][b.length];
  }

  /* How many typos an accepted answer forgives: one per six letters, at least one from
   * five letters; none below five, where one slip makes another word.
   * key: an answerKey() */
  function typosAllowed(key) {
    var letters = key.replace(/[^A-Za-z\u00C0-\u024F]/g, "").length;
    return letters < 5 ? 0 : Math.max(1, Math.floor(letters / 6));
  }

  /* Whether a short answer matches one of the accepted answers.  Digits must match
   * exactly ("2010" is not "2015"). */
  function shortMatches(given, accepted, caseSensitive) {
    var g = answerKey(given, caseSensitive);
    if (!g) return false;
    var digits = function (s) { return s.replace(/[^0-9]/g, ""); };
    return accepted.some(function (a) {
      var k = answerKey(a, caseSensitive);
      return k === g || (digits(k) === digits(g) && editDistance(g, k) <= typosAllowed(k));
    });
  }

  E.answerKey = answerKey;
  E.editDistance = editDistance;
  E.shortMatches = shortMatches;

  /* After a wrong short answer, "I was right" lets the learner overrule the marking (a
   * right answer in words the list did not foresee).  It is recorded as `override` in the
   * response and counts as right in the score.
   * box: the feedback */
  function overrideButton(box, item, response, opts) {
    if (response.override) {
      box.appendChild(el("p", { class: "csh-override-note", text: "You marked this answer right." }));
      return;
    }
    if (opts.lockTicks || E.score(item, response).correct) return;
    var b = H.button("I was right", function () {
      response.override = true;
      var verdict = box.querySelector(".csh-verdict");
      if (verdict) verdict.textContent = "Marked right by you. " + item.marks + " of " + item.marks + " mark" + (item.marks === 1 ? "" : "s") + ".";
      box.className = box.className.replace("csh-feedback--wrong", "csh-feedback--right");
      var note = el("p", { class: "csh-override-note", tabindex: "-1", text: "You marked this answer right." });
      b.parentNode.replaceChild(note, b);
      H.focusOn(note);
      if (opts.onTick) opts.onTick();
    }, { class: "md-button csh-override" });
    box.appendChild(b);
  }

  E.register("short", {
    render: function (item, order, r, onChange, locked) {
      var box = el("div", { class: "csh-controls" });
      var sid = H.nextId("short");
      box.appendChild(el("label", { for: sid, text: "Your answer" }));
      var input = el("input", { type: "text", id: sid, class: "csh-short", autocomplete: "off", disabled: locked || null });
      input.value = r.text || "";
      input.addEventListener("input", function () { r.text = input.value; onChange(); });
      box.appendChild(input);
      return box;
    },
    mark: function (item, r) {
      if (r.override === true && E.normalise(r.text) !== "") return item.marks;
      return shortMatches(r.text, item.accept, item.case_sensitive) ? item.marks : 0;
    },
    answered: function (item, r) { return E.normalise(r.text) !== ""; },
    read: function (item, raw) {
      var out = readText(raw);
      if (raw.override === true && out.value.text) out.value.override = true;
      else if (raw.override != null && raw.override !== false) out.damaged = true;
      return out;
    },
    answerHtml: function (item) { return H.escapeHtml(item.accept[0]); },
    review: overrideButton
  });

  E.register("extended", {
    selfMarked: true,
    render: function (item, order, r, onChange, locked) {
      var box = el("div", { class: "csh-controls" });
      var tid = H.nextId("ext");
      box.appendChild(el("label", { for: tid, text: "Write your answer (" + item.marks + " marks)" }));
      var area = el("textarea", { id: tid, rows: "6", class: "csh-extended", disabled: locked || null });
      area.value = r.text || "";
      area.addEventListener("input", function () { r.text = area.value; onChange(); });
      box.appendChild(area);
      return box;
    },
    // The learner's own ticks against the marking points.
    mark: function (item, r) { return Math.min(item.marks, (r.ticks || []).length); },
    answered: function (item, r) { return (r.text || "").trim() !== ""; },
    read: function (item, raw) {
      var out = readText(raw);
      if (raw.ticks != null) {
        var n = item.marking_points.length;
        var ticks = Array.isArray(raw.ticks) ? raw.ticks.filter(function (v, i) {
          return typeof v === "number" && v % 1 === 0 && v >= 0 && v < n && raw.ticks.indexOf(v) === i;
        }) : [];
        if (!Array.isArray(raw.ticks) || ticks.length !== raw.ticks.length) out.damaged = true;
        out.value.ticks = ticks;
      }
      return out;
    },
    answerHtml: function (item) { return item.model_answer; },
    // The model answer and a checkbox per marking point; ticking changes the score.
    review: function (box, item, response, opts) {
      box.appendChild(el("div", { class: "csh-model", html: "<strong>Model answer:</strong> " + item.model_answer }));
      var fs = el("fieldset", { class: "csh-points" });
      fs.appendChild(el("legend", { text: "Tick the points your answer made (one mark each)" }));
      response.ticks = response.ticks || [];
      item.marking_points.forEach(function (p, i) {
        var id = H.nextId("pt");
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
  });
})();
