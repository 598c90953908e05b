"""A summary section's restatement gives way to the body sentence it restates (assistant/near_duplicates.py).

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

import pytest

from assistant.compose import Scored
from assistant.near_duplicates import body_twins, is_summary, prefer_body


def _summary_sentence(parts, starts: str):
    for chunk in parts.index.chunks():
        for sentence in parts.bank.sentences(chunk.id):
            if is_summary(chunk) and sentence.text.lstrip("- ").startswith(starts):
                return sentence
    raise AssertionError(starts)


def _scored(sentence) -> Scored:
    return Scored(sentence, 0.0, 0.0, 0.0, 99, 0.0)


def test_only_the_summary_section_is_a_summary(parts) -> None:
    summaries = {c.section_id for c in parts.index.chunks() if is_summary(c)}
    assert summaries == {"key-takeaways"}


def test_a_restatement_has_its_body_twins_and_a_synthesis_has_none(parts) -> None:
    chunks = parts.index.chunks()
    outcomes = body_twins(_summary_sentence(parts, "Long-term outcomes vary"), parts.bank, chunks)
    assert {s.chunk.section_id for s, _ in outcomes} == {"prognosis-and-outcomes/long-term-outcomes"}
    assert len(outcomes) == 2
    assert body_twins(_summary_sentence(parts, "They can affect multiple organ systems"), parts.bank, chunks) == []


def test_the_body_twins_are_shown_in_place_of_the_summary(parts) -> None:
    chunks = parts.index.chunks()
    summary = _summary_sentence(parts, "Long-term outcomes vary")
    shown = prefer_body([_scored(summary)], parts.bank, chunks, _scored)
    assert [s.sentence.text for s in shown] == [
        "Some patients experience partial or full recovery, particularly if the cancer is successfully treated early.",
        "However, others may have chronic neurological, muscular, or metabolic issues that require lifelong management."]
    # twins already shown: the summary just goes, nothing repeats
    again = prefer_body([*shown, _scored(summary)], parts.bank, chunks, _scored)
    assert [s.sentence.text for s in again] == [s.sentence.text for s in shown]
    # a synthesis stays
    synthesis = _summary_sentence(parts, "They can affect multiple organ systems")
    assert prefer_body([_scored(synthesis)], parts.bank, chunks, _scored)[0].sentence is synthesis


def test_an_answer_about_full_recovery_quotes_the_outcomes_section(warm_assistant) -> None:
    answer = warm_assistant.ask("can a person get completely better",
                                history=[{"role": "user", "content": "what is the outlook with paraneoplastic syndromes"},
                                         {"role": "assistant", "content": "It depends on several factors."}])
    assert answer.status == "answered"
    assert "partial or full recovery" in answer.body
    assert "Long-term outcomes vary" not in answer.body


@pytest.mark.parametrize("question", ["which body systems can paraneoplastic syndromes affect",
                                      "what organs does pns affect"])
def test_a_summary_sentence_another_leans_on_stays_shown(warm_assistant, question: str) -> None:
    """'They can affect multiple organ systems ...' needs the takeaway before it; replacing that one by its body
    twins must not leave 'They' pointing at nothing."""
    answer = warm_assistant.ask(question)
    shown = [c.quote for c in answer.citations]
    at = [i for i, quote in enumerate(shown) if quote.lstrip("- ").startswith("They can affect multiple organ systems")]
    assert at, shown  # the organ-systems takeaway answers these questions
    assert any(q.lstrip("- ").startswith("Paraneoplastic syndromes are rare disorders") for q in shown[:at[0]]), shown


def test_a_summary_naming_what_was_asked_stays_when_no_twin_names_it(parts) -> None:
    """'... caused by the body's immune response to cancer' answers 'what causes it?'; its twins (the definition,
    the intro) do not say 'cause', so they do not stand in for it."""
    chunks = parts.index.chunks()
    summary = _summary_sentence(parts, "Paraneoplastic syndromes are rare disorders caused")
    names = lambda s: "caus" in s.text.lower()  # noqa: E731
    assert prefer_body([_scored(summary)], parts.bank, chunks, _scored, names)[0].sentence is summary
    assert prefer_body([_scored(summary)], parts.bank, chunks, _scored)[0].sentence is not summary
    outcomes = _summary_sentence(parts, "Long-term outcomes vary")
    recover = lambda s: "recover" in s.text.lower()  # noqa: E731
    # the twin that turns the named one's thought ("However, others ...") is the other half of the same point
    assert [s.sentence.text for s in prefer_body([_scored(outcomes)], parts.bank, chunks, _scored, recover)] == [
        "Some patients experience partial or full recovery, particularly if the cancer is successfully treated early.",
        "However, others may have chronic neurological, muscular, or metabolic issues that require lifelong management."]


def test_only_the_twins_naming_what_was_asked_stand_in(parts) -> None:
    """The definition takeaway has three twins (the intro's 'rare but serious', the definition's two sentences); a
    question about the tumour gets the one that names it and the sentence turning its thought ("Instead of just
    attacking ..."), not the intro."""
    chunks = parts.index.chunks()
    summary = _summary_sentence(parts, "Paraneoplastic syndromes are rare disorders caused")
    assert len(prefer_body([_scored(summary)], parts.bank, chunks, _scored)) == 3
    tumour = lambda s: "tumor" in s.text.lower()  # noqa: E731
    assert [s.sentence.text for s in prefer_body([_scored(summary)], parts.bank, chunks, _scored, tumour)] == [
        "Paraneoplastic syndromes are a group of rare disorders that occur when the immune system reacts abnormally "
        "to a cancerous tumor.",
        "Instead of just attacking cancer cells, the immune system mistakenly targets healthy tissues, leading to "
        "neurological, hormonal, skin, or blood-related symptoms."]



def test_a_summary_naming_what_was_asked_gives_way_to_all_its_twins_unless_told_to_stay(parts) -> None:
    """Outside 'what causes it?' (naming_stays off), a takeaway that only repeats the question's words ('long-term')
    still gives way to its body twins, which say it with the detail."""
    chunks = parts.index.chunks()
    outcomes = _summary_sentence(parts, "Long-term outcomes vary")
    long_term = lambda s: "long-term" in s.text.lower()  # noqa: E731
    assert prefer_body([_scored(outcomes)], parts.bank, chunks, _scored, long_term)[0].sentence is outcomes
    assert [s.sentence.text[:20] for s in prefer_body([_scored(outcomes)], parts.bank, chunks, _scored, long_term,
                                                      naming_stays=False)] == ["Some patients experi", "However, others may "]
