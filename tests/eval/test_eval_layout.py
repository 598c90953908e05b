"""The eval stage stays small and keeps its metrics in one place (issue 10)."""

from __future__ import annotations

import ast
from pathlib import Path

from eval.metrics.catalog import METRICS

EVAL = Path(__file__).resolve().parents[2] / "eval"
MODULES = sorted(EVAL.rglob("*.py"))


def test_no_module_over_400_lines_and_no_function_over_80() -> None:
    long_modules = {str(p.relative_to(EVAL)): n for p in MODULES if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long_modules
    long_functions = []
    for path in MODULES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = node.end_lineno - node.lineno + 1  # type: ignore[operator]
                if size > 80:
                    long_functions.append((str(path.relative_to(EVAL)), node.name, size))
    assert not long_functions


def test_metrics_are_registered_once_and_only_the_catalog_lists_them() -> None:
    names = [m.name for m in METRICS]
    assert len(names) == len(set(names))
    assert all(callable(m.per_item) and m.label and m.description for m in METRICS)
    # the report and the plots read the metric list from the report record, never from a list of their own
    for module in ("report.py", "report_markdown.py", "report_html.py", "plots.py"):
        source = (EVAL / module).read_text(encoding="utf-8")
        assert "eval.metrics.catalog" not in source and "faithfulness" not in source, module
