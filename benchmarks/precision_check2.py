"""Precision and dangling references on the self-written precision check bank 2, per part (studied, blind).

Why labels written with the bank: eval/data/precision_check2.jsonl was written before the change it measures,
and eval/data/precision_check2_labels.json says, for each item, which other article sentences are fine to show
beside the required facts (`also_ok`) and which must not appear (`must_not`). A shown sentence in neither list
counts against precision as well (strict), so an answer cannot gain by showing sentences nobody judged; the
counts of unlisted and must-not sentences are reported apart. Shown sentences are the article's own
(eval.article_sentences) whose text the answer body holds; dangling references are the eval's own metric.

    pns eval run --evalset eval/data/precision_check2.jsonl --judge none --no-ragas --out DIR
    python -m benchmarks.precision_check2 DIR [studied|blind]
    python -m benchmarks.precision_check2 DIR --shape   # any run: answered items' sentences and dangling rate
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from benchmarks.fresh_audit import load_items
from eval.metrics.answers import normalise

BANK = Path(__file__).resolve().parents[1] / "eval" / "data" / "precision_check2.jsonl"
LABELS = BANK.with_name("precision_check2_labels.json")


def article_sentences() -> list[str]:
    """Every article sentence (and bullet item) as the eval's own splitter cuts them."""
    from corpus.article import load_article
    from corpus.paths import article_path
    from eval.article_sentences import split_article
    from foundation.settings import Settings

    return [s.text for s in split_article(load_article(article_path(Settings())))]


def shown(answer: str, sentences: list[str]) -> list[str]:
    """Article sentences the answer's body shows (disclaimer and reference notes left out)."""
    body = normalise(answer.split("\n\n---\n")[0].split("\n\nRelated references")[0])
    return [s for s in sentences if normalise(s).rstrip(".") in body]


def judge(item: dict, bank: dict, labels: dict, sentences: list[str]) -> dict:
    """One answer's shown sentences split into required, also fine, must-not and unlisted."""
    required = {f["quote"] for f in bank["required_facts"]}
    mine = labels.get(item["id"], {})
    seen = shown(item["answer"], sentences) if item["status"] == "answered" else []
    if "answered" not in item["acceptable_statuses"]:
        return {"shown": len(seen), "required": 0, "ok": 0, "must_not": len(seen), "unlisted": 0}
    req = sum(s in required for s in seen)
    ok = sum(s in mine.get("also_ok", []) and s not in required for s in seen)
    bad = sum(s in mine.get("must_not", []) for s in seen)
    return {"shown": len(seen), "required": req, "ok": ok, "must_not": bad, "unlisted": len(seen) - req - ok - bad}


def score(run_dir: str, part: str | None = None) -> dict[str, float | int]:
    """Status, key-fact recall, dangling rate, sentences per answer, required share and strict precision."""
    bank = {json.loads(line)["id"]: json.loads(line) for line in BANK.read_text().splitlines() if line.strip()}
    labels = json.loads(LABELS.read_text())
    sentences = article_sentences()
    items = [i for i in load_items(run_dir) if i["id"] in bank and (part is None or f"-{part}-" in i["id"])]
    rows = [judge(i, bank[i["id"]], labels, sentences) for i in items]
    recalls = [i["scores"]["key_fact_recall"] for i in items if isinstance(i["scores"], dict)
               and i["scores"].get("key_fact_recall") is not None]
    answered = [r for r, i in zip(rows, items, strict=True) if i["status"] == "answered"]
    total = sum(r["shown"] for r in rows)
    good = sum(r["required"] + r["ok"] for r in rows)
    dangling = [i["id"] for i in items if (i.get("details") or {}).get("dangling")]
    return {"items": len(items), "status_ok": round(sum(i["status_ok"] for i in items) / max(len(items), 1), 3),
            "key_fact_recall": round(sum(recalls) / max(len(recalls), 1), 3),
            "dangling_rate": round(len(dangling) / max(len(answered), 1), 3), "dangling": dangling,
            "sentences_per_answer": round(sum(r["shown"] for r in answered) / max(len(answered), 1), 2),
            "required_share": round(sum(r["required"] for r in rows) / max(total, 1), 3),
            "precision_strict": round(good / max(total, 1), 3),
            "must_not_shown": sum(r["must_not"] for r in rows), "unlisted_shown": sum(r["unlisted"] for r in rows)}


def shape(run_dir: str) -> dict[str, float | int]:
    """Any run (dev, another bank): article sentences per answered item and the share of answers that dangle."""
    sentences = article_sentences()
    answered = [i for i in load_items(run_dir) if i["status"] == "answered"]
    shown_counts = [len(shown(i["answer"], sentences)) for i in answered]
    dangling = sum(bool((i.get("details") or {}).get("dangling")) for i in answered)
    return {"answered": len(answered), "sentences_per_answer": round(sum(shown_counts) / max(len(answered), 1), 2),
            "dangling_rate": round(dangling / max(len(answered), 1), 3)}


if __name__ == "__main__":
    if sys.argv[2:3] == ["--shape"]:
        print(json.dumps(shape(sys.argv[1])))
    else:
        print(json.dumps(score(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)))
