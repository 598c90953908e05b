"""The read-only CorpusView the edges get: lookups and reference export, without reaching corpus modules."""

from __future__ import annotations

import pytest
import rispy

from corpus.corpus import Corpus
from corpus.errors import CorpusError
from foundation.settings import Settings


def test_the_view_exports_the_given_references_in_each_format(settings: Settings) -> None:
    view = Corpus.load(settings).view()
    assert {"bibtex", "ris", "csl-json"} <= set(view.export_formats)
    chosen = [r for r in view.references if r.id in ("varki2007", "graber2023")]
    ris = rispy.loads(view.export(chosen, "ris"))
    assert {r["doi"] for r in ris} == {"10.1212/con.0000000000001357", "10.1182/blood-2006-10-053736"}
    assert view.export(chosen, "bibtex").count("@article{") == 2
    with pytest.raises(CorpusError, match="unknown export format"):
        view.export(chosen, "docx")


def test_the_view_finds_sections_texts_and_links(settings: Settings) -> None:
    view = Corpus.load(settings).view()
    section = view.article.sections[1]
    assert view.section(section.id) == section and view.section("no-such-section") is None
    assert view.text_of("article") == view.article.text and view.text_of("nobody2099") is None
    linked = next(link for link in view.links)
    assert linked in view.links_for(linked.section_id)
    assert view.full_text_ids == frozenset()  # nothing fetched in a fresh home
