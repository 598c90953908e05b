"""Train the sentence ranker on hand-labelled answer sentences and generated questions; choose the selection rule by CV.

    python -m benchmarks.train_ranker            # grouped CV on dev, then fit on everything -> assistant/data/ranker.json
    python -m benchmarks.train_ranker --no-write # CV only (benchmarks/results/ranker_cv.json)

Why these labels: the local LLM's relevance labels (benchmarks/ranker_data.py) agreed with hand labels at kappa
~0.22, and a ranker distilled from them did not help. Two label sources are better and need no model:
  * dev items' required facts: the hand-labelled answer sentences of each dev question are its positives, every
    other candidate sentence the composer sees for it is a negative (hard negatives: same retrieval pool);
  * the enrichment's generated questions (corpus/data/enrichment.jsonl): each question's own unit is positive,
    the rest of its pool negative, with the question's own row held out of the features.
Only dev items and generated questions are read (never the test split).

Honest evaluation: grouped K-fold over the dev items, grouped by conversation (a follow-up and its first turn
stay together) so no dev question is ever in training and validation at once; the generated questions are
always training data. For every fold the ranker is fitted on the other folds (plus the generated questions)
and the real enriched composer (assistant/enriched_compose.py: selection, antecedents, whole lists) composes the
held-out questions under each candidate selection rule. Reported per rule: key-fact recall (share of required
facts whose characters the shown sentences cover) and a precision proxy (share of shown sentences that are a
required fact, or the antecedent / list lead-in a shown fact needs). The rule with the best F1 of the two is
chosen; the shipped ranker is then fitted on all of it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.answer_metrics import ArticleIndex, span_covered, load_items

RESULTS = Path(__file__).resolve().parent / "results" / "ranker_cv.json"
Span = tuple[int, int]
FOLDS = 5
C_GRID = (0.1, 1.0)
DEV_WEIGHT_GRID = (1.0, 4.0)   # weight of a dev pair against a generated-question pair
KEEP_GRID = (0.1, 0.2, 0.35, 0.5)
MARGIN_GRID = (0.1, 0.2, 0.3, 0.45)
MAX_GRID = (3, 4)


@dataclass
class Case:
    """One training question: its candidates (features, labels) and what composing it again needs."""

    id: str
    group: str
    facts: list[Span]
    rows: list[list[float]]
    labels: list[int]
    compose_args: tuple[Any, ...] = ()
    source: str = "dev"
    extra: dict[str, Any] = field(default_factory=dict)


def _span(sentence: Any) -> Span:
    return sentence.chunk.start + sentence.start, sentence.chunk.start + sentence.end


def _positive(span: Span, facts: Sequence[Span]) -> bool:
    """The sentence lies (at least half of it) inside a labelled span."""
    return any(min(span[1], b) - max(span[0], a) >= (span[1] - span[0]) / 2 for a, b in facts)


def _candidates(parts: Any, query: str, retrieval: Any,
                extra: Any = None) -> tuple[list[Any], list[list[float]], tuple[Any, ...]]:
    from assistant.ranked_choice import rank_candidates

    focus = retrieval.query_vector or parts.index.embed_query(retrieval.query)
    full = retrieval.full_vector or focus
    scored, rows = rank_candidates(retrieval.query, focus, full, retrieval.candidates, parts.bank, parts.enriched, None,
                                   extra)
    args = (retrieval.query, focus, full, list(retrieval.candidates), len(retrieval.hits))
    return scored, rows, args


def dev_cases(assistant: Any, index: ArticleIndex, extra: Any = None) -> list[Case]:
    """Every answerable dev item with required facts, through the query path's own understanding and retrieval."""
    from assistant.pipeline import understand

    parts, settings, article = assistant.parts(), assistant.settings, assistant.corpus.article
    cases = []
    for item in load_items("dev"):
        if not item["required_facts"] or "answered" not in item["acceptable_statuses"]:
            continue
        understood = understand(settings, item["question"], item.get("history") or [], assistant.triage)
        if understood.triaged is None or understood.triaged.bibliography is not None:
            continue
        retrieval = parts.retriever.retrieve(parts.with_author_topics(understood.query), pool=True)
        facts = []
        for fact in item["required_facts"]:
            section = article.section(fact["section_id"])
            span = index.fact_span(section.start, section.text, fact["quote"])
            if span is not None:
                facts.append(span)
        scored, rows, args = _candidates(parts, understood.query, retrieval, extra)
        labels = [int(_positive(_span(s.sentence), facts)) for s in scored]
        cases.append(Case(item["id"], item.get("conversation_id") or item["id"], facts, rows, labels, args,
                          extra={"question": item["question"], "standalone": understood.standalone}))
    return cases


