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
                         # | 'invalid_input' | 'error'
    answer.answer        # the full text to show, ALWAYS ending with DISCLAIMER (assistant/disclaimer.py)
    answer.citations     # [Citation(marker=1, chunk_id, section, quote, start, end, references=[...])]
    answer.contexts      # retrieved passage texts in rank order (answer.context_ids: their chunk ids)
    answer.standalone_question, answer.latency_ms, answer.flags

    stream = assistant.stream(question, history)   # an AnswerStream
    for text in stream:                            # progressively longer texts, sentence by sentence;
        show(text)                                 # EVERY text is complete to display: it ends with the
                                                   # disclaimer; the last one equals stream.answer.answer
    final = stream.answer                          # the Answer (set before the first text is yielded)
    assistant.last_answer                          # also the most recent Answer of this Assistant (convenience
                                                   # for single-user callers; under concurrency use stream.answer)

Guarantees: `ask` never raises. Any failure becomes an Answer with status 'error' and a friendly
message (a missing or broken index says to run `pns index build`); no stack trace is ever returned.
The disclaimer is appended by `with_disclaimer` on every path and cannot be removed or altered by
anything in a question, a history or a model's output. Questions and histories are only ever
treated as text: nothing in them is executed or followed as an instruction.

Order of decisions for one question (cheapest and safest first):
input check -> follow-up rewriting -> emergency rules (no retrieval: answer at once) -> retrieval ->
support gate (not_found / out_of_scope) -> personal-advice referral with short general information ->
extractive (default) or generative answer -> citation validation -> disclaimer.
The Assistant is safe to share between threads (the UI serves several users with one instance).
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from assistant.disclaimer import DISCLAIMER, clean_body, with_disclaimer
from assistant.models import Answer, Citation, Passage, Status
from assistant.errors import AssistantError, UnknownPassageError
from foundation.errors import PNSError
from index.errors import IndexStoreError

if TYPE_CHECKING:
    from assistant.abstention import Support
    from assistant.citations import CitationResolver
    from assistant.compose import Composition, SentenceBank
    from assistant.retrieval import Retrieval, Retriever
    from corpus.corpus import Corpus, CorpusView
    from foundation.settings import Settings

logger = logging.getLogger("pns.assistant")

PERSONAL_ADVICE_SENTENCES = 2
# Words for asking about the bibliography itself: known to the corpus even where the article never prints them.
BIBLIOGRAPHY_WORDS = ("DOI URL PMID ISBN link links reference references source sources citation citations author authors "
                      "journal publisher bibliography")
MAX_HISTORY_TURNS = 50
ERROR_MESSAGE = (
    "Sorry, something went wrong while answering this question. Please try again; if it keeps happening, "
    "rebuilding the index with `pns index build` may help."
)


def index_error_message(exc: Exception) -> str:
    """What a user is told when the index is missing or broken: what happened and the step that fixes it
    (`pns index build`, or for an unreachable Chroma server: start it or unset PNS_CHROMA_URL)."""
    from index.errors import ChromaUnreachableError

    detail = str(exc).rstrip(".")
    if "pns index build" in detail or isinstance(exc, ChromaUnreachableError):  # the detail names the next step
        return f"The search index is not available: {detail}, then ask again."
    return f"The search index is not available: {detail}. Run `pns index build`, then ask again."


