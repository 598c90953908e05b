"""A short first question naming its subject only by "it" and worded in everyday words the sentence model finds an
article near-synonym for (assistant/everyday_wording.py) is read as about the article's subject and searched with
that word; one naming another subject, or with no such word, stays as typed (out of scope)."""

from __future__ import annotations

import pytest

from assistant.everyday_wording import near_worded

CORPUS = frozenset("how why what so does do the is it this can causes symptoms rapidly progress difficult diagnosis "
                   "cerebellar degeneration".split())
# the common-English list holds the function words the corpus uses too, as the real one does
COMMON = frozenset("how why what so does do the is it this can causes fast come hard pin down rain raining paris cost "
                   "fly tell joke about".split())
SYNONYMS = {"fast": "rapidly", "hard": "difficult"}


def _near(question: str) -> dict[str, str]:
    return near_worded(question, CORPUS.__contains__, COMMON, lambda w: (SYNONYMS[w],) if w in SYNONYMS else ())


@pytest.mark.parametrize(("question", "found"), [
    ("how fast does it come on", {"fast": "rapidly"}),
    ("why is it so hard to pin down", {"hard": "difficult"}),
    ("how fast does pns come on", {}),  # the subject is named: nothing to read into "it"
    ("what causes cerebellar degeneration, is it fast", {}),  # named by words only the corpus uses
    ("is it raining in paris", {}),  # everyday words, but none an article near-synonym
    ("how fast does it fly to paris", {"fast": "rapidly"}),  # found: the support gate, not this check, judges it
    ("how fast does it come on in my dog", {}),  # "dog" is neither the corpus's nor everyday English here
    ("im trying to work out how fast it all comes on for most of them", {}),  # a long message: "it" may be anything
    ("symptoms how fast does it come on", {}),  # opens with a thing named: "it" stands for that thing
    ("how fast do they say it comes on", {}),  # someone else beside "it"
])
def test_everyday_near_synonyms_of_a_pronoun_question(question: str, found: dict[str, str]) -> None:
    assert _near(question) == found


@pytest.mark.parametrize(("question", "status"), [
    ("how fast does it come on", "answered"),
    ("is it raining in paris", "out_of_scope"),
    ("how much does it cost to fly to paris", "out_of_scope"),
])
def test_the_pipeline_answers_the_everyday_ask_and_keeps_the_off_topic_one_out(warm_assistant, question: str,
                                                                                status: str) -> None:
    assert warm_assistant.ask(question).status == status


def test_the_answer_is_the_sentence_the_near_synonym_names(warm_assistant) -> None:
    assert "rapidly progress" in warm_assistant.ask("how fast does it come on").answer
