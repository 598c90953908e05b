"""Building the index: idempotent, atomic, garbage-collected, offline, with errors that say what to do."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from index.errors import IndexStoreError
from foundation.settings import Settings
from index.build import build_index
from index.build_guards import build_lock
from index.chroma import connect
from index.store import POINTER_FILE, open_index, read_pointer

REPO = Path(__file__).resolve().parents[2]
QUESTION = "Which tests help diagnose a paraneoplastic syndrome?"


def collection_names(settings: Settings) -> set[str]:
    return {c.name for c in connect(settings).list_collections()}


def top_ids(settings: Settings, embedder, k: int = 5) -> list[str]:
    return [s.chunk.id for s in open_index(settings, embedder=embedder).dense_search(QUESTION, k)]


def test_two_builds_in_a_row_give_the_same_index_and_the_second_embeds_nothing(settings: Settings, embedder) -> None:
    first = build_index(settings, progress=False, embedder=embedder)
    ids_first = [c.id for c in open_index(settings, embedder=embedder).chunks()]
    second = build_index(settings, progress=False, embedder=embedder)
    assert first["chunks"] == second["chunks"] == len(ids_first) > 0
    assert first["embedded"] == first["chunks"] and first["reused"] == 0
    assert second["embedded"] == 0 and second["up_to_date"]
    assert [c.id for c in open_index(settings, embedder=embedder).chunks()] == ids_first

    forced = build_index(settings, progress=False, force=True, embedder=embedder)  # new collection, same content
    assert forced["embedded"] == 0 and forced["reused"] == forced["chunks"] == first["chunks"]
    assert forced["collection"] != first["collection"]
    assert collection_names(settings) == {forced["collection"]}  # the old one was garbage-collected
    assert [c.id for c in open_index(settings, embedder=embedder).chunks()] == ids_first
    files = sorted(p.name for p in settings.index_dir.iterdir() if p.name.startswith(("chunks-", "bm25-")))
    assert len(files) == 2  # only the live chunk table and BM25 folder remain


def test_status_records_what_built_the_index(settings: Settings, embedder) -> None:
    report = build_index(settings, progress=False, embedder=embedder)
    status = open_index(settings, embedder=embedder).status()
    assert status["chunks"] == report["chunks"]
    assert status["embedding_model"] == "all-MiniLM-L6-v2" and status["dimension"] == 384
    assert status["sources"] == {"article": report["chunks"]}
    assert status["chunk_size"] == settings.index.chunk_size and status["built_at"]
    assert status["collection"].startswith(f"{settings.index.collection}-")

    from index.cli import app

    result = CliRunner().invoke(app, ["status", "--json"], obj=settings)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    for key in ("chunks", "collection", "embedding_model", "built_at", "sources"):
        assert data[key] == status[key]


def test_changed_chunking_reuses_vectors_of_unchanged_chunks(settings: Settings, embedder) -> None:
    build_index(settings, progress=False, embedder=embedder)
    smaller = settings.override(index={"chunk_size": 32})
    report = build_index(smaller, progress=False, embedder=embedder)
    assert report["reused"] > 0 and report["embedded"] > 0  # short sentences and bullets are unchanged
    assert report["reused"] + report["embedded"] == report["chunks"]
    assert open_index(smaller, embedder=embedder).status()["chunk_size"] == 32


def test_search_returns_scored_chunks_from_both_retrievers(settings: Settings, embedder) -> None:
    build_index(settings, progress=False, embedder=embedder)
    index = open_index(settings, embedder=embedder)
    dense = index.dense_search(QUESTION, 5)
    assert [d.rank for d in dense] == [1, 2, 3, 4, 5]
    assert all(-1.0 <= d.score <= 1.0 for d in dense) and dense[0].score >= dense[-1].score
    assert dense[0].chunk.section_id.startswith("diagnostic-procedures")
    lexical = index.lexical_search("lumbar puncture spinal tap", 3)
    assert lexical and lexical[0].retriever == "bm25"
    assert "Lumbar Puncture" in lexical[0].chunk.text
    assert index.lexical_search("the of and", 3) == []  # stopwords only: nothing to match
    assert index.chunk(dense[0].chunk.id) == dense[0].chunk
    vector = index.embed_query(QUESTION)
    assert len(vector) == 384 and abs(sum(x * x for x in vector) - 1.0) < 1e-4
    # the llama-index ChromaVectorStore path agrees with the direct query
    assert [s.chunk.id for s in index.search_vector_llama(vector, 5)] == [d.chunk.id for d in dense]
    assert index.collection._embedding_function is None  # Chroma can never embed on its own


def test_querying_without_an_index_says_to_build_it(settings: Settings) -> None:
    with pytest.raises(IndexStoreError, match="run `pns index build`"):
        open_index(settings)
    from index.cli import app

    result = CliRunner().invoke(app, ["status"], obj=settings)
    assert result.exit_code == 1
    assert "run `pns index build`" in result.output and "Traceback" not in result.output


def test_an_index_from_another_embedding_model_is_refused(settings: Settings, embedder, monkeypatch) -> None:
    build_index(settings, progress=False, embedder=embedder)
    from foundation import model_registry as registry

    other = registry.BundledModel(name="other-e5", package="nope", dimension=768, weights_sha256="0", licence="test")
    monkeypatch.setitem(registry.MODELS, "other-e5", other)
    with pytest.raises(IndexStoreError, match=r"incompatible index.*all-MiniLM-L6-v2.*384-d.*other-e5.*768-d.*pns index build"):
        open_index(settings.override(index={"embedding_model": "other-e5"}))


def test_a_pointer_with_the_wrong_dimension_is_refused(settings: Settings, embedder) -> None:
    build_index(settings, progress=False, embedder=embedder)
    path = settings.index_dir / POINTER_FILE
    pointer = json.loads(path.read_text())
    path.write_text(json.dumps(pointer | {"dimension": 768}))
    with pytest.raises(IndexStoreError, match="incompatible index"):
        open_index(settings)
    # a rebuild replaces the incompatible index
    report = build_index(settings, progress=False, embedder=embedder)
    assert not report["up_to_date"] and open_index(settings, embedder=embedder).status()["dimension"] == 384


@pytest.mark.parametrize("target", ["pointer", "manifest"])
def test_a_corrupt_index_is_named_and_a_build_repairs_it(settings: Settings, embedder, target: str) -> None:
    build_index(settings, progress=False, embedder=embedder)
    pointer = read_pointer(settings)
    path = settings.index_dir / (POINTER_FILE if target == "pointer" else pointer["manifest"])
    path.write_text('{"chunks": [ {"truncated')
    with pytest.raises(IndexStoreError, match=r"corrupt.*pns index build"):
        open_index(settings)
    report = build_index(settings, progress=False, embedder=embedder)
    assert report["embedded"] == 0 or target == "pointer"  # with a readable pointer the vectors are reused
    assert open_index(settings, embedder=embedder).dense_search(QUESTION, 3)


def test_an_interrupted_build_leaves_the_previous_index_working(settings: Settings, embedder, monkeypatch) -> None:
    build_index(settings, progress=False, embedder=embedder)
    before = read_pointer(settings)
    expected = top_ids(settings, embedder)

    calls = {"n": 0}
    real_embed = type(embedder).embed

    def ctrl_c_on_second_batch(self, texts, *a, **kw):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real_embed(self, texts, *a, **kw)

    monkeypatch.setattr(type(embedder), "embed", ctrl_c_on_second_batch)
    changed = settings.override(index={"chunk_size": 24})  # many new chunks: several embedding batches
    with pytest.raises(KeyboardInterrupt):
        build_index(changed, progress=False, embedder=embedder)
    monkeypatch.undo()

    assert read_pointer(settings) == before
    assert top_ids(settings, embedder) == expected
    assert collection_names(settings) == {before["collection"]}  # the half-built collection was dropped


def test_a_killed_build_leaves_the_previous_index_working(settings: Settings, embedder) -> None:
    """SIGKILL a real `build_index` process mid-embedding: no cleanup runs, yet the old index still serves."""
    build_index(settings, progress=False, embedder=embedder)
    before = read_pointer(settings)
    expected = top_ids(settings, embedder)
    script = textwrap.dedent(
        f"""
        import sys, time
        from foundation.settings import Settings
        from index.embedding import BundledEmbedding
        from index.build import build_index

        real = BundledEmbedding.embed
        def stall(self, texts, *a, **kw):
            vectors = real(self, texts, *a, **kw)
            print("EMBEDDING", flush=True)
            time.sleep(120)
            return vectors
        BundledEmbedding.embed = stall
        build_index(Settings(home={str(settings.home)!r}, index={{"chunk_size": 24}}), progress=False)
        """
    )
    env = os.environ | {"PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    try:
        line = proc.stdout.readline()
        assert line.strip() == "EMBEDDING", proc.stderr.read()
        owned = json.loads((settings.index_dir / "owned.json").read_text())
        assert len(owned) == 2  # the doomed build registered its collection before creating it
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()

    assert read_pointer(settings) == before
    assert top_ids(settings, embedder) == expected
    leftover = set(owned) - {before["collection"]}
    # the next successful build collects the killed build's collection
    report = build_index(settings, progress=False, force=True, embedder=embedder)
    names = collection_names(settings)
    assert names == {report["collection"]} and not (leftover & names)


def test_only_one_build_at_a_time(settings: Settings, embedder) -> None:
    with build_lock(settings.index_dir):
        with pytest.raises(IndexStoreError, match="another `pns index build` is running"):
            build_index(settings, progress=False, embedder=embedder)


def test_build_and_query_open_no_connection_at_all(settings: Settings, monkeypatch) -> None:
    """Embedded mode needs no socket: any connect (even loopback) fails the test, model load included."""
    opened: list[object] = []

    def refuse(self, address, *a, **kw):
        opened.append(address)
        raise ConnectionRefusedError(f"network access attempted: {address!r}")

    def refuse_create(address, *a, **kw):
        opened.append(address)
        raise ConnectionRefusedError(f"network access attempted: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse_create)

    
    from index.embedding import BundledEmbedding

    fresh = BundledEmbedding(settings.index.embedding_model)  # loads the model under the guard
    report = build_index(settings, progress=False, embedder=fresh)
    index = open_index(settings)  # its own model load, also under the guard
    assert report["chunks"] > 0 and index.dense_search(QUESTION, 3) and index.lexical_search(QUESTION, 3)
    assert opened == []
    assert os.environ["HF_HUB_OFFLINE"] == "1" and os.environ["ANONYMIZED_TELEMETRY"] == "False"
    import huggingface_hub.constants

    assert huggingface_hub.constants.HF_HUB_OFFLINE


def test_cli_build_prints_a_summary(settings: Settings, embedder, monkeypatch) -> None:
    from index import build as build_module
    from index.cli import app

    real = build_module.build_index
    monkeypatch.setattr(build_module, "build_index", lambda s, progress=True, force=False: real(s, progress, force, embedder))
    first = CliRunner().invoke(app, ["build", "--no-progress"], obj=settings)
    assert first.exit_code == 0, first.output
    assert "index built:" in first.output and "embedded, 0 reused" in first.output
    again = CliRunner().invoke(app, ["build", "--no-progress", "--json"], obj=settings)
    assert json.loads(again.stdout)["embedded"] == 0


def test_the_shared_session_index_is_usable(built_index_home: Settings) -> None:
    index = open_index(built_index_home)
    assert index.status()["chunks"] == len(index.chunks()) > 0
    assert index.lexical_search("Trousseau syndrome", 1)[0].chunk.section_id == "symptoms-and-clinical-presentation/common-symptoms"


def test_concurrent_first_queries_are_safe(built_index_home: Settings) -> None:
    """The UI serves several requests at once, possibly before the model is loaded."""
    from concurrent.futures import ThreadPoolExecutor

    questions = ["What causes paraneoplastic syndromes?", "Is there a blood test?", "Can children get it?",
                 "What is plasmapheresis?", "How long do symptoms last?", "Which cancers are linked?"] * 3
    index = open_index(built_index_home)  # cold: model and BM25 load inside the threads
    with ThreadPoolExecutor(max_workers=6) as pool:
        dense = list(pool.map(lambda q: [s.chunk.id for s in index.dense_search(q, 5)], questions))
        lexical = list(pool.map(lambda q: [s.chunk.id for s in index.lexical_search(q, 5)], questions))
    assert dense == [[s.chunk.id for s in index.dense_search(q, 5)] for q in questions]
    assert lexical == [[s.chunk.id for s in index.lexical_search(q, 5)] for q in questions]
