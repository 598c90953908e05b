"""How far the answer-precision judge (benchmarks/answer_metrics.RelevanceJudge) agrees with people.

    python -m benchmarks.judge_agreement     # -> benchmarks/results/judge_agreement.json

Over eval/data/sentence_relevance_labels.jsonl (74 hand-labelled question/sentence pairs): accuracy and
Cohen's kappa at the judge's cut-off (P(yes) >= 0.5), and the ROC AUC of P(yes), which says whether the
judge's scores order helpful above unhelpful sentences at all, whatever the cut-off.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.answer_metrics import REPO, RelevanceJudge

LABELS = REPO / "eval" / "data" / "sentence_relevance_labels.jsonl"
RESULTS = Path(__file__).resolve().parent / "results"


def main() -> None:
    from sklearn.metrics import cohen_kappa_score, roc_auc_score

    from foundation.llm import load_llm
    from foundation.settings import Settings

    settings = Settings()
    llm = load_llm(settings.llm, home=settings.home)
    judge = RelevanceJudge(llm, settings.home / "bench" / "relevance-judge.json")
    rows = [json.loads(l) for l in LABELS.read_text(encoding="utf-8").splitlines() if l.strip()]
    p = [judge.p_helps(r["question"], r["sentence"].removeprefix("- ")) for r in rows]
    judge.save()
    y = [bool(r["helps"]) for r in rows]
    said = [x >= 0.5 for x in p]
    out = {"pairs": len(rows), "judge": f"{llm.backend}:{llm.model}", "cutoff": 0.5,
           "accuracy": round(sum(a == b for a, b in zip(said, y)) / len(y), 4),
           "cohen_kappa": round(float(cohen_kappa_score(y, said)), 4), "roc_auc": round(float(roc_auc_score(y, p)), 4),
           "judged_helpful": sum(said), "labelled_helpful": sum(y)}
    (RESULTS / "judge_agreement.json").write_text(json.dumps(out, indent=1) + "\n")
    print(json.dumps(out))


if __name__ == "__main__":
    main()
