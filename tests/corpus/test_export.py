"""Exports are read back by the real BibTeX and RIS parsers and compared field by field."""

from __future__ import annotations

import json
import re

import bibtexparser
import pytest
import rispy

from corpus.bibliography import parse_bibliography
from corpus.errors import CorpusError
from corpus.export import CSL_TYPES, choose_references, export_references, is_organisation, split_pages, to_bibtex, to_csl_json, to_ris
from corpus.models import Reference
from corpus.paths import PACKAGE_DATA

REFS = parse_bibliography((PACKAGE_DATA / "article.txt").read_text(encoding="utf-8"), "article.txt")
BY_ID = {r.id: r for r in REFS}


def latex_plain(value: str) -> str:
    """Undo our brace protection and LaTeX escapes to compare with the printed text."""
    if value.startswith("{") and value.endswith("}"):
        value = value[1:-1]
    return re.sub(r"\\textbackslash\{\}|\\([&%$#_{}])", lambda m: m.group(1) or "\\", value)


def test_bibtex_round_trip() -> None:
    library = bibtexparser.parse_string(to_bibtex(REFS))
    assert not library.failed_blocks
    assert [e.key for e in library.entries] == [r.id for r in REFS]
    for entry in library.entries:
        ref = BY_ID[entry.key]
        f = {k: v.value for k, v in entry.fields_dict.items()}
        assert entry.entry_type == {"journal_article": "article", "book_chapter": "incollection", "web_page": "misc"}[ref.type]
        authors = [a.strip() for a in f["author"].split(" and ")]
        assert [a[1:-1] if a.startswith("{") else a for a in authors] == ref.authors
        assert latex_plain(f["title"]) == ref.title
        assert f.get("year") == (str(ref.year) if ref.year else None)
        assert f.get("doi") == ref.doi and f.get("url") == ref.url
        assert f.get("volume") == ref.volume and f.get("number") == ref.issue
        assert (f["pages"].replace("--", "–") if "pages" in f else None) == ref.pages
        container_field = {"journal_article": "journal", "book_chapter": "booktitle", "web_page": "howpublished"}[ref.type]
        assert f.get(container_field) == ref.container
        assert (latex_plain(f["publisher"]) if "publisher" in f else None) == ref.publisher


def test_bibtex_escapes_latex_specials() -> None:
    cleveland = BY_ID["clevelandclinic2022"]
    text = to_bibtex([cleveland])
    assert r"Procedure \& What It Is" in text
    assert "{Cleveland Clinic}" in text, "corporate authors are braced so BibTeX does not split them"


def test_ris_round_trip() -> None:
    records = rispy.loads(to_ris(REFS))
    assert len(records) == len(REFS)
    for rec in records:
        ref = BY_ID[rec["id"]]
        assert rec["type_of_reference"] == {"journal_article": "JOUR", "book_chapter": "CHAP", "web_page": "ELEC"}[ref.type]
        assert rec["authors"] == ref.authors
        assert rec["title"] == ref.title
        assert rec.get("year") == (str(ref.year) if ref.year else None)
        assert rec.get("doi") == ref.doi
        assert rec.get("urls") == ([ref.url] if ref.url else None)
        assert rec.get("volume") == ref.volume and rec.get("number") == ref.issue
        assert (rec.get("start_page"), rec.get("end_page")) == split_pages(ref.pages)
        container = rec.get("journal_name") if ref.type == "journal_article" else rec.get("secondary_title")
        assert container == ref.container
        assert rec.get("publisher") == ref.publisher
        assert rec.get("date") == (ref.date.replace("-", "/") if ref.date else None)


def test_ris_has_no_counter_lines() -> None:
    text = to_ris(REFS)
    assert text.startswith("TY  - ")
    assert not re.search(r"^\d+\.$", text, re.MULTILINE)


def test_csl_json_items() -> None:
    items = json.loads(to_csl_json(REFS))
    assert len(items) == len(REFS)
    for item in items:
        ref = BY_ID[item["id"]]
        assert item["type"] == CSL_TYPES[ref.type] and item["type"] in {"article-journal", "chapter", "webpage"}
        assert item["title"] == ref.title
        assert len(item["author"]) == len(ref.authors)
        for name, printed in zip(item["author"], ref.authors):
            if is_organisation(printed):
                assert name == {"literal": printed}
            else:
                assert f"{name['family']}, {name['given']}" == printed
        if ref.year:
            parts = item["issued"]["date-parts"][0]
            assert parts[0] == ref.year and all(isinstance(p, int) for p in parts)
        else:
            assert "issued" not in item
        assert item.get("DOI") == ref.doi and item.get("URL") == ref.url
    vogrig = next(i for i in items if i["id"] == "vogrig2019")
    assert vogrig["container-title"] == "Journal of Neurology" and vogrig["page"] == "26-35" and len(vogrig["author"]) == 15
    bryant = next(i for i in items if i["id"] == "bryant2025a")
    assert bryant["issued"] == {"date-parts": [[2025, 2, 13]]}


def test_unknown_format() -> None:
    with pytest.raises(CorpusError, match="bibtex, ris, csl-json"):
        export_references(REFS, "endnote")


def test_split_pages() -> None:
    assert split_pages("1779–1808") == ("1779", "1808")
    assert split_pages("e12") == ("e12", None)
    assert split_pages(None) == (None, None)


def test_export_of_a_reference_with_specials() -> None:
    ref = Reference(
        id="x2020", authors=["O’Neil, A.", "World Health Organization"], year=2020, title="50% of cases_#1 {rare} a\\b",
        type="web_page", url="https://example.org/a", raw="...", line=1,
    )
    entry = bibtexparser.parse_string(to_bibtex([ref])).entries[0]
    assert latex_plain(entry.fields_dict["title"].value) == ref.title
    assert rispy.loads(to_ris([ref]))[0]["title"] == ref.title


def test_choosing_references_by_id_names_every_unknown_id_briefly() -> None:
    """An export by id once dropped an unknown id silently, or came back empty when none was known."""
    assert choose_references(REFS, [], listed_by="/references") == REFS
    assert [r.id for r in choose_references(REFS, [" graber2023", "varki2007"], listed_by="x")] == \
        [r.id for r in REFS if r.id in {"graber2023", "varki2007"}]
    with pytest.raises(CorpusError, match=r"^unknown reference id\(s\): nope; search_references lists the ids$"):
        choose_references(REFS, ["varki2007", "nope"], listed_by="search_references")
    with pytest.raises(CorpusError) as caught:
        choose_references(REFS, ["x" * 20000], listed_by="/references")
    assert "(20000 characters)" in str(caught.value) and len(str(caught.value)) < 200
