"""`pns index build` and `pns index status`.

Heavy modules (torch, chromadb, llama-index) are imported inside the commands so `pns --help`
stays fast; errors arrive as IndexStoreError and leave as one line via corpus.cli_support.
"""

from __future__ import annotations

import typer

from foundation.cli import PlainFlagsGroup, echo_json, handles_errors, settings_from

app = typer.Typer(help="Build and inspect the search index (Chroma vectors + BM25).", no_args_is_help=True, cls=PlainFlagsGroup)


@app.command()
@handles_errors
def build(
    ctx: typer.Context,
    force: bool = typer.Option(False, "--force", help="Rebuild into a new collection even if nothing changed."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bars on stderr."),
    as_json: bool = typer.Option(False, "--json", help="Print the build report as JSON."),
) -> None:
    """Chunk the article and sources, embed new chunks, and switch to the new index atomically."""
    from index.build import build_index

    report = build_index(settings_from(ctx), progress=progress, force=force)
    for problem in report.get("skipped_sources", []):  # on stderr, so --json output stays parseable
        typer.echo(f"warning: skipped a source: {problem}", err=True)
    if as_json:
        echo_json(report)
        return
    state = "up to date" if report["up_to_date"] else "built"
    sources = ", ".join(f"{k}: {v}" for k, v in report["sources"].items())
    typer.echo(
        f"index {state}: {report['chunks']} chunks ({sources}), {report['embedded']} embedded, "
        f"{report['reused']} reused, {report['seconds']:.1f} s\n"
        f"collection {report['collection']} at {report['location']} "
        f"[{report['embedding_model']}, {report['dimension']}-d, chunk size {report['chunk_size']}]"
    )


@app.command()
@handles_errors
def status(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the status as JSON."),
) -> None:
    """Show what the live index holds and what built it (fails with a hint when there is none)."""
    from index.store import index_status

    info = index_status(settings_from(ctx))
    if as_json:
        echo_json(info)
        return
    for key, value in info.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k}: {v}" for k, v in value.items())
        typer.echo(f"{key:>16}: {value}")
