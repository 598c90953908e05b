"""Syndromes the article names only as examples of a group: an aspect asked of one is searched for the group."""

from __future__ import annotations

import pytest

from assistant.members import group_members, widen_member

# Synthetic types bullets (labelled synthetic; not corpus content), in the shape group_labels gives.
SYNTHETIC = {"Neurological": "disorders of the nerves, such as alpha beta syndrome and paraneoplastic gamma degeneration.",
             "Dermatologic": "skin conditions such as deltitis, which causes rashes and itching."}


def test_members_are_read_from_the_examples_and_their_clause_is_not_a_member() -> None:
    members = group_members(SYNTHETIC)
    assert members == {("alpha", "beta", "syndrome"): "neurological paraneoplastic syndromes",
                       ("paraneoplastic", "gamma", "degeneration"): "neurological paraneoplastic syndromes",
                       ("deltitis",): "dermatologic paraneoplastic syndromes"}


@pytest.mark.parametrize(
    ("query", "widened"),
    [
        ("how is alpha beta syndrome treated", "how is neurological paraneoplastic syndromes treated"),
        ("tests for gamma degeneration?", "tests for neurological paraneoplastic syndromes?"),
        ("what is alpha beta syndrome", "what is alpha beta syndrome"),  # what it is: the types bullet answers
        ("can deltitis itch", "can deltitis itch"),  # no aspect asked
        ("symptoms of deltitis", "symptoms of deltitis"),  # the bullet that names it says what it causes
        ("what is the outlook", "what is the outlook"),  # no member named
    ],
)
def test_an_aspect_of_a_member_is_searched_for_its_group(query: str, widened: str) -> None:
    assert widen_member(query, group_members(SYNTHETIC)) == widened


def test_the_article_s_members_and_the_query_triage_searches(triage) -> None:
    assert triage.members[("lambert", "eaton", "myasthenic", "syndrome")] == "neurological paraneoplastic syndromes"
    assert triage.triage("how do drs treat lems").query == "how do drs treat neurological paraneoplastic syndromes"
    assert triage.triage("how do drs treat lems").standalone == "how do drs treat lems"  # what is shown stays as typed


def test_a_named_syndrome_s_treatment_is_answered_with_treatments(warm_assistant) -> None:
    """Not the types bullet that names it: that says what it is, not how it is treated."""
    answer = warm_assistant.ask("wat treatmnts r there for cerebellar degeneration")
    assert answer.status == "answered", answer.flags
    quotes = " ".join(c.quote for c in answer.citations)
    assert "Plasmapheresis" in quotes and "such as Lambert-Eaton" not in quotes, quotes
