"""The leave-one-bank-out judge of the off-topic cut's protection rules (benchmarks/protection_lobo.py), on stand-in
answers at the cut.

Why: the rule that ships is the one this judge picks on the studied parts; a scorer that counted a dropped required
sentence as fine, or chose by the blind part, would pick a rule that cost key facts or only fit its own labels.
"""

from __future__ import annotations

from benchmarks.protection_lobo import RULES, choose, counts


def _row(part: str, sentences: list[tuple[bool | None, bool, list[str]]]) -> dict:
    return {"bank": "b", "part": part, "sentences": [{"helps": h, "required": r, "kept": k} for h, r, k in sentences]}


def test_counts_score_what_a_rule_keeps_and_the_required_sentences_it_drops() -> None:
    rows = [_row("studied", [(True, True, list(RULES)), (False, False, ["shares"]), (None, False, ["shares", "about"])])]
    assert counts(rows, "shares") == {"shown": 3, "helpful": 1, "required_dropped": 0, "precision": 0.333}
    assert counts(rows, "about") == {"shown": 2, "helpful": 1, "required_dropped": 0, "precision": 0.5}
    dropping = [_row("studied", [(True, True, ["shares"]), (False, False, ["shares"])])]
    assert counts(dropping, "none")["required_dropped"] == 1


def test_the_rule_chosen_is_the_most_precise_that_drops_no_required_sentence() -> None:
    # "none" is the most precise here but drops a required sentence; "about" is next
    rows = [_row("studied", [(True, True, ["shares", "about", "rare", "shares_near"]), (False, False, ["shares", "rare"]),
                             (True, False, ["shares", "about", "rare", "shares_near"]), (False, False, ["shares_near"])])]
    assert choose(rows) == "about"
    assert choose([_row("studied", [(True, True, ["shares"])])]) == "shares"  # nothing else keeps the required one
