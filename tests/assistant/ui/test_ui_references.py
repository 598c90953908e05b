"""The clinicians' reference explorer on the real bibliography, links and export, through the CorpusView."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
import rispy

from assistant.ui import references as R
from assistant.ui.copy_text import reference_copy_text
from assistant.ui.reference_table import EMPTY_SEARCH, render_reference_table
from assistant.ui.render import esc
from corpus.corpus import Corpus, CorpusView
from foundation.settings import Settings


@pytest.fixture
def view(settings: Settings) -> CorpusView:
    return Corpus.load(settings).view()


class Rows(HTMLParser):
    """The table's rows as (data-ref-id, cell texts, data-copy of its button)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[dict] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "tr" and a.get("data-ref-id"):
            self.rows.append({"id": a["data-ref-id"], "cells": [], "copy": None, "links": []})
        elif self.rows and tag == "td":
            self._cell = []
            self.rows[-1]["cells"].append(self._cell)
        elif self.rows and tag == "button":
            self.rows[-1]["copy"] = a.get("data-copy")
        elif self.rows and tag == "a":
            self.rows[-1]["links"].append(a.get("href"))

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def rows_of(html: str) -> list[dict]:
    parser = Rows()
    parser.feed(html)
    return parser.rows


def test_every_reference_is_listed_with_its_sections_and_text_status(view: CorpusView) -> None:
    entries = R.entries_from(view)
    assert [e.ref.id for e in entries] == [r.id for r in view.references]
    assert len(entries) == 21
    assert any(e.sections for e in entries), "inferred section links should reach the explorer"
    assert all(e.text_status in (R.FULL_TEXT, R.METADATA_ONLY) for e in entries)
    varki = next(e for e in entries if e.ref.id == "varki2007")
    assert varki.as_dict()["doi"] == "10.1182/blood-2006-10-053736"
    assert all(s["inferred"] for s in varki.as_dict()["sections"])


def test_search_matches_every_word_in_any_field(view: CorpusView) -> None:
    entries = R.entries_from(view)
    assert [e.ref.id for e in R.search(entries, "varki blood")] == ["varki2007"]
    assert {e.ref.id for e in R.search(entries, "STATPEARLS")} >= {"thapa2020", "aly2021"}
    assert R.search(entries, "no such words here") == []
    assert len(R.search(entries, "")) == len(entries)


def test_sorting(view: CorpusView) -> None:
    entries = R.entries_from(view)
    years = [e.ref.year or 0 for e in R.sort_entries(entries, "Year (newest first)")]
    assert years == sorted(years, reverse=True)
    titles = [e.ref.title.casefold() for e in R.sort_entries(entries, "title")]
    assert titles == sorted(titles)
    assert R.sort_entries(entries, "nonsense") == entries


def test_selection_exports_as_ris_and_bibtex_through_the_view(view: CorpusView) -> None:
    entries = R.entries_from(view)
    chosen = R.select(entries, ["graber2023", "varki2007"])
    ris = rispy.loads(view.export([e.ref for e in chosen], "ris"))
    assert {r["doi"] for r in ris} == {"10.1212/con.0000000000001357", "10.1182/blood-2006-10-053736"}
    assert len(R.select(entries, [])) == len(entries)


def test_the_table_has_one_row_per_reference_with_doi_link_and_copy_text(view: CorpusView) -> None:
    entries = R.sort_entries(R.entries_from(view), "year_desc")
    html = render_reference_table(entries, len(entries), lambda e: reference_copy_text(view, e, "bibtex"), "bibtex")
    rows = rows_of(html)
    assert [r["id"] for r in rows] == [e.ref.id for e in entries]
    assert "References (21)" in html
    varki = next(r for r in rows if r["id"] == "varki2007")
    assert "https://doi.org/10.1182/blood-2006-10-053736" in varki["links"]
    assert varki["copy"].startswith("@article{varki2007") and "10.1182/blood-2006-10-053736" in varki["copy"]
    assert "".join(varki["cells"][1]).strip() == "10.1182/blood-2006-10-053736"  # the DOI column
    assert "inferred" in html


def test_a_filtered_table_counts_and_an_empty_one_says_what_to_try(view: CorpusView) -> None:
    entries = R.entries_from(view)
    one = R.search(entries, "blood")
    html = render_reference_table(one, len(entries), lambda e: "x", "ris")
    assert "References (1 of 21)" in html and len(rows_of(html)) == 1
    empty = render_reference_table([], len(entries), lambda e: "x", "ris")
    assert esc(EMPTY_SEARCH) in empty and "Clear the search box" in empty


def test_copy_formats_prefer_a_citation_style_and_files_get_extensions() -> None:
    assert R.copy_format(("bibtex", "ris", "csl-json")) == "bibtex"
    assert R.copy_format(("bibtex", "ris", "csl-json", "vancouver", "ama", "apa")) == "vancouver"
    files = R.file_formats(("bibtex", "ris", "csl-json", "vancouver"))
    assert files["BibTeX (.bib)"] == ("bibtex", "bib") and files["RIS (.ris)"] == ("ris", "ris")
    assert files["NLM / Vancouver (.txt)"] == ("vancouver", "txt")


