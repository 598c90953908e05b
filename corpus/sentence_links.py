"""Sentence-level reference links: the model's proposal, kept only where the reference's title backs it.

Why both: the article has no citation markers, so which source a sentence draws on is inferred. The
local model reads the sentence and names sources by topic, but a 1.5B model also names plausible-looking
wrong ones; the title evidence (the reviewed distinctive title terms of corpus/links.py, and the
embedding similarity of the sentence to the title) is what the sources actually say they are about.
A link is kept when
  * the model proposed it AND the title supports it (a title term in the sentence, or a cosine of at
    least PROPOSAL_MIN_SIMILARITY), or
  * a primary title term stands in the sentence itself ("Trousseau syndrome" -> Varki 2007), proposed or not.
Nothing else is attributed. score = LLM_WEIGHT * proposed + KEYWORD_WEIGHT * keyword + SIMILARITY_WEIGHT * cosine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from corpus.links import PRIMARY, _stems, keyword_score, title_terms
from corpus.models import Reference

PROPOSAL_MIN_SIMILARITY = 0.45
LLM_WEIGHT, KEYWORD_WEIGHT, SIMILARITY_WEIGHT = 0.4, 0.3, 0.3


def link_unit(text: str, proposed: Sequence[str], references: Sequence[Reference],
              similarities: Sequence[float]) -> list[dict[str, Any]]:
    """Scored links of one unit (pure: the caller computes `similarities[j]` = cosine(unit, title j))."""
    stems = _stems(text)
    out: list[dict[str, Any]] = []
    for ref, sim in zip(references, similarities):
        keyword, terms = keyword_score(stems, title_terms(ref))
        was_proposed = ref.id in proposed
        supported = keyword > 0 or sim >= PROPOSAL_MIN_SIMILARITY
        if not ((was_proposed and supported) or keyword >= PRIMARY):
            continue
        score = LLM_WEIGHT * was_proposed + KEYWORD_WEIGHT * keyword + SIMILARITY_WEIGHT * max(sim, 0.0)
        method = "llm+title-term" if was_proposed and keyword else "llm+embedding" if was_proposed else "title-term"
        out.append({"reference_id": ref.id, "score": round(score, 4), "method": method, "proposed": was_proposed,
                    "keyword_score": round(keyword, 4), "embedding_similarity": round(float(sim), 4), "terms": terms})
    out.sort(key=lambda r: (-r["score"], r["reference_id"]))
    return out


def title_similarities(texts: Sequence[str], references: Sequence[Reference], model_name: str) -> list[list[float]]:
    """[unit][reference] cosine of each text with each reference title (the bundled embedding model)."""
    from foundation.model_registry import load_sentence_model

    model = load_sentence_model(model_name)
    titles = model.encode([r.title for r in references], normalize_embeddings=True)
    vectors = model.encode(list(texts), normalize_embeddings=True)
    return (vectors @ titles.T).tolist()
