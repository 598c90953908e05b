"""A question asking which of two things is better ("is ivig better than plasmapheresis", "mri or ct better?") where
the article names both in one sentence and ranks neither: a comparison the article does not make.

Why its own check: the passages such a question retrieves are exactly on topic (the sentence naming both sides), so
the similarity gate passes them and the answer showed "Plasmapheresis and Intravenous Immunoglobulin (IVIG): These
therapies help ..." as if it said which is better. The article's structure tells the two cases apart without a list
of phrasings: where it names the two sides together as alternatives of one sentence (a bullet that joins them, a list
of scans) and that sentence holds no ranking word (better, worse, than, superior, more effective ...), it treats them
as equals and the honest reply is not_found; where each side has its own sentence ("mri vs lumbar puncture which is
better"), showing what each does is an answer, and it stays one. A group ("more common in men or women") is the
group check's business (assistant/abstention.unknown_group), so "common" and "likely" are no ranking asked here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.sentences import content_terms
from corpus.sentence_split import rough_sentences

# A ranking asked: a judgement word in its comparative form.
_JUDGEMENT = (r"(?:better|worse|safer|superior|inferior|preferred|preferable|"
              r"(?:more|less)\s+(?:effective|accurate|reliable|sensitive|useful|helpful|risky|dangerous))")
_JUDGEMENT_RE = re.compile(rf"\b{_JUDGEMENT}\b", re.IGNORECASE)
_SIDE = r"[a-z0-9][\w/-]*(?:\s+[\w/-]+){0,3}?"  # one to four words
# "is ivig better than plasmapheresis (for pns)", "plasmapheresis better than ivig?"
_THAN = re.compile(rf"^(?:(?:is|are|does|do|would|will|can|could)\s+)?(?P<a>{_SIDE})\s+(?:\w+\s+)?{_JUDGEMENT}\s+than\s+"
                   rf"(?P<b>{_SIDE})(?:\s+(?:for|in|to|when|if|at|with)\b.*)?$", re.IGNORECASE)
# "mri or ct better?", "pet scan vs ct which one finds tumors better", "which is better, ivig or plasmapheresis"
_EITHER = re.compile(rf"(?:^(?:(?:is|are|does|do|would|will|can|could)\s+)?|,\s*|\b(?:between|better|worse|safer)\s+)"
                     rf"(?P<a>{_SIDE})\s+(?:vs\.?|versus|or)\s+(?P<b>{_SIDE})(?:\s+(?:is\s+|are\s+)?{_JUDGEMENT})?\s*$",
                     re.IGNORECASE)
# Where a side ends: what follows it says for what, in whom, or asks again ("which one ...").
_SIDE_END = re.compile(r"\s+(?:for|in|to|when|if|at|with|which|what|whats|who|is|are|does|do|one|\?).*$", re.IGNORECASE)
# Words of the question that name no side: the ranking itself and the article's own subject.
_NOT_A_SIDE = frozenset(content_terms("better worse safer superior inferior preferred preferable more less effective "
                                      "accurate reliable sensitive useful helpful risky dangerous pns paraneoplastic "
                                      "syndrome syndromes it them option options choice one"))
_RANKING_IN_TEXT = re.compile(rf"\bthan\b|{_JUDGEMENT}|\b(?:best|worst|first-line|preferred)\b", re.IGNORECASE)


@dataclass(frozen=True)
class UnrankedSides:
    """The two sides a question ranks and the sentence that names both without ranking them."""

    sides: tuple[str, str]
    sentence: str


def _side_terms(side: str) -> frozenset[str]:
    return frozenset(content_terms(_SIDE_END.sub("", side.strip()))) - _NOT_A_SIDE


def ranked_sides(question: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The content terms of the two sides `question` asks to rank, or None when it asks no ranking of two sides."""
    # the speller's spelt-out forms keep the short one in brackets ("Intravenous Immunoglobulin (IVIG)"): one side
    q = re.sub(r"\s*\([^)]*\)", "", question).strip().lower().rstrip("?!. ")
    if not _JUDGEMENT_RE.search(q):
        return None
    m = _THAN.match(q)
    if m is None:  # the sides before a second ask: "pet scan vs ct which one finds tumors better"
        m = next((e for e in (_EITHER.search(part) for part in re.split(r",?\s+(?=which\b|what\b)", q)) if e), None)
    if m is None:
        return None
    a, b = _side_terms(m.group("a")), _side_terms(m.group("b"))
    if not a or not b or a & b:
        return None
    return a, b


def unranked_sides(question: str, texts: Iterable[str]) -> UnrankedSides | None:
    """The sentence of `texts` (the retrieved passages) that names both sides `question` ranks and ranks neither, or
    None: no ranking asked, no sentence names both sides wholly (every content word of each: "does diet or exercise
    make recovery better" is no pair the nutrition sentence names), or a sentence naming both ranks them."""
    sides = ranked_sides(question)
    if sides is None:
        return None
    a, b = sides
    together = [s for text in texts for s in rough_sentences(text, lines=True)
                if (terms := frozenset(content_terms(s))) and a <= terms and b <= terms]
    if not together or any(_RANKING_IN_TEXT.search(s) for s in together):
        return None
    return UnrankedSides((" ".join(sorted(a)), " ".join(sorted(b))), together[0])
