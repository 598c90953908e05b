"""A question's clarifying tail (assistant/clarifying_tail.py): what counts as one, and the cut against the head.

Why these cases: a short guess after a comma or dash is a tail, a second question or a bare subject before the comma
is not; a block far under the best one's cosine with the head goes unless it names a head word; on the real index the
tail's generic word ("blood") no longer brings the Hematologic symptom bullet beside the tests, while a tail that
answers the head ("lung maybe?") keeps the sentence naming a head word.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from assistant.clarifying_tail import HEAD_GAP, drop_tail_pulled, split_tail


@pytest.mark.parametrize(("question", "head"), [
    ("how do they test for pns, is it a blood test?", "how do they test for pns"),
    ("which cancers is it linked to, lung maybe?", "which cancers is it linked to"),
    ("after treatment whats the long term plan - physio?", "after treatment whats the long term plan"),
    ("what skin problems can it cause, a rash?", "what skin problems can it cause"),
])
def test_a_short_guess_after_a_comma_or_dash_is_a_tail(question: str, head: str) -> None:
    assert split_tail(question)[0] == head  # type: ignore[index]


@pytest.mark.parametrize("question", [
    "what are the symptoms, and how is it treated",          # a second ask
    "what are the symptoms, what tests do they run",          # a question of its own
    "pns, what is it",                                        # no head to speak of
    "how do they test for it, i had a blood test last week and they said the numbers were off",  # a story, not a guess
    "how do they test for it",                                # no tail
])
def test_a_second_question_a_bare_subject_or_a_long_story_is_no_tail(question: str) -> None:
    assert split_tail(question) is None


def _setup(cosines: list[float]):
    """Stand-ins: one prose sentence per section at the given cosines with the head vector."""
    chosen, vectors, units = [], {}, {}
    for n, cos in enumerate(cosines):
        chunk = SimpleNamespace(id=f"c{n}")
        vectors[chunk.id] = np.array([[cos, float(np.sqrt(1 - cos * cos))]], dtype=np.float32)
        units[chunk.id] = SimpleNamespace(unit=SimpleNamespace(section_id=f"s{n}", index=0, is_bullet=False,
                                                               is_lead_in=False), needs_previous=False)
        chosen.append(SimpleNamespace(sentence=SimpleNamespace(chunk=chunk, index=0, text=f"s{n}")))
    enriched = SimpleNamespace(for_sentence=lambda s: units[s.chunk.id], list_members=lambda item: [],
                               predecessor=lambda item: None)
    bank = SimpleNamespace(vectors=lambda chunk_id: vectors[chunk_id])
    return chosen, bank, enriched, np.array([1.0, 0.0], dtype=np.float32)


def test_a_block_far_under_the_head_goes_unless_it_names_a_head_word() -> None:
    far = 0.7 - HEAD_GAP - 0.05
    chosen, bank, enriched, head = _setup([0.7, 0.6, far])
    assert drop_tail_pulled(chosen, head, bank, enriched, lambda m: True, lambda s: False) == chosen[:2]
    named = lambda s: s is chosen[2]  # noqa: E731
    assert drop_tail_pulled(chosen, head, bank, enriched, lambda m: True, named) == chosen


def test_the_tails_generic_word_brings_no_sentence_from_another_section(warm_assistant) -> None:
    answer = warm_assistant.ask("how do they test for pns, is it a blood test?")
    assert "Autoantibody panels" in answer.answer
    assert "pale skin" not in answer.answer and "too many red blood cells" not in answer.answer
    lung = warm_assistant.ask("which cancers is it linked to, lung maybe?")
    assert "small cell lung cancer" in lung.answer and "closely linked to paraneoplastic neurological" in lung.answer
