"""A first turn asserting a claim also gets the article's summary sentence on it (assistant/claim_conclusions.py): the
conclusion that corrects a misconception, chosen by the sentence model, never a table of claims.

The phrasings here are not keyfact_check12's: they check the mechanism, not answers to the bank's questions."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.claim_conclusions import BODY_MARGIN, add_conclusions, asserts_claim, closest_conclusions


@pytest.mark.parametrize("question", [
    "paraneoplastic syndromes only hit the nervous system, correct?",
    "so it is just another name for a brain tumour right",
    "its caused by the chemo isnt it",
    "is it the same thing as a stroke",
    "does it always come back",
    "i read that everyone with cancer gets it, is that true",
])
def test_claims_put_to_confirm_are_read(question: str) -> None:
    assert asserts_claim(question)


@pytest.mark.parametrize("question", [
    "what are the symptoms of paraneoplastic syndromes",
    "how is it diagnosed",
    "list the treatments",
    "is there a blood test for it",  # asks whether something exists, not whether a claim holds
    "can it be cured",  # a plain yes/no ask: the body answers it
    "do they need a scan",
])
def test_open_questions_are_not_claims(question: str) -> None:
    assert not asserts_claim(question)


def test_only_summary_sentences_about_as_close_as_the_bodys_best_are_chosen() -> None:
    sentences = ["body best", "summary near", "summary far", "body other", "summary nearer"]
    summary = [False, True, True, False, True]
    focus = [1.0, 0.0]
    cosines = [0.60, 0.60 - BODY_MARGIN / 2, 0.60 - 2 * BODY_MARGIN, 0.30, 0.61]
    vectors = np.array([[c, float(np.sqrt(1 - c * c))] for c in cosines])
    assert closest_conclusions(focus, sentences, vectors, summary) == ["summary nearer", "summary near"]
    assert closest_conclusions(focus, sentences, vectors, [False] * 5) == []


def test_a_question_that_is_no_claim_keeps_its_composition() -> None:
    composition = object()  # never read: an open question returns before the article is walked
    assert add_conclusions("what are the symptoms", [1.0, 0.0], composition, None, []) is composition  # type: ignore[arg-type]


@pytest.mark.slow
def test_a_claim_that_the_condition_touches_only_nerves_gets_the_organ_systems_conclusion(warm_assistant) -> None:
    answer = warm_assistant.ask("paraneoplastic syndromes only hit the nervous system, correct?")
    assert answer.status == "answered"
    assert "They can affect multiple organ systems, including the nervous system" in answer.body


@pytest.mark.slow
def test_a_claim_about_the_cause_gets_the_conclusion_that_denies_it(warm_assistant) -> None:
    answer = warm_assistant.ask("so the tumor itself causes the symptoms right")
    assert answer.status == "answered"
    assert "caused by the body’s immune response to cancer, not by the tumor itself" in answer.body


@pytest.mark.slow
def test_a_yes_no_claim_a_summary_only_shares_a_word_with_gets_none(warm_assistant) -> None:
    answer = warm_assistant.ask("do they use a PET scan to look for the tumor")
    assert "Diagnosis requires a thorough evaluation" not in answer.body


def test_a_claim_gets_the_continuation_of_the_sentence_it_reaches(warm_assistant) -> None:
    """'the same thing as myasthenia gravis' reaches the mimics sentence; the article's next sentence, leaning on it
    ("these conditions"), is the one that tells them apart, so it follows. A plain question does not get it."""
    claim = warm_assistant.ask("so its the same thing as myasthenia gravis then").answer
    assert "can mimic paraneoplastic syndromes" in claim
    assert "is key to distinguishing paraneoplastic syndromes from these conditions" in claim
    plain = warm_assistant.ask("which conditions can mimic paraneoplastic syndromes").answer
    assert "can mimic paraneoplastic syndromes" in plain
    assert "is key to distinguishing" not in plain


def test_the_continuation_is_only_a_unit_read_with_its_predecessor(parts) -> None:
    from assistant.claim_conclusions import continuations
    from assistant.comparison import article_sentences

    sentences = article_sentences(parts.bank, parts.index.chunks())
    mimics = next(s for s in sentences if s.text.startswith("Conditions such as multiple sclerosis"))
    outlook = next(s for s in sentences if s.text.startswith("Some patients experience partial or full recovery"))
    follow = continuations([mimics], parts.enriched, parts.index.chunks(), parts.bank)
    assert [s.text[:26] for s in follow] == ["A thorough diagnostic work"]
    assert continuations([outlook], parts.enriched, parts.index.chunks(), parts.bank) == []  # "However, others ..."
    takeaway = next(s for s in sentences if "Paraneoplastic syndromes are rare disorders caused" in s.text)
    assert continuations([takeaway], parts.enriched, parts.index.chunks(), parts.bank) == []  # "They can ...": a sibling


def test_the_limit_keeps_only_the_closest_summary_sentences() -> None:
    # settings.answer.claim_summaries: the second summary sentence, further from the claim, is the one that added no fact
    sentences = ["body best", "summary near", "summary nearer"]
    cosines = [0.60, 0.60 - BODY_MARGIN / 2, 0.61]
    vectors = np.array([[c, float(np.sqrt(1 - c * c))] for c in cosines])
    assert closest_conclusions([1.0, 0.0], sentences, vectors, [False, True, True], limit=1) == ["summary nearer"]
