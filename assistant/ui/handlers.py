"""The web app's event handlers and API functions: state comes in and goes out explicitly, nothing global.

Imported by `app.build_app` only (so `pns --help` never imports gradio). No `from __future__ import
annotations`: gradio reads handler hints (gr.Request, and the API functions' types for their schema) at runtime.
"""

import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.models import Answer
from assistant.ui import render
from assistant.ui.feedback import FeedbackError
from assistant.ui.reference_table import render_reference_table
from assistant.ui.references import (
    FORMAT_LABELS,
    ReferenceEntry,
    copy_format,
    file_formats,
    search,
    select,
    sort_entries,
)
from assistant.ui.services import MAX_TURNS_KEPT, Services
from assistant.ui.source_reader import clamp_page, reader_page, render_reader, render_reader_message
from foundation.errors import PNSError, quoted

READER_PICK = "Choose a reference above, or press Read text in the table, to read the text the index holds for it."
READER_NONE = (
    "No reference has indexed text yet: all {n} are metadata only, so answers quote the article alone. Whoever runs "
    "this site can add a copy they hold with `pns corpus add FILE` or fetch open-access texts with `pns corpus fetch`, "
    "then run `pns index build`."
)
READER_MISSING = "No indexed text is held for {ref} (metadata only). Choose another reference."
READER_UNKNOWN = "There is no reference with id {ref}; /references lists the ids."
STREAM_MIN_INTERVAL_S = 0.05  # between streamed updates: visible growth, <1 s added per answer
EXPORT_TTL_S = 3600


def transcript(turns: list[dict[str, Any]], pending: tuple[str, str] | None = None) -> str:
    """The conversation's HTML from its stored turns, and the question still being answered (`pending`) last."""
    return render.render_conversation([(t["question"], t["html"]) for t in turns], pending)


def clamp_page_number(page: Any) -> int:
    """The page box's value as a whole number (1 when it holds nothing usable)."""
    try:
        return max(int(float(page)), 1)
    except (TypeError, ValueError, OverflowError):
        return 1


def write_export(text: str, ext: str) -> str:
    """Write an export into a fresh temp folder (gradio serves it from its cache) and prune old ones."""
    root = Path(tempfile.gettempdir()) / "pns-exports"
    root.mkdir(parents=True, exist_ok=True)
    now = time.time()
    for old in root.iterdir():
        try:
            if now - old.stat().st_mtime > EXPORT_TTL_S:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass
    folder = root / uuid.uuid4().hex
    folder.mkdir()
    path = folder / f"paraneoplastic-references.{ext}"
    path.write_text(text, encoding="utf-8")
    return str(path)


class ChatHandlers:
    """The chat tab: ask (streaming), start over, rate the last answer."""

    def __init__(self, svc: Services) -> None:
        self.svc = svc

    def respond(self, question: str, turns: list[dict[str, Any]] | None) -> Iterator[tuple[Any, ...]]:
        """Stream one answer into the transcript. Outputs: transcript, turns, question box, note under the box.

        A question the assistant does not accept (empty, too long, binary ...) adds no turn: its reason and
        next step show under the box, and the question goes back into the box, so nothing typed is lost.
        """
        turns = list(turns or [])
        typed = question if isinstance(question, str) else ""
        shown = " ".join(typed.split())
        if shown:
            yield transcript(turns, (shown, render.render_partial(""))), turns, "", ""
        final: Answer | None = None
        last = 0.0
        for item in self.svc.stream(typed, self.svc.history(turns)):
            if isinstance(item, Answer):
                final = item
                break
            # The assistant computes the whole (checked, cited) answer first and then yields it sentence by
            # sentence; pace those steps slightly so the browser actually shows the answer growing.
            wait = STREAM_MIN_INTERVAL_S - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)
            last = time.monotonic()
            yield transcript(turns, (shown, render.render_partial(item))), turns, "", ""
        assert final is not None  # Services.stream always ends with an Answer
        if final.status == "invalid_input":
            note = render.render_input_note("caution", final.body, render.STATUS_NOTES["invalid_input"][2])
            yield transcript(turns), turns, typed, note
            return
        html = self.svc.render_answer(final, prefix=f"t{len(turns)}-{uuid.uuid4().hex[:6]}")
        turns = (turns + [{"question": shown, "answer": final.model_dump(mode="json"), "html": html}])[-MAX_TURNS_KEPT:]
        yield transcript(turns), turns, "", ""

    def new_conversation(self) -> tuple[str, list[Any], str, str, str]:
        """An empty transcript and turn list; the question box and both notes cleared."""
        return transcript([]), [], "", "", ""

    def rate(self, rating: str, comment: str, turns: list[dict[str, Any]] | None, session: str | None) -> tuple[str, str]:
        """Store a rating of the last answer. Outputs: the status note, the comment box (kept on failure)."""
        if not turns:
            return render.render_input_note("info", "There is no answer to rate yet.", "Ask a question first, then rate the answer."), comment
        last = turns[-1]
        try:
            self.svc.feedback.add(rating=rating, comment=comment, question=last["question"], answer=last["answer"]["answer"],
                                  status=last["answer"]["status"], session_id=session)
        except FeedbackError as exc:
            return render.render_input_note("caution", f"Your feedback could not be saved: {exc}",
                                            "Your comment is kept below; please try again in a moment."), comment
        thanks = "Thank you — your feedback was saved." if rating == "up" else "Thank you — your feedback was saved; we will look into it."
        return render.render_input_note("ok", thanks), ""

    def thumbs_up(self, comment: str, turns: list[dict[str, Any]] | None, request: gr.Request) -> tuple[str, str]:
        return self.rate("up", comment, turns, getattr(request, "session_hash", None))

    def thumbs_down(self, comment: str, turns: list[dict[str, Any]] | None, request: gr.Request) -> tuple[str, str]:
        return self.rate("down", comment, turns, getattr(request, "session_hash", None))


