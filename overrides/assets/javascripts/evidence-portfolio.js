/* The evidence portfolio, /evidence/: every planner started in this browser, with counts
 * and gaps, export, merge-import and clear (records: evidence-records.js). */
(function () {
  "use strict";

  var H = window.CSHub;
  var el = H.el;
  var button = H.button;
  var R = H.evidence;  // evidence-records.js
  var KEY = R.KEY, FORMAT = R.FORMAT, LIMITS = R.LIMITS;
  var isObject = R.isObject, readRecord = R.readRecord, load = R.load, storedRefs = R.storedRefs;
  var plural = R.plural, damageNotice = R.damageNotice;
  // {{units:: Object<string, {title: string, spec: string, rows: Array<Array<string>>}>}} catalogue
  function Portfolio(root, catalogue) {
    this.root = root;
    this.catalogue = catalogue.units || {};
    this.list = el("div", { class: "csh-portfolio-list" });
    this.dialog = el("div", { class: "csh-dialog", hidden: true, role: "group", "aria-label": "Confirm clearing the evidence planner" });
    this.live = el("p", { class: "csh-live", role: "status" });
    var self = this;
    var fid = H.nextId("evidence-import");
    var file = el("input", { type: "file", id: fid, accept: "application/json,.json", class: "csh-import-file" });
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

  // message: said through the live region after drawing
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
    var gaps = { criterion: ([]), knowledge: ([]) };
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
    var records = {};
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

  H.onPage(function () {
    H.eachRoot("[data-csh-portfolio]", function (root) {
      var catalogue = H.payload(root, "csh-portfolio-data");
      if (!catalogue || !isObject(catalogue.units)) return;
      new Portfolio(root, catalogue);
    });
  });
})();