class Assistant:
    """Answers questions about the article from its built index; see the module docstring for the contract."""

    def __init__(self, settings: "Settings", *, index: Any | None = None, llm: Any | None = None,
                 resolver: "CitationResolver | None" = None, corpus: "Corpus | None" = None) -> None:
        """Cheap: nothing is opened or loaded here. `index`, `llm`, `resolver` and `corpus` let tests and tools inject parts."""
        if settings.answer.top_k <= 0:
            raise AssistantError(f"top_k must be positive, got {settings.answer.top_k}")
        if settings.answer.max_question_chars <= 0:
            raise AssistantError(f"max_question_chars must be positive, got {settings.answer.max_question_chars}")
        self.settings = settings
        self._injected_index = index
        self._index = index
        self._llm = llm
        self._resolver = resolver
        self._injected_resolver = resolver
        self._corpus = corpus
        self._injected_corpus = corpus
        self._retriever: "Retriever | None" = None
        self._bank: "SentenceBank | None" = None
        self._vocab: frozenset[str] = frozenset()
        self._extra_topic_terms: frozenset[str] = frozenset()
        self._author_terms: dict[str, str] = {}
        self._build_hash: str | None = None
        self._lock = threading.RLock()
        self.last_answer: Answer | None = None

    # -- loading ---------------------------------------------------------------------------------
    def warm_up(self) -> None:
        """Open the index, load the embedding model, BM25 and every sentence vector now (seconds, once)."""
        self._ensure_loaded()
        assert self._retriever is not None and self._bank is not None
        warm = getattr(self._retriever.index, "warm_up", None)
        if warm is not None:
            warm()
        # the article's sentences now; a cited source's on first retrieval (thousands of source passages
        # would make warm-up take minutes, and most are never quoted)
        self._bank.ensure([c for c in self._retriever.index.chunks() if c.source_id == "article"])
        if self.settings.answer.answerer != "extractive" and self._llm is None:
            from assistant.generate import load_llm

            self._llm = load_llm(self.settings)

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

    def _index_changed(self) -> bool:
        """True when `pns index build` switched the live index since we opened it (re-open, don't serve stale ids)."""
        if self._injected_index is not None or self._build_hash is None:
            return False
        from index.store import read_pointer

        pointer = read_pointer(self.settings)
        return pointer is None or pointer.get("build_hash") != self._build_hash

    def _ensure_loaded(self) -> None:
        with self._lock:
            if self._retriever is not None and not self._index_changed():
                return
            from assistant.abstention import vocabulary
            from assistant.citations import CitationResolver
            from assistant.compose import SentenceBank, term_weights
            from assistant.retrieval import Retriever

            index = self._injected_index
            if index is None:
                from index.store import open_index

                index = open_index(self.settings)
            if self._build_hash is not None:  # a rebuild may follow `pns corpus add`: read the files again
                self._corpus = self._injected_corpus
            resolver = self._injected_resolver or CitationResolver.from_corpus(self.corpus)
            chunks = index.chunks()
            embedder = getattr(index, "embedder", None)
            embed = embedder.embed if embedder is not None and hasattr(embedder, "embed") else (
                lambda texts: [index.embed_query(t) for t in texts]
            )
            bibliography = [" ".join([*r.authors, r.title, r.container or "", r.publisher or ""])
                            for r in resolver.references.values()]
            self._vocab = vocabulary([resolver.article.text, *(c.text for c in chunks), *bibliography, BIBLIOGRAPHY_WORDS])
            self._author_terms = _author_terms(resolver)
            self._extra_topic_terms = frozenset(self._author_terms)
            self._bank = SentenceBank(embed, term_weights(chunks))
            self._retriever = Retriever(index, self.settings.answer.top_k)
            self._resolver = resolver
            self._index = index
            pointer = getattr(index, "pointer", None)
            self._build_hash = pointer.get("build_hash") if isinstance(pointer, Mapping) else None

    def _forget_index(self) -> None:
        """After an index failure, open it afresh next time (it may have been rebuilt meanwhile)."""
        with self._lock:
            if self._injected_index is None:
                self._retriever = None
                self._index = None
                self._build_hash = None

    # -- answering -------------------------------------------------------------------------------
    def ask(self, question: str, history: Sequence[Any] | None = None) -> Answer:
        """Answer one question (with optional earlier turns); never raises, always ends with the disclaimer."""
        started = time.perf_counter()
        try:
            answer = self._answer(question, history)
        except AssistantError as exc:
            from assistant.input import InvalidQuestion

            if isinstance(exc, InvalidQuestion):
                answer = _reply("invalid_input", str(exc))
            else:
                logger.warning("answering failed: %s", exc)
                answer = _reply("error", f"Sorry, I could not answer this question: {exc}", flags=["error: AssistantError"])
        except IndexStoreError as exc:
            self._forget_index()
            answer = _reply("error", index_error_message(exc), flags=["error: IndexStoreError"])
        except PNSError as exc:  # corpus files missing or malformed: the message names the file
            answer = _reply("error", f"Sorry, I could not answer this question: {exc}", flags=[f"error: {type(exc).__name__}"])
        except Exception as exc:  # the API edge: nothing may escape as a trace
            if os.environ.get("PNS_DEBUG"):
                logger.exception("answering failed")
            else:
                logger.error("answering failed: %s: %s", type(exc).__name__, exc)
            answer = _reply("error", ERROR_MESSAGE, flags=[f"error: {type(exc).__name__}"])
        if answer.disclaimer != DISCLAIMER:  # belt and braces: no path may change the disclaimer
            answer = answer.model_copy(update={"disclaimer": DISCLAIMER})
        answer.latency_ms = round((time.perf_counter() - started) * 1000, 2)
        self.last_answer = answer
        return answer

    def support(self, question: str, history: Sequence[Any] | None = None) -> "Support":
        """The support gate's verdict for a question, without answering it (for tuning and for 'why not?').

        Raises (unlike ask): InvalidQuestion for bad input, IndexStoreError without an index.
        """
        from assistant.abstention import check_support
        from assistant.compose import compose_answer
        from assistant.conversation import rewrite_followup
        from assistant.input import clean_question

        text = clean_question(question, self.settings.answer.max_question_chars)
        standalone = rewrite_followup(text, _check_history(history, self.settings.answer.max_question_chars))
        self._ensure_loaded()
        assert self._retriever is not None and self._bank is not None
        retrieval = self._retriever.retrieve(standalone, pool=True)
        composition = compose_answer(retrieval.query, retrieval.query_vector or self._retriever.index.embed_query(retrieval.query),
                                     retrieval.candidates, self._bank, full_vector=retrieval.full_vector,
                                     support_rank=len(retrieval.hits))
        return check_support(retrieval.query, retrieval.hits, composition.best_full_similarity,
                             self.settings.answer.abstain_threshold, self._vocab)

    def passage(self, chunk_id: str) -> Passage:
        """The passage a citation's chunk_id names: exact text, section, offsets and related references.

        Raises (unlike ask): UnknownPassageError for an id the live index lacks, IndexStoreError without an index.
        """
        self._ensure_loaded()
        assert self._retriever is not None and self._resolver is not None
        chunk = next((c for c in self._retriever.index.chunks() if c.id == (chunk_id or "").strip()), None)
        if chunk is None:
            raise UnknownPassageError(f"no passage with id {chunk_id!r} in the index (ids come from an answer's "
                                      "citations; the index may have been rebuilt since)")
        cited = self._resolver.cite(1, chunk, 0, len(chunk.text))
        return Passage(**cited.model_dump(exclude={"marker", "quote"}), text=cited.quote)

    def stream(self, question: str, history: Sequence[Any] | None = None) -> "AnswerStream":
        """Like ask, but iterable: yields progressively longer displayable texts (see AnswerStream)."""
        return AnswerStream(self, question, history)

    def _answer(self, question: str, history: Sequence[Any] | None) -> Answer:
        from assistant.abstention import check_support
        from assistant.compose import compose_answer
        from assistant.conversation import rewrite_followup
        from assistant.input import clean_question
        from assistant.retrieval import asks_for_reference
        from assistant.safety import (
            NOT_FOUND_MESSAGE, OUT_OF_SCOPE_MESSAGE, PERSONAL_ADVICE_GENERAL_INTRO, PERSONAL_ADVICE_REFERRAL,
            classify, emergency_message, mentions_topic,
        )

        text = clean_question(question, self.settings.answer.max_question_chars)
        turns = _check_history(history, self.settings.answer.max_question_chars)
        standalone = rewrite_followup(text, turns)
        verdict = classify(text)
        if verdict.category == "emergency":  # no retrieval, no delay: the instruction comes first
            return _reply("emergency", emergency_message(verdict), standalone=standalone,
                          flags=[f"safety: {verdict.rule}"])

        self._ensure_loaded()
        assert self._retriever is not None and self._bank is not None and self._resolver is not None
        retrieval = self._retriever.retrieve(self._with_author_topics(standalone), pool=True)
        personal = verdict.category == "personal_advice"
        # sentences come from the deeper pool (compose decides how many a question needs); the support
        # gate still judges the top-k only (support_rank), so abstention is unchanged by the pool
        composition = compose_answer(
            retrieval.query, retrieval.query_vector or self._retriever.index.embed_query(retrieval.query),
            retrieval.candidates, self._bank, max_sentences=PERSONAL_ADVICE_SENTENCES if personal else None,
            full_vector=retrieval.full_vector, support_rank=len(retrieval.hits),
        )
        # contexts: the top-k in rank order, then any pool passage the answer cites (every citation is a context)
        shown = retrieval.hits + [h for h in retrieval.candidates[len(retrieval.hits):]
                                  if any(q.chunk.id == h.chunk.id for q in composition.quotes)]
        contexts = [h.chunk.text for h in shown]
        context_ids = [h.chunk.id for h in shown]
        support = check_support(retrieval.query, retrieval.hits, composition.best_full_similarity,
                                self.settings.answer.abstain_threshold, self._vocab, require_figures=not personal)
        flags = [f"support: {r}" for r in support.reasons]
        common = dict(standalone=standalone, contexts=contexts, context_ids=context_ids)

        if personal:
            flags.insert(0, f"safety: {verdict.rule}")
            if not support.supported or not composition.quotes:
                return _reply("personal_advice", PERSONAL_ADVICE_REFERRAL, flags=flags, **common)
            citations = self._citations(composition, retrieval, standalone)
            body = f"{PERSONAL_ADVICE_REFERRAL}\n\n{PERSONAL_ADVICE_GENERAL_INTRO}\n{composition.body}"
            return _reply("personal_advice", body, citations=citations, flags=flags, **common)

        if not support.supported or not composition.quotes:
            on_topic = mentions_topic(standalone, self._extra_topic_terms)
            status: Status = "not_found" if on_topic else "out_of_scope"
            return _reply(status, NOT_FOUND_MESSAGE if on_topic else OUT_OF_SCOPE_MESSAGE, flags=flags, **common)

        if self.settings.answer.answerer != "extractive":
            return self._generate(standalone, retrieval, composition, flags, common)

        citations = self._citations(composition, retrieval, standalone)
        body = composition.body
        if asks_for_reference(standalone) or self._with_author_topics(standalone) != standalone:
            body = f"{body}\n\n{_reference_paragraph(citations)}"
        self._resolver.check(body, citations, (h.chunk for h in retrieval.candidates))
        return _reply("answered", body, citations=citations, flags=flags, **common)

    def _with_author_topics(self, question: str) -> str:
        """'Which journal published the Varki paper?' -> also search for what Varki's reference is linked by (trousseau)."""
        words = set(re.findall(r"[a-z][a-z'-]+", question.lower()))
        extra = [terms for author, terms in self._author_terms.items() if author in words and terms]
        return f"{question} ({'; '.join(extra)})" if extra else question

    def _citations(self, composition: "Composition", retrieval: "Retrieval", question: str) -> list[Citation]:
        assert self._resolver is not None
        citations = [self._resolver.cite(q.marker, q.chunk, q.start, q.end, question) for q in composition.quotes]
        self._resolver.check(composition.body, citations, (h.chunk for h in retrieval.candidates))
        return citations

    def _generate(self, question: str, retrieval: "Retrieval", composition: "Composition", flags: list[str],
                  common: dict[str, Any]) -> Answer:
        from assistant.generate import generate_answer, load_llm
        from assistant.safety import NOT_FOUND_MESSAGE

        assert self._resolver is not None and self._bank is not None
        with self._lock:
            if self._llm is None:
                self._llm = load_llm(self.settings)
        generated = generate_answer(question, retrieval.hits, self._llm, self._bank, self._resolver)
        flags = flags + generated.flags
        if not generated.citations:
            return _reply("not_found", NOT_FOUND_MESSAGE, flags=flags + ["generation: no supported sentence"],
                          answerer=self.settings.answer.answerer, **common)
        return _reply("answered", generated.body, citations=generated.citations, flags=flags,
                      answerer=self.settings.answer.answerer, **common)


