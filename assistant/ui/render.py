"""Pure functions that turn an Answer (and the user's question) into the HTML and Markdown the UI shows.

Everything a user or the corpus wrote passes through `esc` before it reaches markup, here and
nowhere else, so a question containing `<script>` or `<img onerror=...>` is shown as text. Only
markup built by these functions is trusted; links are emitted only for http(s) URLs and DOIs.
No gradio import: these functions are unit-tested on their own and reused by the API.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from assistant.disclaimer import DISCLAIMER
from assistant.models import Answer, Citation, CitedReference

_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")
_MARKERS = re.compile(r"\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")
_BULLET = re.compile(r"^\s*[-*\u2022]\s+")

# (css kind, heading, explanation) per status; "answered" shows no banner.
STATUS_NOTES: dict[str, tuple[str, str, str]] = {
    "emergency": (
        "emergency",
        "This may be a medical emergency",
        "If you or someone with you has severe, sudden or worsening symptoms, call your local "
        "emergency number or go to the nearest emergency department now. Do not wait for an online answer.",
    ),
    "personal_advice": (
        "caution",
        "I can't give personal medical advice",
        "Questions about your own diagnosis, tests or treatment belong with your doctor or care team.",
    ),
    "not_found": (
        "info",
        "Not covered by the article",
        "The article and its cited sources do not support an answer to this question.",
    ),
    "out_of_scope": (
        "info",
        "Outside this assistant's topic",
        "This assistant only answers questions about paraneoplastic syndromes, from one article and its sources.",
    ),
    "invalid_input": ("caution", "Question not accepted", "Please check the question and try again."),
    "error": ("caution", "Something went wrong", "The answer could not be produced. Please try again."),
}


@dataclass(frozen=True)
class PassageContext:
    """The text surrounding a cited passage (its whole section) and where that text starts in the source."""

    text: str
    start: int
    title: str = ""


def esc(text: object) -> str:
    """HTML-escape any value, quotes included (safe inside attributes too)."""
    return html.escape("" if text is None else str(text), quote=True)


def safe_id(text: str) -> str:
    """An id/class fragment with nothing but [A-Za-z0-9_-]."""
    return _SAFE_ID.sub("-", text)[:64] or "x"


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL, else None (no javascript:, data:, relative links)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c in url for c in "\"'<> \n\r\t"):
        return None
    return url


def doi_url(doi: str | None) -> str | None:
    """https://doi.org/<doi> with the DOI percent-encoded where needed."""
    if not doi:
        return None
    return "https://doi.org/" + quote(doi.strip(), safe="/()._;:-")


def link(url: str | None, text: str, label: str | None = None) -> str:
    """An external link opening in a new tab, or the escaped text alone when the URL is unsafe."""
    href = safe_url(url)
    if href is None:
        return esc(text)
    aria = f' aria-label="{esc(label)}"' if label else ""
    return f'<a href="{esc(href)}" target="_blank" rel="noopener noreferrer nofollow"{aria}>{esc(text)}</a>'


def cite_target(prefix: str, marker: int) -> str:
    return f"{safe_id(prefix)}-cite-{marker}"


def _link_markers(escaped: str, targets: Mapping[int, str]) -> str:
    """Turn [n] / [n, m] markers in already-escaped text into buttons that open citation n."""

    def one(number: str) -> str:
        n = int(number)
        if n not in targets:
            return number
        return (
            f'<a class="pns-marker" href="#{targets[n]}" data-target="{targets[n]}" role="button" '
            f'aria-label="Show source passage {n}">{n}</a>'
        )

    def replace(match: re.Match[str]) -> str:
        numbers = re.split(r"\s*[,;]\s*", match.group(1))
        if not any(int(n) in targets for n in numbers):
            return match.group(0)
        return '<span class="pns-markers">[' + ", ".join(one(n) for n in numbers) + "]</span>"

    return _MARKERS.sub(replace, escaped)


