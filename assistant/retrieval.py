"""Hybrid retrieval: dense (Chroma) and BM25 rankings fused by reciprocal rank fusion.

Why both: the small embedding model blurs rare exact terms ("Trousseau", "IVIG", "oligoclonal")
that people type verbatim, while BM25 misses paraphrases ("hidden tumour" vs "look for tumors").
Reciprocal rank fusion (score = sum of 1 / (60 + rank)) needs no score calibration between the two,
which matters because BM25 scores are unbounded and cosine similarities are not comparable to them.
Measured on the evalset in benchmarks/results/retrieval_modes.json (see benchmarks/retrieval_modes.py).

No cross-encoder reranker: none is available offline (no PyPI package carries cross-encoder weights,
and nothing may be fetched from a model hub), so the fused list is final apart from a cheap
near-duplicate filter. A reranker would reorder the fused list in `Retriever.retrieve`, before
`distinct_top_k` cuts it (the place is marked there).

The query is normalised before searching (abbreviations the article never uses, British spellings,
and "which source says ..." wording that only dilutes the search); the user's text is never changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Mapping, Sequence
from typing import Any, Callable, Protocol

from assistant.lay_terms import label_terms, with_medical_words
from index.models import Chunk, ScoredChunk

RRF_K = 60
CANDIDATES_PER_RETRIEVER = 20

# The composing pool: more passages than top_k for the answerer to pick sentences from (Retrieval.pool).
# Chunks are small (often one bullet each), so top_k=5 holds only part of a list, and RRF buries a
# passage that only one retriever finds, however high it ranks it there (a dense rank 1 scores below
# two rank-20s). The pool therefore adds, after the top-k: each retriever's own best passages, the
# rest of the sections of the best hits (a list's other items and the subsections a section
# introduces: "a combination of tests are used" -> the tests), then further fused hits. Contexts and
# the support gate still use the top-k; cited pool passages are appended to the contexts.
POOL_SIZE = 20              # at most this many passages to compose from
POOL_PER_RETRIEVER = 3      # each retriever's top-n always enter the pool
POOL_EXPAND_HITS = 3        # the sections of the best n hits are added whole (with their subsections)
POOL_SECTION_LIMIT = 12     # ... unless a section subtree has more chunks than this (then only its own section)
SEARCHED_KEPT = 256         # search texts kept per retriever (search_text): one ask reads its question's several times

# The article spells everything out and in American English; questions often do not.
QUERY_EXPANSIONS: tuple[tuple[str, str], ...] = (
    (r"\bPNS\b", "paraneoplastic syndromes"),
    (r"\bLEMS\b", "Lambert-Eaton myasthenic syndrome"),
    (r"\bSCLC\b", "small cell lung cancer"),
    (r"\bCSF\b", "cerebrospinal fluid"),
    (r"\bPLEX\b", "plasmapheresis"),
    (r"\bIVIg\b", "IVIG"),
    (r"\btumour", "tumor"),
    (r"\bhaemat", "hemat"),
    (r"\bhaem", "hem"),
    (r"\banaem", "anem"),
    (r"\bleukaem", "leukem"),
    (r"\boedema", "edema"),
    (r"\boesophag", "esophag"),
    (r"\bbehaviour", "behavior"),
    (r"\bcentre", "center"),
    (r"\bpaediatric", "pediatric"),
    # the article's own words for what people call otherwise
    (r"\b(?<!cortico)steroids?\b", "steroids corticosteroids"),
    (r"\bphysiotherapy\b", "physical therapy"),
    (r"\bplasma exchange\b", "plasmapheresis"),
    (r"\bhow (?:common|frequent|rare|prevalent)\b", "how common or rare"),
)
_EXPANSIONS = tuple((re.compile(p, re.IGNORECASE), r) for p, r in QUERY_EXPANSIONS)
# Wording that asks *where* a statement comes from: it names no content, so it is dropped from the query.
_REFERENCE_ASK = re.compile(
    r"\b(?:which|what|whose|give me|show me|list|name)?\s*(?:the\s+)?(?:sources?|references?|citations?|papers?|"
    r"studies|study|articles?|authors?|publications?|bibliography entr(?:y|ies))\s*"
    r"(?:that\s+|which\s+)?(?:supports?|backs?|covers?|is cited for|are cited for|cited for|is given for|for|"
    r"about|on|behind|discuss(?:es)?|describes?|mentions?|says?)?\b",
    re.IGNORECASE,
)
_WHERE_FROM = re.compile(r"^\s*where\s+(?:does|do|did)\s+(?P<x>.+?)\s+come\s+from\s*\??\s*$", re.IGNORECASE)
_META_WORDS = re.compile(r"\b(?:the\s+)?(?:statement|claim|mention|description|information|info)(?:\s+(?:of|about|on))?\b", re.IGNORECASE)


# In a corpus about one subject, naming the subject tells the retriever nothing: every passage is about
# paraneoplastic syndromes, and the phrase dominates a small model's question vector. Dense search
# therefore embeds the question without it (when enough else remains); BM25 already down-weights it.
_TOPIC_PHRASE = re.compile(
    r"\b(?:paraneoplastic\s+(?:neurological\s+|neurologic\s+)?(?:syndromes?|disorders?|diseases?|conditions?)|"
    r"these syndromes|this syndrome|such syndromes|the syndromes?|paraneoplastic)\b",
    re.IGNORECASE,
)
MIN_FOCUS_TERMS = 2


def strip_subject(query: str) -> str:
    """The query without the corpus's subject phrase (may leave nothing of substance; see focus_query)."""
    return re.sub(r"\s+", " ", _TOPIC_PHRASE.sub(" ", query)).strip()


