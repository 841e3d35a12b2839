/* Customer Service Study Hub: small page behaviours shared by every page.
 * Plain JavaScript, no framework; needs core.js (CSHub.onPage runs init on first load
 * and after each instant-navigation page swap). */
(function () {
  "use strict";

  var H = window.CSHub;

  function absoluteLink(anchor) {
    var url = new URL(location.href);
    url.hash = anchor;
    return url.toString();
  }

  function setupCopyButtons(root) {
    root.querySelectorAll("button.csh-copy[data-anchor]").forEach(function (button) {
      if (button.dataset.cshReady) return;
      button.dataset.cshReady = "1";
      button.hidden = false;
      var label = button.innerHTML;
      button.addEventListener("click", function () {
        var link = absoluteLink(button.dataset.anchor);
        button.dataset.link = link;
        H.copyText(link).then(function () {
          button.textContent = "Copied";
        }, function () {
          // Copying is blocked: show the link so it can be copied by hand.
          window.prompt("Copy this link:", link);
        }).then(function () {
          setTimeout(function () { button.innerHTML = label; }, 2000);
        });
      });
    });
  }

  function followAlias(root) {
    var marker = root.querySelector("[data-csh-alias]");
    if (!marker || marker.dataset.cshFollowed) return;
    marker.dataset.cshFollowed = "1";
    var unit = marker.getAttribute("data-csh-alias");
    var target = /\.html$/.test(location.pathname) ? unit + ".html" : "../" + unit + "/";
    location.replace(target + location.search + location.hash);
  }

  // Glossary terms in teaching notes: a tooltip on hover and on keyboard focus, described
  // to screen readers, dismissible with Escape, and staying while the pointer is over it.
  // On a touch screen a tap opens the tooltip in place (a link inside it goes on to the
  // glossary), since there is no hover and leaving the page mid-sentence loses the place.
  var tip = null;
  var lastPointer = "";
  function hideTip() {
    if (tip) { tip.remove(); tip = null; }
  }
  function showTip(link) {
    if (tip && tip.previousElementSibling === link) return;
    hideTip();
    tip = H.el("span", { class: "csh-tooltip", id: "csh-tooltip", role: "tooltip" }, [
      H.el("span", { text: link.getAttribute("data-tip") }), " ",
      H.el("a", { href: link.getAttribute("href"), class: "csh-tooltip-link", text: "Open in the glossary" })
    ]);
    link.setAttribute("aria-describedby", "csh-tooltip");
    link.insertAdjacentElement("afterend", tip);
    keepOnScreen(tip);
  }
  // The tip starts where the term ends; shift it so that all of it stays in the viewport.
  function keepOnScreen(node) {
    var gap = 8;
    var width = document.documentElement.clientWidth;
    var box = node.getBoundingClientRect();
    var shift = 0;
    if (box.right > width - gap) shift = width - gap - box.right;
    if (box.left + shift < gap) shift = gap - box.left;
    node.style.marginLeft = shift + "px";
  }
  function setupTerms(root) {
    root.querySelectorAll("a.csh-term[data-tip]").forEach(function (link) {
      if (link.dataset.cshReady) return;
      link.dataset.cshReady = "1";
      link.addEventListener("mouseenter", function () { if (lastPointer !== "touch") showTip(link); });
      link.addEventListener("focus", function () { showTip(link); });
      link.addEventListener("blur", function (e) {
        if (!(e.relatedTarget && tip && tip.contains((e.relatedTarget)))) hideTip();
      });
      link.addEventListener("mouseleave", function (e) {
        if (lastPointer !== "touch" && !(e.relatedTarget && tip && tip.contains(e.relatedTarget))) hideTip();
      });
      link.addEventListener("click", function (e) {
        if (lastPointer !== "touch") return;
        e.preventDefault();
        showTip(link);
      });
    });
  }
  document.addEventListener("pointerdown", function (e) {
    lastPointer = e.pointerType;
    var t = e.target;
    if (tip && !tip.contains(t) && !(t.closest && t.closest("a.csh-term"))) hideTip();
  }, true);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hideTip(); });

  // The glossary's "Find a term" box: hidden in the page so that, without JavaScript, every
  // term simply shows.  Matches a term's name and aliases; letters left empty are hidden.
  function setupGlossaryFilter(root) {
    var box = root.querySelector("[data-csh-glossary-filter]");
    if (!box || box.dataset.cshReady) return;
    box.dataset.cshReady = "1";
    box.hidden = false;
    var input = box.querySelector("input");
    var count = box.querySelector(".csh-glossary-count");
    var entries = Array.prototype.slice.call(root.querySelectorAll(".csh-term-entry"));
    var headings = Array.prototype.slice.call(root.querySelectorAll("article h2[id^='letter-']"));
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      entries.forEach(function (e) {
        var name = e.querySelector(".csh-term-name");
        var hit = !q || (name && name.textContent.toLowerCase().indexOf(q) >= 0);
        e.hidden = !hit;
        if (hit) shown++;
      });
      headings.forEach(function (h) {
        var any = false;
        for (var n = h.nextElementSibling; n && n.tagName !== "H2"; n = n.nextElementSibling) {
          if (n.classList.contains("csh-term-entry") && !n.hidden) { any = true; break; }
        }
        h.hidden = !any;
      });
      count.textContent = q ? (shown === 1 ? "1 term matches." : shown + " terms match.") : "";
    });
  }

  function init() {
    followAlias(document);
    setupCopyButtons(document);
    setupTerms(document);
    setupGlossaryFilter(document);
  }

  H.onPage(init);
})();
