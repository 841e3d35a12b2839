"""Page builders, the URL module and the render helpers, tested directly and through the
pages they produce for the real corpus (rendered once per session, in-process)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator import urls
from generator.glossary_links import TermForm, link_terms
from generator.markdown_text import demote_headings, embed_json, front_matter, md_inline
from generator.pages.base import Facts
from generator.pages.quiz_payloads import ItemPayloads
from generator.pipeline import Project, load_and_check, render
from generator.problems import ContentError
from generator.writer import write_tree

from .conftest import ROOT

TEMPLATES = ROOT / "generator" / "templates"


@pytest.fixture(scope="session")
def corpus(real_corpus):
    return real_corpus


@pytest.fixture(scope="session")
def pages(real_pages) -> dict[str, str]:
    return {path: data.decode("utf-8") for path, data in real_pages.items()}


# ---- the URL module ---------------------------------------------------------------


@pytest.mark.parametrize(
    "src, dest, anchor, expected",
    [
        ("cg-4417/units/201.md", "cg-4417/units/202.md", "", "202.md"),
        ("cg-4417/units/201.md", "cg-4417/units/201.md", "ac-1-1-1", "#ac-1-1-1"),
        ("cg-4417/units/201.md", "glossary/index.md", "customer", "../../glossary/index.md#customer"),
        ("cg-4417/tests/201.md", "tutors/keys/cg-4417-201.md", "", "../../tutors/keys/cg-4417-201.md"),
        ("index.md", "cg-4417/index.md", "cg-4417-02", "cg-4417/index.md#cg-4417-02"),
        ("legislation/index.md", "legislation/equality-act-2010.md", "", "equality-act-2010.md"),
    ],
)
def test_relative_links(src, dest, anchor, expected):
    assert urls.relative(src, dest, anchor) == expected


def test_anchor_rules():
    assert urls.outcome_anchor("AO3") == "lo-ao3"
    assert urls.criterion_anchor("outcome", "1.1.3") == "ac-1-1-3"
    assert urls.criterion_anchor("learning-aim", "A.P1") == "ac-a-p1"
    # SVQ performance criteria come from the same function, with their own prefix.
    assert urls.criterion_anchor("element", "12") == "pc-12"
    assert urls.knowledge_anchor("7") == "k-7"
    assert urls.content_anchor("C1") == "content-c1"
    assert urls.practice_quiz_id("cg-4417", "201") == "cg-4417-201-practice"
    assert urls.mock_quiz_id("cg-4417", "201") == "cg-4417-test-201"


# ---- text helpers -----------------------------------------------------------------


def test_embedded_json_cannot_close_its_script_element():
    text = embed_json({"stem": "</script><script>alert(1)</script>", "note": "<!-- x"})
    assert "</" not in text and "<!--" not in text
    assert json.loads(text)["stem"] == "</script><script>alert(1)</script>"


def test_front_matter_is_escaped_for_title_and_meta():
    value = json.loads(front_matter('A <script>"x"</script> & B'))
    assert value == "A &lt;script&gt;&quot;x&quot;&lt;/script&gt; &amp; B"


def test_heading_demotion_and_list_spacing():
    out = demote_headings("# Big\nSome text\n- a list item\n## Small")
    assert out.split("\n") == ["#### Big", "Some text", "", "- a list item", "#### Small"]


def test_one_markdown_converter_gives_the_same_html_as_a_fresh_one():
    import markdown

    texts = ["*a*", "a\n\nb", "[x](y.md){ .c }", "plain"]
    fresh = [markdown.markdown(t, extensions=["attr_list"], output_format="html") for t in texts]
    fresh = [h[3:-4] if h.startswith("<p>") and h.count("<p>") == 1 else h for h in fresh]
    assert [md_inline(t) for t in texts] == fresh


def test_term_linking_first_use_only_never_in_headings_links_or_code():
    forms = [TermForm("complaint", ["complaint", "complaints"], 'When a customer says "no"', "Complaint")]
    text = "#### A complaint\nA complaint here. Another complaint.\n[complaint](x.md) and `complaint`"
    out = link_terms(text, forms, "../../glossary/index.md").split("\n")
    assert out[0] == "#### A complaint"
    assert out[1].count("](../../glossary/index.md#complaint)") == 1
    assert 'data-tip="Complaint: When a customer says &quot;no&quot;"' in out[1]
    assert out[2] == "[complaint](x.md) and `complaint`"


def test_each_quiz_item_is_rendered_once(corpus, monkeypatch):
    from generator.pages import quiz_payloads

    calls = []
    real = quiz_payloads.item_payload
    monkeypatch.setattr(quiz_payloads, "item_payload", lambda item, unit: calls.append(item.id) or real(item, unit))
    made = ItemPayloads()
    data = corpus.specs["cg-4417"]
    unit = data.units["201"]
    items = corpus.banks.items_for("cg-4417", "201")
    first = [made.get("cg-4417", unit, i) for i in items]
    second = [made.get("cg-4417", unit, i) for i in items]
    assert len(calls) == len(items) and first == second


# ---- what the builders produce ------------------------------------------------------


def test_templates_hold_no_domain_logic():
    """Labels, lookups, anchors and paths are made by the builders, not the templates."""
    for path in TEMPLATES.glob("*.j2"):
        text = path.read_text(encoding="utf-8")
        for pattern, why in [
            (r"resolve\(", "a unit lookup"),
            (r"\{\s*'[a-z-]+'\s*:", "a label table"),
            (r"units/\{\{", "a hand-built unit path"),
            (r"#\{\{ *[a-z_.]+\|", "an anchor made in the template"),
            (r"label_for|method_label|criterion_anchor", "a domain helper"),
        ]:
            assert not re.search(pattern, text), f"{path.name} contains {why}"


def test_law_cards_and_law_pages_show_the_same_relation(pages):
    """Every unit a law page lists shows that law's card, and the other way round."""
    listed: set[tuple[str, str]] = set()
    for path, text in pages.items():
        if path.startswith("legislation/") and path != "legislation/index.md":
            section = text.split("## Units that cite it", 1)[1]
            for spec, number in re.findall(r"\]\(\.\./([a-z0-9-]+)/units/([A-Za-z0-9-]+)\.md\)", section):
                listed.add((path, f"{spec}/units/{number}.md"))
    shown: set[tuple[str, str]] = set()
    for path, text in pages.items():
        if "/units/" in path and "## The law for this unit" in text:
            cards = text.split("## The law for this unit", 1)[1].split("</div>", 1)[0]
            for slug in re.findall(r"\]\(\.\./\.\./legislation/([a-z0-9-]+)\.md\)", cards):
                shown.add((f"legislation/{slug}.md", path))
    assert listed and listed == shown


