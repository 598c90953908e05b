"""The shape of the code, checked: one-way imports between stages, the UI on the API, small modules and functions.

Data flows one way: foundation -> corpus -> index -> assistant -> eval. `foundation` is the ground floor
(settings, errors, CLI helpers, bundled models, LLM backends): every stage may import it, it imports no
stage. The root CLI reaches the eval stage only through the `pns.commands` entry point. The web UI talks
to the Assistant API and reads the corpus only through its read-only view. No module is over 400 lines
and no function over 80 (measured with ast, like everything here).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
STAGES = ["foundation", "corpus", "index", "assistant", "eval"]
CHECKED_FOR_SIZE = [*STAGES, "benchmarks", "tests"]
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80
# What the UI may read from corpus/: the value types and the read-only corpus view (assistant.corpus_view()).
UI_CORPUS_MODULES = {"corpus.models", "corpus.corpus"}

# Every module is split by what it owns: nothing is exempt from the size limits.
OVERSIZED_MODULES_BEING_SPLIT: set[str] = set()
OVERLONG_FUNCTIONS_BEING_SPLIT: set[str] = set()


def modules(*folders: str) -> Iterator[Path]:
    for folder in folders:
        yield from sorted(p for p in (REPO / folder).rglob("*.py") if "__pycache__" not in p.parts)


def imported_modules(path: Path) -> set[str]:
    """Dotted names a module imports (`from corpus import models` counts as corpus.models), type-only imports too."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def imported_top_levels(path: Path) -> set[str]:
    return {name.split(".")[0] for name in imported_modules(path)}


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


@pytest.mark.parametrize("stage", STAGES)
def test_stage_imports_only_itself_and_earlier_stages(stage: str) -> None:
    later = set(STAGES[STAGES.index(stage) + 1 :])
    offenders = {rel(p): sorted(imported_top_levels(p) & later) for p in modules(stage) if imported_top_levels(p) & later}
    assert not offenders, f"{stage} imports a later stage: {offenders}"


def test_foundation_is_the_ground_floor() -> None:
    """Every stage may import foundation; foundation imports none of them (not even for type hints)."""
    stages = set(STAGES) - {"foundation"}
    offenders = {rel(p): sorted(imported_top_levels(p) & stages) for p in modules("foundation")
                 if imported_top_levels(p) & stages}
    assert not offenders, f"foundation imports a stage: {offenders}"


def test_root_cli_reaches_eval_only_through_the_entry_point() -> None:
    assert "eval" not in imported_top_levels(REPO / "assistant" / "cli.py")
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'eval = "eval.cli:app"' in pyproject


# The serve command's one call into the index stage: make sure an index exists before serving.
UI_INDEX_CALLS = {("assistant/ui/serve_cli.py", "index.build")}


def test_the_ui_uses_the_assistant_api_and_the_corpus_view_only() -> None:
    """assistant/ui imports nothing from index/ and from corpus/ only the value types and the read-only view."""
    offenders: dict[str, list[str]] = {}
    for path in modules("assistant/ui"):
        bad = [name for name in imported_modules(path)
               if (name.split(".")[0] == "index" and (rel(path), ".".join(name.split(".")[:2])) not in UI_INDEX_CALLS)
               or (name.split(".")[0] == "corpus" and name != "corpus"
                   and ".".join(name.split(".")[:2]) not in UI_CORPUS_MODULES)]
        if bad:
            offenders[rel(path)] = sorted(bad)
    assert not offenders, f"the UI reaches past the Assistant API: {offenders}"


def test_the_allow_lists_name_only_modules_being_split_elsewhere() -> None:
    listed = OVERSIZED_MODULES_BEING_SPLIT | {f.split(":")[0] for f in OVERLONG_FUNCTIONS_BEING_SPLIT}
    assert all(m.startswith(("assistant/ui/", "eval/")) for m in listed), listed


def test_no_module_is_over_400_lines() -> None:
    sizes = {rel(p): len(p.read_text(encoding="utf-8").splitlines()) for p in modules(*CHECKED_FOR_SIZE)}
    over = {m: n for m, n in sizes.items() if n > MAX_MODULE_LINES and m not in OVERSIZED_MODULES_BEING_SPLIT}
    assert not over, f"modules over {MAX_MODULE_LINES} lines (split them by what they own): {over}"


def test_no_function_is_over_80_lines() -> None:
    over: dict[str, int] = {}
    for path in modules(*CHECKED_FOR_SIZE):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                name = f"{rel(path)}:{node.name}"
                if length > MAX_FUNCTION_LINES and name not in OVERLONG_FUNCTIONS_BEING_SPLIT:
                    over[name] = length
    assert not over, f"functions over {MAX_FUNCTION_LINES} lines (split them into named steps): {over}"
