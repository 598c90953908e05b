"""The built index on disk and in Chroma, and the SearchIndex that answers queries from it.

Layout under `settings.index_dir` (HOME/index):
- current.json       the pointer: which collection, chunk table and BM25 folder make up the live index,
                     plus what built it (model, dimension, chunk size, sources). Replaced atomically
                     (foundation/atomic_files.py), so a reader sees the old index or the new one, never half of each.
- chunks-<tag>.json  the chunk table (every Chunk as JSON): the lexical index and the citation resolver
                     read metadata from here without a round trip to Chroma.
- bm25-<tag>/        the BM25 index over the same chunk ids.
- chroma/            the embedded Chroma database (absent when PNS_CHROMA_URL points at a server).
- owned.json         collections this HOME created, so garbage collection never touches anyone else's
                     collections on a shared Chroma server.

Vectors live in Chroma (index/chroma.py: connecting, collections, failures; written through llama-index's
ChromaVectorStore; we always pass our own embeddings, so Chroma can never fetch a model).
Queries go straight to the collection with a precomputed vector: the hot path must stay well
under the assistant's 150 ms budget, so nothing is rebuilt per call.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foundation.atomic_files import atomic_write_json
from index.chroma import chroma_errors, chroma_location, connect, get_collection, vector_store
from index.errors import BUILD_HINT, IndexStoreError
from index.models import Chunk, ScoredChunk

if TYPE_CHECKING:
    from foundation.settings import Settings
    from index.lexical import LexicalIndex
    from index.numpy_encoder import Embedder

FORMAT_VERSION = 1
POINTER_FILE = "current.json"
OWNED_FILE = "owned.json"


# -- files -------------------------------------------------------------------------------------
def read_pointer(settings: "Settings") -> dict[str, Any] | None:
    """The live index's pointer; None when no index was ever built; IndexStoreError when unreadable."""
    path = settings.index_dir / POINTER_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise IndexStoreError(f"index pointer {path} is corrupt ({exc}): {BUILD_HINT} to rebuild the index") from exc
    required = ("format", "collection", "build_hash", "manifest", "lexical", "chunks", "embedding_model", "dimension")
    missing = [k for k in required if k not in data] if isinstance(data, dict) else list(required)
    if missing:
        raise IndexStoreError(f"index pointer {path} is corrupt (missing {', '.join(missing)}): {BUILD_HINT}")
    return data


def write_manifest(path: Path, build_hash: str, chunks: list[Chunk]) -> None:
    atomic_write_json(path, {"format": FORMAT_VERSION, "build_hash": build_hash,
                             "chunks": [c.model_dump() for c in chunks]}, indent=1)


