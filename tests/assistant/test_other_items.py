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


def test_the_articles_frame_and_a_sentence_leaning_on_it_are_never_others() -> None:
    """"Imagine experiencing ..." and the "This is ..." after it introduce the article; "any others?" never shows them
    (they had come back after the treatments: "and if that doesnt work?")."""
    from types import SimpleNamespace

    import numpy as np

    from assistant.shown_units import ArticleUnits

    texts = ["Imagine experiencing odd symptoms for months.", "This is a common presentation for such a person.",
             "Cancer Treatment: Surgery, chemotherapy, or radiation therapy.",
             "This article comprehensively examines the topic.", "Early treatment can improve outcomes."]
    units = ArticleUnits(sentences=[SimpleNamespace(text=t, is_lead_in=False) for t in texts],
                         unit_of=[0, 1, 2, 3, 4], vectors=np.eye(5))
    assert units.framing == {0, 1, 3}
    assert units.framing is units.framing  # matched once per loaded build, not on every "any others?" turn
