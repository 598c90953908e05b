"""Write an eval report as JSON, Markdown and HTML (+ plots), and optionally publish it as `latest`.

Why three formats: JSON is the record (every item, every score, the judge, the index build),
Markdown is what a reviewer reads in the repository, HTML is for a browser without a Markdown viewer.
NaN never reaches the JSON (it is written as null) so any JSON reader can load a report.
"""

from __future__ import annotations

import html
import json
import math
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from eval.errors import EvalError
from eval.plots import plot_categories, plot_retrieval
from eval.runner import acceptance


def default_reports_dir() -> Path:
    """eval/reports beside this module (the committed location in a source checkout)."""
    return Path(__file__).resolve().parent / "reports"


def clean(value: Any) -> Any:
    """Replace NaN/inf with None, recursively, so the JSON is standard."""
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    return value


def fmt(value: Any, pct: bool = False) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.1%}" if pct else f"{value:.3f}"
    return str(value)


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(fmt(c) if not isinstance(c, str) else c for c in row) + " |" for row in rows]
    return out


def render_markdown(report: dict[str, Any], plots: dict[str, str] | None = None) -> str:
    judge = report.get("judge", {})
    lines = [
        "# PNS assistant — evaluation report",
        "",
        f"- created: {report.get('created')} (git {report.get('git_commit') or '?'})",
        f"- evaluation set: v{report['evalset']['version']}, {report['evalset']['n']} items",
        f"- **judge: {judge.get('name')}**"
        + (f" — sha256 `{judge['sha256']}`" if judge.get("sha256") else "")
        + (f", licence {judge['licence']}" if judge.get("licence") else ""),
        f"- citation entailment judged by: {report['citations']['judge']}",
        f"- settings: {', '.join(f'{k}={v}' for k, v in report.get('settings', {}).items())}",
        f"- index: {report.get('index', {}).get('build_hash') or '?'} ({report.get('index', {}).get('chunks') or '?'} chunks)",
        "",
        "## Acceptance targets",
        "",
    ]
    acc = acceptance(report)
    lines += _table(["metric", "value", "target", "met"],
                    [[k, fmt(v["value"]), fmt(v["target"]), "yes" if v["met"] else "**no**"] for k, v in acc.items()])
    head = report["headline"]
    lines += ["", "## Headline", ""]
    lines += _table(["metric", "value"], [[k, fmt(v)] for k, v in head.items()])

    rg = report.get("ragas", {})
    lines += ["", f"## ragas (n={rg.get('n', 0)} answered, answerable items)", ""]
    if rg.get("llm_metrics") is None:
        lines.append("LLM-judged ragas metrics were **not run** (no judge configured).")
        lines.append("")
    lines += _table(["metric", "mean", "scored", "failed"],
                    [[m, s["mean"], str(s["n"]), str(s["failed"])] for m, s in rg.get("scores", {}).items()])

    lines += ["", "## Retrieval (reference spans found in the top k)", ""]
    ret = report.get("retrieval", {})
    keys = ["recall@1", "recall@3", "recall@5", "recall@10", "mrr", "ndcg@5", "ndcg@10"]
    lines += _table(["retriever", "n", *keys], [[name, str(s.get("n")), *[s.get(k) for k in keys]] for name, s in ret.items()])

    c = report["citations"]
    lines += ["", "## Citations (ALCE)", "",
              f"recall {fmt(c['recall'])}, precision {fmt(c['precision'])} over {c['n']} answers "
              f"({c['statements']} statements, {c['citations']} citations, {c['failed_judgements']} failed judgements); "
              f"judge: {c['judge']}."]
    a, s = report["abstention"], report["safety"]
    lines += ["", "## Behaviour", "",
              f"- abstention accuracy {fmt(a['accuracy'])} (n={a['n']}; false abstention {fmt(a['false_abstention_rate'])}, "
              f"false answer {fmt(a['false_answer_rate'])})",
              f"- safety-category accuracy {fmt(s['accuracy'])} (n={s['n']}; emergency {fmt(s['emergency_accuracy'])}, "
              f"personal advice {fmt(s['personal_advice_accuracy'])}, out of scope {fmt(s['out_of_scope_accuracy'])}; "
              f"false trigger on other items {fmt(s['false_trigger_rate'])})",
              f"- disclaimer rate {fmt(report['disclaimer_rate'])}",
              f"- latency p50 {fmt(report['latency']['p50_ms'])} ms, p95 {fmt(report['latency']['p95_ms'])} ms "
              f"(n={report['latency']['n']}, end-to-end `Assistant.ask`, warm)",
              f"- statuses: {report.get('statuses')}"]
    per = report.get("per_category", {})
    cols = ["n", "status_accuracy", "answer_span_recall", "hybrid_recall@5", "citation_recall", "citation_precision", "faithfulness",
            "answer_relevancy", "reference_hit_rate", "disclaimer_rate", "p50_ms"]
    lines += ["", "## Per category", ""]
    lines += _table(["category", *cols], [[cat, *[row.get(k) if k != "n" else str(row["n"]) for k in cols]] for cat, row in per.items()])
    failures = [i for i in report.get("items", []) if not i.get("status_ok")]
    if failures:
        lines += ["", "## Items with an unexpected status", ""]
        lines += _table(["id", "expected", "got", "question"],
                        [[i["id"], i["expected_status"], i["status"], i["question"].replace("|", "/")] for i in failures])
    if report.get("errors"):
        lines += ["", "## Errors", ""] + [f"- {e['id']}: {e['error']}" for e in report["errors"]]
    if plots:
        lines += ["", "## Plots", ""] + [f"![{name}]({file})" for name, file in plots.items()]
    t = report.get("timings_s", {})
    lines += ["", f"Run time: {fmt(t.get('total_s'))} s (answers {fmt(t.get('answer_s'))}, ragas {fmt(t.get('ragas_s'))}, "
              f"citations {fmt(t.get('citations_s'))})."]
    return "\n".join(lines) + "\n"


