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
        """Wrap the live collection of `search_index`; warms the shared embedder so nothing loads while timed."""
        from llama_index.core import VectorStoreIndex
        from llama_index.core.llms import MockLLM
        from llama_index.core.response_synthesizers.no_text import NoText
        from llama_index.vector_stores.chroma import ChromaVectorStore

        embedder = search_index.embedder
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


def main(argv: list[str] | None = None) -> int:
    from corpus.settings import Settings, disable_telemetry

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
