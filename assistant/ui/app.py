"""The Gradio app: a cited chat for patients, a reference explorer for clinicians, and a small JSON API.

`build_app(settings, assistant=None)` only assembles the Blocks; nothing is loaded at import and the
assistant's models load in `Assistant.warm_up()` (called by `pns serve`) or on the first question.
Conversation state lives in a per-session `gr.State`; the only shared objects are read-only
(the assistant, the reference list) or safe across threads (the SQLite feedback store).

API (stable names for gradio_client): /ask, /references, /export, /feedback. See `API_EXAMPLE`.
"""

# No `from __future__ import annotations`: gradio reads handler hints (gr.Request) at runtime, and
# `gr` is imported inside build_app, so those hints must be real objects, not strings.

import logging
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.disclaimer import DISCLAIMER, with_disclaimer
from assistant.models import Answer
from assistant.ui import render
from assistant.ui.feedback import FeedbackError, FeedbackStore
from assistant.ui.references import (
    COLUMNS,
    SORTS,
    ReferenceEntry,
    choice_label,
    search,
    select,
    sort_entries,
)
from assistant.ui.security import MAX_REQUEST_BYTES, MAX_UPLOAD, BodyLimitMiddleware
from foundation.errors import PNSError
from foundation.settings import Settings

if TYPE_CHECKING:
    import gradio as gr

    from corpus.models import Article, SourceDocument

log = logging.getLogger(__name__)

TITLE = "Paraneoplastic syndromes — ask the article"
EXAMPLES = [
    "What are paraneoplastic syndromes?",
    "Which cancers are most often linked to paraneoplastic syndromes?",
    "What are common neurological symptoms?",
    "How are paraneoplastic syndromes diagnosed?",
    "What treatments are used?",
    "What is Lambert-Eaton myasthenic syndrome?",
]
EXPORT_FORMATS = {"BibTeX (.bib)": ("bibtex", "bib"), "RIS (.ris)": ("ris", "ris")}
MAX_HISTORY_TURNS = 6
MAX_TURNS_KEPT = 40  # per session: older turns drop off the transcript so session state stays bounded
STREAM_MIN_INTERVAL_S = 0.05  # between streamed updates: visible growth, <1 s added per answer
EXPORT_TTL_S = 3600

API_EXAMPLE = '''\
from gradio_client import Client
from corpus.paths import article_path

client = Client("http://127.0.0.1:7860/")          # add auth=("user", "password") if the server has a login
answer = client.predict("What are paraneoplastic syndromes?", [], api_name="/ask")
print(answer["status"], answer["answer"])           # the text always ends with the fixed disclaimer
for c in answer["citations"]:                        # [n] markers -> exact passage + related references
    print(c["marker"], c["section"], c["quote"][:80], [r["doi"] or r["url"] for r in c["references"]])

refs = client.predict("lambert", "Year (newest first)", api_name="/references")   # search + sort
bib = client.predict(["varki2007", "graber2023"], "bibtex", api_name="/export")   # or "ris"; [] = all
client.predict("up", answer["answer"], "What are paraneoplastic syndromes?", answer["status"], "clear", api_name="/feedback")
'''

# Opens the citation a marker points to and scrolls its highlighted quote into view. Attached once to
# the transcript element (event delegation), so it keeps working as the transcript re-renders.
MARKER_JS = """
element.addEventListener('click', (event) => {
  const marker = event.target.closest('a.pns-marker');
  if (!marker || !element.contains(marker)) return;
  event.preventDefault();
  const target = element.querySelector('#' + CSS.escape(marker.dataset.target || ''));
  if (!target) return;
  target.open = true;
  target.classList.add('pns-flash');
  setTimeout(() => target.classList.remove('pns-flash'), 1600);
  const mark = target.querySelector('mark') || target;
  mark.scrollIntoView({behavior: 'smooth', block: 'center'});
  const summary = target.querySelector('summary');
  if (summary) summary.focus({preventScroll: true});
});
// When a new turn appears, bring its start into view (once per turn, not on every streamed update).
let pnsTurns = element.querySelectorAll('.pns-turn').length;
if (typeof watch === 'function') {
  watch('value', () => {
    const turns = element.querySelectorAll('.pns-turn');
    if (turns.length > pnsTurns) turns[turns.length - 1].scrollIntoView({block: 'start', behavior: 'smooth'});
    pnsTurns = turns.length;
  });
}
"""

