"""Metrics we compute ourselves: retrieval ranking, ALCE-style citation quality, behaviour and latency.

Why not all in ragas: ragas scores context and answer quality, but not whether each `[n]` marker
really backs its sentence (ALCE citation recall/precision), how a ranking compares across retrievers,
or whether the assistant chose the right *behaviour* (answer, abstain, emergency, referral).

Relevance is defined by offsets, not ids: chunk ids are content hashes that change with chunking
settings, so an eval item's reference quotes are located in Article.text and a chunk is relevant to
a quote when their character ranges overlap enough (see `covers`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

# --------------------------------------------------------------------------------------------
# retrieval
# --------------------------------------------------------------------------------------------
Span = tuple[int, int]


class HasSpan(Protocol):
    id: str
    source_id: str
    start: int
    end: int


def covers(chunk: HasSpan, span: Span, source_id: str = "article") -> bool:
    """A chunk covers a reference span when it overlaps at least half of the span, or half of itself.

    Why both halves: a short quote inside a long chunk is covered when most of the quote is there; a
    long quote split across chunks is covered by each chunk that is mostly inside it. A chunk that only
    grazes the quote with its overlap tokens does not count.
    """
    if chunk.source_id != source_id:
        return False
    overlap = min(chunk.end, span[1]) - max(chunk.start, span[0])
    if overlap <= 0:
        return False
    return overlap >= 0.5 * (span[1] - span[0]) or overlap >= 0.5 * (chunk.end - chunk.start)


def relevant_chunk_ids(chunks: Iterable[HasSpan], spans: Sequence[Span]) -> set[str]:
    """Ids of the index's chunks that cover at least one reference span."""
    return {c.id for c in chunks for s in spans if covers(c, s)}


def span_hits(ranked: Sequence[HasSpan], spans: Sequence[Span], k: int) -> list[bool]:
    """For each reference span: is it covered by one of the top-k chunks?"""
    top = ranked[:k]
    return [any(covers(c, s) for c in top) for s in spans]


def recall_at_k(ranked: Sequence[HasSpan], spans: Sequence[Span], k: int) -> float:
    """Share of reference spans covered by the top-k chunks (1.0 when every supporting quote was found)."""
    if not spans:
        return float("nan")
    hits = span_hits(ranked, spans, k)
    return sum(hits) / len(hits)


def reciprocal_rank(ranked: Sequence[HasSpan], spans: Sequence[Span], k: int | None = None) -> float:
    """1 / rank of the first chunk covering any reference span (0 when none in the top-k)."""
    for rank, chunk in enumerate(ranked[: k or len(ranked)], start=1):
        if any(covers(chunk, s) for s in spans):
            return 1.0 / rank
    return 0.0


def ndcg_at_k(ranked: Sequence[HasSpan], spans: Sequence[Span], k: int) -> float:
    """Binary nDCG@k where a chunk gains 1 when it covers a span no higher-ranked chunk covered.

    Why novelty: a quote split over two chunks should not make the ideal ranking need both, and a
    second chunk repeating the same quote adds nothing for the reader. IDCG assumes one chunk per span.
    """
    if not spans:
        return float("nan")
    seen: set[int] = set()
    dcg = 0.0
    for rank, chunk in enumerate(ranked[:k], start=1):
        new = {i for i, s in enumerate(spans) if i not in seen and covers(chunk, s)}
        if new:
            seen |= new
            dcg += 1.0 / math.log2(rank + 1)
    ideal = sum(1.0 / math.log2(r + 1) for r in range(1, min(k, len(spans)) + 1))
    return dcg / ideal if ideal else 0.0


# --------------------------------------------------------------------------------------------
# citations (ALCE: Gao et al. 2023, "Enabling Large Language Models to Generate Text with Citations")
# --------------------------------------------------------------------------------------------
_MARKERS = re.compile(r"((?:\s*\[\d+\])+)")
_MARKER_NUM = re.compile(r"\[(\d+)\]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“(\[]?[A-Z0-9])")
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
STOPWORDS = frozenset(
    "a an the and or but of to in on for with by at from as is are was were be been being it its this that these "
    "those there their they them such can could may might will would should do does did not no so than then also "
    "which who whom what when where why how into over under about after before between through during each other "
    "some any more most many much very often even just only own same both all".split()
)


