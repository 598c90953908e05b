"""ALCE citation quality (Gao et al. 2023, "Enabling Large Language Models to Generate Text with Citations").

Why not ragas: ragas scores context and answer quality, but not whether each `[n]` marker really backs
its sentence. Each answer sentence inherits the markers that close its segment; recall asks whether its
cited passages entail it, precision whether each citation is needed. Entailment comes from the LLM
judge, or — named as such in reports — a lexical stand-in without one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

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


