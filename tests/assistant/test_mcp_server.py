"""The MCP server through the SDK's real client: in process, over stdio (`pns mcp` as a subprocess, driven by
the README's snippet verbatim) and over streamable HTTP from a real `pns serve` on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest

from assistant.disclaimer import DISCLAIMER, has_disclaimer
from foundation.settings import Settings

REPO = Path(__file__).resolve().parents[2]
TOOLS = {"ask", "search_references", "get_passage", "export_references"}


def readme_snippet() -> str:
    """The Python block of the README's MCP section, exactly as printed."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### MCP server"):]
    return re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)  # type: ignore[union-attr]


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("PNS_")} | {"PYTHONPATH": str(REPO)}


# -- in process: the tools' contracts -----------------------------------------------------------------
@pytest.fixture(scope="module")
def mcp_server(warm_assistant):  # type: ignore[no-untyped-def]
    from assistant.mcp_server import build_server

    return build_server(warm_assistant.settings, warm_assistant)


async def _call(server: Any, name: str, arguments: dict[str, Any]) -> Any:
    from mcp import Client

    async with Client(server) as client:
        return await client.call_tool(name, arguments)


def test_the_four_tools_are_listed_with_schemas(mcp_server) -> None:  # type: ignore[no-untyped-def]
    from mcp import Client

    async def listing() -> Any:
        async with Client(mcp_server) as client:
            return (await client.list_tools()).tools

    tools = {t.name: t for t in run(listing())}
    assert set(tools) == TOOLS
    assert tools["ask"].input_schema["required"] == ["question"]
    assert tools["export_references"].input_schema["properties"]["format"]["enum"] == [
        "bibtex", "ris", "csl-json", "vancouver", "ama", "apa"]
    assert all(t.annotations and t.annotations.read_only_hint for t in tools.values())
    # the ask result's status field names every status a client can receive, from the one Status literal
    status_field = (tools["ask"].output_schema or {}).get("properties", {}).get("status", {})
    for status in ("answered", "emergency", "unsupported_language", "invalid_input"):
        assert status in status_field.get("description", ""), status_field


@pytest.mark.parametrize(("question", "status"), [
    ("What is Lambert-Eaton myasthenic syndrome?", "answered"),
    ("What is the capital of France?", "out_of_scope"),
    ("My husband is having a seizure right now, what do I do?", "emergency"),
    ("", "invalid_input"),
])
def test_every_ask_result_carries_the_disclaimer(mcp_server, question: str, status: str) -> None:  # type: ignore[no-untyped-def]
    result = run(_call(mcp_server, "ask", {"question": question}))
    answer = result.structured_content
    assert not result.is_error and answer["status"] in (status, "not_found" if status == "out_of_scope" else status)
    assert answer["disclaimer"] == DISCLAIMER and has_disclaimer(answer["answer"]) and DISCLAIMER not in answer["body"]
    assert DISCLAIMER in result.content[0].text  # clients that read only the text content see it too
    if status == "answered":
        assert answer["citations"] and all(f"[{c['marker']}]" in answer["body"] for c in answer["citations"])


def test_a_follow_up_uses_the_history(mcp_server) -> None:  # type: ignore[no-untyped-def]
    history = [{"role": "user", "content": "What is Lambert-Eaton myasthenic syndrome?"},
               {"role": "assistant", "content": "It is a neuromuscular disorder. [1]"}]
    answer = run(_call(mcp_server, "ask", {"question": "How is it treated?", "history": history})).structured_content
    assert answer["standalone_question"] != "How is it treated?" and has_disclaimer(answer["answer"])


def test_get_passage_returns_the_exact_cited_text(mcp_server, warm_assistant) -> None:  # type: ignore[no-untyped-def]
    from corpus.article import load_article
    from corpus.paths import article_path

    cited = warm_assistant.ask("What is Trousseau syndrome?").citations[0]
    passage = run(_call(mcp_server, "get_passage", {"chunk_id": cited.chunk_id})).structured_content
    article = load_article(article_path(warm_assistant.settings))
    assert article.text[passage["start"]:passage["end"]] == passage["text"] and cited.quote in passage["text"]
    assert passage["section"] == cited.section and passage["references"][0]["id"] == "varki2007"


