"""Shared fixtures: every test gets its own PNS_HOME, and no test may open a non-loopback socket."""

from __future__ import annotations

import ipaddress
import os
import socket
from pathlib import Path

import pytest

from foundation.settings import Settings, disable_telemetry

disable_telemetry()
REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "test-artifacts"


def _is_loopback(address: object) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if isinstance(host, bytes):
        host = host.decode()
    if not isinstance(host, str):
        return True  # AF_UNIX paths and the like
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False  # a host name other than localhost: would need DNS and the network


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any test that tries to reach beyond 127.0.0.0/8 (model hubs, telemetry, the web)."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded_connect(self: socket.socket, address: object) -> object:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            raise ConnectionRefusedError(f"test tried to open a network connection to {address!r}")
        return real_connect(self, address)

    def guarded_connect_ex(self: socket.socket, address: object) -> int:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
            raise ConnectionRefusedError(f"test tried to open a network connection to {address!r}")
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket.socket, "connect_ex", guarded_connect_ex)


@pytest.fixture(autouse=True)
def pns_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point PNS_HOME at a fresh temp dir so tests never touch a user's data."""
    home = tmp_path / "pns-home"
    monkeypatch.setenv("PNS_HOME", str(home))
    for key in [k for k in os.environ if k.startswith("PNS_") and k != "PNS_HOME"]:
        monkeypatch.delenv(key, raising=False)
    return home


@pytest.fixture
def settings(pns_home: Path) -> Settings:
    return Settings(home=pns_home)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


# ---- index fixtures (owner: index helper) ---------------------------------------------------------
@pytest.fixture(scope="session")
def built_index_home(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The real index (article + links, bundled model, embedded Chroma) built once per test session.

    Returns Settings(home=that dir). Treat it as read-only: tests that rebuild or break an index
    must build their own into the per-test PNS_HOME.
    """
    from index.build import build_index

    home = tmp_path_factory.mktemp("built-index-home")
    settings = Settings(home=home, index={"chroma_url": None})
    build_index(settings, progress=False)
    return settings
# ---- end index fixtures ---------------------------------------------------------------------------