def load_manifest(path: Path, build_hash: str | None = None) -> list[Chunk]:
    """The chunk table; IndexStoreError naming the file when it is missing, unreadable or stale."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        chunks = [Chunk.model_validate(c) for c in data["chunks"]]
    except FileNotFoundError as exc:
        raise IndexStoreError(f"index chunk table {path} is missing: {BUILD_HINT} to rebuild the index") from exc
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexStoreError(f"index chunk table {path} is corrupt ({exc}): {BUILD_HINT} to rebuild the index") from exc
    if build_hash is not None and data.get("build_hash") != build_hash:
        raise IndexStoreError(f"index chunk table {path} does not belong to the current index: {BUILD_HINT}")
    return chunks


# -- compatibility -----------------------------------------------------------------------------
def check_compatible(pointer: dict[str, Any], settings: "Settings") -> None:
    """Refuse an index built by another format or embedding model: its vectors mean nothing to ours."""
    from foundation.model_registry import bundled_model

    if pointer.get("format") != FORMAT_VERSION:
        raise IndexStoreError(
            f"the index at {settings.index_dir} has format {pointer.get('format')!r}, this version reads "
            f"{FORMAT_VERSION}: {BUILD_HINT} to rebuild it"
        )
    want = bundled_model(settings.index.embedding_model)
    if pointer["embedding_model"] != want.name or int(pointer["dimension"]) != want.dimension:
        raise IndexStoreError(
            f"incompatible index: it was built with embedding model {pointer['embedding_model']!r} "
            f"({pointer['dimension']}-d vectors) but settings ask for {want.name!r} ({want.dimension}-d): "
            f"{BUILD_HINT} to rebuild it, or set PNS_EMBEDDING_MODEL={pointer['embedding_model']}"
        )


# -- the search index --------------------------------------------------------------------------
class SearchIndex:
    """Dense (Chroma) and lexical (BM25) search over one built index, plus its chunk table.

    Cheap to open (reads the pointer and chunk table, opens the collection); the embedding model
    and the BM25 index load on first use, or eagerly in warm_up().
    """

    def __init__(self, settings: "Settings", pointer: dict[str, Any], chunks: list[Chunk], collection: Any,
                 embedder: "Embedder | None" = None) -> None:
        self.settings = settings
        self.pointer = pointer
        self._chunks = chunks
        self._by_id = {c.id: c for c in chunks}
        self._collection = collection
        self._embedder: Embedder | None = embedder
        self._lexical: LexicalIndex | None = None
        self._load_lock = threading.Lock()  # first queries may arrive concurrently (UI threads)

    # loading
    @property
    def embedder(self) -> "Embedder":
        """The question/sentence embedder: by default the torch-free numpy encoder (index.numpy_encoder).

        Why not the build's sentence-transformers model: importing torch & co. was most of a cold
        `pns ask`; the numpy encoder reads the same weights and gives the same vectors (cosine 1.0,
        tests/index/test_index_encoder.py). A caller may still inject any Embedder (e.g. the one it built with).
        """
        with self._load_lock:
            if self._embedder is None:
                from index.numpy_encoder import NumpyEmbedding

                self._embedder = NumpyEmbedding(self.pointer["embedding_model"])
            return self._embedder

    @property
    def lexical(self) -> "LexicalIndex":
        with self._load_lock:
            if self._lexical is None:
                from index.lexical import LexicalIndex

                self._lexical = LexicalIndex.load(self.settings.index_dir / self.pointer["lexical"])
            return self._lexical

    def warm_up(self) -> None:
        """Load the model and BM25 now and run one query, so the first user question is not slow."""
        self.embedder.warm_up()
        _ = self.lexical
        self.dense_search("paraneoplastic syndrome", 1)

    @property
    def collection(self) -> Any:
        """The raw Chroma collection (for benchmarks and diagnostics)."""
        return self._collection

    @property
    def vector_store(self) -> Any:
        """llama-index's ChromaVectorStore over the live collection."""
        return vector_store(self._collection)

    # metadata
    def chunks(self) -> list[Chunk]:
        return list(self._chunks)

    def chunk(self, chunk_id: str) -> Chunk:
        try:
            return self._by_id[chunk_id]
        except KeyError:
            raise IndexStoreError(f"no chunk {chunk_id!r} in the index (rebuilt since it was cited?)") from None

    def status(self) -> dict[str, Any]:
        keys = ("chunks", "collection", "embedding_model", "dimension", "built_at", "sources", "chunk_size",
                "chunk_overlap", "build_hash")
        # where the vectors are read from now: the pointer records where they were written, stale once HOME moves
        return {k: self.pointer.get(k) for k in keys} | {"location": chroma_location(self.settings),
                                                         "index_dir": str(self.settings.index_dir)}

    # search
    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_query(text)

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        """Question vectors in one forward pass (the same vectors as embed_query, one at a time)."""
        return [list(v) for v in self.embedder.embed_queries(list(texts))]

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        """Passage-side vectors (e.g. the sentences an extractive answer is chosen from), with the same model."""
        return self.embedder.embed(list(texts))

    def dense_search(self, query: str, k: int) -> list[ScoredChunk]:
        """Top-k chunks by cosine similarity to the question (score in [-1, 1], higher is closer)."""
        if not query.strip() or k <= 0:
            return []
        return self.search_vector(self.embed_query(query), k)

    @property
    def source_ids(self) -> set[str]:
        """Which documents the index holds: 'article' and the reference ids of indexed source texts."""
        return {c.source_id for c in self._chunks}

    def search_vector(self, vector: list[float], k: int, source_id: str | None = None) -> list[ScoredChunk]:
        """Top-k chunks for a precomputed query vector (of one document when `source_id` is given):
        one Chroma query, ids only, metadata from the chunk table."""
        k = min(k, len(self._chunks))
        if k <= 0:
            return []
        where = {"where": {"source_id": source_id}} if source_id else {}
        with chroma_errors(self.settings, "querying"):
            result = self._collection.query(query_embeddings=[vector], n_results=k, include=["distances"], **where)
        out: list[ScoredChunk] = []
        for chunk_id, distance in zip(result["ids"][0], result["distances"][0]):
            chunk = self._by_id.get(chunk_id)
            if chunk is None:  # collection and chunk table disagree: never cite a passage we cannot show
                raise IndexStoreError(f"Chroma returned chunk {chunk_id!r} that the chunk table lacks: {BUILD_HINT}")
            out.append(ScoredChunk(chunk=chunk, score=1.0 - float(distance), rank=len(out) + 1, retriever="dense"))
        return out

    def search_vector_llama(self, vector: list[float], k: int) -> list[ScoredChunk]:
        """The same query through llama-index's ChromaVectorStore.query (kept for comparison in benchmarks)."""
        from llama_index.core.vector_stores.types import VectorStoreQuery

        with chroma_errors(self.settings, "querying"):
            result = self.vector_store.query(VectorStoreQuery(query_embedding=vector, similarity_top_k=min(k, len(self._chunks))))
        return [
            # ChromaVectorStore reports exp(-distance); undo it to get cosine similarity back
            ScoredChunk(chunk=self.chunk(i), score=1.0 + math.log(max(s, 1e-12)), rank=r, retriever="dense")
            for r, (i, s) in enumerate(zip(result.ids or [], result.similarities or []), start=1)
        ]

    def lexical_search(self, query: str, k: int) -> list[ScoredChunk]:
        """Top-k chunks by BM25 (only chunks sharing a stemmed term with the question)."""
        return [
            ScoredChunk(chunk=self.chunk(i), score=s, rank=r, retriever="bm25")
            for r, (i, s) in enumerate(self.lexical.search(query, k), start=1)
        ]


