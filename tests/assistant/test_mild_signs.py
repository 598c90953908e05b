"""A mild sign tied to what sets it off, a complaint that comes and goes, or a denied manner of breathing is deferred to
the learned check (assistant/mild_signs.py), never dropped; an acute word or a seizure keeps the rule's hit.

The phrasings here are written for these tests (synthetic); none is in a check bank or a training bank.
"""

from __future__ import annotations

import pytest

from assistant.emergency_model import pieces
from assistant.mild_signs import mild_framing, without_denied_manner
from assistant.safety import classify


@pytest.mark.parametrize(
    ("question", "why"),
    [
        ("my fingertips go a bit blue when im out in the snow, is that raynauds", "mild"),
        ("my chest feels a little tight whenever i climb the stairs at work", "mild"),
        ("he isnt breathing heavily or anything, just a stuffy nose", "negated"),
        ("mum is sometimes drowsy and muddled in the evenings, is that the tablets", "mild"),
        ("my uncle turned purple with rage in the waiting room", "idiom"),  # an emotion as the cause
        ("my grandad has gone grey since the diagnosis", "long-standing"),  # hair going grey over time
    ],
)
def test_a_doubtful_hit_is_deferred_not_dropped(question: str, why: str) -> None:
    verdict = classify(question)
    assert verdict.category != "emergency" and verdict.deferred is not None and verdict.deferred.endswith(f":{why}")
    assert verdict.as_emergency().category == "emergency"  # without the learned check it still counts


@pytest.mark.parametrize(
    "question",
    [
        "his lips are going a bit blue now and hes gasping",  # an acute word
        "he is having a fit and it has been going on for weeks, now it wont stop",  # a seizure never mild
        "she isnt breathing properly",  # not a denied manner: the sign itself
        "she has gone grey since the diagnosis and now she is gasping for air",  # a word of now
        "my chest feels a bit tight right now when i breathe in",
    ],
)
def test_acute_signs_stand(question: str) -> None:
    assert classify(question).category == "emergency"


def test_mild_framing_reads_only_the_sentence_of_the_hit() -> None:
    text = "my lips go a bit blue when im cold. what is lems"
    start = text.index("lips")
    assert mild_framing(text, start, text.index(" when")) == "mild"
    assert mild_framing(text, start, text.index(" when"), "seizure_now") is None


def test_a_denied_manner_is_cut_from_the_pieces_the_learned_check_reads() -> None:
    assert without_denied_manner("She isnt breathing badly or anything") == "She or anything"
    assert not any("breathing" in p for p in pieces("she isnt breathing badly or anything, just a cough", True))
    assert without_denied_manner("she isnt breathing properly") == "she isnt breathing properly"


def test_a_state_told_as_normal_is_cut_from_the_pieces_the_learned_check_reads() -> None:
    assert without_denied_manner("my husband says he isnt in any pain and is breathing fine, but") == "my husband says he and is , but"
    assert without_denied_manner("he was breathing fine until an hour ago") == "he was breathing fine until an hour ago"
    assert without_denied_manner("shes not breathing fine") == "shes not breathing fine"
    assert not any("breathing" in p for p in pieces("it might be nothing, he is breathing fine, should we ask about his bloods", True))