def focus_query(query: str) -> str:
    """The query without the corpus's subject phrase, or the query itself when too little would remain."""
    from index.lexical import tokenize

    focused = re.sub(r"\s+", " ", _TOPIC_PHRASE.sub(" ", query)).strip()
    return focused if len(tokenize(focused)) >= MIN_FOCUS_TERMS else query


_TRAILING_CAUSE = re.compile(
    r"^((?:what|which)\s+\w[^?]*?\b(?:can|could|do|does|did|may|might|will|would)\b[^?]*?)\s+(?:cause|lead to|produce|trigger)\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def asks_for_reference(question: str) -> bool:
    """True for reference-lookup questions ('Which source supports ...?', 'Where does X come from?')."""
    return bool(
        re.search(r"\b(?:sources?|references?|citations?|cited|paper|study|studies|bibliograph\w*|doi|authors?)\b", question, re.IGNORECASE)
        or _WHERE_FROM.match(question)
    )


def retrieval_query(question: str) -> str:
    """The text actually searched: abbreviations expanded, British spellings folded, meta wording dropped."""
    q = question
    m = _WHERE_FROM.match(q)
    if m:
        q = m.group("x")
    if asks_for_reference(question):
        stripped = _META_WORDS.sub(" ", _REFERENCE_ASK.sub(" ", q))
        if len(re.findall(r"\w{3,}", stripped)) >= 1:
            q = stripped
    # "What symptoms can X cause?": the closing verb only says "produce"; as a search word it pulls in
    # every passage about causes (the "Causes and Risk Factors" section) instead of the symptoms
    q = _TRAILING_CAUSE.sub(r"\1", q)
    for regex, replacement in _EXPANSIONS:
        q = regex.sub(replacement, q)
    return re.sub(r"\s+", " ", q).strip(" ?.,;:") or question


class SearchBackend(Protocol):
    """What retrieval and answering need from an index (index.store.SearchIndex implements it).

    A protocol so the contract is written down in one place and a new backend (another vector store,
    a reranking wrapper) knows exactly what to provide; the assistant calls these and nothing else.
    """

    pointer: Mapping[str, Any]

    def warm_up(self) -> None:
        """Load what is slow (the embedding model, BM25) before the first question."""

    def chunks(self) -> list[Chunk]:
        """Every indexed chunk: the composers read neighbours and whole lists from them."""

    def embed_query(self, text: str) -> list[float]:
        """One question's unit-length vector."""

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        """Several questions' vectors in one pass, the same as embed_query's one at a time."""

    def embed_passages(self, texts: Sequence[str]) -> list[list[float]]:
        """Passage-side vectors with the same model (the sentences an answer is chosen from)."""

    def search_vector(self, vector: list[float], k: int) -> list[ScoredChunk]:
        """The `k` chunks nearest `vector`, best first."""

    def lexical_search(self, query: str, k: int) -> list[ScoredChunk]:
        """The `k` best chunks by BM25 for `query`, best first (only chunks sharing a term with it)."""


@dataclass
class Retrieval:
    """One retrieval: the fused top-k and the evidence behind it (kept for abstention and benchmarks)."""

    query: str
    hits: list[ScoredChunk]
    dense_query: str = ""
    dense: list[ScoredChunk] = field(default_factory=list)
    lexical: list[ScoredChunk] = field(default_factory=list)
    query_vector: list[float] | None = None
    full_vector: list[float] | None = None
    pool: list[ScoredChunk] = field(default_factory=list)
    extra: list[ScoredChunk] = field(default_factory=list)  # the third ranking (generated questions), when fused
    ask: str = ""  # a follow-up's own words: the answer's sentences must match them too (assistant/followup.py)

    @property
    def candidates(self) -> list[ScoredChunk]:
        """Passages to compose from: the pool when one was built, else the top-k hits."""
        return self.pool or self.hits


def reciprocal_rank_fusion(rankings: Sequence[Sequence[ScoredChunk]], k: int = RRF_K) -> list[ScoredChunk]:
    """Fuse rankings: each chunk scores sum(1 / (k + rank)); ties keep the first ranking's order."""
    scores: dict[str, float] = {}
    chunks: dict[str, Chunk] = {}
    first_seen: dict[str, tuple[int, int]] = {}
    for r_index, ranking in enumerate(rankings):
        for position, hit in enumerate(ranking, start=1):
            cid = hit.chunk.id
            scores[cid] = scores.get(cid, 0.0) + 1.0 / (k + position)
            chunks.setdefault(cid, hit.chunk)
            first_seen.setdefault(cid, (position, r_index))
    order = sorted(scores, key=lambda cid: (-scores[cid], first_seen[cid]))
    return [ScoredChunk(chunk=chunks[cid], score=scores[cid], rank=i, retriever="hybrid") for i, cid in enumerate(order, start=1)]


def _near_duplicate(a: str, b: str) -> bool:
    """Same passage text (e.g. a Key Takeaways bullet restating a section) by token overlap."""
    ta, tb = set(re.findall(r"\w{3,}", a.lower())), set(re.findall(r"\w{3,}", b.lower()))
    if not ta or not tb:
        return False
    return len(ta & tb) / min(len(ta), len(tb)) >= 0.9


def article_ranking(index: SearchBackend, vector: Sequence[float]) -> list[list[ScoredChunk]]:
    """The article's best passages by themselves, when the index also holds cited sources (else nothing to add).

    Thousands of source passages can push every article passage out of both rankings; answers lead
    with the article's sentences (assistant/compose.py), so its best few always enter the pool.
    """
    sources = getattr(index, "source_ids", None)
    if not isinstance(sources, set) or sources <= {"article"}:
        return []
    return [index.search_vector(list(vector), POOL_PER_RETRIEVER, source_id="article")]  # type: ignore[attr-defined]


def distinct_top_k(ranked: Sequence[ScoredChunk], k: int) -> list[ScoredChunk]:
    """The first k passages of `ranked`, skipping near-duplicates of ones already kept, ranks renumbered 1..k."""
    hits: list[ScoredChunk] = []
    for hit in ranked:
        if any(_near_duplicate(hit.chunk.text, h.chunk.text) for h in hits):
            continue
        hits.append(hit.model_copy(update={"rank": len(hits) + 1}))
        if len(hits) == k:
            break
    return hits


class Retriever:
    """Dense, BM25 and hybrid search over one SearchIndex, with the same query normalisation for all."""

    def __init__(self, index: SearchBackend, top_k: int, candidates: int = CANDIDATES_PER_RETRIEVER,
                 extra_ranking: Callable[[list[float], int], list[ScoredChunk]] | None = None) -> None:
        """`extra_ranking(question vector, k)` is a third ranking fused into hybrid search (the generated questions)."""
        if top_k <= 0:
            raise ValueError("top_k must be positive")
        self.index = index
        self.extra_ranking = extra_ranking
        self.top_k = top_k
        self.candidates = max(candidates, top_k)
        self._sections: dict[str, list[Chunk]] | None = None
        self._labels: frozenset[str] | None = None
        self._searched: dict[str, str] = {}  # question -> search_text, the last SEARCHED_KEPT at most

    def search_text(self, question: str) -> str:
        """retrieval_query, plus the article's medical word for a lay word that names none of its bullet labels
        ("brain and nerve problems" also searches "neurological"; assistant/lay_terms.py)."""
        if self._labels is None:
            self._labels = label_terms(c.text for c in self.index.chunks())
        text = self._searched.get(question)
        if text is None:  # a pure function of the question: one ask reads it in several steps
            if len(self._searched) >= SEARCHED_KEPT:
                self._searched.clear()
            text = self._searched[question] = with_medical_words(retrieval_query(question), self._labels)
        return text

    def _section_chunks(self) -> dict[str, list[Chunk]]:
        """Chunks by (source, section id), in document order; read once from the index."""
        if self._sections is None:
            sections: dict[str, list[Chunk]] = {}
            for c in sorted(self.index.chunks(), key=lambda c: (c.source_id, c.position)):
                sections.setdefault(f"{c.source_id}\n{c.section_id}", []).append(c)
            self._sections = sections
        return self._sections

    def section_family(self, chunk: Chunk) -> list[Chunk]:
        """The chunks of `chunk`'s section and its subsections (article order), or its section alone when that is too big."""
        sections = self._section_chunks()
        own = sections.get(f"{chunk.source_id}\n{chunk.section_id}", [])
        prefix = f"{chunk.source_id}\n{chunk.section_id}/"
        family = own + [c for key, chunks in sections.items() if key.startswith(prefix) for c in chunks]
        family.sort(key=lambda c: c.position)
        return family if len(family) <= POOL_SECTION_LIMIT else own

    def build_pool(self, hits: Sequence[ScoredChunk], rankings: Sequence[Sequence[ScoredChunk]],
                   fused: Sequence[ScoredChunk], size: int = POOL_SIZE) -> list[ScoredChunk]:
        """The top-k hits, then each ranking's best, then the best hits' sections, then further fused hits.

        Ranks continue after the hits, so a composer can tell top-k passages from pool additions.
        """
        pool = list(hits)
        seen = {h.chunk.id for h in pool}

        def add(chunk: Chunk, score: float, retriever: str) -> None:
            if len(pool) < size and chunk.id not in seen:
                seen.add(chunk.id)
                pool.append(ScoredChunk(chunk=chunk, score=score, rank=len(pool) + 1, retriever=retriever))

        for ranking in rankings:
            for hit in ranking[:POOL_PER_RETRIEVER]:
                add(hit.chunk, hit.score, hit.retriever)
        if hasattr(self.index, "chunks"):
            # the article's sections are lists and their items; a cited source's 'section' is a whole page
            # (or a long JATS section) whose every sentence would be embedded per question for little gain
            for hit in [h for h in hits[:POOL_EXPAND_HITS] if h.chunk.source_id == "article"]:
                for chunk in self.section_family(hit.chunk):
                    add(chunk, 0.0, "section")
        for hit in fused:  # filling up: source passages only enter as hits or a retriever's best (see above)
            if hit.chunk.source_id == "article":
                add(hit.chunk, hit.score, hit.retriever)
        return pool

    def dense_queries(self, question: str, focus: bool = True) -> tuple[str, str]:
        """(what `question` is searched as, what dense search embeds: its focused form unless `focus` is False)."""
        query = self.search_text(question)
        return query, focus_query(query) if focus else query

    def embed_queries(self, texts: Sequence[str]) -> list[list[float]]:
        """Question vectors: several in one forward pass (the index batches them), one alone as embed_query."""
        if len(texts) > 1:
            return self.index.embed_queries(texts)
        return [self.index.embed_query(t) for t in texts]

    def retrieve(self, question: str, mode: str = "hybrid", top_k: int | None = None, focus: bool = True,
                 pool: bool = False) -> Retrieval:
        """Top-k passages for `question` by 'hybrid' (default), 'dense' or 'bm25'.

        `focus=False` embeds the whole question for dense search (kept for the benchmark's comparison).
        `pool=True` also fills Retrieval.pool, the deeper candidate list the answerer composes from.
        """
        k = top_k or self.top_k
        query, dense_query = self.dense_queries(question, focus)
        dense: list[ScoredChunk] = []
        lexical: list[ScoredChunk] = []
        vector = full_vector = None
        extra: list[ScoredChunk] = []
        if mode in ("hybrid", "dense"):
            # both the focused and the whole question are embedded (one batch): the focused vector ranks,
            # the whole one is kept for abstention, where dropping the subject would understate support
            vectors = self.embed_queries(dense_texts(query, dense_query))
            vector, full_vector = vectors[0], vectors[-1]
            dense = self.index.search_vector(vector, self.candidates)
        if mode in ("hybrid", "bm25"):
            lexical = self.index.lexical_search(query, self.candidates)
        if mode == "dense":
            ranked = dense
        elif mode == "bm25":
            ranked = lexical
        elif mode == "hybrid":
            extra = self.extra_ranking(full_vector, self.candidates) if self.extra_ranking and full_vector else []
            ranked = reciprocal_rank_fusion([dense, lexical, extra] if extra else [dense, lexical])
        else:
            raise ValueError(f"unknown retrieval mode {mode!r}: use hybrid, dense or bm25")
        # Where a reranker goes: reorder `ranked` (the fused list) here, before the top-k cut and the pool.
        hits = distinct_top_k(ranked, k)
        rankings = [r for r in (dense, lexical, extra) if r]
        if pool and vector is not None:  # with cited sources indexed, the article's own best passages still get a say
            rankings += article_ranking(self.index, vector)
        candidates = self.build_pool(hits, rankings, ranked) if pool else []
        return Retrieval(query=query, hits=hits, dense_query=dense_query, dense=dense, lexical=lexical,
                         query_vector=vector, full_vector=full_vector, pool=candidates, extra=extra)


def dense_texts(query: str, dense_query: str) -> list[str]:
    """What one hybrid or dense retrieval embeds: the focused question, then the whole one when it differs (the
    focused vector ranks, the whole one is kept for abstention, where dropping the subject would understate support)."""
    return [dense_query] if dense_query == query else [dense_query, query]
