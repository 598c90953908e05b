"""A unit's sentences are found through the article's chunks indexed once: the same chunks, in the same order, as
scanning every chunk for each unit."""

from __future__ import annotations

import pytest

from assistant.unit_sentences import UnitSentences
from index.models import Chunk


def _chunk(name: str, start: int, end: int, source_id: str = "article") -> Chunk:
    return Chunk(id=name * 32, source_id=source_id, section_id="s", section_path=["Sec"], position=0,
                 text="x" * (end - start), start=start, end=end)


def _scan(chunks: list[Chunk], start: int, end: int) -> list[Chunk]:
    return sorted((c for c in chunks if c.source_id == "article" and c.start < end and start < c.end), key=lambda c: c.start)


CHUNKS = [_chunk("a", 0, 500), _chunk("b", 10, 40), _chunk("c", 40, 90), _chunk("d", 80, 130), _chunk("e", 130, 200),
          _chunk("f", 60, 70, source_id="varki2007"), _chunk("g", 130, 140)]


@pytest.mark.parametrize(("start", "end"), [(0, 5), (35, 45), (85, 86), (130, 131), (129, 131), (200, 300),
                                            (500, 600), (45, 135), (90, 91)])
def test_the_owners_are_the_overlapping_article_chunks_by_start(start: int, end: int) -> None:
    """A long chunk ('a') reaches past shorter ones after it; a cited source's chunk ('f') is never an owner."""
    units = UnitSentences(CHUNKS, bank=None)  # type: ignore[arg-type]
    assert [c.id[0] for c in units.owners(start, end)] == [c.id[0] for c in _scan(CHUNKS, start, end)]


def test_every_units_sentences_match_a_scan_of_all_chunks(warm_assistant) -> None:
    parts = warm_assistant.parts()
    chunks = list(parts.index.chunks())
    units = UnitSentences(chunks, parts.bank)
    assert parts.enriched is not None and parts.enriched.units
    for unit in parts.enriched.units:
        owners = _scan(chunks, unit.start, unit.end)
        assert units.owners(unit.start, unit.end) == owners
        parts.bank.ensure(owners)
        expected = [s for o in owners for s in parts.bank.sentences(o.id) if unit.start <= o.start + (s.start + s.end) // 2 < unit.end]
        assert units(unit) == expected
