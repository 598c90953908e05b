"""Asks about one person's case worded without the main table's verbs (assistant/personal_case_rules.py), the
lasting-illness diagnosis ask that keeps its referral over the learned emergency check, and the reported general
claim that the learned personal-advice check is not asked about (assistant/personal_context.py).
"""

from __future__ import annotations

import pytest

from assistant.personal_case_rules import CASE_RULES
from assistant.personal_context import asks_a_general_property, checks_a_general_claim, lasting_case_ask
from assistant.safety import Verdict, classify, normalise


@pytest.mark.parametrize(("question", "rule"), [
    ("my uncle has weak legs and a dry mouth, do u think thats what he has", "self_diagnosis"),
    ("is this what i have then", "self_diagnosis"),
    ("do you think my nan has the cerebellar one", "self_diagnosis"),
    ("she has had lung cancer for a year and now odd jerky eyes, whats going on with her", "self_diagnosis"),
    ("is a clot like that common in my dads case", "self_diagnosis"),
    ("numb hands for weeks and my bloods came back odd, is that paraneoplastic", "self_diagnosis"),
    ("is mine the kind that goes away", "self_diagnosis"),
    ("would plasma exchange work for my mother in law", "treatment_decision"),
    ("could ivig help my husband, hes 80", "treatment_decision"),
    ("my sons legs have gone weak since the tumour, would steroids help him", "treatment_decision"),
    ("if it turns out to be pns would i have to stop work", "personal_prognosis"),
    ("would my wife need a spinal tap", "personal_prognosis"),
    ("auntie keeps getting headaches since her diagnosis, could it be the tumour or the paraneoplastic thing", "self_diagnosis"),
    ("my legs ache every night, is it just age or pns", "self_diagnosis"),
    # an open-ended ask about what one person's signs are (round 13's probe miss: answered with symptom bullets)
    ("my husband is confused all the time and his calcium was high last week what could that be", "self_diagnosis"),
    ("grandad keeps losing his balance, what might be causing it", "self_diagnosis"),
])
def test_asks_about_one_persons_case_are_personal(question: str, rule: str) -> None:
    verdict = classify(question)
    assert verdict.category == "personal_advice" and verdict.rule == rule, question


@pytest.mark.parametrize("question", [
    "my aunt had it, what is it exactly",
    "my doctor said LEMS what does that mean",
    "in my case the doctor explained it well, but what does cerebellar degeneration mean",
    "would she recover fully",  # a follow-up where 'she' is anyone with the condition
    "and would physio help her",
    "will physio help me walk better",  # a goal the article speaks to
    "how can i help her cope",
    "if someone had lems would they need chemo",
    "what would i need to ask the neurologist about pns",
    "would ivig help with the weakness in lems",
    "is that the same as myasthenia gravis",
    "is it the cancer or the immune system that causes the symptoms",
    "my teacher says high calcium is common, what could it be caused by",  # how a cause works
    "what could cause high calcium in cancer",
])
def test_general_asks_naming_someone_in_passing_stay_general(question: str) -> None:
    assert classify(question).category == "none", question


def test_the_case_rules_are_named_and_personal() -> None:
    assert CASE_RULES and all(r.category == "personal_advice" and r.name for r in CASE_RULES)


@pytest.mark.parametrize(("text", "lasting"), [
    ("my dad has been getting slower and dizzy for months, is that the paraneoplastic thing", True),
    ("mum cant keep her eyes open by the end of the day, do you think she has lems", True),
    ("my dad suddenly cant stand up, is that the paraneoplastic thing", False),  # a sudden change: the model decides
    ("he has been dizzy for months and this morning he could barely stand, is that the paraneoplastic thing", False),
])
def test_a_diagnosis_ask_about_a_lasting_illness_keeps_its_referral(text: str, lasting: bool) -> None:
    verdict = classify(text)
    assert verdict.category == "personal_advice"
    assert lasting_case_ask(verdict, normalise(text)) is lasting, text


def test_only_a_diagnosis_rules_verdict_counts_as_a_lasting_case() -> None:
    text = "for months my legs have been weak, should i stop my chemo"
    assert not lasting_case_ask(classify(text), normalise(text))
    assert not lasting_case_ask(Verdict("none"), "she has been weak for months")


@pytest.mark.parametrize(("text", "general"), [
    ("my cousin is a nurse and says pns is contagious, is she right", True),
    ("i read that it only happens with lung cancer, is that true", True),
    ("the neurologist said my antibodies are high, is he right", False),  # the claim is the asker's own case
    ("is it true", False),
    ("my dad has lems, is that rare", False),
])
def test_a_reported_claim_about_the_condition_is_a_general_question(text: str, general: bool) -> None:
    assert checks_a_general_claim(normalise(text)) is general, text


@pytest.mark.parametrize(("text", "general"), [
    ("my granddad had lems, is it genetic", True),
    ("my wife has pns. is it catching", True),
    ("my brother has pns, does it run in the family", True),
    ("is pns rare", True),
    ("i get breathless on the stairs since chemo, is that common", False),  # the asker's own sign
    ("my dad has sclc and his legs are getting weak, is it pns", False),  # a diagnosis ask
    ("is it hereditary and should i get tested", False),  # the ask ends on a decision
])
def test_a_property_of_the_condition_asked_last_is_a_general_question(text: str, general: bool) -> None:
    assert asks_a_general_property(normalise(text)) is general, text


@pytest.mark.parametrize(("question", "category"), [
    ("if someone has lung cancer and gets weak muscles, could it be a paraneoplastic syndrome", "none"),
    ("when a patient with breast cancer gets numb hands could that be pns", "none"),
    ("weak legs for weeks and a dry mouth, could it be pns", "personal_advice"),  # no one named: the asker's own
    ("people keep telling me im pale, could it be pns", "personal_advice"),  # the asker is named too
])
def test_a_diagnosis_ask_about_anyone_is_a_general_question(question: str, category: str) -> None:
    assert classify(question).category == category, question
