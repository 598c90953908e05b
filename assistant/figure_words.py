"""A figure asked by a word of a figure noun's family that the figure pattern does not list ("how expensive is the
plasma exchange", "is ivig affordable").

Why: the support gate refuses a figure the passages never state (assistant/abstention.NUMBER_ASK), but only for the
words its pattern lists ("cost", "price", "what age"), so the same ask in other words ("expensive", "affordable",
"cheap", a bare "age") was answered with the treatment or test sentences around it, while its other wordings were
refused (eval/data/paraphrase_check.jsonl). The family is read from the bundled sentence model, not from a list of
synonyms: a question word the corpus never uses, whose MiniLM cosine with a figure noun reaches that noun's bound, asks
for that figure. Measured over the 8,000 most frequent English words: "cost" at 0.65 gathers costs, prices, priced,
pricing, expensive, cheap(er, est), fee(s), affordable and nothing else ("budget" 0.62, "sale" 0.58 stay out).
Left out: "age", whose family at any bound that keeps "ages" also holds "older", "young", "old" and "years"
(0.61-0.79), groups of people and durations that other checks read; and the corpus's own furniture holds "age", so a
bare "typical age" is still answered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from foundation.vectors import unit_rows

# A figure noun the article never states, and the cosine a word must reach to be of its family.
FIGURE_FAMILIES = {"cost": 0.65}
_WORD = re.compile(r"[a-z]+")
MIN_LETTERS = 3


def figure_texts(question: str, vocab: frozenset[str], is_stopword: Callable[[str], bool]) -> list[str]:
    """What figure_word embeds for `question`: the figure nouns, then the words it reads (none: nothing to embed).
    Its own function so that a question's texts can be embedded ahead in one batch (assistant/ask_vectors.py)."""
    words = sorted({w for w in _WORD.findall(question.lower())
                    if len(w) >= MIN_LETTERS and w not in vocab and not is_stopword(w)})
    return [*FIGURE_FAMILIES, *words] if words else []


def figure_word(question: str, vocab: frozenset[str], is_stopword: Callable[[str], bool],
                embed: Callable[[Sequence[str]], Sequence[Sequence[float]]]) -> str | None:
    """The figure noun a word of `question` asks for (module docstring), else None. Only a word the corpus never uses
    (`vocab`) is read, and no stopword: a word of the article is the article's to answer."""
    texts = figure_texts(question, vocab, is_stopword)
    if not texts:
        return None
    nouns = list(FIGURE_FAMILIES)
    words = texts[len(nouns):]
    vectors = unit_rows(embed(texts))
    scores = vectors[len(nouns):] @ vectors[:len(nouns)].T
    best = max(((float(scores[i, j]), noun) for i in range(len(words)) for j, noun in enumerate(nouns)
                if scores[i, j] >= FIGURE_FAMILIES[noun]), default=None)
    return best[1] if best is not None else None
