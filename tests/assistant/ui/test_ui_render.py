"""The pure Answer -> HTML functions: escaping, markers, highlighted passages, statuses and next steps, copy, disclaimer."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from assistant.disclaimer import DISCLAIMER
from assistant.models import Answer, Citation, CitedReference
from assistant.ui import render
from assistant.ui.render import PassageContext
from ui_support import tags_of

# Emoji and their presentation selector: they need an emoji font, which many Linux machines lack.
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
SECTION_TEXT = "Paraneoplastic syndromes are rare disorders. They are triggered by an immune response to a tumor."
SECTION_START = 100
QUOTE = "They are triggered by an immune response to a tumor."


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
        assert tag not in ("script", "img", "iframe"), tag
        assert tag != "svg" or attrs.get("class") == "pns-icon", attrs  # only our own icons
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
def test_every_non_answer_status_has_a_banner_a_next_step_and_the_disclaimer(status: str) -> None:
    answer = Answer(status=status, body="No.", disclaimer=DISCLAIMER)
    html = render.render_answer(answer)
    next_step = render.STATUS_NOTES[status][2]
    assert "pns-status" in html and render.esc(DISCLAIMER) in html
    assert f'<p class="pns-next">{render.esc(next_step)}</p>' in html
    assert html.index("pns-next") < html.index("pns-disclaimer")


def test_an_unavailable_index_says_where_to_fix_it_not_to_ask_again() -> None:
    broken = Answer(status="error", body="The search index is not available: cannot reach Chroma server at "
                    "http://127.0.0.1:9/.", disclaimer=DISCLAIMER, flags=["error: IndexStoreError"])
    html = render.render_answer(broken)
    assert render.esc(render.INDEX_ERROR_NOTE[1]) in html and "PNS_CHROMA_URL" in html
    assert render.esc(render.STATUS_NOTES["error"][2]) not in html
    other = render.render_answer(Answer(status="error", body="Sorry.", disclaimer=DISCLAIMER, flags=["error: ValueError"]))
    assert "PNS_DEBUG=1" in other and "PNS_CHROMA_URL" not in other


def test_status_icons_are_inline_svg_not_emoji() -> None:
    for status in render.STATUS_NOTES:
        html = render.render_answer(Answer(status=status, body="Text.", disclaimer=DISCLAIMER))
        assert '<svg class="pns-icon"' in html
        assert not EMOJI.search(html), status


def test_partial_answer_is_escaped_busy_and_already_shows_the_disclaimer() -> None:
    html = render.render_partial("<b>bold</b> so far [1]")
    assert "&lt;b&gt;" in html and 'aria-busy="true"' in html and "pns-marker" not in html
    assert render.esc(DISCLAIMER) in html and "pns-copy" not in html


def test_the_copy_button_carries_the_text_escaped_with_its_line_breaks() -> None:
    text = 'Line one [1] <script>alert("x")</script>\nLine two & more'
    html = render.render_answer(make_answer("Body [1]."), "t0", copy_text=text)
    buttons = [attrs for tag, attrs in tags_of(html) if tag == "button"]
    assert len(buttons) == 1 and buttons[0]["data-copy"] == text  # the parser unescapes exactly what was put in
    assert "<script>" not in html and html.index("pns-copy") < html.index("pns-disclaimer")


def test_safe_url_allows_only_absolute_http() -> None:
    assert render.safe_url("https://doi.org/10.1/x") == "https://doi.org/10.1/x"
    for bad in ("javascript:alert(1)", "data:text/html,x", "/relative", "https://x.org/\"onmouseover=1", ""):
        assert render.safe_url(bad) is None





def test_markers_are_badges_without_brackets_and_the_copy_text_keeps_them() -> None:
    answer = make_answer("They are immune reactions [1]. Both [1, 7] and an unknown one [7].")
    html = render.render_answer(answer, "t0", copy_text=answer.answer)
    body = html[html.index('<div class="pns-answer-body">'):html.index("</div>")]
    assert "[1" not in body and "," not in body and body.replace("[7]", "").count("]") == 0
    assert body.count('class="pns-marker"') == 2 and body.count("[7]") == 2  # a number with no citation stays as written
    buttons = [attrs for tag, attrs in tags_of(html) if tag == "button"]
    assert "reactions [1]." in buttons[0]["data-copy"] and "[1, 7]" in buttons[0]["data-copy"]


def test_the_citation_number_is_a_badge_too() -> None:
    html = render.render_answer(make_answer("Body [1]."), "t0", {1: PassageContext(SECTION_TEXT, SECTION_START)})
    assert '<span class="pns-cite-n" aria-label="Source 1">1</span>' in html and "[1]</span>" not in html


def test_a_source_page_gets_its_label_its_note_and_a_scrolling_box() -> None:
    page_text = "SYNTHETIC TEST DOCUMENT. Page 7 of 12.\n" + "Filler sentence. " * 200 + QUOTE + " More filler." * 50
    start = 5000 + page_text.index(QUOTE)
    citation = make_answer("x").citations[0].model_copy(update={
        "source": "varki2007", "source_id": "varki2007", "page": 7, "section": "p. 7", "start": start,
        "end": start + len(QUOTE), "references": [GRABER.model_copy(update={"relation": "cited source (full text)"})]})
    ctx = PassageContext(page_text, 5000, "p. 7", label="Varki 2007, p. 7", note="page 7 of 12 of a file", kind="page")
    html = render.render_citation(citation, ctx, "t0-cite-1")
    assert '<blockquote class="pns-passage pns-passage-page" tabindex="0" aria-label="Varki 2007, p. 7">' in html
    assert f'<mark id="t0-cite-1-quote" class="pns-quote">{QUOTE}</mark>' in html
    assert html.startswith('<details class="pns-cite pns-cite-source"') and "(page 7 of 12 of a file)" in html
    assert '<p class="pns-refs-title">Cited source</p>' in html and "Related references" not in html


def test_a_bibliography_answer_shows_the_whole_entry_with_the_stated_fields_marked(ui_assistant) -> None:  # type: ignore[no-untyped-def]
    from assistant.ui.passages import passage_contexts

    answer = ui_assistant.ask("What is the DOI of the Varki paper?")
    (cited,) = answer.citations
    assert cited.source_id == "bibliography"
    view = ui_assistant.corpus_view()
    raw = view.reference("varki2007").raw
    ctx = passage_contexts(view, answer.citations, answer.body)[1]
    assert (ctx.kind, ctx.text, ctx.label) == ("entry", raw, "Varki 2007")
    marked = [raw[s:e] for s, e in ctx.marks]
    assert any("10.1182/blood-2006-10-053736" in m for m in marked)
    assert not any(m.startswith("Varki, A.") for m in marked), "authors the answer does not state stay unmarked"
    html = render.render_answer(answer, "t0", {1: ctx})
    passage = html[html.index('<blockquote class="pns-passage pns-passage-entry"'):html.index("</blockquote>")]
    assert passage.count("<mark") == len(ctx.marks) >= 1 and passage.startswith('<blockquote class="pns-passage pns-passage-entry" tabindex="0" aria-label="Varki 2007">Varki, A. (<mark ')  # whole entry, parts marked
    assert "(entry 18 of 21); the parts this answer states are highlighted:" in html and "The entry&#x27;s fields" in html
