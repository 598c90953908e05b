"""What the last fetch of each reference found, kept next to the manifest (sources/fetch_log.json).

Why a log besides the manifest: the manifest lists what we hold; the log also remembers what we
could not get and why (paywall, 403, rate limited ...) and when we tried, which `pns corpus status`
and the references tab report, and which lets an interrupted run resume where it stopped.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from corpus.errors import CorpusError
from corpus.models import FetchRecord
from foundation.atomic_files import atomic_write_json

FETCH_LOG = "fetch_log.json"


def read_log(sources_dir: Path) -> dict[str, FetchRecord]:
    """reference id -> its latest record; {} when nothing was fetched yet."""
    path = sources_dir / FETCH_LOG
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {r["reference_id"]: FetchRecord.model_validate(r) for r in data.get("results", [])}
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, TypeError, AttributeError, KeyError, ValidationError) as exc:
        raise CorpusError(f"{path}: unreadable fetch log ({exc}); delete it to start the log afresh") from None


def record(sources_dir: Path, rec: FetchRecord) -> None:
    """Replace the reference's record (atomic write: an interrupted run keeps every earlier record)."""
    log = read_log(sources_dir)
    log[rec.reference_id] = rec
    body = {"version": 1, "results": [r.model_dump(exclude_none=True) for _, r in sorted(log.items())]}
    atomic_write_json(sources_dir / FETCH_LOG, body)
