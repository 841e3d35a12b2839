"""The site's Content-Security-Policy, written once.

docs/hosting.md shows it to centres (Apache, nginx, IIS), tests/test_browser_csp.py serves
every page kind under it, and a fast test there checks that the guide shows this exact
string, so the advice and the tested policy cannot drift apart.  The site itself cannot send
it: it is a folder of static files, and a <meta> policy cannot carry frame-ancestors.
Print it with `python -m generator.csp`."""

from __future__ import annotations

# One (directive, sources) pair per line, so a change shows as a one-line diff.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    # Everything comes from the site's own origin; no CDN, font host or analytics.
    ("default-src", "'self'"),
    # No 'unsafe-inline' or 'unsafe-eval': Material's inline bootstrap scripts are replaced by
    # files (overrides/partials/javascripts/, assets/javascripts/bootstrap/).  JSON data blocks
    # (<script type="application/json">) are not executed, so the policy does not apply to them.
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    # data: only for images: Material's stylesheet draws its icons as SVG data URIs (CSS
    # mask-image).  An SVG used as an image runs no script and loads nothing, so this cannot
    # inject code or leak data; replacing them would mean forking Material's minified CSS.
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    # Instant navigation and search fetch pages and search_index.json from the same origin.
    ("connect-src", "'self'"),
    # The search index runs in a Web Worker loaded from the site.
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
    # Only the site itself may frame it (clickjacking).  A centre that embeds it in its LMS
    # adds the LMS origin here, e.g. "'self' https://lms.college.example" (docs/hosting.md).
    ("frame-ancestors", "'self'"),
)

CONTENT_SECURITY_POLICY: str = "; ".join(f"{name} {sources}" for name, sources in DIRECTIVES)

# A site built by Zensical (README, "Engines") draws its search box inside a shadow root and
# gives it one inline <style>, which `style-src 'self'` blocks.  Its hash lets that one style
# in and nothing else.  The text is fixed for a Zensical release, so the hash is kept per
# pinned version (pyproject.toml): after an upgrade, tests/test_browser_csp.py run with
# CSH_ENGINE=zensical fails and Chromium's report names the new hash.
ZENSICAL_STYLE_HASHES: dict[str, tuple[str, ...]] = {
    "0.0.73": ("'sha256-NwSx/R2V/U4jnW0Tq5pQ53Y/rzPVJ4dqE7D6UTA/J1k='",),
}
ZENSICAL_VERSION = "0.0.73"


def policy(engine: str = "mkdocs") -> str:
    """The policy for a site built by `engine`: the one above, plus, for Zensical, the hash of
    its search box's style."""
    if engine == "mkdocs":
        return CONTENT_SECURITY_POLICY
    if engine != "zensical":
        raise ValueError(f"unknown engine {engine!r}: expected mkdocs or zensical")
    hashes = " ".join(ZENSICAL_STYLE_HASHES[ZENSICAL_VERSION])
    return "; ".join(
        f"{name} {sources} {hashes}" if name == "style-src" else f"{name} {sources}" for name, sources in DIRECTIVES
    )


def main() -> None:
    import sys

    # `python -m generator.csp zensical` prints the policy for a Zensical build.
    print(policy(sys.argv[1] if len(sys.argv) > 1 else "mkdocs"))


if __name__ == "__main__":
    main()
