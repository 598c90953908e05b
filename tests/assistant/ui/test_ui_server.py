"""The real server on 127.0.0.1, queried through gradio_client: answers, citations, disclaimer, API, limits, auth."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from assistant.disclaimer import DISCLAIMER, has_disclaimer
from assistant.ui.security import MAX_REQUEST_BYTES

from ui_support import (
    REPO_ROOT,
    SOURCE_FACT,
    SOURCE_FACT_PAGE,
    SOURCE_FILE,
    SOURCE_PAGES,
    SOURCE_QUESTION,
    SOURCE_REF,
    UIServer,
    free_port,
    launch,
)

pytestmark = pytest.mark.server


def client_for(url: str, **kwargs):  # type: ignore[no-untyped-def]
    from gradio_client import Client

    return Client(url, verbose=False, **kwargs)


def test_api_lists_the_stable_endpoints(ui_server: UIServer) -> None:
    api = client_for(ui_server.url).view_api(print_info=False, return_format="dict")
    assert {"/ask", "/references", "/export", "/feedback"} <= set(api["named_endpoints"])
    assert not any(name.startswith("/lambda") for name in api["named_endpoints"])


def test_ask_returns_a_cited_answer_with_the_disclaimer(ui_server: UIServer) -> None:
    answer = client_for(ui_server.url).predict("What are paraneoplastic syndromes?", [], api_name="/ask")
    assert answer["status"] == "answered"
    assert has_disclaimer(answer["answer"]) and answer["disclaimer"] == DISCLAIMER
    assert answer["citations"], "an answered question must carry citations"
    chunk_texts = set(answer["contexts"])
    for c in answer["citations"]:
        assert f"[{c['marker']}]" in answer["answer"]
        assert c["quote"] and c["section"] and c["end"] > c["start"]
        assert any(c["quote"] in t or t in c["quote"] for t in chunk_texts) or c["source_id"] == "article"
        for r in c["references"]:
            assert r["doi"] or r["url"]


def test_follow_up_uses_the_history(ui_server: UIServer) -> None:
    client = client_for(ui_server.url)
    first = client.predict("What is Lambert-Eaton myasthenic syndrome?", [], api_name="/ask")
    history = [
        {"role": "user", "content": "What is Lambert-Eaton myasthenic syndrome?"},
        {"role": "assistant", "content": first["answer"]},
    ]
    follow = client.predict("How is it treated?", history, api_name="/ask")
    assert has_disclaimer(follow["answer"])
    assert follow["standalone_question"] and follow["standalone_question"] != "How is it treated?"


def test_unsupported_and_emergency_statuses_still_carry_the_disclaimer(ui_server: UIServer) -> None:
    client = client_for(ui_server.url)
    off = client.predict("What is the capital of France?", [], api_name="/ask")
    assert off["status"] in ("out_of_scope", "not_found") and has_disclaimer(off["answer"])
    urgent = client.predict("My husband is having a seizure right now, what do I do?", [], api_name="/ask")
    assert urgent["status"] == "emergency" and has_disclaimer(urgent["answer"])


def test_question_length_is_enforced_server_side(ui_server: UIServer) -> None:
    limit = ui_server.settings.answer.max_question_chars
    answer = client_for(ui_server.url).predict("why " * (limit // 4 + 10), [], api_name="/ask")
    assert answer["status"] == "invalid_input" and str(limit) in answer["answer"] and has_disclaimer(answer["answer"])


def test_a_malformed_history_is_explained_by_the_assistant(ui_server: UIServer) -> None:
    """The UI passes the history through; the Assistant's own check names the bad turn."""
    answer = client_for(ui_server.url).predict("How is it treated?", [{"role": "robot", "content": "hi"}], api_name="/ask")
    assert answer["status"] == "invalid_input" and "turn 1" in answer["body"] and has_disclaimer(answer["answer"])


def test_oversized_requests_are_rejected_before_gradio(ui_server: UIServer) -> None:
    body = b"x" * (MAX_REQUEST_BYTES + 1)
    with httpx.Client(trust_env=False) as http:
        r = http.post(ui_server.url + "gradio_api/queue/join", content=body, headers={"content-type": "application/json"})
        assert r.status_code == 413
        up = http.post(ui_server.url + "gradio_api/upload", files={"files": ("a.txt", b"y" * 4096)})
        assert up.status_code >= 400


