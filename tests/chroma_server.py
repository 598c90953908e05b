"""A real `chroma run` process on a loopback port, for server-mode and fault tests.

One class for every test that needs a Chroma server: it can be started, crashed (SIGKILL) and
restarted on the same port and data folder, which the mid-session restart tests need.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ChromaServer:
    """`chroma run --host 127.0.0.1` on a fixed free port and data folder."""

    def __init__(self, data_dir: Path, log_dir: Path) -> None:
        binary = Path(sys.executable).parent / "chroma"
        if not binary.exists():
            pytest.skip("the chromadb package's `chroma` CLI is not installed next to this Python")
        self.binary = binary
        self.data_dir = data_dir
        self.log_dir = log_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self, timeout: float = 60.0) -> "ChromaServer":
        """Start (or restart) the server and wait for its heartbeat."""
        self.starts += 1
        log_path = self.log_dir / f"chroma-{self.starts}.log"
        with log_path.open("wb") as log:
            self.proc = subprocess.Popen(
                [str(self.binary), "run", "--host", "127.0.0.1", "--port", str(self.port), "--path", str(self.data_dir)],
                stdout=log, stderr=subprocess.STDOUT, env=os.environ | {"ANONYMIZED_TELEMETRY": "False"},
            )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never via a proxy
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma run exited with {self.proc.returncode}; see {log_path}")
            try:
                with opener.open(f"{self.url}/api/v2/heartbeat", timeout=1):
                    return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"chroma run did not answer on {self.url} within {timeout:.0f} s")

    def kill(self) -> None:
        """SIGKILL: a crash, not a polite shutdown."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
