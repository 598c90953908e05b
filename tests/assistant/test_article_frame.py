"""The article's framing sentences leave an answer with something else to show (assistant/article_frame.py).

Why these cases: "Imagine experiencing ..." and the sentence leaning on it ("This is a common presentation ...") go
beside a real answer; a question about the article itself keeps its frame; an answer of nothing but the frame is left
as it is (the support gate, not this step, decides whether there is an answer).
"""

from __future__ import annotations

from types import SimpleNamespace

from assistant.article_frame import drop_frame, frames

IMAGINE = "Imagine experiencing neurological problems, only to discover that they are not caused directly by a tumor."
LEANS = "This is a common presentation for an individual with paraneoplastic syndrome."
ARTICLE = "This article comprehensively examines paraneoplastic syndromes, covering their causes."
FACT = "Cancer Treatment: Surgery, chemotherapy, radiation therapy, or targeted therapy to remove or shrink the tumor."


def _setup(texts: list[str]):
    """Chosen stand-ins for `texts`, and an enrichment where LEANS points back to IMAGINE."""
    units = {t: SimpleNamespace(unit=SimpleNamespace(text=t), needs_previous=t == LEANS) for t in texts + [IMAGINE]}
    chosen = [SimpleNamespace(sentence=SimpleNamespace(text=t)) for t in texts]
    enriched = SimpleNamespace(for_sentence=lambda s: units[s.text],
                               predecessor=lambda item: units[IMAGINE] if item.unit.text == LEANS else None)
    return chosen, enriched


def test_the_frame_and_what_leans_on_it_go_beside_a_fact() -> None:
    chosen, enriched = _setup([IMAGINE, LEANS, FACT, ARTICLE])
    assert [s.sentence.text for s in drop_frame(chosen, "what is the surgery for in pns", enriched)] == [FACT]
    assert frames(chosen[1], enriched) and not frames(chosen[2], enriched)


def test_a_question_about_the_article_keeps_its_frame() -> None:
    chosen, enriched = _setup([ARTICLE, FACT])
    assert drop_frame(chosen, "what does this article cover", enriched) == chosen
    assert drop_frame(chosen, "what imaging does the article suggest", enriched) == chosen[1:]


def test_an_answer_of_only_the_frame_is_left_as_it_is() -> None:
    chosen, enriched = _setup([IMAGINE, LEANS])
    assert drop_frame(chosen, "is pns common", enriched) == chosen