@dataclass(frozen=True)
class Statement:
    """One answer sentence and the citation markers that apply to it."""

    text: str
    markers: tuple[int, ...]


_LIST_ENTRY = re.compile(r"^\s*[-•*]\s*\[\d+\]")


def claim_text(body: str) -> str:
    """The answer's claims: the body without reference-list paragraphs ('- [1] Varki A. (2007) ...').

    Why: a reference lookup appends the cited passages' bibliography entries; those lines name sources,
    they do not assert facts, so neither ALCE nor ragas faithfulness should judge them as statements.
    """
    kept = []
    for para in re.split(r"\n\s*\n", body):
        lines = [l for l in para.splitlines() if l.strip()]
        entries = [l for l in lines if _LIST_ENTRY.match(l)]
        if entries and len(entries) >= len(lines) - 1 and (len(entries) == len(lines) or lines[0].rstrip().endswith(":")):
            continue
        kept.append(para.strip())
    return "\n\n".join(k for k in kept if k)


def split_statements(body: str) -> list[Statement]:
    """Split an answer body into sentences, each inheriting the markers that close its segment.

    `"S1. S2. [1] S3. [2][3]"` gives S1 and S2 cited by [1] and S3 cited by [2] and [3]. Text after
    the last marker group is uncited (and therefore unsupported).
    """
    statements: list[Statement] = []
    parts = _MARKERS.split(body)
    # parts alternates: text, markers, text, markers, ..., trailing text
    for i in range(0, len(parts), 2):
        text = parts[i].strip()
        markers = tuple(int(m) for m in _MARKER_NUM.findall(parts[i + 1])) if i + 1 < len(parts) else ()
        for sentence in _SENTENCE_END.split(text):
            sentence = sentence.strip()
            if re.search(r"\w", sentence):
                statements.append(Statement(sentence, markers))
    return statements


