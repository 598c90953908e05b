"""Comparison questions (assistant/comparison.py): which two things are compared, and that a real answer leads with
the article's sentence relating them and stays short.

Why: the article's answer to "how is pns different from ms" is the mimic sentence and the one on distinguishing
them; composed like any question it was the definition paragraph and more (up to seven quotes).
"""

from __future__ import annotations

import pytest

from types import SimpleNamespace

from assistant.comparison import asks_how_they_differ, compared_sides, MAX_RELATING, MAX_SHOWN, relating_sentences

MECHANISM = "These syndromes are not directly caused by the cancer cells themselves"
MIMIC = "Conditions such as multiple sclerosis, lupus, myasthenia gravis"
TAKEAWAY = "caused by the body’s immune response to cancer, not by the tumor itself"
DISTINGUISH = "is key to distinguishing paraneoplastic syndromes from these conditions"


@pytest.mark.parametrize("question, other", [
    ("how is pns different from multiple sclerosis (ms)", {"multipl", "sclerosi"}),  # "(ms)" closes it like a carried topic
    ("whats the difference between paraneoplastic syndromes and cancer spreading", {"cancer", "spread"}),
    ("pns vs viral encephalitis whats the diff", {"viral", "enceph"}),
    ("wats the difference between pns and cancer spreading to the brain", {"cancer", "spread"}),  # the head, not the place
    ("is pns like lupus", {"lupus"}),
    ("distinguish paraneoplastic syndromes from an infection", {"infect"}),
])
def test_the_subject_and_the_other_side_are_read(question: str, other: set[str]) -> None:
    sides = compared_sides(question)
    assert sides is not None and sides[0].subject and not sides[1].subject
    assert {t[:8] for t in sides[1].terms} == {t[:8] for t in other}


def test_a_follow_up_pronoun_is_the_carried_topic_and_no_comparison_is_none() -> None:
    sides = compared_sides("is that the same as myasthenia (what is lambert eaton)?")
    assert sides is not None and not sides[0].subject and {"lambert", "eaton"} <= sides[0].terms
    sides = compared_sides("is it like multiple sclerosis (ms)")  # an abbreviation in brackets is no carried topic
    assert sides is not None and sides[0].subject and {"multipl", "sclerosi"} <= sides[1].terms
    assert compared_sides("what are the symptoms of pns") is None
    # "difference" typed in a hurry, and "the X type" compared by X ("types of cancer" does not name it)
    sides = compared_sides("whats the differnce between the nerve type and the hormone type")
    assert sides is not None and sides[0].terms == {"nerv"} and sides[1].terms == {"hormon"}
    assert compared_sides("is pns the same as paraneoplastic syndromes") is None  # one thing, named twice
    # a trailing ask after a comma is no side: the comparison before it is read, as a "how do they differ" ask
    sides = compared_sides("pns vs ms, how do doctors tell")
    assert sides is not None and sides[0].subject and {t[:6] for t in sides[1].terms} == {"ms"}
    assert asks_how_they_differ("pns vs ms, how do doctors tell")
    assert compared_sides("pns vs ms, lupus") is None


@pytest.mark.slow
@pytest.mark.parametrize("question, lead, also", [
    # both relating sentences; the one that reads alone leads ("These syndromes ..." needs what comes before it)
    ("wats the difference between pns and cancer spreading", TAKEAWAY, MECHANISM),
    ("how is pns different from ms", MIMIC, DISTINGUISH),
    ("is pns like lupus", MIMIC, None),  # a "same as" ask: the mimic sentence answers it
    ("how do they tell it apart from other diseases", "Diagnosing paraneoplastic syndromes", DISTINGUISH),
])
def test_the_relating_sentence_leads_a_short_answer(warm_assistant, question: str, lead: str, also: str | None) -> None:
    answer = warm_assistant.ask(question)
    assert answer.status == "answered"
    first = answer.body.split("[1]")[0]
    assert lead in first or (also is not None and lead in answer.body.split("[2]")[0]), answer.body
    assert also is None or also in answer.body
    assert len(answer.citations) <= MAX_SHOWN


def test_a_how_they_differ_ask_takes_the_run_of_contrasting_sentences_after_a_core() -> None:
    """The overlap sentence relates the sides; the mimic and the workup sentences after it carry on contrasting the
    subject, and they come before a second core elsewhere (MAX_RELATING in all)."""
    section = SimpleNamespace(chunk=SimpleNamespace(section_id="differential"))
    texts = ["Diagnosing paraneoplastic syndromes is hard because symptoms overlap with other diseases.", MIMIC + " can mimic "
             "paraneoplastic syndromes' symptoms.", "A thorough diagnostic workup " + DISTINGUISH + ".",
             "Antibody testing looks for antibodies."]
    run = [SimpleNamespace(text=t, **vars(section)) for t in texts]
    elsewhere = SimpleNamespace(text="Paraneoplastic syndromes often mimic other diseases.",
                                chunk=SimpleNamespace(section_id="symptoms"))
    sides = compared_sides("how do they distinguish it from other diseases")
    assert sides is not None
    rank = {run[0].text: 0.9, elsewhere.text: 0.8}
    assert relating_sentences(sides, [*run, elsewhere], rank, follow_on=True) == run[:MAX_RELATING]
    assert relating_sentences(sides, [*run, elsewhere], rank, follow_on=False) == [run[0], elsewhere]


@pytest.mark.slow
def test_a_side_the_composed_sentences_miss_gets_its_best_ranked_sentence_not_the_first_naming_it(warm_assistant) -> None:
    """The first sentence naming "hormone" is the introduction's; the endocrine bullet is the one that answers."""
    answer = warm_assistant.ask("whats the difference between the nerve type and the hormone type")
    assert answer.status == "answered"
    assert "Neurological: Disorders affecting" in answer.body and "Endocrine: Hormonal imbalances" in answer.body
    assert "Imagine experiencing" not in answer.body


def test_of_two_relating_sentences_the_one_that_reads_alone_leads() -> None:
    """"These syndromes are not ..." ranks first but points back; leading with it put its predecessor (an unrelated
    sentence) at the top of the answer."""
    section = SimpleNamespace(section_id="definition")
    leaning = SimpleNamespace(text="These syndromes are not directly caused by the cancer cells themselves.", chunk=section)
    alone = SimpleNamespace(text="Paraneoplastic syndromes are caused by the immune response to cancer, not by the "
                                 "tumor itself.", chunk=SimpleNamespace(section_id="takeaways"))
    sides = compared_sides("whats the difference between pns and cancer spreading")
    assert sides is not None
    rank = {leaning.text: 0.9, alone.text: 0.8}
    assert relating_sentences(sides, [leaning, alone], rank, follow_on=False) == [alone, leaning]
