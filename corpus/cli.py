"""`pns corpus ...`: inspect the cleaned article, its references and inferred links; manage cited source texts.

Every command reads Settings from the root callback and prints a plain table for people or
`--json` for scripts. Library errors become one-line messages via `handles_errors`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from foundation.cli import PlainFlagsGroup, echo_json, handles_errors, render_table, settings_from, write_or_echo
from corpus.paths import article_path

app = typer.Typer(
    help="The article, its bibliography, inferred section->reference links and cited source texts.",
    no_args_is_help=True,
    cls=PlainFlagsGroup,
)


@app.command("refs")
@handles_errors
def refs_cmd(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the parsed references as JSON."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="Export: bibtex, ris or csl-json (or a --style name)."),
    style: Optional[str] = typer.Option(None, "--style", "-s", help="Print the list in a citation style: vancouver (NLM), ama or apa."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the export to FILE instead of stdout."),
) -> None:
    """List the article's references, export them for a reference manager, or print them in a citation style."""
    from corpus.bibliography import load_references
    from corpus.errors import CorpusError

    settings = settings_from(ctx)
    refs = load_references(settings)
    if fmt and style:
        raise CorpusError("give either --format or --style, not both")
    if style:
        from corpus.citation_styles import citation_style

        style = citation_style(style).name  # an unknown style is named as a style, with the choices
    if fmt or style or output:
        from corpus.export import export_references

        write_or_echo(export_references(refs, fmt or style or "bibtex"), output, f"wrote {len(refs)} references")
        return
    if as_json:
        echo_json([r.model_dump() for r in refs])
        return
    rows = [[r.id, r.short, r.type, r.container or r.publisher or "", r.doi or r.url or ""] for r in refs]
    typer.echo(render_table(["id", "reference", "type", "in", "doi / url"], rows))
    typer.echo(f"\n{len(refs)} references")


@app.command("links")
@handles_errors
def links_cmd(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the links as JSON."),
    recompute: bool = typer.Option(False, "--recompute", help="Recompute with the embedding model (seconds)."),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Where --recompute writes (default: HOME/links.json, which then takes precedence)."
    ),
) -> None:
    """Show which references each section draws on (inferred: the article has no inline citations)."""
    from corpus.bibliography import load_references
    from corpus.links import compute_links, load_links, write_links

    settings = settings_from(ctx)
    if recompute:
        target = output or (settings.ensure_home() / "links.json")
        doc = compute_links(settings)
        write_links(doc, target)
        typer.echo(f"wrote {len(doc['links'])} inferred links to {target}", err=True)
        if output:  # an explicit file (e.g. the packaged corpus/data/links.json) is not what load_links reads
            return
    links = load_links(settings)
    if as_json:
        echo_json([link.model_dump() for link in links])
        return
    short = {r.id: r.short for r in load_references(settings)}
    rows = [
        [l.section_id, short.get(l.reference_id, l.reference_id), f"{l.score:.3f}", l.method,
         ", ".join(l.terms), "inferred" if l.inferred else "printed"]
        for l in links
    ]
    typer.echo(render_table(["section", "reference", "score", "method", "terms", "kind"], rows, max_width=70))
    typer.echo(f"\n{len(links)} inferred links across {len({l.section_id for l in links})} sections")


@app.command("sections")
@handles_errors
def sections_cmd(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print sections as JSON.")) -> None:
    """List the cleaned article's sections with their stable ids."""
    from corpus.article import load_article

    article = load_article(article_path(settings_from(ctx)))
    if as_json:
        echo_json([s.model_dump() for s in article.sections])
        return
    rows = [[s.id, s.level, len(s.text), " > ".join(s.path)] for s in article.sections]
    typer.echo(render_table(["id", "level", "chars", "path"], rows, max_width=80))


@app.command("show")
@handles_errors
def show_cmd(
    ctx: typer.Context,
    section_id: Optional[str] = typer.Argument(None, help="Show only this section (see `pns corpus sections`)."),
    as_json: bool = typer.Option(False, "--json", help="Print the article (metadata, text, sections) as JSON."),
) -> None:
    """Print the cleaned article text (or one section)."""
    from corpus.article import load_article
    from foundation.cli import fail

    article = load_article(article_path(settings_from(ctx)))
    if section_id:
        try:
            section = article.section(section_id)
        except KeyError:
            fail(f"no section {section_id!r}; see `pns corpus sections`")
            return
        if as_json:
            echo_json(section.model_dump())
        else:
            typer.echo(f"{' > '.join(section.path)}\n\n{section.text}")
        return
    if as_json:
        echo_json(article.model_dump())
        return
    m = article.metadata
    typer.echo(f"{m.title}\n{m.publisher} · published {m.published} · updated {m.updated}\n{m.url}\n")
    typer.echo(article.text.rstrip())


from corpus import sources_cli  # noqa: E402 (the cited-sources commands: add, remove, status, fetch)

app.command("add")(sources_cli.add_cmd)
app.command("remove")(sources_cli.remove_cmd)
app.command("status")(sources_cli.status_cmd)
app.command("fetch")(sources_cli.fetch_cmd)


@app.command("enrich")
@handles_errors
def enrich_cmd(
    ctx: typer.Context,
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the records here (default: HOME/enrichment.jsonl)."),
    limit: Optional[int] = typer.Option(None, "--limit", help="Only the first N units (a quick look)."),
    no_progress: bool = typer.Option(False, "--no-progress", help="No progress bars."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Have the local LLM write questions, standalone readings and sentence-level references for every unit.

    Resumable: answers are cached under HOME/enrich, so an interrupted run continues where it stopped.
    Needs the optional model (see `make run-quality`); answering reads the result without any model.
    """
    from corpus.corpus import Corpus
    from corpus.enrich import enrich_corpus

    settings = settings_from(ctx)
    summary = enrich_corpus(settings, Corpus.load(settings), out=out, limit=limit, progress=not no_progress)
    if as_json:
        echo_json(summary)
        return
    typer.echo(render_table(["field", "value"], [[k, v] for k, v in summary.items()], max_width=90))
