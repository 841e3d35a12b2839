/* Question types answered by arranging: matching (a select per row) and ordering (Move
 * up / Move down buttons, so no drag and drop is needed).  Needs core.js and
 * quiz-engine.js.
 */
(function () {
  "use strict";

  var H = window.CSHub;
  var el = H.el;
  var E = H.engine;

  // 1-mark items are all or nothing; multi-mark items score in proportion to the rows
  // matched, rounded down.
  E.register("matching", {
    render: function (item, order, r, onChange, locked) {
      var box = el("div", { class: "csh-controls" });
      var table = el("table", { class: "csh-matching" });
      table.appendChild(el("thead", null, [el("tr", null, [el("th", { scope: "col", text: "Item" }), el("th", { scope: "col", text: "Matches" })])]));
      var body = el("tbody");
      r.matches = r.matches || item.pairs.map(function () { return ""; });
      item.pairs.forEach(function (p, row) {
        var selId = H.nextId("match");
        var promptId = H.nextId("prompt");
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
      return box;
    },
    mark: function (item, r) {
      var rows = item.pairs.length;
      var ok = item.pairs.filter(function (p, i) { return r.matches && r.matches[i] === p.answer; }).length;
      return item.marks === 1 ? (ok === rows ? 1 : 0) : Math.floor(item.marks * ok / rows);
    },
    answered: function (item, r) { return (r.matches || []).some(function (m) { return m; }); },
    read: function (item, raw) {
      if (raw.matches == null) return { value: {}, damaged: false };
      if (!Array.isArray(raw.matches)) return { value: {}, damaged: true };
      var damaged = raw.matches.length !== item.pairs.length;
      var matches = item.pairs.map(function (p, i) {
        var m = raw.matches[i];
        if (m === "" || (typeof m === "string" && item.choices.indexOf(m) >= 0)) return m;
        if (m !== undefined) damaged = true;
        return "";
      });
      return { value: { matches: matches }, damaged: damaged };
    },
    answerHtml: function (item) {
      return item.pairs.map(function (p) { return p.prompt + " → " + H.escapeHtml(p.answer); }).join("; ");
    },
    // One line per row matched wrongly: the row, what the learner chose, the right match.
    review: function (box, item, response) {
      var list = el("ul", { class: "csh-match-review" });
      item.pairs.forEach(function (p, i) {
        var got = (response.matches || [])[i] || "";
        if (got === p.answer) return;
        list.appendChild(el("li", { html: "<strong>" + p.prompt.replace(/^\s*<p>([\s\S]*)<\/p>\s*$/, "$1") + ":</strong> " +
          (got ? "you chose \u201C" + H.escapeHtml(got) + "\u201D" : "you chose nothing") +
          "; the right match is \u201C" + H.escapeHtml(p.answer) + "\u201D." }));
      });
      if (!list.children.length) return;
      box.appendChild(el("p", { class: "csh-match-review-head", html: "<strong>" + list.children.length + " of " + item.pairs.length + " rows wrong:</strong>" }));
      box.appendChild(list);
    }
  });

  E.register("ordering", {
    render: function (item, order, r, onChange, locked) {
      var box = el("div", { class: "csh-controls" });
      r.order = r.order || order.sequence.slice();
      var list = el("ol", { class: "csh-ordering" });
      var draw = function (focusIndex, focusWhich) {
        list.innerHTML = "";
        r.order.forEach(function (stepIndex, pos) {
          var text = item.sequence[stepIndex];
          var up = H.button("Move up", function () { move(pos, -1); }, {
            class: "csh-move", disabled: locked || pos === 0 || null, "aria-label": "Move up: " + text
          });
          var down = H.button("Move down", function () { move(pos, 1); }, {
            class: "csh-move", disabled: locked || pos === r.order.length - 1 || null, "aria-label": "Move down: " + text
          });
          var li = el("li", { "data-step": String(stepIndex) }, [el("span", { class: "csh-step", text: text }), up, down]);
          list.appendChild(li);
          // Keep focus on the moved step's button so keyboard users can keep moving it.
          if (focusIndex === pos) (focusWhich === "up" && !up.disabled ? up : (!down.disabled ? down : up)).focus();
        });
      };
      var move = function (pos, delta) {
        var to = pos + delta;
        if (to < 0 || to >= r.order.length) return;
        var tmp = r.order[pos]; r.order[pos] = r.order[to]; r.order[to] = tmp;
        r.moved = true;
        draw(to, delta < 0 ? "up" : "down");
        H.announce(box.closest(".csh-quiz") || box, "Moved to position " + (to + 1) + " of " + r.order.length);
        onChange();
      };
      draw();
      box.appendChild(list);
      box.appendChild(el("p", { class: "csh-hint", text: "Use the Move up and Move down buttons to put the steps in order." }));
      return box;
    },
    mark: function (item, r) {
      var seq = r.order || [];
      return seq.length === item.sequence.length && seq.every(function (v, i) { return v === i; }) ? item.marks : 0;
    },
    answered: function (item, r) { return !!r.moved; },
    read: function (item, raw) {
      var value = {};
      var damaged = false;
      if (raw.order != null) {
        if (E.isPermutation(raw.order, item.sequence.length)) value.order = raw.order.slice();
        else damaged = true;
      }
      if (raw.moved != null) {
        if (typeof raw.moved === "boolean" && value.order) value.moved = raw.moved;
        else damaged = damaged || typeof raw.moved !== "boolean";
      }
      return { value: value, damaged: damaged };
    },
    answerHtml: function (item) {
      return item.sequence.map(function (s, i) { return (i + 1) + ". " + H.escapeHtml(s); }).join(" ");
    }
  });
})();
