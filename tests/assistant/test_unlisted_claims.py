"""Effects and agents the article never names are not_found; the effects and treatments it lists in lay words are
answered (assistant/unlisted_claims.py through the real triage and pipeline).

Why both directions: the check refuses an answer, and refusing an answerable question ("does pns cause fits": the
article says seizures) costs more than answering an unanswerable one.
"""

from __future__ import annotations

import pytest

from assistant.unlisted_claims import asked_phrase, phrase_words
from foundation.settings import Settings
from index.lexical import is_stopword


def test_the_asked_effect_or_agent_is_read_from_the_question() -> None:
    assert asked_phrase("can pns give you hiccups?", first_turn=True) == "you hiccups"
    assert asked_phrase("does drinking milk help pns", first_turn=True) == "drinking milk"
    assert asked_phrase("is green tea bad for pns", first_turn=True) == "green tea"
    assert asked_phrase("does caffeine make the symptoms worse", first_turn=True) == "caffeine"
    assert asked_phrase("can it give you hiccups", first_turn=False) is None  # "it" may be the previous treatment
    assert asked_phrase("does it affect the way you talk", first_turn=True) is None  # a body function, not an effect
    assert asked_phrase("is it ok to ask", first_turn=True) is None
    assert phrase_words("drinking milk", frozenset(), is_stopword) == ["milk"]


@pytest.mark.parametrize(("question", "word"), [
    ("does pns make ur eyes go yellow", "eyes"),
    ("can taking zinc prevent pns", "zinc"),
    ("does it cause hallucinations", "hallucinations"),
])
def test_effects_and_agents_the_article_never_names_are_found(built_index_home: Settings, question: str,
                                                              word: str) -> None:
    from assistant.api import Assistant

    assistant = Assistant(built_index_home)
    assert assistant.triage().unlisted_effect(question, first_turn=True) == word
    assert assistant.ask(question).status == "not_found"


@pytest.mark.parametrize("question", [
    "does pns cause fits",  # lay-word map: seizures
    "can it make you throw up",  # lay-word map: vomiting
    "does it make u itchy",  # word family: itching
    "does pns make you tired all the time",  # word family: fatigue
    "does it cause swollen joints",  # the article's own word: joint
    "does chemo treat pns",  # a clipped form of the article's word
])
def test_effects_and_treatments_the_article_lists_in_other_words_are_answered(built_index_home: Settings,
                                                                               question: str) -> None:
    from assistant.api import Assistant

    assistant = Assistant(built_index_home)
    assert assistant.triage().unlisted_effect(question, first_turn=True) is None
    assert assistant.ask(question).status == "answered"