CSS = """
.gradio-container { width: 100% !important; max-width: min(980px, 100vw) !important; margin: 0 auto !important; }
#pns-ref-table { width: 100%; max-width: 100%; contain: inline-size; }
/* Our boxes have light backgrounds in both themes: pin gradio's text colour variables inside them, so dark
   mode never puts light text on a light box. */
#pns-transcript, #pns-banner, #pns-ref-cards { --body-text-color: #111827; --body-text-color-subdued: #374151;
  --link-text-color: #1d4ed8; --link-text-color-hover: #1e3a8a; --link-text-color-visited: #5b21b6; color: #111827; }
#pns-banner .pns-banner { background: #fff7d6; color: #3b2f00; border: 2px solid #8a6d00; border-radius: 8px;
  padding: 10px 14px; margin: 0; font-size: 0.95rem; line-height: 1.45; }
#pns-banner .pns-banner a { color: #3b2f00; }
.pns-header h1 { font-size: 1.5rem; margin: 0.2rem 0; }
.pns-header p { margin: 0.2rem 0; }
.pns-log { display: flex; flex-direction: column; gap: 14px; }
.pns-turn { display: flex; flex-direction: column; gap: 8px; }
.pns-who { font-size: 0.8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; margin: 0 0 4px 0; color: #374151; }
.pns-question, .pns-reply { border-radius: 10px; padding: 10px 14px; line-height: 1.55; font-size: 1rem; overflow-wrap: anywhere; }
.pns-question { background: #e8f0fe; color: #111827; align-self: flex-end; max-width: 92%; border: 1px solid #c7d7fb; }
.pns-reply { background: #ffffff; color: #111827; border: 1px solid #d1d5db; }
.pns-question p, .pns-reply p { margin: 0 0 .5em 0; color: inherit; }
.pns-reply ul { margin: 0 0 .5em 1.2em; }
.pns-empty { color: #374151; background: #f9fafb; border: 1px dashed #9ca3af; border-radius: 10px; padding: 12px 14px; }
.pns-markers { white-space: nowrap; }
a.pns-marker { display: inline-block; min-width: 1.6em; padding: 0 .3em; margin: 0 1px; text-align: center; border-radius: 6px;
  background: #1d4ed8; color: #ffffff !important; font-weight: 700; font-size: .85em; text-decoration: none; line-height: 1.5; }
a.pns-marker:hover, a.pns-marker:focus-visible { background: #1e3a8a; outline: 3px solid #93c5fd; outline-offset: 1px; }
.pns-citations { margin-top: 10px; border-top: 1px solid #d1d5db; padding-top: 8px; }
.pns-citations-title { font-weight: 700; font-size: .9rem; color: #1f2937; }
details.pns-cite { border: 1px solid #cbd5e1; border-radius: 8px; margin: 6px 0; background: #f8fafc; color: #111827; }
details.pns-cite > summary { cursor: pointer; padding: 8px 10px; font-weight: 600; min-height: 24px; }
details.pns-cite > summary:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
details.pns-cite.pns-flash { box-shadow: 0 0 0 3px #f59e0b; }
.pns-cite-n { color: #1d4ed8; font-weight: 700; }
.pns-cite-body { padding: 0 12px 10px 12px; }
.pns-cite-source { font-size: .9rem; color: #374151; }
blockquote.pns-passage { margin: 6px 0; padding: 8px 12px; border-left: 4px solid #1d4ed8; background: #ffffff; color: #1f2937;
  white-space: pre-wrap; max-height: 22rem; overflow-y: auto; font-size: .95rem; }
mark.pns-quote { background: #fde68a; color: #111827; padding: 0 2px; border-radius: 2px; }
.pns-refs-title { font-weight: 700; font-size: .9rem; margin: 8px 0 2px 0; }
ul.pns-refs { margin: 0 0 0 1.1em; padding: 0; font-size: .92rem; }
ul.pns-refs a, .pns-refcard a, .pns-cite-source a { color: #1d4ed8; text-decoration: underline; padding: 0 !important; }
.pns-ref-relation { color: #4b5563; font-size: .85rem; }
.pns-disclaimer { margin: 10px 0 0 0 !important; padding: 8px 10px; background: #f3f4f6; color: #1f2937 !important;
  border-left: 4px solid #6b7280; font-size: .88rem; border-radius: 4px; }
.pns-status { border-radius: 8px; padding: 10px 12px; margin-bottom: 10px; border: 2px solid; }
.pns-status p { margin: 0 0 .3em 0; }
.pns-status-heading { font-weight: 800; font-size: 1.05rem; }
.pns-status-emergency { background: #fee2e2; color: #7f1d1d; border-color: #b91c1c; }
.pns-status-caution { background: #fff7ed; color: #7c2d12; border-color: #c2410c; }
.pns-status-info { background: #eff6ff; color: #1e3a8a; border-color: #3b82f6; }
.pns-status-emergency .pns-answer-body p { color: #7f1d1d; font-size: 1.02rem; }
.pns-cite-snippet { display: block; font-weight: 400; font-size: .88rem; color: #374151; margin: 2px 0 0 1.6em; }
.pns-typing { color: #4b5563; font-style: italic; }
.pns-refcards { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 400px), 1fr)); gap: 10px; }
.pns-refcard { border: 1px solid #d1d5db; border-radius: 8px; padding: 10px 12px; background: #ffffff; color: #111827; overflow-wrap: anywhere; }
.pns-refcard h3 { font-size: 1rem; margin: 0 0 4px 0; color: #111827; }
.pns-refcard p { margin: 0 0 4px 0; }
.pns-badge { display: inline-block; font-size: .75rem; font-weight: 700; padding: 1px 6px; border-radius: 999px; vertical-align: middle; }
.pns-badge-full { background: #dcfce7; color: #14532d; border: 1px solid #15803d; }
.pns-badge-meta { background: #f3f4f6; color: #374151; border: 1px solid #6b7280; }
.pns-ref-id { font-size: .8rem; color: #4b5563; }
#pns-feedback-status p { margin: 0; }
@media (max-width: 640px) {
  .gradio-container { padding: 6px !important; }
  .pns-header h1 { font-size: 1.2rem; }
  #pns-banner .pns-banner { font-size: .85rem; padding: 8px 10px; }
  .pns-question { max-width: 100%; }
  .pns-question, .pns-reply { padding: 8px 10px; font-size: 1rem; }
  blockquote.pns-passage { max-height: 16rem; }
  a.pns-marker { min-width: 2em; line-height: 1.8; }
}
"""


