"""mkdocs.yml: the navigation is static (no hook builds it), so it must list every
specification page, and every page kind the navigation leaves out must be declared so."""

from __future__ import annotations

import yaml

from .conftest import ROOT


def _pages(entries) -> list[str]:
    found: list[str] = []
    for entry in entries:
        if isinstance(entry, str):
            found.append(entry)
        else:
            for value in entry.values():
                found.extend([value] if isinstance(value, str) else _pages(value))
    return found


def _config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml names Python objects (the emoji extension); they do not matter here.
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def test_navigation_lists_every_specification_once(real_corpus):
    pages = _pages(_config()["nav"])
    assert len(pages) == len(set(pages))
    listed = [p.split("/")[0] for p in pages if p.endswith("/index.md") and p.count("/") == 1]
    specs = [p for p in listed if p not in ("glossary", "legislation", "tutors")]
    assert specs == list(real_corpus.specs)


def test_pages_left_out_of_the_navigation_are_declared(real_pages):
    config = _config()
    nav = set(_pages(config["nav"]))
    patterns = [line.strip().lstrip("/") for line in config["not_in_nav"].splitlines() if line.strip()]

    def declared(path: str) -> bool:
        import fnmatch

        return any(fnmatch.fnmatch(path, pattern) for pattern in patterns)

    missing = [p for p in real_pages if p.endswith(".md") and p not in nav and not declared(p)]
    assert missing == []


def test_no_hook_is_needed_to_build(real_corpus):
    """Zensical runs no hooks: the hook may only help `mkdocs serve`."""
    hook = (ROOT / "generator" / "mkdocs_hooks.py").read_text(encoding="utf-8")
    assert "on_config" not in hook and "nav" not in hook.split('"""', 2)[2]


def test_zensical_policy_hash_is_kept_for_the_pinned_release():
    """The Zensical build's CSP carries its search style's hash for one release
    (generator/csp.py); the pin in pyproject.toml must be that release, or the policy
    centres copy would block the search box."""
    import re

    from generator.csp import ZENSICAL_STYLE_HASHES, ZENSICAL_VERSION, policy

    pin = re.search(r'"zensical==([0-9.]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pin is not None and pin.group(1) == ZENSICAL_VERSION
    assert all(h in policy("zensical") for h in ZENSICAL_STYLE_HASHES[ZENSICAL_VERSION])
    assert "sha256" not in policy("mkdocs")
