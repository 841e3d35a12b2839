/* The file "Export progress" writes and "Import progress" reads: everything "Clear all
 * progress" deletes (attempts, mock tests in progress or finished, the review schedule
 * and flashcards, and the old flashcard boxes), so clearing and importing restores it.
 * The evidence planner has its own export on /evidence/.
 *
 *   {"schema": "cs-hub/progress/2", "exported": ISO time, "attempts": [...],
 *    "mocks": {"<quiz id>": MockState}, "review": {v, items, cards}, "flashcards": {...}}
 *
 * "cs-hub/progress/1" files (attempts only) are still read.  Importing merges, losing
 * nothing: attempts are united by their id (quiz, start time and paper; the later save
 * of the same session wins), per question and per card the later answer wins, and per
 * mock test the newer state wins.  Pure functions apart from read/apply's storage use.
 * Needs quiz-records.js, review-store.js and review-schedule.js (loader.js, need "transfer").
 */
(function () {
  "use strict";

  var H = window.CSHub, R = H.records, S = H.review;

  /**
   * The file "Export progress" writes and "Import progress" reads.
   * @typedef {{schema: string, exported: string, attempts: AttemptRecord[], mocks?: Object<string, MockState>, review?: Object, flashcards?: Object}} ProgressFile
   */

  var SCHEMA = "cs-hub/progress/2";
  var OLD_SCHEMA = "cs-hub/progress/1";
  var MOCK = H.PREFIX + "mock:";
  var BOXES = H.PREFIX + "flashcards";

  // Returns one session or paper, however often saved
  function attemptId(a) {
    return a.started ? a.quiz + "|" + a.started + "|" + (a.paper == null ? "" : a.paper) : a.quiz + "|" + a.date;
  }

  // Attempts of both lists, one per id, the later saved one winning.
  function mergeAttempts(mine, theirs) {
    var list = mine.slice();
    var at = {};
    list.forEach(function (a, i) { at[attemptId(a)] = i; });
    var added = 0;
    theirs.forEach(function (a) {
      var id = attemptId(a);
      if (!(id in at)) { at[id] = list.length; list.push(a); added++; }
      else if (a.date > list[at[id]].date) list[at[id]] = a;
    });
    return { list: list, added: added };
  }

  /* A mock state worth carrying (the mock page itself checks it against its questions
   * when it is opened, and sets it aside if it does not fit). */
  function plausibleMock(s) {
    return R.isObject(s) && s.v === 1 && Array.isArray(s.paper) && s.paper.length > 0 &&
      s.paper.every(function (x) { return typeof x === "string"; }) && typeof s.started === "string" &&
      typeof s.submitted === "boolean" && R.isObject(s.responses);
  }

  /* Which of two states of one mock test is newer: a later paper; for the same paper, a
   * submitted one, then the one with less time left (answered for longer).
   * Returns whether b is newer than a */
  function newerMock(a, b) {
    if (a.started !== b.started) return Date.parse(b.started) > Date.parse(a.started);
    if (a.submitted !== b.submitted) return b.submitted;
    if (a.submitted) return (b.finished || "") > (a.finished || "");
    return (+b.remainingMs || 0) < (+a.remainingMs || 0);
  }

  // Old flashcard boxes: the card seen later (later due) wins.
  function mergeBoxes(a, b) {
    var out = {};
    [a, b].forEach(function (m) {
      Object.keys(m || {}).forEach(function (k) {
        var c = m[k];
        if (!R.isObject(c) || typeof c.box !== "number") return;
        if (!out[k] || (+c.due || 0) > (+out[k].due || 0)) out[k] = c;
      });
    });
    return out;
  }

  // Returns the stored mock states, by quiz id
  function storedMocks() {
    var out = {};
    H.store.keys().forEach(function (k) {
      if (k.indexOf(MOCK) !== 0) return;
      var s = H.store.get(k, R.isObject);
      if (plausibleMock(s)) out[k.slice(MOCK.length)] = s;
    });
    return out;
  }

  // Everything to export, as the file's object.
  function build() {
    // As stored: the old boxes go separately and unchanged, so an import restores each key as it was.
    var review = S.readSchedule(H.store.get(S.KEY, R.isObject)).value;
    return {
      schema: SCHEMA, exported: new Date(S.now()).toISOString(),
      attempts: R.loadAttempts().list,
      mocks: storedMocks(),
      review: review.since ? { v: 1, items: review.items, cards: review.cards, since: review.since } : { v: 1, items: review.items, cards: review.cards },
      flashcards: H.store.get(BOXES, R.isObject) || {}
    };
  }

  /* Read an exported file's text.
   *   null when it is not a progress file at all */
  function read(text) {
    var data;
    try { data = JSON.parse(text); } catch (e) { return null; }
    if (!R.isObject(data) || (data.schema !== SCHEMA && data.schema !== OLD_SCHEMA) || !Array.isArray(data.attempts)) return null;
    var attempts = R.readAttempts(data.attempts);
    var damaged = attempts.damaged;
    var mocks = {};
    if (data.mocks != null) {
      if (!R.isObject(data.mocks)) damaged++;
      else Object.keys(data.mocks).forEach(function (id) {
        if (R.plainQuizId(id) && plausibleMock(data.mocks[id])) mocks[id] = data.mocks[id]; else damaged++;
      });
    }
    var review = S.readSchedule(data.review == null ? null : data.review);
    if (review.damaged) damaged++;
    var boxes = R.isObject(data.flashcards) ? data.flashcards : {};
    return { attempts: attempts.list, mocks: mocks, review: review.value, flashcards: boxes, damaged: damaged };
  }

  /* Merge a read file into this browser's storage.
   * Returns whether every write worked; attempts added */
  function apply(file) {
    var ok = true;
    var attempts = mergeAttempts(R.loadAttempts().list, file.attempts);
    ok = H.store.set(R.ATTEMPTS_KEY, attempts.list) && ok;
    var mine = storedMocks();
    Object.keys(file.mocks).forEach(function (id) {
      if (!mine[id] || newerMock(mine[id], file.mocks[id])) ok = H.store.set(MOCK + id, file.mocks[id]) && ok;
    });
    ok = S.save(S.merge(S.load().value, file.review)) && ok;
    var boxes = mergeBoxes(H.store.get(BOXES, R.isObject), file.flashcards);
    if (Object.keys(boxes).length) ok = H.store.set(BOXES, boxes) && ok;
    return { saved: ok, added: attempts.added };
  }

  /* Export: the file, downloaded as cs-hub-progress.json.
   * root: the progress page's root, which says it was done */
  function download(root) {
    var blob = new Blob([JSON.stringify(build(), null, 1)], { type: "application/json" });
    var a = H.el("a", { href: URL.createObjectURL(blob), download: "cs-hub-progress.json" });
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.getAttribute("href")); a.remove(); }, 1000);
    H.announce(root, "Progress exported.");
  }

  /* Import: a chosen file's text, merged into this browser's storage.
   * Returns the line to show, and how many of the file's records could not be read in full */
  function importText(text) {
    var incoming = read(text);
    if (!incoming) return { message: "That file is not a Study Hub progress file, so nothing was imported.", damaged: 0 };
    var done = apply(incoming);
    return {
      message: done.saved ? "Imported " + H.plural(done.added, "attempt") + ", with your unfinished tests, review dates and flashcards." : "Not everything was imported: this browser's storage is full.",
      damaged: incoming.damaged
    };
  }

  H.progressFile = {
    SCHEMA: SCHEMA, OLD_SCHEMA: OLD_SCHEMA, attemptId: attemptId, mergeAttempts: mergeAttempts,
    newerMock: newerMock, build: build, read: read, apply: apply, download: download, importText: importText
  };
})();
