"""The Markdown report: acceptance, every registered metric with dev and test side by side, then details.

Every table is derived from the report record (whose metric list comes from the registry), so a new
metric appears here without touching this module. A metric without a value reads "not measured" with
its reason — never a dash beside a target marked "no".
"""

from __future__ import annotations

import math
from typing import Any


def fmt(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "n/a"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def measured(cell: dict[str, Any]) -> str:
    """A metric cell: the value with its n (and failures), or 'not measured (why)'."""
    if cell.get("value") is None:
        return f"not measured ({cell.get('reason') or 'no items'})"
    failed = f", {cell['failed']} failed" if cell.get("failed") else ""
    return f"{fmt(cell['value'])} (n={cell['n']}{failed})"


def table(header: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(c if isinstance(c, str) else fmt(c) for c in row) + " |" for row in rows]
    return out


def _header(report: dict[str, Any]) -> list[str]:
    judge, ev = report.get("judge", {}), report["evalset"]
    splits = ", ".join(f"{k} {v}" for k, v in ev.get("splits", {}).items())
    lines = ["# PNS assistant — evaluation report", "",
             f"- created: {report.get('created')} (git {report.get('git_commit') or '?'})",
             f"- evaluation set: {ev.get('name')} (v{ev['version']}), {ev['n']} items; splits: {splits}"
             + (f" (seed {ev['split_seed']}, frozen in `eval/data/splits-v2.json`)" if ev.get("split_seed") is not None else "")]
    if report.get("policy"):
        lines.append(f"- **{report['policy']}**")
    lines += [f"- **judge: {judge.get('name')}**" + (f" — sha256 `{judge['sha256']}`" if judge.get("sha256") else "")
              + (f", licence {judge['licence']}" if judge.get("licence") else ""),
              f"- citation entailment judged by: {report['splits'][report['primary_split']]['citations']['judge']}",
              f"- settings: {', '.join(f'{k}={v}' for k, v in report.get('settings', {}).items())}",
              f"- index: {report.get('index', {}).get('build_hash') or '?'} ({report.get('index', {}).get('chunks') or '?'} chunks)"]
    return lines


def _acceptance(report: dict[str, Any]) -> list[str]:
    names = list(report["metrics"])
    main = report["primary_split"]
    rows = []
    for row in report["acceptance"]:
        cells = [measured(report["metrics"][s][row["metric"]]) for s in names]
        met = "not measured" if row["met"] is None else ("yes" if row["met"] else "**no**")
        rows.append([row["label"], f"{row['direction']} {fmt(row['target'])}", *cells, met])
    return ["", f"## Acceptance targets (checked on {main})", "",
            *table(["metric", "target", *names, f"met ({main})"], rows)]


def _metrics(report: dict[str, Any]) -> list[str]:
    names = list(report["metrics"])
    rows = [[m["label"], *[measured(report["metrics"][s][m["name"]]) for s in names], m["description"]]
            for m in report["metric_info"]]
    return ["", "## All metrics", "", *table(["metric", *names, "what it measures"], rows)]


def _agreement(report: dict[str, Any]) -> list[str]:
    a = report.get("judge_agreement")
    lines = ["", "## Judge agreement with hand-labelled sentences", ""]
    if not a:
        return lines + ["not measured (no judge): answer precision is judged by the LLM judge, whose agreement with "
                        "the hand-labelled sentences (`eval/relevance_pool.py`: the 74 of `sentence_relevance_labels.jsonl` and "
                        "precision banks 2-8) is reported here when one runs."]
    def line(name: str, x: dict[str, Any]) -> str:
        kappa = "n/a" if x.get("kappa") is None else f"{x['kappa']:.3f}"
        return (f"- {name}: {x['agree']} of {x['n']} agree, accuracy {x['accuracy']:.3f}, Cohen's kappa {kappa}, "
                f"{x['failed']} failed; said helps: {x['true_yes']} right, {x['false_yes']} wrong; said does not help: "
                f"{x['true_no']} right, {x['false_no']} wrong")

    prompt = f" (relevance prompt: {a['relevance_prompt']})" if a.get("relevance_prompt") else ""
    return lines + [f"{a['judge']}{prompt}, on `{a['labels']}`:", "", line("all labelled sentences", a),
                    *[line(bank, stats) for bank, stats in (a.get("banks") or {}).items()]]


def _confusion(name: str, matrix: dict[str, dict[str, int]]) -> list[str]:
    got = sorted({g for row in matrix.values() for g in row})
    rows = [[exp, *[str(matrix[exp].get(g, 0)) for g in got]] for exp in sorted(matrix)]
    return ["", f"### {name}", "", *table(["expected \\ got", *got], rows)]


def _per_category(name: str, per: dict[str, dict[str, Any]], info: list[dict[str, Any]]) -> list[str]:
    cols = [m["name"] for m in info if m["per_category"]]
    rows = [[cat, str(row["n"]), *[row.get(c) for c in cols]] for cat, row in sorted(per.items())]
    return ["", f"### {name}", "", *table(["category", "n", *cols], rows)]


def _retrieval_and_citations(report: dict[str, Any]) -> list[str]:
    keys = ["recall@1", "recall@3", "recall@5", "recall@10", "mrr", "ndcg@5", "ndcg@10"]
    lines = ["", "## Retrieval (reference spans found in the top k)", ""]
    rows = [[f"{split}: {name}", str(s.get("n")), *[s.get(k) for k in keys]]
            for split, t in report["splits"].items() for name, s in t["retrieval"].items()]
    lines += table(["retriever", "n", *keys], rows)
    lines += ["", "## Citations (ALCE)", ""]
    for split, t in report["splits"].items():
        c = t["citations"]
        lines.append(f"- {split}: recall {fmt(c['recall'])}, precision {fmt(c['precision'])} over {c['n']} answers "
                     f"({c['statements']} statements, {c['citations']} citations, {c['failed_judgements']} failed judgements)")
    return lines


def _ragas(report: dict[str, Any]) -> list[str]:
    rg = report.get("ragas", {})
    lines = ["", f"## ragas (n={rg.get('n', 0)} answered, answerable items)", ""]
    if rg.get("skipped"):
        return lines + ["ragas was not run (`--no-ragas`)."]
    if rg.get("llm_metrics") is None:
        return lines + ["LLM-judged ragas metrics: **not measured** (no judge configured)."]
    sample = rg.get("llm_sample", {})
    return lines + [f"LLM-judged: {', '.join(rg['llm_metrics']) or 'none'} on {sample.get('n')} of {sample.get('of')} items."]


def _failures(report: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    bad = [i for i in report.get("items", []) if not i.get("status_ok")]
    if bad:
        lines += ["", "## Items with an unacceptable status", ""]
        lines += table(["split", "id", "acceptable", "got", "question"],
                       [[i.get("split") or "all", i["id"], "/".join(i["acceptable_statuses"]), i["status"],
                         i["question"].replace("|", "/")[:120]] for i in bad])
    dangling = [(i["id"], d) for i in report.get("items", []) for d in i.get("details", {}).get("dangling", [])]
    if dangling:
        lines += ["", "## Dangling references (shown without the sentence they point at)", ""]
        lines += [f"- {item_id}: \"{d['sentence'][:100]}\" (missing: \"{d['missing_predecessor'][:60]}\")" for item_id, d in dangling]
    if report.get("errors"):
        lines += ["", "## Errors", ""] + [f"- {e['id']}: {e['error']}" for e in report["errors"]]
    return lines


def render_markdown(report: dict[str, Any], plots: dict[str, str] | None = None) -> str:
    lines = _header(report) + _acceptance(report) + _metrics(report) + _agreement(report)
    lines += ["", "## Status confusion matrix"]
    for name, t in report["splits"].items():
        lines += _confusion(name, t["confusion"])
    lines += ["", "## Per category"]
    for name, t in report["splits"].items():
        lines += _per_category(name, t["per_category"], report["metric_info"])
    lines += _ragas(report) + _retrieval_and_citations(report) + _failures(report)
    if plots:
        lines += ["", "## Plots", ""] + [f"![{name}]({file})" for name, file in plots.items()]
    t = report.get("timings_s", {})
    lines += ["", "Run time: " + ", ".join(f"{k[:-2]} {fmt(v)} s" for k, v in t.items()) + "."]
    return "\n".join(lines) + "\n"
