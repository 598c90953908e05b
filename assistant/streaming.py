"""Answers delivered progressively, sentence by sentence, for edges that show text as it grows.

Why after the fact: the whole answer is computed, safety-checked, cited and validated before the
first text is shown, so streaming never displays a sentence that a later check could withdraw.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from assistant.disclaimer import with_disclaimer
from assistant.models import Answer

# sentence ends, marker ends before a capital, and line breaks: where a growing answer may pause
_PIECE = re.compile(r"(?<=[.!?:]) (?=[^\[\s])|(?<=\]) (?=[A-Z(])|\n+")


class AnswerStream:
    """An answer delivered progressively: iterate for texts, read `.answer` for the final Answer.

    Each yielded string is a complete, displayable text ending with the disclaimer: first the first
    sentence, then the first two, ..., and finally exactly `answer.answer`.
    """

    def __init__(self, ask: Callable[[str, Sequence[Any] | None], Answer], question: str,
                 history: Sequence[Any] | None) -> None:
        self._ask = ask
        self._question = question
        self._history = history
        self.answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        yield from progressive_texts(self._answer())

    def bodies(self) -> Iterator[str]:
        """The same steps as bodies only, for an edge that renders the disclaimer itself (the web UI)."""
        yield from progressive_bodies(self._answer())

    def _answer(self) -> Answer:
        if self.answer is None:
            self.answer = self._ask(self._question, self._history)
        return self.answer


def progressive_bodies(answer: Answer) -> Iterator[str]:
    """Growing prefixes of the answer body (sentence by sentence, markers kept); the last is the whole body."""
    body = answer.body
    pieces = [p for p in _PIECE.split(body) if p.strip()] if body else []
    shown = ""
    for piece in pieces[:-1]:
        shown = body[: body.index(piece, len(shown)) + len(piece)]
        yield shown
    yield body


def progressive_texts(answer: Answer) -> Iterator[str]:
    """Growing prefixes of the answer as displayable plain text, each one ending with the disclaimer."""
    for body in progressive_bodies(answer):
        yield with_disclaimer(body, answer.disclaimer)
