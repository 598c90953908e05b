"""The paraphrase bank (eval/data/paraphrase_check.jsonl): 33 dev questions of eval set v2, each asked in its own
words and in three paraphrases (terse, rambling, typos, lay or clinician words), grouped; a third of the groups blind.

Why: the bank measures whether an answer stays the same when the wording changes, so each paraphrase must carry its
original's required facts and acceptable statuses unchanged, the original must be a dev item (never test), a group
must sit whole in one part (a blind group read through one studied wording would not be blind), and every quote must
still map back to the article.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings
from bank_checks import assert_a_third_blind, assert_quotes_map_back

ROOT = Path(__file__).resolve().parents[2]
BANK = ROOT / "eval" / "data" / "paraphrase_check.jsonl"
STYLES = {"terse", "rambling", "typos", "lay", "clinician"}


def _original_of(note: str) -> str:
    return note.split("original: ")[1].split(" ")[0]


def _style_of(note: str) -> str:
    return note.split("style: ")[1].split(";")[0]


def test_every_group_is_a_dev_question_and_three_paraphrases_with_its_facts_and_statuses() -> None:
    items = load_evalset_v2(BANK)
    dev = set(json.loads((ROOT / "eval" / "data" / "splits-v2.json").read_text())["dev"])
    originals = {i.id: i for i in load_evalset_v2(ROOT / "eval" / "data" / "evalset_v2.jsonl") if i.id in dev}
    groups: dict[str, list] = defaultdict(list)
    for item in items:
        groups[item.group].append(item)
    assert len(groups) >= 30 and len(items) >= 120
    for members in groups.values():
        source = originals[_original_of(members[0].note)]  # KeyError: not a dev item
        assert len(members) == 4 and not source.history
        assert [_style_of(m.note) for m in members].count("original") == 1
        assert len({m.question for m in members}) == 4
        for m in members:
            assert _original_of(m.note) == source.id and m.category == source.category
            assert m.required_facts == source.required_facts and m.acceptable_statuses == source.acceptable_statuses
            if _style_of(m.note) == "original":
                assert m.question == source.question
            else:
                assert m.question == m.question.lower() and "'" not in m.question
    assert set(Counter(_style_of(i.note) for i in items)) == STYLES | {"original"}
    assert {"answered", "not_found", "personal_advice"} <= {s for i in items for s in i.acceptable_statuses}
    assert_quotes_map_back(items, load_article(article_path(Settings())))


def test_a_third_of_the_groups_is_blind_and_a_group_sits_whole_in_one_part() -> None:
    items = load_evalset_v2(BANK)
    assert_a_third_blind(items, "para")
    assert all(i.part and f"-{i.part}-{i.group}-" in i.id and f"group: {i.group};" in i.note for i in items)
    parts = defaultdict(set)
    for item in items:
        parts[item.group].add(item.part)
    assert all(len(p) == 1 for p in parts.values())
    assert abs(sum(p == {"blind"} for p in parts.values()) - len(parts) / 3) <= 1
