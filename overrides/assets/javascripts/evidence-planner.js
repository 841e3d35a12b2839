/* The evidence planner on the page of every unit assessed on workplace evidence: adds each
 * line's controls to the checklist the page already prints, fills them from localStorage
 * and saves every change (records: evidence-records.js). */
(function () {
  "use strict";

  var H = window.CSHub;
  var el = H.el;
  var button = H.button;
  var R = H.evidence;  // evidence-records.js
  var KEY = R.KEY, FORMAT = R.FORMAT, LIMITS = R.LIMITS;
  var isObject = R.isObject, readRecord = R.readRecord, load = R.load, storedRefs = R.storedRefs;
  var plural = R.plural, damageNotice = R.damageNotice;
  function Planner(root) {
    this.root = root;
    this.ref = root.getAttribute("data-csh-planner") || "";
    this.key = H.PREFIX + (root.getAttribute("data-csh-store") || "");
    var got = load(this.ref);
    damageNotice(root, got.damaged, got.old ? 1 : 0);
    this.record = got.record || {
      v: 1, ref: this.ref, rows: {},
      title: root.getAttribute("data-csh-title") || this.ref,
      qualification: root.getAttribute("data-csh-qualification") || "",
      updated: ""
    };
    this.rows = Array.prototype.slice.call(root.querySelectorAll(".csh-planner-row"));
    this.timer = 0;
    var types = (root.getAttribute("data-csh-types") || "").split("|").filter(Boolean);
    this.rows.forEach(function (li) { addControls(li, types); });
    root.classList.add("csh-planner--live");
    this.tools();
    this.fill();
    this.count();
    var self = this;
    root.addEventListener("change", function (e) { self.changed((e.target)); });
    root.addEventListener("input", function (e) {
      var t = e.target;
      if (t.tagName === "INPUT" && (t).type === "checkbox") return;
      window.clearTimeout(self.timer);
      self.timer = window.setTimeout(function () { self.changed(t); }, 400);
    });
  }

  Planner.prototype.tools = function () {
    var self = this;
    var bar = el("div", { class: "csh-planner-tools" }, [
      button("Print evidence record", function () { self.print(); }, { class: "md-button csh-planner-print" })
    ]);
    var status = this.root.querySelector(".csh-planner-status");
    this.root.insertBefore(bar, status ? status.nextSibling : this.root.firstChild);
  };

  // Put the saved values into the form.
  Planner.prototype.fill = function () {
    var rows = this.record.rows;
    this.rows.forEach(function (li) {
      var key = li.getAttribute("data-row") || "";
      var r = Object.prototype.hasOwnProperty.call(rows, key) ? rows[key] : null;
      var f = fields(li);
      f.done.checked = !!(r && r.done);
      f.evidence.value = r ? r.evidence : "";
      f.note.value = r ? r.note : "";
      // An unknown stored type (from another build) shows as "Not chosen" but is kept.
      f.type.value = r ? r.type : "";
      if (f.type.selectedIndex < 0) f.type.value = "";
      li.classList.toggle("csh-planner-row--done", !!(r && r.done));
    });
  };

  Planner.prototype.changed = function (target) {
    var li = target.closest ? target.closest(".csh-planner-row") : null;
    if (!li || !this.root.contains(li)) return;
    var key = li.getAttribute("data-row") || "";
    var f = fields(li);
    var now = new Date().toISOString();
    var row = {
      done: f.done.checked,
      evidence: f.evidence.value.slice(0, LIMITS.evidence),
      type: f.type.value,
      note: f.note.value.slice(0, LIMITS.note),
      at: now
    };
    var before = Object.prototype.hasOwnProperty.call(this.record.rows, key) ? this.record.rows[key] : null;
    if (before && before.done === row.done && before.evidence === row.evidence && before.type === row.type && before.note === row.note) return;
    this.record.rows[key] = row;
    this.record.updated = now;
    li.classList.toggle("csh-planner-row--done", row.done);
    if (!H.store.set(this.key, this.record)) H.unsaved(this.root);
    this.count();
  };

  // Show (and, through the status line's role, announce) how much is evidenced.
  Planner.prototype.count = function () {
    var rows = this.record.rows;
    var tally = { criterion: [0, 0], knowledge: [0, 0] };
    this.rows.forEach(function (li) {
      var kind = li.getAttribute("data-kind") === "knowledge" ? "knowledge" : "criterion";
      var key = li.getAttribute("data-row") || "";
      tally[kind][1]++;
      if (Object.prototype.hasOwnProperty.call(rows, key) && rows[key].done) tally[kind][0]++;
    });
    var parts = [tally.criterion[0] + " of " + plural(tally.criterion[1], "criterion").replace("criterions", "criteria")];
    if (tally.knowledge[1]) parts.push(tally.knowledge[0] + " of " + plural(tally.knowledge[1], "knowledge statement"));
    var message = parts.join(" and ") + " evidenced.";
    var out = this.root.querySelector(".csh-planner-count");
    if (out) out.textContent = message;
  };

  Planner.prototype.print = function () {
    var html = document.documentElement;
    html.classList.add("csh-printing-planner");
    this.root.querySelectorAll("textarea").forEach(function (t) {
      var area = t;
      area.style.height = "";
      if (area.value) area.style.height = area.scrollHeight + 4 + "px";
    });
    var done = function () { html.classList.remove("csh-printing-planner"); window.removeEventListener("afterprint", done); };
    window.addEventListener("afterprint", done);
    window.print();
    // Some browsers print synchronously and send no afterprint.
    window.setTimeout(done, 1000);
  };

  /* The tick box, evidence name, type and note of one row, each with a visible label
   * (and, for screen readers, the row's label: "Evidence for PC 3"). */
  function addControls(li, types) {
    var label = li.getAttribute("data-label") || "";
    var sr = function (t) { return el("span", { class: "csh-sr", text: t }); };
    var select = el("select", { name: "type" }, [el("option", { value: "", text: "Not chosen" })]);
    types.forEach(function (t) { select.appendChild(el("option", { value: t, text: t.charAt(0).toUpperCase() + t.slice(1) })); });
    li.appendChild(el("label", { class: "csh-planner-done" }, [el("input", { type: "checkbox", name: "done" }), "Evidenced", sr(": " + label)]));
    li.appendChild(el("label", { class: "csh-planner-field" }, ["Evidence", sr(" for " + label), el("input", { type: "text", name: "evidence", maxlength: String(LIMITS.evidence), autocomplete: "off" })]));
    li.appendChild(el("label", { class: "csh-planner-field" }, ["Type", sr(" of evidence for " + label), select]));
    li.appendChild(el("label", { class: "csh-planner-field csh-planner-note" }, ["Note", sr(" on " + label), el("textarea", { name: "note", rows: "1", maxlength: String(LIMITS.note) })]));
  }

  function fields(li) {
    return {
      done: (li.querySelector("input[name=done]")),
      evidence: (li.querySelector("input[name=evidence]")),
      type: (li.querySelector("select[name=type]")),
      note: (li.querySelector("textarea[name=note]"))
    };
  }

  H.onPage(function () {
    H.eachRoot("[data-csh-planner]", function (root) { new Planner(root); });
  });
})();
