/* Evidence planner records: reading, checking and listing what the planner keeps in
 * localStorage.  Shared by evidence-planner.js (unit pages) and evidence-portfolio.js
 * (/evidence/), which must load after this file.
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

  var H = window.CSHub;
  var KEY = H.PREFIX + "evidence:";
  var FORMAT = "cs-hub-evidence";
  var LIMITS = { evidence: 200, type: 40, note: 1000 };

  /**
   * @typedef {{done: boolean, evidence: string, type: string, note: string, at: string}} EvidenceRow
   * @typedef {{v: number, ref: string, title: string, qualification: string, updated: string, rows: Object<string, EvidenceRow>}} EvidenceRecord
   */

  function isObject(x) { return !!x && typeof x === "object" && !Array.isArray(x); }

  // Returns the string, or null when it is not one or is too long
  function text(s, max) { return typeof s === "string" && s.length <= max ? s : null; }

  // One stored row, checked field by field.
  function readRow(r) {
    if (!isObject(r) || typeof r.done !== "boolean") return null;
    var evidence = text(r.evidence == null ? "" : r.evidence, LIMITS.evidence);
    var type = text(r.type == null ? "" : r.type, LIMITS.type);
    var note = text(r.note == null ? "" : r.note, LIMITS.note);
    var at = text(r.at == null ? "" : r.at, 40);
    if (evidence === null || type === null || note === null || at === null) return null;
    return { done: r.done, evidence: evidence, type: type, note: note, at: at };
  }

  /* A record from storage or a file: every readable row is kept, and `damaged` counts
   * the rows that were not.  `old` is set for a record of another format version. */
  function readRecord(value, ref) {
    if (!isObject(value) || !isObject(value.rows)) return { record: null, damaged: 1, old: false };
    if (value.v !== 1) return { record: null, damaged: 0, old: true };
    var rows = {};
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

  /* Read one unit's record; a value that cannot be read at all is moved aside
   * (store.quarantine) and a partly readable one is saved back mended. */
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

  // Returns the refs of every stored record
  function storedRefs() {
    return H.store.keys().filter(function (k) { return k.indexOf(KEY) === 0; }).map(function (k) { return k.slice(KEY.length); });
  }

  var plural = H.plural;

  // The notice for records or rows that could not be read.
  function damageNotice(root, damaged, old) {
    if (damaged) H.notice(root, "Some saved evidence could not be read (" + plural(damaged, "record") + "); it was set aside and everything readable is shown.", "evidence-damaged");
    if (old) H.notice(root, plural(old, "evidence record") + " saved by another version of this site could not be read; it was set aside, not deleted.", "evidence-old");
  }

  H.evidence = {
    KEY: KEY, FORMAT: FORMAT, LIMITS: LIMITS, isObject: isObject, readRecord: readRecord, load: load,
    storedRefs: storedRefs, plural: plural, damageNotice: damageNotice
  };
})();
