"""The follow-ups that ask only for more (assistant/more_asks.py): three tables of one shape, one owner.

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

import pytest

from assistant.more_asks import ASKS_AGAIN, ASKS_FOR_NEXT, ASKS_FOR_OTHERS, asks_for_next, asks_for_others, asks_only_for_more


@pytest.mark.parametrize("table, ask", [(ASKS_AGAIN, "why"), (ASKS_FOR_NEXT, "tell me more"), (ASKS_FOR_OTHERS, "any others")])
def test_every_table_takes_the_same_tail_and_nothing_else_after_the_ask(table, ask: str) -> None:
    for tail in ("", "?", " pls?", " please!!", " plz."):
        assert table.match(ask + tail), ask + tail
    assert not table.match(ask + " about the skin rash")


def test_which_reading_a_bare_turn_gets() -> None:
    assert asks_only_for_more("how come?") and not asks_for_next("how come?") and not asks_for_others("how come?")
    assert asks_for_next("ok  tell   me more about that") and not asks_for_others("tell me more")
    assert asks_for_others("but are there any more?") and asks_only_for_more("but are there any more?")
    assert not asks_only_for_more("but why")  # the leads stay each table's own: "but" leads only an ask for others
