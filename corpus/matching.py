"""Which bibliography entry a user's file is: by a DOI it carries, else by its title (rapidfuzz).

Why strict: attaching a file to the wrong reference would make answers cite one paper for what
another says. So a match needs either a DOI of the bibliography (in the file's metadata, or the
only bibliography DOI in its text, or the first one on its first page), or a title that scores at
least TITLE_MIN against one entry's title and leads the next entry by TITLE_MARGIN. Anything
weaker or ambiguous is refused with the candidates listed, and `--ref ID` settles it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from corpus.errors import CorpusError
from corpus.models import Reference
from corpus.readers import Extracted, find_dois

TITLE_MIN = 90.0       # rapidfuzz token_sort_ratio (0..100) of a candidate title line against an entry's title
TITLE_MARGIN = 10.0    # the best entry must beat the runner-up by this much
FIRST_PAGE_CHARS = 3000
TITLE_LINES = 6


@dataclass(frozen=True)
class Match:
    reference_id: str
    method: str  # 'given', 'doi-metadata', 'doi-text' or 'title'
    score: float | None = None
    detail: str = ""


class MatchError(CorpusError):
    """No bibliography entry could be chosen for a file; `candidates` are the closest entries."""

    def __init__(self, message: str, candidates: Sequence[tuple[str, float]] = ()) -> None:
        super().__init__(message)
        self.candidates = list(candidates)


def match_reference(extracted: Extracted, references: Sequence[Reference], name: str) -> Match:
    """The reference `extracted` is the text of, or MatchError saying why none was chosen."""
    by_doi = {r.doi: r for r in references if r.doi}
    if extracted.doi and extracted.doi in by_doi:
        return Match(by_doi[extracted.doi].id, "doi-metadata", detail=f"DOI {extracted.doi} in the file's metadata")
    found = [d for d in find_dois(extracted.text) if d in by_doi]
    if len(found) == 1:
        return Match(by_doi[found[0]].id, "doi-text", detail=f"DOI {found[0]} in the text")
    if len(found) > 1:
        head = [d for d in find_dois(extracted.text[:FIRST_PAGE_CHARS]) if d in by_doi]
        if len(head) == 1:
            return Match(by_doi[head[0]].id, "doi-text", detail=f"DOI {head[0]} on the first page")
        ids = [(by_doi[d].id, 100.0) for d in found]
        raise MatchError(
            f"{name}: carries the DOIs of several references ({', '.join(found)}); choose one with --ref "
            f"({', '.join(i for i, _ in ids)})", ids,
        )
    return _match_title(extracted, references, name)


def _match_title(extracted: Extracted, references: Sequence[Reference], name: str) -> Match:
    from rapidfuzz import fuzz, utils

    candidates = title_candidates(extracted)
    scored: list[tuple[str, float, str]] = []
    for ref in references:
        best = max(((fuzz.token_sort_ratio(ref.title, c, processor=utils.default_process), c) for c in candidates),
                   default=(0.0, ""))
        scored.append((ref.id, round(best[0], 1), best[1]))
    scored.sort(key=lambda s: -s[1])
    top = [(i, s) for i, s, _ in scored[:3]]
    listed = "; ".join(f"{i} ({s:.0f})" for i, s in top)
    doi_note = f" Its DOI {extracted.doi} is not in the bibliography." if extracted.doi else ""
    if not scored or scored[0][1] < TITLE_MIN:
        raise MatchError(
            f"{name}: no bibliography entry matches it well enough (no bibliography DOI found; best title scores: "
            f"{listed}; {TITLE_MIN:.0f} needed).{doi_note} Choose one with --ref ID (see `pns corpus refs`).", top,
        )
    if len(scored) > 1 and scored[0][1] - scored[1][1] < TITLE_MARGIN:
        raise MatchError(
            f"{name}: its title matches more than one bibliography entry ({listed}); choose one with --ref ID.", top,
        )
    ref_id, score, line = scored[0]
    return Match(ref_id, "title", score, detail=f"title {line[:80]!r} matches ({score:.0f}/100)")


def title_candidates(extracted: Extracted) -> list[str]:
    """What the file calls itself: its metadata title and its first few non-empty lines."""
    lines = [ln.strip().lstrip("#").strip() for ln in extracted.text[:FIRST_PAGE_CHARS].splitlines()]
    out = [extracted.title] if extracted.title else []
    out += [ln for ln in lines if len(ln) >= 4][:TITLE_LINES]
    return list(dict.fromkeys(c for c in out if c))