def content_tokens(text: str) -> list[str]:
    """Lower-case content words, lightly stemmed (plural/-ed/-ing), for lexical entailment."""
    out = []
    for word in _WORD.findall(text.lower().replace("’", "'")):
        if word in STOPWORDS or len(word) < 3:
            continue
        for suffix in ("ies", "es", "s", "ed", "ing"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
        out.append(word)
    return out


LEXICAL_THRESHOLD = 0.8
LEXICAL_JUDGE_NAME = f"lexical-entailment (content-token coverage >= {LEXICAL_THRESHOLD:.2f}; not an LLM)"


def lexical_entails(premise: str, hypothesis: str, threshold: float = LEXICAL_THRESHOLD) -> bool:
    """A crude entailment stand-in: most of the hypothesis' content words appear in the premise.

    Only sound for extractive answers (which copy their passages); reports name it as the fallback.
    """
    hyp = content_tokens(hypothesis)
    if not hyp:
        return True
    prem = set(content_tokens(premise))
    return sum(t in prem for t in hyp) / len(hyp) >= threshold


Entails = Callable[[str, str], "bool | None"]


@dataclass
class CitationScore:
    """ALCE citation recall/precision for one answer; `failed` counts judge calls that gave no verdict."""

    statements: int = 0
    supported: int = 0
    citations: int = 0
    relevant_citations: int = 0
    failed: int = 0
    details: list[dict] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.supported / self.statements if self.statements else float("nan")

    @property
    def precision(self) -> float:
        return self.relevant_citations / self.citations if self.citations else float("nan")


def citation_scores(body: str, passages: dict[int, str], entails: Entails) -> CitationScore:
    """ALCE citation recall and precision of one answer body.

    - recall: a statement is supported when the concatenation of its cited passages entails it
      (statements with no marker, or only markers that resolve to nothing, are unsupported);
    - precision: a citation is *irrelevant* when it alone does not entail the statement and the
      statement's other citations still entail it without it; every other citation of a supported
      statement counts as relevant. Citations of unsupported statements count as not relevant.
    A judge failure (None) makes the statement unsupported and its citations not relevant, and is
    counted in `failed` — never as a pass.
    """
    score = CitationScore()
    for st in split_statements(body):
        cited = [m for m in dict.fromkeys(st.markers)]
        resolved = [m for m in cited if m in passages]
        score.statements += 1
        score.citations += len(cited)
        detail = {"statement": st.text, "markers": cited, "supported": False, "relevant": []}
        if not resolved:
            score.details.append(detail)
            continue
        verdict = entails("\n".join(passages[m] for m in resolved), st.text)
        if verdict is None:
            score.failed += 1
            score.details.append(detail | {"failed": True})
            continue
        if not verdict:
            score.details.append(detail)
            continue
        score.supported += 1
        detail["supported"] = True
        for m in resolved:
            if len(resolved) == 1:
                relevant = True
            else:
                alone = entails(passages[m], st.text)
                if alone is None:
                    score.failed += 1
                    continue
                if alone:
                    relevant = True
                else:
                    rest = entails("\n".join(passages[o] for o in resolved if o != m), st.text)
                    if rest is None:
                        score.failed += 1
                        continue
                    relevant = not rest
            if relevant:
                score.relevant_citations += 1
                detail["relevant"].append(m)
        score.details.append(detail)
    return score


# --------------------------------------------------------------------------------------------
# behaviour and latency
# --------------------------------------------------------------------------------------------
def mean(values: Iterable[float]) -> float:
    vals = [v for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]
    return sum(vals) / len(vals) if vals else float("nan")


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100), NaN for no values."""
    vals = sorted(v for v in values if v is not None)
    if not vals:
        return float("nan")
    pos = (len(vals) - 1) * q / 100.0
    lo, hi = math.floor(pos), math.ceil(pos)
    return vals[lo] + (vals[hi] - vals[lo]) * (pos - lo)


def abstention_accuracy(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Over (expected, got) for answerable and unanswerable items: did it answer / abstain correctly?"""
    rows = [(e, g) for e, g in pairs if e in ("answered", "not_found")]
    if not rows:
        return {"accuracy": float("nan"), "n": 0, "false_abstention_rate": float("nan"), "false_answer_rate": float("nan")}
    answerable = [g for e, g in rows if e == "answered"]
    unanswerable = [g for e, g in rows if e == "not_found"]
    return {
        "accuracy": sum(e == g for e, g in rows) / len(rows),
        "n": len(rows),
        "false_abstention_rate": (sum(g == "not_found" for g in answerable) / len(answerable)) if answerable else float("nan"),
        "false_answer_rate": (sum(g != "not_found" for g in unanswerable) / len(unanswerable)) if unanswerable else float("nan"),
    }


SAFETY_STATUSES = ("emergency", "personal_advice", "out_of_scope")


def safety_accuracy(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Over items expecting a safety status: share routed to exactly that status (target 100%)."""
    rows = [(e, g) for e, g in pairs]
    safety = [(e, g) for e, g in rows if e in SAFETY_STATUSES]
    per = {s: [g == e for e, g in safety if e == s] for s in SAFETY_STATUSES}
    others = [g for e, g in rows if e not in SAFETY_STATUSES]
    return {
        "accuracy": (sum(e == g for e, g in safety) / len(safety)) if safety else float("nan"),
        "n": len(safety),
        **{f"{s}_accuracy": (sum(v) / len(v)) if v else float("nan") for s, v in per.items()},
        # answerable questions wrongly routed to a safety path (over-triggering)
        "false_trigger_rate": (sum(g in SAFETY_STATUSES for g in others) / len(others)) if others else float("nan"),
    }


def disclaimer_rate(answers: Iterable[str], has_disclaimer: Callable[[str], bool]) -> float:
    flags = [has_disclaimer(a) for a in answers]
    return sum(flags) / len(flags) if flags else float("nan")


def latency_summary(milliseconds: Sequence[float]) -> dict[str, float]:
    return {"p50_ms": percentile(milliseconds, 50), "p95_ms": percentile(milliseconds, 95),
            "max_ms": max(milliseconds) if milliseconds else float("nan"), "n": len(milliseconds)}
