"""Sentences of the passages, with offsets, and their vectors: what every answerer quotes from.

Why apart from composing: splitting a chunk into verbatim sentences (bullet items count as sentences; the
split and the embedded texts are index/chunk_sentences.py's, which `pns index build` uses too) and embedding
each once is shared by the extractive composer, the generative support check and the citation spans; which
sentences answer a question is assistant/compose.py's business.
Sentence vectors are cached per chunk, so a warm answer embeds only the question.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from typing import Any

from assistant.word_forms import family_in
from corpus.sentence_split import BULLET  # noqa: F401 (re-exported: the composers strip bullets with it)
from index.chunk_sentences import Sentence, split_sentences  # noqa: F401 (re-exported: answering's names)
from index.chunk_sentences import embedding_texts as chunk_embedding_texts
from index.models import Chunk

STEM_PREFIX = 5            # stems sharing a prefix this long count as one word (diagnos/diagnost, treat/treatment)


def content_terms(text: str) -> set[str]:
    """Stemmed, stopword-free terms (the same tokenizer BM25 uses, so overlap agrees with lexical search)."""
    from index.lexical import tokenize

    return set(tokenize(text))


Embedder = Callable[[Sequence[str]], list[list[float]]]


def term_weights(chunks: Sequence[Chunk]) -> dict[str, float]:
    """IDF of each stemmed term over the chunks, scaled to at most 1: rare words ('kidney') count, the subject doesn't."""
    import math

    df: dict[str, int] = {}
    for c in chunks:
        for t in content_terms(" ".join(c.section_path) + " " + c.text):
            df[t] = df.get(t, 0) + 1
    n = max(len(chunks), 1)
    top = math.log((n + 1) / 0.5)
    return {t: math.log((n + 1) / (d + 0.5)) / top for t, d in df.items()}


class SentenceBank:
    """Sentences of every chunk seen so far and their vectors, computed once per chunk (thread-safe).

    `weights` are term IDFs over the whole index (see term_weights); a term missing from them is
    treated as maximally specific, so question words the corpus never uses lower the overlap.
    """

    def __init__(self, embed: Embedder, weights: dict[str, float] | None = None, second: Any = None,
                 second_weight: float = 0.0) -> None:
        self._embed = embed
        self.weights = weights or {}
        self.second = second  # assistant.second_signal.SecondSignal when the second embedder is on
        self.second_weight = second_weight if second is not None else 0.0
        self._headings: dict[str, set[str]] = {}
        self._sentences: dict[str, list[Sentence]] = {}
        self._vectors: dict[str, Any] = {}
        self._terms: dict[str, list[set[str]]] = {}
        self._fixed: dict[tuple[str, ...], tuple[tuple[float, ...], ...]] = {}
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._vectors)

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Unit vectors for arbitrary texts with the same model (the generative support check uses it)."""
        return self._embed(list(texts)) if texts else []

    def embed_once(self, texts: Sequence[str]) -> tuple[tuple[float, ...], ...]:
        """`embed` of the same batch of texts, computed once per bank and kept (read-only rows).

        Why: some texts are the article's own and asked again on every question (assistant/family_signs.py embeds
        the symptoms bullets' labels beside a type bullet's); the bank owns the embedder, so it keeps their
        vectors for as long as the index is loaded. Keyed by the whole batch, not per text, so a kept vector is
        bit for bit the one that batch gave.
        """
        key = tuple(texts)
        kept = self._fixed.get(key)
        if kept is None:
            kept = tuple(tuple(row) for row in self.embed(key))
            with self._lock:
                self._fixed[key] = kept
        return kept

    def missing(self, chunks: Sequence[Chunk]) -> list[Chunk]:
        """The chunks (each once, in order) whose sentences are not cached yet."""
        return [c for c in dict((c.id, c) for c in chunks).values() if c.id not in self._vectors]

    # What is embedded for the chunks' sentences, in order (index/chunk_sentences.py, which the build uses too).
    embedding_texts = staticmethod(chunk_embedding_texts)

    def ensure(self, chunks: Sequence[Chunk]) -> None:
        """Split and embed the chunks not cached yet, in one batch."""
        import numpy as np

        missing = self.missing(chunks)
        if not missing:
            return
        texts = self.embedding_texts(missing)
        self.keep(missing, np.asarray(self._embed(texts), dtype=np.float32) if texts else np.zeros((0, 0), dtype=np.float32))

    def keep(self, chunks: Sequence[Chunk], vectors: Any) -> None:
        """Cache the chunks' sentences (distinct chunks, as `missing` gives them) with their vectors, rows in
        `embedding_texts` order: embedded now, or read from disk (assistant/sentence_vectors.py)."""
        split = {c.id: split_sentences(c) for c in chunks}
        with self._lock:
            offset = 0
            for c in chunks:
                n = len(split[c.id])
                self._sentences[c.id] = split[c.id]
                self._vectors[c.id] = vectors[offset : offset + n]
                self._terms[c.id] = [content_terms(s.text) for s in split[c.id]]
                self._headings[c.id] = content_terms(" ".join(c.section_path))
                offset += n

    def sentences(self, chunk_id: str) -> list[Sentence]:
        """The chunk's verbatim sentences, split once when the bank was built."""
        return self._sentences[chunk_id]

    def vectors(self, chunk_id: str) -> Any:
        """The chunk's sentence vectors, one row a sentence, in `sentences` order."""
        return self._vectors[chunk_id]

    def terms(self, chunk_id: str) -> list[set[str]]:
        """Each sentence's content terms, in `sentences` order (kept so that no question splits them again)."""
        return self._terms[chunk_id]

    def heading_terms(self, chunk_id: str) -> set[str]:
        """The content terms of the chunk's section path: a sentence under "Treatment" speaks of treatment."""
        return self._headings[chunk_id]

    def weight(self, term: str) -> float:
        """The term's IDF over the whole index, its weight in word overlap (1.0 for a term `weights` lacks)."""
        return self.weights.get(term, 1.0)

    def overlap(self, query_terms: set[str], terms: set[str]) -> float:
        """IDF-weighted share of the question's terms that `terms` contains (stem prefixes match, see _matches)."""
        total = sum(self.weight(t) for t in query_terms)
        return sum(self.weight(t) for t in query_terms if _matches(t, terms)) / total if total else 0.0


def _matches(term: str, terms: set[str]) -> bool:
    """`term` or a word sharing its stem: the stemmer keeps 'diagnos' (diagnosed) and 'diagnost' (diagnostic),
    'treat' and 'treatment' apart; a prefix of at least STEM_PREFIX characters joins them."""
    return term in terms or family_in(term, terms, STEM_PREFIX)
