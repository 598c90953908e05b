"""What a what/which/how follow-up asks for: its aspect noun (assistant/unaddressed_asks.aspect_unaddressed), a subjectless
ask that inherits the previous subject (pipeline.continues_topic), an ellipsis after an ellipsis, and a topic phrase
that ends in a verb's -ing form (assistant/topics.topic_of).

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

import pytest

from assistant.abstention import vocabulary
from assistant.conversation import rewrite_followup
from assistant.followup import FollowUp
from assistant.unaddressed_asks import aspect_unaddressed, unaddressed_ask
from assistant.topics import topic_of

VOCAB = vocabulary(["Steroids help. Imaging finds tumors. Patients report itching and pain. Treatment is effective."])
STEMS = ("steroid", "imag", "tumor", "patient", "itch", "pain", "treatment", "effect")
GENERIC = frozenset({"get", "have", "make", "work", "last", "life", "best", "town"})


def _turns(*questions: str) -> list[dict[str, str]]:
    return [t for q in questions for t in ({"role": "user", "content": q}, {"role": "assistant", "content": "(reply)"})]


@pytest.mark.parametrize(
    ("own_words", "unaddressed"),
    [
        ("what's the dosage", ["dosage"]),  # the aspect after 'what is the'
        ("and what are the adverse reactions of those", ["adverse"]),  # the aspect's first word decides
        ("which vaccines stop it", ["vaccines"]),  # 'what X ...': X is the aspect
        ("how is chemoembolisation done for them", ["chemoembolisation"]),  # a new subject between 'how is' and its verb
        ("how much would that cost", ["cost"]),  # what 'how much' measures
        ("how quickly do they work", ["quickly"]),  # the measure itself is the ask when nothing else is ('work' is generic)
        ("what's the treatment", []),  # an aspect the corpus words
        ("whats the imaging for", []),
        ("how does that unfold", []),  # a pronoun where the subject goes: the verb names nothing
        ("what determines that", []),  # 'what' + a verb pointing back
        ("what would she feel first", []),  # an auxiliary after 'what': the verb is the ask
        ("what are examples of those", []),  # a word for instances is no aspect
        ("how do physicians confirm it", []),  # people are not the ask
        ("what about dialysis", []),  # an ellipsis names a new subject; the rewrite reads it
        ("how long does it last", []),  # nothing measured beyond generic words
    ],
)
def test_a_what_or_how_follow_up_is_judged_by_its_asked_aspect(own_words: str, unaddressed: list[str]) -> None:
    assert aspect_unaddressed(own_words, VOCAB, STEMS, GENERIC) == unaddressed


def test_a_frequent_word_the_corpus_uses_is_the_aspect_not_skipped_for_the_next() -> None:
    """'any treatment going on' with 'treatment' among the frequent English words: it is the corpus's word, so the
    aspect is addressed, where skipping it made 'going' the aspect and refused the turn."""
    assert aspect_unaddressed("any treatment going on", VOCAB, STEMS, GENERIC | {"treatment"}) == []
    assert aspect_unaddressed("any vaccine going on", VOCAB, STEMS, GENERIC | {"vaccine"}) == ["going"]


def test_unaddressed_ask_reads_the_aspect_of_a_what_or_how_follow_up() -> None:
    context = FollowUp(ask="what the dosage", previous="can steroids treat pns", previous_answer="")
    assert unaddressed_ask("whats the dosage", context, VOCAB, STEMS, GENERIC) == ["dosage"]
    assert unaddressed_ask("whats the treatment", context, VOCAB, STEMS, GENERIC) == []


def test_an_ellipsis_after_an_ellipsis_asks_the_first_question_again() -> None:
    history = _turns("which tests find pns", "and the scans?")
    assert rewrite_followup("and the antibody panels", history) == "which tests find pns: what about the antibody panels?"
    # a narrowing still narrows the whole chain
    assert rewrite_followup("and in children?", history).endswith("in children?")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("how is the nervous system coping", "the nervous system coping"),  # not a light verb: kept as typed
        ("how is the nervous system doing that", "the nervous system"),
        ("what is skin thickening", "skin thickening"),  # a noun's own -ing word stays
    ],
)
def test_a_topic_drops_a_light_verbs_ing_form(question: str, topic: str) -> None:
    assert topic_of(question) == topic


def test_a_pointer_in_a_bracketed_rewrite_means_the_earlier_questions_subject() -> None:
    assert topic_of("what's the cure rate for it (what is lambert eaton syndrome)?") == "lambert eaton syndrome"
    assert topic_of("what's the cure rate of lambert eaton syndrome") == "the cure rate of lambert eaton syndrome"


def test_a_subjectless_unanswerable_follow_up_is_not_found_and_an_answerable_one_answered(warm_assistant) -> None:
    history = _turns("can steroids help with paraneoplastic syndromes")
    dose = warm_assistant.ask("whats the dosage", history=history)
    assert dose.status == "not_found", (dose.standalone_question, dose.flags)
    assert warm_assistant.ask("whats the best pizza in town", history=history).status == "out_of_scope"
    side = warm_assistant.ask("and what are the adverse reactions of them", history=history)
    assert side.status == "not_found", (side.standalone_question, side.flags)
    how = warm_assistant.ask("and how do they work", history=history)
    assert how.status == "answered", (how.standalone_question, how.flags)


def test_an_unanswerable_how_follow_up_naming_a_new_procedure_is_not_found(warm_assistant) -> None:
    history = _turns("which kidney problems can paraneoplastic syndromes cause")
    answer = warm_assistant.ask("how is dialysis done for that", history=history)
    assert answer.status == "not_found", (answer.standalone_question, answer.flags)
    tests = warm_assistant.ask("how do doctors check for it", history=history)
    assert tests.status == "answered", (tests.standalone_question, tests.flags)


def test_an_ellipsis_after_a_turn_in_the_articles_words_is_not_found_not_out_of_scope(warm_assistant) -> None:
    """'what is ongoing care like' names no subject term, but every word of it is the article's: an unanswerable
    ellipsis after it continues the article's subject."""
    answer = warm_assistant.ask("and for the siblings?", history=_turns("what is ongoing care like"))
    assert answer.status == "not_found", (answer.standalone_question, answer.flags)
