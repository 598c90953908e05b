"""A follow-up turn is searched with its rewrite, its own words and the previous turn's neighbourhood (assistant/followup.py).

Wording here is this file's own (not an eval item nor a check-bank item): each conversation stands for a class of
follow-up where the rewrite carries the previous subject and that subject's sentence used to win over the new ask.
"""

from __future__ import annotations

import pytest

from assistant.followup import follow_up, prefetch
from assistant.retrieval import focus_query, retrieval_query


def _turns(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [t for q, a in pairs for t in ({"role": "user", "content": q}, {"role": "assistant", "content": a})]


def test_a_first_question_is_no_follow_up() -> None:
    assert follow_up("how is it treated", [], lambda q, h: q) is None


def test_the_ask_keeps_the_follow_ups_own_words_and_drops_what_points_back() -> None:
    seen: list[tuple[str, list]] = []

    def rewrite(question: str, history: list) -> str:
        seen.append((question, history))
        return f"standalone: {question}"

    turns = _turns(("what is pemphigus", "A skin condition."), ("and acanthosis nigricans?", "Thickened skin."))
    context = follow_up("would she get over them", turns, rewrite)
    assert context is not None
    assert context.ask == "get over"
    # the previous question is made standalone from the turns before it, and its own reply is kept
    assert context.previous == "standalone: and acanthosis nigricans?" and seen[-1][1] == turns[:2]
    assert context.previous_answer == "Thickened skin."


@pytest.mark.parametrize(
    ("earlier", "question", "wanted"),
    [
        # a test asked of a named syndrome: the diagnostic tests, not the sentence that names the syndrome
        ("what is lambert eaton myasthenic syndrome", "how would a doctor test for that", "Diagnostic Procedures"),
        # a treatment asked of a symptom: the treatment sections, not the symptom bullet
        ("what is trousseau syndrome", "how do they treat it", "Treatment and Management"),
        ("what kidney problems can pns cause", "what treatment helps with those", "Treatment and Management"),
    ],
)
def test_the_new_ask_leads_the_answer_not_the_previous_subject(warm_assistant, earlier: str, question: str,
                                                                wanted: str) -> None:
    answer = warm_assistant.ask(question, history=_turns((earlier, "(reply)")))
    assert answer.status == "answered"
    assert answer.citations[0].section.startswith(wanted), [c.section for c in answer.citations]


def test_a_follow_up_the_article_cannot_answer_stays_not_found(warm_assistant) -> None:
    answer = warm_assistant.ask("how much do they cost", history=_turns(("what treatments are there for pns", "(reply)")))
    assert answer.status == "not_found"


def test_a_follow_ups_question_vectors_are_embedded_in_one_batch(warm_assistant, monkeypatch) -> None:
    """The rewrite's and the ask's vectors come from one forward pass; the retrievals then read the recent-question cache."""
    retriever = warm_assistant.parts().retriever
    encoder = retriever.index.embedder.warm_up()  # the bundled numpy encoder behind the question cache
    questions = ["how would a nurse check for paraneoplastic syndromes in the nerves", "check nerves lambert eaton syndrome"]
    batches: list[list[str]] = []
    encode = encoder.encode
    monkeypatch.setattr(encoder, "encode", lambda texts, *a, **k: batches.append(list(texts)) or encode(texts, *a, **k))
    prefetch(retriever, questions)
    for question in questions:
        retriever.retrieve(question)
    wanted = {t for q in questions for t in (focus_query(retrieval_query(q)), retrieval_query(q))}
    assert len(batches) == 1 and len(batches[0]) == len(wanted)
