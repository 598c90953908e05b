"""Checking the earlier turns of a conversation before they are used to understand a follow-up.

Why its own step: a follow-up ("How is it treated?") takes its meaning from earlier turns, so a
malformed or unusable turn must be named to the caller rather than silently dropped; answering
without it could answer a different question than the one asked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from assistant.input import InvalidQuestion, clean_question

Turn = dict[str, str]

HISTORY_SHAPE = "The conversation history must be a list of {\"role\", \"content\"} turns."


def check_history(history: Sequence[Any] | None, max_chars: int, max_turns: int) -> list[Turn]:
    """Validate earlier turns: a list of {role: 'user'|'assistant', content: str} (objects with those attributes too).

    Only the last `max_turns` are kept; turns are numbered as the caller counts them in messages.
    """
    if history is None:
        return []
    if isinstance(history, (str, bytes)) or not isinstance(history, Sequence):
        raise InvalidQuestion(HISTORY_SHAPE)
    turns: list[Turn] = []
    kept = list(history)[-max_turns:]
    first = len(history) - len(kept) + 1  # number turns as the caller counts them, not within the kept tail
    for number, turn in enumerate(kept, start=first):
        role, content = _role_and_content(turn)
        if role not in ("user", "assistant") or not isinstance(content, str):
            raise InvalidQuestion(
                f"Conversation turn {number} is malformed: each turn needs a role ('user' or 'assistant') and text content."
            )
        if role == "user":
            if not content.strip():
                continue
            content = _clean_earlier_question(content, number, max_chars)
        turns.append({"role": role, "content": content})
    return turns


def _role_and_content(turn: Any) -> tuple[Any, Any]:
    if not isinstance(turn, Mapping):
        return getattr(turn, "role", None), getattr(turn, "content", None)
    return turn.get("role"), turn.get("content")


def _clean_earlier_question(content: str, number: int, max_chars: int) -> str:
    """An earlier user turn checked like a question; a bad one is named by its number, never blamed on the new question.

    The chat UI only sends turns it accepted, so this reaches API callers, who can fix or drop the turn.
    """
    try:
        return clean_question(content, max_chars)
    except InvalidQuestion as exc:
        reason = str(exc)
        if reason.startswith("The question "):
            reason = "it " + reason[len("The question "):]
        raise InvalidQuestion(f"Conversation turn {number} (an earlier question) cannot be used: {reason}") from exc
