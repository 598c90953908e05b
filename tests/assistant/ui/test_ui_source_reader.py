"""The reader of a source's indexed text and the coverage lines, as pure functions: paging, labels, escaping."""

from __future__ import annotations


import pytest

from assistant.ui.reference_table import render_reference_table
from assistant.ui.references import ReferenceEntry
from assistant.ui.source_reader import PART_CHARS, clamp_page, reader_pages, render_reader, when
from corpus.bibliography import load_references
from corpus.models import CoverageRecord, FetchRecord, PageSpan, SourceDocument, TextSection
from foundation.settings import Settings
from ui_support import tags_of

EVIL = '<script>window.__pwned=1</script><img src=x onerror="alert(1)">'
SHA = "ab" * 32


def doc(text: str, **kw: object) -> SourceDocument:
    fields: dict[str, object] = {"reference_id": "varki2007", "path": "varki2007.txt", "sha256": SHA, "media_type": "text/plain"}
    return SourceDocument(text=text, **(fields | kw))


def test_a_pdf_pages_as_printed() -> None:
    text = "Page one text.\nPage two text.\n"
    pdf = doc(text, pages=[PageSpan(number=1, start=0, end=15), PageSpan(number=2, start=15, end=len(text))],
              media_type="application/pdf", extractor="pdf:pypdf-7.1.1", user_supplied=True, original_name="mine.pdf",
              added_at="2026-12-01T19:26:00+00:00")
    assert [(p.number, p.label) for p in reader_pages(pdf)] == [(1, "p. 1"), (2, "p. 2")]
    html = render_reader(pdf, "Varki 2007", "Trousseau", 2)
    assert "Varki 2007, p. 2" in html and "page 2 of 2" in html and "Page two text." in html and "Page one" not in html
    assert "the user-supplied file “mine.pdf”, added 2026-12-01 19:26 UTC; text as extracted by pdf:pypdf-7.1.1" in html
    assert clamp_page(pdf, 0) == 1 and clamp_page(pdf, 50) == 2 and clamp_page(pdf, None) == 1 and clamp_page(pdf, "2") == 2


def test_an_unpaged_text_is_cut_at_its_sections_and_paragraphs_and_nothing_is_lost() -> None:
    para = "A synthetic paragraph of filler words. " * 30 + "\n\n"
    body = "Abstract text.\n\n" + para * 12
    sections = [TextSection(title="Abstract", start=0, end=16), TextSection(title="Body", start=16, end=len(body))]
    pages = reader_pages(doc(body, sections=sections, origin_url="https://example.org/x",
                             retrieved_at="2026-11-30T08:00:00+00:00", coverage="abstract"))
    assert pages[0].label == f"part 1 of {len(pages)} — Abstract" and pages[1].label.endswith("— Body")
    assert all(p.end - p.start <= PART_CHARS for p in pages) and len(pages) > 3
    assert "".join(body[p.start:p.end] for p in pages) == body  # consecutive, covering every character
    html = render_reader(doc(body, sections=sections, origin_url="https://example.org/x"), "Varki 2007", "T", 2)
    assert "Varki 2007, part 2" in html and "fetched from https://example.org/x" in html
    assert 'href="https://example.org/x"' in html  # a fetched text links its original


def test_the_reader_escapes_what_the_file_and_its_names_hold() -> None:
    evil = doc(f"Text {EVIL} more.", user_supplied=True, original_name=EVIL, extractor=EVIL)
    html = render_reader(evil, EVIL, EVIL, 1)
    assert not [t for t, _ in tags_of(html) if t in ("script", "img")]
    assert not any(k.startswith("on") for _, attrs in tags_of(html) for k in attrs)


def test_the_coverage_lines_escape_provenance_and_fetch_details() -> None:
    ref = {r.id: r for r in load_references(Settings())}["varki2007"]
    fetch = FetchRecord(reference_id=ref.id, outcome=EVIL, detail=EVIL, at=EVIL, url=f"javascript:{EVIL}")
    status = CoverageRecord(reference_id=ref.id, short=ref.short, title=EVIL, type=ref.type, coverage="full_text",
                            origin="user", file=EVIL, original_name=EVIL, extractor=EVIL, pages=3, characters=1200,
                            sha256=SHA, added_at=EVIL, last_fetch=fetch)
    html = render_reference_table([ReferenceEntry(ref, [], True, status)], 21, lambda e: "x", "ris")
    assert not [t for t, _ in tags_of(html) if t in ("script", "img")]
    assert not any((v or "").lower().startswith("javascript:") for _, attrs in tags_of(html) for v in attrs.values())
    assert "3 pages, 1,200 characters" in html and f"sha256 <code>{SHA[:12]}…</code>" in html


@pytest.mark.parametrize(("stamp", "shown"), [
    ("2026-12-01T19:26:00+00:00", "2026-12-01 19:26 UTC"),
    ("2026-12-01T20:26:00+01:00", "2026-12-01 19:26 UTC"),
    ("2026-12-01", "2026-12-01 00:00"),
    ("yesterday", "yesterday"),
    (None, "at an unrecorded time"),
])
def test_times_are_shown_in_utc(stamp: str | None, shown: str) -> None:
    assert when(stamp) == shown
