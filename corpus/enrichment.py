"""Reading the enrichment records: per article unit, its generated questions, standalone reading and links.

Why a separate reader: answering needs the records (no model at run time), enrichment writes them.
The records for the packaged article are committed as corpus/data/enrichment.jsonl; `pns corpus enrich`
writes HOME/enrichment.jsonl, which takes precedence when present. A record counts only while its unit
still exists with the same text (its key is a hash of section id + text), so an edited article, or a
newly added source, simply has fewer enriched units and answering falls back to the plain sentence.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError

from corpus.errors import CorpusError
from corpus.paths import PACKAGE_DATA
from corpus.units import Unit

ENRICHMENT_FILE = "enrichment.jsonl"
PACKAGED_ENRICHMENT = PACKAGE_DATA / ENRICHMENT_FILE


class SentenceLink(BaseModel):
    """One inferred sentence -> reference link (see corpus/sentence_links.py for how it is decided)."""

    reference_id: str
    score: float
    method: str
    proposed: bool = False
    keyword_score: float = 0.0
    embedding_similarity: float = 0.0
    terms: list[str] = Field(default_factory=list)


class UnitEnrichment(BaseModel):
    """What the local model (checked by code) says about one unit; stamped with how it was made."""

    key: str
    section_id: str
    start: int
    end: int
    text: str
    is_bullet: bool = False
    list_heading: str | None = None
    questions: list[str] = Field(default_factory=list)
    standalone: str
    needs_previous: bool = False
    refers_to: str | None = Field(default=None, description="What the model says the unit's referring phrase means.")
    references: list[SentenceLink] = Field(default_factory=list)
    model: str
    model_sha256: str
    prompt_version: str
    created: str


@dataclass(frozen=True)
class Enrichment:
    """Records by unit key, plus where they came from; `coverage` says how much of the article they cover."""

    records: Mapping[str, UnitEnrichment] = field(default_factory=dict)
    source: str | None = None

    def get(self, unit: Unit) -> UnitEnrichment | None:
        record = self.records.get(unit.key)
        return record if record is not None and record.text == unit.text else None

    def coverage(self, units: Sequence[Unit]) -> dict[str, Any]:
        """Which parts are enriched for these units (shown by `pns index status`)."""
        matched = [r for r in (self.get(u) for u in units) if r is not None]
        return {
            "source": self.source, "units": len(units), "enriched": len(matched),
            "with_questions": sum(bool(r.questions) for r in matched),
            "with_standalone": sum(r.standalone != r.text for r in matched),
            "with_references": sum(bool(r.references) for r in matched),
            "models": sorted({r.model for r in matched}), "prompt_versions": sorted({r.prompt_version for r in matched}),
        }


def enrichment_path(home: Path) -> Path:
    """HOME/enrichment.jsonl when `pns corpus enrich` wrote one, else the committed file."""
    local = home / ENRICHMENT_FILE
    return local if local.is_file() else PACKAGED_ENRICHMENT


def _remedy(path: Path) -> str:
    """What the user can do about a damaged enrichment file: every answer needs it, so the message must say."""
    if path.resolve() == PACKAGED_ENRICHMENT.resolve():
        return "the committed file is damaged: restore it (git checkout corpus/data/enrichment.jsonl, or reinstall)"
    return f"run `pns corpus enrich` again (it resumes from its cache) or delete {path} to use the committed enrichment"


def read_records(path: Path) -> list[UnitEnrichment]:
    """Parse a JSONL file of records; a malformed line is a CorpusError naming the line and what to do about it."""
    records: list[UnitEnrichment] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"enrichment file {path} cannot be read: {exc}; {_remedy(path)}") from None
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            records.append(UnitEnrichment.model_validate(json.loads(line)))
        except (json.JSONDecodeError, ValidationError) as exc:
            raise CorpusError(f"enrichment file {path}, line {n}: not a valid record ({str(exc).splitlines()[0]}); "
                              f"{_remedy(path)}") from None
    return records


def load_enrichment(home: Path, path: Path | None = None) -> Enrichment:
    """The enrichment records in use (no model is loaded); an absent file gives an empty Enrichment."""
    path = path or enrichment_path(home)
    records = read_records(path)
    return Enrichment(records={r.key: r for r in records}, source=str(path) if records else None)


def write_records(records: Iterable[UnitEnrichment], path: Path) -> Path:
    """Write atomically (temp file + rename), one JSON object per line, in the order given."""
    from foundation.atomic_files import atomic_write

    text = "".join(json.dumps(r.model_dump(), ensure_ascii=False) + "\n" for r in records)
    atomic_write(path, text.encode("utf-8"))
    return path
