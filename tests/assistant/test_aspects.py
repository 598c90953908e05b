"""The two aspect vocabularies differ on purpose (assistant/aspects.py); these pin the differences."""

import re

from assistant.aspects import ASPECT_ASK, ASPECT_RE, ASPECT_WORDS, ASPECTS


def test_topic_phrases_hold_symptoms_but_the_member_ask_does_not() -> None:
    assert "symptoms" in ASPECTS
    assert not ASPECT_ASK.search("symptoms of lems")
    assert ASPECT_ASK.search("how is lems treated")
    assert ASPECT_ASK.search("does it go away")


def test_alternation_tries_the_longest_phrase_first() -> None:
    m = re.match(rf"(?:{ASPECT_RE})", "side effects of ivig")
    assert m is not None and m.group(0) == "side effects"


def test_aspect_words_split_each_phrase() -> None:
    assert {"risk", "factors", "side", "effects"} <= set(ASPECT_WORDS)
    assert "risk factors" not in ASPECT_WORDS
