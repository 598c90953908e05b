"""What points back at the sentence before it (assistant/points_back.py)."""

from __future__ import annotations

from assistant.points_back import leans_back, turns_back, unit_needs_previous


def test_a_turning_connective_leans_back() -> None:
    assert turns_back("Conversely, in low- and middle-income countries, limited access may delay diagnosis.")
    assert turns_back("However, others may have chronic neurological issues.")
    assert turns_back("In contrast, the other group recovers.")
    assert leans_back("However, others may have chronic neurological issues.")


def test_an_opening_reference_still_leans_back() -> None:
    assert leans_back("These syndromes are not directly caused by the tumour.")


def test_a_self_contained_sentence_does_not_lean_back() -> None:
    assert not turns_back("Healthcare providers will assess neurological function.")
    assert not turns_back("Butterflies are not mentioned.")  # a word starting with 'but' is no connective
    assert not leans_back("Instead of just attacking cancer cells, the immune system attacks healthy tissue.")


def test_a_unit_needs_its_predecessor_by_its_opening_or_by_the_enrichment_flag() -> None:
    assert unit_needs_previous("These syndromes are not directly caused by the tumour.", flagged=False)
    assert unit_needs_previous("Healthcare providers will assess neurological function.", flagged=True)
    assert not unit_needs_previous("Healthcare providers will assess neurological function.", flagged=False)
    # a turning connective alone is the shown sentence's reading (leans_back), not the unit's
    assert not unit_needs_previous("However, others may have chronic neurological issues.", flagged=False)
