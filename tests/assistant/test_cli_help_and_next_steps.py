"""Help shows flags as flags, and an unreachable Chroma server names the step that fixes it."""

from __future__ import annotations

import socket

import pytest
from typer.testing import CliRunner

from assistant.disclaimer import has_disclaimer
from foundation.settings import Settings

COMMANDS = [[], ["corpus"], ["corpus", "refs"], ["corpus", "links"], ["corpus", "sections"], ["corpus", "show"],
            ["corpus", "status"], ["corpus", "fetch"], ["index"], ["index", "build"], ["index", "status"], ["ask"],
            ["serve"], ["mcp"], ["feedback"], ["feedback", "export"], ["feedback", "summary"]]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "pns")
def test_help_shows_flags_without_a_value_type(command: list[str]) -> None:
    from assistant.cli import app

    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "--help" in result.output and "<bool>" not in result.output


def test_flags_still_work_and_still_take_no_value(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from assistant.cli import app

    runner = CliRunner()
    assert runner.invoke(app, ["--home", str(tmp_path), "corpus", "refs", "--json"]).exit_code == 0
    wrong = runner.invoke(app, ["--home", str(tmp_path), "corpus", "refs", "--json=yes"])
    assert wrong.exit_code != 0 and "does not take a value" in wrong.output


def _unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_closed_chroma_url_says_start_it_or_unset_it(built_index_home: Settings) -> None:
    from assistant.api import Assistant

    url = f"http://127.0.0.1:{_unused_port()}"
    answer = Assistant(built_index_home.override(index={"chroma_url": url})).ask("What is Trousseau syndrome?")
    assert answer.status == "error" and has_disclaimer(answer.answer)
    assert f"cannot reach Chroma server at {url}" in answer.body
    assert "unset PNS_CHROMA_URL" in answer.body and "chroma run" in answer.body
    assert "pns index build" not in answer.body  # rebuilding cannot help while the server is down