def _error_answer(status: str, message: str) -> Answer:
    return Answer(status=status, body=message, disclaimer=DISCLAIMER)  # type: ignore[arg-type]


class Services:
    """What the event handlers share for one app: the assistant, the feedback store, passages, references."""

    def __init__(self, settings: Settings, assistant: Any | None = None, feedback: FeedbackStore | None = None) -> None:
        from assistant.ui.passages import PassageFinder

        self.settings = settings
        self._assistant = assistant
        self.feedback = feedback or FeedbackStore.for_settings(settings)
        self.passages = PassageFinder(self._load_article, self._load_sources)
        self._entries: list[ReferenceEntry] | None = None
        self.entries_error: str | None = None

    # ---- lazy loaders ----
    def _load_article(self) -> "Article":
        from corpus.article import load_article

        return load_article(article_path(self.settings))

    def _load_sources(self) -> "list[SourceDocument]":
        from corpus.sources import load_sources

        # lenient: a corrupt source file must not stop passages of other sources from opening
        return load_sources(self.settings, on_error=lambda exc: logging.getLogger(__name__).warning("skipped a source: %s", exc))

    @property
    def assistant(self) -> Any:
        if self._assistant is None:
            from assistant.api import Assistant

            self._assistant = Assistant(self.settings)
        return self._assistant

    @property
    def entries(self) -> list[ReferenceEntry]:
        if self._entries is None:
            from assistant.ui.references import load_entries

            try:
                self._entries = load_entries(self.settings)
                self.entries_error = None
            except PNSError as exc:  # shown in the tab; not cached, so the next request tries again
                log.warning("could not load references: %s", exc)
                self.entries_error = str(exc)
                return []
        return self._entries

    # ---- answering ----
    def check_question(self, question: object) -> str | Answer:
        """The stripped question, or an invalid_input Answer (enforced here, server-side, whatever the client sent)."""
        if not isinstance(question, str) or not question.strip():
            return _error_answer("invalid_input", "Please type a question.")
        q = question.strip()
        limit = self.settings.answer.max_question_chars
        if len(q) > limit:
            return _error_answer(
                "invalid_input", f"Your question is {len(q)} characters long; please keep it under {limit} characters."
            )
        return q

    def answer(self, question: object, history: list[dict[str, str]] | None = None) -> Answer:
        checked = self.check_question(question)
        if isinstance(checked, Answer):
            return checked
        try:
            return self.assistant.ask(checked, history or None)
        except PNSError as exc:
            return _error_answer("error", f"Sorry, I could not answer: {exc}")
        except Exception:
            log.exception("ask failed")
            return _error_answer("error", "Sorry, something went wrong while answering. Please try again.")

    def stream(self, question: object, history: list[dict[str, str]] | None = None) -> Iterator[str | Answer]:
        """Progressively longer answer texts, then the final Answer (always exactly one Answer, last)."""
        checked = self.check_question(question)
        if isinstance(checked, Answer):
            yield checked
            return
        try:
            assistant = self.assistant
            if not hasattr(assistant, "stream"):
                yield assistant.ask(checked, history or None)
                return
            final: Answer | None = None
            run = assistant.stream(checked, history or None)
            for item in (run.bodies() if hasattr(run, "bodies") else run):
                if isinstance(item, Answer):
                    final = item
                else:
                    yield str(item)
            if final is None:
                final = _final_answer(run)
            if final is None:  # never read assistant.last_answer here: under concurrency it may be another user's
                final = assistant.ask(checked, history or None)
            yield final
        except PNSError as exc:
            yield _error_answer("error", f"Sorry, I could not answer: {exc}")
        except Exception:
            log.exception("streaming answer failed")
            yield _error_answer("error", "Sorry, something went wrong while answering. Please try again.")

    def render_answer(self, answer: Answer, prefix: str) -> str:
        try:
            contexts = self.passages.contexts(answer.citations)
        except Exception:  # showing the quote alone is better than no answer
            log.exception("passage context lookup failed")
            contexts = {}
        return render.render_answer(answer, prefix, contexts)


