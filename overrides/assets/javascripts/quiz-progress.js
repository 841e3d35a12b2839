/* The progress page: every saved attempt, newest first, with export to a file, import
 * from one and clear.  The file, its download and its merge are progress-file.js, loaded on
 * the first Export or Import (need "transfer").  After each redraw it fires "csh:progress-changed" on
 * document, for the review summary (progress-review.js).  Nothing read from storage or a
 * file is ever put into a selector or into markup: it is compared as an attribute value and
 * shown as text.  Needs core.js and quiz-records.js only: no quiz engine or question types
 * (loader.js, need "progress"; issue #14).
 */
(function () {
  "use strict";

  var H = window.CSHub, el = H.el, button = H.button, R = H.records;

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
    H.freshScreen(root);
    var loaded = R.loadAttempts();
    H.damagedNotice(root, loaded.damaged);
    var attempts = loaded.list.slice().sort(function (a, b) { return a.date < b.date ? 1 : -1; });
    var odd = attempts.filter(function (a) { return !R.plainQuizId(a.quiz); }).length;
    if (odd) H.notice(root, H.plural(odd, "saved attempt") + " name" + (odd === 1 ? "s" : "") + " a quiz in an unexpected form, so " + (odd === 1 ? "it is" : "they are") + " shown without a link.", "odd-ids");
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
      el("td", { "data-result-total": "", "data-score": String(a.score), "data-max": String(a.max), text: a.score + " / " + a.max + " (" + H.percent(a.score, a.max) + "%)" + (a.selfMax ? ", " + a.self + " self-marked" : "") }),
      el("td", null, [outcomes])
    ]);
  }

  // The file's code, progress-file.js, arrives on the first Export or Import (loader.js need
  // "transfer"): most visits do neither.
  Progress.prototype.exportFile = function () {
    var root = this.root;
    H.later("transfer").then(function () { H.progressFile.download(root); });
  };

  Progress.prototype.importFile = function (file) {
    var self = this;
    var reader = new FileReader();
    reader.onload = function () {
      H.later("transfer").then(function () {
        var done = H.progressFile.importText(String(reader.result));
        self.draw(done.message);
        H.damagedNotice(self.root, done.damaged, H.plural(done.damaged, "record") + " in that file could not be read in full; everything readable was imported.");
      });
    };
    reader.readAsText(file);
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
  H.onPage(function () {
    H.eachRoot("[data-csh-progress-root]", function (root) { new Progress(root); });
  });
})();