def open_index(settings: "Settings", embedder: "Embedder | None" = None) -> SearchIndex:
    """Open the live index, or raise IndexStoreError saying what is wrong and to run `pns index build`.

    `embedder` lets a long-lived caller share one loaded model across re-opens (e.g. after a rebuild).
    """
    from foundation.settings import disable_telemetry

    disable_telemetry()
    pointer = read_pointer(settings)
    if pointer is None:
        raise IndexStoreError(f"no index found in {settings.index_dir}: {BUILD_HINT} first")
    check_compatible(pointer, settings)
    chunks = load_manifest(settings.index_dir / pointer["manifest"], pointer["build_hash"])
    if len(chunks) != pointer["chunks"]:
        raise IndexStoreError(f"index chunk table has {len(chunks)} chunks, the pointer says {pointer['chunks']}: {BUILD_HINT}")
    client = connect(settings)
    collection = get_collection(client, pointer["collection"], settings)
    with chroma_errors(settings, "checking the collection"):
        count = collection.count()
        sample = collection.get(limit=1, include=["embeddings"]) if count else None
    if count != len(chunks):
        raise IndexStoreError(
            f"the index's Chroma collection {pointer['collection']!r} holds {count} vectors, the chunk table "
            f"{len(chunks)}: the index is corrupt; {BUILD_HINT}"
        )
    if sample is not None and len(sample["embeddings"][0]) != int(pointer["dimension"]):
        raise IndexStoreError(
            f"incompatible index: its vectors have {len(sample['embeddings'][0])} dimensions, "
            f"the model {pointer['embedding_model']!r} gives {pointer['dimension']}: {BUILD_HINT}"
        )
    if embedder is not None and embedder.model_name != pointer["embedding_model"]:
        raise IndexStoreError(f"embedder {embedder.model_name!r} does not match the index's {pointer['embedding_model']!r}")
    index = SearchIndex(settings, pointer, chunks, collection, embedder)
    # a missing or damaged BM25 folder is found here, where `pns index status` and a server look; checked, not loaded
    from index.lexical import LexicalIndex

    LexicalIndex.check(settings.index_dir / pointer["lexical"])
    return index


def index_status(settings: "Settings") -> dict[str, Any]:
    """The live index's status (opens it, so problems surface as IndexStoreError), and which units are enriched.

    `enrichment` says where the enrichment records come from and how many article units have questions,
    standalone readings and sentence-level references; units without them fall back to the plain sentence.
    """
    from corpus.article import load_article
    from corpus.enrichment import load_enrichment
    from corpus.paths import article_path
    from corpus.units import article_units

    info = open_index(settings).status()
    coverage = load_enrichment(settings.home).coverage(article_units(load_article(article_path(settings))))
    return info | {"enrichment": coverage}
