"""The web app's shape: it reaches the answering stack only through the Assistant API and the read-only
CorpusView, stays in small units, and draws no emoji (they need a font many machines lack)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[3] / "assistant" / "ui"
MODULES = sorted(UI.glob("*.py"))
ALLOWED_CORPUS = {"corpus.corpus", "corpus.models"}
# `pns serve` asks the index stage for an index through its one call; nothing else in the UI touches index/.
ALLOWED_INDEX = {"serve_cli.py": {"index.build"}}
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_the_ui_uses_only_the_corpus_view_and_models_and_no_index(path: Path) -> None:
    imported = imported_modules(path)
    corpus = {m for m in imported if m == "corpus" or m.startswith("corpus.")}
    index = {m for m in imported if m == "index" or m.startswith("index.")}
    assert corpus <= ALLOWED_CORPUS, corpus - ALLOWED_CORPUS
    assert index <= ALLOWED_INDEX.get(path.name, set()), index


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_small_modules_and_functions(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) < 400
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= 80, f"{path.name}:{node.name} is {length} lines"


# feedback.py accepts thumbs emoji as ratings from API clients (input, never shown); the browser tests check the page.
@pytest.mark.parametrize("path", [p for p in MODULES if p.name != "feedback.py"], ids=lambda p: p.name)
def test_no_emoji_in_what_the_ui_shows(path: Path) -> None:
    found = EMOJI.findall(path.read_text(encoding="utf-8"))
    assert not found, found


def test_no_hard_coded_history_length() -> None:
    """The conversation sent to the Assistant is bounded by settings.answer.max_history_turns, not a UI constant."""
    for path in MODULES:
        assert "MAX_HISTORY_TURNS" not in path.read_text(encoding="utf-8"), path.name
