"""What the copy buttons put on the clipboard: one reference in a chosen format, or a whole answer with the
passages and references behind it and the disclaimer last.

Pasting an answer into a note must not lose its sources or its disclaimer, so the copied text always carries
both. Reference text comes from the corpus's own exporters (through the CorpusView), never formatted here.
"""

from __future__ import annotations

import re

from assistant.disclaimer import with_disclaimer
from assistant.models import Answer, CitedReference
from assistant.ui.references import ReferenceEntry
from corpus.corpus import CorpusView
from foundation.errors import PNSError

_LIST_NUMBER = re.compile(r"^\s*1\.\s+")


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


def _cited_reference(ref: CitedReference) -> str:
    return _plain_reference(ref.authors, ref.year, ref.title, ref.container, ref.doi, ref.url)


def answer_copy_text(answer: Answer) -> str:
    """The answer as plain text: body with its [n] markers, the cited passages, their related references,
    then the disclaimer. An answer without citations (a refusal, an emergency instruction) is its plain text."""
    if not answer.citations:
        return answer.answer
    cited = sorted(answer.citations, key=lambda c: c.marker)
    origins = {(c.article_title, c.article_url) for c in cited}
    one_origin = len(origins) == 1
    passages = [
        f'[{c.marker}] {c.section if one_origin else f"{c.article_title} ({c.article_url}), {c.section}"}: '
        f'"{" ".join(c.quote.split())}"'
        for c in cited
    ]
    heading = "Cited passages, from {} ({}):".format(*next(iter(origins))) if one_origin else "Cited passages:"
    parts = [answer.body, heading + "\n" + "\n".join(passages)]
    related: dict[str, CitedReference] = {}
    for c in answer.citations:
        for ref in c.references:
            related.setdefault(ref.id, ref)
    if related:
        lines = [f"{i}. {_cited_reference(r)}" for i, r in enumerate(related.values(), start=1)]
        parts.append("Related references (inferred from the article's bibliography):\n" + "\n".join(lines))
    return with_disclaimer("\n\n".join(parts), answer.disclaimer)
