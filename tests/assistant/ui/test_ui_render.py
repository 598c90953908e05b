"""The pure Answer -> HTML/Markdown functions: escaping, markers, highlighted passages, statuses, disclaimer."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from assistant.disclaimer import DISCLAIMER, with_disclaimer
from assistant.models import Answer, Citation, CitedReference
from assistant.ui import render
from assistant.ui.render import PassageContext

SECTION_TEXT = "Paraneoplastic syndromes are rare disorders. They are triggered by an immune response to a tumor."
SECTION_START = 100
QUOTE = "They are triggered by an immune response to a tumor."


class TagCollector(HTMLParser):
    """Every start tag and attribute the browser would build from the markup."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(markup: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = TagCollector()
    parser.feed(markup)
    return parser.tags


def make_answer(body: str, status: str = "answered", refs: list[CitedReference] | None = None, **cite) -> Answer:
    start = SECTION_START + SECTION_TEXT.index(QUOTE)
    citation = Citation(
        marker=1,
        chunk_id="c1",
        source_id="article",
        section=cite.get("section", "What Are Paraneoplastic Syndromes?"),
        section_id="what-are-paraneoplastic-syndromes",
        quote=cite.get("quote", QUOTE),
        start=start,
        end=start + len(QUOTE),
        article_title="Paraneoplastic Syndromes: Causes, Symptoms and Treatment",
        article_url="https://www.rupahealth.com/post/paraneoplastic-syndromes-causes-symptoms-and-treatment",
        references=refs or [],
    )
    return Answer(status=status, body=body, disclaimer=DISCLAIMER, citations=[citation])


GRABER = CitedReference(
    id="graber2023",
    authors=["Graber, J. J."],
    year=2023,
    title="Paraneoplastic Neurologic Syndromes",
    container="CONTINUUM",
    doi="10.1212/con.0000000000001357",
    url="https://doi.org/10.1212/con.0000000000001357",
)


def test_answer_links_markers_to_the_citation_and_ends_with_the_disclaimer() -> None:
    answer = make_answer("They are immune reactions to a tumour [1].", refs=[GRABER])
    html = render.render_answer(answer, "t0", {1: PassageContext(SECTION_TEXT, SECTION_START)})
    markers = [attrs for tag, attrs in tags_of(html) if tag == "a" and "pns-marker" in (attrs.get("class") or "")]
    assert len(markers) == 1 and markers[0]["data-target"] == "t0-cite-1"
    assert 'id="t0-cite-1"' in html and "<details" in html
    assert render.esc(DISCLAIMER) in html and html.rindex("pns-disclaimer") > html.rindex("pns-cite")
    assert 'href="https://doi.org/10.1212/con.0000000000001357"' in html


def test_passage_is_highlighted_inside_its_section_using_the_offsets() -> None:
    answer = make_answer("Body [1].")
    html = render.render_answer(answer, "t0", {1: PassageContext(SECTION_TEXT, SECTION_START)})
    assert f'<mark id="t0-cite-1-quote" class="pns-quote">{QUOTE}</mark>' in html
    assert "Paraneoplastic syndromes are rare disorders." in html  # the surrounding section text too


def test_quote_is_found_by_search_when_offsets_drifted() -> None:
    ctx = PassageContext(SECTION_TEXT, SECTION_START + 7)  # offsets off by 7
    start = SECTION_START + SECTION_TEXT.index(QUOTE)
    assert render.locate_quote(ctx, QUOTE, start, start + len(QUOTE)) == (SECTION_TEXT.index(QUOTE), len(SECTION_TEXT))


def test_unknown_markers_stay_plain_text() -> None:
    html = render.render_body("See [1] and [7].", {1: "x-cite-1"})
    assert html.count('class="pns-marker"') == 1 and "[7]" in html


@pytest.mark.parametrize(
    "evil",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "\"><svg onload=alert(1)>",
        "javascript:alert(1)",
        "${alert(1)} {{constructor.constructor('alert(1)')()}}",
    ],
)
def test_user_and_corpus_text_is_escaped_everywhere(evil: str) -> None:
    ref = CitedReference(id="x", authors=[evil], year=None, title=evil, container=evil, doi=None, url=f"javascript:{evil}")
    answer = make_answer(f"Echo: {evil} [1]", refs=[ref], section=evil, quote=evil)
    html = render.render_answer(answer, "t0", {1: PassageContext(evil + " " + evil, 0)})
    html += render.render_conversation([(evil, html)])
    for tag, attrs in tags_of(html):
        assert tag not in ("script", "img", "svg", "iframe"), tag
        assert not any(k.startswith("on") for k in attrs), attrs
        assert not any((v or "").lower().startswith("javascript:") for v in attrs.values()), attrs


@given(st.text(max_size=200))
@hsettings(max_examples=200, deadline=None)
def test_any_question_text_renders_as_text_only(question: str) -> None:
    tags = tags_of(render.render_question(question))
    assert [t for t, _ in tags] == ["div", "p", "p"]


def test_emergency_status_is_a_red_alert_at_the_top() -> None:
    html = render.render_answer(make_answer("Call emergency services now [1].", status="emergency"), "t0")
    alert_at = html.index('<div class="pns-status pns-status-emergency" role="alert">')
    assert alert_at == html.index(">") + 1  # the first thing in the answer
    assert alert_at < html.index("Call emergency services now") < html.index("pns-citations")


@pytest.mark.parametrize("status", ["not_found", "out_of_scope", "personal_advice", "invalid_input", "error"])
def test_every_non_answer_status_has_a_banner_and_the_disclaimer(status: str) -> None:
    answer = Answer(status=status, body="No.", disclaimer=DISCLAIMER)
    html = render.render_answer(answer)
    assert "pns-status" in html and render.esc(DISCLAIMER) in html


def test_partial_answer_is_escaped_and_busy() -> None:
    html = render.render_partial("<b>bold</b> so far [1]")
    assert "&lt;b&gt;" in html and 'aria-busy="true"' in html and "pns-marker" not in html


def test_safe_url_allows_only_absolute_http() -> None:
    assert render.safe_url("https://doi.org/10.1/x") == "https://doi.org/10.1/x"
    for bad in ("javascript:alert(1)", "data:text/html,x", "/relative", "https://x.org/\"onmouseover=1", ""):
        assert render.safe_url(bad) is None


def test_markdown_export_escapes_and_keeps_the_disclaimer_last() -> None:
    md = render.answer_markdown(make_answer("Hi <script>x</script> [1]", refs=[GRABER]))
    assert "<script>" not in md and md.rstrip().endswith(DISCLAIMER)
    assert "https://doi.org/10.1212/con.0000000000001357" in md