def test_references_search_and_export(ui_server: UIServer) -> None:
    client = client_for(ui_server.url)
    refs = client.predict("", "", api_name="/references")
    assert len(refs) >= 21 and all({"id", "authors", "year", "title", "doi", "url", "full_text", "sections"} <= set(r) for r in refs)
    assert [r["id"] for r in client.predict("varki", "", api_name="/references")] == ["varki2007"]
    years = [r["year"] or 0 for r in client.predict("", "year_desc", api_name="/references")]
    assert years == sorted(years, reverse=True)
    bib = client.predict(["varki2007", "graber2023"], "bibtex", api_name="/export")
    assert "@article{varki2007" in bib and "@article{graber2023" in bib and bib.count("@") == 2
    ris = client.predict([], "ris", api_name="/export")
    assert ris.count("TY  - ") == len(refs)
    assert {r["coverage"] for r in refs} == {"metadata_only"} and all(r["source"]["sha256"] is None for r in refs)
    with pytest.raises(Exception, match="No indexed text is held for varki2007"):
        client.predict("varki2007", 1, api_name="/indexed_text")
    # an id the bibliography does not hold is named, never an empty export or "metadata only"
    with pytest.raises(Exception, match=r"unknown reference id\(s\): nobody1999; /references lists the ids"):
        client.predict(["varki2007", "nobody1999"], "bibtex", api_name="/export")
    with pytest.raises(Exception, match="There is no reference with id 'nobody1999'"):
        client.predict("nobody1999", 1, api_name="/indexed_text")


def test_a_cited_source_is_cited_by_page_listed_as_full_text_and_readable(source_server: UIServer) -> None:
    """The home holds a synthetic PDF for varki2007: the answer cites its page, /references reports its coverage
    and provenance, /indexed_text returns that page's text."""
    client = client_for(source_server.url)
    answer = client.predict(SOURCE_QUESTION, [], api_name="/ask")
    (cited,) = [c for c in answer["citations"] if "37 of 120 patients" in c["quote"]]
    assert (cited["source"], cited["page"]) == (SOURCE_REF, SOURCE_FACT_PAGE) and has_disclaimer(answer["answer"])
    refs = {r["id"]: r for r in client.predict("", "", api_name="/references")}
    varki = refs[SOURCE_REF]
    assert (varki["coverage"], varki["full_text"], varki["source"]["origin"]) == ("full_text", True, "user")
    assert varki["source"]["original_name"] == SOURCE_FILE and varki["source"]["pages"] == SOURCE_PAGES
    assert len(varki["source"]["sha256"]) == 64 and "pypdf" in varki["source"]["extractor"]
    assert sum(r["coverage"] == "metadata_only" for r in refs.values()) == len(refs) - 1
    page = client.predict(SOURCE_REF, SOURCE_FACT_PAGE, api_name="/indexed_text")
    assert (page["label"], page["page"], page["pages"]) == ("Varki 2007, p. 5", SOURCE_FACT_PAGE, SOURCE_PAGES)
    assert SOURCE_FACT in page["text"] and page["source"]["sha256"] == varki["source"]["sha256"]
    assert client.predict(SOURCE_REF, 99, api_name="/indexed_text")["page"] == SOURCE_PAGES


def test_feedback_endpoint_persists_rows(ui_server: UIServer) -> None:
    before = ui_server.feedback.count()
    saved = client_for(ui_server.url).predict("down", "an answer", "a question", "answered", "too vague", api_name="/feedback")
    assert saved["saved"] is True
    row = ui_server.feedback.rows(limit=1)[0]
    assert (row.id, row.rating, row.comment, row.question) == (saved["id"], "down", "too vague", "a question")
    assert ui_server.feedback.count() == before + 1


