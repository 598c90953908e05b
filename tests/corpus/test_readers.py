"""One reader per document type (corpus/readers): what each extracts, and how a file finds its reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.synthetic_sources import BANNER, synthetic_pdf
from corpus.bibliography import load_references
from corpus.errors import CorpusError
from corpus.readers import READERS, find_dois, normalise_doi, read_document, reader_for
from corpus.readers.pdf import reflow
from foundation.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
WEB = FIXTURES / "web"
REFS = {r.id: r for r in load_references(Settings())}


def test_every_reader_is_registered_once_with_its_own_media_type() -> None:
    kinds = [r.media_type for r in READERS]
    assert len(kinds) == len(set(kinds)) == 5
    assert {"application/pdf", "text/html", "application/jats+xml", "text/plain", "text/markdown"} == set(kinds)


def test_pdf_keeps_page_numbers_and_reflows_lines() -> None:
    data = synthetic_pdf(REFS["varki2007"], 4, facts={3: "A fact printed only on page three of this synthetic file."})
    got = read_document(data, "v.pdf")
    assert got.media_type == "application/pdf" and got.extractor.startswith("pdf/3:pypdf-")
    assert all(p.label is None and p.printed == str(p.number) for p in got.pages)  # no labels in the file: none invented
    assert [p.number for p in got.pages] == [1, 2, 3, 4]
    for page in got.pages:
        assert got.text[page.start : page.end].startswith(f"{BANNER}. Page {page.number} of 4.")
    third = got.pages[2]
    assert "A fact printed only on page three" in got.text[third.start : third.end]
    assert got.doi == "10.1182/blood-2006-10-053736" and got.title and got.title.startswith("Trousseau")


def test_pdf_page_labels_give_the_printed_page_numbers() -> None:
    data = synthetic_pdf(REFS["varki2007"], 3, first_printed_page=1723)
    got = read_document(data, "v.pdf")
    assert [(p.number, p.label, p.printed) for p in got.pages] == [(1, "1723", "1723"), (2, "1724", "1724"), (3, "1725", "1725")]


def test_reflow_joins_wrapped_lines_and_keeps_paragraphs() -> None:
    page = "Header line.\nA sentence that the page wrapped at the end of this long printed line and then con-\ntinued here.\nShort end.\nNew paragraph that is long enough to fill a whole printed line of this page."
    assert reflow(page) == ("Header line.\n\nA sentence that the page wrapped at the end of this long printed line and then "
                            "continued here.\n\nShort end.\n\nNew paragraph that is long enough to fill a whole printed line of this page.")


def test_html_keeps_the_main_text_and_reads_the_pages_own_metadata() -> None:
    got = read_document((WEB / "publisher_paywall_abstract.html").read_bytes(), "p.html")
    assert got.doi == "10.1056/nejmvcm054952" and got.title == "Lumbar Puncture"
    assert got.abstract and got.abstract.startswith("SYNTHETIC TEST FIXTURE. This invented abstract")
    page = read_document((FIXTURES / "boilerplate.html").read_bytes(), "b.html")
    assert "voltage-gated calcium channels" in page.text and "Accept cookies" not in page.text


def test_jats_sections_abstract_title_and_doi() -> None:
    got = read_document((WEB / "pmc_fulltext.xml").read_bytes(), "a.nxml")
    assert got.media_type == "application/jats+xml" and got.doi == "10.1182/blood-2006-10-053736"
    assert got.title == "Trousseau\u2019s syndrome: multiple definitions and multiple mechanisms"
    titles = [s.title for s in got.sections]
    assert titles == ["Abstract", "Introduction", "Mechanisms", "Mechanisms > Tissue factor"]
    for s in got.sections:
        assert got.text[s.start : s.end].startswith(s.title + "\n\n")
    mech = got.text[got.sections[2].start : got.sections[2].end]
    assert "Invented mechanism one" in mech and "nested invented subsection" not in mech  # nested sec: its own block


def test_jats_parsing_never_resolves_entities() -> None:
    evil = b'<?xml version="1.0"?><!DOCTYPE article [<!ENTITY x SYSTEM "file:///etc/passwd">]><article><body><p>&x;</p></body></article>'
    got = read_document(evil, "evil.xml")
    assert "root:" not in got.text


def test_plain_text_and_markdown() -> None:
    got = read_document("# Nephrotic Syndrome\n\nText.\n".encode(), "n.md")
    assert got.media_type == "text/markdown" and got.title == "Nephrotic Syndrome" and got.text.startswith("# Nephrotic")
    assert read_document(b"  plain  \n", "t.txt").text == "plain"


def test_the_bytes_decide_before_the_extension() -> None:
    pdf = synthetic_pdf(REFS["varki2007"], 1)
    assert reader_for("mislabelled.html", pdf).media_type == "application/pdf"
    assert reader_for("page.txt", b"<!DOCTYPE html><html><body>x</body></html>").media_type == "text/html"
    assert reader_for("article.xml", (WEB / "pmc_fulltext.xml").read_bytes()).media_type == "application/jats+xml"


@pytest.mark.parametrize("name, data, message", [
    ("x.docx", b"PK\x03\x04", "unsupported file type '.docx'"),
    ("x.pdf", b"%PDF-1.4 garbage", "unreadable PDF"),
    ("x.txt", b"\xff\xfe\x80", "not UTF-8"),
    ("x.xml", b"<?xml version='1.0'?><article><body>", "invalid XML"),
    ("x.xml", b"<?xml version='1.0'?><rss><channel/></rss>", "not a JATS article"),
])
def test_unreadable_files_are_named(name: str, data: bytes, message: str) -> None:
    with pytest.raises(CorpusError, match=message):
        read_document(data, name)


def test_dois_are_found_and_normalised() -> None:
    text = "See https://doi.org/10.1182/BLOOD-2006-10-053736. Also doi:10.1007/s00415-019-09544-1, and 10.1182/blood-2006-10-053736"
    assert find_dois(text) == ["10.1182/blood-2006-10-053736", "10.1007/s00415-019-09544-1"]
    assert normalise_doi("https://dx.doi.org/10.1056/NEJMvcm054952.") == "10.1056/nejmvcm054952"
