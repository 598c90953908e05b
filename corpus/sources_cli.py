"""`pns corpus add | remove | status | fetch`: the cited sources' texts, added by hand or fetched, reported honestly.

Registered on the `pns corpus` group by corpus/cli.py. Library
errors become one-line messages via `handles_errors`; `--json` prints a stable shape for scripts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from foundation.cli import echo_json, handles_errors, settings_from


def _table(headers: list[str], rows: list[list[object]], max_width: int = 60) -> str:
    from foundation.cli import render_table

    return render_table(headers, rows, max_width)


@handles_errors
def add_cmd(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="PDF, HTML, JATS XML (.xml/.nxml), .txt or .md files you hold."),
    ref: Optional[str] = typer.Option(None, "--ref", help="The reference id the file is (skips matching; one file)."),
    as_json: bool = typer.Option(False, "--json", help="Print what was added as JSON."),
) -> None:
    """Add source files you hold, matched to bibliography entries by DOI or title (or --ref ID)."""
    from corpus.importing import add_files

    results = add_files(settings_from(ctx), paths, ref)
    if as_json:
        echo_json({"results": [r.to_dict() for r in results]})
        return
    rows = [[r.path, r.reference_id, r.outcome, r.pages or "", r.characters, r.detail] for r in results]
    typer.echo(_table(["file", "reference", "outcome", "pages", "chars", "why"], rows, max_width=70))
    if any(r.outcome != "unchanged" for r in results):
        typer.echo("\nrun `pns index build` to index the new text (only its passages are embedded)")


@handles_errors
def remove_cmd(
    ctx: typer.Context,
    reference_id: str = typer.Argument(..., help="The reference whose source file to remove (see `pns corpus status`)."),
) -> None:
    """Remove a reference's source file; it becomes metadata-only again."""
    from corpus.sources import remove_source

    entry = remove_source(settings_from(ctx), reference_id)
    typer.echo(f"removed {entry.original_name or entry.path} from {reference_id}; run `pns index build` to update the index")


@handles_errors
def status_cmd(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print coverage as JSON.")) -> None:
    """Coverage: which references have full text, an abstract or only metadata, from where, and why not more."""
    from corpus.coverage import coverage_counts, coverage_records

    settings = settings_from(ctx)
    records = coverage_records(settings)
    counts = coverage_counts(records)
    if as_json:
        echo_json({"sources_dir": str(settings.resolved_sources_dir), **counts,
                   "coverage": [r.model_dump(mode="json") for r in records]})
        return
    rows = []
    for r in records:
        held = f"{r.origin} {r.media_type or ''}".strip() if r.origin else ""
        size = f"{r.pages} p., {r.characters} ch." if r.pages else (f"{r.characters} ch." if r.characters else "")
        fetch = f"{r.last_fetch.outcome}: {r.last_fetch.detail}" if r.last_fetch else ""
        rows.append([r.reference_id, r.coverage, held, size, (r.when or "")[:10], r.problem or fetch])
    typer.echo(_table(["id", "coverage", "held", "size", "when", "problem / last fetch"], rows, max_width=70))
    typer.echo(f"\n{counts['full_text']} of {counts['references']} references have full text, {counts['abstract']} an "
               f"abstract only, {counts['metadata_only']} are metadata-only (sources folder: {settings.resolved_sources_dir})")


@handles_errors
def fetch_cmd(
    ctx: typer.Context,
    only: Optional[list[str]] = typer.Option(None, "--only", help="Fetch only these reference ids (repeatable)."),
    refresh: bool = typer.Option(False, "--refresh", help="Ask again for references whose full text is already held."),
    timeout: Optional[float] = typer.Option(None, "--timeout", help="Seconds per request (default: PNS_FETCH_TIMEOUT_S)."),
    retries: Optional[int] = typer.Option(None, "--retries", help="Retries for timeouts, resets, 429 and 5xx."),
    delay: Optional[float] = typer.Option(None, "--delay", help="Seconds between requests to one host (default: PNS_FETCH_DELAY_S)."),
    as_json: bool = typer.Option(False, "--json", help="Print the per-reference report as JSON."),
) -> None:
    """Find the cited sources' open full text (Europe PMC, Bookshelf, open PDFs, landing pages); resumable."""
    from corpus.bibliography import load_references
    from corpus.classify import OUTCOMES
    from corpus.errors import CorpusError
    from corpus.fetch import FetchResult, fetch_sources
    from corpus.http import PoliteClient

    settings = settings_from(ctx)
    refs = load_references(settings)
    if only:
        unknown = sorted(set(only) - {r.id for r in refs})
        if unknown:
            raise CorpusError(f"unknown reference id(s): {', '.join(unknown)} (see `pns corpus refs`)")
        refs = [r for r in refs if r.id in set(only)]
    if not settings.corpus.contact_email and not as_json:
        typer.echo("note: set PNS_CONTACT_EMAIL so sites can reach whoever runs this fetcher", err=True)

    def progress(result: FetchResult) -> None:
        if not as_json:
            typer.echo(f"{result.reference_id}: {result.outcome} — {result.detail}", err=True)

    client = PoliteClient(settings, timeout=timeout, retries=retries, delay=delay)
    results = fetch_sources(settings, refs, refresh=refresh, client=client, on_result=progress)
    counts = {k: sum(1 for r in results if r.outcome == k) for k in OUTCOMES}
    if as_json:
        echo_json({"results": [r.to_dict() for r in results], "counts": counts})
        return
    rows = [[r.reference_id, r.outcome, r.via or "", r.http_status or "", r.detail] for r in results]
    typer.echo(_table(["id", "outcome", "via", "http", "detail"], rows, max_width=90))
    typer.echo("\n" + ", ".join(f"{v} {k}" for k, v in counts.items()))
