""""any others?" / "is that all?" after an answer: more of what it showed and no turn has shown yet
(assistant/other_items.py), not a new subject named "others".

Wording here is this file's own (not an eval item nor a check-bank item); the article text is quoted from the article.
"""

from __future__ import annotations

import pytest

from assistant.conversation import rewrite_followup
from assistant.more_asks import asks_for_others

LOOK_ALIKES = ("Conditions such as multiple sclerosis, lupus, myasthenia gravis, viral encephalitis, and other "
               "infections can mimic paraneoplastic syndromes' neurological and systemic symptoms.")


@pytest.mark.parametrize("text", ["others?", "any others?", "Any other ones", "anything else?", "any more?",
                                  "are there any more", "is that all?", "thats it?", "only those?", "and others?"])
def test_a_bare_ask_for_the_rest_is_read_as_one(text: str) -> None:
    assert asks_for_others(text)


@pytest.mark.parametrize("text", ["what else is used", "any other cancers besides lung", "tell me more",
                                  "any more info", "are others affected", "what other tests are there"])
def test_an_ask_naming_its_own_words_is_no_bare_ask_for_the_rest(text: str) -> None:
    assert not asks_for_others(text)


def test_any_others_asks_the_previous_question_again_not_a_subject_named_others() -> None:
    history = [{"role": "user", "content": "which tumours go with it"}, {"role": "assistant", "content": "x [1]"}]
    assert rewrite_followup("any others?", history) == rewrite_followup("why?", history)


def test_any_others_after_the_look_alikes_shows_the_other_overlapping_diseases(warm_assistant) -> None:
    history = [{"role": "user", "content": "which illnesses look like pns"},
               {"role": "assistant", "content": f"{LOOK_ALIKES} [1]"}]
    answer = warm_assistant.ask("anything else?", history)
    assert answer.status == "answered"
    assert LOOK_ALIKES not in answer.body
    assert "symptoms overlap with many other neurological, autoimmune, and infectious diseases" in answer.body
