"""Check a question before anything else looks at it: empty, too long, binary or control characters.

Why a separate gate: every later step (safety rules, retrieval, the embedding model) assumes
printable text of a bounded size. Rejecting bad input here, with a message that says exactly
what was wrong and what the limit is, is cheaper and clearer than a failure deep inside a model.
The text of a question is only ever treated as data: nothing in it is interpreted as an instruction.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.errors import AssistantError

# Whitespace controls that are harmless in typed or pasted text: folded to a plain space.
HARMLESS_CONTROLS = frozenset("\t\n\r\v\f")
# Invisible formatting characters (zero-width space/joiners, BOM, bidi marks) that paste in from web
# pages and PDFs: removed, because they carry no meaning and would confuse matching.
INVISIBLE_FORMAT = frozenset("\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u00ad")
# Unicode categories that never belong in a question: controls, unassigned, private use, surrogates.
REJECTED_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs"})
# More than this share of replacement/odd characters looks like binary data decoded as text.
MAX_REPLACEMENT_SHARE = 0.1


class InvalidQuestion(AssistantError):
    """The question cannot be answered as given; the message says why and how to fix it."""


def clean_question(text: object, max_chars: int) -> str:
    """Return the question with whitespace normalised, or raise InvalidQuestion naming the problem.

    Harmless whitespace controls (tab, newline, CR) become spaces and invisible formatting
    characters are dropped; NUL bytes, other control characters and binary data are rejected
    rather than silently stripped, because they mean the input is not a typed question.
    """
    if text is None:
        raise InvalidQuestion("Please type a question: the question was empty.")
    if isinstance(text, (bytes, bytearray)):
        raise InvalidQuestion("The question must be text, not binary data.")
    if not isinstance(text, str):
        raise InvalidQuestion(f"The question must be text, not {type(text).__name__}.")
    if "\x00" in text:
        raise InvalidQuestion("The question contains binary data (a NUL byte); please type it as plain text.")
    if text and text.count("\ufffd") / len(text) > MAX_REPLACEMENT_SHARE:
        raise InvalidQuestion("The question looks like binary data, not text; please type it as plain text.")

    kept: list[str] = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in HARMLESS_CONTROLS:
            kept.append(" ")
        elif ch in INVISIBLE_FORMAT:
            continue
        elif unicodedata.category(ch) in REJECTED_CATEGORIES:
            raise InvalidQuestion(
                f"The question contains a control or non-printable character (U+{ord(ch):04X}); "
                "please remove it and type the question as plain text."
            )
        else:
            kept.append(ch)
    question = re.sub(r"\s+", " ", "".join(kept)).strip()

    if not question:
        raise InvalidQuestion("Please type a question: the question was empty or only whitespace.")
    if len(question) > max_chars:
        raise InvalidQuestion(
            f"The question is too long ({len(question)} characters); the limit is {max_chars} characters. "
            "Please shorten it to the part you want answered."
        )
    if not any(ch.isalnum() for ch in question):
        raise InvalidQuestion("The question has no letters or digits; please type a question in words.")
    return question
