""""tell me more" after an answer that showed one list item: the item's mentions in the article's other lists.

Why: such a turn asks for more about that item, but the chapter's next sentences (assistant/next_passages.py) are the
item's siblings ("what are the skin symptoms" -> "Skin Changes: ..."; "tell me more" -> "Rheumatologic: ...",
"Hematologic: ..."), another subject each. The article speaks of each family twice, as a type ("Dermatologic: Skin
conditions such as dermatomyositis ...") and as symptoms ("Skin Changes: Rashes, itching ..."), and of a symptom
again in a sibling's later sentence ("Clotting disorders" -> "... abnormal blood cell levels or clotting problems").
Which mention is the item's is read from the bundled sentence model on the labels (the words before a bullet's
colon: "Endocrine" ~ "Hormonal" 0.65, "Skin Changes" ~ "Dermatologic" 0.61; an unlabelled sentence by its whole
text), as assistant/family_signs.py pairs a type with its symptoms; whole bullets are closest to their own siblings
by their shared form. Below MENTION_FLOOR there is no clear mention ("Lumbar Puncture" is closest to nothing) and
the chapter's next sentences are shown as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re

from assistant.family_signs import label_of
from assistant.shown_units import ArticleUnits, composed
from foundation.vectors import unit_rows

if TYPE_CHECKING:
    import numpy as np

    from assistant.compose import Composition
    from assistant.followup import FollowUp
    from assistant.sentences import SentenceBank
    from index.chunk_sentences import Sentence

MENTION_FLOOR = 0.55  # label cosine of a clear parallel ("Skin Changes" ~ "Dermatologic" 0.61); unrelated ones < 0.5
NAMED_MENTIONS = 2   # sentences naming the item shown at most: the closest two by label cosine
MAX_NAMING = 3       # a label part named by more sentences than this elsewhere is a common word, not the item's name
_CONJUNCTS = re.compile(r"\s*(?:,|\band\b|\bor\b|\(|\))\s*", re.IGNORECASE)


def labelled(sentence: "Sentence") -> bool:
    """A list item with a label before its colon ("Endocrine: ...")."""
    return sentence.is_bullet and ":" in sentence.text.rstrip().rstrip(":")


def label_text(sentence: "Sentence") -> str:
    """What is compared: a labelled item's label, any other sentence's whole text."""
    return label_of(sentence) if labelled(sentence) else sentence.text


def mention_composition(composition: "Composition", followup: "FollowUp", units: ArticleUnits,
                        bank: "SentenceBank") -> "Composition | None":
    """The one shown list item's closest mention elsewhere, whole and not shown yet (module docstring); None when
    the last answer showed no single labelled item or no mention is clear, so the caller continues the chapter.
    `units`: the loaded build's (`Parts.article_units`, built once per index)."""
    quoted = units.quoted_units(followup.previous_answer)
    if len(quoted) != 1 or not labelled(units.sentences[quoted[0]]):
        return None
    best = _closest_mention(units, quoted[0], followup.shown, bank)
    found = [best] if best is not None else _named_mentions(units, quoted[0], followup.shown, bank)
    picked = dict.fromkeys(i for b in found for i in units.members(units.unit_of[b]) if units.showable(i, followup.shown))
    chosen = [units.sentences[i] for i in picked]
    return composed(composition, chosen) if chosen else None


def label_vectors(units: ArticleUnits, bank: "SentenceBank") -> "np.ndarray":
    """Every article sentence's label (or text, label_text) as a unit-length row: one fixed batch, embedded once per
    loaded bank; a "tell me more" and an "any others?" (assistant/list_ends.py) both compare labels by it."""
    return unit_rows(bank.embed_once([label_text(s) for s in units.sentences]))


def _closest_mention(units: ArticleUnits, item: int, shown: str, bank: "SentenceBank") -> int | None:
    """The sentence whose label (or text) is closest to the item's label, outside the item's own unit and never a
    sibling item's opening; None below MENTION_FLOOR."""
    head = units.sentences[item]
    vectors = label_vectors(units, bank)
    sims = vectors @ vectors[item]
    best, score = None, MENTION_FLOOR
    for i, s in enumerate(units.sentences):
        sibling = s.is_bullet and s.chunk.section_id == head.chunk.section_id
        if units.unit_of[i] == item or sibling or not units.showable(i, shown):
            continue
        if sims[i] >= score:
            best, score = i, float(sims[i])
    return best



def _named_mentions(units: ArticleUnits, item: int, shown: str, bank: "SentenceBank") -> list[int]:
    """The sentences outside the item's unit, and not its siblings, that name one of its label's parts whole
    ("Plasmapheresis and Intravenous Immunoglobulin (IVIG)" -> "plasmapheresis" in a takeaway; "Physical Therapy and
    Rehabilitation" -> "physical therapy" in the long-term care sentence), the closest NAMED_MENTIONS by label cosine.

    Why words when no label is close: the item's other mentions are mostly not list labels but sentences that name it
    again among other things (a takeaway, a long-term plan), whose whole text is far from a short label by the sentence
    model; each names the item in the article's own word, so its stems are found whole in the sentence."""
    from assistant.sentences import content_terms

    head = units.sentences[item]
    parts = [content_terms(p) for p in _CONJUNCTS.split(label_of(head)) if p.strip()]
    parts = [p for p in parts if p]
    if not parts:
        return []
    sims = label_vectors(units, bank) @ label_vectors(units, bank)[item]
    naming: list[set[int]] = [set() for _ in parts]
    for i, s in enumerate(units.sentences):
        if units.unit_of[i] == units.unit_of[item] or (s.is_bullet and s.chunk.section_id == head.chunk.section_id):
            continue
        terms = content_terms(s.text)
        for part, found in zip(parts, naming):
            if all(bank.overlap({t}, terms) for t in part):
                found.add(i)
    # a part many sentences name is no name of the item ("Early diagnosis and treatment": every sentence on treatment)
    named = {i for found in naming if len(found) <= MAX_NAMING for i in found if units.showable(i, shown)}
    return sorted(named, key=lambda i: -float(sims[i]))[:NAMED_MENTIONS]