class ReferenceHandlers:
    """The references tab: search/sort/copy-format into the table, export a selection as a file."""

    def __init__(self, svc: Services) -> None:
        self.svc = svc

    def copy_choices(self) -> tuple[list[str], str]:
        """The copy-format picker's labels for the formats the corpus can write, and the one chosen at first."""
        formats = self.svc.export_formats()
        return [FORMAT_LABELS.get(f, f) for f in formats], FORMAT_LABELS.get(copy_format(formats), copy_format(formats))

    def _format_of(self, label: str | None) -> str:
        formats = self.svc.export_formats()
        by_label = {FORMAT_LABELS.get(f, f): f for f in formats}
        return by_label.get(label or "", copy_format(formats))

    def table(self, entries: list[ReferenceEntry], shown: list[ReferenceEntry], copy_label: str | None) -> str:
        """The references table of `shown` (out of `entries`), each row's copy text in the chosen format; a note
        instead when the references could not be loaded."""
        if self.svc.entries_error:
            return render.render_input_note("caution", self.svc.entries_error)
        fmt = self._format_of(copy_label)
        return render_reference_table(shown, len(entries), lambda e: self.svc.copy_text(e, fmt), fmt)

    def filter(self, query: str, how: str, copy_label: str | None) -> str:
        """The table again after a search or a sort change."""
        entries = self.svc.entries()
        return self.table(entries, sort_entries(search(entries, query), how), copy_label)

    # ---- the reader of a reference's indexed text ----
    def reader_intro(self) -> str:
        """What the reader says before anything is chosen: how to choose, or that no text is held at all."""
        if self.svc.reader_choices():
            return render_reader_message(READER_PICK)
        return render_reader_message(READER_NONE.format(n=len(self.svc.entries()) or "the"))

    def read(self, reference_id: str | None, page: Any = 1) -> tuple[str, int]:
        """One page of a reference's indexed text. Outputs: the reader, the page number (clamped)."""
        if not reference_id:
            return self.reader_intro(), 1
        found = self.svc.indexed_text(reference_id)
        if found is None:
            return render_reader_message(READER_MISSING.format(ref=reference_id)), 1
        doc, ref = found
        number = clamp_page(doc, page)
        return render_reader(doc, ref.short, ref.title, number), number

    def read_previous(self, reference_id: str | None, page: Any) -> tuple[str, int]:
        return self.read(reference_id, clamp_page_number(page) - 1)

    def read_next(self, reference_id: str | None, page: Any) -> tuple[str, int]:
        return self.read(reference_id, clamp_page_number(page) + 1)

    def read_from_table(self, evt: gr.EventData) -> tuple[Any, str, int, Any]:
        """A table row's Read button: choose that reference, show its first page, open the reader.
        Outputs: the reference picker, the reader, the page number, the reader's accordion."""
        reference_id = str((getattr(evt, "_data", None) or {}).get("reference_id") or "")
        html, number = self.read(reference_id, 1)
        choices = self.svc.reader_choices()
        value = reference_id if any(ref_id == reference_id for _, ref_id in choices) else None
        return gr.update(choices=choices, value=value), html, number, gr.update(open=True)

    def export_file(self, ids: list[str] | None, fmt_label: str) -> tuple[Any, str]:
        """The chosen references (all when none are chosen) written to a downloadable file in the chosen format."""
        choices = file_formats(self.svc.export_formats())
        fmt, ext = choices.get(fmt_label, ("bibtex", "bib"))
        chosen = select(self.svc.entries(), ids)
        if not chosen:
            return gr.update(value=None), render.render_input_note("caution", self.svc.entries_error or "No references to export.",
                                                                   "Reload the page and try again.")
        try:
            text = self.svc.view().export([e.ref for e in chosen], fmt)
        except PNSError as exc:
            return gr.update(value=None), render.render_input_note("caution", f"The export failed: {exc}",
                                                                   "Try another format, or fewer references.")
        return write_export(text, ext), render.render_input_note("ok", f"Exported {len(chosen)} reference(s) as {fmt_label}.",
                                                                 "Use the download link above.")