class AnswerStream:
    """An answer delivered progressively: iterate for texts, read `.answer` for the final Answer.

    Each yielded string is a complete, displayable text ending with the disclaimer: first the first
    sentence, then the first two, ..., and finally exactly `answer.answer`. The answer is computed
    (and safety-checked, cited and validated) before the first text is yielded: streaming never
    shows a sentence that a later check could withdraw.
    """

    def __init__(self, assistant: Assistant, question: str, history: Sequence[Any] | None) -> None:
        self._assistant = assistant
        self._question = question
        self._history = history
        self.answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        yield from progressive_texts(self._answer())

    def bodies(self) -> Iterator[str]:
        """The same steps as bodies only, for an edge that renders the disclaimer itself (the web UI)."""
        yield from progressive_bodies(self._answer())

    def _answer(self) -> Answer:
        if self.answer is None:
            self.answer = self._assistant.ask(self._question, self._history)
        return self.answer


def progressive_bodies(answer: Answer) -> Iterator[str]:
    """Growing prefixes of the answer body (sentence by sentence, markers kept); the last is the whole body."""
    body = answer.body
    pieces = [p for p in re.split(r"(?<=[.!?:]) (?=[^\[\s])|(?<=\]) (?=[A-Z(])|\n+", body) if p.strip()] if body else []
    shown = ""
    for i, piece in enumerate(pieces[:-1]):
        shown = body[: body.index(piece, len(shown)) + len(piece)]
        yield shown
    yield body


