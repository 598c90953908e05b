"""How often the judge agrees with people: entailment pairs (choosing the model), relevance labels (answer precision).

Why report it: a judged metric is only as good as its judge; every judged number in a report sits
next to the judge's agreement with hand labels, as accuracy and Cohen's kappa (agreement beyond chance).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eval.judge.verdicts import Judge
    from eval.labels import RelevanceLabel


def agreement_stats(pairs: Sequence[tuple[bool | None, bool]]) -> dict[str, Any]:
    """(verdict, label) pairs -> n, agree, failed, accuracy, Cohen's kappa and the 2x2 counts.

    A failed verdict (None) counts against accuracy (it is not an agreement) and is left out of kappa.
    """
    from sklearn.metrics import cohen_kappa_score

    judged = [(v, label) for v, label in pairs if v is not None]
    agree = sum(v == label for v, label in judged)
    counts = {"true_yes": sum(v and label for v, label in judged), "false_yes": sum(v and not label for v, label in judged),
              "true_no": sum(not v and not label for v, label in judged), "false_no": sum(not v and label for v, label in judged)}
    kappa = None
    if judged and len({v for v, _ in judged} | {label for _, label in judged}) > 1:
        kappa = float(cohen_kappa_score([label for _, label in judged], [bool(v) for v, _ in judged]))
    return {"n": len(pairs), "agree": agree, "failed": len(pairs) - len(judged),
            "accuracy": agree / len(pairs) if pairs else 0.0, "kappa": kappa, **counts}


def agreement(judge: Judge, examples: Sequence[tuple[str, str, bool]]) -> dict[str, Any]:
    """Entailment verdicts vs hand-labelled (premise, hypothesis, supported) pairs (used to pick the model)."""
    return agreement_stats([(judge.entails(p, h), label) for p, h, label in examples])


def relevance_agreement(judge: Judge, labels: Sequence[Any],
                        progress: Callable[[Sequence[Any]], Any] = list) -> dict[str, Any]:
    """"Does this sentence help?" verdicts vs hand-labelled sentences (answer precision's judge check).

    `labels` are RelevanceLabel rows or pooled LabelledPair rows (eval/relevance_pool.py); pooled rows carry
    their bank and the user's earlier questions, and the result then adds each bank's own agreement, so the
    74-sentence number published before stays readable beside the pooled one.
    """
    rows = list(progress(labels))
    verdicts = [judge.helps(r.question, r.sentence, getattr(r, "earlier_questions", ())) for r in rows]
    stats = agreement_stats([(v, r.helps) for v, r in zip(verdicts, rows, strict=True)])
    banks = sorted({getattr(r, "bank", "") for r in rows} - {""})
    per_bank = {b: agreement_stats([(v, r.helps) for v, r in zip(verdicts, rows, strict=True) if r.bank == b])
                for b in banks}
    source = ", ".join(f"eval/data/{b}" for b in banks) or "eval/data/sentence_relevance_labels.jsonl"
    return stats | {"labels": source, "judge": judge.name, "banks": per_bank,
                    "relevance_prompt": getattr(judge, "describe", dict)().get("relevance_prompt")}
