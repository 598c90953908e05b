"""The one fixed safety disclaimer. Every path that shows text to a user ends with it.

It lives in exactly one place so no path can drift; `with_disclaimer` is idempotent and strips any
look-alike text a question or a model might have produced, so the ending is always verbatim.
"""

from __future__ import annotations

DISCLAIMER = (
    "This assistant gives general educational information from one article on paraneoplastic "
    "syndromes and its cited sources. It is not medical advice, a diagnosis or a treatment plan. "
    "Always consult a qualified healthcare professional about your situation; in an emergency, "
    "call your local emergency number."
)

SEPARATOR = "\n\n---\n"


def with_disclaimer(text: str) -> str:
    """Return `text` followed by the fixed disclaimer, exactly once and always last."""
    body = text.replace(DISCLAIMER, "").rstrip()
    while body.endswith("---"):
        body = body[:-3].rstrip()
    return f"{body}{SEPARATOR}{DISCLAIMER}" if body else DISCLAIMER


def has_disclaimer(text: str) -> bool:
    """True when `text` ends with the verbatim disclaimer."""
    return text.rstrip().endswith(DISCLAIMER)
