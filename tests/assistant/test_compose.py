"""The extractive composer: which sentences answer a question, in reading order, markers by first appearance."""

from __future__ import annotations

import re

import pytest

from assistant.compose import arrange, render
from assistant.sentences import split_sentences
from index.models import Chunk


def _chunk(text: str, start: int = 100) -> Chunk:
    return Chunk(id="x" * 32, source_id="article", section_id="s", section_path=["Sec", "Sub"], position=0,
                 text=text, start=start, end=start + len(text))


def test_markers_follow_first_appearance_and_neighbours_merge() -> None:
    from assistant.compose import Scored

    a = _chunk("First sentence here now. Second sentence here now. Third sentence here now.")
    b = Chunk(**{**a.model_dump(), "id": "y" * 32, "section_id": "t", "position": 7, "text": "Other passage sentence one here."})
    sa, sb = split_sentences(a), split_sentences(b)
    chosen = [Scored(sb[0], 0.9, 0.9, 0.9, 2), Scored(sa[2], 0.8, 0.8, 0.8, 1), Scored(sa[0], 0.7, 0.7, 0.7, 1),
              Scored(sa[1], 0.6, 0.6, 0.6, 1)]
    quotes = arrange(chosen)
    assert [(q.chunk.id[0], q.marker, len(q.sentences)) for q in quotes] == [("y", 1, 1), ("x", 2, 3)]
    body = render(quotes)
    assert body == ("Other passage sentence one here. [1] First sentence here now. Second sentence here now. "
                    "Third sentence here now. [2]")
    assert quotes[1].text == a.text


def test_sentences_of_one_section_keep_the_article_order() -> None:
    from assistant.compose import Scored

    first = _chunk("- Neurological: Disorders of the brain and nerves.")
    second = Chunk(**{**first.model_dump(), "id": "z" * 32, "position": 1, "text": "- Endocrine: Hormonal imbalances here."})
    quotes = arrange([Scored(split_sentences(second)[0], 0.9, 0.9, 0.9, 1), Scored(split_sentences(first)[0], 0.8, 0.8, 0.8, 2)])
    assert render(quotes) == "Neurological: Disorders of the brain and nerves. [1] Endocrine: Hormonal imbalances here. [2]"


def test_a_parent_sections_opening_leads_its_subsections() -> None:
    from assistant.compose import Scored

    item = Chunk(**{**_chunk("- Imaging: Scans look for hidden tumors here.").model_dump(), "section_id": "diag/tests",
                    "position": 5})
    other = Chunk(**{**item.model_dump(), "id": "w" * 32, "section_id": "diag/differential", "position": 7,
                     "text": "Diagnosing it is challenging for many reasons."})
    opening = Chunk(**{**item.model_dump(), "id": "v" * 32, "section_id": "diag", "position": 4,
                       "text": "Since symptoms vary widely, tests are combined."})
    chosen = [Scored(split_sentences(c)[0], p, p, p, 1) for c, p in ((item, 0.9), (other, 0.8), (opening, 0.7))]
    assert [q.chunk.section_id for q in arrange(chosen)] == ["diag", "diag/tests", "diag/differential"]


def test_non_adjacent_sentences_of_one_chunk_get_separate_quotes() -> None:
    from assistant.compose import Scored

    a = _chunk("One sentence is here. Two sentence is here. Three sentence is here.")
    s = split_sentences(a)
    quotes = arrange([Scored(s[0], 0.9, 0.9, 0.9, 1), Scored(s[2], 0.8, 0.8, 0.8, 1)])
    assert [q.text for q in quotes] == ["One sentence is here.", "Three sentence is here."]
    assert [q.marker for q in quotes] == [1, 2]


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
    ("question", "expected"),
    [("Which cancers are linked to paraneoplastic syndromes?", True), ("What symptoms can they cause?", True),
     ("How is it diagnosed?", True), ("What are the main types?", True), ("What is Trousseau syndrome?", False),
     ("What does this syndrome mean?", False), ("Why is it so hard to get the right diagnosis?", False),
     # a yes/no question asks whether something holds, not for the items; "are there ..." / "can you ..." still do
     ("can other kinds of cancer cause it too", False), ("do all patients recover", False),
     ("are there other kinds of treatment", True), ("does it have different types of symptoms", False)],
)
def test_list_questions_are_recognised(question: str, expected: bool) -> None:
    from assistant.compose import asks_for_list

    assert asks_for_list(question) is expected


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
