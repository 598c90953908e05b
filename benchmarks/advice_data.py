"""What the learned personal-advice check learns from: labelled messages, made noisy the way people type.

Sources (self-written or corpus-derived; no test item and no check-bank item is ever read for training):
  - assistant/data/advice_bank.jsonl: the self-written bank (personal asks and hard negatives on the same topics);
  - eval set v1 (no split) and the **dev** split of v2 (never test): personal when `personal_advice` is an
    acceptable status; emergencies and non-English items are left out (the emergency gate and the language
    check decide those first, so this check never sees them);
  - tests/assistant/phrasings/: the sloppy, short and jargon English questions (ordinary negatives);
  - the corpus: each article unit's generated questions (ordinary negatives);
  - on request only (`training_rows(studied=...)`, what benchmarks/advice_lobo.py validates): the STUDIED parts of
    the v2-format check banks eval/data/advice_check{3,4,5}.jsonl, labelled by their acceptable statuses; their
    blind parts never. Round 15's leave-one-bank-out found no generalising gain (README of eval/data), so the
    shipped weights are trained without them.
The check banks eval/data/advice_check.jsonl and advice_check2.jsonl are never a source: a bank text found there is an error.
Augmentation is the emergency classifier's (benchmarks/emergency_data.augment): lower-cased without
apostrophes, one typo, and a share buried next to an unrelated on-topic question.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.emergency_data import Row, corpus_rows, read_phrasings, training_hash  # noqa: F401 (re-exported)

REPO = Path(__file__).resolve().parents[1]
BANK = REPO / "assistant" / "data" / "advice_bank.jsonl"
CHECK = REPO / "eval" / "data" / "advice_check.jsonl"
CHECK2 = REPO / "eval" / "data" / "advice_check2.jsonl"  # written after the model, blind to it
# sources whose negatives are ordinary questions (not written to be hard): the false-trigger budget is set on them
ORDINARY = ("dev", "v1", "sloppy", "short", "jargon", "corpus")
LABEL = "personal_advice"
# the v2-format check banks whose studied part is trained on (their blind part never is)
STUDIED_BANKS = tuple(REPO / "eval" / "data" / f"advice_check{n}.jsonl" for n in (3, 4, 5))


def bank_rows(path: Path = BANK) -> list[Row]:
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()[1:]):  # line 1 says what the file is
        d = json.loads(line)
        rows.append(Row(d["text"], d["label"], f"advice:{i}", "bank", None, d["label"]))
    return rows


def evalset_rows() -> list[Row]:
    """v1 and v2 dev; an item that may be an emergency or is not English is not this check's business."""
    from eval.evalsets import choose_items, load_named

    rows = []
    for item in load_named("v1").items:
        if item.expected_status != "emergency":
            rows.append(Row(item.question, LABEL if item.expected_status == LABEL else "none", f"v1:{item.id}", "v1"))
    for item in choose_items(load_named("v2"), "dev"):
        if item.category != "non_english" and "emergency" not in item.acceptable_statuses:
            label = LABEL if LABEL in item.acceptable_statuses else "none"
            rows.append(Row(item.question, label, f"dev:{item.conversation_id or item.id}", "dev"))
    return rows


def phrasing_rows() -> list[Row]:
    rows = []
    for name, source in (("english_sloppy.txt", "sloppy"), ("english_short.txt", "short"), ("english_jargon.txt", "jargon")):
        rows += [Row(t, "none", f"phrasing:{name}:{i}", source) for i, t in enumerate(read_phrasings(name))]
    return rows


def check_bank_rows(path: Path, part: str | None = "studied") -> list[Row]:
    """A v2-format check bank's items of `part` (None: every part) as rows: personal when `personal_advice` is the
    only acceptable status. The question alone is the row (a follow-up's history is not read: the check scores the
    message); each item is its own group and the bank's stem its kind, so a bank can be left out whole."""
    from eval.dataset_v2 import load_evalset_v2

    return [Row(i.question, LABEL if i.acceptable_statuses == [LABEL] else "none", f"{path.stem}:{i.id}", "bank",
                None, path.stem)
            for i in load_evalset_v2(path) if part is None or i.part == part]


def blind_texts() -> set[str]:
    """Every question of the check banks' blind parts: never trained on, whatever source repeats it."""
    return {r.text for path in STUDIED_BANKS for r in check_bank_rows(path, "blind")}


def training_rows(studied: tuple[Path, ...] = ()) -> list[Row]:
    """Every source in a fixed order; corpus rows are the generated questions only (an article sentence is no ask).
    `studied`: the check banks whose studied part joins the self-written bank. The shipped weights use none:
    leave-one-bank-out (benchmarks/advice_lobo.py, round 15) found no way of adding them that generalises."""
    held = {json.loads(line).get("text") for path in (CHECK, CHECK2)
            for line in path.read_text(encoding="utf-8").splitlines()[1:]}
    bank = bank_rows()
    leaked = sorted({r.text for r in bank if r.text in held})
    if leaked:
        raise ValueError(f"{len(leaked)} bank text(s) are in the check bank, e.g. {leaked[0]!r}")
    corpus = [r for r in corpus_rows() if r.text.rstrip().endswith("?")]
    blind = blind_texts()  # never from a check bank (one blind question, "is pns hereditary", is also a bank row)
    checks = [r for path in studied for r in check_bank_rows(path) if r.text not in blind and r.text not in held]
    return [r for r in bank + checks + evalset_rows() + phrasing_rows() + corpus if r.text not in held]
