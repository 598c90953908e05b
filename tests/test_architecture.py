"""Data flows one way: corpus -> index -> assistant -> eval. This test keeps it that way.

It parses every module of each stage and fails if one imports a later stage. The root CLI reaches
the eval stage only through the `pns.commands` entry point, never by importing it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
STAGES = ["corpus", "index", "assistant", "eval"]


def imported_top_levels(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("stage", STAGES)
def test_stage_imports_only_itself_and_earlier_stages(stage: str) -> None:
    later = set(STAGES[STAGES.index(stage) + 1 :])
    offenders = {
        str(p.relative_to(REPO)): sorted(imported_top_levels(p) & later)
        for p in (REPO / stage).rglob("*.py")
        if imported_top_levels(p) & later
    }
    assert not offenders, f"{stage} imports a later stage: {offenders}"


def test_root_cli_reaches_eval_only_through_the_entry_point() -> None:
    assert "eval" not in imported_top_levels(REPO / "assistant" / "cli.py")
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'eval = "eval.cli:app"' in pyproject
