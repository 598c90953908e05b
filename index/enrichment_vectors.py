"""Vectors of the enrichment texts (generated questions, standalone readings), embedded once and kept on disk.

Why on disk, keyed by content: a few hundred short questions take seconds to embed on two cores, which a
cold `pns ask` (< 4 s) cannot afford. `pns index build` embeds them with the index's own model and stores
one .npy per distinct (model, texts) under HOME/index/enrichment/; answering reads the file, and only an
enrichment newer than the build makes the first question embed them (and store them for the next).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.vector_cache import keyed_file
from index.vector_cache import load_or_embed as cached_vectors

if TYPE_CHECKING:
    from corpus.enrichment import Enrichment
    from corpus.models import Article
    from foundation.settings import Settings

Embed = Callable[[Sequence[str]], Any]


def enrichment_texts(enrichment: "Enrichment", article: "Article") -> list[str]:
    """Every question and every standalone reading that differs from its unit, in article order."""
    from corpus.units import article_units

    texts: list[str] = []
    for unit in article_units(article):
        record = enrichment.get(unit)
        if record is None:
            continue
        texts.extend(record.questions)
        if record.standalone != unit.text:
            texts.append(record.standalone)
    return texts


def vectors_file(settings: "Settings", texts: Sequence[str]) -> Path:
    return keyed_file(settings.index_dir / "enrichment", settings.index.embedding_model, texts)


def load_or_embed(settings: "Settings", texts: Sequence[str], embed: Embed) -> Any:
    """A (len(texts), dim) float32 array of unit vectors: from disk when stored, else embedded and stored."""
    return cached_vectors(settings.index_dir / "enrichment", settings.index.embedding_model, texts, embed)


def ensure_for_build(settings: "Settings", embed: Embed) -> dict[str, Any]:
    """Embed the current enrichment's texts for the index (called by `pns index build`); returns coverage."""
    from corpus.article import load_article
    from corpus.enrichment import load_enrichment
    from corpus.paths import article_path
    from corpus.units import article_units

    article = load_article(article_path(settings))
    enrichment = load_enrichment(settings.home)
    texts = enrichment_texts(enrichment, article)
    load_or_embed(settings, texts, embed)
    return {**enrichment.coverage(article_units(article)), "vectors": len(texts)}
