"""The question words kept once (assistant/question_words.py), as the readers of a message's shape use them.

Why: three readers kept their own copies of these words and drifted; the one table must build groups that match each
word whole and leave out exactly what a reader says it leaves out.
"""

from __future__ import annotations

import re

from assistant.question_words import ASK_AUXILIARIES, WH_SPELLINGS, WH_WORDS, alternation


def test_the_group_matches_each_word_whole_and_no_longer_word() -> None:
    group = re.compile(rf"^{alternation(WH_WORDS, WH_SPELLINGS)}\b", re.IGNORECASE)
    for word in (*WH_WORDS, *WH_SPELLINGS):
        assert group.match(f"{word} is it")
    assert not group.match("whatever it is") and not group.match("however")


def test_a_word_left_out_is_not_matched_and_a_repeated_word_is_listed_once() -> None:
    group = alternation(WH_WORDS, ASK_AUXILIARIES, ["what", "did"], without=["who"])
    words = group[3:-1].split("|")
    assert "who" not in words and "did" in words and words.count("what") == 1
    assert not re.match(rf"^{group}\b", "who treats it") and re.match(rf"^{group}\b", "did it spread")
