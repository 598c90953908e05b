"""A cited source's own text in the web app, with the real Assistant over a home that holds one (a synthetic PDF
added like `pns corpus add`, see ui_support): its passage shown in its whole page with a "Varki 2007, p. 5"
label, its coverage and provenance in the references table, and its indexed text in the reader, page by page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ui_support import SOURCE_FACT, SOURCE_FACT_PAGE, SOURCE_FILE, SOURCE_PAGES, SOURCE_QUESTION, SOURCE_REF

from assistant.disclaimer import DISCLAIMER
from assistant.ui import render
from assistant.ui.feedback import FeedbackStore
from assistant.ui.handlers import READER_PICK, ChatHandlers, ReferenceHandlers
from assistant.ui.passages import passage_contexts
from assistant.ui.reference_table import render_reference_table
from assistant.ui.references import entries_from
from assistant.ui.services import Services
from benchmarks.synthetic_sources import BANNER
from foundation.settings import Settings


@pytest.fixture(scope="module")
def svc(source_home: Settings, source_assistant: Any, tmp_path_factory: pytest.TempPathFactory) -> Services:
    return Services(source_home, source_assistant, FeedbackStore(tmp_path_factory.mktemp("fb") / "f.sqlite3"))


@pytest.fixture(scope="module")
def answer(source_assistant: Any) -> Any:
    answer = source_assistant.ask(SOURCE_QUESTION)
    assert answer.status == "answered", answer.body
    return answer


def source_citation(answer: Any) -> Any:
    (cited,) = [c for c in answer.citations if "37 of 120 patients" in c.quote]
    return cited


def test_a_source_passage_is_shown_in_its_whole_page_with_a_page_label(svc: Services, answer: Any) -> None:
    cited = source_citation(answer)
    assert (cited.source, cited.page) == (SOURCE_REF, SOURCE_FACT_PAGE)
    ctx = passage_contexts(svc.view(), answer.citations, answer.body)[cited.marker]
    doc = svc.view().source(SOURCE_REF)
    page = next(p for p in doc.pages if p.number == SOURCE_FACT_PAGE)
    assert (ctx.kind, ctx.label, ctx.start, ctx.text) == ("page", "Varki 2007, p. 5", page.start, doc.text[page.start:page.end])
    assert f"{BANNER}. Page {SOURCE_FACT_PAGE} of {SOURCE_PAGES}." in ctx.text and SOURCE_FACT in ctx.text
    assert len(ctx.text) > 2000, "the whole page, not a window around the quote"
    assert f"page 5 of {SOURCE_PAGES}" in ctx.note and SOURCE_FILE in ctx.note and "pypdf" in ctx.note

    html = svc.render_answer(answer, "t0")
    target = render.cite_target("t0", cited.marker)
    assert 'class="pns-cite-label">Varki 2007, p. 5</strong>' in html and f'data-source="{SOURCE_REF}"' in html
    assert f'<mark id="{target}-quote" class="pns-quote">{render.esc(cited.quote)}</mark>' in html
    assert render.esc(f"{BANNER}. Page 5 of {SOURCE_PAGES}.") in html and "Page 4 of" not in html and "Page 6 of" not in html
    assert "Cited source" in html and render.esc(DISCLAIMER) in html


def test_the_chat_turn_carries_the_page_view(svc: Services) -> None:
    *_, (transcript, turns, _, _) = list(ChatHandlers(svc).respond(SOURCE_QUESTION, []))
    assert len(turns) == 1 and "pns-passage-page" in transcript and "Varki 2007, p. 5" in transcript


def test_the_references_table_shows_coverage_and_provenance(svc: Services, source_home: Settings) -> None:
    entries = {e.ref.id: e for e in entries_from(svc.view())}
    varki = entries[SOURCE_REF]
    src = varki.source
    doc = svc.view().source(SOURCE_REF)
    assert (varki.coverage, varki.text_status, src.origin, src.original_name) == ("full_text", "Full text", "user", SOURCE_FILE)
    assert (src.pages, src.characters, src.sha256) == (SOURCE_PAGES, len(doc.text), doc.sha256) and "pypdf" in src.extractor
    assert src.added_at and src.file and (source_home.resolved_sources_dir / src.file).is_file()
    assert all(e.coverage == "metadata_only" for ref_id, e in entries.items() if ref_id != SOURCE_REF)
    data = varki.as_dict()
    assert data["coverage"] == "full_text" and data["source"]["original_name"] == SOURCE_FILE

    html = render_reference_table([varki], 21, lambda e: "x", "bibtex")
    assert '<span class="pns-badge pns-badge-full">Full text</span>' in html
    assert f'class="pns-read" data-read="{SOURCE_REF}"' in html
    for shown in (SOURCE_FILE, f"{SOURCE_PAGES} pages", f"{len(doc.text):,} characters", doc.sha256[:12], "user-supplied"):
        assert render.esc(shown) in html, shown


def test_the_reader_pages_through_the_indexed_text(svc: Services) -> None:
    refs = ReferenceHandlers(svc)
    assert [ref_id for _, ref_id in svc.reader_choices()] == [SOURCE_REF]
    assert render.esc(READER_PICK) in refs.reader_intro()
    html, page = refs.read(SOURCE_REF, SOURCE_FACT_PAGE)
    assert page == SOURCE_FACT_PAGE and "Varki 2007, p. 5" in html and f"page 5 of {SOURCE_PAGES}" in html
    assert render.esc(SOURCE_FACT) in html and SOURCE_FILE in html
    assert refs.read_next(SOURCE_REF, SOURCE_PAGES)[1] == SOURCE_PAGES  # past the end: stays on the last page
    assert refs.read_previous(SOURCE_REF, 1)[1] == 1
    assert refs.read(SOURCE_REF, "not a number")[1] == 1
    assert refs.read_next(SOURCE_REF, 2)[0].count("Varki 2007, p. 3") == 1
    missing, _ = refs.read("graber2023", 1)
    assert "No indexed text is held for graber2023" in missing


def test_the_reader_has_nothing_to_open_in_an_article_only_home(ui_assistant: Any, built_index_home: Settings,
                                                                 tmp_path: Path) -> None:
    svc = Services(built_index_home, ui_assistant, FeedbackStore(tmp_path / "f.sqlite3"))
    refs = ReferenceHandlers(svc)
    assert svc.reader_choices() == []
    intro = refs.reader_intro()
    assert "No reference has indexed text yet: all 21 are metadata only" in intro and "pns corpus add" in intro
    html = refs.table(svc.entries(), svc.entries(), None)
    assert "pns-read" not in html and html.count("pns-badge-meta") == 21 and "none (metadata only)" in html
