"""Read hand-written JSONL files into typed models, naming the file and line of the first problem.

Why shared: the evaluation sets (v1, v2) and the label files are all written by hand, so each needs
the same loud failure — "evalset_v2.jsonl:41: required_facts.0.quote: Field required" — rather than a
pydantic traceback or a silently skewed report.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from eval.errors import EvalError
from foundation.errors import first_problem

M = TypeVar("M", bound=BaseModel)


def parse_jsonl(lines: Iterable[str], model: type[M], source: str, key: Callable[[M], str] | None = None) -> list[M]:
    """Validate every non-blank line as `model`; `key` names a field that must be unique (e.g. the id)."""
    rows: list[M] = []
    seen: set[str] = set()
    for no, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{source}:{no}: not valid JSON ({exc.msg})") from exc
        if not isinstance(data, dict):
            raise EvalError(f"{source}:{no}: expected a JSON object")
        try:
            row = model.model_validate(data)
        except ValidationError as exc:
            where, problem = first_problem(exc, "item")
            raise EvalError(f"{source}:{no}: {where}: {problem}") from exc
        if key is not None:
            if key(row) in seen:
                raise EvalError(f"{source}:{no}: duplicate id {key(row)!r}")
            seen.add(key(row))
        rows.append(row)
    if not rows:
        raise EvalError(f"{source}: no rows")
    return rows


def read_lines(path: Path, what: str) -> list[str]:
    """The file's lines; a missing or non-UTF-8 file becomes an EvalError naming `what` and the path."""
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise EvalError(f"{what} not found: {path}") from exc
    except UnicodeDecodeError as exc:
        raise EvalError(f"{what} is not UTF-8 text: {path}") from exc
