"""Build the index: chunk, embed what is new, store in a fresh collection, then switch atomically.

Why this order:
- Idempotent: chunk ids hash their text, and a build whose inputs hash the same as the live index's
  is a no-op. When something did change, vectors of unchanged chunks are copied from the live
  collection (matched by chunk id and by a key over model + embedded text), so only new text is embedded.
- Atomic: everything is written under new names (collection `<name>-<hash12>-<nonce>`, chunk table,
  BM25 folder) and only then does `current.json` switch, with one os.replace. A crash or Ctrl-C before
  that leaves the previous index untouched and usable; the half-built collection is dropped on the way
  out, or by the next build's garbage collection after a hard kill.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus.errors import CorpusError

from foundation.atomic_files import atomic_write_json
from foundation.errors import PNSError

from index.build_guards import build_lock, write_failures_are_index_errors
from index.errors import IndexStoreError
from index.chroma import chroma_errors, chroma_location, connect, create_collection, get_collection, vector_store
from index.garbage import collect_garbage, drop_collection, record_owned
from index.chunking import EMBED_RECIPE, chunk_corpus, embedding_text, model_tokenizer
from index.lexical import TOKENIZER_VERSION
from index.models import Chunk
from index.store import (
    FORMAT_VERSION,
    POINTER_FILE,
    check_compatible,
    load_manifest,
    read_pointer,
    write_manifest,
)

if TYPE_CHECKING:
    from foundation.settings import Settings
    from index.embedding import BundledEmbedding

EMBED_BATCH = 32
WRITE_BATCH = 1000


def build_hash(chunks: Sequence[Chunk], settings: "Settings", dimension: int) -> str:
    """Everything that decides the index's content; equal hashes mean an identical index."""
    payload = {
        "format": FORMAT_VERSION, "model": settings.index.embedding_model, "dimension": dimension,
        "recipe": EMBED_RECIPE, "chunk_size": settings.index.chunk_size, "chunk_overlap": settings.index.chunk_overlap,
        "tokenizer": TOKENIZER_VERSION, "chunks": [c.model_dump() for c in chunks],
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def embed_key(model: str, chunk: Chunk) -> str:
    """Identifies a vector: reuse one only if the model and the exact embedded text are the same."""
    return hashlib.sha256(f"{model}\n{EMBED_RECIPE}\n{embedding_text(chunk)}".encode()).hexdigest()[:32]


def _progress(iterable: Any, enabled: bool, **kwargs: Any) -> Any:
    from tqdm import tqdm

    return tqdm(iterable, disable=not enabled, file=sys.stderr, leave=False, **kwargs)


def build_index(settings: "Settings", progress: bool = True, force: bool = False,
                embedder: "BundledEmbedding | None" = None) -> dict[str, Any]:
    """Build (or refresh) the index for `settings`; returns a report (chunks, embedded, reused, seconds ...).

    `force` rebuilds into a new collection even when nothing changed (vectors are still reused).
    `embedder` lets a caller that already loaded the model share it.
    A source file that fails verification (sha256 mismatch, unreadable PDF ...) is left out rather than
    failing the build; the report lists each one under `skipped_sources` (and `pns index build` prints them).
    """
    from foundation.settings import disable_telemetry

    disable_telemetry()
    started = time.perf_counter()
    index_dir = settings.index_dir
    skipped: list[str] = []

    def skip_source(exc: CorpusError) -> None:
        skipped.append(str(exc))

    with write_failures_are_index_errors(index_dir), build_lock(index_dir):
        from index.embedding import BundledEmbedding

        embedder = embedder or BundledEmbedding(settings.index.embedding_model)
        if embedder.model_name != settings.index.embedding_model:
            raise IndexStoreError(f"embedder {embedder.model_name!r} does not match settings {settings.index.embedding_model!r}")
        chunks = chunk_corpus(settings, tokenizer=model_tokenizer(settings.index.embedding_model), on_error=skip_source)
        if not chunks:
            raise IndexStoreError("the corpus produced no chunks: is the article empty?")
        digest = build_hash(chunks, settings, embedder.dimension)
        client = connect(settings)
        old = _usable_pointer(settings)

        if old is not None and old["build_hash"] == digest and not force and _healthy(client, old, settings):
            report = _report(old | {"location": chroma_location(settings)}, embedded=0, reused=len(chunks),
                             seconds=time.perf_counter() - started, up_to_date=True, skipped=skipped)
            return {**report, **_derived_vectors(settings, embedder, chunks)}

        pointer = _write_new_index(settings, client, old, chunks, digest, embedder, progress)
        pointer["seconds"] = round(time.perf_counter() - started, 2)
        try:
            atomic_write_json(index_dir / POINTER_FILE, pointer, indent=1)  # the switch
        except BaseException:
            drop_collection(client, pointer["collection"])  # best effort; GC catches what a hard kill leaves behind
            raise
        try:
            collect_garbage(client, index_dir, pointer)
        except OSError:
            pass  # the new index is live; leftovers are retried by the next build's GC
        report = _report(pointer, embedded=pointer["embedded"], reused=pointer["reused"],
                         seconds=time.perf_counter() - started, skipped=skipped)
        return {**report, **_derived_vectors(settings, embedder, chunks)}


def _write_new_index(settings: "Settings", client: Any, old: dict[str, Any] | None, chunks: Sequence[Chunk],
                     digest: str, embedder: "BundledEmbedding", progress: bool) -> dict[str, Any]:
    """Write a complete new index under new names (collection, chunk table, BM25 folder) and return the pointer
    that names it; nothing live changes until the caller writes that pointer. A failure drops the new collection."""
    index_dir = settings.index_dir
    tag = f"{digest[:12]}-{secrets.token_hex(3)}"
    name = f"{settings.index.collection}-{tag}"
    sources = dict(sorted(Counter(c.source_id for c in chunks).items(), key=lambda kv: (kv[0] != "article", kv[0])))
    record_owned(index_dir, name)
    try:
        with chroma_errors(settings, "creating the collection"):
            collection = create_collection(client, name, {
                "embedding_model": embedder.model_name, "dimension": embedder.dimension,
                "build_hash": digest, "embed_recipe": EMBED_RECIPE,
            })
        vectors = _reuse_vectors(client, old, chunks, embedder.model_name, settings)
        reused = len(vectors)
        todo = [c for c in chunks if c.id not in vectors]
        vectors.update(_embed_chunks(embedder, todo, progress))
        _write_vectors(collection, chunks, vectors, embedder.model_name, settings, progress)

        manifest = f"chunks-{tag}.json"
        lexical = f"bm25-{tag}"
        write_manifest(index_dir / manifest, digest, chunks)
        _write_lexical(index_dir / lexical, chunks)
        with chroma_errors(settings, "verifying the new collection"):
            if collection.count() != len(chunks):
                raise IndexStoreError(f"the new collection holds {collection.count()} vectors, expected {len(chunks)}")
    except BaseException:
        drop_collection(client, name)  # best effort; GC catches what a hard kill leaves behind
        raise
    return {
        "format": FORMAT_VERSION, "collection": name, "build_hash": digest, "manifest": manifest,
        "lexical": lexical, "chunks": len(chunks), **_build_facts(settings, embedder, sources),
        "embedded": len(todo), "reused": reused,
    }


def _derived_vectors(settings: "Settings", embedder: Any, chunks: Sequence[Chunk]) -> dict[str, Any]:
    """Everything embedded beside the index so a cold question embeds nothing but itself, as the build reports it;
    the article's sentence vectors come from the query-time encoder (index/sentence_vectors.py says why)."""
    from index import sentence_vectors
    from index.word_vectors import ensure_for_build

    return {"enrichment": _enrichment_vectors(settings, embedder), "second_embedder": _second_vectors(settings),
            "article_words": ensure_for_build(settings, embedder.embed)["words"],
            "article_sentences": sentence_vectors.ensure_for_build(settings, chunks)["sentences"]}


def _enrichment_vectors(settings: "Settings", embedder: Any) -> dict[str, Any]:
    """Embed the enrichment's questions and readings now, so the first question does not (index/enrichment_vectors.py)."""
    from index.enrichment_vectors import ensure_for_build

    return ensure_for_build(settings, embedder.embed)


def _second_vectors(settings: "Settings") -> dict[str, Any]:
    """The second embedder's article passage vectors, so answering never embeds them (index/second_vectors.py)."""
    from index.second_vectors import ensure_for_build

    return ensure_for_build(settings)


def _embed_chunks(embedder: "BundledEmbedding", chunks: Sequence[Chunk], progress: bool) -> dict[str, list[float]]:
    """Vectors for the chunks that could not be reused, in batches, with a progress bar."""
    vectors: dict[str, list[float]] = {}
    with _progress(None, progress, total=len(chunks), desc="embedding", unit="chunk") as bar:
        for i in range(0, len(chunks), EMBED_BATCH):
            batch = chunks[i : i + EMBED_BATCH]
            for c, v in zip(batch, embedder.embed([embedding_text(c) for c in batch])):
                vectors[c.id] = v
            bar.update(len(batch))
    return vectors


def _build_facts(settings: "Settings", embedder: "BundledEmbedding", sources: dict[str, int]) -> dict[str, Any]:
    """What the pointer records about how the index was built (checked on open, shown by `pns index status`)."""
    return {
        "embedding_model": embedder.model_name, "dimension": embedder.dimension, "embed_recipe": EMBED_RECIPE,
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "sources": sources,
        "chunk_size": settings.index.chunk_size, "chunk_overlap": settings.index.chunk_overlap,
        "location": chroma_location(settings),
    }


def _report(pointer: dict[str, Any], *, embedded: int, reused: int, seconds: float, up_to_date: bool = False,
            skipped: Sequence[str] = ()) -> dict[str, Any]:
    keys = ("chunks", "collection", "embedding_model", "dimension", "built_at", "sources", "chunk_size",
            "chunk_overlap", "location", "build_hash")
    return {k: pointer.get(k) for k in keys} | {
        "embedded": embedded, "reused": reused, "seconds": round(seconds, 2), "up_to_date": up_to_date,
        "skipped_sources": list(skipped),
    }


def _usable_pointer(settings: "Settings") -> dict[str, Any] | None:
    """The live index's pointer if we can build on it; a corrupt or incompatible one is simply replaced."""
    try:
        pointer = read_pointer(settings)
        if pointer is not None:
            check_compatible(pointer, settings)
        return pointer
    except PNSError:
        return None


def _healthy(client: Any, pointer: dict[str, Any], settings: "Settings") -> bool:
    """The live index is complete: chunk table, a BM25 index that loads and a collection of the right size."""
    from index.lexical import LexicalIndex

    index_dir = settings.index_dir
    try:
        chunks = load_manifest(index_dir / pointer["manifest"], pointer["build_hash"])
        LexicalIndex.load(index_dir / pointer["lexical"])  # damaged BM25 files are rebuilt, not "up to date"
        collection = get_collection(client, pointer["collection"], settings)
        return collection.count() == len(chunks) == pointer["chunks"]
    except PNSError:
        return False


def _reuse_vectors(client: Any, old: dict[str, Any] | None, chunks: Sequence[Chunk], model: str,
                   settings: "Settings") -> dict[str, list[float]]:
    """Vectors of unchanged chunks from the live collection (same id and same embed key), by chunk id."""
    if old is None:
        return {}
    try:
        collection = get_collection(client, old["collection"], settings)
    except IndexStoreError:
        if settings.index.chroma_url:
            connect(settings)  # a down server is an error; a missing collection just means no reuse
        return {}
    wanted = {c.id: embed_key(model, c) for c in chunks}
    found: dict[str, list[float]] = {}
    ids = list(wanted)
    for i in range(0, len(ids), WRITE_BATCH):
        with chroma_errors(settings, "reading vectors to reuse"):
            got = collection.get(ids=ids[i : i + WRITE_BATCH], include=["embeddings", "metadatas"])
        for cid, vec, meta in zip(got["ids"], got["embeddings"], got["metadatas"]):
            if (meta or {}).get("embed_key") == wanted.get(cid):
                found[cid] = [float(x) for x in vec]
    return found


def chunk_nodes(chunks: Sequence[Chunk], vectors: dict[str, list[float]], model: str) -> list[Any]:
    """llama-index TextNodes carrying our ids, vectors and flat metadata (Chroma metadata must be scalars)."""
    from llama_index.core.schema import TextNode

    return [
        TextNode(
            id_=c.id, text=c.text, embedding=vectors[c.id],
            start_char_idx=c.start, end_char_idx=c.end,
            metadata={
                "source_id": c.source_id, "section_id": c.section_id, "section_path": " > ".join(c.section_path),
                "position": c.position, "start": c.start, "end": c.end,
                "reference_ids": ",".join(c.reference_ids), "embed_key": embed_key(model, c),
                **({"page": c.page} if c.page is not None else {}),  # Chroma metadata takes no None
                **({"page_label": c.page_label} if c.page_label else {}),
            },
        )
        for c in chunks
    ]


def _write_vectors(collection: Any, chunks: Sequence[Chunk], vectors: dict[str, list[float]], model: str,
                   settings: "Settings", progress: bool) -> None:
    store = vector_store(collection)
    batches = [chunks[i : i + WRITE_BATCH] for i in range(0, len(chunks), WRITE_BATCH)]
    with _progress(None, progress, total=len(chunks), desc="storing", unit="chunk") as bar:
        for batch in batches:
            with chroma_errors(settings, "writing vectors"):
                store.add(chunk_nodes(batch, vectors, model))
            bar.update(len(batch))


def _write_lexical(folder: Path, chunks: Sequence[Chunk]) -> None:
    from index.lexical import LexicalIndex

    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    LexicalIndex.build([c.id for c in chunks], [embedding_text(c) for c in chunks]).save(tmp)
    tmp.replace(folder)


def ensure_index(settings: "Settings", *, progress: bool = True, embedder: "BundledEmbedding | None" = None,
                 on_build: Callable[[str], None] | None = None) -> dict[str, Any]:
    """The live index's status, after building it when it cannot be opened (missing, partial or corrupt).

    Why one call: a server must not start without an index, and how an index is checked and built is this
    stage's business, not the web app's. `on_build(reason)` is told why a build starts (it takes a minute the
    first time). The status carries `built: True` when a build ran. When no build can help (a Chroma server that
    is down, an index folder that cannot be written) the error is raised at once, naming its fix, and nobody is
    told that a build starts.
    """
    from index.errors import ChromaUnreachableError, IndexNotWritableError
    from index.store import open_index

    try:
        return open_index(settings).status() | {"built": False}
    except (ChromaUnreachableError, IndexNotWritableError):
        raise
    except IndexStoreError as exc:
        if on_build is not None:
            on_build(str(exc))
    build_index(settings, progress=progress, embedder=embedder)
    return open_index(settings, embedder=embedder).status() | {"built": True}
