"""Personal asks naming an emergency rule's words are left to the personal-advice check (assistant/advice_framing.py):
a treatment question, a question whether someone has the disease or how a long illness will go, naming no acute sign."""

from __future__ import annotations

import pytest

from assistant.advice_framing import asks_advice


@pytest.mark.parametrize(
    ("piece", "why"),
    [("my aunt has breast cancer and her hands are numb and clumsy, does she have a paraneoplastic syndrome", None),
     ("my aunt is 52 with breast cancer and gets dizzy spells, could this be pns", "diagnosis question"),
     ("im 61 and my ankles are puffy, is it from the cancer", "diagnosis question"),
     ("my aunt is 52 and has just fainted, could this be pns", None)],  # an acute sign; an age is no temperature
)
def test_a_question_whether_someone_has_the_disease_is_left_to_the_advice_check(piece: str, why: str | None) -> None:
    assert asks_advice(piece) == why


@pytest.mark.parametrize(
    ("piece", "why"),
    [("how long has my uncle got, he has pcd and cant stand up", "diagnosis question"),
     ("would ivig help my mum, she cant get up the stairs anymore", "diagnosis question"),
     ("ive had dry mouth for a year, am i likely to have lems", "diagnosis question"),
     ("how long has my uncle got, he suddenly cant stand since this morning", None),  # an onset: for the learned check
     ("will my dad recover, he is gasping for air", None),  # an acute sign
     ("my girl is on immune therapy and has a sore mouth, stop it?", "treatment question")],  # the speller's "immune"
)
def test_a_question_about_a_long_illness_course_is_left_to_the_advice_check(piece: str, why: str | None) -> None:
    assert asks_advice(piece) == why


@pytest.mark.parametrize(
    ("piece", "why"),
    [("thinking of quitting my meds and going for homeopathy instead, good idea?", "treatment question"),
     ("want to come off my pills and try herbal remedies", "treatment question"),  # the replacement named
     ("might ditch my medication and try a juice cleanse, sensible?", "treatment question"),
     ("planning to stop my tablets and try reiki instead, thoughts?", "treatment question"),
     ("she came off her meds and is talking about ending it", None),  # no plan asked about: for the learned check
     ("he stopped his steroids and now cant breathe, should we restart?", None),  # an acute sign
     ("stopped my chemo last week", None)],  # told, not asked
)
def test_a_plan_to_stop_or_swap_a_treatment_is_left_to_the_advice_check(piece: str, why: str | None) -> None:
    """The learned check read such plans as despair or an overdose (p 0.80-0.92 on these phrasings before the rule)."""
    assert asks_advice(piece) == why
