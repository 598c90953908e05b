"""Pure functions that turn an Answer (and the user's question) into the HTML the chat shows.

Everything a user or the corpus wrote passes through `esc` before it reaches markup, here and
nowhere else, so a question containing `<script>` or `<img onerror=...>` is shown as text. Only
markup built by these functions is trusted; links are emitted only for http(s) URLs and DOIs.
The primitives live in assistant/ui/markup.py and one citation's fold-out in citation_view.py; this
module puts an answer, its status note and the conversation together. Markers show as numbered badges
(no brackets on screen); the copy button's text keeps them as [n].
No gradio import: these functions are unit-tested on their own and reused by the API.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from assistant.disclaimer import DISCLAIMER
from assistant.models import Answer
from assistant.ui.citation_view import PassageContext, locate_quote, render_citation, render_passage, render_reference
from assistant.ui.icons import icon
from assistant.ui.markup import copy_button, doi_url, esc, link, safe_id, safe_url

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


def cite_target(prefix: str, marker: int) -> str:
    """The HTML id of citation `marker` in the answer with `prefix`: markers link to it, unique per answer."""
    return f"{safe_id(prefix)}-cite-{marker}"


def _link_markers(escaped: str, targets: Mapping[int, str]) -> str:
    """Turn [n] / [n, m] markers in already-escaped text into buttons that open citation n."""

    def one(number: str) -> str:
        n = int(number)
        if n not in targets:
            return f"[{number}]"
        return (
            f'<a class="pns-marker" href="#{targets[n]}" data-target="{targets[n]}" role="button" '
            f'aria-label="Show source passage {n}">{n}</a>'
        )

    def replace(match: re.Match[str]) -> str:
        numbers = re.split(r"\s*[,;]\s*", match.group(1))
        if not any(int(n) in targets for n in numbers):
            return match.group(0)
        # badges only: the [ ] and commas stay in the copied text (copy_text), not on screen
        return '<span class="pns-markers">' + "".join(one(n) for n in numbers) + "</span>"

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
    """The disclaimer as a note, escaped; every answer ends with it."""
    return f'<p class="pns-disclaimer" role="note"><strong>Disclaimer:</strong> {esc(disclaimer)}</p>'


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
    """The user's question as the transcript shows it, escaped."""
    return f'<div class="pns-question"><p class="pns-who">You asked</p><p>{esc(question)}</p></div>'


def render_turn(question: str, answer_html: str) -> str:
    """One exchange of the transcript: the question, then the assistant's already rendered answer."""
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


__all__ = [  # the primitives and citation parts are re-exported: callers import them from here
    "PassageContext", "copy_button", "doi_url", "esc", "link", "locate_quote", "render_citation", "render_passage",
    "render_reference", "safe_id", "safe_url",
]
