/* Glossary flashcards with Leitner boxes.  Plain JavaScript, keyboard-operable, progress
 * saved in localStorage (cs-hub:v1:flashcards) and nowhere else.
 *
 * Box 1 cards are due at once; a right answer moves a card up a box and schedules it
 * 0/1/3/7/14 days ahead; a wrong answer sends it back to box 1. */
(function () {
  "use strict";

  var KEY = "cs-hub:v1:flashcards";
  var DAYS = [0, 0, 1, 3, 7, 14];
  var DAY = 86400000;

  function load() {
    try {
      var raw = window.localStorage.getItem(KEY);
      if (!raw) return {};
      var data = JSON.parse(raw);
      if (!data || typeof data !== "object" || Array.isArray(data)) throw new Error("shape");
      return data;
    } catch (e) {
      try { window.localStorage.setItem("cs-hub:v1:corrupt:flashcards", window.localStorage.getItem(KEY)); } catch (e2) { /* full */ }
      return {};
    }
  }

  function save(state) {
    try { window.localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }

  function el(tag, attrs, kids) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") n.textContent = attrs[k];
      else if (k === "on") Object.keys(attrs[k]).forEach(function (e) { n.addEventListener(e, attrs[k][e]); });
      else if (attrs[k] != null) n.setAttribute(k, attrs[k]);
    });
    (kids || []).forEach(function (c) { n.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return n;
  }

  function Deck(root, data) {
    this.root = root;
    this.data = data;
    this.state = load();
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

  Deck.prototype.boxOf = function (slug) { return (this.state[slug] && this.state[slug].box) || 1; };

  Deck.prototype.due = function (anyway) {
    var now = Date.now();
    var self = this;
    var cards = this.cards().filter(function (t) {
      var s = self.state[t.slug];
      return anyway || !s || !s.due || s.due <= now;
    });
    // Lowest box first, then alphabetical, so the order is predictable.
    return cards.sort(function (a, b) { return self.boxOf(a.slug) - self.boxOf(b.slug) || (a.term < b.term ? -1 : 1); });
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
    var boxes = [0, 0, 0, 0, 0, 0];
    this.cards().forEach(function (t) { boxes[self.boxOf(t.slug)]++; });
    var stats = el("p", { class: "csh-fc-stats", "aria-live": "polite" });
    stats.textContent = "Box 1: " + boxes[1] + " · Box 2: " + boxes[2] + " · Box 3: " + boxes[3] + " · Box 4: " + boxes[4] + " · Box 5: " + boxes[5];
    root.appendChild(stats);
    var queue = this.due(this.anyway);
    this.card = queue[0] || null;
    this.flipped = false;
    var area = el("div", { class: "csh-fc-area" });
    root.appendChild(area);
    if (!this.card) {
      area.appendChild(el("p", { class: "csh-fc-done", text: "No cards are due in this deck right now. Well done." }));
      area.appendChild(el("button", { type: "button", class: "md-button csh-fc-anyway", text: "Practise anyway", on: { click: function () { self.anyway = true; self.draw(true); } } }));
      return;
    }
    area.appendChild(el("p", { class: "csh-fc-count", text: queue.length + " card" + (queue.length === 1 ? "" : "s") + " due · this card is in box " + this.boxOf(this.card.slug) }));
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
      self.cards().forEach(function (t) { delete self.state[t.slug]; });
      save(self.state); self.anyway = false; self.draw(true);
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
    var box = knew ? Math.min(5, this.boxOf(slug) + 1) : 1;
    this.state[slug] = { box: box, due: Date.now() + DAYS[box] * DAY };
    save(this.state);
    this.draw(true);
  };

  function init() {
    document.querySelectorAll("[data-csh-flashcards]").forEach(function (root) {
      if (root.dataset.cshStarted) return;
      root.dataset.cshStarted = "1";
      try { new Deck(root, JSON.parse(root.querySelector("script.csh-flashcard-data").textContent)); } catch (e) { /* keep no-script text */ }
    });
  }

  window.cshOnPage(init);  // defined in hub.js, which loads first
})();
