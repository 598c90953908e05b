"""Reference search: every query word must match; misspelt names still find their entry."""

from __future__ import annotations

import pytest

from corpus.bibliography import parse_bibliography
from corpus.paths import PACKAGE_DATA
from corpus.reference_search import search_references

REFS = parse_bibliography((PACKAGE_DATA / "article.txt").read_text(encoding="utf-8"), "article.txt")


@pytest.mark.parametrize(("query", "ids"), [
    ("varki", ["varki2007"]),
    ("Trousseau blood 2007", ["varki2007"]),
    ("10.1182/blood-2006-10-053736", ["varki2007"]),
    ("Vogrik", ["vogrig2019"]),  # a misspelt author
    ("Lambert-Eton", ["jayarangaiah2020"]),  # a misspelt title word
    ("epidemiology", ["kadish2024", "vogrig2019"]),
    ("Rupa Health 2025", ["bryant2025a", "bryant2025b", "bryant2025c"]),
    ("zebra", []),
    ("varki 2019", []),  # every word must match
])
def test_search(query: str, ids: list[str]) -> None:
    assert [r.id for r in search_references(REFS, query)] == ids


def test_an_empty_query_lists_every_reference_in_printed_order() -> None:
    assert search_references(REFS, "  ") == REFS and len(REFS) == 21