def test_titles_are_escaped_in_front_matter_and_trails(fixture_copy):
    unit = fixture_copy / "content/cg-4417/units/202.yml"
    text = unit.read_text(encoding="utf-8")
    assert "title: Supporting the customer service environment\n" in text
    unit.write_text(
        text.replace(
            "title: Supporting the customer service environment\n",
            "title: Supporting <script>alert(1)</script> & more\n",
            1,
        ),
        encoding="utf-8",
    )
    try:
        files = render(load_and_check(Project(fixture_copy)))
    except ContentError as exc:  # refusing the title outright is also safe
        assert "202.yml" in str(exc)
        return
    json_data = re.compile(rb'<script type="application/json"[^>]*>.*?</script>', re.S)
    for path, data in files.items():
        # Inside a JSON data element the text cannot run (embed_json escapes "</"); the
        # scripts that read it insert titles as text.
        assert b"<script>alert" not in json_data.sub(b"", data), path
    page = files["cg-4417/units/202.md"].decode("utf-8")
    # Then the qualification's short name (or short title, in the fixture corpus).
    assert 'title: "Unit 202: Supporting &lt;script&gt;alert(1)&lt;/script&gt; &amp; more · City &amp; Guilds' in page


def test_facts_resolve_aliases_to_their_unit(corpus):
    facts = Facts(corpus)
    assert facts.unit("cg-4417", "271").number == "201"
    assert facts.cross[("svq-4-cs", "3")]  # the SVQ unit shared with the NVQ


# ---- the writer never leaves docs/ ---------------------------------------------------


def test_writer_refuses_a_path_outside_docs(tmp_path):
    docs = tmp_path / "project" / "docs"
    docs.mkdir(parents=True)
    with pytest.raises(ContentError) as caught:
        write_tree(docs, {"ok.md": b"x", "a/../../../escaped.md": b"x"})
    assert "outside the docs/ folder" in str(caught.value)
    assert not list(tmp_path.rglob("*.md")), "nothing may be written when one path is refused"


