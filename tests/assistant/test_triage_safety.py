"""The triage's safety verdict (assistant/triage_safety.py): the rules on both forms of the question, then the
learned checks, without loading a model."""

from __future__ import annotations

from assistant.language import LanguageGuess
from assistant.normalise import Normalised
from assistant.safety import Verdict
from assistant.triage import Triaged
from assistant.triage_safety import learned_recheck, rules_verdict


def test_an_emergency_in_the_typed_text_counts_when_the_normalised_text_has_none() -> None:
    typed = Normalised("my dad cant breathe", "what is pns", "what is pns")  # as if normalising had lost it
    assert rules_verdict(typed).category == "emergency"
    assert rules_verdict(Normalised("what is pns", "what is pns", "what is pns")).category == "none"


def test_without_a_model_a_doubted_hit_counts_and_nothing_is_embedded() -> None:
    def never(texts):
        raise AssertionError("no model: nothing to embed")

    plain = Normalised("x", "x", "x")
    doubted = Triaged(LanguageGuess(True), plain, Verdict("none", deferred="overdose:past"))
    assert learned_recheck(doubted, never, "m", None, None, lambda name: never).verdict.category == "emergency"
    calm = Triaged(LanguageGuess(True), plain, Verdict("none"))
    assert learned_recheck(calm, never, "m", None, None, lambda name: never) is calm
