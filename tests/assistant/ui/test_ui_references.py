"""The clinicians' reference explorer on the real bibliography, links and export."""

from __future__ import annotations

import rispy

from assistant.ui import references as R
from assistant.ui.render import render_reference_cards
from corpus.bibliography import load_references
from corpus.export import export_references
from foundation.settings import Settings


def test_every_reference_is_listed_with_its_fields_and_sections(settings: Settings) -> None:
    entries = R.load_entries(settings)
    refs = load_references(settings)
    assert [e.ref.id for e in entries] == [r.id for r in refs]
    assert len(entries) >= 21
    for e in entries:
        row = e.row()
        assert len(row) == len(R.COLUMNS)
        assert row[7] in (R.FULL_TEXT, R.METADATA_ONLY)
    assert any(e.sections for e in entries), "inferred section links should reach the explorer"
    varki = next(e for e in entries if e.ref.id == "varki2007")
    assert varki.row()[5] == "10.1182/blood-2006-10-053736"


def test_search_matches_every_word_in_any_field(settings: Settings) -> None:
    entries = R.load_entries(settings)
    assert [e.ref.id for e in R.search(entries, "varki blood")] == ["varki2007"]
    assert {e.ref.id for e in R.search(entries, "STATPEARLS")} >= {"thapa2020", "aly2021"}
    assert R.search(entries, "no such words here") == []
    assert len(R.search(entries, "")) == len(entries)


def test_sorting(settings: Settings) -> None:
    entries = R.load_entries(settings)
    years = [e.ref.year or 0 for e in R.sort_entries(entries, "Year (newest first)")]
    assert years == sorted(years, reverse=True)
    titles = [e.ref.title.casefold() for e in R.sort_entries(entries, "title")]
    assert titles == sorted(titles)
    assert R.sort_entries(entries, "nonsense") == entries


def test_selection_exports_as_ris_and_bibtex(settings: Settings) -> None:
    entries = R.load_entries(settings)
    chosen = R.select(entries, ["graber2023", "varki2007"])
    ris = rispy.loads(export_references([e.ref for e in chosen], "ris"))
    assert {r["doi"] for r in ris} == {"10.1212/con.0000000000001357", "10.1182/blood-2006-10-053736"}
    assert len(R.select(entries, [])) == len(entries)
    assert "@article{varki2007" in export_references([e.ref for e in chosen], "bibtex")


def test_cards_link_doi_and_url_and_label_inferred_sections(settings: Settings) -> None:
    html = render_reference_cards(R.load_entries(settings))
    assert 'href="https://doi.org/10.1182/blood-2006-10-053736"' in html
    assert "inferred" in html and ("Metadata only" in html or "Full text indexed" in html)


def test_a_corrupt_source_file_shows_as_metadata_only_not_an_error(settings) -> None:  # type: ignore[no-untyped-def]
    """One tampered source must not break the clinicians' table: it is skipped (and logged), the rest loads."""
    from assistant.ui.references import load_entries
    from corpus.sources import add_source

    add_source(settings, "vogrig2019", "vogrig2019.txt", b"Population-based incidence of paraneoplastic syndromes.")
    add_source(settings, "varki2007", "varki2007.txt", b"Trousseau syndrome and cancer-associated thrombosis.")
    (settings.resolved_sources_dir / "varki2007.txt").write_bytes(b"tampered")
    entries = {e.ref.id: e for e in load_entries(settings)}
    assert entries["vogrig2019"].full_text is True
    assert entries["varki2007"].full_text is False
