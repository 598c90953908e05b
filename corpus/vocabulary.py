"""The article's distinct words, as one list every stage derives the same way.

Why its own module: the answering side compares an asked word with the article's words by the sentence model
(assistant/claim_evidence.WordFamily), and embedding those few hundred words takes seconds on two cores, which a
cold `pns ask` cannot afford; the index build embeds them ahead (index/word_vectors.py). Both must start from
the same list, or the stored vectors would be for other words and be embedded again on the first question.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[a-z]+")
MIN_LETTERS = 4  # shorter words are function words or abbreviations, which have no meaningful family


def article_words(text: str) -> list[str]:
    """The text's distinct lower-case words of at least MIN_LETTERS letters, sorted (a stable cache key)."""
    return sorted({w for w in _WORD.findall(text.lower()) if len(w) >= MIN_LETTERS})
