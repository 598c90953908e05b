"""The signs of a syndrome the article names only as an example of a type: the type's bullet brings its symptoms' one.

Why: the article lists each syndrome family twice, as a type ("Neurological: Disorders affecting the brain ... such as
Lambert-Eaton myasthenic syndrome and paraneoplastic cerebellar degeneration.") and as symptoms ("Neurological: Muscle
weakness, difficulty walking, ..."). "what are the signs of lambert eaton" finds the type bullet (it names the
syndrome) but the symptoms bullet names none of the asked words, so the answer showed which family the syndrome is in
and not what it does, beside "Healthcare providers will assess ... any signs of cancer" (the word "signs"). Showing
both bullets for every question was tried in round 10 and added more off-topic quotes than facts; here the pair is
shown only when the question asks for signs or symptoms, a type bullet is shown and no symptoms bullet is. Which
symptoms bullet is the type's is read from the bundled sentence model (the closest label by cosine: "Endocrine" ~
"Hormonal"), not from a table of labels.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.comparison import article_sentences, in_given_order
from foundation.vectors import unit_rows

if TYPE_CHECKING:
    from assistant.compose import Composition
    from assistant.sentences import Sentence, SentenceBank
    from index.models import Chunk

# The two lists, by their headings' words: "Types of Paraneoplastic Syndromes", "Common Symptoms" (a heading with no
# bullets, "Atypical Symptoms", offers none to pair).
TYPES_SECTION = "types"
SYMPTOMS_SECTION = "symptoms"
# Asked by the clinician's word too ("neurological manifestations", "derm findings", "clinical features"), or the lay
# one ("what would you notice").
ASKS_SIGNS = re.compile(r"\b(?:signs?|symptoms?|sxs?|look\s+like|present(?:s|ation)?|manifest(?:s|ations?)?|notice|"
                        r"findings?|features)\b",
                        re.IGNORECASE)
MAX_SHOWN = 4  # the pair and at most two of the composer's other sentences


def under_heading(sentence: "Sentence", heading_word: str) -> bool:
    """The sentence stands in a subsection whose heading has the word (its id's last part: "common-symptoms")."""
    return heading_word in sentence.chunk.section_id.rsplit("/", 1)[-1].split("-")


def label_of(bullet: "Sentence") -> str:
    """A bullet's label, the words before its colon ("Hematologic (blood-related)"); the whole text when it has none."""
    return bullet.text.lstrip("-• ").split(":")[0]


def symptoms_of(type_bullet: "Sentence", bullets: Sequence["Sentence"], bank: "SentenceBank") -> "Sentence | None":
    """The symptoms bullet whose label is closest to the type bullet's by the sentence model, or None when there is
    none. Why labels, not whole bullets: the labels name the family ("Endocrine" ~ "Hormonal" 0.65, "Hematologic" ~
    "Hematologic (blood-related)" 0.91, each next best under 0.5), while whole bullets share their examples' words
    ("Hematologic: ... thrombocytosis" is closer to the clotting bullet, 0.41, than to the blood one). The labels are
    the article's, so their vectors are embedded once per loaded bank (`SentenceBank.embed_once`)."""
    if not bullets:
        return None
    vectors = unit_rows(bank.embed_once([label_of(type_bullet), *map(label_of, bullets)]))
    return bullets[int(np.argmax(vectors[1:] @ vectors[0]))]


def add_family_signs(question: str, composition: "Composition", bank: "SentenceBank",
                     chunks: Sequence["Chunk"]) -> "Composition":
    """The composition with, after each shown type bullet, its family's symptoms bullet (module docstring); the
    composition unchanged when the question asks no signs, or shows no type bullet or already a symptoms one."""
    from assistant.compose import Composition as Composed
    from assistant.quotes import render

    if not ASKS_SIGNS.search(question):
        return composition
    shown = [s for q in composition.quotes for s in q.sentences]
    types = [s for s in shown if s.is_bullet and under_heading(s, TYPES_SECTION)]
    if not types or any(s.is_bullet and under_heading(s, SYMPTOMS_SECTION) for s in shown):
        return composition
    bullets = [s for s in article_sentences(bank, chunks) if under_heading(s, SYMPTOMS_SECTION) and s.is_bullet]
    out: list[Sentence] = []
    for s in shown:
        out.append(s)
        pair = symptoms_of(s, bullets, bank) if s in types else None
        if pair is not None and pair.text not in {x.text for x in out}:
            out.append(pair)
    paired = {s.text for s in types} | {s.text for s in out if s.is_bullet and under_heading(s, SYMPTOMS_SECTION)}
    kept = [s for s in out if s.text in paired]
    others = [s for s in out if s.text not in paired][:max(0, MAX_SHOWN - len(kept))]
    final = [s for s in out if s in kept or s in others]
    quotes = in_given_order(final)
    return Composed(body=render(quotes), quotes=quotes, scored=composition.scored, support_rank=composition.support_rank,
                    probability=composition.probability)