def progressive_texts(answer: Answer) -> Iterator[str]:
    """Growing prefixes of the answer as displayable plain text, each one ending with the disclaimer."""
    for body in progressive_bodies(answer):
        yield with_disclaimer(body, answer.disclaimer)


def _reply(status: Status, body: str, *, citations: list[Citation] | None = None, contexts: list[str] | None = None,
           context_ids: list[str] | None = None, standalone: str | None = None, flags: list[str] | None = None,
           answerer: str = "extractive") -> Answer:
    """Every Answer is made here, so every one ends with the disclaimer."""
    return Answer(
        status=status, body=clean_body(body), disclaimer=DISCLAIMER, citations=citations or [],
        contexts=contexts or [], context_ids=context_ids or [], standalone_question=standalone,
        answerer=answerer, flags=flags or [],
    )


def _check_history(history: Sequence[Any] | None, max_chars: int) -> list[dict[str, str]]:
    """Validate earlier turns: a list of {role: 'user'|'assistant', content: str} (objects with those attributes too)."""
    from assistant.input import InvalidQuestion, clean_question

    if history is None:
        return []
    if isinstance(history, (str, bytes)) or not isinstance(history, Sequence):
        raise InvalidQuestion("The conversation history must be a list of {\"role\", \"content\"} turns.")
    turns: list[dict[str, str]] = []
    kept = list(history)[-MAX_HISTORY_TURNS:]
    first = len(history) - len(kept) + 1  # number turns as the caller counts them, not within the kept tail
    for i, turn in enumerate(kept, start=first):
        if not isinstance(turn, Mapping):
            turn = {"role": getattr(turn, "role", None), "content": getattr(turn, "content", None)}
        role, content = turn.get("role"), turn.get("content")
        if role not in ("user", "assistant") or not isinstance(content, str):
            raise InvalidQuestion(
                f"Conversation turn {i} is malformed: each turn needs a role ('user' or 'assistant') and text content."
            )
        if role == "user":
            if not content.strip():
                continue
            try:
                content = clean_question(content, max_chars)
            except InvalidQuestion as exc:
                # Name the earlier turn rather than dropping it silently: a follow-up ("How is it treated?")
                # takes its meaning from earlier turns, so answering without the bad one could answer a
                # different question than the patient asked. The chat UI only sends turns it accepted, so
                # this reaches API callers, who can fix or drop the turn. Never blame the new question.
                reason = str(exc)
                if reason.startswith("The question "):
                    reason = "it " + reason[len("The question "):]
                raise InvalidQuestion(f"Conversation turn {i} (an earlier question) cannot be used: {reason}") from exc
        turns.append({"role": role, "content": content})
    return turns


