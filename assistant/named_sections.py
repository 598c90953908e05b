"""A short section whose own heading the question names is shown whole, when the answer's best sentence is in it.

Why: the article's headings say what each section answers ("Future Directions and Research", "Long-Term Management
Strategies", "Initial Clinical Assessment"). A question naming one ("whats being researched", "what does long term
follow up involve") asks what that section says, and its few sentences each carry part of it; the relevance cut kept
the one that scored best and dropped the rest ("New treatments ... are being developed" without "Several clinical
trials are investigating novel drugs ...", self-written keyfact_check9 bank; "Patients may need long-term
neurological monitoring ..." without "Ongoing medical care is essential because some symptoms may persist even after
cancer treatment"). Paragraph completion (assistant/paragraphs.py) completes a paragraph, not a
section of two paragraphs. Only short prose sections with no subsections (at most MAX_SENTENCES units, no bullet:
a list has its own completion), only the section of the answer's best sentence and only a rare heading word
(label_focus.HEADING_WEIGHT, through label_focus.names_heading) count.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from assistant.compose import Scored
from assistant.label_focus import names_heading
from assistant.sentences import content_terms
from assistant.unit_sentences import UnitSentences

if TYPE_CHECKING:
    from assistant.enriched import EnrichedUnit, EnrichedUnits
    from assistant.sentences import SentenceBank

MAX_SENTENCES = 3  # a longer section says several things; a heading word does not ask for all ("Prevalence in Different
# Regions", 4: "why are reported numbers low in some regions" is answered by its underreporting sentence, keyfact_check)


def short_sections(enriched: "EnrichedUnits") -> dict[str, list["EnrichedUnit"]]:
    """Sections of prose only (no bullet), with no subsections, of at most MAX_SENTENCES units: their units."""
    parents = {u.unit.section_id.rsplit("/", 1)[0] for u in enriched.units if "/" in u.unit.section_id}
    sections: dict[str, list["EnrichedUnit"]] = {}
    for u in enriched.units:
        sections.setdefault(u.unit.section_id, []).append(u)
    return {sid: members for sid, members in sections.items()
            if sid not in parents and len(members) <= MAX_SENTENCES and not any(m.unit.is_bullet for m in members)}


def with_named_sections(chosen: Sequence[Scored], q_terms: set[str], bank: "SentenceBank",
                        enriched: "EnrichedUnits", units: UnitSentences,
                        add: Callable[[list[Scored], Sequence[Any]], None]) -> list[Scored]:
    """`chosen`, plus the other sentences of the short section (short_sections) that the best chosen sentence is in,
    when the question names its heading (the last title of its path) by a rare word (names_heading) that the best
    sentence does not hold itself (then it speaks of what was named: "is pns linked to ovarian cancer" is answered by
    "... can also be linked to other malignancies", not by the genetics sentence beside it, advice_check4).
    First turns only (the composer's caller): a follow-up's rewrite carries the earlier turn's words, which named
    the long-term section's heading for "what about emotional support" (followup_check7).

    Why only the best one's section: a heading word may be a common verb ("Common Cancers Linked to ..."), and a
    sentence of that section chosen beside the answer ("nephrotic syndrome link to cancer?" answered by the kidney
    bullet) then brought the section's genetics sentence (precision_check3/4)."""
    out = list(chosen)
    if not out:
        return out
    best = max(out, key=lambda s: s.score).sentence
    chunk = best.chunk
    sections = short_sections(enriched)
    heading = content_terms(" ".join(chunk.section_path[-1:])) - bank.terms(chunk.id)[best.index]
    if chunk.source_id == "article" and chunk.section_id in sections and names_heading(q_terms, heading, bank.weights):
        for member in sections[chunk.section_id]:
            add(out, units(member))
    return out
