"""Run every performance benchmark against the plain llama-index baseline and write a summary.

`make bench` runs this. One index is built into a temporary HOME and shared; each benchmark runs
as its own process with a time limit (a hung or crashed one is reported, the rest still run), and
writes benchmarks/results/<name>.json. Then benchmarks/results/summary.md puts ours and the
baseline side by side with ratios and the targets, for the README to quote.

    .venv/bin/python -m benchmarks.run_all [--quick] [--only answer_vs_baseline,cold_start] [--summary-only]

--quick: fewer passes/runs/users (a smoke run, a few minutes); numbers are then marked as quick.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.measure import RESULTS, child_env, machine, pns_command, timed_run

# name -> (arguments, limit in seconds), full and quick
BENCHMARKS: dict[str, tuple[list[str], list[str], int]] = {
    "build_time": (["--runs", "2"], ["--runs", "1"], 600),
    "cold_start": (["--runs", "3"], ["--runs", "1"], 600),
    "answer_vs_baseline": (["--passes", "3", "--threads", "20", "--requests", "200"],
                           ["--passes", "1", "--threads", "20", "--requests", "40"], 900),
    "torchfree_probe": (["--runs", "3"], ["--runs", "1"], 300),
    "server_load": (["--users", "20", "--questions", "10"], ["--users", "20", "--questions", "2"], 900),
}
USES_HOME = {"cold_start", "answer_vs_baseline", "torchfree_probe", "server_load"}


def run_benchmark(name: str, args: list[str], limit_s: int, out_dir: Path, home: Path) -> dict[str, Any]:
    cmd = [sys.executable, "-m", f"benchmarks.{name}", *args, "--out-dir", str(out_dir)]
    if name in USES_HOME:
        cmd += ["--home", str(home)]
    started = time.perf_counter()
    try:
        proc = subprocess.run(cmd, env=child_env(home), capture_output=True, timeout=limit_s)
        rc: int | None = proc.returncode
        tail = proc.stderr.decode("utf-8", "replace")[-1500:]
        last = proc.stdout.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
    except subprocess.TimeoutExpired:
        rc, tail, last = None, f"timed out after {limit_s} s", [""]
    return {"name": name, "rc": rc, "seconds": round(time.perf_counter() - started, 1), "line": last[0],
            "stderr_tail": "" if rc == 0 else tail}


def _load(out_dir: Path, name: str) -> dict[str, Any] | None:
    try:
        return json.loads((out_dir / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _fmt(value: Any, unit: str = "", digits: int = 1) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        value = round(value, digits)
    return f"{value}{unit}"


def _met(flag: Any) -> str:
    return "n/a" if flag is None else ("yes" if flag else "**no**")


def summary_markdown(out_dir: Path, runs: list[dict[str, Any]] | None = None, quick: bool = False) -> str:
    """benchmarks/results/summary.md from whatever result files exist."""
    avb = _load(out_dir, "answer_vs_baseline") or {}
    cold = _load(out_dir, "cold_start") or {}
    build = _load(out_dir, "build_time") or {}
    srv = _load(out_dir, "server_load") or {}
    probe = _load(out_dir, "torchfree_probe") or {}
    lat = avb.get("latency", {})
    ret = avb.get("retrieval", {})
    conc = avb.get("concurrency_in_process", {})
    ours_l, base_l = lat.get("ours_assistant_ask", {}), lat.get("baseline_query_engine", {})
    ours_r = ret.get("ours_hybrid_retriever", {})
    base_r = ret.get("baseline_dense_same_question", {})
    base_raw = ret.get("baseline_dense_raw_question", {})
    rss = srv.get("ours_pns_serve_rss_mib", {})
    brss = srv.get("baseline_llamaindex_process_rss_mib", {})
    load = srv.get("load", {})
    machines = [d.get("machine", {}) for d in (avb, cold, build, srv) if d]
    loads = sorted({tuple(m.get("loadavg", [])[:1]) for m in machines if m.get("loadavg")})

    def r(a: Any, b: Any, digits: int = 2) -> str:
        return "n/a" if a in (None, 0) or b in (None, 0) else f"{a / b:.{digits}f}"

    rows = [
        ("Warm answer latency p50 (evalset, {} questions x {})".format(lat.get("questions", "?"), lat.get("passes", "?")),
         _fmt(ours_l.get("p50_ms"), " ms"), _fmt(base_l.get("p50_ms"), " ms"), r(ours_l.get("p50_ms"), base_l.get("p50_ms")),
         "< 150 ms", _met(None if ours_l.get("p50_ms") is None else ours_l["p50_ms"] < 150)),
        ("Warm answer latency p95", _fmt(ours_l.get("p95_ms"), " ms"), _fmt(base_l.get("p95_ms"), " ms"),
         r(ours_l.get("p95_ms"), base_l.get("p95_ms")), "< 400 ms",
         _met(None if ours_l.get("p95_ms") is None else ours_l["p95_ms"] < 400)),
        ("Retrieval recall@5 ({} answerable items)".format(ret.get("items", "?")),
         _fmt(ours_r.get("recall@5"), digits=3), _fmt(base_r.get("recall@5"), digits=3),
         r(ours_r.get("recall@5"), base_r.get("recall@5")), "", ""),
        ("Retrieval hit@5", _fmt(ours_r.get("hit@5"), digits=3), _fmt(base_r.get("hit@5"), digits=3),
         r(ours_r.get("hit@5"), base_r.get("hit@5")), "", ""),
        ("Retrieval MRR@5", _fmt(ours_r.get("mrr"), digits=3), _fmt(base_r.get("mrr"), digits=3),
         r(ours_r.get("mrr"), base_r.get("mrr")), "", ""),
        ("Cold start `pns ask` (median, fresh process)", _fmt(cold.get("ours_pns_ask", {}).get("median_s"), " s"),
         _fmt(cold.get("baseline_llamaindex_cold_query", {}).get("median_s"), " s"),
         r(cold.get("ours_pns_ask", {}).get("median_s"), cold.get("baseline_llamaindex_cold_query", {}).get("median_s")),
         "< 8 s", _met(cold.get("met") if cold else None)),
        ("`pns --help` (median)", _fmt(cold.get("pns_help", {}).get("median_s"), " s"), "", "", "", ""),
        ("Index build, cold process (median)", _fmt(build.get("ours_cold_build", {}).get("median_s"), " s"),
         _fmt(build.get("baseline_llamaindex_cold_build", {}).get("median_s"), " s"),
         r(build.get("ours_cold_build", {}).get("median_s"), build.get("baseline_llamaindex_cold_build", {}).get("median_s")),
         "", ""),
        ("Index rebuild, nothing changed", _fmt(build.get("ours_up_to_date_rebuild", {}).get("median_s"), " s"),
         "(no such mode)", "", "", ""),
        ("Server RSS after warm-up", _fmt(rss.get("after_warm_up"), " MiB"), _fmt(brss.get("after_warm_up"), " MiB"),
         r(rss.get("after_warm_up"), brss.get("after_warm_up")), "", ""),
        ("Server RSS peak (after {} questions)".format(load.get("requests", "?")), _fmt(rss.get("peak"), " MiB"),
         _fmt(brss.get("peak"), " MiB"), r(rss.get("peak"), brss.get("peak")), "< 1536 MiB", _met(srv.get("rss_met") if srv else None)),
        ("HTTP load: {} users x {} questions, errors".format(load.get("users", "?"), load.get("questions_per_user", "?")),
         _fmt(load.get("errors")), "", "", "0", _met(None if not load else load.get("errors") == 0 and load.get("ok"))),
        ("HTTP load: throughput / p50 / p95", "{} req/s / {} / {}".format(
            _fmt(load.get("throughput_rps")), _fmt((load.get("latency_ms") or {}).get("p50"), " ms"),
            _fmt((load.get("latency_ms") or {}).get("p95"), " ms")), "", "", "", ""),
        ("In-process concurrency ({} threads, {} requests): throughput".format(
            conc.get("ours_assistant_ask", {}).get("threads", "?"), conc.get("ours_assistant_ask", {}).get("requests", "?")),
         _fmt(conc.get("ours_assistant_ask", {}).get("throughput_rps"), " req/s"),
         _fmt(conc.get("baseline_query_engine", {}).get("throughput_rps"), " req/s"),
         r(conc.get("ours_assistant_ask", {}).get("throughput_rps"), conc.get("baseline_query_engine", {}).get("throughput_rps")),
         "", ""),
        ("In-process concurrency: errors", _fmt(conc.get("ours_assistant_ask", {}).get("errors")),
         _fmt(conc.get("baseline_query_engine", {}).get("errors")), "", "0",
         _met(None if not conc else conc.get("ours_assistant_ask", {}).get("errors") == 0)),
    ]
    lines = [
        "# Performance: ours vs a plain llama-index baseline",
        "",
        "Generated by `python -m benchmarks.run_all` (`make bench`)" + (" -- QUICK run, fewer samples" if quick else "") + ".",
        f"Machine: {machines[0].get('cpus', '?')} CPUs, Python {machines[0].get('python', '?')}; "
        f"1-minute load average during the runs: {', '.join(str(x[0]) for x in loads) or 'n/a'} "
        "(the machine is shared: a load above the CPU count inflates every time, ours and baseline alike)."
        if machines else "No results yet.",
        "",
        "Baseline: `VectorStoreIndex.from_vector_store(ChromaVectorStore(<our collection>), embed_model=<our bundled "
        "MiniLM>)`, `.as_retriever(similarity_top_k=5)` for recall, `.as_query_engine()` with the no-text synthesizer for "
        "latency (retrieval only, no LLM). Ours: `Assistant.ask` (extractive default: safety gate, hybrid dense+BM25 "
        "retrieval, sentence selection, verified citations, disclaimer). Ratio = ours / baseline.",
        "",
        "| Measure | Ours | Baseline | Ratio | Target | Met |",
        "|---|---|---|---|---|---|",
        *[f"| {a} | {b} | {c} | {d} | {e} | {f} |" for a, b, c, d, e, f in rows],
        "",
    ]
    if ret:
        lines += [
            f"Recall: both sides get the same standalone question (follow-ups rewritten by our conversation module). "
            f"On the raw question, which is all a plain query engine sees, the baseline's recall@5 is "
            f"{_fmt(base_raw.get('recall@5'), digits=3)} (ours, end to end: "
            f"{_fmt(ret.get('ours_assistant_contexts', {}).get('recall@5'), digits=3)}; ratio "
            f"{_fmt(ret.get('ratio_recall_ours_vs_baseline_raw'), digits=2)}).",
            "",
        ]
    if lat.get("ours_by_status"):
        parts = [f"{k} {v['p50_ms']}/{v['p95_ms']} ms (n={v['n']})" for k, v in lat["ours_by_status"].items()]
        lines += ["Our warm latency p50/p95 by answer status: " + "; ".join(parts) +
                  f". Our hybrid retrieval alone: {lat.get('ours_hybrid_retrieval_only', {}).get('p50_ms')}/"
                  f"{lat.get('ours_hybrid_retrieval_only', {}).get('p95_ms')} ms.", ""]
    if cold:
        ask = cold.get("imports_of_pns_ask", {})
        top = ", ".join(f"{k} {v:.2f} s" for k, v in list(ask.get("top_packages_s", {}).items())[:10])
        eager = cold.get("imports_of_assistant_cli", {})
        lines += [
            "## Cold start: where the time goes",
            "",
            f"`python -X importtime` of a cold `pns ask`: {ask.get('total_import_s')} s of imports; by package: {top}.",
            f"`import assistant.cli` (paid by every command, including `--help`): {eager.get('total_import_s')} s; heavy "
            f"packages imported eagerly there: {', '.join(eager.get('heavy_imported', [])) or 'none'}.",
            "",
        ]
    if probe:
        lines += [
            f"Torch-free probe (benchmarks/torchfree_probe.py): the same MiniLM in numpy gives cosine "
            f"{probe.get('cosine_vs_sentence_transformers', {}).get('min')} (min over {probe.get('questions')} questions) with "
            f"sentence-transformers' vectors, and a fresh process embeds a question and queries Chroma in "
            f"{probe.get('cold_process_embed_and_query_s', {}).get('median_s')} s.",
            "",
        ]
    if runs:
        lines += ["## Runs", "", "| Benchmark | Exit | Seconds |", "|---|---|---|"]
        lines += [f"| {x['name']} | {x['rc'] if x['rc'] is not None else 'timeout'} | {x['seconds']} |" for x in runs]
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run: fewer samples")
    parser.add_argument("--only", default="", help="comma-separated subset of: " + ", ".join(BENCHMARKS))
    parser.add_argument("--out-dir", type=Path, default=RESULTS)
    parser.add_argument("--summary-only", action="store_true", help="rewrite summary.md from existing results")
    args = parser.parse_args(argv)

    from foundation.settings import disable_telemetry

    disable_telemetry()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    runs: list[dict[str, Any]] = []
    if not args.summary_only:
        names = [n for n in args.only.split(",") if n] or list(BENCHMARKS)
        unknown = sorted(set(names) - set(BENCHMARKS))
        if unknown:
            parser.error(f"unknown benchmarks {unknown}")
        with tempfile.TemporaryDirectory(prefix="pns-bench-") as tmp:
            home = Path(tmp) / "home"
            print(f"building the shared index in {home} ...", file=sys.stderr, flush=True)
            built = timed_run([*pns_command(), "index", "build", "--no-progress"], child_env(home), 600)
            if built["rc"] != 0:
                print(f"index build failed: {built['stderr'][-800:]}", file=sys.stderr)
                return 1
            for name in names:
                full, quick, limit = BENCHMARKS[name]
                print(f"running {name} ...", file=sys.stderr, flush=True)
                result = run_benchmark(name, quick if args.quick else full, limit, args.out_dir, home)
                runs.append(result)
                status = "ok" if result["rc"] == 0 else f"FAILED ({result['rc']})"
                print(f"  {name}: {status} in {result['seconds']} s  {result['line']}", file=sys.stderr, flush=True)
                if result["rc"] != 0:
                    print(result["stderr_tail"], file=sys.stderr)
    summary = summary_markdown(args.out_dir, runs or None, quick=args.quick)
    (args.out_dir / "summary.md").write_text(summary, encoding="utf-8")
    (args.out_dir / "run_all.json").write_text(json.dumps({"machine": machine(), "quick": args.quick, "runs": runs},
                                                          indent=2) + "\n", encoding="utf-8")
    print(summary)
    return 0 if all(r["rc"] == 0 for r in runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
