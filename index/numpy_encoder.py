"""The bundled sentence encoder in plain numpy, for the query path: no torch at question time.

Why it exists: a cold `pns ask` spent most of its wall time importing torch, transformers,
sentence-transformers and what they pull in (scipy, sklearn, pandas: ~3.5 s of ~5 s of imports,
benchmarks/results/cold_start.json), only to run a six-layer MiniLM over one question and a few
dozen passage sentences, which is a handful of matrix products. `numpy`, `safetensors` and
`tokenizers` import in well under a second.

The contract: it must give the same vectors as the sentence-transformers model that built the
index (index.embedding.BundledEmbedding), or dense search compares vectors from two different
spaces. It reads the very same files sentence-transformers loads (model.safetensors, config.json,
tokenizer.json, sentence_bert_config.json, 1_Pooling/config.json from the folder that
corpus.embedder resolves inside the installed package; nothing is fetched), implements exactly
that architecture (BERT: embeddings, post-LayerNorm encoder layers with exact-erf GELU; then mean
pooling over real tokens; then L2 normalisation) and refuses any model whose config says
otherwise. tests/index/test_index_encoder.py checks agreement (cosine > 0.9999, in practice
1.000000) against sentence-transformers; benchmarks/torchfree_probe.py measured it on every
evalset question.

The build path keeps sentence-transformers (index.embedding.BundledEmbedding, a llama-index
embedding); this module is what SearchIndex uses to embed questions and answer sentences.
"""

from __future__ import annotations

import json
import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from foundation.model_registry import bundled_model
from index.column_blocks import MAX_ROWS, blocked_product, column_blocks, splittable
from foundation.errors import ModelUnavailableError

if TYPE_CHECKING:
    import numpy as np

DEFAULT_BATCH_SIZE = 32
QUERY_CACHE = 256  # recent question vectors kept: the safety gate and retrieval often embed the same text

# Abramowitz & Stegun 7.1.26, |error| < 1.5e-7 (below float32 resolution here): numpy has no erf,
# and scipy.special costs about half a second to import.
_ERF_P = 0.3275911
_ERF_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


@runtime_checkable
class Embedder(Protocol):
    """What SearchIndex and the assistant need from an embedder (BundledEmbedding and NumpyEmbedding both fit)."""

    model_name: str
    dimension: int
    query_prefix: str

    def warm_up(self) -> Any: ...

    def embed(self, texts: Sequence[str], batch_size: int | None = None, progress: bool = False) -> list[list[float]]: ...

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


