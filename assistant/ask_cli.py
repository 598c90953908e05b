"""`pns ask QUESTION [--history FILE.json] [--json]`: one cited answer on the command line.

Module-level imports stay light (typer, json, pathlib): the index, Chroma and the embedding model
load inside the command, so `pns --help` is instant and a cold `pns ask` only pays for what it uses.
Exit codes: 0 for any answer the assistant gave (answered, not_found, out_of_scope, emergency,
personal_advice), 2 for invalid input (question or history file), 1 for errors (e.g. no index:
the message says to run `pns index build`).
"""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer

from foundation.cli import echo_json, fail, handles_errors, settings_from

if TYPE_CHECKING:
    from assistant.models import Answer

EXIT_INVALID = 2
EXCERPT_CHARS = 240


def read_history(path: Path) -> list[dict[str, str]]:
    """A history file: a JSON list of {"role": "user"|"assistant", "content": "..."} (or {"history": [...]})."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(f"history file not found: {path}", EXIT_INVALID)
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"cannot read history file {path}: {exc}", EXIT_INVALID)
    try:
        data: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        fail(f"history file {path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})", EXIT_INVALID)
    if isinstance(data, dict):
        data = data.get("history", data.get("messages"))
    if not isinstance(data, list):
        fail(f'history file {path} must hold a JSON list of {{"role": "user"|"assistant", "content": "..."}} turns',
             EXIT_INVALID)
    turns: list[dict[str, str]] = []
    for i, turn in enumerate(data, start=1):
        if (not isinstance(turn, dict) or turn.get("role") not in ("user", "assistant")
                or not isinstance(turn.get("content"), str)):
            fail(f'history file {path}: turn {i} must be {{"role": "user"|"assistant", "content": "..."}}', EXIT_INVALID)
        turns.append({"role": turn["role"], "content": turn["content"]})
    return turns


def render_text(answer: "Answer") -> str:
    """The answer for a terminal: body, numbered sources (section, quote, related references), disclaimer last."""
    from assistant.citations import reference_label

    lines: list[str] = [answer.body]
    if answer.citations:
        lines += ["", "Sources:"]
        for c in answer.citations:
            quote = " ".join(c.quote.split())
            excerpt = quote if len(quote) <= EXCERPT_CHARS else quote[: EXCERPT_CHARS - 1].rstrip() + "…"
            lines.append(f"[{c.marker}] {c.section} — {c.article_title}")
            lines.append(textwrap.fill(f'"{excerpt}"', width=100, initial_indent="    ", subsequent_indent="     "))
            lines.append(f"    {c.article_url} (characters {c.start}-{c.end})")
            for ref in c.references:
                lines.append(textwrap.fill(f"{ref.relation}: {reference_label(ref)}", width=100,
                                           initial_indent="    - ", subsequent_indent="      "))
    lines += ["", "---", answer.disclaimer]
    return "\n".join(lines)


@handles_errors
def ask(
    ctx: typer.Context,
    question: str = typer.Argument(..., help="Your question, in quotes."),
    history: Optional[Path] = typer.Option(
        None, "--history", help='JSON file with earlier turns: [{"role": "user", "content": "..."}, ...].',
        dir_okay=False,
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the full result (answer, citations, contexts) as JSON."),
) -> None:
    """Ask one question; prints a cited answer that ends with the safety disclaimer."""
    settings = settings_from(ctx)
    turns = read_history(history) if history is not None else None
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no "Loading weights" bar between question and answer
    from assistant.api import Assistant

    answer = Assistant(settings).ask(question, turns)
    if as_json:
        echo_json(answer.model_dump(mode="json"))
    else:
        if answer.standalone_question and answer.standalone_question != " ".join(question.split()):
            typer.echo(f"(Understood as: {answer.standalone_question})\n")
        typer.echo(render_text(answer))
    if answer.status == "invalid_input":
        raise typer.Exit(EXIT_INVALID)
    if answer.status == "error":
        raise typer.Exit(1)
