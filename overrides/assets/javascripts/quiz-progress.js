/* The progress page: every saved attempt, newest first, with export to a file, import
 * from one and clear.  The file and its merge are progress-file.js, loaded on the first
 * Export or Import (need "transfer").  After each redraw it fires "csh:progress-changed" on
 * document, for the review summary (progress-review.js).  Nothing read from storage or a
 * file is ever put into a selector or into markup: it is compared as an attribute value and
 * shown as text.  Needs quiz-ui.js and what it needs (loader.js, need "progress").
 */
(function () {
  "use strict";

  var H = window.CSHub, el = H.el, button = H.button, E = H.engine, Q = H.quiz, R = H.records;

  // root: the [data-csh-progress-root] element
  function Progress(root) {
    this.root = root;
    this.draw();
  }

  // The quiz page for a quiz id, from the page's link map.
  function quizLink(quiz) {
    var links = document.querySelectorAll(".csh-linkmap a[data-csh-quiz]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("data-csh-quiz") === quiz) return links[i].getAttribute("href");
    }
    return null;
  }

  // message: a status line about what just happened
  Progress.prototype.draw = function (message) {
    var self = this;
    var root = this.root;
    Q.freshScreen(root);
    var loaded = Q.loadAttempts();
    Q.damagedNotice(root, loaded.damaged);
    var attempts = loaded.list.slice().sort(function (a, b) { return a.date < b.date ? 1 : -1; });
    var odd = attempts.filter(function (a) { return !R.plainQuizId(a.quiz); }).length;
    if (odd) H.notice(root, Q.plural(odd, "saved attempt") + " name" + (odd === 1 ? "s" : "") + " a quiz in an unexpected form, so " + (odd === 1 ? "it is" : "they are") + " shown without a link.", "odd-ids");
    var tools = el("div", { class: "csh-progress-tools" });
    tools.appendChild(button("Export progress", function () { self.exportFile(); }, { class: "md-button csh-export" }));
    var fid = H.nextId("import");
    var file = el("input", { type: "file", id: fid, accept: "application/json,.json", class: "csh-import-file" });
    file.addEventListener("change", function () { if (file.files[0]) self.importFile(file.files[0]); });
    tools.appendChild(el("span", { class: "csh-import" }, [el("label", { for: fid, text: "Import progress from a file" }), file]));
    tools.appendChild(button("Clear all progress", function () { self.confirmClear(); }, { class: "md-button csh-clear" }));
    root.appendChild(tools);
    this.dialog = el("div", { class: "csh-confirm", role: "alertdialog", hidden: true });
    root.appendChild(this.dialog);
    if (message) root.appendChild(el("p", { class: "csh-message", role: "status", text: message }));
    document.dispatchEvent(new CustomEvent("csh:progress-changed"));
    if (!attempts.length) {
      root.appendChild(el("p", { class: "csh-empty", text: "No attempts saved in this browser yet. Try a practice quiz on any unit page, or a mock test." }));
      return;
    }
    var table = el("table", { class: "csh-attempts" });
    table.appendChild(el("thead", null, [el("tr", null, ["Date", "Quiz", "Score", "By outcome"].map(function (h) { return el("th", { scope: "col", text: h }); }))]));
    var body = el("tbody");
    attempts.forEach(function (a) { body.appendChild(row(a)); });
    table.appendChild(body);
    root.appendChild(table);
  };

  // One attempt's table row; every stored value goes in as text or an attribute value.
  function row(a) {
    var href = R.plainQuizId(a.quiz) ? quizLink(a.quiz) : null;
    var name = a.title || a.quiz;
    var title = href ? el("a", { href: href, text: name }) : document.createTextNode(name);
    var mixed = a.outcomes.some(function (x) { return x.unit !== a.outcomes[0].unit; });
    var outcomes = el("ul", { class: "csh-attempt-outcomes" });
    a.outcomes.forEach(function (o) {
      outcomes.appendChild(el("li", {
        "data-result-outcome": o.id, "data-score": String(o.score), "data-max": String(o.max),
        text: (o.unit && mixed ? "Unit " + o.unit + " " : "") + "Outcome " + o.id + ": " + o.score + "/" + o.max
      }));
    });
    var when = new Date(a.date);
    return el("tr", { class: "csh-attempt", "data-quiz": a.quiz }, [
      el("td", { text: isNaN(when.getTime()) ? a.date : when.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) }),
      el("td", null, [title, document.createTextNode(a.mode === "mock" ? " (mock test)" : " (practice)")]),
      el("td", { "data-result-total": "", "data-score": String(a.score), "data-max": String(a.max), text: a.score + " / " + a.max + " (" + E.percent(a.score, a.max) + "%)" + (a.selfMax ? ", " + a.self + " self-marked" : "") }),
      el("td", null, [outcomes])
    ]);
  }

  Progress.prototype.exportFile = function () {
    var self = this;
    // progress-file.js arrives on the first Export or Import (loader.js): most visits do neither.
    H.later("transfer").then(function () { self.saveFile(); });
  };

  Progress.prototype.saveFile = function () {
    var data = H.progressFile.build();
    var blob = new Blob([JSON.stringify(data, null, 1)], { type: "application/json" });
    var a = el("a", { href: URL.createObjectURL(blob), download: "cs-hub-progress.json" });
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(a.getAttribute("href")); a.remove(); }, 1000);
    H.announce(this.root, "Progress exported.");
  };

  Progress.prototype.importFile = function (file) {
    var self = this;
    var reader = new FileReader();
    reader.onload = function () {
      H.later("transfer").then(function () { self.merge(String(reader.result)); });
    };
    reader.readAsText(file);
  };

  // text: the chosen file's contents
  Progress.prototype.merge = function (text) {
    var incoming = H.progressFile.read(text);
    if (!incoming) {
      this.draw("That file is not a Study Hub progress file, so nothing was imported.");
      return;
    }
    var done = H.progressFile.apply(incoming);
    var added = done.added;
    this.draw(done.saved ? "Imported " + added + " attempt" + (added === 1 ? "" : "s") + ", with your unfinished tests, review dates and flashcards." : "Not everything was imported: this browser's storage is full.");
    Q.damagedNotice(this.root, incoming.damaged, Q.plural(incoming.damaged, "record") + " in that file could not be read in full; everything readable was imported.");
  };

  Progress.prototype.confirmClear = function () {
    var self = this;
    var d = this.dialog;
    d.innerHTML = "";
    d.appendChild(el("p", { text: "Delete every saved attempt, unfinished test, review date and flashcard in this browser? This cannot be undone. Your evidence planner is kept: clear it on the evidence portfolio page." }));
    d.appendChild(button("Delete everything", function () {
      // The evidence planner is a portfolio record, not quiz progress: it has its own page and Clear.
      var evidence = [H.PREFIX + "evidence:", H.PREFIX + "corrupt:evidence:"];
      H.store.keys().forEach(function (k) {
        if (k.indexOf(evidence[0]) !== 0 && k.indexOf(evidence[1]) !== 0) H.store.remove(k);
      });
      H.clearNotices(self.root);
      self.draw("All progress was deleted.");
    }, { class: "md-button md-button--primary csh-clear-confirm" }));
    d.appendChild(button("Cancel", function () { d.hidden = true; }, { class: "md-button csh-clear-cancel" }));
    d.hidden = false;
    H.focusOn(d.querySelector(".csh-clear-cancel"));
  };

  H.Progress = Progress;
})();
