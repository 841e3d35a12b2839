/* Route planner: tick units and see, live, which rules of combination a selection meets.
 *
 * check() mirrors generator/routes.py word for word (tests compare the two on many
 * generated selections).  The selection is kept in the page address (?units=...) so it
 * can be shared.  Plain JavaScript; needs core.js.
 */
(function () {
  "use strict";

  var H = window.CSHub;
  var el = H.el;

  var plural = H.plural;

  function groupLabel(group) {
    if (group.title.toLowerCase().indexOf(("group " + group.id).toLowerCase()) >= 0) return group.title;
    return "Group " + group.id + " (" + group.title + ")";
  }

  function limits(label, chosen, credits, rule) {
    var out = [];
    var n = chosen.length;
    if (rule.min_units != null && n < rule.min_units) out.push(label + ": choose at least " + plural(rule.min_units, "unit") + "; you have chosen " + n + ".");
    if (rule.max_units != null && n > rule.max_units) out.push(label + ": choose no more than " + plural(rule.max_units, "unit") + "; you have chosen " + n + ".");
    if (rule.min_credits != null && credits < rule.min_credits) out.push(label + ": needs at least " + plural(rule.min_credits, "credit") + "; you have " + credits + ".");
    if (rule.max_credits != null && credits > rule.max_credits) out.push(label + ": allows no more than " + plural(rule.max_credits, "credit") + "; you have " + credits + ".");
    return out;
  }

  function check(rules, selection) {
    var units = rules.units;
    var chosen = [];
    selection.forEach(function (n) { if (chosen.indexOf(n) < 0) chosen.push(n); });
    var reasons = [];
    chosen.forEach(function (n) { if (!units[n]) reasons.push("Unit " + n + " is not part of this qualification."); });
    var inside = chosen.filter(function (n) { return units[n]; });
    var creditsOf = function (list) { return list.reduce(function (s, n) { return s + (units[n].credits || 0); }, 0); };
    rules.groups.forEach(function (g) {
      var picked = inside.filter(function (n) { return g.units.indexOf(n) >= 0; });
      reasons = reasons.concat(limits(groupLabel(g), picked, creditsOf(picked), g));
    });
    var byId = {};
    rules.groups.forEach(function (g) { byId[g.id] = g; });
    rules.pools.forEach(function (p) {
      var members = {};
      p.groups.forEach(function (gid) { byId[gid].units.forEach(function (n) { members[n] = true; }); });
      var picked = inside.filter(function (n) { return members[n]; });
      reasons = reasons.concat(limits(p.title, picked, creditsOf(picked), p));
    });
    var total = creditsOf(inside);
    if (rules.credits != null && total < rules.credits) reasons.push("The qualification needs at least " + plural(rules.credits, "credit") + "; you have " + total + ".");
    if (rules.max_credits != null && total > rules.max_credits) reasons.push("The qualification allows no more than " + plural(rules.max_credits, "credit") + "; you have " + total + ".");
    rules.levels.forEach(function (r) {
      var at = creditsOf(inside.filter(function (n) { return (units[n].level || 0) >= r.level; }));
      if (at < r.min_credits) reasons.push("At least " + plural(r.min_credits, "credit") + " must come from units at level " + r.level + " or above; you have " + at + ".");
    });
    rules.barred.forEach(function (b) {
      if (b.every(function (n) { return inside.indexOf(n) >= 0; })) reasons.push("Units " + b.join(" and ") + " may not be taken together.");
    });
    return reasons;
  }

  function readSelection(qualId) {
    var params = new URLSearchParams(location.search);
    if (params.get("route") !== qualId) return [];
    return (params.get("units") || "").split(",").filter(Boolean);
  }

  function shareLink(qualId, selection) {
    var url = new URL(location.href);
    url.searchParams.set("route", qualId);
    url.searchParams.set("units", selection.join(","));
    url.hash = "planner-" + qualId;
    return url.toString();
  }

  function Planner(root, rules) {
    var selected = readSelection(rules.id).filter(function (n) { return rules.units[n]; });
    var units = rules.units;
    root.innerHTML = "";
    var form = el("div", { class: "csh-planner-groups" });
    var shown = {};
    var boxes = {};
    // Held by reference: a selector built from a group id could break on its characters.
    var statuses = {};
    rules.groups.forEach(function (g) {
      var fresh = g.units.filter(function (n) { return !shown[n]; });
      if (!fresh.length) return;
      var fs = el("fieldset", { class: "csh-planner-group" });
      fs.appendChild(el("legend", { text: groupLabel(g) }));
      var status = el("p", { class: "csh-group-status", "data-group": g.id });
      statuses[g.id] = status;
      fs.appendChild(status);
      fresh.forEach(function (n) {
        shown[n] = true;
        var u = units[n];
        var id = "route-" + rules.id + "-" + n.replace(/[^A-Za-z0-9]/g, "-");
        var cb = el("input", { type: "checkbox", id: id, value: n, "data-unit": n });
        cb.checked = selected.indexOf(n) >= 0;
        cb.addEventListener("change", update);
        boxes[n] = cb;
        var label = el("label", { for: id, class: "csh-option" }, [cb, el("span", { text: "Unit " + n + ": " + u.title + " (" + (u.credits == null ? "credits not printed" : plural(u.credits, "credit")) + (u.level != null ? ", level " + u.level : "") + ")" })]);
        fs.appendChild(label);
      });
      form.appendChild(fs);
    });
    root.appendChild(form);
    // The verdict stays in view as one line at the bottom of the screen; the reasons and
    // credit counts open below the groups on demand, so the bar never covers a checkbox.
    var summary = el("div", { class: "csh-planner-summary" });
    var verdict = el("p", { class: "csh-route-verdict", "aria-live": "polite" });
    var detailsId = "route-details-" + rules.id;
    var more = el("button", { type: "button", class: "md-button csh-route-more", "aria-expanded": "false", "aria-controls": detailsId, text: "Details" });
    var details = el("div", { class: "csh-route-details", id: detailsId, hidden: true, tabindex: "-1" });
    more.addEventListener("click", function () {
      var open = details.hidden;
      details.hidden = !open;
      more.setAttribute("aria-expanded", String(open));
      if (open) details.scrollIntoView({ block: "nearest" });
    });
    summary.appendChild(verdict);
    summary.appendChild(more);
    root.appendChild(summary);
    root.appendChild(details);
    var linkLabel = el("label", { for: "route-link-" + rules.id, text: "Link to this selection" });
    var linkInput = el("input", { type: "text", id: "route-link-" + rules.id, readonly: "readonly", class: "csh-route-link" });
    var copy = el("button", { type: "button", class: "md-button csh-route-copy", text: "Copy link" });
    copy.addEventListener("click", function () {
      H.copyText(linkInput.value).then(function () {
        copy.textContent = "Copied";
        setTimeout(function () { copy.textContent = "Copy link"; }, 2000);
      }, function () { /* the selected link can be copied by hand */ }).then(function () { linkInput.select(); });
    });
    root.appendChild(el("div", { class: "csh-route-share" }, [linkLabel, linkInput, copy]));

    function update() {
      var chosen = Object.keys(boxes).filter(function (n) { return boxes[n].checked; });
      var reasons = check(rules, chosen);
      var total = chosen.reduce(function (s, n) { return s + (units[n].credits || 0); }, 0);
      rules.groups.forEach(function (g) {
        var st = statuses[g.id];
        if (!st) return;
        var picked = chosen.filter(function (n) { return g.units.indexOf(n) >= 0; });
        var cr = picked.reduce(function (s, n) { return s + (units[n].credits || 0); }, 0);
        st.textContent = "Chosen: " + plural(picked.length, "unit") + ", " + plural(cr, "credit") + ".";
      });
      details.innerHTML = "";
      summary.setAttribute("data-valid", reasons.length ? "false" : "true");
      var totals = "Total: " + plural(total, "credit") + " from " + plural(chosen.length, "unit") + ".";
      verdict.className = "csh-route-verdict " + (reasons.length ? "is-invalid" : "is-valid");
      verdict.textContent = reasons.length
        ? (reasons.length > 1 ? plural(reasons.length, "thing") + " to fix: " : "To fix: ") + reasons[0]
        : "Route valid. " + totals;
      verdict.title = verdict.textContent;
      details.appendChild(el("p", { class: "csh-route-total", text: (reasons.length ? "Not yet a valid route. " : "This is a valid route. ") + totals }));
      if (rules.levels.length) {
        rules.levels.forEach(function (r) {
          var at = chosen.filter(function (n) { return (units[n].level || 0) >= r.level; }).reduce(function (s, n) { return s + (units[n].credits || 0); }, 0);
          details.appendChild(el("p", { text: "Credits at level " + r.level + " or above: " + at + " (needs " + r.min_credits + ")." }));
        });
      }
      if (reasons.length) {
        var list = el("ul", { class: "csh-route-reasons" });
        reasons.forEach(function (r) { list.appendChild(el("li", { text: r })); });
        details.appendChild(list);
      }
      linkInput.value = shareLink(rules.id, chosen);
    }
    update();
  }

  function init() {
    H.eachRoot("[data-route-planner]", function (root) {
      var rules = H.payload(root, "csh-route-data");
      if (rules) new Planner(root, rules);  // otherwise the no-script text stays
    });
  }

  H.routes = window.CSHRoutes = { check: check, groupLabel: groupLabel };

  H.onPage(init);
})();
