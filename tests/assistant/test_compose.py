"""The extractive composer: which sentences of the retrieved passages answer a question (the quotes they make:
tests/assistant/test_quotes.py; what a list question is: tests/assistant/test_list_questions.py)."""

from __future__ import annotations

import re

import pytest


def test_composed_answer_is_verbatim_and_on_topic(warm_assistant) -> None:
    from assistant.compose import compose_answer

    retrieval = warm_assistant.parts().retriever.retrieve("What is Trousseau syndrome?")
    composition = compose_answer(retrieval.query, retrieval.query_vector, retrieval.hits, warm_assistant.parts().bank,
                                 full_vector=retrieval.full_vector)
    assert composition.quotes and "Trousseau syndrome causes blood clots" in composition.body
    for quote in composition.quotes:
        assert quote.chunk.text[quote.start : quote.end] == quote.text
        assert quote.chunk.id in {h.chunk.id for h in retrieval.hits}
    assert re.findall(r"\[(\d+)\]", composition.body) == [str(q.marker) for q in composition.quotes]


@pytest.mark.parametrize(
    ("question", "needles"),
    [
        ("Which cancers are linked to paraneoplastic syndromes?", ["small cell lung cancer, breast cancer"]),
        ("What symptoms can paraneoplastic syndromes cause?", ["Muscle weakness", "Unexplained weight gain"]),
        ("How are paraneoplastic syndromes diagnosed?", ["Magnetic resonance imaging", "Autoantibody panels",
                                                         "Electromyography", "Lumbar Puncture"]),
    ],
)
def test_list_questions_get_the_concrete_items(warm_assistant, question: str, needles: list[str]) -> None:
    answer = warm_assistant.ask(question)
    assert answer.status == "answered"
    for needle in needles:
        assert needle in answer.answer, answer.answer
    # a list question shows every item of the list with its lead-in (settings.answer.whole_lists): the article's
    # longest list has 7 items, and a quote may stand beside it
    assert len(answer.citations) <= 10
    assert {c.chunk_id for c in answer.citations} <= set(answer.context_ids)
