"""Index build time: `pns index build` vs a plain llama-index ingestion, each a fresh process.

- ours, cold: `pns index build --no-progress --json` into an empty HOME (model load, article
  cleaning, section-aware chunking with offsets, embedding, Chroma collection, BM25, atomic switch);
- ours, again: the same command once more (up to date: nothing re-embedded);
- baseline: benchmarks.baseline.cold_build in a fresh process (raw article as one Document,
  SentenceSplitter with the same chunk size in the same model's tokens, same embedder, new Chroma
  collection via VectorStoreIndex). Wall times include interpreter start and imports on both sides.

Run: .venv/bin/python -m benchmarks.build_time [--runs 2]  -> benchmarks/results/build_time.json
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.measure import child_env, json_or_empty, machine, pns_command, ratio, timed_run, write_result


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--out-dir", type=Path, default=None)
    args = parser.parse_args(argv)

    cold, again, base = [], [], []
    reports: list[dict[str, Any]] = []
    base_nodes = None
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="pns-build-") as tmp:
        for run in range(args.runs):
            home = Path(tmp) / f"ours-{run}"
            env = child_env(home)
            first = timed_run([*pns_command(), "index", "build", "--no-progress", "--json"], env, args.timeout)
            if first["rc"] != 0:
                failures.append(f"pns index build: rc={first['rc']} {first['stderr'][-300:]}")
                continue
            cold.append(first["wall_s"])
            reports.append(json_or_empty(first["stdout"]))
            second = timed_run([*pns_command(), "index", "build", "--no-progress", "--json"], env, args.timeout)
            if second["rc"] == 0 and json_or_empty(second["stdout"]).get("up_to_date"):
                again.append(second["wall_s"])
            b_home = Path(tmp) / f"baseline-{run}"
            b = timed_run([sys.executable, "-c", "import sys; from benchmarks.baseline import cold_build; "
                           "print(cold_build(sys.argv[1]))", str(b_home)], child_env(b_home), args.timeout)
            if b["rc"] == 0:
                base.append(b["wall_s"])
                base_nodes = int(b["stdout"].strip().splitlines()[-1])
            else:
                failures.append(f"baseline build: rc={b['rc']} {b['stderr'][-300:]}")

    med = lambda xs: round(statistics.median(xs), 2) if xs else None  # noqa: E731
    report = {
        "benchmark": "build_time",
        "machine": machine(),
        "ours_cold_build": {"runs_s": cold, "median_s": med(cold),
                            "in_process_seconds": [r.get("seconds") for r in reports],
                            "chunks": reports[0].get("chunks") if reports else None,
                            "embedded": reports[0].get("embedded") if reports else None},
        "ours_up_to_date_rebuild": {"runs_s": again, "median_s": med(again)},
        "baseline_llamaindex_cold_build": {"runs_s": base, "median_s": med(base), "nodes": base_nodes},
        "ratio_cold_ours_vs_baseline": ratio(med(cold), med(base)),
        "failures": failures,
    }
    path = write_result("build_time", report, args.out_dir)
    print(f"cold build: ours {med(cold)} s ({report['ours_cold_build']['chunks']} chunks) vs baseline {med(base)} s "
          f"({base_nodes} nodes); up-to-date rebuild {med(again)} s; wrote {path}")
    return report


if __name__ == "__main__":
    main()
