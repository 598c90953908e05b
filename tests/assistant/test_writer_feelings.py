"""The writer's worry is cut from a piece the learned emergency check reads only where the piece names no acute sign.

Why: a worry with no event in it fired the model ("im so worried about my dad, he has pns and i cant stop thinking about
it", p 0.99), while the same worry beside a sign, or before the event it fears, must keep the event for the model.
Synthetic phrasings (self-written, not corpus content).
"""

from __future__ import annotations

import pytest

from assistant.emergency_model import pieces
from assistant.writer_feelings import without_feelings


@pytest.mark.parametrize(("piece", "left"), [
    ("I'm so worried about my dad, he has pns and i can't stop thinking about it", "he has pns"),
    ("my sister is sick and i am worried about her", "my sister is sick"),
    ("I'm so worried about my dad and i can't stop thinking about it", ""),  # worry alone: nothing to read
    ("im so scared my husband has taken something and wont talk to me", "my husband has taken something and wont talk to me"),
])
def test_the_worry_goes_and_the_event_stays(piece: str, left: str) -> None:
    assert without_feelings(piece) == left


@pytest.mark.parametrize("piece", [
    "im scared, her lips are blue",  # a sign: read as typed
    "so worried, he is not breathing properly",
    "my mum won't stop worrying about pns, how do i reassure her",  # someone else's worry, not the writer's
    "i can't sleep worrying about my scan",  # cut there it left "i can't sleep", p 0.99
    "what is lems",
])
def test_a_piece_with_a_sign_or_without_the_writers_worry_is_read_as_typed(piece: str) -> None:
    assert without_feelings(piece) == piece


def test_only_the_emergency_check_reads_the_cut() -> None:
    """The personal-advice check reads the question whole; a message of worry alone gives the emergency check nothing."""
    text = "I'm so worried about my dad and i can't stop thinking about it"
    assert pieces(text) == [text]
    assert pieces(text, drop_reassurances=True) == []
