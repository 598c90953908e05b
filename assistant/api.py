"""The assistant's Python API: `Assistant(settings).ask(question, history) -> Answer`.

Contract (the CLI, the Gradio UI and the evaluation code against exactly this):

    from assistant.api import Assistant
    assistant = Assistant(settings)            # cheap: validates settings, loads nothing
    assistant.warm_up()                        # optional: open the index, load the model and caches now;
                                               # raises IndexStoreError when no index is built (so a
                                               # server can build one), never anything else on a good index
    answer = assistant.ask("How is it treated?",
                           history=[{"role": "user", "content": "What is Trousseau syndrome?"},
                                    {"role": "assistant", "content": "..."}])
    answer.status        # 'answered' | 'not_found' | 'out_of_scope' | 'emergency' | 'personal_advice'
                         # | 'unsupported_language' | 'invalid_input' | 'error'
    answer.body          # what the assistant says; answer.disclaimer: the fixed disclaimer (kept apart)
    answer.answer        # the full plain text to show, ALWAYS ending with DISCLAIMER (assistant/disclaimer.py)
    answer.citations     # [Citation(marker=1, chunk_id, section, quote, start, end, references=[...])]
    answer.contexts      # retrieved passage texts in rank order (answer.context_ids: their chunk ids)
    answer.standalone_question, answer.latency_ms, answer.flags, answer.answerer

    stream = assistant.stream(question, history)   # an AnswerStream (assistant/streaming.py)
    for text in stream:                            # progressively longer texts, sentence by sentence;
        show(text)                                 # EVERY text is complete to display: it ends with the
                                                   # disclaimer; the last one equals stream.answer.answer
    final = stream.answer                          # the Answer (set before the first text is yielded)
    assistant.last_answer                          # also the most recent Answer of this Assistant (convenience
                                                   # for single-user callers; under concurrency use stream.answer)
    assistant.corpus / assistant.corpus_view()     # the corpus answers are grounded in / its read-only view
    assistant.passage(chunk_id)                    # the cited passage: text, section, offsets, references
    assistant.triage()                             # language, spelling, abbreviations, safety, bibliography router

Guarantees: `ask` never raises. Any failure becomes an Answer with status 'error' and a friendly
message (a missing or broken index says to run `pns index build`); no stack trace is ever returned.
Every Answer is made by `assistant.replies.reply`, which sets the one disclaimer; nothing in a
question, a history or a model's output can remove or alter it. Questions and histories are only
ever treated as text: nothing in them is executed or followed as an instruction.

The steps one question goes through are assistant/pipeline.py; what to say is decided by the
configured answerer (assistant/answerers/, chosen by settings.answer.answerer). The Assistant is
safe to share between threads (the UI serves several users with one instance).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from assistant.disclaimer import DISCLAIMER
from assistant.errors import AssistantError, UnknownPassageError
from assistant.models import Answer, Passage
from assistant.replies import failure_reply, index_error_message
from assistant.streaming import AnswerStream, progressive_texts
from index.errors import IndexStoreError
from index.word_vectors import word_vectors

if TYPE_CHECKING:
    from assistant.abstention import Support
    from assistant.answerers.base import Answerer
    from assistant.citations import CitationResolver
    from assistant.parts import Parts
    from assistant.retrieval import SearchBackend
    from assistant.triage import Triage
    from corpus.corpus import Corpus, CorpusView
    from foundation.settings import Settings
    from index.numpy_encoder import Embedder


class Assistant:
    """Answers questions about the article from its built index; see the module docstring for the contract."""

    def __init__(self, settings: "Settings", *, index: "SearchBackend | None" = None, llm: Any | None = None,
                 resolver: "CitationResolver | None" = None, corpus: "Corpus | None" = None) -> None:
        """Cheap: nothing is opened or loaded here. `index`, `llm`, `resolver` and `corpus` let tests and tools inject parts."""
        from assistant.answerers.registry import create_answerer

        if settings.answer.top_k <= 0:
            raise AssistantError(f"top_k must be positive, got {settings.answer.top_k}")
        if settings.answer.max_question_chars <= 0:
            raise AssistantError(f"max_question_chars must be positive, got {settings.answer.max_question_chars}")
        self.settings = settings
        self.answerer: Answerer = create_answerer(settings, llm)
        self._injected_index = index
        self._injected_resolver = resolver
        self._injected_corpus = corpus
        self._corpus = corpus
        self._parts: Parts | None = None
        self._triage: Triage | None = None
        self._embedder: Embedder | None = None
        self._lock = threading.RLock()
        self.last_answer: Answer | None = None

    # -- loading ---------------------------------------------------------------------------------
    def warm_up(self) -> None:
        """Open the index, load the embedding model, BM25, the article's sentence vectors and the answerer's model now."""
        parts = self.parts()
        from index.sentence_vectors import article_chunks

        parts.index.warm_up()
        # the article's sentences now; a cited source's on first retrieval (thousands of source passages
        # would make warm-up take minutes, and most are never quoted)
        parts.bank.ensure(article_chunks(parts.index.chunks()))
        self.triage().warm_up()
        self.answerer.warm_up()

    @property
    def corpus(self) -> "Corpus":
        """The corpus answers are grounded in, loaded once per Assistant (and again after a rebuild)."""
        with self._lock:
            if self._corpus is None:
                from corpus.corpus import Corpus

                self._corpus = Corpus.load(self.settings)
            return self._corpus

    def corpus_view(self) -> "CorpusView":
        """Read-only corpus lookups for the edges (web UI, MCP): references, sections, source texts."""
        return self.corpus.view()

    def triage(self) -> "Triage":
        """Language, spelling, abbreviations, safety and the bibliography router, built once from the corpus."""
        with self._lock:
            if self._triage is None:
                from assistant.triage import Triage

                self._triage = Triage.from_corpus(self.corpus, cache_dir=self.settings.home / "cache")
                if self.settings.index.embedding_model == (self._triage.emergency_model.embedding_model
                                                           if self._triage.emergency_model else None):
                    self._triage.word_vectors = partial(word_vectors, self.settings)
                    self._triage.embed = self.embedder().embed_queries
            return self._triage

    def embedder(self) -> "Embedder":
        """The question and sentence embedder, one loaded model for the index and the triage's word families.

        Why here: triage runs before the index is opened (a refused question never opens it), yet its yes/no
        word families need the same sentence model; a second copy of the weights cost a cold `pns ask` ~0.3 s.
        An injected index (eval, tests) shares its own. Construction is cheap; the weights load on first use.
        """
        with self._lock:
            if self._embedder is None:
                from index.numpy_encoder import NumpyEmbedding

                injected = getattr(self._injected_index, "embedder", None)  # an injected index's own model
                self._embedder = injected or NumpyEmbedding(self.settings.index.embedding_model)
            return self._embedder

    def parts(self) -> "Parts":
        """The loaded parts of the live index (index, retriever, sentence bank, citation resolver), opening it if needed.

        Re-opened when `pns index build` switched the live index since (unless an index was injected).
        """
        from assistant.parts import live_build_changed, load_parts

        with self._lock:
            parts = self._parts
            if parts is not None and (self._injected_index is not None
                                      or not live_build_changed(self.settings, parts.build_hash)):
                return parts
            if parts is not None:  # a rebuild may follow `pns corpus add`: read the files again
                self._corpus = self._injected_corpus
                self._triage = None
            self._parts = load_parts(self.settings, self._injected_index, self.corpus, self._injected_resolver,
                                     self.embedder() if self._injected_index is None else None)
            return self._parts

    def _forget_index(self) -> None:
        """After an index failure, open it afresh next time (it may have been rebuilt meanwhile)."""
        with self._lock:
            if self._injected_index is None:
                self._parts = None

    # -- answering -------------------------------------------------------------------------------
    def ask(self, question: str, history: Sequence[Any] | None = None) -> Answer:
        """Answer one question (with optional earlier turns); never raises, always ends with the disclaimer."""
        from assistant.pipeline import answer_question

        started = time.perf_counter()
        try:
            answer = answer_question(self.settings, question, history, self.parts, self.answerer, self.triage)
        except Exception as exc:  # the API edge: every failure becomes an answer (assistant/replies.py)
            if isinstance(exc, IndexStoreError):
                self._forget_index()
            answer = failure_reply(exc)
        if answer.disclaimer != DISCLAIMER:  # belt and braces: no path may change the disclaimer
            answer = answer.model_copy(update={"disclaimer": DISCLAIMER})
        answer.latency_ms = round((time.perf_counter() - started) * 1000, 2)
        self.last_answer = answer
        return answer

    def support(self, question: str, history: Sequence[Any] | None = None) -> "Support":
        """The support gate's verdict for a question, without answering it (for tuning and for 'why not?').

        Raises (unlike ask): InvalidQuestion for bad input, IndexStoreError without an index.
        """
        from assistant.pipeline import follow_up_of, gather, understand
        from assistant.support_gate import gate

        understood = understand(self.settings, question, history, self.triage)
        triage = self.triage()
        evidence = gather(self.parts(), understood.standalone, understood.query,
                          followup=follow_up_of(understood, self.triage))
        return gate(self.settings, evidence, triaged=understood.triaged, known=triage.known_terms())

    def passage(self, chunk_id: str) -> Passage:
        """The passage a citation's chunk_id names: exact text, section, offsets and related references.

        Raises (unlike ask): UnknownPassageError for an id the live index lacks, IndexStoreError without an index.
        """
        from assistant.citations import BIBLIOGRAPHY_SOURCE_ID, CitationError
        from foundation.errors import quoted

        parts = self.parts()
        if (chunk_id or "").strip().startswith(f"{BIBLIOGRAPHY_SOURCE_ID}:"):  # a bibliography answer cites the entry
            try:
                entry = parts.resolver.cite_entry(1, chunk_id.strip().split(":", 1)[1])
            except CitationError as exc:
                raise UnknownPassageError(f"no bibliography entry with id {quoted(chunk_id)}") from exc
            return Passage(**entry.model_dump(exclude={"marker", "quote"}), text=entry.quote)
        chunk = next((c for c in parts.index.chunks() if c.id == (chunk_id or "").strip()), None)
        if chunk is None:
            raise UnknownPassageError(f"no passage with id {quoted(chunk_id)} in the index (ids come from an answer's "
                                      "citations; the index may have been rebuilt since)")
        cited = parts.resolver.cite(1, chunk, 0, len(chunk.text))
        return Passage(**cited.model_dump(exclude={"marker", "quote"}), text=cited.quote)

    def stream(self, question: str, history: Sequence[Any] | None = None) -> AnswerStream:
        """Like ask, but iterable: yields progressively longer displayable texts (see AnswerStream)."""
        return AnswerStream(self.ask, question, history)


__all__ = ["Assistant", "AnswerStream", "progressive_texts", "index_error_message"]
