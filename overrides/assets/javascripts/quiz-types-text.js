/* Question types answered in words: short (marked against accepted answers) and
 * extended (self-marked against marking points after the model answer is shown).
 * Needs core.js and quiz-engine.js.
 */
(function () {
  "use strict";

  var H = window.CSHub;
  var el = H.el;
  var E = H.engine;

  /**
   * @param {any} raw a stored response
   * @returns {{value: Object, damaged: boolean}} its text, if it has one
   */
  function readText(raw) {
    if (raw.text == null) return { value: {}, damaged: false };
    if (typeof raw.text === "string") return { value: { text: raw.text }, damaged: false };
    return { value: {}, damaged: true };
  }

  E.register("short", {
    render: function (item, order, r, onChange, locked) {
      var box = el("div", { class: "csh-controls" });
      var sid = H.nextId("short");
      box.appendChild(el("label", { for: sid, text: "Your answer" }));
      var input = /** @type {HTMLInputElement} */ (el("input", { type: "text", id: sid, class: "csh-short", autocomplete: "off", disabled: locked || null }));
      input.value = r.text || "";
      input.addEventListener("input", function () { r.text = input.value; onChange(); });
      box.appendChild(input);
      return box;
    },
    mark: function (item, r) {
      var answer = E.normalise(r.text, item.case_sensitive);
      return answer && item.accept.some(function (a) { return E.normalise(a, item.case_sensitive) === answer; }) ? item.marks : 0;
    },
    answered: function (item, r) { return E.normalise(r.text) !== ""; },
    read: function (item, raw) { return readText(raw); },
    answerHtml: function (item) { return H.escapeHtml(item.accept[0]); }
  });

  E.register("extended", {
    selfMarked: true,
    render: function (item, order, r, onChange, locked) {
      var box = el("div", { class: "csh-controls" });
      var tid = H.nextId("ext");
      box.appendChild(el("label", { for: tid, text: "Write your answer (" + item.marks + " marks)" }));
      var area = /** @type {HTMLTextAreaElement} */ (el("textarea", { id: tid, rows: "6", class: "csh-extended", disabled: locked || null }));
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
        var cb = /** @type {HTMLInputElement} */ (el("input", { type: "checkbox", id: id, "data-point": String(i), disabled: opts.lockTicks || null }));
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
