/* What practice mode and mock mode share: one question's block,
 * its feedback, the results table, the page's link map and saving an attempt.
 * Needs core.js, quiz-engine.js, quiz-records.js and the question types.
 */
(function () {
  "use strict";

  var H = window.CSHub, el = H.el, E = H.engine, R = H.records;

  /* The links MkDocs resolved for this build, from the page's hidden .csh-linkmap.
   * Found by comparing attributes, never with a selector built from data, because
   * values such as quiz ids can come from storage or an imported file.
   * attr: e.g. "data-csh-unit"
   * value: the attribute's value, or any value when omitted
   * Returns the href */
  function mapLink(root, attr, value) {
    var scope = root.closest("article") || document;
    var links = scope.querySelectorAll(".csh-linkmap a");
    for (var i = 0; i < links.length; i++) {
      var v = links[i].getAttribute(attr);
      if (v !== null && (value == null || v === value)) return links[i].getAttribute("href");
    }
    return null;
  }

  // Returns a link to an anchor on a unit page
  function linkFor(root, unit, anchor) {
    return (mapLink(root, "data-csh-unit", unit) || "").split("#")[0] + "#" + anchor;
  }

  /* Where a "Revise" link goes: the outcome page that teaches the outcome or criterion,
   * when the unit has outcome pages (the page's link map says so), else its unit page anchor.
   * anchor: lo-1, ac-1-1-3 or content-a1 */
  function reviseLink(root, unit, anchor) {
    return mapLink(root, "data-csh-revise", unit + "/" + anchor) || linkFor(root, unit, anchor);
  }

  /* Add an attempt, or replace the one it updates (same quiz, start time and paper).
   * root: where to say that older attempts had to be mended
   * Returns whether it was saved */
  function saveAttempt(rec, replace, root) {
    var loaded = R.loadAttempts();
    if (root) H.damagedNotice(root, loaded.damaged);
    var list = loaded.list;
    var at = -1;
    if (replace) list.forEach(function (a, i) { if (a.quiz === rec.quiz && a.started === rec.started && a.paper === rec.paper) at = i; });
    if (at >= 0) list[at] = rec; else list.push(rec);
    return H.store.set(R.ATTEMPTS_KEY, list);
  }

  /* The attempt record for a finished session or paper.
   * extra: mode-specific fields */
  function attemptRecord(quiz, summary, extra) {
    var rec = {
      v: 1, quiz: quiz.id, mode: quiz.mode, title: quiz.title, spec: quiz.spec,
      date: new Date().toISOString(), score: summary.total.score, max: summary.total.max,
      self: summary.total.self, selfMax: summary.total.selfMax,
      outcomes: summary.rows.map(function (r) { return { unit: r.unit, id: r.id, label: r.label, score: r.score, max: r.max }; })
    };
    Object.keys(extra || {}).forEach(function (k) { rec[k] = extra[k]; });
    return rec;
  }

  var plural = H.plural;

  // Empty root for the next screen, keeping its live region (and what it last said).
  function nextScreen(root) {
    var live = root.querySelector(".csh-live");
    root.innerHTML = "";
    root.appendChild(live);
  }

  // The block for one question: heading, stem and the conventions §5 data hooks.
  function questionBlock(item, index, total) {
    var hid = "h-" + item.id.replace(/[^A-Za-z0-9_-]/g, "-") + "-" + index;
    var block = el("section", {
      class: "csh-question", "data-item-id": item.id, "data-outcome": item.outcome, "data-unit": item.unit,
      "aria-labelledby": hid
    });
    var h = el("h3", { id: hid, class: "csh-qhead", tabindex: "-1" },
      ["Question " + (index + 1) + (total ? " of " + total : "")]);
    if (item.marks > 1) h.appendChild(el("span", { class: "csh-marks", text: " (" + item.marks + " marks)" }));
    block.appendChild(h);
    block.appendChild(el("div", { class: "csh-stem", html: item.stem }));
    return block;
  }

  // The answer controls for an item; they update `response` in place.
  function controls(item, order, response, onChange, locked) {
    var type = H.types[item.type];
    if (!type) return el("p", { class: "csh-hint", text: "This question type is not supported by this version of the site." });
    return type.render(item, order, response, onChange, locked);
  }

  /* Feedback after marking: verdict, correct answer, the type's own review, the
   * explanation and links to the criteria it tests. */
  function feedback(root, item, response, result, opts) {
    var type = H.types[item.type];
    var box = el("div", { class: "csh-feedback " + (result.self ? "csh-feedback--self" : result.correct ? "csh-feedback--right" : "csh-feedback--wrong") });
    box.appendChild(el("p", { class: "csh-verdict", text: result.self
      ? "Compare your answer with the model answer, then tick each point you made."
      : (result.correct ? "Correct. " : (result.score > 0 ? "Partly right. " : "Not quite. ")) + result.score + " of " + result.max + " mark" + (result.max === 1 ? "" : "s") + "." }));
    if (!result.correct && !result.self && type) {
      box.appendChild(el("p", { class: "csh-answer", html: "<strong>Answer:</strong> " + type.answerHtml(item) }));
    }
    if (type && type.review) type.review(box, item, response, opts);
    // A mock's explanations arrive separately (quiz-mock.js); without them, no empty "Why:".
    if (item.explanation) box.appendChild(el("div", { class: "csh-explanation", html: "<strong>Why:</strong> " + item.explanation }));
    if (item.links && item.links.length) {
      var p = el("p", { class: "csh-links" }, ["Revise: "]);
      item.links.forEach(function (l, i) {
        if (i) p.appendChild(document.createTextNode(", "));
        p.appendChild(el("a", { href: reviseLink(root, l.unit, l.anchor), text: (item.unit && opts.showUnit ? "unit " + l.unit + " " : "") + l.label }));
      });
      box.appendChild(p);
    }
    return box;
  }

  /* Results per outcome with the conventions §5 hooks (data-result-outcome,
   * data-result-total, data-score, data-max) and a revision link for lost marks.
   * heading: the score column's heading */
  function resultsTable(root, summary, heading) {
    var wrap = el("div", { class: "csh-result-wrap" });
    var t = summary.total;
    var totalP = el("p", {
      class: "csh-total", "data-result-total": "", "data-score": String(t.score), "data-max": String(t.max),
      "data-auto-score": String(t.auto), "data-self-score": String(t.self)
    });
    totalP.appendChild(el("strong", { text: "Total: " + t.score + " out of " + t.max + " (" + E.percent(t.score, t.max) + "%)" }));
    if (t.selfMax) totalP.appendChild(document.createTextNode(" · marked automatically: " + t.auto + " of " + t.autoMax + " · marked by you: " + t.self + " of " + t.selfMax));
    wrap.appendChild(totalP);
    var table = el("table", { class: "csh-result-table" });
    table.appendChild(el("thead", null, [el("tr", null, [
      el("th", { scope: "col", text: "Outcome" }), el("th", { scope: "col", text: heading }),
      el("th", { scope: "col", text: "Out of" }), el("th", { scope: "col", text: "What next" })
    ])]));
    var body = el("tbody");
    summary.rows.forEach(function (r) {
      // Every outcome with marks lost gets a revision link; under 70% is flagged as weak.
      var weak = E.percent(r.score, r.max) < 70;
      var next = r.score < r.max ? el("a", { href: reviseLink(root, r.unit, r.anchor), text: "Revise this outcome" }) : document.createTextNode("Full marks");
      body.appendChild(el("tr", { "data-result-outcome": r.id, "data-unit": r.unit, "data-score": String(r.score), "data-max": String(r.max), class: weak ? "is-weak" : "" }, [
        el("th", { scope: "row", text: r.label }), el("td", { text: String(r.score) + (r.selfMax ? " (" + r.self + " self-marked)" : "") }),
        el("td", { text: String(r.max) }), el("td", null, [next])
      ]));
    });
    table.appendChild(body);
    wrap.appendChild(table);
    var progress = mapLink(root, "data-csh-progress");
    if (progress) wrap.appendChild(el("p", null, [el("a", { href: progress, text: "See all your results on the progress page" })]));
    return wrap;
  }

  var FILTERS = [["all", "All"], ["wrong", "Wrong"], ["flagged", "Flagged"]];

  /* "All / Wrong / Flagged" toggle buttons above a review, with counts.  `wrong` is asked
   * again on every refresh, because self-marking and "I was right" change it. */
  function reviewFilter(entries) {
    var group = el("div", { class: "csh-review-filter", role: "group", "aria-label": "Show questions" });
    var current = "all";
    var buttons = FILTERS.map(function (f) {
      var b = H.button(f[1], function () { current = f[0]; refresh(); }, { class: "md-button csh-filter", "data-filter": f[0] });
      group.appendChild(b);
      return b;
    });
    function shows(kind, e) { return kind === "all" || (kind === "flagged" ? e.flagged : e.wrong()); }
    function refresh() {
      buttons.forEach(function (b, i) {
        var kind = FILTERS[i][0];
        b.textContent = FILTERS[i][1] + " (" + entries.filter(function (e) { return shows(kind, e); }).length + ")";
        b.setAttribute("aria-pressed", String(kind === current));
      });
      entries.forEach(function (e) { e.block.hidden = !shows(current, e); });
    }
    refresh();
    return { node: group, refresh: refresh };
  }

  H.quiz = {
    reviewFilter: reviewFilter,
    mapLink: mapLink, linkFor: linkFor, reviseLink: reviseLink, plural: plural,
    saveAttempt: saveAttempt, attemptRecord: attemptRecord, nextScreen: nextScreen,
    // core.js's screen helpers, here too under the names the quiz modes use.
    damagedNotice: H.damagedNotice, freshScreen: H.freshScreen,
    questionBlock: questionBlock, controls: controls, feedback: feedback, resultsTable: resultsTable
  };
})();
