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
        ("is deltitis curable", "is dermatologic paraneoplastic syndromes curable"),  # a cure asked, not 'cure' typed
        ("workup for gamma degeneration", "workup for neurological paraneoplastic syndromes"),
        # every mention, a bracketed earlier turn's too ('(' opening a bracket is no part of the member's tokens)
        ("deltitis treatment (deltitis and cancer)?",
         "dermatologic paraneoplastic syndromes treatment (dermatologic paraneoplastic syndromes and cancer)?"),
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


def test_a_yes_no_follow_up_about_a_member_is_answered_from_the_outcomes(warm_assistant) -> None:
    """'is it curable' after 'what is lems': the follow-up's own search is widened to the group, so the recovery
    sentences are found and the turn is not refused for an ask the shown bullet never words."""
    first = "Neurological: Disorders affecting the brain, spinal cord, and peripheral nerves, such as Lambert-Eaton " \
            "myasthenic syndrome and paraneoplastic cerebellar degeneration."
    history = [{"role": "user", "content": "what is lems"}, {"role": "assistant", "content": first}]
    answer = warm_assistant.ask("is it curable", history=history)
    assert answer.status == "answered", answer.flags
    assert "partial or full recovery" in " ".join(c.quote for c in answer.citations)
