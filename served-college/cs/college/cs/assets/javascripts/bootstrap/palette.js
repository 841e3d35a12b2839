/* Material's colour-scheme restore, moved out of its inline <script> in
   partials/javascripts/palette.html (CSP without 'unsafe-inline', docs/hosting.md).
   It is a parser-blocking script placed right after the palette form in the header, as the
   inline one was, so the saved scheme is on <body> before the page content below is parsed
   and painted (no light-to-dark flash).  main.html preloads it from <head> so it is already
   fetched when the parser gets here.  Logic is Material 9.x's. */
(function () {
  var palette = __md_get("__palette");
  if (!palette || !palette.color) return;
  if (palette.color.media === "(prefers-color-scheme)") {
    var media = matchMedia("(prefers-color-scheme: light)");
    var input = document.querySelector(media.matches
      ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']");
    palette.color.media = input.getAttribute("data-md-color-media");
    palette.color.scheme = input.getAttribute("data-md-color-scheme");
    palette.color.primary = input.getAttribute("data-md-color-primary");
    palette.color.accent = input.getAttribute("data-md-color-accent");
  }
  for (var key in palette.color) {
    if (Object.prototype.hasOwnProperty.call(palette.color, key)) {
      document.body.setAttribute("data-md-color-" + key, palette.color[key]);
    }
  }
})();
