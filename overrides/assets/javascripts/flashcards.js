/* Glossary flashcards on the spaced-review scheduler (review-store.js, review-schedule.js: SM-2).  Plain
 * JavaScript, keyboard-operable, progress saved in localStorage (cs-hub:v1:review, cards
 * by term slug) and nowhere else.
 *
 * Cards due today come first, then new ones.  "I knew it" pushes a card 1, 6, then more
 * days ahead; "Not yet" brings it back three cards later and again tomorrow.  The stats
 * line counts cards as new, due today, learning or known (Deck.stage).  Boxes saved by the old version (cs-hub:v1:flashcards) are still read: the scheduler
 * turns each into a card due on the same day. */
(function () {
  "use strict";

  var H = window.CSHub;
  var el = H.el;

  var KEY = H.PREFIX + "flashcards";

  /**
   * The deck as the build embeds it (script.csh-flashcard-data).
   * @typedef {Object} FlashcardData
   * @property {Array<{slug: string, term: string, definition: string, example: string, units: string[]}>} terms
   * @property {Array<{ref: string, label: string}>} units "<spec>/<unit>" decks
   */

  /**
   * Stored under "cs-hub:v1:flashcards": per term slug, its Leitner box (1-5) and when
   * it is next due (milliseconds since 1970).
   * @typedef {Object<string, {box: number, due: number}>} FlashcardBoxes
   */

  // Every readable card state; unreadable ones are dropped (and the original kept aside).
  function load() {
    var read = H.store.read(KEY, function (v) { return !!v && typeof v === "object" && !Array.isArray(v); });
    var state = {};
    var damaged = read.damaged;
    Object.keys(read.value || {}).forEach(function (slug) {
      var c = read.value[slug];
      var ok = c && typeof c === "object" && typeof c.box === "number" && c.box % 1 === 0 && c.box >= 1 && c.box <= 5 &&
        (c.due == null || (typeof c.due === "number" && isFinite(c.due)));
      if (ok) state[slug] = { box: c.box, due: c.due == null ? 0 : c.due };
      else damaged = true;
    });
    if (damaged && read.value) H.store.repair(KEY, state);
    return { value: state, damaged: damaged };
  }

  function save(root, state) {
    if (!H.store.set(KEY, state)) H.unsaved(root);
  }

  function Deck(root, data) {
    this.root = root;
    this.data = data;
    var loaded = load();
    this.state = loaded.value;
    var sched = H.review.load();
    this.cardsDue = sched.value.cards;
    if (loaded.damaged || sched.damaged) H.notice(root, "Some saved flashcard progress could not be read; the readable cards were kept.", "damaged");
    this.deck = "";
    this.draw();
    var self = this;
    root.addEventListener("keydown", function (e) {
      if (e.target.tagName === "SELECT" || e.target.tagName === "INPUT") return;
      if (!self.card) return;
      // stopPropagation: Material binds N and P to next/previous page on the window.
      if (!self.flipped && (e.key === " " || e.key === "Enter") && e.target.tagName !== "BUTTON") {
        e.preventDefault(); e.stopPropagation(); self.flip();
      } else if (self.flipped && (e.key === "k" || e.key === "K")) { e.preventDefault(); e.stopPropagation(); self.mark(true); }
      else if (self.flipped && (e.key === "n" || e.key === "N")) { e.preventDefault(); e.stopPropagation(); self.mark(false); }
    });
  }

  Deck.prototype.cards = function () {
    var deck = this.deck;
    return this.data.terms.filter(function (t) { return !deck || t.units.indexOf(deck) >= 0; });
  };

  // A card is "known" once SM-2 puts its next turn this many days after the last answer:
  // three right answers in a row (1, 6, then about 16 days), or an old box 5 card (14).
  var KNOWN_DAYS = 14;
  var STAGE_WORDS = { "new": "this card is new", due: "this card is due today",
                      learning: "you are still learning this card", known: "you know this card" };

  /**
   * Where a card stands, in the learner's words: "new" (never rated), "due" (its turn is
   * today or overdue), "learning" (not due; next turn under KNOWN_DAYS after the last
   * answer, which includes a "Not yet" card, due tomorrow) or "known" (not due; KNOWN_DAYS
   * or more).
   * @param {string} slug
   * @returns {string}
   */
  Deck.prototype.stage = function (slug) {
    var c = this.cardsDue[slug];
    if (!c) return "new";
    if (H.review.isDue(c, H.review.today())) return "due";
    return c.interval >= KNOWN_DAYS ? "known" : "learning";
  };

  /* Which group a card's turn comes in: 0 due today (or overdue), 1 new, 2 not due yet
   * (only shown when practising anyway). */
  Deck.prototype.group = function (slug) {
    var c = this.cardsDue[slug];
    return !c ? 1 : H.review.isDue(c, H.review.today()) ? 0 : 2;
  };

  Deck.prototype.due = function (anyway) {
    var self = this;
    // A card marked "Not yet" in this visit is scheduled for tomorrow, but it still comes
    // back in this visit (three cards later), so it stays in the queue until it is known.
    var again = this.again || {};
    var cards = this.cards().filter(function (t) { return anyway || again[t.slug] || self.group(t.slug) < 2; });
    // Due cards first, then new ones, then alphabetical, so the order is predictable.
    return cards.sort(function (a, b) { return self.group(a.slug) - self.group(b.slug) || (a.term < b.term ? -1 : 1); });
  };

  /* The order cards come up in this visit: shuffled once per deck, then kept, so a card
   * marked "Not yet" comes back a few cards later instead of straight away, and cards
   * newly due join at the end. */
  Deck.prototype.sessionQueue = function (dueNow) {
    var bySlug = {};
    dueNow.forEach(function (c) { bySlug[c.slug] = c; });
    if (!this.session || this.sessionDeck !== this.deck) {
      var slugs = dueNow.map(function (c) { return c.slug; });
      var self = this;
      var mixed = H.shuffle(slugs, H.rng(H.freshSeed()));
      // Shuffled within each group: cards due today still come before new ones.
      this.session = mixed.map(function (s, i) { return [self.group(s), i, s]; })
        .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; }).map(function (x) { return x[2]; });
      this.sessionDeck = this.deck;
    }
    var session = this.session.filter(function (s) { return bySlug[s]; });
    dueNow.forEach(function (c) { if (session.indexOf(c.slug) < 0) session.push(c.slug); });
    this.session = session;
    return session.map(function (s) { return bySlug[s]; });
  };

  Deck.prototype.draw = function (focusCard) {
    var self = this;
    var root = this.root;
    root.innerHTML = "";
    var controls = el("div", { class: "csh-fc-controls" });
    var sel = el("select", { id: "csh-fc-deck" });
    sel.appendChild(el("option", { value: "", text: "All terms (" + this.data.terms.length + ")" }));
    this.data.units.forEach(function (u) {
      var n = self.data.terms.filter(function (t) { return t.units.indexOf(u.ref) >= 0; }).length;
      var o = el("option", { value: u.ref, text: u.label + " (" + n + ")" });
      if (u.ref === self.deck) o.selected = true;
      sel.appendChild(o);
    });
    sel.addEventListener("change", function () { self.deck = sel.value; self.anyway = false; self.draw(); });
    controls.appendChild(el("label", { for: "csh-fc-deck", text: "Deck" }));
    controls.appendChild(sel);
    root.appendChild(controls);
    var n = { "new": 0, due: 0, learning: 0, known: 0 };
    this.cards().forEach(function (t) { n[self.stage(t.slug)]++; });
    var stats = el("p", { class: "csh-fc-stats", "aria-live": "polite" });
    stats.textContent = n["new"] + " new · " + n.due + " due today · " + n.learning + " learning · " + n.known + " known";
    root.appendChild(stats);
    var queue = this.sessionQueue(this.due(this.anyway));
    this.card = queue[0] || null;
    this.flipped = false;
    var area = el("div", { class: "csh-fc-area" });
    root.appendChild(area);
    if (!this.card) {
      area.appendChild(el("p", { class: "csh-fc-done", text: "No cards are due in this deck right now. Well done." }));
      area.appendChild(el("button", { type: "button", class: "md-button csh-fc-anyway", text: "Practise anyway", on: { click: function () { self.anyway = true; self.draw(true); } } }));
      return;
    }
    area.appendChild(el("p", { class: "csh-fc-count", text: queue.length + " card" + (queue.length === 1 ? "" : "s") + " to go · " + STAGE_WORDS[this.stage(this.card.slug)] }));
    var card = el("div", { class: "csh-fc-card", tabindex: "0", role: "group", "aria-roledescription": "flashcard", "aria-label": "Flashcard: " + this.card.term, "data-slug": this.card.slug });
    card.appendChild(el("p", { class: "csh-fc-term", text: this.card.term }));
    var back = el("div", { class: "csh-fc-back", hidden: "hidden" }, [
      el("p", { class: "csh-fc-definition", text: this.card.definition }),
      el("p", { class: "csh-fc-example" }, [el("em", { text: "Example: " }), this.card.example])
    ]);
    card.appendChild(back);
    area.appendChild(card);
    var actions = el("div", { class: "csh-fc-actions" });
    actions.appendChild(el("button", { type: "button", class: "md-button md-button--primary csh-fc-flip", text: "Show answer", on: { click: function () { self.flip(); } } }));
    actions.appendChild(el("button", { type: "button", class: "md-button csh-fc-know", text: "I knew it (K)", hidden: "hidden", on: { click: function () { self.mark(true); } } }));
    actions.appendChild(el("button", { type: "button", class: "md-button csh-fc-again", text: "Not yet (N)", hidden: "hidden", on: { click: function () { self.mark(false); } } }));
    area.appendChild(actions);
    var reset = el("button", { type: "button", class: "md-button csh-fc-reset", text: "Reset this deck", on: { click: function () {
      var sched = H.review.load().value;
      self.cards().forEach(function (t) { delete self.state[t.slug]; delete sched.cards[t.slug]; });
      save(self.root, self.state);
      if (!H.review.save(sched)) H.unsaved(self.root);
      self.cardsDue = sched.cards;
      self.anyway = false; self.draw(true);
    } } });
    root.appendChild(reset);
    if (focusCard) card.focus();
  };

  Deck.prototype.flip = function () {
    var root = this.root;
    this.flipped = true;
    root.querySelector(".csh-fc-back").hidden = false;
    root.querySelector(".csh-fc-flip").hidden = true;
    root.querySelector(".csh-fc-know").hidden = false;
    root.querySelector(".csh-fc-again").hidden = false;
    root.querySelector(".csh-fc-know").focus();
  };

  Deck.prototype.mark = function (knew) {
    var slug = this.card.slug;
    if (!H.review.gradeCard(slug, knew)) H.unsaved(this.root);
    this.cardsDue = H.review.load().value.cards;
    this.again = this.again || {};
    if (knew) delete this.again[slug]; else this.again[slug] = true;
    // Not yet: three cards later in this visit.  Knew it: to the back (it is only still
    // shown when practising anyway).
    var session = this.session || [];
    var at = session.indexOf(slug);
    if (at >= 0) {
      session.splice(at, 1);
      session.splice(knew ? session.length : Math.min(session.length, at + 3), 0, slug);
    }
    this.draw(true);
  };

  function init() {
    H.eachRoot("[data-csh-flashcards]", function (root) {
      var data = H.payload(root, "csh-flashcard-data");
      if (data) new Deck(root, data);  // otherwise the no-script text stays
    });
  }

  H.onPage(init);
})();
