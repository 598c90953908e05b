"""The real server: `pns serve` memory (RSS) after warm-up and after a 20-user load, and its throughput.

It starts `pns serve` on a free 127.0.0.1 port in a subprocess (index built in HOME first), waits
until it answers, reads its resident memory from /proc (VmRSS now, VmHWM = peak), then drives it with
benchmarks/load_ui.py (N users x M questions through gradio_client: zero errors and the disclaimer on
every answer are checked there) and reads the memory again. Side by side: a fresh Python process
holding the plain llama-index query engine (benchmarks/baseline.py) that answers the same number of
questions and reports its own VmRSS/VmHWM (no web server: the baseline has none, so this is the
memory of the answering stack alone; ours includes Gradio).

Run: .venv/bin/python -m benchmarks.server_load [--home DIR] [--users 20] [--questions 10]
Writes benchmarks/results/server_load.json (and load_ui.json through the load script).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.load_ui import wait_until_up
from benchmarks.measure import (
    RESULTS,
    free_port,
    machine,
    mib,
    pns_command,
    prepared_home,
    ratio,
    rss_bytes,
    timed_run,
    write_result,
)

TARGET_RSS_MIB = 1536
BASELINE_SCRIPT = r"""
import json, sys
from pathlib import Path
from benchmarks.baseline import LlamaIndexBaseline
from benchmarks.load_ui import QUESTIONS
from foundation.settings import Settings, disable_telemetry
disable_telemetry()
from index.store import open_index
def status():
    out = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            out[key] = int(value.split()[0]) * 1024
    return out
engine = LlamaIndexBaseline.over(open_index(Settings()))
warm = status()
for i in range(int(sys.argv[1])):
    engine.query(QUESTIONS[i % len(QUESTIONS)])
print(json.dumps({"after_warm_up": warm, "after_questions": status()}))
"""


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, default=None, help="PNS_HOME (default: a temp dir, index built there)")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--questions", type=int, default=10, help="questions per user")
    parser.add_argument("--timeout", type=float, default=120.0, help="per-request timeout, seconds")
    parser.add_argument("--deadline", type=float, default=300.0, help="limit for the load phase, seconds")
    parser.add_argument("--out-dir", type=Path, default=None)
    args = parser.parse_args(argv)

    home, env, tmp = prepared_home(args.home, "pns-serve-")

    out_dir = args.out_dir or RESULTS
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log_path = home / "server_load-serve.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen([*pns_command(), "serve", "--port", str(port)], env=env, stdout=log,
                                stderr=subprocess.STDOUT)
    try:
        startup_s = wait_until_up(url, proc, 300)
        time.sleep(1.0)
        warm = rss_bytes(proc.pid)
        from benchmarks import load_ui

        load_rc = load_ui.main(["--url", url, "--users", str(args.users), "--questions", str(args.questions),
                                "--timeout", str(args.timeout), "--deadline", str(args.deadline),
                                "--out", str(out_dir / "load_ui.json")])
        after = rss_bytes(proc.pid)
        alive = proc.poll() is None
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    load = json.loads((out_dir / "load_ui.json").read_text(encoding="utf-8"))

    n_questions = args.users * args.questions
    base_run = timed_run([sys.executable, "-c", BASELINE_SCRIPT, str(n_questions)], env, 300)
    base = json.loads(base_run["stdout"].strip().splitlines()[-1]) if base_run["rc"] == 0 else {}

    ours_peak = max(after["peak_rss"], warm["peak_rss"]) + after["children_rss"]
    report = {
        "benchmark": "server_load",
        "machine": machine(),
        "server_startup_s": round(startup_s, 2),
        "ours_pns_serve_rss_mib": {
            "after_warm_up": mib(warm["rss"] + warm["children_rss"]),
            f"after_{n_questions}_questions": mib(after["rss"] + after["children_rss"]),
            "peak": mib(ours_peak),
            "children_after": mib(after["children_rss"]),
        },
        "baseline_llamaindex_process_rss_mib": {
            "after_warm_up": mib(base.get("after_warm_up", {}).get("VmRSS")),
            f"after_{n_questions}_questions": mib(base.get("after_questions", {}).get("VmRSS")),
            "peak": mib(base.get("after_questions", {}).get("VmHWM")),
            "note": "no web server in the baseline (llama-index has none); ours includes Gradio/uvicorn",
        },
        "ratio_peak_ours_vs_baseline": ratio(ours_peak, base.get("after_questions", {}).get("VmHWM")),
        "target_rss_mib": TARGET_RSS_MIB,
        "rss_met": mib(ours_peak) is not None and mib(ours_peak) < TARGET_RSS_MIB,
        "server_alive_after_load": alive,
        "load": {k: load.get(k) for k in ("users", "questions_per_user", "requests", "completed", "errors",
                                          "missing_disclaimer", "latency_ms", "wall_s", "throughput_rps", "statuses", "ok")},
        "load_rc": load_rc,
        "baseline_rc": base_run["rc"],
    }
    path = write_result("server_load", report, out_dir)
    print(f"pns serve RSS: {report['ours_pns_serve_rss_mib']} (baseline {report['baseline_llamaindex_process_rss_mib']}); "
          f"load: {load.get('completed')}/{load.get('requests')} ok, {load.get('errors')} errors, "
          f"{load.get('throughput_rps')} req/s; wrote {path}")
    if tmp is not None:
        tmp.cleanup()
    return report


if __name__ == "__main__":
    main()
