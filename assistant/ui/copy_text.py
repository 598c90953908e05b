"""What the copy buttons put on the clipboard: one reference in a chosen format, or a whole answer with the
passages and references behind it and the disclaimer last.

Pasting an answer into a note must not lose its sources or its disclaimer, so the copied text always carries
both. Reference text comes from the corpus's exporters and citation styles (through the CorpusView and
assistant.answer_text), never formatted here.
"""

from __future__ import annotations

import logging
import re

from assistant.answer_text import answer_with_references
from assistant.models import Answer
from assistant.ui.references import ReferenceEntry
from corpus.corpus import CorpusView
from foundation.errors import PNSError

log = logging.getLogger(__name__)
_LIST_NUMBER = re.compile(r"^\s*1\.\s+")
ANSWER_STYLE = "vancouver"  # what clinicians paste into notes (NLM/Vancouver, via citeproc-py)


def reference_copy_text(view: CorpusView, entry: ReferenceEntry, fmt: str) -> str:
    """One reference as `fmt` writes it (a numbered style's "1. " dropped: a single entry has no number)."""
    try:
        text = view.export([entry.ref], fmt).strip()
    except PNSError:  # an exporter that cannot write this entry: the printed fields are still worth copying
        text = _plain_reference(entry.ref.authors, entry.ref.year, entry.ref.title, entry.ref.container, entry.ref.doi, entry.ref.url)
    return _LIST_NUMBER.sub("", text, count=1)


def _plain_reference(authors: list[str], year: int | None, title: str, container: str | None, doi: str | None,
                     url: str | None) -> str:
    who = "; ".join(authors) or "Anonymous"
    where = f" {container}." if container else ""
    link = f" https://doi.org/{doi}" if doi else (f" {url}" if url else "")
    return f"{who} ({year or 'n.d.'}). {title}.{where}{link}"


def answer_copy_text(answer: Answer, view: CorpusView, style: str = ANSWER_STYLE) -> str:
    """The answer to paste into a note: body with its [n] markers, the cited passages, the related references in
    `style` (assistant.answer_text, the same text the MCP `ask` tool gives), the disclaimer last."""
    try:
        return answer_with_references(answer, view.references, style)
    except PNSError as exc:  # a damaged citation-style install: the answer and its disclaimer are still worth copying
        log.warning("could not format the references of an answer: %s", exc)
        return answer.answer
