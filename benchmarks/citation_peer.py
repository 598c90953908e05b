"""The peer: llama-index's CitationQueryEngine over our index, answering with the same local model.

Why this peer: it is the standard llama-index way to get cited answers (chunks numbered as sources,
the LLM writes an answer with [n] markers), so it shows what the same model does when it writes the
answer instead of choosing verbatim sentences. Same Chroma collection and embedder as `pns`, same
GGUF through foundation.llm (a small llama-index CustomLLM adapter, `FoundationLLM`), same top-k.

`ask(question, history)` returns an Answer-like value for benchmarks/answer_runs.py: the generated
body, the cited chunks as article spans, and status not_found when the model says it cannot answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

TOP_K = 5
CANNOT = re.compile(r"\b(?:i (?:do not|don't|cannot|can't) (?:know|find|answer)|not (?:mentioned|provided|stated|"
                    r"specified|covered|available|discussed)|no information|does not (?:mention|provide|say|contain|specify))\b",
                    re.IGNORECASE)


def foundation_llm_adapter(llm: Any, context_window: int = 4096, max_tokens: int = 256) -> Any:
    """A llama-index LLM whose completions come from a foundation.llm backend (one model, one lock)."""
    from llama_index.core.llms import CompletionResponse, CustomLLM, LLMMetadata
    from llama_index.core.llms.callbacks import llm_completion_callback

    class FoundationLLM(CustomLLM):
        backend: Any = None

        @property
        def metadata(self) -> LLMMetadata:
            return LLMMetadata(context_window=context_window, num_output=max_tokens, model_name=self.backend.model,
                               is_chat_model=False)

        @llm_completion_callback()
        def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
            text = self.backend.chat([{"role": "user", "content": prompt}], max_tokens=max_tokens)
            return CompletionResponse(text=text)

        @llm_completion_callback()
        def stream_complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> Any:
            response = self.complete(prompt)
            yield response

    return FoundationLLM(backend=llm)


@dataclass
class PeerCitation:
    start: int
    end: int
    source_id: str = "article"
    references: list[Any] = field(default_factory=list)


@dataclass
class PeerAnswer:
    status: str
    body: str
    citations: list[PeerCitation]
    flags: list[str] = field(default_factory=list)


class CitationPeer:
    """CitationQueryEngine over the live index's collection and embedder."""

    def __init__(self, search_index: Any, llm: Any) -> None:
        from llama_index.core import VectorStoreIndex
        from llama_index.core.query_engine import CitationQueryEngine
        from llama_index.vector_stores.chroma import ChromaVectorStore

        from index.embedding import BundledEmbedding

        embedder = BundledEmbedding(search_index.pointer["embedding_model"])  # a llama-index BaseEmbedding, same model
        embedder.warm_up()
        store = ChromaVectorStore(chroma_collection=search_index.collection)
        index = VectorStoreIndex.from_vector_store(store, embed_model=embedder)
        self.engine = CitationQueryEngine.from_args(index, llm=foundation_llm_adapter(llm), similarity_top_k=TOP_K,
                                                    citation_chunk_size=1024)
        self.chunks = {c.id: c for c in search_index.chunks()}

    def ask(self, question: str, history: list[dict[str, str]] | None = None) -> PeerAnswer:
        earlier = " ".join(t["content"] for t in history or [] if t["role"] == "user")
        query = f"{earlier} {question}".strip() if earlier else question  # no follow-up rewriting in the peer
        response = self.engine.query(query)
        body = str(response.response or "").strip()
        cited = {int(n) for n in re.findall(r"\[(\d+)\]", body)}
        citations = []
        for n, node in enumerate(response.source_nodes, start=1):
            chunk = self.chunks.get(node.node.ref_doc_id or "") or self._chunk_of(node.node.get_content())
            if n in cited and chunk is not None:
                citations.append(PeerCitation(chunk.start, chunk.end))
        status = "not_found" if not body or CANNOT.search(body) else "answered"
        return PeerAnswer(status=status, body=body, citations=citations if status == "answered" else [])

    def _chunk_of(self, text: str) -> Any:
        """The index chunk a source node's text was cut from (CitationQueryEngine re-splits nodes)."""
        body = text.split(":", 1)[1].strip() if text.startswith("Source ") else text.strip()
        return next((c for c in self.chunks.values() if body[:60] and body[:60] in c.text), None)
