"""A claim put to the assistant gets the article's own conclusion on it: the summary sentence closest to the claim.

Why: a misconception is asked as a claim to confirm ("pns only affects the nerves right", "so its basically a type
of cancer right", "is it when the cancer spreads to the brain?"). The body sentences the composer picks share the
claim's words ("Neurological: Disorders affecting the brain ... nerves"), so they seem to agree with it, while the
sentence that corrects it is the article's summary of that topic ("They can affect multiple organ systems, including
the nervous system ...", "... caused by the body's immune response to cancer, not by the tumor itself."): a summary
section (near_duplicates.is_summary, the article's "Key Takeaways") states each section's conclusion, which is what a
wrong belief about that section contradicts. The composer gives way from a summary sentence to its body twins
(near_duplicates.prefer_body), which is right for a question and drops the correction for a claim. So a first turn
that asserts a claim (a confirming tag, or a yes/no ask that narrows, equates or offers two readings) gets the summary
sentences closest to it by the sentence model (the question's focused vector, the subject's name set aside), when about
as close as the body's closest sentence and not shown already. Which summary sentence follows from the vectors and the
article's own structure, not from a table of claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from assistant.yes_no import YES_NO_CLAIM
from foundation.vectors import unit_rows

if TYPE_CHECKING:
    from assistant.compose import Composition
    from assistant.enriched import EnrichedUnits
    from assistant.sentences import Sentence, SentenceBank
    from index.models import Chunk

# A statement handed over for confirmation ends in a tag: "..., right", "... correct?", "..., isnt it", "is that true".
CONFIRMING_TAG = re.compile(r"(?:\b(?:right|correct|true|then|yeah|no)|\b(?:is|isn'?t|aren'?t|doesn'?t|don'?t)\s+(?:it|"
                            r"they|that(?:\s+(?:right|true|correct))?))\s*[?.!]*\s*$", re.IGNORECASE)
# A yes/no question is a claim to correct when it narrows or equates ("does it just affect the nerves", "is it caused by
# the tumor itself", "always", "basically", "the same") or sets two readings side by side ("... or the immune system"):
# what a misconception does. A plain yes/no ask ("can pns be cured", "is it genetic", "do they need an mri") is answered
# by the body; given the summary too, 60 such answers on the studied banks grew by a sentence and gained no fact.
NARROWING = re.compile(r"\b(?:only|just|itself|themselves|always|never|all|every|everyone|basically|same|or)\b",
                       re.IGNORECASE)
# A summary sentence speaks to the claim when it is about as close to it as the body's closest sentence: at most this
# much under it (MiniLM cosine of the claim's focused vector). Studied claims: the correcting summary 0.07 or less under
# the body's best ("only hit the nervous system, correct?": 0.30 against 0.37; "so the tumor itself causes the symptoms
# right": 0.53 against 0.61); summaries that only share a word 0.09-0.22 under it ("Commonly associated cancers ..."
# for "does it matter how aggresive the cancer is", 0.49 against 0.65; for "do they use a PET scan", "Diagnosis
# requires ..." 0.40 against 0.55).
BODY_MARGIN = 0.08
MAX_ADDED = 2


def asserts_claim(question: str) -> bool:
    """The question puts a claim to confirm: a statement ending in a confirming tag ("pns only affects the nerves
    right"), or a yes/no opening (yes_no.YES_NO_CLAIM) whose claim narrows, equates or offers two readings
    (NARROWING: "does it just affect the nerves or other parts too")."""
    return bool(CONFIRMING_TAG.search(question.strip())
                or (YES_NO_CLAIM.match(question) and NARROWING.search(question)))


def closest_conclusions(focus: Sequence[float], sentences: Sequence["Sentence"], vectors: np.ndarray,
                        summary: Sequence[bool], limit: int = MAX_ADDED) -> list["Sentence"]:
    """The summary sentences (those flagged in `summary`) at most BODY_MARGIN under the body's closest sentence to the
    claim, closest first, at most `limit`."""
    scores = vectors @ unit_rows([focus])[0]
    body = [float(x) for x, flag in zip(scores, summary, strict=True) if not flag]
    if not body or all(not flag for flag in summary):
        return []
    floor = max(body) - BODY_MARGIN
    order = [int(i) for i in np.argsort(-scores) if summary[int(i)] and float(scores[int(i)]) >= floor]
    return [sentences[i] for i in order[:limit]]


def continuations(sentences: Sequence["Sentence"], enriched: "EnrichedUnits", chunks: Sequence["Chunk"],
                  bank: "SentenceBank", shown: Sequence["Sentence"] = ()) -> list["Sentence"]:
    """The article's continuation of each of `sentences` that has one, not in `shown`: the next unit of its section
    when that unit is read with it and is no list item (EnrichedUnit.needs_previous: "A thorough diagnostic workup ... is key to distinguishing
    paraneoplastic syndromes from these conditions." after the mimics sentence).

    Why for a claim: the sentence a claim's words reach is often the one that seems to agree with it ("so its basically
    just ms then?" reaches "Conditions such as multiple sclerosis ... can mimic paraneoplastic syndromes"), and what the
    article says next, leaning on it, is where it qualifies that sentence: what the claim denies. The article's own
    order says which sentence continues which; no table of claims."""
    from assistant.unit_sentences import UnitSentences

    units = UnitSentences(chunks, bank)
    texts = {s.text for s in [*sentences, *shown]}
    out: list["Sentence"] = []
    for sentence in sentences:
        item = enriched.for_sentence(sentence)
        after = enriched.successor(item) if item is not None else None
        if after is None or not after.needs_previous or after.unit.is_bullet:
            continue  # a list's next item is a sibling ("They can affect ..." after a takeaway), not a continuation
        for s in units(after):
            if s.text not in texts:
                texts.add(s.text)
                out.append(s)
    return out[:MAX_ADDED]


def add_conclusions(question: str, focus: Sequence[float], composition: "Composition", bank: "SentenceBank",
                    chunks: Sequence["Chunk"], enriched: "EnrichedUnits | None" = None,
                    limit: int = MAX_ADDED) -> "Composition":
    """The composition followed by the `limit` summary sentences closest to the claim the question asserts (module
    docstring) and, with `enriched`, the article's continuation of its best-scored shown sentence (continuations: only
    the sentence the claim reaches; on dev, continuing every shown sentence added "These syndromes are not directly
    caused ..." to three right answers); unchanged when it asserts none, none is close enough, or they are shown
    already."""
    from assistant.comparison import article_sentence_rows, in_given_order
    from assistant.compose import Composition as Composed
    from assistant.near_duplicates import is_summary
    from assistant.quotes import render

    if not asserts_claim(question) or not composition.quotes:
        return composition
    rows = article_sentence_rows(bank, chunks)
    shown = [s for q in composition.quotes for s in q.sentences]
    scores = {(x.sentence.chunk.id, x.sentence.index): x.score for x in composition.scored or []}
    texts = {s.text for s in shown}
    added = [s for s in closest_conclusions(focus, [s for s, _ in rows], unit_rows([v for _, v in rows]),
                                            [is_summary(s.chunk) for s, _ in rows], limit) if s.text not in texts]
    if enriched is not None:  # the continuation of the sentence the claim reaches best, only
        best = max(shown, key=lambda s: scores.get((s.chunk.id, s.index), 0.0))
        added += [s for s in continuations([best], enriched, chunks, bank, shown) if s.text not in {a.text for a in added}]
    if not added:
        return composition
    quotes = in_given_order([*shown, *added])
    return Composed(body=render(quotes), quotes=quotes, scored=composition.scored, support_rank=composition.support_rank,
                    probability=composition.probability)
