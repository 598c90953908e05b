"""The learned checks' verdict with the rules set aside, for tests that exercise the model itself.

Why a helper module: the emergency model's tests and the clause tests both need "what would the model say if the
rules had found nothing"; one definition keeps them asking the same thing.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.safety import Verdict


def model_alone(triage, question: str, embed) -> Verdict:
    """The model's verdict as if the rules had found nothing (so the model is what is tested)."""
    triaged = replace(triage.triage(question), verdict=Verdict("none"))
    return triage.recheck(triaged, embed, "all-MiniLM-L6-v2").verdict
