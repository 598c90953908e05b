""""any others?" / "is that all?" after an answer: more of what it showed and no turn has shown yet
(assistant/other_items.py), not a new subject named "others".

Wording here is this file's own (not an eval item nor a check-bank item); the article text is quoted from the article.
"""

from __future__ import annotations

from assistant.conversation import rewrite_followup

LOOK_ALIKES = ("Conditions such as multiple sclerosis, lupus, myasthenia gravis, viral encephalitis, and other "
               "infections can mimic paraneoplastic syndromes' neurological and systemic symptoms.")


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
