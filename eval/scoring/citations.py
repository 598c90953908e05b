"""ALCE citation scoring of every answered item, with the judge's entailment or the named lexical stand-in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from eval.metrics.alce import LEXICAL_JUDGE_NAME, citation_scores, claim_text, lexical_entails
from eval.metrics.stats import mean
from eval.results import ItemResult
from foundation.errors import PNSError


def citation_judge(judge: Any | None) -> tuple[str, Callable[[str, str], bool | None]]:
    """The entailment judge's name and function: the LLM judge, or the lexical stand-in named as such."""
    if judge is not None:
        return judge.name, judge.entails
    return LEXICAL_JUDGE_NAME, lexical_entails


def _passage(index: Any, chunk_id: str, quote: str) -> str:
    try:
        return index.chunk(chunk_id).text
    except (PNSError, KeyError):
        return quote


def score_citations(results: Sequence[ItemResult], index: Any, judge: Any | None, progress: bool = False) -> str:
    """Fill `citation` of every answered item that should be answered; returns the entailment judge's name."""
    from tqdm import tqdm

    name, entails = citation_judge(judge)
    todo = [r for r in results if r.status == "answered" and r.item.expected_status == "answered"]
    for res in tqdm(todo, desc="citations", unit="q", disable=not progress):
        passages = {c.marker: _passage(index, c.chunk_id, c.quote) for c in res.citations}
        score = citation_scores(claim_text(res.body), passages, entails)
        res.citation = {
            "recall": score.recall, "precision": score.precision, "statements": score.statements,
            "supported": score.supported, "citations": score.citations,
            "relevant_citations": score.relevant_citations, "failed": score.failed, "details": score.details,
        }
    return name


def summarise_citations(results: Sequence[ItemResult], judge_name: str) -> dict[str, Any]:
    """ALCE averages per answer, plus the totals a reader needs to weigh them."""
    cites = [r.citation for r in results if r.citation]
    return {
        "judge": judge_name, "n": len(cites),
        "recall": mean(c["recall"] for c in cites), "precision": mean(c["precision"] for c in cites),
        "statements": sum(c["statements"] for c in cites), "citations": sum(c["citations"] for c in cites),
        "failed_judgements": sum(c["failed"] for c in cites),
    }
