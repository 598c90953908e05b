"""The article's own frame ("Imagine experiencing ...", "This article comprehensively examines ...") leaves an answer
that has something else to show, unless the question asks about the article itself.

Why: these sentences introduce the article; they state no fact a question about the condition asks for. The composer
already scores them down (compose.FRAMING_FACTOR) but they still come in where the words or the ranker find nothing
better: "what is the surgery for in pns" showed "Imagine experiencing ..." and its follow-on "This is a common
presentation for an individual with paraneoplastic syndrome.", "what imaging does the article suggest" showed "This
article comprehensively examines ...". On the hand-labelled precision banks' studied parts (precision_check3 to 7)
every framing sentence shown was labelled as not helping (6 of 6), and no required fact of any bank or of eval set v2
is one. A sentence that leans on a framing one (the enrichment's needs-previous flag: "This is a common presentation
...") goes with it: without it, it points at nothing. A follow-up too (round 14): its rewrite carries the corpus's
subject into the question ("where is it more common" after "is pns common" is searched as "where is paraneoplastic
syndromes more common"), and "This is a common presentation for an individual with paraneoplastic syndrome." then
matches it on words (tests/assistant/test_enriched_compose.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from assistant.compose import FRAMING

if TYPE_CHECKING:
    from assistant.compose import Scored
    from assistant.enriched import EnrichedUnits

# A question about the article itself ("what does this article cover", "what is the article about", "summary of the
# article"): there the frame is the answer.
ABOUT_ARTICLE = re.compile(
    r"\b(?:article|page|text|piece)\b.*\b(?:cover|about|examin|discuss|topic|summar|overview|purpose|aim|introduc)"
    r"|\b(?:cover|about|examin|discuss|topics?|summar\w*|overview|purpose|aim|introduc\w*)\b.*\b(?:article|page|piece)\b",
    re.IGNORECASE)


def frames(sentence: "Scored", enriched: "EnrichedUnits") -> bool:
    """Is this a framing sentence, or one that leans on the framing sentence before it?"""
    if FRAMING.match(sentence.sentence.text):
        return True
    item = enriched.for_sentence(sentence.sentence)
    if item is None or not item.needs_previous:
        return False
    previous = enriched.predecessor(item)
    return previous is not None and bool(FRAMING.match(previous.unit.text))


def drop_frame(chosen: Sequence["Scored"], question: str, enriched: "EnrichedUnits") -> list["Scored"]:
    """`chosen` less its framing sentences and those leaning on them, unless that leaves nothing or the question
    asks about the article itself (ABOUT_ARTICLE)."""
    if ABOUT_ARTICLE.search(question):
        return list(chosen)
    kept = [s for s in chosen if not frames(s, enriched)]
    return kept if kept else list(chosen)
