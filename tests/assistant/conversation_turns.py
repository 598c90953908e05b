"""A conversation history of user questions, each answered by a placeholder turn (the rewriter reads only the user's)."""

from __future__ import annotations


def history(*questions: str) -> list[dict[str, str]]:
    turns: list[dict[str, str]] = []
    for q in questions:
        turns += [{"role": "user", "content": q}, {"role": "assistant", "content": "An answer [1]."}]
    return turns
