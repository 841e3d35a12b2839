/* Customer Service Study Hub: small page behaviours shared by every page.
 * Plain JavaScript, no framework.  Runs on first load and again after each
 * Material instant-navigation page swap (document$), or once on DOMContentLoaded
 * when instant navigation is off (offline build). */
(function () {
  "use strict";

  function absoluteLink(anchor) {
    var url = new URL(location.href);
    url.hash = anchor;
    return url.toString();
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Fallback for http:// hosting and file://: a hidden textarea and execCommand.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      try {
        document.execCommand("copy") ? resolve() : reject(new Error("copy refused"));
      } catch (err) {
        reject(err);
      } finally {
        document.body.removeChild(area);
      }
    });
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
        copyText(link).then(function () {
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
    tip = document.createElement("span");
    tip.className = "csh-tooltip";
    tip.id = "csh-tooltip";
    tip.setAttribute("role", "tooltip");
    tip.textContent = link.getAttribute("data-tip");
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

  // Run `fn` on page load and again after each Material instant-navigation page swap
  // (document$).  Every init() is idempotent, so running from both is safe; relying on
  // document$ alone fails in the offline build.  The other page scripts use this too.
  window.cshOnPage = function (fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn);
    else fn();
    if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(fn);
  };
  window.cshOnPage(init);
})();
