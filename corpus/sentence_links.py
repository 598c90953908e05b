"""Sentence-level reference links: the model's proposal, kept only where the reference's title backs it.

Why both: the article has no citation markers, so which source a sentence draws on is inferred. The
local model reads the sentence and names sources by topic, but a 1.5B model also names plausible-looking
wrong ones; the title evidence (the reviewed distinctive title terms of corpus/links.py, and the
embedding similarity of the sentence to the title) is what the sources actually say they are about.
A link is kept when
  * the model proposed it AND the title supports it: a title term in the sentence, or the sentence is among
    the closest to that title (cosine at least PROPOSAL_MIN_SIMILARITY and at least PROPOSAL_MIN_RELATIVE of
    the way from the reference's least to its most similar unit; topic-wide titles such as "Paraneoplastic
    Cerebellar Degeneration" are close to every sentence in absolute terms), or
  * a primary title term stands in the sentence itself ("Trousseau syndrome" -> Varki 2007), proposed or not.
Nothing else is attributed. score = LLM_WEIGHT * proposed + KEYWORD_WEIGHT * keyword + SIMILARITY_WEIGHT * cosine.
On this article the model's proposals alone were weak (it favoured the first sources of the list), so the
title evidence decides most links; the proposal adds links the title supports only by embedding.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corpus.links import PRIMARY, keyword_score, keyword_stems, title_terms
from corpus.models import Reference

PROPOSAL_MIN_SIMILARITY = 0.5
PROPOSAL_MIN_RELATIVE = 0.8
LLM_WEIGHT, KEYWORD_WEIGHT, SIMILARITY_WEIGHT = 0.4, 0.3, 0.3


def link_unit(text: str, proposed: Sequence[str], references: Sequence[Reference],
              similarities: Sequence[float], relative: Sequence[float] | None = None) -> list[dict[str, Any]]:
    """Scored links of one unit (pure: the caller computes `similarities[j]` = cosine(unit, title j) and
    `relative[j]`, that cosine min-max scaled over every unit of the article for reference j)."""
    stems = keyword_stems(text)
    out: list[dict[str, Any]] = []
    relative = relative if relative is not None else [1.0] * len(references)
    for ref, sim, rel in zip(references, similarities, relative):
        keyword, terms = keyword_score(stems, title_terms(ref))
        was_proposed = ref.id in proposed
        supported = keyword > 0 or (sim >= PROPOSAL_MIN_SIMILARITY and rel >= PROPOSAL_MIN_RELATIVE)
        if not ((was_proposed and supported) or keyword >= PRIMARY):
            continue
        score = LLM_WEIGHT * was_proposed + KEYWORD_WEIGHT * keyword + SIMILARITY_WEIGHT * max(sim, 0.0)
        method = "llm+title-term" if was_proposed and keyword else "llm+embedding" if was_proposed else "title-term"
        out.append({"reference_id": ref.id, "score": round(score, 4), "method": method, "proposed": was_proposed,
                    "keyword_score": round(keyword, 4), "embedding_similarity": round(float(sim), 4), "terms": terms})
    out.sort(key=lambda r: (-r["score"], r["reference_id"]))
    return out


def distinctive_title(ref: Reference) -> str:
    """The title without the words every source of this article shares ('Paraneoplastic', 'Syndromes', 'Causes' ...).

    'Paraneoplastic Cerebellar Degeneration' -> 'Cerebellar Degeneration'; a title with nothing else
    ('Paraneoplastic Syndromes') gives '' and so never links by embedding.
    """
    from corpus.links import GENERIC, STOPWORDS, folded_tokens

    words = [w for w in ref.title.split(" | ")[0].split()
             if folded_tokens(w) and not set(folded_tokens(w)) <= (GENERIC | STOPWORDS)]
    return " ".join(words)


def title_similarities(texts: Sequence[str], references: Sequence[Reference], model_name: str) -> list[list[float]]:
    """[unit][reference] cosine of each text with each reference's distinctive title (0 where it has none)."""
    from foundation.model_registry import load_sentence_model

    model = load_sentence_model(model_name)
    names = [distinctive_title(r) for r in references]
    titles = model.encode([n or "-" for n in names], normalize_embeddings=True)
    titles[[i for i, n in enumerate(names) if not n]] = 0.0
    vectors = model.encode(list(texts), normalize_embeddings=True)
    return (vectors @ titles.T).tolist()


def relative_similarities(similarities: Sequence[Sequence[float]]) -> list[list[float]]:
    """Each reference's column min-max scaled over the units (0 = its least similar unit, 1 = its most)."""
    if not similarities:
        return []
    cols = list(zip(*similarities))
    lows, highs = [min(c) for c in cols], [max(c) for c in cols]
    return [[(v - lo) / (hi - lo) if hi > lo else 0.0 for v, lo, hi in zip(row, lows, highs)] for row in similarities]
