"""Follow-up banks 4 to 17 (self-written, held out): each loads as eval set v2 items, every quote is a whole sentence
of the article, and its planned share of conversations (half, or a third for banks 6, 8 and 9) is marked blind.

Why a test for a data file: the bank is written once, before any change, and only run for before/after numbers;
a quote that drifts from the article would silently lower key-fact recall on every later run, and a blind part
that loses its mark would be studied by the next round.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bank_checks import assert_a_third_blind, assert_quotes_are_whole_sentences

from corpus.article import load_article
from corpus.paths import article_path
from eval.dataset_v2 import load_evalset_v2
from foundation.settings import Settings

DATA = Path(__file__).resolve().parents[2] / "eval" / "data"
# bank -> (at least this many follow-up turns, in at least this many conversations, share of them blind), as planned
PLANNED = {"followup_check4.jsonl": (45, 25, 1 / 2), "followup_check5.jsonl": (30, 15, 1 / 2),
           "followup_check6.jsonl": (50, 25, 1 / 3), "followup_check7.jsonl": (40, 20, 1 / 2),
           "followup_check8.jsonl": (55, 25, 1 / 3), "followup_check9.jsonl": (60, 25, 1 / 3),
           "followup_check10.jsonl": (75, 25, 1 / 3),
           "followup_check11.jsonl": (80, 30, 1 / 3), "followup_check12.jsonl": (70, 25, 1 / 3),
           "followup_check13.jsonl": (60, 25, 1 / 3),
           "followup_check14.jsonl": (60, 25, 1 / 3),
           "followup_check15.jsonl": (60, 25, 1 / 3),
           "followup_check16.jsonl": (60, 25, 1 / 3),
           "followup_check17.jsonl": (60, 25, 1 / 3),
           "followup_check18.jsonl": (70, 25, 1 / 3)}


@pytest.mark.parametrize("bank", sorted(PLANNED))
def test_bank_has_its_planned_shape_blind_part_and_whole_sentence_quotes(bank: str) -> None:
    items = load_evalset_v2(DATA / bank)
    conversations = {i.conversation_id for i in items}
    turns, talks, blind_share = PLANNED[bank]
    assert len(items) >= turns and len(conversations) >= talks
    assert all(i.category == "multi_turn" and i.history and i.part in ("studied", "blind") for i in items)
    assert sum(i.acceptable_statuses == ["not_found"] and not i.required_facts for i in items) >= 8
    blind = {i.conversation_id for i in items if i.part == "blind"}
    assert abs(len(blind) - len(conversations) * blind_share) <= 1
    assert all(len({i.part for i in items if i.conversation_id == c}) == 1 for c in conversations)  # whole conversations
    for item in items:
        roles = [h.role for h in item.history]
        assert roles == ["user", "assistant"] * (len(roles) // 2), item.id
    assert_quotes_are_whole_sentences(items, load_article(article_path(Settings())), one_sentence=True)


# banks that name each turn's part in its id too (`followup-check<N>-blind-...`), so a report split by id prefix
# cannot mix the parts: 8, 9 (named-syndrome first turns), 10 (one-word, elliptical and item-pointing
# follow-ups), 11 (uncovered one-word asks, clipped asks, turns after a refusal), 12 (pronouns, ellipsis,
# clarifications, list items, topic switches), 13 ("tell me more", goes away or comes back, clipped asks after a list),
# 14 (after lists: "any others?", "tell me more" after one item, an item by position, "is that common?"), 15 (lists
# that end: "any others?" after a whole list, "if that doesnt work", "how often does that happen", an item by position),
# 16 (pronouns for the condition, a symptom, a treatment or a person; ellipsis by organ or item; topic switches; turns
# after a declined or emergency turn), 17 (a clinician chaining short asks and source asks, a subject two turns back after a
# side question, one-word asks, corrections, turns after a declined or emergency turn, turns the article cannot answer), 18 (pronouns after a yes/no side step, "how common" after a named syndrome, a bare organ
# ask a shown list lacks, "what makes it worse", "any others?", "tell me more" after one item, "is that common?")
MARKED_IN_IDS = [f"followup_check{n}.jsonl" for n in range(8, 19)]


@pytest.mark.parametrize("bank", MARKED_IN_IDS)
def test_bank_marks_a_third_of_its_turns_blind_in_ids_and_notes(bank: str) -> None:
    assert_a_third_blind(load_evalset_v2(DATA / bank), bank.removesuffix(".jsonl").replace("_", "-"))
