"""Cold start: `pns ask` and `pns --help` as fresh processes, vs a plain llama-index script; what imports cost.

- `pns ask "..." --json` wall time (subprocess, index already built, nothing warm but the OS file
  cache), several runs; target < 4 s on this 2-core machine.
- the baseline: a fresh Python doing the plain llama-index equivalent (benchmarks.baseline.cold_query:
  chromadb client, VectorStoreIndex.from_vector_store, the same bundled model, one no-text query).
- `pns --help` wall time (what every command pays before doing anything).
- `python -X importtime` of `import assistant.cli` (eager, paid by every command) and of a whole
  `pns ask`: seconds per top-level package, so lazy-import fixes can be named, not guessed.

- per question of QUESTIONS (a definition, and two yes/no questions on words the article never uses, whose word
  families are looked up): wall and CPU seconds (user + system, which a busy shared machine inflates far less
  than wall time); with `--compare DIR` the same runs of another source tree (e.g. `git archive <rev>` of an
  earlier commit) interleave with ours, so both sides meet the same load.
- the first `pns ask` right after `pns index build` in a fresh home, per tree (`first_after_build`): the build
  now stores the article's sentence vectors (index/sentence_vectors.py); before, that first question embedded
  them. The build is untimed; the first and the second question after it are timed.
- both trees' modules are byte-compiled first (`compileall`, as an installed package is), so a shell with
  PYTHONDONTWRITEBYTECODE set does not time compiling ~100 of the project's source files in every process.

Run: .venv/bin/python -m benchmarks.cold_start [--home DIR] [--runs 3] [--compare DIR] [--no-baseline]
     [--first-runs 1]
Writes benchmarks/results/cold_start.json.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchmarks.measure import (
    REPO,
    json_or_empty,
    machine,
    pns_command,
    prepared_home,
    ratio,
    timed_run,
    write_result,
)

TARGET_S = 4.0  # issue 12: a cold `pns ask` under 4 s on this 2-core machine
QUESTION = "What is Trousseau syndrome?"
QUESTIONS = (QUESTION, "Can you inherit it?", "is pns contagious")
# Packages that cost seconds to import; any of them in `import assistant.cli` is a lazy-import bug.
HEAVY = ("torch", "transformers", "sentence_transformers", "chromadb", "llama_index", "gradio", "gradio_client",
         "ragas", "langchain", "langchain_core", "langchain_community", "pandas", "matplotlib", "scipy", "sklearn",
         "numpy", "bm25s", "trafilatura", "pypdf", "onnxruntime", "fastapi", "httpx", "tiktoken", "nltk", "openai")


def _stats(walls: list[float]) -> dict[str, Any]:
    return {"runs_s": walls, "median_s": round(statistics.median(walls), 2) if walls else None,
            "min_s": min(walls) if walls else None, "max_s": max(walls) if walls else None}


def cpu_timed_run(cmd: list[str], env: dict[str, str], timeout_s: float) -> dict[str, Any]:
    """`timed_run` plus the child's CPU seconds (user + system)."""
    before = os.times()
    run = timed_run(cmd, env, timeout_s)
    after = os.times()
    run["cpu_s"] = round((after.children_user - before.children_user) + (after.children_system - before.children_system), 2)
    return run


def per_question(trees: dict[str, str | None], env: dict[str, str], runs: int, timeout_s: float) -> dict[str, Any]:
    """Cold `pns ask` of each question of QUESTIONS, `runs` times, the trees interleaved (None: this one);
    wall and CPU medians per tree and question, and whether every run of a question printed the same answer."""
    pns = pns_command()
    walls: dict[str, dict[str, list[float]]] = {t: {q: [] for q in QUESTIONS} for t in trees}
    cpus: dict[str, dict[str, list[float]]] = {t: {q: [] for q in QUESTIONS} for t in trees}
    answers: dict[str, set[str]] = {q: set() for q in QUESTIONS}
    for question in QUESTIONS:
        for _ in range(runs):
            for name, tree in trees.items():
                child = dict(env, PYTHONPATH=os.pathsep.join([tree, env.get("PYTHONPATH", "")])) if tree else env
                run = cpu_timed_run([*pns, "ask", question, "--json"], child, timeout_s)
                if run["rc"] == 0:
                    walls[name][question].append(run["wall_s"])
                    cpus[name][question].append(run["cpu_s"])
                    answers[question].add(json_or_empty(run["stdout"]).get("answer", ""))
    return {name: {q: {"wall": _stats(walls[name][q]), "cpu_median_s": _stats(cpus[name][q])["median_s"]}
                   for q in QUESTIONS} for name in trees} | {
        "same_answer_every_run": {q: len(a) == 1 for q, a in answers.items()}}


def byte_compile(trees: list[Path]) -> None:
    """Write the trees' stage packages' bytecode (quietly, best effort), as `pip install` does for a package."""
    for tree in trees:
        folders = [str(tree / p) for p in ("foundation", "corpus", "index", "assistant", "eval") if (tree / p).is_dir()]
        subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], capture_output=True, timeout=300)


