"""Which sentence opens an answer (assistant/answer_lead.py)."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.answer_lead import new_first


@dataclass(frozen=True)
class _Chunk:
    id: str


@dataclass(frozen=True)
class _Sentence:
    display: str
    chunk: _Chunk


def _s(text: str, chunk: str) -> _Sentence:
    return _Sentence(text, _Chunk(chunk))


def test_a_repeat_is_found_in_the_previous_answer_text_whatever_its_spacing_and_case() -> None:
    previous = "NEUROLOGICAL: Disorders affecting the brain,  spinal cord. [1]\n\n---\nDisclaimer."
    repeat = _s("Neurological: Disorders affecting the brain, spinal cord.", "a")
    new = _s("Some patients experience partial recovery.", "b")
    assert new_first([repeat, new], previous) == [new, repeat]


def test_new_passages_lead_a_follow_up_and_the_repeat_follows() -> None:
    repeat = _s("Neurological: Disorders affecting the brain.", "types")
    new_a = _s("Some patients experience partial or full recovery.", "outlook")
    new_b = _s("However, others may have chronic issues.", "outlook")
    assert new_first([repeat, new_a, new_b], "Neurological: Disorders affecting the brain. [1]") == [new_a, new_b, repeat]


def test_nothing_moves_without_a_leading_repeat_or_a_fresh_passage() -> None:
    repeat = _s("Neurological: Disorders affecting the brain.", "types")
    new = _s("Some patients experience partial or full recovery.", "outlook")
    previous = "Neurological: Disorders affecting the brain. [1]"
    assert new_first([new, repeat], previous) == [new, repeat]
    assert new_first([repeat], previous) == [repeat]
    assert new_first([repeat, new], "") == [repeat, new]


def test_a_passage_with_a_new_sentence_is_not_a_repeat() -> None:
    repeat = _s("Neurological: Disorders affecting the brain.", "types")
    sibling = _s("Endocrine: Hormonal problems.", "types")
    other = _s("Some patients recover.", "outlook")
    assert new_first([repeat, sibling, other], "Neurological: Disorders affecting the brain.") == [repeat, sibling, other]
