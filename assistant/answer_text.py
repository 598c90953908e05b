"""An answer as plain text to paste into a note: body, the passages its [n] markers cite, their related
references in a citation style, and the disclaimer last.

Every edge that lets someone copy an answer (the chat's "copy answer with its references", the MCP `ask`
tool) uses this one rendering, so a pasted answer never loses its sources or its disclaimer. The references
are formatted by corpus.citation_styles (citeproc-py), never by hand.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.disclaimer import with_disclaimer
from assistant.models import Answer
from corpus.citation_styles import citation_style, format_references
from corpus.models import Reference

DEFAULT_STYLE = "vancouver"


def cited_reference_ids(answer: Answer) -> list[str]:
    """Ids of the references related to the answer's citations, in the order the markers first name them."""
    return list(dict.fromkeys(r.id for c in answer.citations for r in c.references))


def answer_with_references(answer: Answer, references: Sequence[Reference], style: str = DEFAULT_STYLE) -> str:
    """Plain text: the body with its [n] markers, the cited passages, the related references in `style`
    (numbered for NLM/Vancouver and AMA), then the disclaimer. An answer without citations (a refusal, an
    emergency instruction) is its plain rendering, disclaimer included."""
    chosen = citation_style(style)
    if not answer.citations:
        return answer.answer
    parts = [answer.body]
    sources = {(c.article_title, c.article_url) for c in answer.citations}
    lines = []
    for c in sorted(answer.citations, key=lambda c: c.marker):
        where = f"{c.section}" if len(sources) == 1 else f"{c.article_title}, {c.section} ({c.article_url})"
        lines.append(f'[{c.marker}] {where}: "{c.quote}"')
    if len(sources) == 1:
        title, url = next(iter(sources))
        parts.append(f"Cited passages, from {title} ({url}):\n" + "\n".join(lines))
    else:
        parts.append("Cited passages:\n" + "\n".join(lines))
    by_id = {r.id: r for r in references}
    related = [by_id[i] for i in cited_reference_ids(answer) if i in by_id]
    if related:
        entries = format_references(related, chosen.name)
        numbered = [f"{i}. {e}" if chosen.numeric else e for i, e in enumerate(entries, start=1)]
        parts.append(f"Related references (inferred from the article's bibliography; {chosen.title}):\n"
                     + "\n".join(numbered))
    return with_disclaimer("\n\n".join(parts), answer.disclaimer)


__all__ = ["answer_with_references", "cited_reference_ids", "DEFAULT_STYLE"]
