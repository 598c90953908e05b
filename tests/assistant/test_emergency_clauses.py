"""The emergency check reads each sign-naming clause of a rambling sentence (assistant/emergency_model.clauses).

Why a file of its own: the clauses are the one step of the learned check that reads less than a sentence; the
message here was written for these tests, not taken from a bank.
"""

from __future__ import annotations

from assistant.emergency_model import pieces
from model_verdicts import model_alone

RAMBLING = ("sorry for the essay, mum has had a rough year with the chemo and the hospital keeps moving her appointments, "
            "the parking costs a fortune, since about an hour ago she has been gasping and cant get her words out, "
            "anyway i wanted to ask about the diet sheet")


def test_the_emergency_check_also_scores_each_clause_of_a_rambling_sentence_that_names_a_sign() -> None:
    """A long sentence of comma-joined news is read clause by clause by the emergency check only, and only the clauses
    naming an acute sign: a clause alone loses the context that made it harmless ("my dad is stable and at home")."""
    from assistant.emergency_model import LONG_SENTENCE_WORDS, clauses

    clause = "since about an hour ago she has been gasping and cant get her words out"
    assert clause in pieces(RAMBLING, drop_reassurances=True) and clause not in pieces(RAMBLING)
    assert clauses(RAMBLING) == [clause]  # the chatter clauses name no sign
    short = "dad fainted earlier but he is sitting up and chatting now, should i mention it to his oncologist"
    assert len(short.split()) < LONG_SENTENCE_WORDS and clauses(short) == []


def test_an_emergency_in_one_clause_of_a_rambling_message_fires(triage, embed, monkeypatch) -> None:
    """End to end with the real model: the rules and the whole sentence miss it, the clause finds it."""
    import assistant.emergency_model as emergency_model

    assert triage.triage(RAMBLING).verdict.category != "emergency"
    assert model_alone(triage, RAMBLING, embed).category == "emergency"
    monkeypatch.setattr(emergency_model, "clauses", lambda sentence: [])
    assert model_alone(triage, RAMBLING, embed).category != "emergency"  # without the clauses it was missed
