"""`pns ask` through typer's CliRunner on the real root app: JSON keys, readable output, history files, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.disclaimer import DISCLAIMER

runner = CliRunner()


@pytest.fixture(scope="module")
def asked_json(built_index_home) -> dict:
    result = runner.invoke(app, ["--home", str(built_index_home.home), "ask", "What is Trousseau syndrome?", "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_has_the_documented_keys(asked_json: dict) -> None:
    assert {"status", "answer", "disclaimer", "citations", "contexts"} <= set(asked_json)
    assert asked_json["status"] == "answered"
    assert asked_json["answer"].endswith(DISCLAIMER) and asked_json["disclaimer"] == DISCLAIMER
    citation = asked_json["citations"][0]
    assert {"marker", "chunk_id", "section", "quote", "references"} <= set(citation)
    ref = citation["references"][0]
    assert {"id", "authors", "year", "title", "doi", "url"} <= set(ref)
    assert ref["id"] == "varki2007" and ref["doi"] == "10.1182/blood-2006-10-053736"
    assert asked_json["contexts"] and all(isinstance(c, str) for c in asked_json["contexts"])


def test_readable_output_lists_numbered_sources_and_ends_with_the_disclaimer(built_index_home, tmp_path: Path) -> None:
    history = tmp_path / "history.json"
    history.write_text(json.dumps([{"role": "user", "content": "What is Trousseau syndrome?"},
                                   {"role": "assistant", "content": "A clotting disorder [1]."}]), encoding="utf-8")
    result = runner.invoke(app, ["--home", str(built_index_home.home), "ask", "Which cancers is it usually seen with?",
                                 "--history", str(history)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "(Understood as: Which cancers is Trousseau syndrome usually seen with?)" in out
    assert "pancreatic or lung cancer. [1]" in out
    assert "Sources:" in out and "[1] Symptoms and Clinical Presentation > Common Symptoms" in out
    assert "related reference: Varki" in out and "https://doi.org/10.1182/blood-2006-10-053736" in out
    assert out.rstrip().endswith(DISCLAIMER)


def test_emergency_on_the_command_line(built_index_home) -> None:
    result = runner.invoke(app, ["--home", str(built_index_home.home), "ask", "My mother collapsed and is unconscious"])
    assert result.exit_code == 0
    assert result.stdout.startswith("This sounds like it could be a medical emergency")
    assert result.stdout.rstrip().endswith(DISCLAIMER)


def test_no_index_says_to_run_index_build(pns_home: Path) -> None:
    result = runner.invoke(app, ["ask", "What is PNS?", "--json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["status"] == "error" and "pns index build" in data["answer"] and data["answer"].endswith(DISCLAIMER)
    assert "Traceback" not in result.output


def test_invalid_question_exits_2_with_the_limit(pns_home: Path) -> None:
    result = runner.invoke(app, ["ask", "x" * 1001])
    assert result.exit_code == 2
    assert "limit is 1000 characters" in result.stdout and result.stdout.rstrip().endswith(DISCLAIMER)


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (None, "history file not found"),
        ("{not json", "is not valid JSON (line 1"),
        ('{"turns": 3}', "must hold a JSON list"),
        ('[{"role": "system", "content": "x"}]', "turn 1 must be"),
        ('[{"role": "user", "content": 5}]', "turn 1 must be"),
    ],
)
def test_bad_history_files_get_a_clear_message(tmp_path: Path, content: str | None, needle: str) -> None:
    path = tmp_path / "h.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["ask", "How is it treated?", "--history", str(path)])
    assert result.exit_code == 2
    assert needle in result.output and "Traceback" not in result.output


def test_history_may_be_wrapped_in_an_object(tmp_path: Path) -> None:
    from assistant.ask_cli import read_history

    path = tmp_path / "h.json"
    path.write_text(json.dumps({"history": [{"role": "user", "content": "What is IVIG?", "extra": 1}]}), encoding="utf-8")
    assert read_history(path) == [{"role": "user", "content": "What is IVIG?"}]


def test_ask_module_imports_stay_light() -> None:
    import subprocess
    import sys

    code = ("import sys, assistant.ask_cli, assistant.api, assistant.cli; "
            "heavy = [m for m in ('torch', 'chromadb', 'sentence_transformers', 'gradio', 'ragas') if m in sys.modules]; "
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
