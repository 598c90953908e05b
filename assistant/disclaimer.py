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


def clean_body(text: str) -> str:
    """An answer body as it may be stored: no copy of the disclaimer (a question or a model may echo it).

    Applied once, where an Answer is made, so the body and the disclaimer stay separate fields and the
    rendered text can never carry the disclaimer twice or anywhere but last.
    """
    body = text.replace(DISCLAIMER, "").rstrip()
    while body.endswith("---"):
        body = body[:-3].rstrip()
    return body


def with_disclaimer(body: str, disclaimer: str = DISCLAIMER) -> str:
    """The plain-text rendering of an answer: `body`, a separator, the disclaimer, exactly once and always last."""
    body = clean_body(body)
    return f"{body}{SEPARATOR}{disclaimer}" if body else disclaimer


def has_disclaimer(text: str) -> bool:
    """True when `text` ends with the verbatim disclaimer."""
    return text.rstrip().endswith(DISCLAIMER)
