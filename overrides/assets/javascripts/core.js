/* Customer Service Study Hub: the helpers every page script shares.
 *
 * Classic script, not an ES module: modules do not load from file://, which the offline
 * build needs.  Everything hangs off one namespace object, window.CSHub, and this file
 * must load first (mkdocs.yml lists the scripts in dependency order).
 *
 * Each script adds its part to window.CSHub (listed at the end of each file).
 */
(function () {
  "use strict";

  var CSHub = window.CSHub = window.CSHub || {};

  // Every key this site writes starts with this (conventions §5).
  var PREFIX = "cs-hub:v1:";
  CSHub.PREFIX = PREFIX;

  /**
   * Attributes for el().  `text` sets textContent, `html` sets innerHTML (only ever
   * build-time HTML from a page payload, never stored or imported values), `on` maps
   * event names to listeners, `class` sets className; null and false are skipped.
   * @typedef {Object<string, any>} ElAttrs
   */

  // Create an element.
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v == null || v === false) return;
        if (k === "text") node.textContent = v;
        else if (k === "html") node.innerHTML = v;
        else if (k === "on") Object.keys(v).forEach(function (ev) { node.addEventListener(ev, v[ev]); });
        else if (k === "class") node.className = v;
        else node.setAttribute(k, v === true ? "" : v);
      });
    }
    (children || []).forEach(function (c) {
      if (c == null) return;
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  // A real <button type="button"> with a visible label.
  function button(label, onClick, attrs) {
    var a = attrs || {};
    a.type = "button";
    a.on = { click: onClick };
    a.text = label;
    return el("button", a);
  }

  /* Escape text for the few places that build HTML from payload text (answers shown
   * beside build-time HTML). */
  function escapeHtml(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; });
  }

  /* mulberry32: a small seeded generator, so the same paper number gives the same paper.
   * Here, not in quiz-engine.js, because flashcards shuffle with it too.
   * Returns numbers in [0, 1) */
  function rng(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  // A seed that differs between visits, for orders that should not repeat (practice, flashcards).
  function freshSeed() { return (Date.now() ^ Math.floor(Math.random() * 1e9)) >>> 0; }

  // Returns a shuffled copy
  function shuffle(list, random) {
    var out = list.slice();
    for (var i = out.length - 1; i > 0; i--) {
      var j = Math.floor(random() * (i + 1));
      var tmp = out[i]; out[i] = out[j]; out[j] = tmp;
    }
    return out;
  }

  /* Load scripts a page did not need at first, by loader.js need name or file list.  Settles
   * at once in a SCORM package, which has no loader and loads everything it needs itself. */
  function later(what) {
    var L = CSHub.loader;
    if (!L) return Promise.resolve();
    return L.need(typeof what === "string" ? L.NEEDS[what] : what);
  }

  // "1 question", "2 questions": for the counts every page script shows.
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  // A score as a whole per cent (0 when there is nothing to score).
  function percent(s, m) { return m ? Math.round(100 * s / m) : 0; }

  var uid = 0;
  // A page-unique id for label/for and aria pairs.
  function nextId(base) { uid += 1; return "csh-" + base + "-" + uid; }

  // Move focus to a node that may not be focusable by default.
  function focusOn(node) {
    if (!node) return;
    if (!node.hasAttribute("tabindex")) node.setAttribute("tabindex", "-1");
    node.focus({ preventScroll: false });
  }

  /* Say something through the root's polite live region (.csh-live).  Emptied first
   * and refilled a moment later so a repeated message is announced again. */
  function announce(root, message) {
    var live = root.querySelector(".csh-live");
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 30);
  }

  /* Show a one-line notice just before `root`, outside it, so that redrawing the root
   * does not wipe it.  role="status" has it announced; the same `id` is shown once.
   * id: identifies the notice; defaults to the message */
  function notice(root, message, id) {
    if (!root || !root.parentNode) return null;
    var key = id || message;
    var holder = root.previousElementSibling;
    if (!holder || !holder.classList.contains("csh-notices")) {
      holder = el("div", { class: "csh-notices" });
      root.parentNode.insertBefore(holder, root);
    }
    var kids = holder.children;
    for (var i = 0; i < kids.length; i++) {
      // Attribute comparison, not a selector: ids may come from stored data.
      if (kids[i].getAttribute("data-notice") === key) return kids[i];
    }
    var p = el("p", { class: "csh-notice", role: "status", "data-notice": key, text: message });
    holder.appendChild(p);
    return p;
  }

  // Remove the notices shown before `root` (after the learner has dealt with them).
  function clearNotices(root) {
    var holder = root && root.previousElementSibling;
    if (holder && holder.classList.contains("csh-notices")) holder.remove();
  }

  /* The notice for saved data that had to be mended or set aside.
   * count: how many records were affected; nothing is shown for 0
   * what: the message, when the general one does not fit */
  function damagedNotice(root, count, what) {
    if (count) notice(root, what || "Some saved progress in this browser could not be read in full; everything readable was kept.", "damaged" + (what ? ":" + what : ""));
  }

  // Returns a polite live region for announce()
  function liveRegion(root) {
    var live = el("div", { class: "csh-live csh-sr", "aria-live": "polite" });
    root.appendChild(live);
    return live;
  }

  // Empty root for a new screen, with a fresh live region.
  function freshScreen(root) {
    root.innerHTML = "";
    return liveRegion(root);
  }

  /* localStorage that survives corrupt or old data and full or blocked storage.
   * A value that does not parse, or fails `check`, is moved aside to
   * "cs-hub:v1:corrupt:<name>" (not deleted) and treated as empty; no other key is
   * touched.  Writes report failure instead of throwing. */
  var store = {
    // Set by the last failed write: "full" (quota) or "blocked".
    lastError: null,

    // Returns the raw stored text
    raw: function (key) {
      try { return window.localStorage.getItem(key); } catch (e) { return null; }
    },

    /* Read and parse one key.
     * check: shape test; failing it quarantines the value
     * Returns the parsed value, or null when absent or unreadable */
    get: function (key, check) { return store.read(key, check).value; },

    // Like get(), and says whether a value was there but had to be set aside.
    read: function (key, check) {
      var raw = store.raw(key);
      if (raw === null) return { value: null, damaged: false };
      try {
        var value = JSON.parse(raw);
        if (check && !check(value)) throw new Error("unexpected shape");
        return { value: value, damaged: false };
      } catch (e) {
        store.quarantine(key, raw);
        store.remove(key);
        return { value: null, damaged: true };
      }
    },

    // Returns whether it was saved
    set: function (key, value) {
      try {
        window.localStorage.setItem(key, JSON.stringify(value));
        store.lastError = null;
        return true;
      } catch (e) {
        store.lastError = isQuotaError(e) ? "full" : "blocked";
        return false;
      }
    },

    remove: function (key) {
      try { window.localStorage.removeItem(key); } catch (e) { /* blocked storage */ }
    },

    // Keep a copy of a damaged value beside the original key, for recovery by hand.
    quarantine: function (key, raw) {
      if (raw == null) return;
      var name = key.indexOf(PREFIX) === 0 ? key.slice(PREFIX.length) : key;
      try { window.localStorage.setItem(PREFIX + "corrupt:" + name, raw); } catch (e) { /* full */ }
    },

    /* Replace a value that was readable only in part: the original text is quarantined
     * first, so repairing never loses anything.
     * value: the repaired value */
    repair: function (key, value) {
      store.quarantine(key, store.raw(key));
      return store.set(key, value);
    },

    // Returns every key of this site
    keys: function () {
      var out = [];
      try {
        for (var i = 0; i < window.localStorage.length; i++) {
          var k = window.localStorage.key(i);
          if (k && k.indexOf(PREFIX) === 0) out.push(k);
        }
      } catch (e) { /* blocked storage */ }
      return out;
    }
  };

  function isQuotaError(e) {
    return !!e && (e.name === "QuotaExceededError" || e.name === "NS_ERROR_DOM_QUOTA_REACHED" || e.code === 22 || e.code === 1014);
  }

  // The notice shown, once per page, when a save fails.
  var UNSAVED = {
    full: "This browser's storage is full, so your progress is not being saved. Export or clear progress on the progress page to make room.",
    blocked: "This browser is not letting the site save anything, so your progress is not being saved."
  };

  // Tell the learner, once, that a save failed (call after store.set returned false).
  function unsaved(root) {
    return notice(root, UNSAVED[store.lastError === "blocked" ? "blocked" : "full"], "unsaved");
  }

  /* Copy text, falling back to a hidden textarea where the Clipboard API is missing
   * (http:// hosting and file://). */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      try {
        if (document.execCommand("copy")) resolve(); else reject(new Error("copy refused"));
      } catch (err) {
        reject(err);
      } finally {
        document.body.removeChild(area);
      }
    });
  }

  /* Run `fn` on page load and again after each Material instant-navigation page swap
   * (document$).  Every page script's init is idempotent (roots are marked when
   * started), so running from both is safe; relying on document$ alone fails in the
   * offline build, which has no instant navigation. */
  function onPage(fn) {
    inits.push(fn);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
  }

  // Every page script's init, in the order they registered.
  var inits = [];
  function runInits() { inits.forEach(function (fn) { fn(); }); }
  // One subscription for all of them: after a page swap, loader.js first adds the scripts the
  // new page needs (they run their own init as they load), then every init runs again, so an
  // older script never starts a root before the script that draws it has arrived.
  var pages$ = window.document$;
  if (pages$ && typeof pages$.subscribe === "function") {
    pages$.subscribe(function () {
      var loader = CSHub.loader;
      if (loader) loader.loadPage().then(runInits); else runInits();
    });
  }

  /* Start `start(root)` once for every element matching `selector`.
   * selector: a fixed selector, never built from data */
  function eachRoot(selector, start) {
    document.querySelectorAll(selector).forEach(function (root) {
      var r = root;
      if (r.dataset.cshStarted) return;
      r.dataset.cshStarted = "1";
      start(r);
    });
  }

  var payloads = new WeakMap();
  /* The JSON payload embedded in a root, or null if it is missing or does not parse.
   * className: the payload script's class */
  function payload(root, className) {
    // Kept per root: the first screen a script draws replaces the payload's <script>, and
    // other scripts (review-due.js) read the same payload after that.
    var kept = payloads.get(root) || {};
    payloads.set(root, kept);
    if (Object.prototype.hasOwnProperty.call(kept, className)) return kept[className];
    var scripts = root.getElementsByTagName("script");
    for (var i = 0; i < scripts.length; i++) {
      if (scripts[i].classList.contains(className)) {
        try { kept[className] = JSON.parse(scripts[i].textContent || ""); } catch (e) { kept[className] = null; }
        return kept[className];
      }
    }
    return null;
  }

  // The assets folder, from where this file was loaded: right under a sub-path, from file://
  // and in a SCORM package.
  var me = document.currentScript;
  var assets = me ? me.src.replace(/javascripts\/[^/]*([?#].*)?$/, "") : "";
  var assetLoads = {};

  /* Add a generated data script once (a script, not JSON: file:// allows no fetch).
   * path: under assets/, e.g. "mock/<quiz id>.js"
   * Returns settles once it has run (true) or failed to load (false) */
  function loadAsset(path) {
    if (!assetLoads[path]) {
      assetLoads[path] = new Promise(function (resolve) {
        var tag = document.createElement("script");
        tag.src = assets + path;
        tag.onload = function () { resolve(true); };
        tag.onerror = function () { resolve(false); };
        document.head.appendChild(tag);
      });
    }
    return assetLoads[path];
  }

  // bootstrap/head.js keeps Material from re-rendering the page when only the
  // fragment changes; it needs the page Material last rendered, which instant navigation
  // changes with pushState (no popstate).
  var rendered$ = window.document$;
  if (rendered$ && typeof rendered$.subscribe === "function") {
    rendered$.subscribe(function () { (window).__csh_rendered = location.pathname + location.search; });
  }

  CSHub.el = el;
  CSHub.button = button;
  CSHub.nextId = nextId;
  CSHub.escapeHtml = escapeHtml;
  CSHub.focusOn = focusOn;
  CSHub.announce = announce;
  CSHub.notice = notice;
  CSHub.clearNotices = clearNotices;
  CSHub.damagedNotice = damagedNotice;
  CSHub.liveRegion = liveRegion;
  CSHub.freshScreen = freshScreen;
  CSHub.unsaved = unsaved;
  CSHub.store = store;
  CSHub.copyText = copyText;
  CSHub.onPage = onPage;
  CSHub.eachRoot = eachRoot;
  CSHub.payload = payload;
  CSHub.rng = rng;
  CSHub.shuffle = shuffle;
  CSHub.freshSeed = freshSeed;
  CSHub.loadAsset = loadAsset;
  CSHub.later = later;
  CSHub.plural = plural;
  CSHub.percent = percent;
  // Older name, kept for anyone's page scripts that call it.
  window.cshOnPage = onPage;
})();
