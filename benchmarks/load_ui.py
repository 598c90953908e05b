"""Load test of the web app: N concurrent simulated users, each asking M questions through gradio_client.

It starts the real `pns serve` in its own process on a free 127.0.0.1 port (building the index into
--home first if there is none), then runs the users as threads, each a separate gradio_client
session with its own follow-up history, and checks every answer: no errors, the fixed disclaimer
at the end, citations on answered questions. Latency p50/p95 and throughput go to
benchmarks/results/load_ui.json. Everything is bounded: M questions per user, a per-request timeout
and an overall deadline, after which it stops by itself and the server is terminated.

Run: .venv/bin/python -m benchmarks.load_ui [--users 20] [--questions 10] [--home DIR] [--url URL]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "results" / "load_ui.json"

# A mix of what patients ask: definitions, symptoms, diagnosis, treatment, follow-ups, off-topic and urgent.
QUESTIONS = [
    "What are paraneoplastic syndromes?",
    "Which cancers are most often linked to paraneoplastic syndromes?",
    "What are the common neurological symptoms?",
    "How is it diagnosed?",
    "What treatments are used?",
    "What is Lambert-Eaton myasthenic syndrome?",
    "Can these syndromes appear before the cancer is found?",
    "What is the prognosis?",
    "How common are paraneoplastic syndromes around the world?",
    "What blood tests or antibodies are checked?",
    "What does hypercalcemia have to do with cancer?",
    "Are there integrative or complementary approaches?",
    "What research is being done?",
    "What is Trousseau's syndrome?",
    "What is the capital of France?",
    "My mother is having a seizure right now, what do I do?",
    "Should I stop my chemotherapy?",
    "What skin symptoms can occur?",
    "How is small cell lung cancer related?",
    "What is the role of the immune system?",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(round(q / 100 * len(ordered) + 0.5))))
    return ordered[rank - 1]


def start_server(home: Path, port: int, log_path: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ)  # PNS_* settings (e.g. PNS_MAX_CONCURRENCY) apply to the server too; --home wins over PNS_HOME
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    log = log_path.open("wb")
    return subprocess.Popen(
        [sys.executable, "-c", "from assistant.cli import main; main()", "--home", str(home), "serve", "--port", str(port)],
        cwd=REPO,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )


def wait_until_up(url: str, proc: subprocess.Popen[bytes] | None, timeout_s: float) -> float:
    import httpx

    started = time.monotonic()
    with httpx.Client(trust_env=False) as http:
        while time.monotonic() - started < timeout_s:
            if proc is not None and proc.poll() is not None:
                raise SystemExit(f"server exited early with code {proc.returncode}")
            try:
                if http.get(url + "config", timeout=2).status_code == 200:
                    return time.monotonic() - started
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
    raise SystemExit(f"server did not answer on {url} within {timeout_s:.0f} s")


def run_user(user: int, url: str, n_questions: int, timeout_s: float, deadline: float, results: list[dict[str, Any]], lock: threading.Lock) -> None:
    from gradio_client import Client

    from assistant.disclaimer import has_disclaimer

    try:
        client = Client(url, verbose=False)
    except Exception as exc:  # noqa: BLE001 - counted as errors for every question of this user
        with lock:
            results.extend({"user": user, "i": i, "ok": False, "error": f"connect: {exc}"} for i in range(n_questions))
        return
    history: list[dict[str, str]] = []
    for i in range(n_questions):
        if time.monotonic() > deadline:
            with lock:
                results.append({"user": user, "i": i, "ok": False, "error": "overall deadline reached"})
            continue
        question = QUESTIONS[(user * 7 + i) % len(QUESTIONS)]
        t0 = time.perf_counter()
        record: dict[str, Any] = {"user": user, "i": i, "question": question}
        try:
            answer = client.submit(question, history[-6:], api_name="/ask").result(timeout=timeout_s)
            record["latency_ms"] = (time.perf_counter() - t0) * 1000
            record["status"] = answer["status"]
            record["disclaimer"] = has_disclaimer(answer["answer"])
            record["citations"] = len(answer["citations"])
            record["ok"] = answer["status"] != "error"
            if not record["ok"]:
                record["error"] = answer["answer"][:200]
            history += [{"role": "user", "content": question}, {"role": "assistant", "content": answer["answer"]}]
        except Exception as exc:  # noqa: BLE001 - every failure is counted, none stops the run
            record.update(ok=False, latency_ms=(time.perf_counter() - t0) * 1000, error=f"{type(exc).__name__}: {exc}")
        with lock:
            results.append(record)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--questions", type=int, default=10, help="questions per user")
    parser.add_argument("--home", type=Path, default=None, help="PNS_HOME with (or to build) the index; default: a temp dir")
    parser.add_argument("--url", default=None, help="use an already running server instead of starting one")
    parser.add_argument("--timeout", type=float, default=180.0, help="per-request timeout, seconds")
    parser.add_argument("--deadline", type=float, default=900.0, help="overall limit for the user phase, seconds")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    from foundation.settings import disable_telemetry

    disable_telemetry()
    proc = tmp = startup_s = None
    if args.url:
        url = args.url.rstrip("/") + "/"
        wait_until_up(url, None, 30)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="pns-load-") if args.home is None else None
        url, proc, startup_s = serve_for_load(Path(tmp.name) if tmp else args.home)
    try:
        results, wall = run_users(url, args.users, args.questions, args.timeout, args.deadline)
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
        if tmp is not None:
            tmp.cleanup()
    report = load_report(results, wall, args.users * args.questions, args, url, startup_s)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0 if report["ok"] else 1


def serve_for_load(home: Path) -> tuple[str, subprocess.Popen, float]:
    """Start `pns serve` on a free loopback port with `home`; (url, process, seconds until it answered)."""
    home.mkdir(parents=True, exist_ok=True)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log_path = home / "load_ui-server.log"
    print(f"starting pns serve on {url} (home {home}; log {log_path})", file=sys.stderr)
    proc = start_server(home, port, log_path)
    startup_s = wait_until_up(url, proc, 600)
    print(f"server up after {startup_s:.1f} s", file=sys.stderr)
    return url, proc, startup_s


def run_users(url: str, users: int, questions: int, timeout: float, deadline_s: float) -> tuple[list[dict[str, Any]], float]:
    """`users` threads asking `questions` each; (their results, wall seconds)."""
    results: list[dict[str, Any]] = []
    lock = threading.Lock()
    started = time.monotonic()
    deadline = started + deadline_s
    threads = [threading.Thread(target=run_user, args=(u, url, questions, timeout, deadline, results, lock), daemon=True)
               for u in range(users)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()) + timeout + 5)
    return results, time.monotonic() - started


def load_report(results: list[dict[str, Any]], wall: float, expected: int, args: argparse.Namespace, url: str,
                startup_s: float | None) -> dict[str, Any]:
    """The JSON report: completed, errors, disclaimers, statuses, latency and throughput."""
    from foundation.settings import Settings

    done = [r for r in results if "status" in r]
    latencies = [r["latency_ms"] for r in done]
    errors = [r for r in results if not r.get("ok")]
    missing = expected - len(results)
    no_disclaimer = [r for r in done if not r["disclaimer"]]
    return {
        "benchmark": "load_ui",
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "server": {"url": url if args.url else "pns serve on 127.0.0.1 (subprocess)", "startup_s": startup_s,
                   "max_concurrency": Settings().ui.max_concurrency, "answerer": Settings().answer.answerer},
        "users": args.users,
        "questions_per_user": args.questions,
        "requests": expected,
        "completed": len(done),
        "errors": len(errors) + missing,
        "error_samples": [r.get("error") for r in errors[:5]],
        "missing_disclaimer": len(no_disclaimer),
        "answered_without_citations": len([r for r in done if r["status"] == "answered" and not r["citations"]]),
        "statuses": dict(Counter(r["status"] for r in done)),
        "latency_ms": {
            "p50": round(percentile(latencies, 50), 1) if latencies else None,
            "p95": round(percentile(latencies, 95), 1) if latencies else None,
            "max": round(max(latencies), 1) if latencies else None,
            "mean": round(statistics.fmean(latencies), 1) if latencies else None,
        },
        "wall_s": round(wall, 2),
        "throughput_rps": round(len(done) / wall, 2) if wall else None,
        "ok": not errors and not missing and not no_disclaimer,
    }


if __name__ == "__main__":
    raise SystemExit(main())
