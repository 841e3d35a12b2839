/* Material's post-content snippet, moved out of its inline <script> in
   partials/javascripts/content.html (CSP without 'unsafe-inline', docs/hosting.md).
   It stays inside the content container, so Material's instant navigation re-runs it on
   every page it swaps in, as it re-ran the inline one.  It opens the content tab named by
   the URL fragment and, when the content.tabs.link feature is on (data-tabs-link on this
   tag), restores the linked tab chosen on an earlier page.  Logic is Material 9.x's. */
(function () {
  if (document.currentScript && document.currentScript.hasAttribute("data-tabs-link")) {
    var tabs = __md_get("__tabs");
    if (Array.isArray(tabs)) {
      var sets = document.querySelectorAll(".tabbed-set");
      outer: for (var s = 0; s < sets.length; s++) {
        var labels = sets[s].querySelector(".tabbed-labels");
        for (var t = 0; t < tabs.length; t++) {
          var list = labels.getElementsByTagName("label");
          for (var l = 0; l < list.length; l++) {
            if (list[l].innerText.trim() === tabs[t]) {
              document.getElementById(list[l].htmlFor).checked = true;
              continue outer;
            }
          }
        }
      }
    }
  }
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