def test_writer_never_deletes_outside_docs_for_an_edited_manifest(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    (docs / ".generated.json").write_text(json.dumps({"files": ["../victim.txt"]}), encoding="utf-8")
    report = write_tree(docs, {"page.md": b"y"})
    assert victim.read_text(encoding="utf-8") == "keep"
    assert report.removed == [] and (docs / "page.md").read_bytes() == b"y"


def test_the_docs_folder_as_a_path_is_refused(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for bad in ("", ".", "/etc/passwd", "a//b.md", "a\\..\\b.md"):
        with pytest.raises(ContentError):
            write_tree(docs, {bad: b"x"})
    assert not any(docs.iterdir())


def test_render_names_every_page_once(pages):
    assert "cg-4417/units/271.md" in pages and "cg-4417/tests/201.md" in pages
    assert Path("legislation/index.md").as_posix() in pages


def test_every_page_template_names_the_builder_that_fills_it():
    """CONTRIBUTING.md, "Add a page kind": a template's first line names its builder, and
    that builder is the one that uses it, so a newcomer gets from a page to its code in one hop."""
    from generator.render import PAGE_BUILDERS

    builders = {
        fn.__module__.rsplit(".", 1)[-1]: Path(__import__(fn.__module__, fromlist=["x"]).__file__)
        for fn in PAGE_BUILDERS
    }
    for template in sorted(TEMPLATES.glob("*.md.j2")):
        first = template.read_text(encoding="utf-8").split("\n", 1)[0]
        named = re.findall(r"generator/pages/([a-z_]+)\.py", first)
        assert named, f"{template.name}: the first line must name its builder in generator/pages/"
        assert named[0] in builders, f"{template.name}: {named[0]}.py is not in render.PAGE_BUILDERS"
        source = builders[named[0]].read_text(encoding="utf-8")
        assert f'"{template.name}"' in source, f"{template.name} is not used by {named[0]}.py"


def test_outcome_pages_for_every_note_and_links_that_stay_on_them(corpus, pages):
    """Each outcome's notes have a page of their own; the links in notes written for one
    long unit page now point at the page that holds the anchor."""
    count = 0
    for (spec, number), entry in corpus.teaching.units.items():
        for notes in entry.teaching.notes:
            slug = urls.outcome_page_slug(notes.outcome, notes.content)
            text = pages[urls.outcome_page(spec, number, slug)]
            count += 1
            local = set(re.findall(r'id="([^"]+)"', text)) | set(re.findall(r"\{ #([^ }]+)[^}]*\}", text))
            for anchor in re.findall(r"\]\(#([A-Za-z0-9_-]+)\)", text):
                assert anchor in local or anchor == "practice-quiz", f"{spec}/{number}/{slug}: #{anchor}"
            assert f"](../{number}.md)" in text  # back to the whole unit
            unit_page = pages[urls.unit_page(spec, number)]
            assert f"]({number}/{slug}.md)" in unit_page, "the unit page lists the outcome page"
    assert count >= 58


def test_revise_links_lead_to_outcome_pages(pages):
    page = pages["cg-4417/tests/201.md"]
    assert '[lo-3](../units/201/lo-3.md){ data-csh-revise="201/lo-3" }' in page
    assert '(../units/201/lo-1.md#ac-1-1-3){ data-csh-revise="201/ac-1-1-3" }' in page
    # A unit with no practice quiz (NVQ unit 9 has no knowledge outcomes) has no revise map.
    assert "data-csh-revise" not in pages["nvq-cco/units/9.md"]
    # An NVQ knowledge outcome's criteria are revised on its outcome page.
    assert '{ data-csh-revise="2/ac-3-1" }' in pages["nvq-cco/units/2.md"]


@pytest.mark.slow  # 5-8 s over the whole corpus: out of the fast loop, still in make test
def test_plain_sentences_skip_markdown_but_render_the_same(corpus):
    """The fast path for plain sentences gives exactly what Python-Markdown gives."""
    import markdown

    from generator.markdown_text import is_plain

    texts = set()
    for (spec, unit), _ in corpus.banks.by_unit.items():
        for item in corpus.banks.items_for(spec, unit):
            texts.update([item.stem, item.explanation])
            texts.update(t for o in getattr(item, "options", []) or [] for t in (o.text, o.feedback or ""))
    plain = [t for t in texts if t and is_plain(t)]
    assert len(plain) > 1000
    for text in plain:
        html = markdown.markdown(text, extensions=["attr_list", "tables"], output_format="html")
        assert html == f"<p>{text}</p>", text
    assert not is_plain("1. a list") and not is_plain("- a list") and not is_plain("a *b*") and not is_plain("a & b")


def test_term_linking_prefers_the_longest_form_and_respects_word_edges():
    forms = [
        TermForm("customer-service", ["customer service"], "Helping customers", "Customer service"),
        TermForm("chain", ["customer service chain"], "Who does what", "Customer service chain"),
    ]
    out = link_terms("The Customer Service Chain links teams. Not customer-service-chain.", forms, "g.md")
    assert out.startswith("The [Customer Service Chain](g.md#chain)")
    assert "[customer service]" not in out and out.endswith("Not customer-service-chain.")
