"""Every hand-labelled "does this sentence help answer this question?" pair the project holds, in one list.

Why pool them: the judge's agreement was published on 74 sentences only (`sentence_relevance_labels.jsonl`),
too few to tell two judge prompts apart. The precision banks 2-8 carry over a thousand more human labels:
bank 2 (`precision_check2_labels.json`) lists per item the sentences fine to show (`also_ok`, plus the item's
required facts) and those that must not appear (`must_not`); banks 3-8 label every sentence main's answers
showed as `helpful` / `not_helpful`. Each pair keeps its bank, so a judge can be tuned on some banks and its
agreement reported on whole banks it never saw.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
SEVENTY_FOUR = "sentence_relevance_labels"
PRECISION_BANKS = ("precision_check2", "precision_check3", "precision_check4", "precision_check5", "precision_check6",
                   "precision_check7", "precision_check8", "precision_check9", "precision_check10",
                   "precision_check11")
BANKS = (SEVENTY_FOUR, *PRECISION_BANKS)


@dataclass(frozen=True)
class LabelledPair:
    """One human yes/no on a sentence for a question, with what the judge may see of the conversation."""

    bank: str
    item_id: str
    question: str
    sentence: str
    helps: bool
    earlier_questions: tuple[str, ...] = ()
    part: str = ""


def clean_sentence(text: str) -> str:
    """A labelled sentence as the judge sees it: no bullet dash, no surrounding space."""
    return text.strip().removeprefix("- ").strip()


def _seventy_four(data: Path) -> list[LabelledPair]:
    rows = [json.loads(line) for line in (data / f"{SEVENTY_FOUR}.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    questions = list(dict.fromkeys(r["question"] for r in rows))
    return [LabelledPair(SEVENTY_FOUR, f"rel-{questions.index(r['question']) + 1:03d}", r["question"],
                         clean_sentence(r["sentence"]), bool(r["helps"])) for r in rows]


def _bank(data: Path, bank: str) -> list[LabelledPair]:
    items = {i["id"]: i for i in (json.loads(line) for line in
                                  (data / f"{bank}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip())}
    labels = json.loads((data / f"{bank}_labels.json").read_text(encoding="utf-8"))
    out: list[LabelledPair] = []
    for item_id, marks in labels.items():
        item = items[item_id]
        if "also_ok" in marks:  # bank 2: required facts and also-ok sentences help; must-not ones do not
            helpful = [f["quote"] for f in item["required_facts"]] + list(marks["also_ok"])
            unhelpful = list(marks["must_not"])
        else:
            helpful, unhelpful = list(marks["helpful"]), list(marks["not_helpful"])
        earlier = tuple(t["content"] for t in item.get("history", []) if t["role"] == "user")
        seen: set[str] = set()
        for sentence, helps in [(s, True) for s in helpful] + [(s, False) for s in unhelpful]:
            text = clean_sentence(sentence)
            if text in seen:  # a required fact also listed as also-ok: one pair
                continue
            seen.add(text)
            out.append(LabelledPair(bank, item_id, item["question"], text, helps, earlier, item.get("part", "")))
    return out


def load_pool(data: Path = DATA, banks: tuple[str, ...] = BANKS) -> list[LabelledPair]:
    """The labelled pairs of `banks` (default: all of them), bank by bank in file order."""
    return [pair for bank in banks for pair in (_seventy_four(data) if bank == SEVENTY_FOUR else _bank(data, bank))]
