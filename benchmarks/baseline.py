"""The baseline every performance number is compared with: plain llama-index over OUR index.

What "plain" means here, and why it is an honest comparison:
- the same Chroma collection our `pns index build` wrote (read through llama-index's
  `ChromaVectorStore`, nothing re-embedded, nothing copied);
- the same bundled embedding model (`index.embedding.BundledEmbedding`, a llama-index
  `BaseEmbedding`), loaded and warmed up before anything is timed;
- `VectorStoreIndex.from_vector_store(...).as_retriever(similarity_top_k=5)` for recall@5, and
  `.as_query_engine(...)` with the `no_text` response synthesizer for latency. `no_text` retrieves and wraps the
  passages in a `Response` without synthesising text, so the baseline needs no LLM: `MockLLM` is
  passed only so llama-index does not go looking for an OpenAI key, and it is never called. That
  makes the baseline's latency a lower bound of what any llama-index query engine over this index
  costs (dense retrieval only: no BM25, no fusion, no follow-up rewriting, no safety gate, no
  answer composition, no citation checks).

Run standalone for a smoke check: .venv/bin/python -m benchmarks.baseline "What is Trousseau syndrome?"
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from corpus.paths import article_path

if TYPE_CHECKING:
    from index.store import SearchIndex

TOP_K = 5


@dataclass
class LlamaIndexBaseline:
    """A llama-index retriever and query engine over an opened SearchIndex's collection and embedder."""

    retriever: Any
    query_engine: Any
    top_k: int

    @classmethod
    def over(cls, search_index: "SearchIndex", top_k: int = TOP_K) -> "LlamaIndexBaseline":
        """Wrap the live collection of `search_index`; warms its embedder so nothing loads while timed."""
        from llama_index.core import VectorStoreIndex
        from llama_index.core.llms import MockLLM
        from llama_index.core.response_synthesizers.no_text import NoText
        from llama_index.vector_stores.chroma import ChromaVectorStore

        from index.embedding import BundledEmbedding

        # llama-index needs its own BaseEmbedding: the SearchIndex's default query encoder is the torch-free
        # numpy port (index/numpy_encoder.py), which llama-index cannot take; same model, same vectors
        embedder = BundledEmbedding(search_index.pointer["embedding_model"])
        embedder.warm_up()
        store = ChromaVectorStore(chroma_collection=search_index.collection)
        index = VectorStoreIndex.from_vector_store(store, embed_model=embedder)
        retriever = index.as_retriever(similarity_top_k=top_k)
        # NoText is built here because llama-index's factory drops `llm` for it and would then resolve
        # Settings.llm, i.e. OpenAI (llama-index-core 0.14.25, response_synthesizers/factory.py)
        llm = MockLLM()
        engine = index.as_query_engine(llm=llm, response_synthesizer=NoText(llm=llm), similarity_top_k=top_k)
        baseline = cls(retriever=retriever, query_engine=engine, top_k=top_k)
        baseline.query("paraneoplastic syndrome")  # first call builds llama-index's lazy parts
        return baseline

    def retrieve_ids(self, question: str) -> list[str]:
        """Chunk ids of the top-k passages, best first (our build stores each chunk under its own id)."""
        return [n.node.node_id for n in self.retriever.retrieve(question)]

    def query(self, question: str) -> Any:
        """One query-engine call: embed, search Chroma, wrap the nodes in a Response (no text synthesis)."""
        return self.query_engine.query(question)


def cold_query(home: str, question: str) -> list[str]:
    """A cold process's plain llama-index path, for the cold-start comparison with `pns ask`.

    Only what a plain llama-index app needs: chromadb's PersistentClient on our built collection
    (named by HOME/index/current.json), the same bundled model, VectorStoreIndex.from_vector_store,
    a no-text query engine, one query. Returns the chunk ids it retrieved.
    """
    import json
    from pathlib import Path

    from foundation.settings import disable_telemetry

    disable_telemetry()
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import VectorStoreIndex
    from llama_index.core.llms import MockLLM
    from llama_index.core.response_synthesizers.no_text import NoText
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from index.embedding import BundledEmbedding

    index_dir = Path(home) / "index"
    pointer = json.loads((index_dir / "current.json").read_text(encoding="utf-8"))
    client = chromadb.PersistentClient(path=str(index_dir / "chroma"), settings=ChromaSettings(anonymized_telemetry=False))
    store = ChromaVectorStore(chroma_collection=client.get_collection(pointer["collection"], embedding_function=None))
    index = VectorStoreIndex.from_vector_store(store, embed_model=BundledEmbedding(pointer["embedding_model"]))
    llm = MockLLM()
    engine = index.as_query_engine(llm=llm, response_synthesizer=NoText(llm=llm), similarity_top_k=TOP_K)
    return [n.node.node_id for n in engine.query(question).source_nodes]


def cold_build(home: str, chunk_size: int = 64) -> int:
    """A cold process's plain llama-index ingestion, for the build-time comparison with `pns index build`.

    The raw article file as one Document, llama-index's SentenceSplitter with our chunk size counted
    in the same model's word pieces, the same bundled embedder, a fresh Chroma collection under
    `home`. No cleaning, no sections, no offsets, no BM25, no reuse of unchanged vectors, no atomic
    switch. Returns the number of nodes stored.
    """
    from pathlib import Path

    from foundation.settings import Settings, disable_telemetry

    disable_telemetry()
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from llama_index.core import Document, StorageContext, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.vector_stores.chroma import ChromaVectorStore

    from index.embedding import BundledEmbedding

    settings = Settings(home=Path(home))
    embedder = BundledEmbedding(settings.index.embedding_model)
    text = article_path(settings).read_text(encoding="utf-8")
    splitter = SentenceSplitter(chunk_size=chunk_size, chunk_overlap=0, tokenizer=_model_tokenizer(embedder))
    nodes = splitter.get_nodes_from_documents([Document(text=text)])
    client = chromadb.PersistentClient(path=str(Path(home) / "baseline-chroma"), settings=ChromaSettings(anonymized_telemetry=False))
    collection = client.create_collection("baseline", embedding_function=None, metadata={"hnsw:space": "cosine"})
    storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=collection))
    VectorStoreIndex(nodes, storage_context=storage, embed_model=embedder)
    return collection.count()


def _model_tokenizer(embedder: Any) -> Any:
    tok = embedder.warm_up().tokenizer
    return lambda text: tok.encode(text, add_special_tokens=False)


def main(argv: list[str] | None = None) -> int:
    from foundation.settings import Settings, disable_telemetry

    disable_telemetry()
    from index.store import open_index

    args = argv if argv is not None else sys.argv[1:]
    question = " ".join(args) or "What is Trousseau syndrome?"
    index = open_index(Settings())
    baseline = LlamaIndexBaseline.over(index)
    response = baseline.query(question)
    for rank, node in enumerate(response.source_nodes, start=1):
        chunk = index.chunk(node.node.node_id)
        print(f"{rank}. {node.score:.3f} {chunk.section_id}: {chunk.text[:90]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
