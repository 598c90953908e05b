"""Emergencies told in lay words (assistant/lay_emergency_rules.py) fire by rule; look-alikes sharing their words do not.

The phrasings here are written for these tests (synthetic); none is in a check bank or a training bank.
"""

from __future__ import annotations

import pytest

from assistant.lay_emergency_rules import LAY_EMERGENCY_RULES
from assistant.safety import classify, rule_words


@pytest.mark.parametrize(
    ("question", "rule"),
    [
        ("my 2 wk old feels boiling hot and keeps crying", "infant_fever"),
        ("our newborn has got a fever and is very sleepy", "infant_fever"),
        ("hes only 3 weeks and scorching hot", "infant_fever"),
        ("grandma is drowsy and talking nonsense since lunch", "unconscious"),
        ("he cant keep his eyes open and doesnt know where he is", "unconscious"),
        ("my wife is barely awake and really confused", "unconscious"),
        ("my dad has gone a strange colour and isnt answering me", "colour_change"),
        ("my son has gone a dusky colour", "colour_change"),
        ("grandad has gone white and floppy", "colour_change"),
        ("my kids would be better off without me", "self_harm"),
        ("whats the point of me being alive", "self_harm"),
        ("i dont see any point in living now", "self_harm"),
        ("i wish i was dead", "self_harm"),
        ("im so tired of this, i dont see the point anymore", "self_harm"),
        ("what is the point of being alive anymore", "self_harm"),  # "anymore": the asker's own case, not a general question  # lead's round-12 probe: was answered with the fatigue bullets
        ("whats the point of living with this, im done", "self_harm"),
        ("sat with my uncle who keeps drifting in and out", "unconscious"),
        ("calcium is 3.7 and im so sleepy and sick, vomiting all morning", "high_calcium"),
        ("my calcium is sky high and im confused", "high_calcium"),
        ("his glucose is 1.7 and hes sweating buckets and not making sense", "low_sugar"),
        ("mum is clammy and drowsy, bm reading 2.4", "low_sugar"),
        ("sugar says 40 mg/dl and shes trembling and confused", "low_sugar"),
    ],
)
def test_lay_signs_fire_by_rule(question: str, rule: str) -> None:
    verdict = classify(question)
    assert (verdict.category, verdict.rule) == ("emergency", rule)


@pytest.mark.parametrize(
    "question",
    [
        "what temperature is too high for a 4 week old",  # a threshold asked
        "my 5 week old was hot last month but the gp said it was fine",  # past
        "can pns make you drowsy and confused",  # a general question
        "his hair has gone a funny colour",  # a thing as subject
        "the rash went a dusky colour over the weekend, is that dermatomyositis",
        "everyone would be better off if the clinic opened earlier",
        "whats the point of the second scan",
        "i dont see the point anymore of taking the vitamins",  # the point of a thing
        "whats the point of chemo anymore",
        "is it normal that he cant walk anymore",
        "i cant see the point now in doing a second scan",
        "whats the point of living longer if the treatment makes you miserable",  # a question about quality of life
        "my focus keeps drifting in and out during chemo",  # attention, not consciousness
        "my calcium was 2.5, is that ok",  # a normal reading
        "does very high calcium cause vomiting and confusion",  # a general question
        "my calcium was 3.8 last year and i was confused then, now its normal",  # past
        "my sugar was 2.8 this morning, is that low",  # a reading with no sign
        "can a glucose of 2.5 cause confusion",  # a general question
        "his sugars are high, about 15, and hes sleepy",  # not a hypo
        "his sugar was 2.2 last month and he got confused, hes fine now",  # past
        "ive had sugar 2 times today and feel shaky",  # a count, not a reading
    ],
)
def test_look_alikes_do_not_fire(question: str) -> None:
    assert classify(question).category != "emergency"


def test_the_rules_are_named_guarded_and_their_words_are_spelling_targets() -> None:
    assert all(rule.category == "emergency" and rule.guard and rule.name for rule in LAY_EMERGENCY_RULES)
    # the speller aims typos at the rules' words, these included ("scorchign" -> "scorching")
    assert {"scorching", "drowsy", "dusky"} <= rule_words(frozenset({"scorching", "drowsy", "dusky", "zzzz"}))
