"""Cited sources at scale: build, incremental add of one source, query latency and memory, embedded vs server Chroma.

Corpus sizes (all synthetic, generated into a temporary folder, never shipped; see synthetic_sources.py):
- `pdfs`: 21 synthetic PDFs of 10-40 pages, one per reference, added with `corpus add` (DOI matching),
  embedded with the real bundled model. Twenty are built first, then the 21st is added and the index
  rebuilt: the report checks that only its chunks were embedded.
- `scale`: plain-text sources sized to about --scale-chunks chunks in total (same 20 + 1 procedure).
  With `--scale-vectors hashed` the passages get deterministic pseudo-random unit vectors from a hash
  of their text instead of the model (labelled so in the result): this measures the chunking, store,
  copy and query path at a size whose real embedding would take hours on 2 shared cores; the
  model's own throughput is measured in the `pdfs` run and reported next to it.
Per mode: article-only warm answer latency (the default's target: p50 < 50 ms), then with sources:
build time and what was embedded, incremental add, warm `Assistant.ask` p50/p95, RSS (and the server's).

Run: python -m benchmarks.sources_bench [--modes embedded,server] [--scale-chunks 100000] [--scale-vectors hashed]
Writes benchmarks/results/sources.json.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.index_bench import mode_settings, questions
from benchmarks.measure import machine, mib, rss_bytes, summarise_ms, write_result

SYNTHETIC_QUESTIONS = [
    "What was the zorblax marker associated with in the synthetic cohort?",
    "How many invented cases showed quenmarin with imaging findings?",
    "What did the fictional registry report about veltrane?",
]


class TimedEmbedding:
    """Wraps an embedder: memoises vectors by text (so the second mode pays only for its store) and times the model."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.model_name = inner.model_name
        self.dimension = inner.dimension
        self.memo: dict[str, list[float]] = {}
        self.seconds = 0.0
        self.computed = 0

    def embed(self, texts: list[str], batch_size: int | None = None, progress: bool = False) -> list[list[float]]:
        missing = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if missing:
            started = time.perf_counter()
            for text, vector in zip(missing, self.inner.embed(missing)):
                self.memo[text] = list(vector)
            self.seconds += time.perf_counter() - started
            self.computed += len(missing)
        return [self.memo[t] for t in texts]


class HashedEmbedding:
    """Deterministic pseudo-random unit vectors from a text's sha256: NOT semantic; for store-path timing only."""

    def __init__(self, model_name: str, dimension: int) -> None:
        self.model_name, self.dimension = model_name, dimension
        self.seconds, self.computed = 0.0, 0

    def embed(self, texts: list[str], batch_size: int | None = None, progress: bool = False) -> list[list[float]]:
        import numpy as np

        out = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
            v = np.random.default_rng(seed).standard_normal(self.dimension)
            out.append((v / np.linalg.norm(v)).tolist())
        self.computed += len(texts)
        return out


def ask_latency(settings: Any, qs: list[str]) -> dict[str, Any]:
    """Warm `Assistant.ask` latency over `qs` (one warm-up question first), and how answers split by source."""
    from assistant.api import Assistant

    started = time.perf_counter()
    assistant = Assistant(settings)
    assistant.warm_up()
    warm_up_s = time.perf_counter() - started
    assistant.ask(qs[0])
    samples, cites_source = [], 0
    for q in qs:
        t = time.perf_counter()
        answer = assistant.ask(q)
        samples.append((time.perf_counter() - t) * 1000)
        cites_source += any(c.source != "article" for c in answer.citations)
    return {"warm_up_s": round(warm_up_s, 2), "latency": summarise_ms(samples), "answers_citing_a_source": cites_source}


def memory() -> dict[str, float | None]:
    r = rss_bytes(os.getpid())
    return {"rss_mib": mib(r["rss"]), "peak_rss_mib": mib(r["peak_rss"]), "server_rss_mib": mib(r["children_rss"]) or None}


def add_and_build(settings: Any, files: list[tuple[Path, str | None]], embedder: Any) -> dict[str, Any]:
    """Add the files (all but the last first, then the last one alone), building after each step."""
    from corpus.importing import add_files
    from index.build import build_index
    from index.store import open_index

    def step(batch: list[tuple[Path, str | None]]) -> tuple[dict[str, Any], list[str]]:
        t = time.perf_counter()
        refs = [add_files(settings, [path], ref)[0].reference_id for path, ref in batch]
        added_s = time.perf_counter() - t
        embed_before, computed_before = embedder.seconds, embedder.computed
        report = build_index(settings, progress=False, embedder=embedder)
        return {"add_s": round(added_s, 2), "build_s": report["seconds"], "chunks": report["chunks"],
                "embedded": report["embedded"], "reused": report["reused"], "sources": len(report["sources"]) - 1,
                "model_s": round(embedder.seconds - embed_before, 2), "model_texts": embedder.computed - computed_before}, refs

    first, _ = step(files[:-1])
    last, (ref,) = step(files[-1:])
    its_chunks = sum(1 for c in open_index(settings).chunks() if c.source_id == ref)
    return {"all_but_one": first, "add_one_source": last | {
        "reference_id": ref, "its_chunks": its_chunks, "only_its_chunks_embedded": last["embedded"] == its_chunks}}