def render_body(body: str, targets: Mapping[int, str] | None = None) -> str:
    """Plain answer text -> paragraphs and bullet lists, escaped, with citation markers linked."""
    targets = targets or {}
    out: list[str] = []
    for block in re.split(r"\n\s*\n", body.strip()):
        lines = [ln for ln in block.splitlines() if ln.strip()]
        if not lines:
            continue
        if all(_BULLET.match(ln) for ln in lines):
            items = "".join(f"<li>{_link_markers(esc(_BULLET.sub('', ln)), targets)}</li>" for ln in lines)
            out.append(f"<ul>{items}</ul>")
        else:
            text = "<br>".join(_link_markers(esc(ln.strip()), targets) for ln in lines)
            out.append(f"<p>{text}</p>")
    return "\n".join(out)


def _norm(text: str) -> str:
    return " ".join(text.split())


def locate_quote(context: PassageContext, quote_text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the quote sits inside the context text: the offsets if they agree, else a search, else None."""
    rel_start, rel_end = start - context.start, end - context.start
    in_range = 0 <= rel_start < rel_end <= len(context.text)
    if in_range and _norm(context.text[rel_start:rel_end]) == _norm(quote_text):
        return rel_start, rel_end
    found = context.text.find(quote_text.strip()) if quote_text.strip() else -1
    if found >= 0:
        return found, found + len(quote_text.strip())
    return (rel_start, rel_end) if in_range else None


def render_passage(citation: Citation, context: PassageContext | None, mark_id: str) -> str:
    """The cited passage highlighted inside its surrounding section text (or the quote alone)."""
    span = locate_quote(context, citation.quote, citation.start, citation.end) if context else None
    if context is None or span is None:
        return f'<blockquote class="pns-passage"><mark id="{mark_id}" class="pns-quote">{esc(citation.quote)}</mark></blockquote>'
    s, e = span
    text = context.text
    return (
        '<blockquote class="pns-passage">'
        f"{esc(text[:s])}<mark id=\"{mark_id}\" class=\"pns-quote\">{esc(text[s:e])}</mark>{esc(text[e:])}"
        "</blockquote>"
    )


def render_reference(ref: CitedReference) -> str:
    """One bibliography line: authors (year). Title. Journal. DOI/URL links. Labelled as inferred."""
    authors = ", ".join(ref.authors[:3]) + (" et al." if len(ref.authors) > 3 else "")
    parts = [f"<span class=\"pns-ref-authors\">{esc(authors or 'Anon.')}</span> ({esc(ref.year or 'n.d.')}). "]
    parts.append(f"<cite>{esc(ref.title)}</cite>.")
    if ref.container:
        parts.append(f" <span class=\"pns-ref-container\">{esc(ref.container)}</span>.")
    links = []
    if ref.doi and doi_url(ref.doi):
        links.append("DOI: " + link(doi_url(ref.doi), ref.doi, f"DOI {ref.doi} (opens in a new tab)"))
    if ref.url and safe_url(ref.url) and (not ref.doi or "doi.org" not in ref.url):
        links.append(link(ref.url, urlsplit(ref.url).netloc or "Link", f"Open {ref.title} (new tab)"))
    if links:
        parts.append(" " + " · ".join(links))
    parts.append(f' <span class="pns-ref-relation">({esc(ref.relation)})</span>')
    return f'<li class="pns-ref" data-ref-id="{esc(ref.id)}">' + "".join(parts) + "</li>"


def _snippet(text: str, limit: int = 90) -> str:
    text = " ".join(text.split()).lstrip("-• ")
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def render_citation(citation: Citation, context: PassageContext | None, target: str) -> str:
    """A collapsible citation: section heading, the passage in context, its related references."""
    refs = "".join(render_reference(r) for r in citation.references)
    refs_html = (
        f'<p class="pns-refs-title">Related references</p><ul class="pns-refs">{refs}</ul>'
        if refs
        else '<p class="pns-refs-title">No related references recorded for this section.</p>'
    )
    source = link(citation.article_url, citation.article_title or "Source article")
    return (
        f'<details class="pns-cite" id="{target}" data-marker="{citation.marker}">'
        f'<summary><span class="pns-cite-n">[{citation.marker}]</span> {esc(citation.section)}'
        f'<span class="pns-cite-snippet">“{esc(_snippet(citation.quote))}”</span></summary>'
        f'<div class="pns-cite-body"><p class="pns-cite-source">From {source}, section '
        f"“{esc(citation.section)}”:</p>"
        f"{render_passage(citation, context, target + '-quote')}"
        f"{refs_html}</div></details>"
    )


def render_status_note(status: str) -> str:
    """The banner for a non-answer status; emergency is a red alert at the very top."""
    note = STATUS_NOTES.get(status)
    if note is None:
        return ""
    kind, heading, text = note
    role = "alert" if kind == "emergency" else "note"
    icon = "⚠️ " if kind in ("emergency", "caution") else "ℹ️ "
    return (
        f'<div class="pns-status pns-status-{kind}" role="{role}">'
        f'<p class="pns-status-heading"><span aria-hidden="true">{icon}</span>{esc(heading)}</p>'
        f"<p>{esc(text)}</p></div>"
    )


def render_disclaimer() -> str:
    return f'<p class="pns-disclaimer" role="note"><strong>Disclaimer:</strong> {esc(DISCLAIMER)}</p>'


def render_answer(answer: Answer, prefix: str = "a", contexts: Mapping[int, PassageContext] | None = None) -> str:
    """A whole answer: status banner, body with linked markers, citations, and the disclaimer last."""
    contexts = contexts or {}
    targets = {c.marker: cite_target(prefix, c.marker) for c in answer.citations}
    body = answer.body
    cites = "".join(render_citation(c, contexts.get(c.marker), targets[c.marker]) for c in answer.citations)
    cites_html = (
        f'<section class="pns-citations" aria-label="Sources for this answer"><p class="pns-citations-title">'
        f"Sources ({len(answer.citations)}) — select a number to see the exact passage</p>{cites}</section>"
        if cites
        else ""
    )
    body_html = f'<div class="pns-answer-body">{render_body(body, targets)}</div>'
    if answer.status == "emergency":
        # The urgent instructions themselves go inside the red alert, first thing on screen.
        kind, heading, _ = STATUS_NOTES["emergency"]
        top = (
            f'<div class="pns-status pns-status-{kind}" role="alert">'
            f'<p class="pns-status-heading"><span aria-hidden="true">⚠️ </span>{esc(heading)}</p>{body_html}</div>'
        )
        body_html = ""
    else:
        top = render_status_note(answer.status)
    return (
        f'<div class="pns-answer pns-answer-{safe_id(answer.status)}" data-status="{safe_id(answer.status)}">'
        f"{top}{body_html}{cites_html}{render_disclaimer()}</div>"
    )


def render_partial(body: str) -> str:
    """An answer body still streaming in: escaped text so far, marked busy for assistive tech."""
    return (
        '<div class="pns-answer pns-answer-pending" aria-busy="true">'
        f'<div class="pns-answer-body">{render_body(body) if body else ""}'
        '<p class="pns-typing">Finding passages and writing the answer…</p></div></div>'
    )


def render_question(question: str) -> str:
    return f'<div class="pns-question"><p class="pns-who">You asked</p><p>{esc(question)}</p></div>'


def render_turn(question: str, answer_html: str) -> str:
    return (
        f'<article class="pns-turn">{render_question(question)}'
        f'<div class="pns-reply"><p class="pns-who">Assistant</p>{answer_html}</div></article>'
    )


EMPTY_CONVERSATION = (
    '<div class="pns-empty"><p>Ask a question about paraneoplastic syndromes: what they are, their '
    "symptoms, how they are diagnosed or treated. Every answer cites the exact passage of the article "
    "it comes from; select a number like [1] to read it.</p></div>"
)


def render_conversation(turns: Sequence[tuple[str, str]], pending: tuple[str, str] | None = None) -> str:
    """The transcript: (question, answer_html) turns, plus an in-progress turn if streaming."""
    items = [render_turn(q, a) for q, a in turns]
    if pending is not None:
        items.append(render_turn(*pending))
    inner = "\n".join(items) if items else EMPTY_CONVERSATION
    return f'<div class="pns-log" role="log" aria-live="polite" aria-label="Conversation">{inner}</div>'


# ---------- Markdown (API, exports, logs) ----------

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>])")


def md_escape(text: str) -> str:
    """Escape Markdown syntax and HTML (so a renderer shows the text, never runs it)."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def answer_markdown(answer: Answer) -> str:
    """The answer as Markdown: body, numbered sources with quotes and references, the disclaimer last."""
    body = answer.body
    lines = [html.escape(body, quote=False), ""]
    if answer.citations:
        lines.append("**Sources**")
        lines.append("")
        for c in answer.citations:
            lines.append(f"{c.marker}. *{md_escape(c.section)}* — “{md_escape(c.quote)}”")
            for r in c.references:
                doi = f" https://doi.org/{r.doi}" if r.doi else (f" {r.url}" if safe_url(r.url) else "")
                lines.append(f"   - {md_escape(', '.join(r.authors[:3]))} ({r.year or 'n.d.'}). {md_escape(r.title)}.{doi}")
        lines.append("")
    lines += ["---", answer.disclaimer]
    return "\n".join(lines)


def citation_markers(answer: Answer) -> Iterable[int]:
    return (c.marker for c in answer.citations)


# ---------- References tab ----------


def render_reference_cards(entries: Sequence[object]) -> str:
    """Reference cards for the clinicians' tab: full citation, DOI/URL links, text status, linked sections."""
    if not entries:
        return '<p class="pns-empty">No reference matches this search.</p>'
    cards = []
    for entry in entries:
        ref = entry.ref  # type: ignore[attr-defined]
        details = [f"<cite>{esc(ref.title)}</cite>"]
        if ref.container:
            vol = f", {esc(ref.volume)}" if ref.volume else ""
            iss = f"({esc(ref.issue)})" if ref.issue else ""
            pages = f", {esc(ref.pages)}" if ref.pages else ""
            details.append(f"<span class=\"pns-ref-container\">{esc(ref.container)}</span>{vol}{iss}{pages}")
        links = []
        if ref.doi:
            links.append("DOI: " + link(doi_url(ref.doi), ref.doi, f"DOI {ref.doi} (opens in a new tab)"))
        if ref.url and not (ref.doi and "doi.org" in ref.url):
            links.append("URL: " + link(ref.url, ref.url, f"Open {ref.title} (new tab)"))
        badge_kind = "full" if entry.full_text else "meta"  # type: ignore[attr-defined]
        badge = "Full text indexed" if entry.full_text else "Metadata only"  # type: ignore[attr-defined]
        sections = entry.sections  # type: ignore[attr-defined]
        sec_html = (
            "<ul>" + "".join(f"<li>{esc(s.title)}</li>" for s in sections) + "</ul>"
            if sections
            else "<p>No article section linked.</p>"
        )
        cards.append(
            f'<article class="pns-refcard" id="ref-{safe_id(ref.id)}" aria-labelledby="ref-{safe_id(ref.id)}-h">'
            f'<h3 id="ref-{safe_id(ref.id)}-h">{esc("; ".join(ref.authors) or "Anon.")} ({esc(ref.year or "n.d.")})'
            f' <span class="pns-badge pns-badge-{badge_kind}">{badge}</span></h3>'
            f"<p>{'. '.join(details)}.</p>"
            + (f"<p class=\"pns-ref-links\">{' · '.join(links)}</p>" if links else "")
            + f'<details class="pns-ref-sections"><summary>Linked article sections ({len(sections)}, inferred)</summary>{sec_html}</details>'
            + f'<p class="pns-ref-id">Key: <code>{esc(ref.id)}</code></p></article>'
        )
    return f'<div class="pns-refcards">{"".join(cards)}</div>'