def test_a_corrupt_source_file_shows_as_metadata_only_not_an_error(settings: Settings) -> None:
    """One tampered source must not break the clinicians' table: it is skipped (and logged), the rest loads."""
    from corpus.sources import add_source

    add_source(settings, "vogrig2019", "vogrig2019.txt", b"Population-based incidence of paraneoplastic syndromes.")
    add_source(settings, "varki2007", "varki2007.txt", b"Trousseau syndrome and cancer-associated thrombosis.")
    (settings.resolved_sources_dir / "varki2007.txt").write_bytes(b"tampered")
    entries = {e.ref.id: e for e in R.entries_from(Corpus.load(settings).view())}
    assert entries["vogrig2019"].full_text is True
    assert entries["varki2007"].full_text is False


def test_abstract_coverage_and_a_failed_fetch_are_shown_with_their_reasons(settings: Settings) -> None:
    from corpus.fetch_log import record
    from corpus.models import FetchRecord
    from corpus.sources import add_source

    add_source(settings, "vogrig2019", "vogrig2019.txt", b"Population-based incidence (abstract).", coverage="abstract",
               origin_url="https://example.org/vogrig", retrieved_at="2026-11-30T08:15:00+00:00")
    record(settings.resolved_sources_dir, FetchRecord(reference_id="varki2007", outcome="paywall", at="2026-11-30T08:16:00+00:00",
                                                      detail="publisher page asks for a subscription", http_status=200,
                                                      url="https://doi.org/10.1182/blood-2006-10-053736"))
    entries = {e.ref.id: e for e in R.entries_from(Corpus.load(settings).view())}
    vogrig, varki = entries["vogrig2019"], entries["varki2007"]
    assert (vogrig.coverage, vogrig.text_status, vogrig.source.origin) == ("abstract", R.ABSTRACT_ONLY, "fetched")
    assert (varki.coverage, varki.source.last_fetch.outcome, varki.source.last_fetch.failed) == ("metadata_only", "paywall", True)
    assert R.search(list(entries.values()), "paywall") == [varki]
    html = render_reference_table([vogrig, varki], 21, lambda e: "x", "ris")
    rows = {r["id"]: "".join("".join(c) for c in r["cells"]) for r in rows_of(html)}
    assert "Abstract only" in rows["vogrig2019"] and "fetched from https://example.org/vogrig, 2026-11-30 08:15 UTC" in rows["vogrig2019"]
    assert "Fetch: paywall" in rows["varki2007"] and "publisher page asks for a subscription" in rows["varki2007"]
    assert "Last fetch, 2026-11-30 08:16 UTC: paywall, HTTP 200" in rows["varki2007"]
    assert [r["id"] for r in rows_of(html)] == ["vogrig2019", "varki2007"] and html.count('class="pns-read"') == 2
    assert R.readable(list(entries.values())) == [vogrig]


def test_every_reference_is_metadata_only_in_the_packaged_corpus(view: CorpusView) -> None:
    entries = R.entries_from(view)
    assert {e.coverage for e in entries} == {"metadata_only"} and not R.readable(entries)
    html = render_reference_table(entries, len(entries), lambda e: "x", "ris")
    assert html.count("Metadata only</span>") == 21 and "pns-read" not in html and "Fetch:" not in html


# What /references served in `source` before it served the corpus's own record: a client reading them still works.
FORMER_SOURCE_KEYS = {"coverage", "origin", "file", "original_name", "origin_url", "media_type", "extractor", "pages",
                      "characters", "sha256", "added_at", "retrieved_at", "problem", "last_fetch"}
FORMER_FETCH_KEYS = {"outcome", "detail", "at", "url", "http_status"}


def test_the_api_serves_the_corpus_coverage_record_as_it_is(settings: Settings) -> None:
    from corpus.fetch_log import record
    from corpus.models import FetchRecord
    from corpus.sources import add_source

    add_source(settings, "vogrig2019", "vogrig2019.txt", b"Population-based incidence (abstract).", coverage="abstract")
    record(settings.resolved_sources_dir, FetchRecord(reference_id="varki2007", outcome="blocked", at="2026-11-30T08:16:00+00:00",
                                                      detail="HTTP 403", http_status=403, url="https://doi.org/10.1182/x",
                                                      final_url="https://publisher.example.org/x"))
    view = Corpus.load(settings).view()
    records = {c.reference_id: c for c in view.coverage}
    entries = {e.ref.id: e for e in R.entries_from(view)}
    for ref_id in ("vogrig2019", "varki2007", "graber2023"):
        served = entries[ref_id].as_dict()["source"]
        assert FORMER_SOURCE_KEYS <= set(served) and not set(served) & R.SOURCE_NAMING_FIELDS
        assert served == records[ref_id].model_dump(mode="json", exclude=R.SOURCE_NAMING_FIELDS)
    vogrig, varki = entries["vogrig2019"].as_dict()["source"], entries["varki2007"].as_dict()["source"]
    assert len(vogrig["sha256"]) == 64 and vogrig["sha256"] == view.source("vogrig2019").sha256
    assert FORMER_FETCH_KEYS <= set(varki["last_fetch"]) and varki["last_fetch"]["final_url"] == "https://publisher.example.org/x"
    html = render_reference_table([entries["varki2007"]], 21, lambda e: "x", "ris")
    assert 'href="https://publisher.example.org/x"' in html  # the address the fetch reached, not the DOI it asked
