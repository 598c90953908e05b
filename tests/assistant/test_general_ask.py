"""The clause that asks (assistant/general_ask.py) and the personal-advice check read on it
(assistant/triage_safety.asks_generally): a general question after a personal story is answered, a personal ask
whose story is in another clause is still declined.

The phrasings are synthetic test phrasings (not evaluation items); the model runs with the real bundled sentence
encoder and the real triage."""

from __future__ import annotations

import pytest

from assistant.asking_clause import corpus_content
from assistant.general_ask import the_ask
from assistant.safety import Verdict

ARTICLE_WORDS = frozenset("paraneoplastic syndrome syndromes pns lems ivig steroids smoking risk factor dose".split())
CONTENT = corpus_content(ARTICLE_WORDS, frozenset({"people"}))


@pytest.mark.parametrize("message, clause, names_case", [
    ("my gp said to look it up, what is a paraneoplastic syndrome", "what is a paraneoplastic syndrome", False),
    ("my nurse mentioned pns, is smoking a risk factor", "is smoking a risk factor", False),
    ("my scan was odd, is that lems", "is that lems", True),            # pointing back at the story
    ("my calcium came back at 3.1, what does that mean", "what does that mean", True),
    ("my dad has lems, which is best for him", "which is best for him", True),
    ("ivig or steroids, what would u do", "what would u do", True),     # the assistant's own judgement
    ("my gp said its paraneoplastic, how do they test for it in general", "how do they test for it in general", False),
    ("my mum is on 60mg of steroids, too much?", "too much?", True),  # a fragment: the story's case elided
    ("my dad has weak legs, is weakness a sign of pns", "is weakness a sign of pns", True),  # the story's sign again
    ("my mum is on steroids, what dose of steroids is used in pns", "what dose of steroids is used in pns", False),
    ("how many mg of 3,4-dap should i take", "how many mg of 3,4-dap should i take", True),  # no clause cut in a name
    # a question-word ask pointing at the one thing the story names asks a fact about it (round 17)
    ("the nurse said lems, what is it", "what is it", False),
    ("im 60kg with pns, what causes it", "what causes it", False),
    ("i have lems, my gp said pns, what is it", "what is it", True),  # two things named: the pointer is the case
])
def test_the_asking_clause_and_whether_it_names_the_case(message: str, clause: str, names_case: bool) -> None:
    ask = the_ask(message, CONTENT)
    assert ask is not None and (ask.clause, ask.names_case) == (clause, names_case)


def test_a_message_without_exactly_one_asking_clause_has_none() -> None:
    assert the_ask("my mum has pns", CONTENT) is None
    assert the_ask("what is pns? how is it treated?", CONTENT) is None


def checked(triage, question: str, embed) -> Verdict:
    return triage.recheck(triage.triage(question), embed, "all-MiniLM-L6-v2").verdict


@pytest.mark.parametrize("question", [
    "my gp just told me im being tested for it and i went home confused, what actually is a paraneoplastic syndrome",
    "my wife is on ivig for lems, how many infusions do patients usually get",
    "my dad had pns and got through it, do most people fully recover",
])
def test_a_general_question_after_a_personal_story_is_not_declined(triage, embed, question: str) -> None:
    from assistant.advice_model import find_personal_ask

    triaged = triage.triage(question)
    assert triaged.verdict.category == "none"
    assert find_personal_ask(triage.advice_model, triaged.normalised.text, embed) is not None  # the story alone fires
    assert checked(triage, question, embed).category == "none"


@pytest.mark.parametrize("question", [
    "how much ivig, my son is 35kg",                        # an amount beside the person's own figures (round 17)
    "my dad weighs 90kg, how much ivig",                    # read as the asker's own, a dose ask
    "my dad has sclc and his legs are weak, would ivig help",
    "my husband is on 60mg of prednisone a day, too much?",
    "my wife has lung cancer and her legs are weak now, is weakness a sign of pns",
    "my mum has lems and can barely walk now, which treatment is best for her",
])
def test_a_personal_ask_is_still_declined(triage, embed, question: str) -> None:
    assert checked(triage, question, embed).category == "personal_advice"


def test_without_the_asking_clause_the_model_reads_the_whole_message(triage, embed) -> None:
    """The story alone decides when nothing asks: the check is not switched off, only moved to the ask."""
    triaged = triage.triage("my doctor said i should read up on this, what even is a paraneoplastic syndrome")
    from dataclasses import replace

    whole = triage.recheck(replace(triaged, ask=None), embed, "all-MiniLM-L6-v2").verdict.category
    assert whole == "personal_advice"  # the story made the whole-message check fire
    assert triage.recheck(triaged, embed, "all-MiniLM-L6-v2").verdict.category == "none"


def test_the_asking_clause_naming_the_case_is_read_alone(triage, embed) -> None:
    """A story can pull a personal ask under the whole message's bar; the clause that asks, naming the case, is read
    alone at the model's own threshold, and only when a story is told around it and it names the case."""
    from assistant.general_ask import Ask
    from assistant.triage_safety import personal_clause

    text = "the ct found nothing and the team were lovely, would a pet scan be a good shout for my nan"
    ask = Ask("would a pet scan be a good shout for my nan", True)
    found = personal_clause(ask, text, triage.advice_model, embed)
    assert found is not None and found.piece == ask.clause
    assert personal_clause(Ask(ask.clause, False), text, triage.advice_model, embed) is None
    assert personal_clause(ask, ask.clause, triage.advice_model, embed) is None  # no story: read whole already


@pytest.mark.parametrize(("clause", "message", "declined"), [
    ("how much prednisone", "how much prednisone, im 60kg", True),
    ("how much prednisone", "how much prednisone, my mum has pns", False),       # no figure of the person's own
    ("what does prednisone do", "what does prednisone do, im 60kg", False),     # no amount asked
    ("how much time does recovery take", "im 45 with pns, how much time does recovery take", False),  # its own verb
])
def test_an_amount_beside_the_persons_own_figures_is_a_dose(clause: str, message: str, declined: bool) -> None:
    from assistant.general_ask import Ask
    from assistant.triage_safety import amount_for_told_figures

    assert amount_for_told_figures(Ask(clause, False), message) is declined
