"""The torch-free query encoder (index.numpy_encoder) gives the vectors the index was built with.

Real parts: the bundled model's files, the session's sentence-transformers `embedder` (the build
path) as the reference, a real embedded Chroma index and a fresh Python process for the import check.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from foundation.model_registry import bundled_model
from foundation.errors import ModelUnavailableError
from foundation.settings import Settings
from index.build import build_index
from index.numpy_encoder import BertMeanPoolEncoder, Embedder, NumpyEmbedding
from index.store import open_index

REPO = Path(__file__).resolve().parents[2]

SENTENCES = [
    "What is Trousseau syndrome?",
    "Which tests help diagnose a paraneoplastic syndrome?",
    "How is Lambert-Eaton myasthenic syndrome treated?",
    "Can small cell lung cancer cause hyponatremia?",
    "IVIG",
    "plasmapheresis and rituximab",
    "Anti-Hu (ANNA-1) antibodies are associated with encephalomyelitis.",
    "Paraneoplastic syndromes are rare disorders triggered by an altered immune system response to a neoplasm.",
    "Hypercalcemia of malignancy: PTHrP secretion by squamous cell carcinomas raises serum calcium.",
    "Dermatomyositis may precede the diagnosis of ovarian cancer by months.",
    "SIADH → euvolemic hyponatremia; treat the tumour, restrict fluids.",
    "Cushing's syndrome from ectopic ACTH is often rapid and severe.",
    "Est-ce que le syndrome paranéoplasique est héréditaire ?",
    "¿Qué es el síndrome de Trousseau?",
    "   leading and trailing spaces   ",
    "ALL CAPS QUESTION ABOUT CEREBELLAR DEGENERATION",
    "1234 5678 [12] (Smith et al., 2019) doi:10.1000/xyz123",
    "",
    "a",
    # longer than the model's 256-token window: both sides must truncate the same way
    " ".join(["Paraneoplastic neurological syndromes involve onconeural antibodies and T-cell responses."] * 40),
]


def cosines(a: list[list[float]], b: list[list[float]]) -> np.ndarray:
    x, y = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return (x * y).sum(1) / (np.linalg.norm(x, axis=1) * np.linalg.norm(y, axis=1))


@pytest.fixture(scope="module")
def numpy_embedder() -> NumpyEmbedding:
    model = NumpyEmbedding(Settings().index.embedding_model)
    model.warm_up()
    return model


def test_numpy_vectors_match_sentence_transformers(numpy_embedder: NumpyEmbedding, embedder) -> None:
    assert len(SENTENCES) >= 20
    ours = numpy_embedder.embed(SENTENCES)
    reference = embedder.embed(SENTENCES)
    sims = cosines(ours, reference)
    assert sims.min() > 0.9999, dict(zip(SENTENCES, sims.round(6)))
    assert np.allclose(np.linalg.norm(np.asarray(ours), axis=1), 1.0, atol=1e-5)
    query = numpy_embedder.embed_query(SENTENCES[0])
    assert len(query) == numpy_embedder.dimension == embedder.dimension
    assert cosines([query], [embedder.embed_query(SENTENCES[0])])[0] > 0.9999


def test_batches_padding_and_order_do_not_change_vectors(numpy_embedder: NumpyEmbedding) -> None:
    uncached = NumpyEmbedding(numpy_embedder.model_name, query_cache=0)  # every call below really encodes
    one_by_one = [uncached.embed_query(s) for s in SENTENCES]
    batched = uncached.embed_queries(SENTENCES)
    assert uncached.cached_queries == 0
    small_batches = numpy_embedder.embed(SENTENCES, batch_size=3)
    assert cosines(one_by_one, batched).min() > 0.99999
    assert cosines(one_by_one, small_batches).min() > 0.99999
    # bit for bit, not only close: a text's vector is the one it gets alone, whatever it is batched with, so the
    # steps of one ask may embed their texts ahead in one batch (assistant/ask_vectors.py) and change no answer
    assert np.array_equal(np.asarray(one_by_one), np.asarray(batched))
    assert np.array_equal(np.asarray(uncached.embed_queries(SENTENCES[::-1])[::-1]), np.asarray(batched))
    assert numpy_embedder.embed([]) == [] and numpy_embedder.embed_queries([]) == []


def test_recent_questions_are_answered_from_a_small_cache_with_the_same_vectors(numpy_embedder: NumpyEmbedding) -> None:
    cached = NumpyEmbedding(numpy_embedder.model_name, query_cache=2)
    first = cached.embed_queries(SENTENCES[:2])
    again = cached.embed_queries([SENTENCES[1], SENTENCES[0], SENTENCES[1]])
    assert again == [first[1], first[0], first[1]] and cached.cached_queries == 2
    again[0][0] = 99.0  # a caller changing its list does not change the cache
    assert cached.embed_query(SENTENCES[1]) == first[1]
    cached.embed_queries(SENTENCES[2:4])  # the least recent ones make way
    assert cached.cached_queries == 2
    assert cosines(cached.embed_queries(SENTENCES[:1]), first[:1])[0] > 0.99999


def test_concurrent_callers_get_the_same_vectors(numpy_embedder: NumpyEmbedding) -> None:
    expected = numpy_embedder.embed(SENTENCES[:8])
    fresh = NumpyEmbedding(numpy_embedder.model_name)  # concurrent first use: the weights load once
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: fresh.embed(SENTENCES[:8]), range(8)))
    for got in results:
        assert cosines(got, expected).min() > 0.99999
    assert isinstance(fresh, Embedder) and fresh.loaded


def test_search_index_embeds_questions_with_the_numpy_encoder(settings: Settings, embedder) -> None:
    build_index(settings, progress=False, embedder=embedder)
    index = open_index(settings)
    assert isinstance(index.embedder, NumpyEmbedding)
    question = "Which tests help diagnose a paraneoplastic syndrome?"
    ours = [h.chunk.id for h in index.dense_search(question, 5)]
    reference = [h.chunk.id for h in open_index(settings, embedder=embedder).dense_search(question, 5)]
    assert ours == reference


def test_the_query_path_imports_no_torch_or_llama_index(settings: Settings, embedder) -> None:
    """A fresh process opens the index, embeds a question and searches without the build path's heavy libraries."""
    build_index(settings, progress=False, embedder=embedder)
    code = textwrap.dedent("""
        import json, sys
        from foundation.settings import Settings
        from index.store import open_index
        index = open_index(Settings())
        hits = index.dense_search("What is Trousseau syndrome?", 3)
        vectors = index.embedder.embed(["a sentence", "another one"])
        heavy = ("torch", "transformers", "sentence_transformers", "llama_index.core", "scipy")
        print(json.dumps({"hits": len(hits), "dims": [len(v) for v in vectors],
                          "heavy": [m for m in heavy if m in sys.modules]}))
    """)
    env = {**os.environ, "PNS_HOME": str(settings.home), "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report == {"hits": 3, "dims": [384, 384], "heavy": []}


def test_a_model_the_encoder_cannot_reproduce_is_refused(tmp_path: Path) -> None:
    source = bundled_model(Settings().index.embedding_model).path()
    folder = tmp_path / "model"
    (folder / "1_Pooling").mkdir(parents=True)
    for name in ("config.json", "sentence_bert_config.json", "modules.json"):
        shutil.copy(source / name, folder / name)
    pooling = json.loads((source / "1_Pooling" / "config.json").read_text())
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(pooling | {"pooling_mode_mean_tokens": False,
                                                                            "pooling_mode_cls_token": True}))
    with pytest.raises(ModelUnavailableError, match="pooling"):
        BertMeanPoolEncoder(folder)
