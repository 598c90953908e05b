"""Multi-part questions: each part is answered on its own, and the answer shows every part's sentences.

Why: "what does ivig do and can people recover completely" has two answers in two sections; one search
for the whole question finds passages for whichever half dominates its vector, and the composer then
shows only that half. Splitting at a conjunction or question mark that starts a new question ("and can",
"and what", "? how ...") and composing each part separately (a few sentences each) answers both halves.
The whole question still decides the support gate, so splitting never makes an unsupported question answerable.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.parts import Parts

QUESTION_WORDS = r"(?:what|whats|how|can|could|is|are|do|does|did|will|would|which|why|when|where|should|who)"
SPLIT = re.compile(rf"(?:\s+and\s+(?={QUESTION_WORDS}\b)|\?\s+(?={QUESTION_WORDS}\b)|\s+also\s+(?={QUESTION_WORDS}\b))",
                   re.IGNORECASE)
PART_SENTENCES = 3
MIN_PART_WORDS = 3
PART_TOP = 5


def split_question(question: str) -> list[str]:
    """The question's parts (one part when it is not a multi-part question)."""
    parts = [p.strip(" ,;?") for p in SPLIT.split(question) if p and p.strip(" ,;?")]
    parts = [p for p in parts if len(p.split()) >= MIN_PART_WORDS]
    return parts if len(parts) >= 2 else [question]


PRONOUN = re.compile(r"\b(?:it|its|they|them|their|this|that|these|those)\b", re.IGNORECASE)
OPENING = re.compile(rf"^\s*(?:{QUESTION_WORDS}\b\s*)(?:(?:is|are|does|do|can|the|a|an|s)\b\s*)*", re.IGNORECASE)


def carry_subject(question_parts: list[str]) -> list[str]:
    """Later parts that point back ("... and when is it used") carry the first part's words.

    Why: "how does plasma exchange work and when is it used" splits into two searches, and "when is it
    used" alone finds whatever "it" means most often in the corpus (the syndrome), not plasma exchange.
    The first part less its question opening ("how does") names what the pronoun points at.
    """
    if len(question_parts) < 2:
        return question_parts
    subject = OPENING.sub("", question_parts[0]).strip()
    if not subject:
        return question_parts
    return [question_parts[0]] + [f"{p} ({subject})" if PRONOUN.search(p) else p for p in question_parts[1:]]


def part_length(part: str) -> int | None:
    """How many sentences a part may take: PART_SENTENCES, or None (the composer decides) for a definition part.

    Why: "what is paraneoplastic syndrome and how is it treated" has a part that names only the subject; with a
    fixed count the composer scores sentences by similarity and shows the article's opening framing ("Imagine
    experiencing ...", "This article ..."); left to decide, it answers such a part with the definition section.
    """
    from assistant.answer_focus import asks_definition_only
    from assistant.retrieval import strip_subject

    return None if asks_definition_only(part, strip_subject(part)) else PART_SENTENCES


def compose_parts(parts: "Parts", retrieval: Any, composition: Any, question_parts: list[str], compose: Any) -> Any:
    """The whole question's composition with every part's sentences merged in (and their passages pooled).

    `compose(retrieval, focus, max_sentences)` is the enriched composer for one retrieval.
    """
    from assistant.compose import Composition, arrange, render
    from index.models import ScoredChunk

    whole = [s for q in composition.quotes for s in q.sentences]
    chosen: dict[tuple[str, int], Any] = {}
    pool = {h.chunk.id: h for h in retrieval.candidates}
    near_a_part: set[tuple[str, int]] = set()
    for part in carry_subject(question_parts):
        sub = parts.retriever.retrieve(part, pool=True)
        focus = sub.query_vector or parts.index.embed_query(sub.query)
        sub_composition = compose(sub, focus, part_length(part))
        near_a_part |= {(x.sentence.chunk.id, x.sentence.index) for x in sub_composition.scored[:PART_TOP]}
        for h in sub.candidates:
            pool.setdefault(h.chunk.id, h)
        for q in sub_composition.quotes:
            for s in q.sentences:
                chosen.setdefault((s.chunk.id, s.index), s)
    kept = [s for i, s in enumerate(whole) if i == 0 or (s.chunk.id, s.index) in near_a_part]
    chosen = {**{(s.chunk.id, s.index): s for s in kept}, **chosen}
    by_key = {(s.sentence.chunk.id, s.sentence.index): s for s in composition.scored}
    from assistant.compose import Scored

    scored = [by_key.get(k) or Scored(s, 0.0, 0.0, 0.0, 99, 0.0) for k, s in chosen.items()]
    quotes = arrange(scored)
    base = len(retrieval.candidates)
    extra = [h for cid, h in pool.items() if cid not in {x.chunk.id for x in retrieval.candidates}]
    retrieval.pool = list(retrieval.candidates) + [
        ScoredChunk(chunk=h.chunk, score=h.score, rank=base + i, retriever="part") for i, h in enumerate(extra, start=1)]
    return Composition(body=render(quotes), quotes=quotes, scored=composition.scored, support_rank=composition.support_rank,
                       probability=composition.probability)