def test_concurrent_sessions_write_feedback_safely(ui_server: UIServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    before = ui_server.feedback.count()

    def rate(i: int) -> int:
        return client_for(ui_server.url).predict("up", f"answer {i}", f"question {i}", "answered", "", api_name="/feedback")["id"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = list(pool.map(rate, range(24)))
    assert len(set(ids)) == 24 and ui_server.feedback.count() == before + 24
    with sqlite3.connect(ui_server.feedback.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_configured_login_is_enforced(ui_assistant, built_index_home, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    secured = built_index_home.override(ui={"auth_user": "clinician", "auth_password": "correct horse"})
    from assistant.ui.security import auth_for

    server = launch(secured, ui_assistant, tmp_path, auth=auth_for("127.0.0.1", secured))
    try:
        with pytest.raises(Exception):
            client_for(server.url).predict("", "", api_name="/references")
        with httpx.Client(trust_env=False) as http:
            assert http.get(server.url + "config").status_code == 401
        refs = client_for(server.url, auth=("clinician", "correct horse")).predict("", "", api_name="/references")
        assert len(refs) >= 21
    finally:
        server.demo.close()


def test_pns_serve_refuses_a_public_interface_without_login(built_index_home) -> None:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", "from assistant.cli import main; main()", "--home", str(built_index_home.home), "serve", "--host", "0.0.0.0"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**_clean_env(), "PYTHONPATH": str(REPO_ROOT)},
    )
    assert proc.returncode == 1
    assert "refusing to bind 0.0.0.0" in proc.stderr and "PNS_AUTH_USER" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert time.monotonic() - started < 30  # refused before loading models or building anything


def _clean_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if not k.startswith("PNS_")}


def test_pns_serve_starts_on_loopback_and_answers(built_index_home) -> None:  # type: ignore[no-untyped-def]
    """The real command in its own process: builds nothing (index exists), warms up, serves 127.0.0.1."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from assistant.cli import main; main()", "--home", str(built_index_home.home), "serve", "--port", str(port)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**_clean_env(), "PYTHONPATH": str(REPO_ROOT)},
    )
    try:
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 180
        with httpx.Client(trust_env=False) as http:
            while True:
                assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
                try:
                    if http.get(url + "config", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, "pns serve did not come up"
                time.sleep(0.5)
        answer = client_for(url).predict("What are paraneoplastic syndromes?", [], api_name="/ask")
        assert answer["status"] == "answered" and has_disclaimer(answer["answer"])
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_the_documented_client_example_runs(ui_server: UIServer, capsys: pytest.CaptureFixture[str]) -> None:
    """The README's gradio_client snippet (app.API_EXAMPLE), run verbatim against the real server."""
    from assistant.ui.app import API_EXAMPLE

    code = API_EXAMPLE.replace("http://127.0.0.1:7860/", ui_server.url)
    namespace: dict[str, object] = {}
    exec(compile(code, "API_EXAMPLE", "exec"), namespace)  # noqa: S102 - our own documented snippet
    out = capsys.readouterr().out
    assert "\nanswered " in out and DISCLAIMER in out
    assert "@article{varki2007" in str(namespace["bib"])


def test_the_readme_shows_the_client_example_verbatim() -> None:
    from assistant.ui.app import API_EXAMPLE

    assert API_EXAMPLE in (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_serve_builds_nothing_when_the_index_exists(built_index_home, capsys) -> None:  # type: ignore[no-untyped-def]
    from assistant.ui.serve_cli import make_sure_an_index_exists

    status = make_sure_an_index_exists(built_index_home)
    assert status["built"] is False and status["chunks"] > 0
    assert "building" not in capsys.readouterr().err


@pytest.mark.slow
def test_serve_builds_a_missing_index(settings, capsys) -> None:  # type: ignore[no-untyped-def]
    from assistant.ui.serve_cli import make_sure_an_index_exists
    from index.store import open_index

    assert make_sure_an_index_exists(settings)["built"] is True
    assert "building it now" in capsys.readouterr().err
    assert open_index(settings).status()


def test_pns_serve_reports_a_taken_port_at_once(built_index_home) -> None:  # type: ignore[no-untyped-def]
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run(
            [sys.executable, "-c", "from assistant.cli import main; main()", "--home", str(built_index_home.home), "serve", "--port", str(port)],
            cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, env={**_clean_env(), "PYTHONPATH": str(REPO_ROOT)},
        )
    assert proc.returncode == 1 and f"cannot listen on 127.0.0.1:{port}" in proc.stderr and "Traceback" not in proc.stderr
