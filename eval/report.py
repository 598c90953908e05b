"""Write an eval report as JSON, Markdown and HTML (+ plots), and optionally publish it as `latest`.

Why three formats: JSON is the record (every item, every score, the judge, the index build),
Markdown is what a reviewer reads in the repository, HTML is for a browser without a Markdown viewer.
NaN never reaches the JSON (it is written as null) so any JSON reader can load a report.
"""

from __future__ import annotations

import json
import math
import shutil
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from eval.errors import EvalError
from eval.plots import PLOTS
from eval.report_html import render_html
from eval.report_markdown import render_markdown


def default_reports_dir() -> Path:
    """eval/reports beside this module (the committed location in a source checkout)."""
    return Path(__file__).resolve().parent / "reports"


def clean(value: Any) -> Any:
    """Replace NaN/inf with None, recursively, so the JSON is standard."""
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else value
    if isinstance(value, dict):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    return value


def _write_set(data: dict[str, Any], out_dir: Path, stem: str, plots: dict[str, str]) -> dict[str, Path]:
    md = render_markdown(data, plots)
    paths = {"json": out_dir / f"{stem}.json", "md": out_dir / f"{stem}.md", "html": out_dir / f"{stem}.html"}
    paths["json"].write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    paths["md"].write_text(md, encoding="utf-8")
    paths["html"].write_text(render_html(md), encoding="utf-8")
    return paths


def reports_dir(out_dir: Path | None = None) -> Path:
    """The report folder, created and checked writable now: a run that takes minutes (hours with a judge) must
    not end unable to save what it measured, so `pns eval run` asks for this before it evaluates anything."""
    import tempfile

    out_dir = out_dir or default_reports_dir()
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=out_dir):
            pass
    except OSError as exc:
        raise EvalError(f"cannot write reports to {out_dir}: {exc.strerror or exc}; choose a writable folder "
                        "with --out") from exc
    return out_dir


def write_report(report: dict[str, Any], out_dir: Path | None = None, publish: bool = False,
                 stamp: str | None = None) -> dict[str, Path]:
    """Write `<stamp>.json/.md/.html` + plots into out_dir; with publish also `latest.*`. Returns the paths."""
    out_dir = reports_dir(out_dir)
    stamp = stamp or "eval-" + datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    data = clean(report)
    plots = {name: draw(data, out_dir / f"{stamp}-{name}.png").name for name, draw in PLOTS.items()}
    paths = _write_set(data, out_dir, stamp, plots)
    paths |= {f"plot-{name}": out_dir / file for name, file in plots.items()}
    if publish:
        latest = {}
        for name, file in plots.items():
            shutil.copyfile(out_dir / file, out_dir / f"latest-{name}.png")
            latest[name] = f"latest-{name}.png"
        paths |= {f"latest_{k}": v for k, v in _write_set(data, out_dir, "latest", latest).items()}
    return paths
