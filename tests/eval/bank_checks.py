"""Checks every hand-written item bank needs (eval set v2 and the self-written banks in its format).

Why shared: a bank's quotes must map back to the article's text and its reference ids must name real entries,
whichever bank it is; one place says how that is checked.
"""

from __future__ import annotations

from collections.abc import Sequence

from eval.dataset import quote_spans
from eval.dataset_v2 import EvalItemV2
from foundation.settings import Settings


def assert_quotes_map_back(items: Sequence[EvalItemV2], article) -> None:
    """Every required fact's quote spans exactly its own text in the article."""
    for item in items:
        for fact, (start, end) in zip(item.required_facts, quote_spans(item, article), strict=True):
            assert article.text[start:end] == fact.quote, (item.id, fact.quote)


def assert_reference_ids_known(items: Sequence[EvalItemV2], settings: Settings) -> None:
    """Every expected reference id is an entry of the parsed bibliography."""
    from corpus.bibliography import load_references

    known = {r.id for r in load_references(settings)}
    for item in items:
        assert set(item.expected_reference_ids) <= known, (item.id, item.expected_reference_ids)