class ApiFunctions:
    """The stable JSON endpoints for gradio_client (/ask, /references, /export, /feedback)."""

    def __init__(self, svc: Services) -> None:
        self.svc = svc

    def ask(self, question: str, history: list[dict] | None = None) -> dict:
        """Answer one question. Returns the Answer as JSON: status, body, disclaimer, answer (the body followed by the
        disclaimer), citations (marker, section, quote, start/end offsets, related references with DOI/URL), contexts."""
        return self.svc.answer(question, history).model_dump(mode="json")

    def references(self, query: str = "", sort: str = "") -> list[dict]:
        """The bibliography (21 references) with linked article sections and coverage: `coverage` is full_text,
        abstract or metadata_only, `source` the corpus's coverage record (user file or fetched URL, extractor, pages,
        characters, sha256, when, problem) and `source.last_fetch` the fetch log's record (outcome, detail, at, url asked,
        final_url reached, http_status); `query` filters on any field, `sort` is one of: year_desc, year_asc, author, title, container (or their UI labels)."""
        entries = self.svc.entries()
        if self.svc.entries_error:
            raise gr.Error(self.svc.entries_error)
        return [e.as_dict() for e in sort_entries(search(entries, query), sort)]

    def export(self, ids: list[str] | None = None, format: str = "bibtex") -> str:  # noqa: A002
        """The given reference ids ([] = all) as text: 'bibtex', 'ris', 'csl-json' (and the citation styles the
        server has, e.g. 'vancouver'). An id the bibliography does not hold is an error naming it."""
        try:
            view = self.svc.view()
            return view.export(view.choose(ids, listed_by="/references"), format)
        except PNSError as exc:
            raise gr.Error(str(exc)) from None

    def indexed_text(self, reference_id: str, page: int = 1) -> dict:
        """One page of the text the index holds for a reference (what its citations quote): {reference_id, label,
        page, pages, text, coverage, source{...}}. PDFs page as printed; other files in parts of about one page."""
        found = self.svc.indexed_text(reference_id)
        if found is None:
            if reference_id not in {e.ref.id for e in self.svc.entries()}:
                raise gr.Error(READER_UNKNOWN.format(ref=quoted(reference_id)))
            raise gr.Error(READER_MISSING.format(ref=reference_id))
        doc, ref = found
        shown, total = reader_page(doc, page)
        return {"reference_id": ref.id, "label": f"{ref.short}, {shown.label}", "page": shown.number, "pages": total,
                "text": doc.text[shown.start:shown.end], "coverage": doc.coverage, "paged_as_printed": bool(doc.pages),
                "source": {"file": doc.path, "original_name": doc.original_name, "user_supplied": doc.user_supplied,
                           "origin_url": doc.origin_url, "extractor": doc.extractor, "sha256": doc.sha256,
                           "added_at": doc.added_at, "retrieved_at": doc.retrieved_at}}

    def feedback(self, rating: str, answer: str, question: str = "", status: str = "answered", comment: str = "") -> dict:
        """Store thumbs 'up' or 'down' (+ optional comment) for an answer. Returns {'saved': true, 'id': n}."""
        try:
            row_id = self.svc.feedback.add(rating=rating, comment=comment, question=question, answer=answer, status=status)
        except FeedbackError as exc:
            raise gr.Error(str(exc)) from None
        return {"saved": True, "id": row_id}
