"""Key-fact recall, answer length, the share of shown quotes that are required facts and the share of answers
opening with one, per bank and per part.

Why beside key-fact recall: a composer can raise recall by showing more; the number of quotes per answer and
the share of them that are a required fact (a precision proxy that needs no judge) say whether it did.
Runs of `pns eval run --evalset BANK --judge none --no-ragas --out DIR` are read; only the bank named is
opened for the required facts, and only its items that the run holds. A part ("studied", "blind") keeps the
items whose id names it (eval/data/keyfact_check.jsonl: keyfact-studied-NNN, keyfact-blind-NNN).

    python -m benchmarks.keyfact_check RUN_DIR BANK.jsonl [PART]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from benchmarks.fresh_audit import load_items

_MARKER = re.compile(r"\[\d+\]")
_NON_WORD = re.compile(r"\W+")
PREFIX = 50  # characters of a normalised quote that identify it (a shown quote may run on into the next sentence)


def normalise_quote(text: str) -> str:
    """Lower case, runs of non-word characters as one space: a quote compared with a fact whatever its punctuation."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def required_facts(bank: Path, ids: set[str]) -> dict[str, list[str]]:
    """Item id -> its required quotes, for the items of `ids` only."""
    out: dict[str, list[str]] = {}
    for line in bank.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            if item["id"] in ids:
                out[item["id"]] = [f["quote"] for f in item.get("required_facts") or []]
    return out


def shown_quotes(answer: str) -> list[str]:
    """The answer body's quotes (text between [n] markers), disclaimer and reference notes left out."""
    body = answer.split("\n\n---\n")[0].split("\n\nRelated references")[0].split("\n\nThe article lists")[0]
    return [q for q in _MARKER.split(body) if normalise_quote(q)]


def is_required(quote: str, facts: list[str]) -> bool:
    q = normalise_quote(quote)
    return any(normalise_quote(f)[:PREFIX] in q or q[:PREFIX] in normalise_quote(f) for f in facts)


def score_run(run_dir: str, bank: Path, part: str | None = None) -> dict[str, float | int]:
    """Mean key-fact recall (the eval's own metric), quotes per answered item and the required share of them."""
    items = [i for i in load_items(run_dir) if part is None or f"-{part}-" in i["id"]]
    facts = required_facts(bank, {i["id"] for i in items})
    recalls, shown, required, answered, first = [], 0, 0, 0, 0
    for item in items:
        scores = item["scores"] if isinstance(item["scores"], dict) else {}
        if scores.get("key_fact_recall") is not None:
            recalls.append(scores["key_fact_recall"])
        wanted = facts.get(item["id"]) or []
        if item["status"] != "answered" or not wanted:
            continue
        answered += 1
        quotes = shown_quotes(item["answer"])
        shown += len(quotes)
        required += sum(is_required(q, wanted) for q in quotes)
        first += bool(quotes) and is_required(quotes[0], wanted)  # the sentence a reader meets first answers
    return {"items": len(items), "key_fact_recall": round(sum(recalls) / max(len(recalls), 1), 3),
            "quotes_per_answer": round(shown / max(answered, 1), 2), "required_share": round(required / max(shown, 1), 3),
            "first_required": round(first / max(answered, 1), 3)}


if __name__ == "__main__":
    print(json.dumps(score_run(sys.argv[1], Path(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)))
