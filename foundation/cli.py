"""What every `pns` command group shares: settings from the context and errors turned into messages.

Library code raises PNSError subclasses; this is the one edge where they become a short message
on stderr and an exit code, so no user sees a stack trace (set PNS_DEBUG=1 to see one).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import typer
from typer.core import TyperGroup

from foundation.errors import PNSError
from foundation.settings import Settings, disable_telemetry

F = TypeVar("F", bound=Callable[..., Any])

EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


def _plain_flags(command: Any, ctx: Any) -> None:
    """Give every boolean flag of `command` (its --help included) an empty metavar, so help shows no value type."""
    for param in [*command.params, command.get_help_option(ctx)]:
        if param is not None and getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""


class PlainFlagsGroup(TyperGroup):
    """A command group whose help shows flags as flags: `--json`, not `--json <bool>`.

    typer 0.29 prints a value type after every option, flags included, which reads as if `--json` took a
    value. Flags take none, so each flag of the group's commands (and --help) gets an empty metavar as the
    command is looked up. Use it as `typer.Typer(cls=PlainFlagsGroup)` for every `pns` command group.
    """

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            _plain_flags(command, ctx)
        return command

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None and option.metavar is None:
            option.metavar = ""
        return option


def settings_from(ctx: typer.Context) -> Settings:
    """The Settings built by the root callback (env vars overridden by global flags)."""
    root = ctx.find_root()
    if isinstance(root.obj, Settings):
        return root.obj
    disable_telemetry()
    root.obj = Settings()
    return root.obj


def fail(message: str, code: int = EXIT_ERROR) -> None:
    """Print `error: message` to stderr and exit with `code`."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def handles_errors(func: F) -> F:
    """Decorate a command so project errors, Ctrl-C and surprises become one-line messages."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except PNSError as exc:
            fail(str(exc))
        except KeyboardInterrupt:
            fail("interrupted", EXIT_INTERRUPTED)
        except BrokenPipeError:
            # output piped into `head` and the like: the reader left, which is not an error
            _silence_stdout()
            raise typer.Exit(0) from None
        except Exception as exc:  # the edge: anything unexpected still becomes a message
            if os.environ.get("PNS_DEBUG"):
                raise
            fail(f"unexpected {type(exc).__name__}: {exc} (set PNS_DEBUG=1 for details)")
        return None

    return wrapper  # type: ignore[return-value]


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot raise again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def write_or_echo(text: str, out: Path | None, wrote: str) -> None:
    """`text` to the file `out` (its folder made), saying `wrote ... to out` on stderr; to stdout without `out`.

    Why one helper: every export command (`pns corpus refs -o`, `pns feedback export -o`) offers a file or
    stdout; writing here keeps a pipe clean of the note, and a file that cannot be written is a message.
    """
    if out is None:
        typer.echo(text, nl=False)
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise PNSError(f"cannot write {out}: {exc.strerror or exc}") from None
    typer.echo(f"{wrote} to {out}", err=True)


def echo_json(data: Any) -> None:
    """Print JSON to stdout (UTF-8, stable key order) for scripts."""
    import json

    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def render_table(headers: list[str], rows: list[list[object]], max_width: int = 60) -> str:
    """A plain fixed-width table (no colour, no box drawing): readable in any terminal and in logs.

    On the ground floor because every stage's commands print tables (corpus links, feedback summaries).
    """
    cells = [[("" if c is None else str(c)) for c in row] for row in rows]
    cells = [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in row] for row in cells]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
    return "\n".join(lines)
