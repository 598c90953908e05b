"""The relevance floor relative to the best shown block (assistant/off_topic.py), with stand-in sentences and units.

Why these cases: a far sentence from elsewhere goes; what the completion steps keep together (one labelled list with
every sentence of its items, a paragraph's neighbours) stands or goes as one; each sentence of a bullet outside a
shown list stands or goes on its own; a protected sentence keeps its block.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from stand_in_blocks import stand_in_blocks

from assistant.off_topic import blocks, drop_far_blocks


def _setup(rows: list[tuple[str, int, bool, float]]):
    """rows: (section, unit index, is_bullet, cosine with the question) -> chosen, bank, enriched, question vector."""
    chosen, enriched = stand_in_blocks([row[:3] for row in rows])
    vectors = {f"c{n}": np.array([[cos, float(np.sqrt(1 - cos * cos))]], dtype=np.float32)
               for n, (*_, cos) in enumerate(rows)}
    bank = SimpleNamespace(vectors=lambda chunk_id: vectors[chunk_id])
    return chosen, bank, enriched, np.array([1.0, 0.0], dtype=np.float32)


def test_a_far_sentence_goes_and_a_near_one_stays() -> None:
    chosen, bank, enriched, q = _setup([("a", 0, False, 0.8), ("b", 3, False, 0.7), ("c", 1, False, 0.4)])
    assert drop_far_blocks(chosen, q, bank, enriched, lambda m: True) == chosen[:2]


def test_a_protected_sentence_keeps_its_block() -> None:
    chosen, bank, enriched, q = _setup([("a", 0, False, 0.8), ("c", 1, False, 0.4)])
    assert drop_far_blocks(chosen, q, bank, enriched, lambda m: True, protected=lambda s: s is chosen[1]) == chosen


def test_a_labelled_list_and_a_paragraph_stand_or_go_together() -> None:
    rows = [("list", 0, True, 0.8), ("list", 1, True, 0.3), ("para", 4, False, 0.7), ("para", 5, False, 0.2),
            ("else", 9, False, 0.3)]
    chosen, bank, enriched, q = _setup(rows)
    assert sorted(map(sorted, blocks(chosen, enriched, lambda m: True))) == [[0, 1], [2, 3], [4]]
    assert drop_far_blocks(chosen, q, bank, enriched, lambda m: True) == chosen[:4]
    # a list of statements (not labelled) is no block: its far item goes alone
    assert drop_far_blocks(chosen, q, bank, enriched, lambda m: False) == [chosen[0], chosen[2], chosen[3]]


def test_one_block_is_left_as_it_is() -> None:
    chosen, bank, enriched, q = _setup([("list", 0, True, 0.9), ("list", 1, True, 0.1)])
    assert drop_far_blocks(chosen, q, bank, enriched, lambda m: True) == chosen


def _bullet_setup(rows: list[tuple[str, int, int, float]]):
    """rows: (section, unit index, sentence index in the unit, cosine): sentences of one (section, unit) share a unit."""
    chosen, vectors, units, by_key = [], {}, {}, {}
    for n, (section, index, sentence_index, cos) in enumerate(rows):
        chunk = SimpleNamespace(id=f"c{n}", start=1000)
        vectors[chunk.id] = np.array([[cos, float(np.sqrt(1 - cos * cos))]], dtype=np.float32)
        unit = by_key.setdefault((section, index), SimpleNamespace(
            unit=SimpleNamespace(section_id=section, index=index, is_bullet=True, is_lead_in=False), needs_previous=False))
        units[chunk.id] = unit
        # each sentence the first of its own chunk (one bullet's sentences can sit in two): only `start` orders them
        sentence = SimpleNamespace(chunk=chunk, index=0, start=sentence_index * 100, text=f"s{n}")
        chosen.append(SimpleNamespace(sentence=sentence))
    enriched = SimpleNamespace(
        for_sentence=lambda s: units[s.chunk.id],
        list_members=lambda item: [u for k, u in by_key.items() if k[0] == item.unit.section_id],
        predecessor=lambda item: None)
    bank = SimpleNamespace(vectors=lambda chunk_id: vectors[chunk_id])
    return chosen, bank, enriched, np.array([1.0, 0.0], dtype=np.float32)


def test_a_bullet_outside_a_shown_list_is_no_block() -> None:
    """"too many red blood cells" is the Hematologic bullet's third sentence: its far label head and far second
    sentence go, each on its own relevance; near enough, they stay."""
    rows = [("symptoms", 6, 2, 0.8), ("symptoms", 6, 0, 0.2), ("symptoms", 6, 1, 0.4)]
    chosen, bank, enriched, q = _bullet_setup(rows)
    assert drop_far_blocks(chosen, q, bank, enriched, lambda m: True) == chosen[:1]
    rows[1:] = [("symptoms", 6, 0, 0.7), ("symptoms", 6, 1, 0.6)]
    chosen, bank, enriched, q = _bullet_setup(rows)
    assert drop_far_blocks(chosen, q, bank, enriched, lambda m: True) == chosen


def test_a_shown_list_keeps_every_sentence_of_its_items() -> None:
    rows = [("symptoms", 4, 0, 0.8), ("symptoms", 4, 1, 0.2), ("symptoms", 5, 0, 0.7), ("other", 1, 0, 0.3)]
    chosen, bank, enriched, q = _bullet_setup(rows)
    assert drop_far_blocks(chosen, q, bank, enriched, lambda m: True) == chosen[:3]