def generated_cases(parts: Any, extra: Any = None) -> list[Case]:
    """Each generated question of each enriched unit, its own unit the positive, its own vector row held out."""
    from tqdm import tqdm

    cases = []
    units = [u for u in parts.enriched.units if u.record is not None and u.record.questions]
    for item in tqdm(units, desc="generated questions", unit="unit"):
        for question, row in zip(item.record.questions, item.question_rows):
            parts.enriched.held_out = {row}
            try:
                retrieval = parts.retriever.retrieve(question, pool=True)
                scored, rows, _ = _candidates(parts, question, retrieval, extra)
            finally:
                parts.enriched.held_out = set()
            labels = [int(_positive(_span(s.sentence), [(item.start, item.end)])) for s in scored]
            if any(labels):
                cases.append(Case(f"gen:{item.start}:{row}", f"gen:{item.start}", [(item.start, item.end)], rows,
                                  labels, source="generated"))
    return cases


def fit(cases: Sequence[Case], c: float, dev_weight: float) -> Any:
    """Logistic regression (balanced classes) on the cases' candidate rows -> an assistant.ranker.Ranker."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from assistant.ranker import Ranker

    X = np.asarray([r for case in cases for r in case.rows], dtype=float)
    y = np.asarray([label for case in cases for label in case.labels])
    w = np.asarray([dev_weight if case.source == "dev" else 1.0 for case in cases for _ in case.rows])
    mean, scale = X.mean(axis=0), np.maximum(X.std(axis=0), 1e-3)
    model = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    model.fit((X - mean) / scale, y, sample_weight=w)
    return Ranker(tuple(model.coef_[0].round(5).tolist()), round(float(model.intercept_[0]), 5),
                  tuple(mean.round(5).tolist()), tuple(scale.round(5).tolist()), {})


def shown_scores(parts: Any, case: Case, ranker: Any, levers: Any, extra: Any = None) -> tuple[float, float, int, float]:
    """(key-fact recall, precision proxy, sentences shown, best top-k probability) of composing `case` with `ranker`."""
    from assistant.enriched_compose import compose_enriched

    query, focus, full, hits, support_rank = case.compose_args
    result = compose_enriched(query, focus, full, hits, parts.bank, parts.enriched, ranker, parts.index.chunks(),
                              levers, support_rank=support_rank, extra=extra)
    composition = result.composition
    shown = [s for q in composition.quotes for s in q.sentences if s.chunk.source_id == "article"]
    spans = [_span(s) for s in shown]
    text = parts.resolver.article.text
    recall = sum(span_covered(f, spans, text) for f in case.facts) / len(case.facts) if case.facts else 0.0
    helpers = _fact_helpers(parts.enriched, case.facts)
    good = sum(_positive(sp, case.facts) or any(a <= (sp[0] + sp[1]) // 2 < b for a, b in helpers) for sp in spans)
    return recall, (good / len(spans) if spans else 0.0), len(spans), composition.probability or 0.0


def _fact_helpers(enriched: Any, facts: Sequence[Span]) -> list[Span]:
    """Spans a shown fact needs beside it: the sentence it points back to, its list's lead-in line."""
    out = []
    for a, b in facts:
        item = enriched.at((a + b) // 2)
        while item is not None and item.needs_previous:
            item = enriched.predecessor(item)
            if item is not None:
                out.append((item.start, item.end))
        item = enriched.at((a + b) // 2)
        if item is not None and item.unit.is_bullet:
            head = enriched.list_members(item)[0]
            if head.unit.is_lead_in:
                out.append((head.start, head.end))
    return out


def auc_of(cases: Sequence[Case], ranker: Any) -> float | None:
    """The ranker's ROC AUC on the cases' sentence labels (None when they are all one label)."""
    from sklearn.metrics import roc_auc_score

    y = [label for c in cases for label in c.labels]
    p = [ranker.probability(r) for c in cases for r in c.rows]
    return round(float(roc_auc_score(y, p)), 4) if 0 < sum(y) < len(y) else None


def rules() -> list[dict[str, Any]]:
    """'select': the ranker chooses (relative cut); 'filter': the hand-weighted choice, less what the ranker doubts."""
    select = [{"mode": "select", "keep_probability": k, "keep_margin": m, "max_sentences": n}
              for k, m, n in itertools.product(KEEP_GRID, MARGIN_GRID, MAX_GRID)]
    return select + [{"mode": "filter", "keep_probability": k, "keep_margin": m, "max_sentences": 4}
                     for k, m in itertools.product(KEEP_GRID, MARGIN_GRID)]


def cross_validate(parts: Any, dev: list[Case], generated: list[Case], folds: int) -> dict[str, Any]:
    """Out-of-fold scores of every (C, dev weight, label source) model and selection rule (module docstring)."""
    from sklearn.model_selection import GroupKFold
    from tqdm import tqdm

    from assistant.enriched_compose import Levers

    splitter = GroupKFold(n_splits=folds)
    fold_of = {}
    for f, (_, val) in enumerate(splitter.split(dev, groups=[c.group for c in dev])):
        fold_of.update({dev[i].id: f for i in val})
    models = [("dev+generated", c, w) for c in C_GRID for w in DEV_WEIGHT_GRID] + [("generated only", 1.0, 1.0),
                                                                                      ("dev only", 1.0, 1.0)]
    out: dict[str, Any] = {}
    for source, c, w in tqdm(models, desc="models", unit="model"):
        per_rule: dict[int, list[tuple[float, float, int, float]]] = {}
        aucs = []
        for f in range(folds):
            train = [d for d in dev if fold_of[d.id] != f and source != "generated only"]
            train += generated if source != "dev only" else []
            val = [d for d in dev if fold_of[d.id] == f]
            ranker = fit(train, c, w)
            aucs.append(auc_of(val, ranker))
            for r, rule in enumerate(rules()):
                levers = Levers(ranker=True, keep_probability=rule["keep_probability"], keep_margin=rule["keep_margin"],
                                max_sentences=rule["max_sentences"], filter_only=rule["mode"] == "filter")
                per_rule.setdefault(r, []).extend(shown_scores(parts, case, ranker, levers) for case in val)
        table = [{**rule, **summary_of(per_rule[r])} for r, rule in enumerate(rules())]
        best = max(table, key=lambda row: row["f1"])
        out[f"{source} C={c} dev_weight={w}"] = {"source": source, "C": c, "dev_weight": w,
                                                  "cv_roc_auc": [a for a in aucs if a is not None], "best_rule": best,
                                                  "rules": table}
    return out


def summary_of(rows: Sequence[tuple[float, float, int, float]]) -> dict[str, float]:
    """Mean key-fact recall, precision proxy and their F1 over the shown answers' score rows, rounded."""
    recall = statistics.fmean(r[0] for r in rows)
    precision = statistics.fmean(r[1] for r in rows)
    return {"key_fact_recall": round(recall, 4), "precision_proxy": round(precision, 4),
            "f1": round(2 * recall * precision / (recall + precision), 4) if recall + precision else 0.0,
            "mean_sentences": round(statistics.fmean(r[2] for r in rows), 2)}


def baseline(parts: Any, dev: list[Case]) -> dict[str, float]:
    """The same proxies for the composer without the ranker (the shipped default before this script)."""
    from assistant.enriched_compose import Levers

    return summary_of([shown_scores(parts, case, None, Levers(ranker=False)) for case in dev])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--folds", type=int, default=FOLDS)
    p.add_argument("--no-write", action="store_true", help="cross-validate only; leave assistant/data/ranker.json")
    args = p.parse_args()
    from assistant.api import Assistant
    from assistant.ranker import FEATURES, RANKER_FILE
    from foundation.settings import Settings

    assistant = Assistant(Settings().override(answer={"learned_ranker": False}))
    assistant.warm_up()
    parts = assistant.parts()
    index = ArticleIndex.load(assistant.corpus.article)
    dev = dev_cases(assistant, index)
    generated = generated_cases(parts)
    print(f"dev questions {len(dev)} ({sum(map(sum, (c.labels for c in dev)))} positive pairs of "
          f"{sum(len(c.labels) for c in dev)}), generated questions {len(generated)}", flush=True)
    models = cross_validate(parts, dev, generated, args.folds)
    chosen_name = max((k for k in models if models[k]["source"] == "dev+generated"),
                      key=lambda k: models[k]["best_rule"]["f1"])
    chosen = models[chosen_name]
    report = {"dev_questions": len(dev), "generated_questions": len(generated), "folds": args.folds,
              "grouped_by": "conversation (else item)", "baseline_without_ranker": baseline(parts, dev),
              "chosen": {"model": chosen_name, **chosen["best_rule"]},
              "models": {k: {kk: vv for kk, vv in v.items() if kk != "rules"} for k, v in models.items()},
              "rules_of_chosen_model": chosen["rules"]}
    RESULTS.write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps({k: v for k, v in report.items() if k != "rules_of_chosen_model"}, indent=1))
    if args.no_write:
        return
    ranker = fit(dev + generated, chosen["C"], chosen["dev_weight"])
    rule = chosen["best_rule"]
    doc = {"features": list(FEATURES), "weights": list(ranker.weights), "bias": ranker.bias, "mean": list(ranker.mean),
           "scale": list(ranker.scale), "dev_questions": len(dev), "generated_questions": len(generated),
           "pairs": sum(len(c.rows) for c in dev + generated), "C": chosen["C"], "dev_weight": chosen["dev_weight"],
           "selection": {k: rule[k] for k in ("mode", "keep_probability", "keep_margin", "max_sentences")},
           "cv": {k: rule[k] for k in ("key_fact_recall", "precision_proxy", "f1")},
           "trained_by": "python -m benchmarks.train_ranker (scikit-learn LogisticRegression, balanced; grouped CV on dev)"}
    RANKER_FILE.write_text(json.dumps(doc, indent=1) + "\n")
    print(f"wrote {RANKER_FILE}")


if __name__ == "__main__":
    main()
