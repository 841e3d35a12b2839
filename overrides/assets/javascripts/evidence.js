/* The evidence planner (unit pages of competence units) and the evidence portfolio
 * (/evidence/).
 *
 * The planner's checklist is in the page already (generator/pages/evidence.py); this
 * script only fills it from, and saves it to, localStorage under
 * cs-hub:v1:evidence:<spec>/<unit>.  Row keys come from the page (data-row), never from
 * storage or an imported file, and nothing read from either is ever used as markup or in
 * a selector: it is shown through textContent and form values only.
 *
 * A record:  { v: 1, ref, title, qualification, updated,
 *              rows: { "<row key>": { done, evidence, type, note, at } } }
 * An export: { format: "cs-hub-evidence", v: 1, exported, records: { "<ref>": record } }
 */
(function () {
  "use strict";

  /** @type {any} */
  var H = window.CSHub;
  var el = H.el;
  var button = H.button;
  var KEY = H.PREFIX + "evidence:";
  var FORMAT = "cs-hub-evidence";
  var LIMITS = { evidence: 200, type: 40, note: 1000 };

  /**
   * @typedef {{done: boolean, evidence: string, type: string, note: string, at: string}} EvidenceRow
   * @typedef {{v: number, ref: string, title: string, qualification: string, updated: string, rows: Object<string, EvidenceRow>}} EvidenceRecord
   */

  /**
   * @param {any} x
   * @returns {boolean}
   */
  function isObject(x) { return !!x && typeof x === "object" && !Array.isArray(x); }

  /**
   * @param {any} s
   * @param {number} max
   * @returns {string|null} the string, or null when it is not one or is too long
   */
  function text(s, max) { return typeof s === "string" && s.length <= max ? s : null; }

  /**
   * One stored row, checked field by field.
   * @param {any} r
   * @returns {EvidenceRow|null}
   */
  function readRow(r) {
    if (!isObject(r) || typeof r.done !== "boolean") return null;
    var evidence = text(r.evidence == null ? "" : r.evidence, LIMITS.evidence);
    var type = text(r.type == null ? "" : r.type, LIMITS.type);
    var note = text(r.note == null ? "" : r.note, LIMITS.note);
    var at = text(r.at == null ? "" : r.at, 40);
    if (evidence === null || type === null || note === null || at === null) return null;
    return { done: r.done, evidence: evidence, type: type, note: note, at: at };
  }

  /**
   * A record from storage or a file: every readable row is kept, and `damaged` counts
   * the rows that were not.  `old` is set for a record of another format version.
   * @param {any} value
   * @param {string} ref
   * @returns {{record: EvidenceRecord|null, damaged: number, old: boolean}}
   */
  function readRecord(value, ref) {
    if (!isObject(value) || !isObject(value.rows)) return { record: null, damaged: 1, old: false };
    if (value.v !== 1) return { record: null, damaged: 0, old: true };
    var rows = /** @type {Object<string, EvidenceRow>} */ ({});
    var damaged = 0;
    Object.keys(value.rows).forEach(function (k) {
      var row = k.length <= 40 ? readRow(value.rows[k]) : null;
      if (row) rows[k] = row; else damaged++;
    });
    return {
      record: {
        v: 1, ref: ref, rows: rows,
        title: text(value.title, 300) || ref,
        qualification: text(value.qualification, 300) || "",
        updated: text(value.updated, 40) || ""
      },
      damaged: damaged,
      old: false
    };
  }

  /**
   * Read one unit's record; a value that cannot be read at all is moved aside
   * (store.quarantine) and a partly readable one is saved back mended.
   * @param {string} ref
   * @returns {{record: EvidenceRecord|null, damaged: number, old: boolean}}
   */
  function load(ref) {
    var key = KEY + ref;
    var got = H.store.read(key, isObject);
    if (got.damaged) return { record: null, damaged: 1, old: false };
    if (got.value === null) return { record: null, damaged: 0, old: false };
    var result = readRecord(got.value, ref);
    if (!result.record) {
      H.store.quarantine(key, H.store.raw(key));
      H.store.remove(key);
    } else if (result.damaged) {
      H.store.repair(key, result.record);
    }
    return result;
  }

  /** @returns {string[]} the refs of every stored record */
  function storedRefs() {
    return H.store.keys().filter(function (k) { return k.indexOf(KEY) === 0; }).map(function (k) { return k.slice(KEY.length); });
  }

  /**
   * @param {number} n
   * @param {string} word
   * @returns {string}
   */
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  /**
   * The notice for records or rows that could not be read.
   * @param {Element} root
   * @param {number} damaged
   * @param {number} old
   */
  function damageNotice(root, damaged, old) {
    if (damaged) H.notice(root, "Some saved evidence could not be read (" + plural(damaged, "entry") + "); it was set aside and everything readable is shown.", "evidence-damaged");
    if (old) H.notice(root, plural(old, "evidence record") + " saved by another version of this site could not be read; it was set aside, not deleted.", "evidence-old");
  }

  /* ------------------------------------------------------------------ planner */

  /**
   * @param {HTMLElement} root
   */
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
    root.addEventListener("change", function (e) { self.changed(/** @type {HTMLElement} */ (e.target)); });
    root.addEventListener("input", function (e) {
      var t = /** @type {HTMLElement} */ (e.target);
      if (t.tagName === "INPUT" && /** @type {HTMLInputElement} */ (t).type === "checkbox") return;
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

  /** Put the saved values into the form. */
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

  /** @param {HTMLElement} target */
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

  /** Show (and, through the status line's role, announce) how much is evidenced. */
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
      var area = /** @type {HTMLTextAreaElement} */ (t);
      area.style.height = "";
      if (area.value) area.style.height = area.scrollHeight + 4 + "px";
    });
    var done = function () { html.classList.remove("csh-printing-planner"); window.removeEventListener("afterprint", done); };
    window.addEventListener("afterprint", done);
    window.print();
    // Some browsers print synchronously and send no afterprint.
    window.setTimeout(done, 1000);
  };

  /**
   * The tick box, evidence name, type and note of one row, each with a visible label
   * (and, for screen readers, the row's label: "Evidence for PC 3").
   * @param {Element} li
   * @param {string[]} types
   */
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

  /**
   * @param {Element} li
   * @returns {{done: HTMLInputElement, evidence: HTMLInputElement, type: HTMLSelectElement, note: HTMLTextAreaElement}}
   */
  function fields(li) {
    return {
      done: /** @type {HTMLInputElement} */ (li.querySelector("input[name=done]")),
      evidence: /** @type {HTMLInputElement} */ (li.querySelector("input[name=evidence]")),
      type: /** @type {HTMLSelectElement} */ (li.querySelector("select[name=type]")),
      note: /** @type {HTMLTextAreaElement} */ (li.querySelector("textarea[name=note]"))
    };
  }

  /* ---------------------------------------------------------------- portfolio */

  /**
   * @param {HTMLElement} root
   * @param {{units: Object<string, {title: string, spec: string, rows: Array<Array<string>>}>}} catalogue
   */
  function Portfolio(root, catalogue) {
    this.root = root;
    this.catalogue = catalogue.units || {};
    this.list = el("div", { class: "csh-portfolio-list" });
    this.dialog = el("div", { class: "csh-dialog", hidden: true, role: "group", "aria-label": "Confirm clearing the evidence planner" });
    this.live = el("p", { class: "csh-live", role: "status" });
    var self = this;
    var fid = H.nextId("evidence-import");
    var file = /** @type {HTMLInputElement} */ (el("input", { type: "file", id: fid, accept: "application/json,.json", class: "csh-import-file" }));
    file.addEventListener("change", function () { if (file.files && file.files[0]) self.importFile(file.files[0]); file.value = ""; });
    var tools = el("div", { class: "csh-progress-tools" }, [
      button("Export evidence", function () { self.exportFile(); }, { class: "md-button csh-evidence-export" }),
      el("span", { class: "csh-import" }, [el("label", { for: fid, text: "Import evidence from a file" }), file]),
      button("Clear the evidence planner", function () { self.confirmClear(); }, { class: "md-button csh-evidence-clear" })
    ]);
    root.appendChild(this.live);
    root.appendChild(tools);
    root.appendChild(this.dialog);
    root.appendChild(this.list);
    this.draw("");
  }

  /** @param {string} message said through the live region after drawing */
  Portfolio.prototype.draw = function (message) {
    var self = this;
    var damaged = 0, old = 0;
    var cards = [];
    var strangers = [];
    storedRefs().sort().forEach(function (ref) {
      var got = load(ref);
      damaged += got.damaged;
      if (got.old) old++;
      if (!got.record) return;
      if (Object.prototype.hasOwnProperty.call(self.catalogue, ref)) cards.push(self.card(ref, got.record));
      else strangers.push(got.record);
    });
    damageNotice(this.root, damaged, old);
    this.list.innerHTML = "";
    if (!cards.length && !strangers.length) {
      this.list.appendChild(el("p", { class: "csh-portfolio-empty", text: "You have not started an evidence planner yet. Open the page of a unit you are working on and tick a criterion in its evidence planner: it appears here." }));
    }
    cards.forEach(function (c) { self.list.appendChild(c); });
    if (strangers.length) {
      var ul = el("ul");
      strangers.forEach(function (r) { ul.appendChild(el("li", { text: r.title + " (" + plural(Object.keys(r.rows).length, "line") + ")" })); });
      this.list.appendChild(el("div", { class: "csh-portfolio-other" }, [
        el("p", { text: "Kept for units this copy of the site does not have (they are exported with the rest):" }), ul
      ]));
    }
    if (message) H.announce(this.root, message);
  };

  /**
   * @param {string} ref
   * @param {EvidenceRecord} record
   * @returns {HTMLElement}
   */
  Portfolio.prototype.card = function (ref, record) {
    var unit = this.catalogue[ref];
    var href = null;
    var links = this.root.parentNode ? (this.root.closest("article") || document).querySelectorAll(".csh-linkmap a") : [];
    for (var i = 0; i < links.length; i++) {
      // Attribute comparison, not a selector: the ref comes from a storage key.
      if (links[i].getAttribute("data-csh-evidence-unit") === ref) { href = links[i].getAttribute("href"); break; }
    }
    var page = (href || "").split("#")[0];
    var tally = { criterion: [0, 0], knowledge: [0, 0] };
    var gaps = { criterion: /** @type {Array<Array<string>>} */ ([]), knowledge: /** @type {Array<Array<string>>} */ ([]) };
    unit.rows.forEach(function (row) {
      var kind = row[2] === "knowledge" ? "knowledge" : "criterion";
      tally[kind][1]++;
      var r = Object.prototype.hasOwnProperty.call(record.rows, row[0]) ? record.rows[row[0]] : null;
      if (r && r.done) tally[kind][0]++; else gaps[kind].push(row);
    });
    var heading = el("h2", { class: "csh-portfolio-unit" }, [href ? el("a", { href: href, text: unit.title }) : unit.title]);
    var counts = el("p", { class: "csh-portfolio-counts", "data-evidence-unit": ref,
      "data-criteria-done": String(tally.criterion[0]), "data-criteria": String(tally.criterion[1]),
      "data-knowledge-done": String(tally.knowledge[0]), "data-knowledge": String(tally.knowledge[1]),
      text: tally.criterion[0] + " of " + tally.criterion[1] + " criteria evidenced" +
        (tally.knowledge[1] ? "; " + tally.knowledge[0] + " of " + tally.knowledge[1] + " knowledge statements evidenced" : "") + "." });
    var card = el("section", { class: "csh-portfolio-card" }, [heading, el("p", { class: "csh-portfolio-spec", text: unit.spec }), counts]);
    ["criterion", "knowledge"].forEach(function (kind) {
      var left = gaps[kind];
      if (!left.length) return;
      var p = el("p", { class: "csh-portfolio-gaps" }, [kind === "criterion" ? "Still to evidence: " : "Knowledge still to show: "]);
      left.forEach(function (row, n) {
        if (n) p.appendChild(document.createTextNode(", "));
        p.appendChild(page ? el("a", { href: page + "#" + row[0], text: row[1] }) : document.createTextNode(row[1]));
      });
      card.appendChild(p);
    });
    if (!gaps.criterion.length && !gaps.knowledge.length) card.appendChild(el("p", { class: "csh-portfolio-gaps", text: "Everything in this unit is evidenced. Check the record with your assessor." }));
    if (record.updated) {
      var when = new Date(record.updated);
      if (!isNaN(when.getTime())) card.appendChild(el("p", { class: "csh-portfolio-when", text: "Last changed " + when.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) + "." }));
    }
    return card;
  };

  Portfolio.prototype.exportFile = function () {
    var records = /** @type {Object<string, EvidenceRecord>} */ ({});
    storedRefs().sort().forEach(function (ref) {
      var got = load(ref);
      if (got.record) records[ref] = got.record;
    });
    var data = { format: FORMAT, v: 1, exported: new Date().toISOString(), records: records };
    var blob = new Blob([JSON.stringify(data, null, 1)], { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: "cs-hub-evidence.json" });
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.getAttribute("href") || ""); a.remove(); }, 1000);
    H.announce(this.root, "Evidence exported: " + plural(Object.keys(records).length, "unit") + ".");
  };

  /** @param {Blob} file */
  Portfolio.prototype.importFile = function (file) {
    var self = this;
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try {
        data = JSON.parse(String(reader.result));
        if (!isObject(data) || data.format !== FORMAT || !isObject(data.records)) throw new Error("shape");
      } catch (e) {
        self.draw("That file is not a Study Hub evidence file, so nothing was imported.");
        return;
      }
      var units = 0, added = 0, updated = 0, damaged = 0, old = 0, failed = false;
      Object.keys(data.records).forEach(function (ref) {
        if (!/^[A-Za-z0-9-]{1,60}\/[A-Za-z0-9-]{1,40}$/.test(ref)) { damaged++; return; }
        var incoming = readRecord(data.records[ref], ref);
        damaged += incoming.damaged;
        if (incoming.old) old++;
        if (!incoming.record) return;
        var here = load(ref).record;
        var merged = here || incoming.record;
        var changed = !here;
        Object.keys(incoming.record.rows).forEach(function (k) {
          var theirs = incoming.record.rows[k];
          var ours = Object.prototype.hasOwnProperty.call(merged.rows, k) ? merged.rows[k] : null;
          if (!here || !ours) { merged.rows[k] = theirs; added++; changed = true; }
          else if (theirs.at > ours.at) { merged.rows[k] = theirs; updated++; changed = true; }
        });
        if (here && incoming.record.updated > merged.updated) merged.updated = incoming.record.updated;
        if (!changed) return;
        units++;
        if (!H.store.set(KEY + ref, merged)) failed = true;
      });
      var message = failed ? "Not everything was imported: this browser's storage is full." :
        "Imported " + plural(units, "unit") + ": " + plural(added, "line") + " added, " + updated + " updated.";
      self.draw(message);
      var live = self.root.querySelector(".csh-portfolio-result");
      if (!live) { live = el("p", { class: "csh-portfolio-result" }); self.root.insertBefore(live, self.list); }
      live.textContent = message;
      if (damaged || old) H.notice(self.root, "Part of that file could not be read (" + plural(damaged + old, "entry") + "); everything readable was imported.", "evidence-import-damaged");
    };
    reader.readAsText(file);
  };

  Portfolio.prototype.confirmClear = function () {
    var self = this;
    var d = this.dialog;
    d.innerHTML = "";
    d.appendChild(el("p", { text: "Delete every evidence planner entry saved in this browser? Export first if you want to keep a copy. This cannot be undone." }));
    d.appendChild(button("Delete my evidence planner", function () {
      storedRefs().forEach(function (ref) { H.store.remove(KEY + ref); });
      d.hidden = true;
      H.clearNotices(self.root);
      var result = self.root.querySelector(".csh-portfolio-result");
      if (result) result.remove();
      self.draw("Your evidence planner was cleared.");
      H.focusOn(self.root.querySelector(".csh-evidence-export"));
    }, { class: "md-button md-button--primary csh-evidence-clear-confirm" }));
    d.appendChild(button("Cancel", function () { d.hidden = true; H.focusOn(self.root.querySelector(".csh-evidence-clear")); }, { class: "md-button csh-evidence-clear-cancel" }));
    d.hidden = false;
    H.focusOn(d.querySelector(".csh-evidence-clear-cancel"));
  };

  H.evidence = { KEY: KEY, readRecord: readRecord, load: load };

  H.onPage(function () {
    H.eachRoot("[data-csh-planner]", function (root) { new Planner(root); });
    H.eachRoot("[data-csh-portfolio]", function (root) {
      var catalogue = H.payload(root, "csh-portfolio-data");
      if (!catalogue || !isObject(catalogue.units)) return;
      new Portfolio(root, catalogue);
    });
  });
})();