def first_after_build(trees: dict[str, str | None], env: dict[str, str], runs: int, timeout_s: float) -> dict[str, Any]:
    """Per tree, `runs` times: `pns index build` in a fresh home (untimed), then the first and the second
    `pns ask` after it (timed): what a user meets right after building."""
    import tempfile

    pns = pns_command()
    out: dict[str, Any] = {}
    for name, tree in trees.items():
        child = dict(env, PYTHONPATH=os.pathsep.join([tree, env.get("PYTHONPATH", "")])) if tree else dict(env)
        firsts, seconds, builds = [], [], []
        for _ in range(runs):
            with tempfile.TemporaryDirectory(prefix="pns-first-") as home:
                child["PNS_HOME"] = home
                built = timed_run([*pns, "index", "build", "--no-progress"], child, 900)
                if built["rc"] != 0:
                    out[name] = {"failure": built["stderr"][-300:]}
                    break
                builds.append(built["wall_s"])
                for bucket in (firsts, seconds):
                    run = cpu_timed_run([*pns, "ask", QUESTION, "--json"], child, timeout_s)
                    if run["rc"] == 0:
                        bucket.append(run["wall_s"])
        out.setdefault(name, {"first_ask": _stats(firsts), "second_ask": _stats(seconds), "build_s": builds})
    return out


def import_profile(code: str, env: dict[str, str], args: list[str] | None = None, timeout_s: float = 120) -> dict[str, Any]:
    """Run `python -X importtime -c code`; seconds per top-level package (sum of self times) and the total."""
    proc = subprocess.run([sys.executable, "-X", "importtime", "-c", code, *(args or [])], env=env, cwd=REPO,
                          capture_output=True, timeout=timeout_s)
    per_package: dict[str, float] = defaultdict(float)
    total_us = 0
    for line in proc.stderr.decode("utf-8", "replace").splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        try:
            self_us, _cumulative, name = line.split(":", 1)[1].split("|")
            us = int(self_us)
        except ValueError:
            continue
        total_us += us
        per_package[name.strip().split(".")[0]] += us
    top = sorted(per_package.items(), key=lambda kv: -kv[1])[:20]
    return {
        "rc": proc.returncode,
        "total_import_s": round(total_us / 1e6, 2),
        "top_packages_s": {name: round(us / 1e6, 3) for name, us in top},
        "heavy_imported": sorted(p for p in per_package if p in HEAVY),
    }


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=None, help="PNS_HOME with a built index (default: build one in a temp dir)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=120.0, help="per-process limit, seconds")
    parser.add_argument("--out-dir", type=Path, default=None)
    parser.add_argument("--compare", type=Path, default=None, help="another source tree to time interleaved with ours")
    parser.add_argument("--first-runs", type=int, default=1, help="fresh builds per tree for first_after_build")
    parser.add_argument("--baseline", action=argparse.BooleanOptionalAction, default=True,
                        help="also time the plain llama-index cold query (~11 s a run)")
    args = parser.parse_args(argv)

    byte_compile([Path(__file__).resolve().parents[1], *([args.compare.resolve()] if args.compare else [])])
    home, env, tmp = prepared_home(args.home, "pns-cold-")
    timed_run([*pns_command(), "ask", QUESTION, "--json"], env, args.timeout)  # untimed: fills HOME/cache

    pns = pns_command()
    ours, base, helps = [], [], []
    failures: list[str] = []
    for _ in range(args.runs):  # interleaved, so a busy moment hits both sides
        run = timed_run([*pns, "ask", QUESTION, "--json"], env, args.timeout)
        ok = run["rc"] == 0 and json_or_empty(run["stdout"]).get("status") == "answered"
        (ours.append(run["wall_s"]) if ok else failures.append(f"pns ask: rc={run['rc']} {run['stderr'][-300:]}"))
        if args.baseline:
            run = timed_run([sys.executable, "-c", "import sys; from benchmarks.baseline import cold_query; "
                             "print(len(cold_query(sys.argv[1], sys.argv[2])))", str(home), QUESTION], env, args.timeout)
            (base.append(run["wall_s"]) if run["rc"] == 0 and run["stdout"].strip() == "5"
             else failures.append(f"baseline: rc={run['rc']} {run['stderr'][-300:]}"))
        run = timed_run([*pns, "--help"], env, args.timeout)
        (helps.append(run["wall_s"]) if run["rc"] == 0 else failures.append(f"pns --help: rc={run['rc']}"))

    trees = {"ours": None, **({"compared": str(args.compare.resolve())} if args.compare else {})}
    questions = per_question(trees, env, args.runs, args.timeout)
    first = first_after_build(trees, env, args.first_runs, args.timeout) if args.first_runs > 0 else {}
    eager = import_profile("import assistant.cli", env)
    ask_profile = import_profile(
        "import sys; from assistant.cli import main; sys.argv = ['pns', 'ask', sys.argv[1], '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass", env, [QUESTION])
    report = {
        "benchmark": "cold_start",
        "machine": machine(),
        "question": QUESTION,
        "ours_pns_ask": _stats(ours),
        "baseline_llamaindex_cold_query": _stats(base),
        "ratio_median_ours_vs_baseline": ratio(_stats(ours)["median_s"], _stats(base)["median_s"]),
        "pns_help": _stats(helps),
        "target_s": TARGET_S,
        "met": bool(ours) and max(ours) < TARGET_S,
        "first_after_build": first,
        "bytecode": "both trees byte-compiled before timing (compileall)",
        "questions": questions,
        "compared_tree": str(args.compare) if args.compare else None,
        "failures": failures,
        "imports_of_assistant_cli": eager,
        "imports_of_pns_ask": ask_profile,
        "lazy_import_findings": [
            f"{name} is imported by `import assistant.cli` (every command pays it)"
            for name in eager["heavy_imported"]
        ],
    }
    path = write_result("cold_start", report, args.out_dir)
    print(f"pns ask cold: median {report['ours_pns_ask']['median_s']} s vs baseline "
          f"{report['baseline_llamaindex_cold_query']['median_s']} s; pns --help {report['pns_help']['median_s']} s; "
          f"eager heavy imports: {eager['heavy_imported'] or 'none'}; wrote {path}")
    if tmp is not None:
        tmp.cleanup()
    return report


if __name__ == "__main__":
    main()
