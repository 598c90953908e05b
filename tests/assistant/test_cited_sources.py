"""End to end, from a fresh PNS_HOME, through the real `pns` CLI: add a PDF the user holds, rebuild, and
get an answer that cites that source by reference id and page.

The PDF is generated here (benchmarks/synthetic_sources.py): every page says SYNTHETIC TEST DOCUMENT,
and it carries varki2007's DOI only so that matching can be tested; its invented fact ("zorblax
cohort") is not, and is not said to be, anything the real paper says. It lives in this test's
temporary folders only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.disclaimer import DISCLAIMER
from assistant.quotes import FROM_SOURCES
from benchmarks.synthetic_sources import synthetic_pdf
from corpus.bibliography import load_references
from foundation.settings import Settings

FACT_PAGE = 7
FIRST_PRINTED = 1720  # the synthetic file numbers its pages as a journal issue would (PDF /PageLabels)
FACT = "In the synthetic zorblax cohort described on this page, 37 of 120 patients developed migratory thrombophlebitis."
QUESTION = "How many patients in the synthetic zorblax cohort developed migratory thrombophlebitis?"
runner = CliRunner()


def pns(home: Path, *args: str) -> dict:
    result = runner.invoke(app, ["--home", str(home), *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def home_with_pdf(tmp_path_factory: pytest.TempPathFactory) -> dict:
    home = tmp_path_factory.mktemp("fresh-home")
    varki = {r.id: r for r in load_references(Settings())}["varki2007"]
    pdf = tmp_path_factory.mktemp("library") / "trousseau-paper.pdf"
    pdf.write_bytes(synthetic_pdf(varki, 12, facts={FACT_PAGE: FACT}, first_printed_page=FIRST_PRINTED))
    first = pns(home, "index", "build", "--no-progress", "--json")
    added = pns(home, "corpus", "add", str(pdf), "--json")["results"]
    second = pns(home, "index", "build", "--no-progress", "--json")
    return {"home": home, "first": first, "added": added, "second": second}


def test_the_pdf_matches_its_bibliography_entry_by_doi(home_with_pdf: dict) -> None:
    (added,) = home_with_pdf["added"]
    assert (added["reference_id"], added["outcome"], added["matched_by"], added["pages"]) == ("varki2007", "added", "doi-metadata", 12)


def test_the_rebuild_embeds_only_the_new_chunks(home_with_pdf: dict) -> None:
    first, second = home_with_pdf["first"], home_with_pdf["second"]
    assert first["sources"] == {"article": first["chunks"]}
    new = second["sources"]["varki2007"]
    assert new > 12 and second["chunks"] == first["chunks"] + new
    assert (second["embedded"], second["reused"]) == (new, first["chunks"])


def test_a_fact_only_in_the_pdf_is_cited_by_reference_id_and_page(home_with_pdf: dict) -> None:
    answer = pns(home_with_pdf["home"], "ask", QUESTION, "--json")
    assert answer["status"] == "answered" and answer["answer"].endswith(DISCLAIMER)
    cited = [c for c in answer["citations"] if "37 of 120 patients" in c["quote"]]
    assert len(cited) == 1
    c = cited[0]
    printed = str(FIRST_PRINTED + FACT_PAGE - 1)  # the file's own page labels, as a journal PDF prints them
    assert (c["source"], c["page"], c["page_label"], c["source_id"], c["section"]) == (
        "varki2007", FACT_PAGE, printed, "varki2007", f"p. {printed}")
    assert [(r["id"], r["relation"]) for r in c["references"]] == [("varki2007", "cited source (full text)")]
    assert answer["body"].startswith(FROM_SOURCES)  # the article says nothing about it, so only the source speaks


def test_the_article_still_leads_and_its_links_stay_related(home_with_pdf: dict) -> None:
    answer = pns(home_with_pdf["home"], "ask", "What is Trousseau syndrome?", "--json")
    assert answer["status"] == "answered"
    first = answer["citations"][0]
    assert (first["source"], first["page"]) == ("article", None)
    assert first["references"] and all(r["relation"] == "related reference" for r in first["references"])
    sources = [c for c in answer["citations"] if c["source"] != "article"]
    if sources:  # whatever a source adds comes after the article's sentences, under its own heading
        body = answer["body"]
        assert FROM_SOURCES in body and body.index(FROM_SOURCES) > body.index("[1]")
        assert all(body.index(f"[{c['marker']}]") > body.index(FROM_SOURCES) for c in sources)


def test_the_terminal_answer_names_the_page(home_with_pdf: dict) -> None:
    result = runner.invoke(app, ["--home", str(home_with_pdf["home"]), "ask", QUESTION])
    assert result.exit_code == 0, result.output
    assert f"p. {FIRST_PRINTED + FACT_PAGE - 1}" in result.stdout and "cited source (full text): Varki" in result.stdout