def bench_mode(mode: str, workdir: Path, files: list[tuple[Path, str | None]], embedder: Any, qs: list[str],
               label: str) -> dict[str, Any]:
    from index.build import build_index

    home = workdir / f"{label}-{mode}"
    with mode_settings(mode, home) as settings:
        build_index(settings, progress=False, embedder=embedder)
        article = ask_latency(settings, qs)
        steps = add_and_build(settings, files, embedder)
        with_sources = ask_latency(settings, qs + SYNTHETIC_QUESTIONS)
        return {"article_only": article, **steps, "with_sources": with_sources, "memory": memory()}


def pdf_files(workdir: Path) -> tuple[list[tuple[Path, str | None]], dict[str, Any]]:
    from benchmarks.synthetic_sources import generate_corpus
    from corpus.bibliography import load_references
    from foundation.settings import Settings

    t = time.perf_counter()
    docs = generate_corpus(workdir / "pdfs", load_references(Settings()))
    info = {"documents": len(docs), "pages": sum(d.pages for d in docs), "generate_s": round(time.perf_counter() - t, 1),
            "bytes": sum(d.path.stat().st_size for d in docs)}
    return [(d.path, None) for d in docs], info


def text_files(workdir: Path, target_chunks: int) -> tuple[list[tuple[Path, str | None]], dict[str, Any]]:
    """Text sources sized to about `target_chunks` chunks (calibrated on one document)."""
    from benchmarks.synthetic_sources import synthetic_text
    from corpus.bibliography import load_references
    from corpus.models import SourceDocument
    from foundation.settings import Settings
    from index.chunking import chunk_documents, model_tokenizer
    from corpus.article import load_article
    from corpus.paths import article_path

    settings = Settings()
    refs = load_references(settings)
    article = load_article(article_path(settings))
    sample = synthetic_text(refs[0], 50)
    doc = SourceDocument(reference_id=refs[0].id, path="x.txt", text=sample, sha256="0" * 64, media_type="text/plain")
    tok = model_tokenizer(settings.index.embedding_model)
    per_paragraph = sum(1 for c in chunk_documents(article, [doc], chunk_size=48, chunk_overlap=0, tokenizer=tok)
                        if c.source_id != "article") / 50
    paragraphs = max(1, round(target_chunks / per_paragraph / len(refs)))
    folder = workdir / "texts"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for ref in refs:
        path = folder / f"{ref.id}.txt"
        path.write_text(synthetic_text(ref, paragraphs), encoding="utf-8")
        files.append((path, ref.id))
    return files, {"documents": len(files), "paragraphs_each": paragraphs, "chunks_per_paragraph": round(per_paragraph, 2),
                   "bytes": sum(p.stat().st_size for p, _ in files)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--modes", default="embedded,server")
    parser.add_argument("--questions", type=int, default=40, help="article questions per latency run")
    parser.add_argument("--skip-pdfs", action="store_true")
    parser.add_argument("--scale-chunks", type=int, default=0, help="0 = no scale run")
    parser.add_argument("--scale-vectors", choices=["hashed", "model"], default="hashed")
    parser.add_argument("--out-dir", type=Path, default=None)
    parser.add_argument("--name", default="sources")
    args = parser.parse_args(argv)
    from foundation.settings import Settings, disable_telemetry
    from index.embedding import BundledEmbedding

    disable_telemetry()
    modes = [m for m in args.modes.split(",") if m]
    qs = questions()[: args.questions]
    model = TimedEmbedding(BundledEmbedding(Settings().index.embedding_model))
    result: dict[str, Any] = {"command": "python -m benchmarks.sources_bench " + " ".join(argv or sys.argv[1:]),
                              "machine": machine(), "questions": len(qs)}
    workdir = Path(tempfile.mkdtemp(prefix="pns-sources-bench-"))
    try:
        if not args.skip_pdfs:
            files, result["pdf_corpus"] = pdf_files(workdir)
            result["pdfs"] = {}
            for m in modes:  # written after each mode, so a run stopped by a time limit still reports what it measured
                result["pdfs"][m] = bench_mode(m, workdir, files, model, qs, "pdfs")
                result["model_throughput_chunks_per_s"] = round(model.computed / model.seconds, 1) if model.seconds else None
                write_result(args.name, result | {"machine_after": machine()}, args.out_dir)
        if args.scale_chunks:
            files, result["scale_corpus"] = text_files(workdir, args.scale_chunks)
            embedder = model if args.scale_vectors == "model" else HashedEmbedding(model.model_name, model.dimension)
            result["scale_vectors"] = args.scale_vectors
            result["scale"] = {}
            for m in modes:
                result["scale"][m] = bench_mode(m, workdir, files, embedder, qs, "scale")
                write_result(args.name, result | {"machine_after": machine()}, args.out_dir)
        print(write_result(args.name, result | {"machine_after": machine()}, args.out_dir))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    random.seed(0)
    sys.exit(main())
