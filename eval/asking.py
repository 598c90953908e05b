"""Ask the assistant every item, warm, and record what came back (one failing question never ends a run)."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from eval.results import ItemResult
from foundation.errors import PNSError

if TYPE_CHECKING:
    from assistant.models import Answer

Ask = Callable[[str, list[dict[str, str]]], "Answer"]


def cited_reference_ids(answer: Answer) -> list[str]:
    """Bibliography ids the answer cites: references shown under its citations, and cited entries themselves.

    A citation whose source is a bibliography entry (a cited source's full text, or an entry an answer
    quotes) counts as citing that entry.
    """
    ids = {r.id for c in answer.citations for r in c.references}
    ids |= {c.source_id for c in answer.citations if c.source_id != "article"}
    return sorted(ids)


def record(res: ItemResult, answer: Answer, seconds: float) -> None:
    from assistant.disclaimer import has_disclaimer

    res.latency_ms = seconds * 1000.0
    res.status = answer.status
    res.answer = answer.answer
    res.body = answer.body
    res.standalone_question = answer.standalone_question
    res.contexts = list(answer.contexts)
    res.context_ids = list(answer.context_ids)
    res.citations = list(answer.citations)
    res.cited_reference_ids = cited_reference_ids(answer)
    res.has_disclaimer = has_disclaimer(answer.answer)


def answer_items(ask: Ask, items: Sequence[object], split_of: Callable[[str], str | None],
                 progress: bool = False) -> list[ItemResult]:
    """One ItemResult per item, in order; errors are recorded on the item, never raised."""
    from tqdm import tqdm

    results = []
    for item in tqdm(items, desc="asking", unit="q", disable=not progress):
        res = ItemResult(item=item, split=split_of(item.id))  # type: ignore[attr-defined]
        start = time.perf_counter()
        try:
            answer = ask(item.question, item.history_dicts())  # type: ignore[attr-defined]
        except PNSError as exc:
            res.error = str(exc)
        except Exception as exc:  # one failing question must not end the run: it is recorded
            res.error = f"{type(exc).__name__}: {exc}"
        else:
            record(res, answer, time.perf_counter() - start)
        results.append(res)
    return results
