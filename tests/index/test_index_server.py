"""Server mode: the same build and query code against a real `chroma run` on 127.0.0.1."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from index.errors import IndexStoreError
from foundation.settings import Settings
from index.build import build_index
from index.chroma import connect, parse_chroma_url
from index.store import open_index

pytestmark = pytest.mark.server


def test_build_and_query_through_a_chroma_server(settings: Settings, embedder, chroma_server) -> None:
    remote = settings.override(index={"chroma_url": chroma_server.url})
    first = build_index(remote, progress=False, embedder=embedder)
    assert first["location"] == chroma_server.url and first["embedded"] == first["chunks"] > 0
    assert not (settings.index_dir / "chroma").exists()  # nothing went to the embedded store

    index = open_index(remote, embedder=embedder)
    hits = index.dense_search("Which treatments remove harmful antibodies from the blood?", 3)
    assert hits[0].chunk.section_id == "treatment-and-management/conventional-medical-treatments"
    assert "plasmapheresis" in index.lexical_search("plasmapheresis", 1)[0].chunk.text.lower()

    again = build_index(remote, progress=False, embedder=embedder)
    assert again["up_to_date"] and again["embedded"] == 0
    forced = build_index(remote, progress=False, force=True, embedder=embedder)
    assert forced["embedded"] == 0 and forced["reused"] == forced["chunks"]  # vectors read back from the server
    assert {c.name for c in connect(remote).list_collections()} == {forced["collection"]}


def test_a_down_server_is_a_message_not_a_trace(settings: Settings, embedder, chroma_server) -> None:
    remote = settings.override(index={"chroma_url": chroma_server.url})
    build_index(remote, progress=False, embedder=embedder)
    chroma_server.stop()
    with pytest.raises(IndexStoreError, match=f"cannot reach Chroma server at {chroma_server.url}"):
        open_index(remote, embedder=embedder)
    with pytest.raises(IndexStoreError, match=f"cannot reach Chroma server at {chroma_server.url}"):
        build_index(remote, progress=False, embedder=embedder)


def test_a_server_that_goes_away_after_opening_is_reported(settings: Settings, embedder, chroma_server) -> None:
    remote = settings.override(index={"chroma_url": chroma_server.url})
    build_index(remote, progress=False, embedder=embedder)
    index = open_index(remote, embedder=embedder)
    chroma_server.stop()
    with pytest.raises(IndexStoreError, match="cannot reach Chroma server"):
        index.dense_search("fatigue", 3)


def test_cli_reports_an_unreachable_server(settings: Settings, unused_port: int) -> None:
    from index.cli import app

    url = f"http://127.0.0.1:{unused_port}"
    result = CliRunner().invoke(app, ["build", "--no-progress"], obj=settings.override(index={"chroma_url": url}))
    assert result.exit_code == 1
    assert f"error: cannot reach Chroma server at {url}" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("url,expected", [
    ("http://127.0.0.1:8000", ("127.0.0.1", 8000, False)),
    ("https://chroma.internal", ("chroma.internal", 443, True)),
    ("localhost:9000", ("localhost", 9000, False)),
])
def test_chroma_urls_are_parsed(url: str, expected: tuple) -> None:
    assert parse_chroma_url(url) == expected


def test_a_malformed_chroma_url_is_an_error() -> None:
    with pytest.raises(IndexStoreError, match="not a URL"):
        parse_chroma_url("ftp://x")