def _final_answer(run: Any) -> Answer | None:
    """The Answer a finished stream holds (`AnswerStream.answer`, see assistant/api.py)."""
    value = getattr(run, "answer", None)
    return value if isinstance(value, Answer) else None


def history_from(turns: list[dict[str, Any]]) -> list[dict[str, str]]:
    """Chat-style history (role/content) from the session's turns, newest last, bounded."""
    history: list[dict[str, str]] = []
    for turn in turns[-MAX_HISTORY_TURNS:]:
        history.append({"role": "user", "content": turn["question"]})
        history.append({"role": "assistant", "content": turn["answer"]["answer"]})
    return history


def _clean_history(history: Any) -> list[dict[str, str]]:
    """Validate a client-supplied history: role/content string pairs only, bounded in count and size."""
    if not isinstance(history, list):
        return []
    cleaned: list[dict[str, str]] = []
    for item in history[-2 * MAX_HISTORY_TURNS :]:
        if isinstance(item, dict) and item.get("role") in ("user", "assistant") and isinstance(item.get("content"), str):
            cleaned.append({"role": item["role"], "content": item["content"][:4000]})
    return cleaned


def _transcript(turns: list[dict[str, Any]], pending: tuple[str, str] | None = None) -> str:
    return render.render_conversation([(t["question"], t["html"]) for t in turns], pending)


def _write_export(text: str, ext: str) -> str:
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


