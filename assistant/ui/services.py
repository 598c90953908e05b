"""What the web app's handlers share: the Assistant (answers, corpus view), the feedback store, and the
conversation bookkeeping between them.

The UI reaches the answering stack only through the Assistant API (`ask`, `stream(...).bodies()`,
`corpus_view()`): input checks, history checks and error messages all come from there, so the web app
never repeats a rule the API already enforces. Conversation state lives in each browser session's
gr.State; the objects here are shared read-only (the Assistant is thread-safe) or thread-safe (SQLite).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from assistant.disclaimer import DISCLAIMER
from assistant.models import Answer
from assistant.ui import render
from assistant.ui.copy_text import answer_copy_text, reference_copy_text
from assistant.ui.feedback import FeedbackStore
from assistant.ui.passages import passage_contexts
from assistant.ui.references import ReferenceEntry, choice_label, entries_from, readable
from foundation.errors import PNSError
from foundation.settings import Settings

if TYPE_CHECKING:
    from corpus.corpus import CorpusView
    from corpus.models import Reference, SourceDocument

log = logging.getLogger(__name__)

MAX_TURNS_KEPT = 40  # per session: older turns drop off the transcript so session state stays bounded
ERROR_TEXT = "Sorry, something went wrong while answering. Please ask again."
REFERENCES_UNAVAILABLE = (
    "The reference list could not be loaded ({}). Reload this page to try again; if it persists, whoever runs this "
    "site can check the corpus files that the message names."
)


def error_answer(message: str = ERROR_TEXT) -> Answer:
    """An 'error' Answer for a failure outside the Assistant (which never raises itself)."""
    return Answer(status="error", body=message, disclaimer=DISCLAIMER)


class Services:
    """The Assistant, the feedback store and the reference entries, shared by one app's handlers."""

    def __init__(self, settings: Settings, assistant: Any | None = None, feedback: FeedbackStore | None = None) -> None:
        self.settings = settings
        self._assistant = assistant
        self.feedback = feedback or FeedbackStore.for_settings(settings)
        self.entries_error: str | None = None
        self._copies: dict[tuple[str, str], str] = {}

    @property
    def assistant(self) -> Any:
        """The one Assistant of this app, made on first use so that building the UI loads nothing."""
        if self._assistant is None:
            from assistant.api import Assistant

            self._assistant = Assistant(self.settings)
        return self._assistant

    # ---- corpus (through the Assistant's read-only view) ----
    def view(self) -> "CorpusView":
        """The corpus as the UI may read it: the Assistant's read-only view."""
        return self.assistant.corpus_view()

    def entries(self) -> list[ReferenceEntry]:
        """The explorer's entries from the current corpus; [] (and entries_error set) when it cannot load."""
        try:
            entries = entries_from(self.view())
        except PNSError as exc:  # shown in the tab; the next request tries again
            log.warning("could not load references: %s", exc)
            self.entries_error = REFERENCES_UNAVAILABLE.format(exc)
            return []
        self.entries_error = None
        return entries

    def reader_choices(self) -> list[tuple[str, str]]:
        """(label, reference id) of every reference whose indexed text can be read, for the reader's picker."""
        out = []
        for e in readable(self.entries()):
            size = f"{e.source.pages} pages" if e.source.pages else f"{e.source.characters or 0:,} characters"
            out.append((f"{choice_label(e)} ({e.text_status.lower()}, {size})", e.ref.id))
        return out

    def indexed_text(self, reference_id: str) -> "tuple[SourceDocument, Reference] | None":
        """The verified source document the index holds for a reference, with the reference; None if none."""
        try:
            view = self.view()
        except PNSError as exc:
            log.warning("could not load the corpus: %s", exc)
            return None
        ref, doc = view.reference(reference_id), view.source(reference_id)
        return (doc, ref) if ref is not None and doc is not None and doc.text else None

    def export_formats(self) -> tuple[str, ...]:
        """The formats the corpus can write references in; BibTeX, RIS and CSL-JSON when it cannot load, so that
        the export and copy pickers still have choices."""
        try:
            return self.view().export_formats
        except PNSError:
            return ("bibtex", "ris", "csl-json")

    def copy_text(self, entry: ReferenceEntry, fmt: str) -> str:
        """One reference in `fmt` for its copy button (memoised: the table re-renders on every keystroke)."""
        key = (entry.ref.model_dump_json(), fmt)
        if key not in self._copies:
            if len(self._copies) > 512:  # bounded: a changed corpus leaves old keys behind
                self._copies.clear()
            self._copies[key] = reference_copy_text(self.view(), entry, fmt)
        return self._copies[key]

    # ---- answering ----
    def answer(self, question: object, history: Any = None) -> Answer:
        """The API's Answer for a question; the Assistant checks the question and the history itself."""
        try:
            return self.assistant.ask(question, history)
        except Exception:  # the Assistant never raises; this guards a broken install, not a bad question
            log.exception("ask failed")
            return error_answer()

    def stream(self, question: object, history: list[dict[str, str]]) -> Iterator[str | Answer]:
        """Growing answer bodies, then the final Answer (always exactly one Answer, last)."""
        try:
            run = self.assistant.stream(question, history)
            yield from run.bodies()
            final = run.answer
        except Exception:
            log.exception("streaming answer failed")
            final = None
        yield final if final is not None else error_answer()

    def render_answer(self, answer: Answer, prefix: str) -> str:
        """The answer's HTML with each cited passage shown where it stands (article section, source page,
        bibliography entry), and its copy text."""
        try:
            contexts = passage_contexts(self.view(), answer.citations, answer.body)
        except Exception:  # showing the quote alone is better than no answer
            log.exception("passage context lookup failed")
            contexts = {}
        return render.render_answer(answer, prefix, contexts, copy_text=answer_copy_text(answer, self.view()))

    def history(self, turns: list[dict[str, Any]]) -> list[dict[str, str]]:
        """The conversation so far as API history (the bodies, not the repeated disclaimer), newest kept."""
        history: list[dict[str, str]] = []
        for turn in turns:
            history.append({"role": "user", "content": turn["question"]})
            history.append({"role": "assistant", "content": turn["answer"]["body"]})
        return history[-self.settings.answer.max_history_turns :]
