"""The article's sentence vectors, embedded by `pns index build` with the query-time encoder and kept beside it.

Why at build time: answering reads the article's sentence vectors (assistant/sentences.SentenceBank); embedding
them in the first process that needs them made the first `pns ask` after a build ~11 s on two busy cores. The
build stores them, so even that first question embeds nothing but itself.

Why the numpy encoder, not the build's: answering embeds with index/numpy_encoder.NumpyEmbedding, whose vectors
differ from sentence-transformers' by ~1e-7, and a cold process must read bit for bit what a warm one computes.
So the build embeds the sentences as answering would (every article chunk's sentences in one batch, in index
order, split and worded by index/chunk_sentences.py), and the file is keyed by the model and the encoder's
class (`encoder_key`): a process answering with another encoder (an injected build model) finds no file of its
own and embeds its own vectors once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from corpus.corpus import ARTICLE_SOURCE_ID
from index.chunk_sentences import embedding_texts
from index.vector_cache import load_or_embed

if TYPE_CHECKING:
    from foundation.settings import Settings
    from index.models import Chunk

FOLDER = "sentences"  # under HOME/index/
QUERY_ENCODER = "NumpyEmbedding"  # index.numpy_encoder.NumpyEmbedding.__name__: what answering embeds with


def encoder_key(model: str, encoder: str) -> str:
    """What the vectors are keyed by: the model's name and the class of the encoder that ran it."""
    return f"{model}\n{encoder}"


def article_chunks(chunks: Sequence["Chunk"]) -> list["Chunk"]:
    """The article's chunks, in index order: the ones whose sentences are kept."""
    return [c for c in chunks if c.source_id == ARTICLE_SOURCE_ID]


def sentence_vectors(settings: "Settings", chunks: Sequence["Chunk"], key: str,
                     embed: Callable[[Sequence[str]], Any] | None) -> Any:
    """A (sentences, dim) float32 array for the chunks' sentences (rows in `embedding_texts` order): from disk
    when stored under `key`, else embedded in one batch with `embed` and stored; None without either."""
    return load_or_embed(settings.index_dir / FOLDER, key, embedding_texts(chunks), embed)


def ensure_for_build(settings: "Settings", chunks: Sequence["Chunk"]) -> dict[str, int]:
    """Embed the article's sentences as answering does (called by `pns index build` with the index's chunks in
    index order); returns how many sentences are kept."""
    from index.numpy_encoder import NumpyEmbedding

    encoder = NumpyEmbedding(settings.index.embedding_model)
    article = article_chunks(chunks)
    vectors = sentence_vectors(settings, article, encoder_key(encoder.model_name, type(encoder).__name__),
                               encoder.embed)
    return {"sentences": int(vectors.shape[0]) if vectors is not None and vectors.size else 0}