def test_search_references_returns_full_bibliographic_fields(mcp_server) -> None:  # type: ignore[no-untyped-def]
    found = run(_call(mcp_server, "search_references", {"query": "Trousseau blood"})).structured_content
    assert found["count"] == 1
    varki = found["references"][0]
    assert (varki["id"], varki["year"], varki["container"], varki["volume"], varki["issue"], varki["pages"], varki["doi"]) == (
        "varki2007", 2007, "Blood", "110", "6", "1723–1729", "10.1182/blood-2006-10-053736")
    assert run(_call(mcp_server, "search_references", {"query": ""})).structured_content["count"] == 21
    assert [r["id"] for r in run(_call(mcp_server, "search_references", {"query": "Vogrik"})).structured_content["references"]] == ["vogrig2019"]


def test_export_references_in_each_format(mcp_server) -> None:  # type: ignore[no-untyped-def]
    ids = ["varki2007", "graber2023"]
    bib = run(_call(mcp_server, "export_references", {"ids": ids, "format": "bibtex"})).structured_content
    assert bib["count"] == 2 and "@article{varki2007" in bib["text"]
    ama = run(_call(mcp_server, "export_references", {"ids": ids, "format": "ama"})).structured_content["text"]
    assert ama.splitlines()[0].startswith("1. Graber JJ.") and "1723-1729" in ama  # the article's order, AMA page ranges
    everything = run(_call(mcp_server, "export_references", {"format": "ris"})).structured_content
    assert everything["count"] == 21 and everything["text"].count("TY  - ") == 21


@pytest.mark.parametrize(("tool", "arguments", "message"), [
    ("get_passage", {"chunk_id": "not-a-chunk"}, "no passage with id 'not-a-chunk'"),
    ("get_passage", {"chunk_id": "x" * 20000}, "… (20000 characters) in the index"),
    ("export_references", {"ids": ["nobody1999"], "format": "apa"}, "unknown reference id(s): nobody1999"),
    ("export_references", {"ids": [], "format": "chicago"}, "Input should be 'bibtex'"),
    ("ask", {"question": "why?", "history": [{"role": "robot", "content": "x"}]}, "Input should be 'user' or 'assistant'"),
])
def test_failures_are_tool_errors_with_a_message(mcp_server, tool: str, arguments: dict, message: str) -> None:  # type: ignore[no-untyped-def]
    result = run(_call(mcp_server, tool, arguments))
    text = result.content[0].text
    assert result.is_error and message in text and "Traceback" not in text


def test_a_missing_index_is_a_message_naming_the_fix(settings: Settings) -> None:
    from assistant.mcp_server import build_server

    server = build_server(settings)  # an empty PNS_HOME: nothing built
    passage = run(_call(server, "get_passage", {"chunk_id": "abc"}))
    assert passage.is_error and "pns index build" in passage.content[0].text and "Traceback" not in passage.content[0].text
    answer = run(_call(server, "ask", {"question": "What is PNS?"})).structured_content
    assert answer["status"] == "error" and "pns index build" in answer["body"] and has_disclaimer(answer["answer"])


