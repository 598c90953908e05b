"""The follow-ups that ask only for more (assistant/more_asks.py): three tables of one shape, one owner.

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

import pytest

from assistant.more_asks import ASKS_AGAIN, ASKS_FOR_NEXT, ASKS_FOR_OTHERS, asks_for_next, asks_for_others, asks_only_for_more

# Each reading: the bare turns that ask for it, and turns that ask something else (the same again, a named topic).
READINGS = {
    asks_for_next: (["tell me more", "Tell me more please", "more about that", "more info",
                     "can you tell me more about that?", "go on", "ok tell me more", "elaborate",
                     "is there anything more on that", "a bit more"],
                    ["why?", "explain that", "in simple words", "what else helps", "tell me more about the treatment",
                     "more symptoms?", "what does that mean"]),
    asks_for_others: (["others?", "any others?", "Any other ones", "anything else?", "any more?", "are there any more",
                       "is that all?", "thats it?", "only those?", "and others?"],
                      ["what else is used", "any other cancers besides lung", "tell me more", "any more info",
                       "are others affected", "what other tests are there"]),
}
CASES = [(reader, text, wanted) for reader, (yes, no) in READINGS.items()
         for wanted, texts in ((True, yes), (False, no)) for text in texts]


@pytest.mark.parametrize("reader, text, wanted", CASES, ids=lambda v: getattr(v, "__name__", str(v)))
def test_a_bare_turn_is_read_as_its_ask_and_a_turn_naming_its_own_words_is_not(reader, text: str, wanted: bool) -> None:
    assert reader(text) is wanted


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
