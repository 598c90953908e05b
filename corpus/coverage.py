"""Per-reference coverage: what the corpus holds for each bibliography entry, from where, and why not more.

Plain functions for every edge that reports it (`pns corpus status`, the web app's references tab):
`coverage_records(settings)` gives one CoverageRecord per reference (full text / abstract / metadata
only, with provenance and the latest fetch's outcome and reason), `coverage_counts(records)` the
totals, and `indexed_text(settings, ref_id)` the verified source document the index was built from
(text, pages, sections), for a viewer that opens it.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from corpus.errors import CorpusError
from corpus.fetch_log import read_log
from corpus.models import CoverageRecord, Reference, SourceDocument
from corpus.sources import load_sources, read_manifest
from foundation.settings import Settings

_log = logging.getLogger(__name__)


def coverage_records(settings: Settings, references: Sequence[Reference] | None = None,
                     sources: Sequence[SourceDocument] | None = None, problems: Sequence[str] = ()) -> list[CoverageRecord]:
    """One record per reference, in bibliography order. A file that fails verification shows as metadata
    only with the reason in `problem`; a broken manifest raises CorpusError (nothing can be verified).

    `sources` and `problems` (the messages of files left out) let a caller that already loaded the
    sources (corpus.corpus.Corpus.load) skip loading them again.
    """
    if references is None:
        from corpus.bibliography import load_references

        references = load_references(settings)
    if sources is None:
        failed: list[CorpusError] = []
        sources = load_sources(settings, list(references), on_error=failed.append)
        problems = [str(p) for p in failed]
    docs = {d.reference_id: d for d in sources}
    sources_dir = settings.resolved_sources_dir
    manifest = read_manifest(sources_dir) if sources_dir.is_dir() else None
    entries = {e.reference_id: e for e in (manifest.sources if manifest else [])}
    try:
        log = read_log(sources_dir)
    except CorpusError as exc:
        _log.warning("%s", exc)
        log = {}
    out = []
    for ref in references:
        entry, doc = entries.get(ref.id), docs.get(ref.id)
        problem = next((p for p in problems if entry is not None and entry.path in p), None)
        base = dict(reference_id=ref.id, short=ref.short, title=ref.title, type=ref.type, last_fetch=log.get(ref.id),
                    origin_url=ref.url or (f"https://doi.org/{ref.doi}" if ref.doi else None))
        if entry is None or doc is None:
            if entry is not None and problem is None:
                problem = f"{entry.path}: no text could be extracted"
            out.append(CoverageRecord(coverage="metadata_only", problem=problem, **base))
            continue
        out.append(CoverageRecord(
            **(base | {"origin_url": entry.origin_url or base["origin_url"]}),
            coverage="abstract" if entry.coverage == "abstract" else "full_text",
            origin="user" if entry.user_supplied else "fetched", file=entry.path, media_type=entry.media_type,
            extractor=doc.extractor, pages=len(doc.pages) or entry.pages, characters=len(doc.text), sha256=doc.sha256,
            original_name=entry.original_name, added_at=entry.added_at, retrieved_at=entry.retrieved_at,
        ))
    return out


def coverage_counts(records: Sequence[CoverageRecord]) -> dict[str, int]:
    counts = {"references": len(records), "full_text": 0, "abstract": 0, "metadata_only": 0}
    for r in records:
        counts[r.coverage] += 1
    counts["failed_last_fetch"] = sum(1 for r in records if r.last_fetch and r.last_fetch.failed)
    return counts


def indexed_text(settings: Settings, reference_id: str) -> SourceDocument | None:
    """The verified source document held for a reference (what its index chunks point into), or None."""
    for doc in load_sources(settings, on_error=lambda exc: _log.warning("skipped a source: %s", exc)):
        if doc.reference_id == reference_id:
            return doc
    return None