# -- over stdio: `pns mcp` as a real subprocess ---------------------------------------------------
@pytest.mark.server
def test_readme_client_snippet_runs_verbatim_over_stdio(built_index_home: Settings, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's snippet starts `pns mcp` from PATH with the client's minimal environment (HOME, PATH)."""
    bin_dir, home = tmp_path / "bin", tmp_path / "home"
    bin_dir.mkdir()
    (home / ".local" / "share").mkdir(parents=True)
    (home / ".local" / "share" / "pns").symlink_to(built_index_home.home)  # the default PNS_HOME of that HOME
    launcher = bin_dir / "pns"
    launcher.write_text(f'#!/bin/sh\nPYTHONPATH="{REPO}" exec "{sys.executable}" -c "from assistant.cli import main; main()" "$@"\n')
    launcher.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("HOME", str(home))

    exec(compile(readme_snippet(), "README.md (MCP snippet)", "exec"), {"__name__": "readme"})  # noqa: S102

    out = capsys.readouterr().out
    assert "['ask', 'search_references', 'get_passage', 'export_references']" in out
    assert out.splitlines()[1].startswith("answered ")
    assert DISCLAIMER in out
    assert "Varki A. Trousseau’s syndrome: multiple definitions and multiple mechanisms. Blood. 2007;110(6):1723–9." in out


@pytest.mark.server
@pytest.mark.slow  # a second stdio subprocess (~20 s); the in-process tests above cover the same error paths
def test_stdio_server_reports_errors_as_tool_errors(built_index_home: Settings) -> None:
    from mcp import Client, StdioServerParameters

    params = StdioServerParameters(
        command=sys.executable, args=["-c", "from assistant.cli import main; main()", "--home", str(built_index_home.home), "mcp"],
        env={"PYTHONPATH": str(REPO)}, cwd=str(REPO))

    async def session() -> tuple[Any, Any]:
        async with Client(params) as client:
            missing = await client.call_tool("get_passage", {"chunk_id": "0" * 32})
            answer = await client.call_tool("ask", {"question": "Which tests diagnose paraneoplastic syndromes?"})
            return missing, answer

    missing, answer = run(session())
    assert missing.is_error and "no passage with id" in missing.content[0].text
    assert answer.structured_content["status"] == "answered" and has_disclaimer(answer.structured_content["answer"])


# -- over streamable HTTP: beside the web app in `pns serve` ---------------------------------------
def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for_port(port: int, proc: subprocess.Popen, timeout: float = 180) -> None:  # type: ignore[type-arg]
    import socket

    deadline = time.monotonic() + timeout
    while True:
        assert proc.poll() is None, proc.stdout.read() if proc.stdout else "the server exited"
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        assert time.monotonic() < deadline, f"nothing listening on {port}"
        time.sleep(0.5)


def _stop(proc: subprocess.Popen) -> None:  # type: ignore[type-arg]
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.mark.server
def test_pns_serve_offers_mcp_over_streamable_http(built_index_home: Settings) -> None:
    from mcp import Client

    web, mcp_port = _free_port(), _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from assistant.cli import main; main()", "--home", str(built_index_home.home), "serve",
         "--port", str(web), "--mcp-port", str(mcp_port)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=clean_env())
    try:
        _wait_for_port(mcp_port, proc)

        async def session() -> tuple[set[str], dict[str, Any]]:
            async with Client(f"http://127.0.0.1:{mcp_port}/mcp") as client:
                names = {t.name for t in (await client.list_tools()).tools}
                result = await client.call_tool("ask", {"question": "What are paraneoplastic syndromes?"})
                return names, result.structured_content

        names, answer = run(session())
        assert names == TOOLS
        assert answer["status"] == "answered" and answer["citations"] and has_disclaimer(answer["answer"])
        with httpx.Client(trust_env=False) as http:  # the web app is still there, on its own port
            assert http.get(f"http://127.0.0.1:{web}/config", timeout=10).status_code == 200
    finally:
        _stop(proc)


@pytest.mark.server
def test_http_login_is_enforced_when_configured(warm_assistant) -> None:  # type: ignore[no-untyped-def]
    import httpx2
    from mcp import Client
    from mcp.client.streamable_http import streamable_http_client

    from assistant.mcp_server import start_http

    secured = warm_assistant.settings.override(ui={"auth_user": "clinician", "auth_password": "correct horse"})
    from assistant.ui.security import auth_for

    server = start_http(secured, warm_assistant, host="127.0.0.1", port=_free_port(), auth=auth_for("127.0.0.1", secured))
    try:
        with httpx.Client(trust_env=False) as http:
            refused = http.post(server.url, json={}, headers={"accept": "application/json, text/event-stream"})
            assert refused.status_code == 401 and "login required" in refused.text
            wrong = http.post(server.url, json={}, auth=("clinician", "wrong"))
            assert wrong.status_code == 401

        async def session() -> set[str]:
            async with httpx2.AsyncClient(auth=("clinician", "correct horse"), trust_env=False) as http:
                async with Client(streamable_http_client(server.url, http_client=http)) as client:
                    return {t.name for t in (await client.list_tools()).tools}

        assert run(session()) == TOOLS
    finally:
        server.stop()


@pytest.mark.server
def test_pns_mcp_http_refuses_a_public_interface_without_login(built_index_home: Settings) -> None:
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", "from assistant.cli import main; main()", "--home", str(built_index_home.home),
         "mcp", "--http", "--host", "0.0.0.0"],
        cwd=REPO, capture_output=True, text=True, timeout=60, env=clean_env())
    assert proc.returncode == 1 and "refusing to bind 0.0.0.0" in proc.stderr and "Traceback" not in proc.stderr
    assert time.monotonic() - started < 30
