"""Stand-in chosen sentences and their article units for the block cuts' tests (assistant/off_topic.py,
assistant/relevance_cut.py).

Why one helper: both cuts read the same three things, a sentence's chunk, its unit (section, index, bullet) and the
list it belongs to; written twice the stand-ins drifted apart. Each test adds what its cut scores by (a cosine, a
probability) keyed by the chunk id `c<n>`.
"""

from __future__ import annotations

from types import SimpleNamespace


def stand_in_blocks(rows: list[tuple[str, int, bool]]) -> tuple[list[SimpleNamespace], SimpleNamespace]:
    """rows: (section, unit index, is_bullet) -> the chosen sentences (chunk ids c0, c1, ...) and an enriched
    stand-in whose `for_sentence`, `list_members` and `predecessor` answer as the enrichment does."""
    chosen, units = [], {}
    for n, (section, index, bullet) in enumerate(rows):
        chunk = SimpleNamespace(id=f"c{n}")
        units[chunk.id] = SimpleNamespace(unit=SimpleNamespace(section_id=section, index=index, is_bullet=bullet,
                                                               is_lead_in=False), needs_previous=False)
        chosen.append(SimpleNamespace(sentence=SimpleNamespace(chunk=chunk, index=0, text=f"s{n}"), score=0.0))
    by_section: dict[str, list] = {}
    for u in units.values():
        by_section.setdefault(u.unit.section_id, []).append(u)
    enriched = SimpleNamespace(
        for_sentence=lambda s: units[s.chunk.id],
        list_members=lambda item: [u for u in by_section[item.unit.section_id] if u.unit.is_bullet],
        predecessor=lambda item: None)
    return chosen, enriched
