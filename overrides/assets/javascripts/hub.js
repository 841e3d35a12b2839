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
  var tip = null;
  function hideTip() {
    if (tip) { tip.remove(); tip = null; }
  }
  function showTip(link) {
    hideTip();
    tip = H.el("span", { class: "csh-tooltip", id: "csh-tooltip", role: "tooltip", text: link.getAttribute("data-tip") });
    link.setAttribute("aria-describedby", "csh-tooltip");
    link.insertAdjacentElement("afterend", tip);
  }
  function setupTerms(root) {
    root.querySelectorAll("a.csh-term[data-tip]").forEach(function (link) {
      if (link.dataset.cshReady) return;
      link.dataset.cshReady = "1";
      link.addEventListener("mouseenter", function () { showTip(link); });
      link.addEventListener("focus", function () { showTip(link); });
      link.addEventListener("blur", hideTip);
      link.addEventListener("mouseleave", function (e) {
        if (!(e.relatedTarget && tip && tip.contains(e.relatedTarget))) hideTip();
      });
    });
  }
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hideTip(); });

  function init() {
    followAlias(document);
    setupCopyButtons(document);
    setupTerms(document);
  }

  H.onPage(init);
})();