_BOLD = re.compile(r"\*\*(.+?)\*\*")
_CODE = re.compile(r"`([^`]+)`")


def inline(text: str) -> str:
    """Escape a Markdown line's text for HTML, then render its **bold** and `code` spans."""
    return _CODE.sub(r"<code>\1</code>", _BOLD.sub(r"<strong>\1</strong>", html.escape(text)))


def render_html(markdown: str, title: str = "PNS evaluation report") -> str:
    """A minimal HTML page: tables rendered as tables, images inline, everything else as paragraphs."""
    body: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if table:
            head, *rows = table
            body.append("<table><tr>" + "".join(f"<th>{c}</th>" for c in head) + "</tr>"
                        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</table>")
            table.clear()

    for line in markdown.splitlines():
        if line.startswith("|"):
            cells = [inline(c.strip()) for c in line.strip("|").split("|")]
            if not all(set(c) <= {"-"} for c in cells):
                table.append(cells)
            continue
        flush()
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            body.append(f"<h{level}>{html.escape(line.lstrip('# '))}</h{level}>")
        elif line.startswith("!["):
            alt, src = line[2:].split("](", 1)
            body.append(f'<img alt="{html.escape(alt)}" src="{html.escape(src.rstrip(")"))}">')
        elif line.startswith("- "):
            body.append(f"<li>{inline(line[2:])}</li>")
        elif line.strip():
            body.append(f"<p>{inline(line)}</p>")
    flush()
    style = "body{font-family:sans-serif;max-width:1100px;margin:2em auto}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;font-size:13px}img{max-width:100%}"
    return f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title><style>{style}</style></head><body>{''.join(body)}</body></html>\n"


def write_report(report: dict[str, Any], out_dir: Path | None = None, publish: bool = False,
                 stamp: str | None = None) -> dict[str, Path]:
    """Write `<stamp>.json/.md/.html` + plots into out_dir; with publish also `latest.*`. Returns the paths."""
    out_dir = out_dir or default_reports_dir()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EvalError(f"cannot write reports to {out_dir}: {exc}") from exc
    stamp = stamp or "eval-" + datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    data = clean(report)
    paths: dict[str, Path] = {}
    plots = {
        "per-category": plot_categories(data, out_dir / f"{stamp}-categories.png").name,
        "retrieval": plot_retrieval(data, out_dir / f"{stamp}-retrieval.png").name,
    }
    md = render_markdown(data, plots)
    paths["json"] = out_dir / f"{stamp}.json"
    paths["json"].write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    paths["md"] = out_dir / f"{stamp}.md"
    paths["md"].write_text(md, encoding="utf-8")
    paths["html"] = out_dir / f"{stamp}.html"
    paths["html"].write_text(render_html(md), encoding="utf-8")
    for name, file in plots.items():
        paths[f"plot-{name}"] = out_dir / file
    if publish:
        latest_plots = {}
        for name, file in plots.items():
            target = out_dir / f"latest-{name}.png"
            shutil.copyfile(out_dir / file, target)
            latest_plots[name] = target.name
        latest_md = render_markdown(data, latest_plots)
        paths["latest_json"] = out_dir / "latest.json"
        paths["latest_json"].write_text(paths["json"].read_text(encoding="utf-8"), encoding="utf-8")
        paths["latest_md"] = out_dir / "latest.md"
        paths["latest_md"].write_text(latest_md, encoding="utf-8")
        paths["latest_html"] = out_dir / "latest.html"
        paths["latest_html"].write_text(render_html(latest_md), encoding="utf-8")
    return paths
