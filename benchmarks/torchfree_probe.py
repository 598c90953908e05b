"""Probe for the cold-start fix: the bundled MiniLM question encoder in plain numpy, without torch.

Why this exists: `python -X importtime` of a cold `pns ask` (benchmarks/results/cold_start.json)
shows the imports of torch, transformers, sentence-transformers and what sentence-transformers
pulls in (scipy, sklearn, pandas, datasets, sympy) take most of its wall time, while embedding
one question is a few milliseconds of matrix products. This probe measures, instead of guessing,
what a torch-free query path would give:
- agreement: cosine between this encoder's and sentence-transformers' unit vectors on every
  evalset question (must be ~1.0 to use the same Chroma vectors);
- cold wall time of a fresh process that loads this encoder, embeds a question and queries our
  Chroma collection (vs `pns ask`, measured in cold_start.json).

The probe led to index/numpy_encoder.py (the product's query encoder), which it now measures:
BERT + mean pooling + L2 normalisation read from the same model.safetensors and tokenizer.json that
corpus.embedder verifies; `safetensors`, `tokenizers` and numpy import in well under a second.

Run: .venv/bin/python -m benchmarks.torchfree_probe [--home DIR]  -> benchmarks/results/torchfree_probe.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.measure import child_env, machine, timed_run, write_result
from index.numpy_encoder import BertMeanPoolEncoder


def model_folder(name: str = "all-MiniLM-L6-v2") -> Path:
    from foundation.model_registry import bundled_model

    return bundled_model(name).path()


def cold_query(home: str, question: str) -> list[str]:
    """What a torch-free `pns ask` would pay before composing: encoder load, one embedding, one Chroma query."""
    from foundation.settings import disable_telemetry

    disable_telemetry()
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    index_dir = Path(home) / "index"
    pointer = json.loads((index_dir / "current.json").read_text(encoding="utf-8"))
    vector = BertMeanPoolEncoder(model_folder(pointer["embedding_model"])).encode([question])[0]
    client = chromadb.PersistentClient(path=str(index_dir / "chroma"), settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.get_collection(pointer["collection"], embedding_function=None)
    return collection.query(query_embeddings=[vector.tolist()], n_results=5, include=["distances"])["ids"][0]


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=False, default=None, help="PNS_HOME with a built index")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out-dir", type=Path, default=None)
    args = parser.parse_args(argv)

    from foundation.model_registry import load_sentence_model
    from foundation.settings import Settings, disable_telemetry
    from eval.dataset import load_evalset

    disable_telemetry()
    settings = Settings(home=args.home) if args.home else Settings()
    questions = [item.question for item in load_evalset()]
    ours = BertMeanPoolEncoder(model_folder(settings.index.embedding_model))
    reference = load_sentence_model(settings.index.embedding_model)
    cosines, np_ms, st_ms = [], [], []
    for q in questions:
        t = time.perf_counter()
        a = ours.encode([q])[0]
        np_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        b = reference.encode([q], normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False)[0]
        st_ms.append((time.perf_counter() - t) * 1000)
        cosines.append(float(a @ b))

    env = child_env(settings.home)
    code = ("import sys; from benchmarks.torchfree_probe import cold_query; "
            "print(len(cold_query(sys.argv[1], sys.argv[2])))")
    walls = []
    for _ in range(args.runs):
        run = timed_run([sys.executable, "-c", code, str(settings.home), "What is Trousseau syndrome?"], env, 120)
        if run["rc"] == 0 and run["stdout"].strip() == "5":
            walls.append(run["wall_s"])
    report = {
        "benchmark": "torchfree_probe",
        "machine": machine(),
        "questions": len(questions),
        "cosine_vs_sentence_transformers": {"min": round(min(cosines), 6), "mean": round(statistics.fmean(cosines), 6)},
        "embed_one_question_ms": {"numpy_median": round(statistics.median(np_ms), 2),
                                  "sentence_transformers_median": round(statistics.median(st_ms), 2)},
        "cold_process_embed_and_query_s": {"runs_s": walls, "median_s": round(statistics.median(walls), 2) if walls else None},
    }
    path = write_result("torchfree_probe", report, args.out_dir)
    print(f"cosine min {report['cosine_vs_sentence_transformers']['min']}; cold embed+query "
          f"{report['cold_process_embed_and_query_s']['median_s']} s; wrote {path}")
    return report


if __name__ == "__main__":
    main()
