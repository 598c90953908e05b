"""Prefer the body's own sentence to a summary section's near-duplicate of it.

Why: a summary section (the article's "Key Takeaways") restates body sentences in fewer, broader words
("Long-term outcomes vary; some patients recover fully, while others ..."). Its restatement often scores as well as
the sentence it summarises, so it can be shown *instead of* the body sentence, which is the one that answers with
the detail and sits in the section a reader would look in ("Some patients experience partial or full recovery,
particularly if the cancer is successfully treated early."). When a shown summary sentence has a near-duplicate in
the body (cosine of their vectors at least NEAR_DUPLICATE, the closest ones), those body sentences are shown in
its place. A summary sentence with no close body twin (a true synthesis: "They can affect multiple organ systems,
including ...") stays. No list of sentences: which ones are twins follows from the sentence vectors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.compose import Scored
    from assistant.sentences import Sentence, SentenceBank
    from index.models import Chunk

NEAR_DUPLICATE = 0.7  # a summary sentence and a body sentence this close say the same thing ...
TWIN_MARGIN = 0.02    # ... when no other body sentence comes within this of the closest one
SUMMARY_SECTION = re.compile(r"\b(?:key[- ]takeaways?|summary|conclusions?|key[- ]points|in[- ]brief)\b", re.IGNORECASE)


def is_summary(chunk: "Chunk") -> bool:
    """A chunk of a section that restates the article (by its title or id), not of the body."""
    return any(SUMMARY_SECTION.search(part) for part in (*chunk.section_path, chunk.section_id.replace("-", " ")))


def body_twins(sentence: "Sentence", bank: "SentenceBank", chunks: Sequence["Chunk"]) -> list[tuple["Sentence", Any]]:
    """The body sentences (with their vectors) that say what a summary `sentence` says: those at least NEAR_DUPLICATE
    close to it and within TWIN_MARGIN of the closest ("some recover fully, others have persistent symptoms" has the
    two long-term-outcome sentences; "they can affect multiple organ systems" has none)."""
    import numpy as np

    own = np.asarray(bank.vectors(sentence.chunk.id)[sentence.index], dtype=np.float32)
    scored = []
    for chunk in chunks:
        if is_summary(chunk):
            continue
        vectors = np.asarray(bank.vectors(chunk.id), dtype=np.float32)
        if len(vectors):
            scored += [(float(sim), s, v) for s, v, sim in zip(bank.sentences(chunk.id), vectors, vectors @ own)
                       if not s.is_lead_in]
    best = max((sim for sim, _, _ in scored), default=0.0)
    return [(s, v) for sim, s, v in scored if sim >= max(NEAR_DUPLICATE, best - TWIN_MARGIN)]


def turns(twin: "Sentence", kept: Sequence["Sentence"]) -> bool:
    """Does `twin` turn the thought of a kept twin before it in its section ("Some patients experience partial or full
    recovery ... However, others may have chronic ...")? Then it is the second half of the one point the summary made
    ("some recover fully, while others ..."), whatever words it shares with the question."""
    from assistant.paragraphs import CONTRAST

    return bool(CONTRAST.match(twin.text)) and any(
        k.chunk.section_id == twin.chunk.section_id and k.chunk.start + k.start < twin.chunk.start + twin.start for k in kept)


def prefer_body(chosen: Sequence["Scored"], bank: "SentenceBank", chunks: Sequence["Chunk"],
                as_scored: Callable[["Sentence"], "Scored"],
                names_question: Callable[["Sentence"], bool] | None = None,
                leaned_on: Callable[["Sentence"], bool] | None = None, naming_stays: bool = True) -> list["Scored"]:
    """`chosen` with each summary sentence that has body twins replaced by its twins (those not shown already).

    All twins, not the one closest to the question: the summary said what they say together ("some recover fully,
    while others ..." is two sentences of the body), and on dev picking one by the question's vector kept fewer
    required sentences (key-fact recall 0.846 against 0.853 for all twins).
    `names_question`: when some twins name a distinctive word of the question, only those stand in, with a twin that
    turns a kept one's thought ("However, others ...", `turns`) ("what causes it?": the takeaway "... caused by the
    body's immune response to cancer, not by the tumor itself" is the cause sentence of the body, not also the
    definition and the intro that share its other words); when the summary names it and no twin does, it stays
    (`naming_stays`; off, all twins stand in as without `names_question`: "what is the long term outlook" is
    answered by the outcome sentences, not by the takeaway that repeats "long-term").
    `leaned_on`: a summary sentence another shown one points back at ("They can affect multiple organ systems ..."
    after the takeaway it follows) stays: replaced, it came back as that one's antecedent beside its twins, the
    same point shown twice (three body sentences and the takeaway for "what organs can it affect")."""
    if not any(is_summary(s.sentence.chunk) for s in chosen):
        return list(chosen)
    bank.ensure(chunks)
    have = {(s.sentence.chunk.id, s.sentence.index) for s in chosen}
    out: list["Scored"] = []
    for s in chosen:
        stays = leaned_on is not None and leaned_on(s.sentence)
        twins = body_twins(s.sentence, bank, chunks) if is_summary(s.sentence.chunk) and not stays else []
        if twins and names_question is not None:
            naming = [(t, x) for t, x in twins if names_question(t)]
            named = [t for t, _ in naming]
            naming += [(t, x) for t, x in twins if all(t is not n for n in named) and turns(t, named)]
            twins = naming or ([] if naming_stays and names_question(s.sentence) else twins)  # none carries it: it stays
        if not twins:
            out.append(s)
            continue
        for best, _ in twins:
            key = (best.chunk.id, best.index)
            if key not in have:
                out.append(as_scored(best))
                have.add(key)
    return out
