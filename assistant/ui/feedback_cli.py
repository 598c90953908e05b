"""`pns feedback ...`: the web app's thumbs-up/down, exported for evaluators and summarised."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from foundation.cli import PlainFlagsGroup, echo_json, handles_errors, render_table, settings_from, write_or_echo

app = typer.Typer(help="Feedback from the web app: export it (CSV / JSON Lines) or summarise the helpful rate.",
                  no_args_is_help=True, cls=PlainFlagsGroup)


def _store_path(ctx: typer.Context, db: Optional[Path]) -> Path:
    from assistant.ui.feedback import feedback_path

    return db or feedback_path(settings_from(ctx))


@app.command("export")
@handles_errors
def export_cmd(
    ctx: typer.Context,
    fmt: str = typer.Option("csv", "--format", "-f", help="csv or jsonl."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write to FILE instead of stdout."),
    rating: Optional[str] = typer.Option(None, "--rating", help="Only 'up' or only 'down' rows (e.g. down: candidates for evaluation items)."),
    db: Optional[Path] = typer.Option(None, "--db", help="The feedback database (default: HOME/feedback.sqlite3)."),
) -> None:
    """Every feedback row (id, time, rating, status, category, question, answer, comment), oldest first."""
    from assistant.ui.feedback_report import export_feedback, read_feedback

    rows = read_feedback(_store_path(ctx, db), rating)
    write_or_echo(export_feedback(rows, fmt.strip().lower()), out, f"wrote {len(rows)} feedback rows")


@app.command("summary")
@handles_errors
def summary_cmd(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    db: Optional[Path] = typer.Option(None, "--db", help="The feedback database (default: HOME/feedback.sqlite3)."),
) -> None:
    """Helpful rate (thumbs-up share) overall, by answer status and by question category."""
    from assistant.ui.feedback_report import read_feedback, summarize

    summary = summarize(read_feedback(_store_path(ctx, db)))
    if as_json:
        echo_json(summary)
        return
    overall = summary["overall"]
    assert isinstance(overall, dict)
    typer.echo(f"{overall['rows']} rated answers ({summary['first']} to {summary['last']}): "
               f"{overall['up']} helpful, {overall['down']} not helpful, helpful rate {overall['helpful_rate']:.0%}")
    for key, title in (("by_status", "status"), ("by_category", "category")):
        groups = summary[key]
        assert isinstance(groups, list)
        rows = [[g["group"], g["rows"], g["up"], g["down"], f"{g['helpful_rate']:.0%}"] for g in groups]
        typer.echo("\n" + render_table([title, "rated", "up", "down", "helpful"], rows))
