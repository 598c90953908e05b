"""Index-test fixtures: one loaded embedding model per session, and a real `chroma run` server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.settings import Settings


@pytest.fixture(scope="session")
def embedder():
    """The real bundled model, loaded once and memoising passage vectors by text.

    Builds in these tests share it, so each test does not reload the model or re-embed the same
    45 passages (the build's own accounting of what needed embedding is unaffected).
    """
    from pydantic import PrivateAttr

    from index.embedding import BundledEmbedding

    class MemoisingEmbedding(BundledEmbedding):
        _memo: dict = PrivateAttr(default_factory=dict)

        def embed(self, texts, batch_size=None, progress=False):
            missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
            for text, vector in zip(missing, super().embed(missing, batch_size, progress)):
                self._memo[text] = vector
            return [list(self._memo[t]) for t in texts]

    model = MemoisingEmbedding(Settings().embedding_model)
    model.warm_up()
    return model


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def unused_port() -> int:
    """A loopback port nothing listens on (for 'server is down' tests)."""
    return free_port()


def chroma_binary() -> Path:
    path = Path(sys.executable).parent / "chroma"
    if not path.exists():
        pytest.skip("the chromadb package's `chroma` CLI is not installed next to this Python")
    return path


def wait_for_heartbeat(port: int, proc: subprocess.Popen, timeout: float = 30.0) -> None:
    import urllib.request

    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never via a proxy
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"chroma run exited early with code {proc.returncode}")
        try:
            with opener.open(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"chroma run did not answer on 127.0.0.1:{port} within {timeout:.0f} s")


class ChromaServer:
    """A real `chroma run` process on a free loopback port."""

    def __init__(self, data_dir: Path, log_path: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._log = log_path.open("w")
        env = os.environ | {"ANONYMIZED_TELEMETRY": "False"}
        self.proc = subprocess.Popen(
            [str(chroma_binary()), "run", "--host", "127.0.0.1", "--port", str(self.port), "--path", str(data_dir)],
            stdout=self._log, stderr=subprocess.STDOUT, env=env,
        )
        wait_for_heartbeat(self.port, self.proc)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._log.close()


@pytest.fixture
def chroma_server(tmp_path: Path) -> Iterator[ChromaServer]:
    """A real Chroma server for one test, stopped afterwards (tests may stop it earlier)."""
    server = ChromaServer(tmp_path / "chroma-server", tmp_path / "chroma.log")
    try:
        yield server
    finally:
        server.stop()
