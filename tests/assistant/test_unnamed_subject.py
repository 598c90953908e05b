"""A first question naming its subject only by a pronoun and asking who gets it (assistant/unnamed_subject.py) is on
topic: not_found, not out_of_scope; one naming another subject or asking nothing of the kind stays out of scope."""

from __future__ import annotations

import pytest

from assistant.abstention import vocabulary
from assistant.unnamed_subject import asks_of_unnamed_subject

VOCAB = vocabulary(["Paraneoplastic syndromes are rare disorders in people with cancer; symptoms may start early."])
EVERYDAY = frozenset("can get this what age does usually start will rain tomorrow tell joke about how much cost fly "
                     "people who are old".split())


def _names_nothing_else(text: str) -> bool:
    import re

    return all(w in EVERYDAY or w in VOCAB for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 3)


@pytest.mark.parametrize(("question", "on_topic"), [
    ("can kids get this", True),  # a group asked of "this"
    ("what age does it usually start", True),  # an age asked of "it"
    ("how old are people who get it", True),
    ("can kids get asthma", False),  # no pronoun: the subject is named, and it is not the article's
    ("will it rain tomorrow", False),  # neither a group nor an age
    ("tell me a joke about it", False),
    ("how much does it cost to fly", False),  # a figure, but not who gets it
    ("can kids in london get it", False),  # names another thing ('london' is neither the corpus's nor everyday here)
])
def test_a_pronoun_question_asking_who_gets_it(question: str, on_topic: bool) -> None:
    assert asks_of_unnamed_subject(question, VOCAB, _names_nothing_else) is on_topic


@pytest.mark.parametrize(("question", "status"), [
    ("can kids get this", "not_found"),
    ("what age does it usually start", "not_found"),
    ("will it rain in london tomorrow", "out_of_scope"),
    ("tell me a joke about it", "out_of_scope"),
])
def test_the_pipeline_reads_it_as_the_articles_subject(warm_assistant, question: str, status: str) -> None:
    assert warm_assistant.ask(question).status == status
