"""Small measuring helpers shared by the performance benchmarks (no heavy imports here).

Why one place: every benchmark reports percentiles the same way (nearest rank), records the machine
and how busy it was (this box is shared, so a load average next to a latency is part of the number),
and writes its JSON under benchmarks/results/ where the summary and the README read it.
"""

from __future__ import annotations

import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty sequence."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(round(q / 100 * len(ordered) + 0.5))))
    return ordered[rank - 1]


def summarise_ms(samples_ms: Sequence[float]) -> dict[str, float | int | None]:
    """p50/p95/mean/max of latencies in milliseconds, rounded for reading."""
    if not samples_ms:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "mean_ms": None, "max_ms": None}
    return {
        "n": len(samples_ms),
        "p50_ms": round(percentile(samples_ms, 50), 1),
        "p95_ms": round(percentile(samples_ms, 95), 1),
        "mean_ms": round(statistics.fmean(samples_ms), 1),
        "max_ms": round(max(samples_ms), 1),
    }


def ratio(ours: float | None, baseline: float | None, digits: int = 2) -> float | None:
    """ours / baseline (None when either is missing or the baseline is zero)."""
    if ours is None or baseline in (None, 0):
        return None
    return round(ours / baseline, digits)


def machine() -> dict[str, Any]:
    """What ran the benchmark and how busy it was (1/5/15-minute load averages)."""
    load = os.getloadavg() if hasattr(os, "getloadavg") else (None, None, None)
    return {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "loadavg": [round(x, 2) for x in load if x is not None],
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def write_result(name: str, data: dict[str, Any], out_dir: Path | None = None) -> Path:
    """benchmarks/results/<name>.json (stable key order, newline at the end)."""
    folder = out_dir or RESULTS
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def child_env(home: Path | None = None) -> dict[str, str]:
    """Environment for a benchmark subprocess: the repo importable, telemetry off, optional PNS_HOME."""
    from foundation.settings import disable_telemetry

    disable_telemetry()
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    if home is not None:
        env["PNS_HOME"] = str(home)
    return env


def pns_command() -> list[str]:
    """How to run `pns`: the installed console script next to this Python, else the module entry point."""
    script = Path(sys.executable).parent / "pns"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from assistant.cli import main; main()"]


def timed_run(cmd: Sequence[str], env: dict[str, str], timeout_s: float, cwd: Path | None = None) -> dict[str, Any]:
    """Run a command to completion; wall seconds, exit code and the tails of its output."""
    started = time.perf_counter()
    try:
        proc = subprocess.run(list(cmd), env=env, cwd=cwd or REPO, capture_output=True, timeout=timeout_s)
    except subprocess.TimeoutExpired as exc:
        return {"wall_s": round(time.perf_counter() - started, 3), "rc": None, "timed_out": True,
                "stdout": (exc.stdout or b"")[-2000:].decode("utf-8", "replace"),
                "stderr": (exc.stderr or b"")[-2000:].decode("utf-8", "replace")}
    return {
        "wall_s": round(time.perf_counter() - started, 3),
        "rc": proc.returncode,
        "timed_out": False,
        "stdout": proc.stdout.decode("utf-8", "replace"),
        "stderr": proc.stderr[-4000:].decode("utf-8", "replace"),
    }


def json_or_empty(text: str) -> Any:
    """Parse a command's JSON output; {} when it printed something else (the caller reports the failure)."""
    try:
        return json.loads(text)
    except ValueError:
        return {}


def rss_bytes(pid: int) -> dict[str, int]:
    """Resident memory of a process from /proc: current (VmRSS) and peak (VmHWM), plus its children's RSS."""
    def status(p: int) -> dict[str, int]:
        out: dict[str, int] = {}
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                key, _, value = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    out[key] = int(value.split()[0]) * 1024
        except OSError:
            pass
        return out

    own = status(pid)
    children = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid:
            children += status(int(entry.name)).get("VmRSS", 0)
    return {"rss": own.get("VmRSS", 0), "peak_rss": own.get("VmHWM", 0), "children_rss": children}


def mib(n: int | float | None) -> float | None:
    return None if n is None else round(n / 2**20, 1)


def prepared_home(home: Path | None, prefix: str) -> tuple[Path, dict[str, str], Any]:
    """A PNS_HOME with a built index (a temp one unless given), its child env, and the temp dir to clean up.

    Why: benchmarks that start `pns` processes need an index first; building it here keeps the build out
    of the timed part.
    """
    import tempfile

    tmp = None
    if home is None:
        tmp = tempfile.TemporaryDirectory(prefix=prefix)
        home = Path(tmp.name)
    env = child_env(home)
    if not (home / "index" / "current.json").exists():
        built = timed_run([*pns_command(), "index", "build", "--no-progress"], env, 600)
        if built["rc"] != 0:
            raise SystemExit(f"index build failed: {built['stderr'][-500:]}")
    return home, env, tmp



def report_items(run_dir: str) -> list[dict[str, Any]]:
    """The per-item rows of the newest `pns eval run` report JSON in `run_dir` (the check-bank scorers' input)."""
    report = sorted(Path(run_dir).glob("eval-*.json"))[-1]
    return json.loads(report.read_text())["items"]