def erf(x: "np.ndarray") -> "np.ndarray":
    """Elementwise error function (float32 in, float32 out)."""
    import numpy as np

    # sign * (1 - poly(t) * exp(-a * a)), t = 1 / (1 + p * a), each step the same float32 operation in place: the
    # feed-forward layers call this on (tokens, 1536) arrays, where a fresh array per step cost more than the maths
    a = np.abs(x)
    t = _ERF_P * a
    t += 1.0
    np.divide(1.0, t, out=t)
    poly = _ERF_A[4] * t
    for coefficient in (_ERF_A[3], _ERF_A[2], _ERF_A[1], _ERF_A[0]):
        poly += coefficient
        poly *= t
    np.negative(a, out=a)
    a *= np.abs(x)
    np.exp(a, out=a)
    a *= poly
    np.subtract(1.0, a, out=a)
    a *= np.sign(x)
    return a


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelUnavailableError(f"cannot read the embedding model's {path.name} at {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ModelUnavailableError(f"the embedding model's {path} is not a JSON object")
    return data


class BertMeanPoolEncoder:
    """A BERT sentence-transformers model (mean pooling, normalised) evaluated with numpy, float32.

    Read-only after construction, so `encode` may run from several threads at once; only the
    shared `tokenizers.Tokenizer` is guarded by a lock.
    """

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = _read_json(folder / "config.json")
        pooling = _read_json(folder / "1_Pooling" / "config.json")
        st_config = _read_json(folder / "sentence_bert_config.json")
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        kinds = [m.get("type", "").rsplit(".", 1)[-1] for m in modules]
        unsupported = [
            what for what, ok in (
                ("model_type", config.get("model_type") == "bert"),
                ("hidden_act", config.get("hidden_act") == "gelu"),
                ("position_embedding_type", config.get("position_embedding_type", "absolute") == "absolute"),
                ("pooling", pooling.get("pooling_mode_mean_tokens") is True
                 and not any(pooling.get(k) for k in ("pooling_mode_cls_token", "pooling_mode_max_tokens",
                                                       "pooling_mode_mean_sqrt_len_tokens"))),
                ("modules", kinds == ["Transformer", "Pooling", "Normalize"]),
            ) if not ok
        ]
        if unsupported:
            raise ModelUnavailableError(f"the numpy encoder cannot reproduce the model at {folder} (unsupported: "
                              f"{', '.join(unsupported)}); use sentence-transformers for it")
        self.layers = int(config["num_hidden_layers"])
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        self.max_seq_length = int(st_config.get("max_seq_length") or config["max_position_embeddings"])
        self.dimension = int(config["hidden_size"])
        weights = load_file(str(folder / "model.safetensors"))
        # some exports prefix every tensor with the architecture name
        self.w = {k.removeprefix("bert."): v for k, v in weights.items()}
        missing = [k for k in ("embeddings.word_embeddings.weight", "encoder.layer.0.attention.self.query.weight")
                   if k not in self.w]
        if missing:
            raise ModelUnavailableError(f"the embedding model's weights at {folder} lack {', '.join(missing)}")
        # pre-transpose the dense layers once: x @ W.T on every call would copy or stride badly
        self._dense = {k[: -len(".weight")]: (v.T.copy(), self.w[k[: -len(".weight")] + ".bias"])
                       for k, v in self.w.items() if k.endswith(".weight") and v.ndim == 2 and "embeddings" not in k}
        for name in self._dense:  # keep one copy of each matrix in memory
            del self.w[name + ".weight"], self.w[name + ".bias"]
        # the matrices a few rows are multiplied by faster in column blocks, with identical bits (index/column_blocks.py);
        # the check runs once per shape, and the blocks share no memory with the matrices they were cut from
        verdicts: dict[tuple[int, int], bool] = {}
        self._blocks: dict[str, list[tuple[slice, Any]]] = {}
        for name, (weight, _) in self._dense.items():
            if weight.shape not in verdicts:
                verdicts[weight.shape] = splittable(weight) is not None
            if verdicts[weight.shape]:
                self._blocks[name] = column_blocks(weight)
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(max_length=self.max_seq_length)
        self._tokenizer_lock = threading.Lock()  # HF tokenizers raise 'Already borrowed' under concurrent use

    def _layer_norm(self, x: "np.ndarray", name: str) -> "np.ndarray":
        import numpy as np

        centred = x - x.mean(-1, keepdims=True)
        var = (centred * centred).mean(-1, keepdims=True)
        centred /= np.sqrt(var + self.eps)  # then * weight + bias: the same float32 steps, in place
        centred *= self.w[name + ".weight"]
        centred += self.w[name + ".bias"]
        return centred

    def _linear(self, x: "np.ndarray", name: str) -> "np.ndarray":
        weight, bias = self._dense[name]
        blocks = self._blocks.get(name)
        if blocks is None or x.shape[0] > MAX_ROWS:
            return x @ weight + bias
        out = blocked_product(x, blocks, weight.shape[1])
        out += bias
        return out

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Word-piece ids with [CLS]/[SEP], truncated to max_seq_length, as sentence-transformers sees them."""
        with self._tokenizer_lock:  # one by one: encode_batch's thread pool cost more than it saved for a few texts
            return [self.tokenizer.encode(t).ids for t in texts]

    def _forward(self, ids: list[list[int]]) -> "np.ndarray":
        """Unit vectors for one batch of token-id lists, packed without padding.

        Why packed: numpy's matmul of a (texts, tokens, 384) stack by a weight matrix calls BLAS once per text, and
        each call streams the whole matrix (2.4 MB for the feed-forward ones) through the cache, so a batch of four
        short texts cost four single forwards. Here every text's tokens sit in one (all tokens, 384) matrix: one GEMM
        per weight for the whole batch, attention per text over its own tokens only (no padding, no mask). OpenBLAS's
        GEMM gives a row the same bits whatever the other rows (tests/index/test_index_encoder.py), so a text's vector
        no longer depends on what it was batched with, and equals its vector encoded alone.
        """
        import numpy as np

        from foundation.vectors import unit_rows

        lengths = [len(seq) for seq in ids]
        bounds = np.cumsum([0, *lengths]).tolist()
        tokens = np.fromiter((t for seq in ids for t in seq), dtype=np.int64, count=bounds[-1])
        positions = np.fromiter((p for n in lengths for p in range(n)), dtype=np.int64, count=bounds[-1])
        w = self.w
        x = (w["embeddings.word_embeddings.weight"][tokens] + w["embeddings.position_embeddings.weight"][positions]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self._layer_norm(x, "embeddings.LayerNorm")
        h = self.heads
        d = x.shape[-1] // h
        scale = np.float32(1.0 / math.sqrt(d))
        spans = list(zip(bounds[:-1], bounds[1:]))
        for i in range(self.layers):
            p = f"encoder.layer.{i}."
            q, k, v = (self._linear(x, p + f"attention.self.{m}") for m in ("query", "key", "value"))
            attended = np.empty_like(q)
            for start, stop in spans:
                n = stop - start
                qs, ks, vs = (t[start:stop].reshape(n, h, d).transpose(1, 0, 2) for t in (q, k, v))
                scores = (qs @ ks.transpose(0, 2, 1)) * scale
                scores = np.exp(scores - scores.max(-1, keepdims=True))
                scores /= scores.sum(-1, keepdims=True)
                attended[start:stop] = (scores @ vs).transpose(1, 0, 2).reshape(n, h * d)
            x = self._layer_norm(self._linear(attended, p + "attention.output.dense") + x,
                                 p + "attention.output.LayerNorm")
            u = self._linear(x, p + "intermediate.dense")
            gate = erf(u * np.float32(1.0 / math.sqrt(2.0)))
            gate += 1.0
            u *= 0.5
            u *= gate  # 0.5 * u * (1 + erf(u / sqrt 2)), in place
            x = self._layer_norm(self._linear(u, p + "output.dense") + x, p + "output.LayerNorm")
        pooled = np.stack([x[start:stop].sum(0) / np.float32(stop - start) for start, stop in spans])
        return unit_rows(pooled, pooled.dtype).astype(np.float32)

    def encode(self, texts: Sequence[str], batch_size: int = DEFAULT_BATCH_SIZE) -> "np.ndarray":
        """(len(texts), dimension) float32 unit vectors, in input order; each text's vector is the one it gets
        encoded alone (see _forward), so how texts are batched changes the cost, never a vector."""
        import numpy as np

        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        ids = self.token_ids(texts)
        out = np.empty((len(ids), self.dimension), dtype=np.float32)
        size = max(1, batch_size)
        for start in range(0, len(ids), size):
            out[start : start + size] = self._forward(ids[start : start + size])
        return out


class NumpyEmbedding:
    """The query-time embedder: the bundled model (corpus.embedder.MODELS) via BertMeanPoolEncoder.

    Same public surface as index.embedding.BundledEmbedding (model_name, dimension, prefixes,
    loaded, warm_up, embed, embed_query, embed_queries), so SearchIndex and
    the assistant use either unchanged. Construction is cheap; the weights load once per
    instance, on first use or in warm_up(), under a lock (UI requests arrive concurrently).
    """

    def __init__(self, model_name: str, embed_batch_size: int = DEFAULT_BATCH_SIZE,
                 blas_threads: int | None = 1, query_cache: int = QUERY_CACHE) -> None:
        spec = bundled_model(model_name)  # raises ModelUnavailableError naming the bundled models
        self.model_name = spec.name
        # BLAS threads (process-wide, like BundledEmbedding.torch_threads), set when the weights load; None
        # leaves numpy's default. 1 because OpenBLAS's two threads spin-wait under load on this shared 2-core
        # box: 32 sentences measured 0.43 s with 1 thread vs 4-15 s with 2 (load average ~4). Concurrent
        # requests still use both cores (matmuls release the GIL).
        self.blas_threads = blas_threads
        self.dimension = spec.dimension
        self.query_prefix = spec.query_prefix
        self.passage_prefix = spec.passage_prefix
        self.embed_batch_size = embed_batch_size
        self._spec = spec
        self._encoder: BertMeanPoolEncoder | None = None
        self._lock = threading.Lock()
        self.query_cache = query_cache  # how many recent question vectors are kept (0: none)
        self._recent: OrderedDict[str, list[float]] = OrderedDict()  # question text -> vector, least recent first

    def __repr__(self) -> str:
        return f"NumpyEmbedding({self.model_name!r}, loaded={self.loaded})"

    # -- loading -----------------------------------------------------------------------------
    @property
    def loaded(self) -> bool:
        return self._encoder is not None

    def warm_up(self) -> BertMeanPoolEncoder:
        """Load the weights and tokenizer now (well under a second) instead of on the first call."""
        with self._lock:
            if self._encoder is None:
                if self.blas_threads:
                    import numpy  # noqa: F401  (threadpoolctl only limits BLAS libraries already loaded)
                    from threadpoolctl import threadpool_limits

                    threadpool_limits(limits=self.blas_threads, user_api="blas")
                encoder = BertMeanPoolEncoder(self._spec.path())
                if encoder.dimension != self.dimension:
                    raise ModelUnavailableError(f"embedding model {self.model_name!r} produces {encoder.dimension}-d vectors, "
                                      f"the registry says {self.dimension}")
                self._encoder = encoder
            return self._encoder

    # -- embedding ---------------------------------------------------------------------------
    def embed(self, texts: Sequence[str], batch_size: int | None = None, progress: bool = False) -> list[list[float]]:
        """Unit-length passage vectors for `texts`, in order (`progress` is accepted for BundledEmbedding parity)."""
        if not texts:
            return []
        vectors = self.warm_up().encode([self.passage_prefix + t for t in texts], batch_size or self.embed_batch_size)
        return vectors.tolist()

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        """Unit-length question vectors, batched; a text embedded moments ago (the emergency check embeds the
        question before retrieval often embeds the same text) is answered from a small LRU cache."""
        if not texts:
            return []
        with self._lock:
            known = {t: self._recent[t] for t in texts if t in self._recent}
            for t in known:
                self._recent.move_to_end(t)
        todo = list(dict.fromkeys(t for t in texts if t not in known))
        if todo:
            vectors = self.warm_up().encode([self.query_prefix + t for t in todo], self.embed_batch_size).tolist()
            with self._lock:
                for t, v in zip(todo, vectors):
                    known[t] = v
                    self._recent[t] = v
                while len(self._recent) > self.query_cache:
                    self._recent.popitem(last=False)
        return [list(known[t]) for t in texts]

    @property
    def cached_queries(self) -> int:
        return len(self._recent)

    def embed_query(self, text: str) -> list[float]:
        """One unit-length question vector."""
        return self.embed_queries([text])[0]
