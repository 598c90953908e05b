"""Off-topic sentences on the self-written precision check bank 3, per part (studied, blind).

Why two measures: the judged answer precision is weak, so the bank's own numbers need no judge.
- The proxy, for any part: the share of shown article sentences that are a required fact or the lead-in a
  required fact needs (the sentence before one that opens by pointing back, "These ...", "However, ...", and a
  bullet's list lead-in line "... may involve several organ systems:"), computed from the bank alone.
- Hand labels, studied part only (eval/data/precision_check3_labels.json): every sentence the `before` run showed,
  judged helpful or not for its question; a sentence shown later that nobody judged counts against (strict).
Sentences per answer and key-fact recall (the eval's own metric) say whether fewer sentences cost required facts.

    pns eval run --evalset eval/data/precision_check3.jsonl --judge none --no-ragas --out DIR
    python -m benchmarks.precision_check3 DIR studied|blind
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from benchmarks.fresh_audit import load_items
from benchmarks.precision_check2 import shown

BANK = Path(__file__).resolve().parents[1] / "eval" / "data" / "precision_check3.jsonl"
LABELS = BANK.with_name("precision_check3_labels.json")
_POINTS_BACK = re.compile(r"^(This|These|They|It|Its|However|Conversely|For instance|Such)\b")


def article_units() -> list[tuple[str, int, str]]:
    """(section id, index, text) of every article sentence and bullet item, in article order."""
    from corpus.article import load_article
    from corpus.paths import article_path
    from eval.article_sentences import split_article
    from foundation.settings import Settings

    return [(s.section_id, s.index, s.text) for s in split_article(load_article(article_path(Settings())))]


def lead_ins(required: set[str], units: list[tuple[str, int, str]]) -> set[str]:
    """The sentences a required fact needs before it: the previous sentence of its section when it opens by
    pointing back, and the list's lead-in line (one ending with ':') when it is a bullet item under one."""
    out: set[str] = set()
    for n, (section, index, text) in enumerate(units):
        if text not in required or index == 0:
            continue
        if _POINTS_BACK.match(text):
            out.add(units[n - 1][2])
        for m in range(n - 1, -1, -1):
            if units[m][0] != section:
                break
            if units[m][2].endswith(":"):
                out.add(units[m][2])
                break
    return out - required


def judge(item: dict, facts: set[str], label: dict, units: list[tuple[str, int, str]]) -> dict[str, int]:
    """One answer's shown sentences: how many, how many required, required-or-lead-in, and hand-labelled helpful."""
    # a personal_advice reply shows the same general sentences; counted only where the item accepts that status
    quotes = item["status"] == "answered" or (item["status"] == "personal_advice" and item.get("status_ok"))
    seen = shown(item["answer"], [u[2] for u in units]) if quotes else []
    needed = facts | lead_ins(facts, units)
    return {"shown": len(seen), "required": sum(s in facts for s in seen), "proxy": sum(s in needed for s in seen),
            "helpful": sum(s in label.get("helpful", []) for s in seen),
            "unlabelled": sum(s not in label.get("helpful", []) + label.get("not_helpful", []) for s in seen)}


def score_rows(run_dir: str, part: str, bank_path: Path, labels: dict) -> tuple[list[dict], list[dict[str, int]]]:
    """One part's eval items of a hand-labelled precision bank and each answer's judged sentences (judge)."""
    bank = {d["id"]: d for d in map(json.loads, bank_path.read_text(encoding="utf-8").splitlines()) if d}
    units = article_units()
    items = [i for i in load_items(run_dir) if i["id"] in bank and f"-{part}-" in i["id"]]
    rows = [judge(i, {f["quote"] for f in bank[i["id"]]["required_facts"]}, labels.get(i["id"], {}), units)
            for i in items]
    return items, rows


def common_scores(items: list[dict], rows: list[dict[str, int]]) -> dict[str, float | int]:
    """Status, key-fact recall, sentences per answer and required share: what every precision bank reports."""
    recalls = [i["scores"]["key_fact_recall"] for i in items if isinstance(i["scores"], dict)
               and i["scores"].get("key_fact_recall") is not None]
    answered = [r for r, i in zip(rows, items, strict=True) if i["status"] == "answered"]
    return {
        "items": len(items), "status_ok": round(sum(i["status_ok"] for i in items) / max(len(items), 1), 3),
        "key_fact_recall": round(sum(recalls) / max(len(recalls), 1), 3),
        "sentences_per_answer": round(sum(r["shown"] for r in answered) / max(len(answered), 1), 2),
        "required_share": round(sum(r["required"] for r in rows) / max(sum(r["shown"] for r in rows), 1), 3)}


def score(run_dir: str, part: str) -> dict[str, float | int]:
    """Status, key-fact recall, sentences per answer, required share, proxy share and (studied) labelled precision."""
    labels = json.loads(LABELS.read_text(encoding="utf-8")) if LABELS.exists() and part == "studied" else {}
    items, rows = score_rows(run_dir, part, BANK, labels)
    total = max(sum(r["shown"] for r in rows), 1)
    out: dict[str, float | int] = {
        **common_scores(items, rows), "proxy_share": round(sum(r["proxy"] for r in rows) / total, 3),
        "dangling": sum(bool((i.get("details") or {}).get("dangling")) for i in items)}
    if labels:
        out["labelled_precision"] = round(sum(r["helpful"] for r in rows) / total, 3)
        out["unlabelled_shown"] = sum(r["unlabelled"] for r in rows)
    return out


if __name__ == "__main__":
    print(json.dumps(score(sys.argv[1], sys.argv[2])))