def build_app(settings: Settings, assistant: Any | None = None, *, feedback: FeedbackStore | None = None) -> "gr.Blocks":
    """Assemble the UI and API around `assistant` (default: a lazily created `Assistant(settings)`).

    `feedback` overrides where ratings go (default: HOME/feedback.sqlite3).
    """
    import gradio as gr

    from corpus.export import export_references

    svc = Services(settings, assistant, feedback)
    limit = settings.ui.max_concurrency

    # ---------------- handlers (closures over svc; state comes in and goes out explicitly) ----------------

    def respond(question: str, turns: list[dict[str, Any]] | None):  # type: ignore[no-untyped-def]
        turns = list(turns or [])
        q = (question or "").strip()
        if not q:
            yield _transcript(turns), turns, question
            return
        shown_q = q if len(q) <= settings.answer.max_question_chars else q[: settings.answer.max_question_chars] + "…"
        yield _transcript(turns, (shown_q, render.render_partial(""))), turns, ""
        last = 0.0
        final: Answer | None = None
        for item in svc.stream(q, history_from(turns)):
            if isinstance(item, Answer):
                final = item
                break
            # The assistant computes the whole (checked, cited) answer first and then yields it sentence by
            # sentence; pace those steps slightly so the browser actually shows the answer growing.
            wait = STREAM_MIN_INTERVAL_S - (time.monotonic() - last)
            if wait > 0:
                time.sleep(wait)
            last = time.monotonic()
            yield _transcript(turns, (shown_q, render.render_partial(item))), turns, ""
        assert final is not None
        html = svc.render_answer(final, prefix=f"t{len(turns)}-{uuid.uuid4().hex[:6]}")
        turns = (turns + [{"question": shown_q, "answer": final.model_dump(mode="json"), "html": html}])[-MAX_TURNS_KEPT:]
        yield _transcript(turns), turns, ""

    def new_conversation():  # type: ignore[no-untyped-def]
        return _transcript([]), [], "", ""

    def give_feedback(rating: str, comment: str, turns: list[dict[str, Any]] | None, request: gr.Request | None = None):  # type: ignore[no-untyped-def]
        if not turns:
            return "Ask a question first, then rate the answer.", comment
        last = turns[-1]
        try:
            svc.feedback.add(
                rating=rating,
                comment=comment,
                question=last["question"],
                answer=last["answer"]["answer"],
                status=last["answer"]["status"],
                session_id=getattr(request, "session_hash", None),
            )
        except FeedbackError as exc:
            return f"⚠️ {exc}", comment  # keep the comment so nothing is lost
        return ("Thank you — your feedback was saved." if rating == "up" else "Thank you — your feedback was saved; we will look into it."), ""

    def filter_refs(query: str, how: str):  # type: ignore[no-untyped-def]
        shown = sort_entries(search(svc.entries, query), how)
        return (
            gr.update(value=[e.row() for e in shown], label=f"References ({len(shown)} of {len(svc.entries)})"),
            render.render_reference_cards(shown),
        )

    def export_file(ids: list[str] | None, fmt_label: str):  # type: ignore[no-untyped-def]
        fmt, ext = EXPORT_FORMATS.get(fmt_label, ("bibtex", "bib"))
        chosen = select(svc.entries, ids)
        if not chosen:
            return gr.update(value=None), "No references to export."
        try:
            text = export_references([e.ref for e in chosen], fmt)
        except PNSError as exc:
            return gr.update(value=None), f"⚠️ Export failed: {exc}"
        return _write_export(text, ext), f"Exported {len(chosen)} reference(s) as {fmt_label.split()[0]}."

    # ---------------- API endpoints (typed; gradio derives their schema from the hints) ----------------

    def ask(question: str, history: list[dict] | None = None) -> dict:
        """Answer one question. Returns the Answer as JSON: status, answer (ends with the disclaimer), citations
        (marker, section, quote, start/end offsets, related references with DOI/URL), contexts."""
        return svc.answer(question, _clean_history(history)).model_dump(mode="json")

    def references(query: str = "", sort: str = "") -> list[dict]:
        """The bibliography (22 references) with linked article sections and full-text status; `query` filters
        on any field, `sort` is one of: year_desc, year_asc, author, title, container (or their UI labels)."""
        return [e.as_dict() for e in sort_entries(search(svc.entries, query), sort)]

    def export(ids: list[str] | None = None, format: str = "bibtex") -> str:  # noqa: A002
        """BibTeX ('bibtex'), RIS ('ris') or CSL-JSON ('csl-json') text for the given reference ids ([] = all)."""
        chosen = select(svc.entries, ids)
        try:
            return export_references([e.ref for e in chosen], format)
        except PNSError as exc:
            raise gr.Error(str(exc)) from None

    def feedback(rating: str, answer: str, question: str = "", status: str = "answered", comment: str = "") -> dict:
        """Store thumbs 'up' or 'down' (+ optional comment) for an answer. Returns {'saved': true, 'id': n}."""
        try:
            row_id = svc.feedback.add(rating=rating, comment=comment, question=question, answer=answer, status=status)
        except FeedbackError as exc:
            raise gr.Error(str(exc)) from None
        return {"saved": True, "id": row_id}

    # ---------------- layout ----------------

    initial_refs = sort_entries(svc.entries, "year_desc")
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(3600, 3600)) as demo:
        gr.HTML(
            '<header class="pns-header"><h1>Paraneoplastic syndromes — ask the article</h1>'
            "<p>Answers come only from one article (Rupa Health, 2025) and the sources it cites, "
            "with a numbered link to the exact passage behind every statement.</p></header>",
            js_on_load=None,
        )
        gr.HTML(
            f'<div class="pns-banner" role="note" aria-label="Medical disclaimer"><strong>Important:</strong> '
            f"{render.esc(DISCLAIMER)}</div>",
            elem_id="pns-banner",
            js_on_load=None,
        )
        turns = gr.State([])
        with gr.Tabs():
            with gr.Tab("Ask a question", id="chat"):
                transcript = gr.HTML(
                    _transcript([]), elem_id="pns-transcript", js_on_load=MARKER_JS, autoscroll=False, min_height=120
                )
                question = gr.Textbox(
                    label="Your question",
                    placeholder="e.g. What are the common symptoms of paraneoplastic syndromes?",
                    lines=2,
                    max_lines=6,
                    max_length=settings.answer.max_question_chars,
                    elem_id="pns-question",
                    autofocus=False,
                )
                with gr.Row():
                    ask_btn = gr.Button("Ask", variant="primary", elem_id="pns-ask", min_width=120)
                    new_btn = gr.Button("New conversation", variant="secondary", elem_id="pns-new", min_width=120)
                gr.Examples(examples=[[e] for e in EXAMPLES], inputs=[question], label="Example questions")
                with gr.Accordion("Was the last answer helpful?", open=False, elem_id="pns-feedback"):
                    with gr.Row():
                        up_btn = gr.Button("👍 Helpful", elem_id="pns-up", min_width=100)
                        down_btn = gr.Button("👎 Not helpful", elem_id="pns-down", min_width=100)
                    comment = gr.Textbox(label="Comment (optional)", lines=2, max_length=2000, elem_id="pns-comment")
                    fb_status = gr.Markdown("", elem_id="pns-feedback-status")
            with gr.Tab("References (for clinicians)", id="refs"):
                gr.Markdown(
                    f"The {len(initial_refs)} sources the article cites. Search any field, sort (or click a column "
                    "header), and export all or a selection for your reference manager. Links to article sections "
                    "are **inferred** from the text, not printed in it."
                )
                if svc.entries_error:
                    gr.Markdown(f"⚠️ The reference list could not be loaded: {svc.entries_error}")
                with gr.Row():
                    ref_query = gr.Textbox(label="Search references", placeholder="author, title, journal, year, DOI, section…", scale=3)
                    ref_sort = gr.Dropdown(choices=list(SORTS), value="Year (newest first)", label="Sort by", scale=1, min_width=160)
                ref_table = gr.Dataframe(
                    headers=COLUMNS,
                    value=[e.row() for e in initial_refs],
                    interactive=False,
                    wrap=True,
                    max_height=460,
                    column_widths=["110px", "170px", "64px", "260px", "150px", "170px", "220px", "110px", "220px"],
                    pinned_columns=1,
                    show_search="none",
                    buttons=["copy", "fullscreen"],
                    label=f"References ({len(initial_refs)})",
                    elem_id="pns-ref-table",
                )
                with gr.Accordion("Export references (BibTeX / RIS)", open=False, elem_id="pns-export-box"):
                    ref_pick = gr.CheckboxGroup(
                        choices=[(choice_label(e), e.ref.id) for e in sort_entries(initial_refs, "author")],
                        label="Select references to export (leave empty to export the whole list)",
                        elem_id="pns-ref-pick",
                    )
                    with gr.Row():
                        ref_fmt = gr.Radio(list(EXPORT_FORMATS), value="BibTeX (.bib)", label="Format")
                        export_btn = gr.Button("Export", variant="primary", min_width=120, elem_id="pns-export")
                    export_out = gr.File(label="Download", interactive=False, elem_id="pns-export-file")
                    export_msg = gr.Markdown("")
                gr.Markdown("### Reference details, links and linked article sections")
                ref_cards = gr.HTML(render.render_reference_cards(initial_refs), js_on_load=None, elem_id="pns-ref-cards")

        # ---------------- events ----------------
        chat_io = dict(
            fn=respond,
            inputs=[question, turns],
            outputs=[transcript, turns, question],
            concurrency_limit=limit,
            concurrency_id="answer",
            show_progress="minimal",
            api_visibility="private",
        )
        ask_btn.click(**chat_io)
        question.submit(**chat_io)
        new_btn.click(new_conversation, None, [transcript, turns, question, fb_status], api_visibility="private", queue=False)
        def thumbs_up(comment_text: str, state: list[dict[str, Any]] | None, request: gr.Request):  # type: ignore[no-untyped-def]
            return give_feedback("up", comment_text, state, request)

        def thumbs_down(comment_text: str, state: list[dict[str, Any]] | None, request: gr.Request):  # type: ignore[no-untyped-def]
            return give_feedback("down", comment_text, state, request)

        up_btn.click(thumbs_up, [comment, turns], [fb_status, comment], api_visibility="private")
        down_btn.click(thumbs_down, [comment, turns], [fb_status, comment], api_visibility="private")
        for trigger in (ref_query.change, ref_sort.change):
            trigger(filter_refs, [ref_query, ref_sort], [ref_table, ref_cards], api_visibility="private", queue=False)
        export_btn.click(export_file, [ref_pick, ref_fmt], [export_out, export_msg], api_visibility="private")

        gr.api(ask, api_name="ask", concurrency_limit=limit, concurrency_id="answer")
        gr.api(references, api_name="references")
        gr.api(export, api_name="export")
        gr.api(feedback, api_name="feedback")

    demo.queue(default_concurrency_limit=limit, max_size=max(64, 16 * limit))
    return demo


def launch_app(
    demo: "gr.Blocks",
    settings: Settings,
    *,
    host: str | None = None,
    port: int | None = None,
    auth: tuple[str, str] | None = None,
    prevent_thread_lock: bool = False,
    quiet: bool = False,
) -> Any:
    """Launch with the project's safety settings: never a share link, body-size cap, no uploads, no SSR."""
    from starlette.middleware import Middleware

    return demo.launch(
        server_name=host or settings.ui.host,
        server_port=port if port is not None else settings.ui.port,
        share=False,
        auth=auth,
        auth_message="Please log in to use the paraneoplastic syndromes assistant." if auth else None,
        prevent_thread_lock=prevent_thread_lock,
        quiet=quiet,
        show_error=False,
        inbrowser=False,
        max_file_size=MAX_UPLOAD,
        ssr_mode=False,
        mcp_server=False,
        pwa=False,
        enable_monitoring=False,
        strict_cors=True,
        css=CSS,
        app_kwargs={
            "middleware": [Middleware(BodyLimitMiddleware, max_bytes=MAX_REQUEST_BYTES)],
            "docs_url": None,
            "redoc_url": None,
        },
    )