def _author_terms(resolver: "CitationResolver") -> dict[str, str]:
    """First-author surname (lower case) -> the terms that link that reference to the article (or its title)."""
    by_ref: dict[str, list[str]] = {}
    for links in resolver.links.values():
        for link in links:
            by_ref.setdefault(link.reference_id, []).extend(link.terms)
    out: dict[str, str] = {}
    for ref in resolver.references.values():
        if not ref.authors:
            continue
        surname = ref.authors[0].split(",")[0].strip().lower()
        if not surname or " " in surname:  # organisations ("Cleveland Clinic") are matched by their terms instead
            continue
        terms = list(dict.fromkeys(by_ref.get(ref.id, []))) or [ref.title]
        out[surname] = " ".join(terms[:3])
    return out


def _reference_paragraph(citations: Sequence[Citation]) -> str:
    """For 'which source says ...' questions: the related references of the cited passages, named in the text."""
    from assistant.citations import reference_label

    lines: list[str] = []
    seen: set[str] = set()
    for c in citations:
        for ref in c.references:
            if ref.id not in seen:
                seen.add(ref.id)
                lines.append(f"- [{c.marker}] {reference_label(ref)}")
    if not lines:
        return "The article lists no bibliography entry that could be linked to these passages."
    return ("Related references for these passages (inferred from the article's bibliography; the article has "
            "no inline citations):\n" + "\n".join(lines))


__all__ = ["Assistant", "AnswerStream", "progressive_texts", "index_error_message"]
