"""Pure functions that turn an Answer (and the user's question) into the HTML the chat shows.

Everything a user or the corpus wrote passes through `esc` before it reaches markup, here and
nowhere else, so a question containing `<script>` or `<img onerror=...>` is shown as text. Only
markup built by these functions is trusted; links are emitted only for http(s) URLs and DOIs.
No gradio import: these functions are unit-tested on their own and reused by the API.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from assistant.disclaimer import DISCLAIMER
from assistant.models import Answer, Citation, CitedReference
from assistant.ui.icons import icon

_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")
_MARKERS = re.compile(r"\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")
_BULLET = re.compile(r"^\s*[-*\u2022]\s+")

# (css kind, heading, next step) per status; "answered" shows no note. The body (the Assistant's own words)
# says what happened; the note names the kind of reply and what to do next. invalid_input is shown under the
# question box instead, where the question stays to be edited.
STATUS_NOTES: dict[str, tuple[str, str, str]] = {
    "emergency": ("emergency", "This may be a medical emergency", ""),  # the body itself is the next step
    "personal_advice": (
        "caution",
        "I can't give personal medical advice",
        "Take this question to your doctor or care team; the general information here may help you prepare.",
    ),
    "not_found": (
        "info",
        "Not covered by the article",
        "Try asking with the words the article uses, pick an example question, or browse the References tab.",
    ),
    "out_of_scope": ("info", "Outside this assistant's topic", "Ask about their symptoms, causes, diagnosis or treatment."),
    "invalid_input": ("caution", "Question not accepted", "Your question is still in the box: edit it and press Ask."),
    "error": (
        "caution",
        "Something went wrong",
        "Please ask again in a moment. If it keeps failing, whoever runs this site can find the cause in the "
        "log of `pns serve` (set PNS_DEBUG=1 for details).",
    ),
}
# An unavailable search index is fixed where the server runs, not by asking again at once.
INDEX_ERROR_NOTE = (
    "caution",
    "The search index is not available",
    "If you run this site: fix what the message below names (for a Chroma server, start it or check "
    "PNS_CHROMA_URL), then ask again; no restart is needed. Otherwise, please try again later.",
)
INDEX_ERROR_FLAG = "error: IndexStoreError"


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


def status_note(answer: Answer) -> tuple[str, str, str] | None:
    """(kind, heading, next step) for a non-answer, chosen by status and, for errors, by their cause."""
    if answer.status == "error" and INDEX_ERROR_FLAG in answer.flags:
        return INDEX_ERROR_NOTE
    return STATUS_NOTES.get(answer.status)


def render_note(kind: str, heading: str, next_step: str, body_html: str = "") -> str:
    """A status box: icon and heading, the body where it belongs inside (emergencies), and the next step."""
    role = "alert" if kind == "emergency" else "note"
    sign = icon("alert") if kind in ("emergency", "caution") else icon("info")
    next_html = f'<p class="pns-next">{esc(next_step)}</p>' if next_step else ""
    return (
        f'<div class="pns-status pns-status-{kind}" role="{role}">'
        f'<p class="pns-status-heading">{sign}<span>{esc(heading)}</span></p>'
        f"{body_html}{next_html}</div>"
    )


def render_disclaimer(disclaimer: str = DISCLAIMER) -> str:
    return f'<p class="pns-disclaimer" role="note"><strong>Disclaimer:</strong> {esc(disclaimer)}</p>'


def copy_button(text: str, label: str, aria_label: str | None = None) -> str:
    """A button that copies `text` (kept, escaped, in a data attribute) to the clipboard; see scripts.COPY_JS."""
    aria = esc(aria_label or label)
    return (
        f'<button type="button" class="pns-copy" data-copy="{esc(text)}" aria-label="{aria}" title="{aria}">'
        f'{icon("copy")}<span class="pns-copy-label">{esc(label)}</span></button>'
    )


def render_answer(answer: Answer, prefix: str = "a", contexts: Mapping[int, PassageContext] | None = None,
                  copy_text: str | None = None, *, pending: bool = False) -> str:
    """The one place the web UI puts an answer together: status note, body with linked markers, citations,
    a copy control, and the disclaimer last. `pending` marks a body still streaming in (busy, no citations yet)."""
    contexts = contexts or {}
    targets = {} if pending else {c.marker: cite_target(prefix, c.marker) for c in answer.citations}
    body_html = f'<div class="pns-answer-body">{render_body(answer.body, targets) if answer.body else ""}'
    body_html += '<p class="pns-typing">Finding passages and writing the answer…</p></div>' if pending else "</div>"
    cites = "".join(render_citation(c, contexts.get(c.marker), targets[c.marker]) for c in answer.citations if c.marker in targets)
    cites_html = (
        f'<section class="pns-citations" aria-label="Sources for this answer"><p class="pns-citations-title">'
        f"Sources ({len(targets)}) — select a number to see the exact passage</p>{cites}</section>"
        if cites
        else ""
    )
    note = None if pending else status_note(answer)
    top = ""
    if note is not None and answer.status == "emergency":  # the urgent instructions go inside the red alert, first
        top, body_html = render_note(*note, body_html=body_html), ""
    elif note is not None:
        top = render_note(*note)
    label = "Copy answer with its references (NLM/Vancouver)" if answer.citations else "Copy answer"
    tools = f'<div class="pns-tools">{copy_button(copy_text, label)}</div>' if copy_text else ""
    status = "pending" if pending else safe_id(answer.status)
    busy = ' aria-busy="true"' if pending else ""
    return (
        f'<div class="pns-answer pns-answer-{status}" data-status="{status}"{busy}>'
        f"{top}{body_html}{cites_html}{tools}{render_disclaimer(answer.disclaimer)}</div>"
    )


def render_partial(body: str) -> str:
    """An answer body still streaming in: escaped text so far, marked busy, the disclaimer already below it."""
    return render_answer(Answer(status="answered", body=body, disclaimer=DISCLAIMER), pending=True)


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


def render_input_note(kind: str, text: str, next_step: str = "") -> str:
    """A message under the question box (a question not accepted, a feedback problem): what, then what next."""
    sign = icon("check") if kind == "ok" else icon("alert") if kind == "caution" else icon("info")
    role = "alert" if kind == "caution" else "status"
    extra = f" {esc(next_step)}" if next_step else ""
    return f'<div class="pns-note pns-note-{kind}" role="{role}">{sign}<p>{esc(text)}{extra}</p></div>'
