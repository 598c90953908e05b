"""The Gradio app: a cited chat for patients, a reference explorer for clinicians, and a small JSON API.

`build_app(settings, assistant=None)` only assembles the Blocks; nothing is loaded at import and the
assistant's models load in `Assistant.warm_up()` (called by `pns serve`) or on the first question.
Conversation state lives in a per-session `gr.State`; the only shared objects are read-only (the
assistant and its corpus view) or safe across threads (the SQLite feedback store).
The app talks to the answering stack only through the Assistant API and its read-only CorpusView.

API (stable names for gradio_client): /ask, /references, /indexed_text, /export, /feedback. See `API_EXAMPLE`.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from assistant.disclaimer import DISCLAIMER
from assistant.ui import render
from assistant.ui.feedback import FeedbackStore
from assistant.ui.icons import icon_data_url
from assistant.ui.references import SORTS, choice_label, file_formats, sort_entries
from assistant.ui.scripts import SHOW_READER_JS, TABLE_JS, TRANSCRIPT_JS, counter_js
from assistant.ui.security import MAX_REQUEST_BYTES, MAX_UPLOAD, BodyLimitMiddleware
from assistant.ui.theme import CSS, HEAD, make_theme
from foundation.settings import Settings

if TYPE_CHECKING:
    import gradio as gr

    from assistant.ui.handlers import ChatHandlers, ReferenceHandlers
    from assistant.ui.services import Services

TITLE = "Paraneoplastic syndromes — ask the article"
EXAMPLES = [
    "What are paraneoplastic syndromes?",
    "Which cancers are most often linked to paraneoplastic syndromes?",
    "What are common neurological symptoms?",
    "How are paraneoplastic syndromes diagnosed?",
    "What treatments are used?",
    "What is Lambert-Eaton myasthenic syndrome?",
]

API_EXAMPLE = '''\
from gradio_client import Client

client = Client("http://127.0.0.1:7860/")          # add auth=("user", "password") if the server has a login
answer = client.predict("What are paraneoplastic syndromes?", [], api_name="/ask")
print(answer["status"], answer["answer"])           # the text always ends with the fixed disclaimer
for c in answer["citations"]:                        # [n] markers -> exact passage + related references
    print(c["marker"], c["section"], c["quote"][:80], [r["doi"] or r["url"] for r in c["references"]])

refs = client.predict("lambert", "Year (newest first)", api_name="/references")   # search + sort
held = [r["id"] for r in client.predict("", "", api_name="/references") if r["coverage"] != "metadata_only"]
if held:  # coverage: full_text / abstract / metadata_only (provenance in r["source"]); read a held text page by page
    page = client.predict(held[0], 1, api_name="/indexed_text")
    print(page["label"], "of", page["pages"], page["text"][:80])
bib = client.predict(["varki2007", "graber2023"], "bibtex", api_name="/export")   # or ris, csl-json, vancouver, ama, apa; [] = all
client.predict("up", answer["answer"], "What are paraneoplastic syndromes?", answer["status"], "clear", api_name="/feedback")
'''

# The feedback buttons are gradio's own (plain-text labels), so their thumb icons come from CSS: inline SVG
# data, drawn without any emoji font.
BUTTON_ICONS_CSS = "\n".join(
    f"#{elem}::before {{ content: ''; display: inline-block; width: 18px; height: 18px; margin-right: 6px; "
    f"background: {icon_data_url(name)} no-repeat center / contain; vertical-align: -3px; }}"
    for elem, name in (("pns-up", "thumb_up"), ("pns-down", "thumb_down"))
)


def _header(gr: Any) -> None:
    gr.HTML(
        f'<header class="pns-header"><h1>{render.esc(TITLE)}</h1>'
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


def _chat_tab(gr: Any, settings: Settings) -> SimpleNamespace:
    """The chat's components: transcript, question box with its live count and note, buttons, examples, feedback."""
    ui = SimpleNamespace()
    ui.transcript = gr.HTML(
        render.render_conversation([]), elem_id="pns-transcript", js_on_load=TRANSCRIPT_JS, autoscroll=False, min_height=120
    )
    # No max_length: the browser would silently cut a pasted question; the assistant says what is too long instead.
    ui.question = gr.Textbox(
        label="Your question",
        placeholder="e.g. What are the common symptoms of paraneoplastic syndromes?",
        lines=2,
        max_lines=6,
        elem_id="pns-question",
        autofocus=False,
    )
    gr.HTML('<p class="pns-count" aria-live="polite"></p>', js_on_load=counter_js(settings.answer.max_question_chars),
            elem_id="pns-count")
    ui.note = gr.HTML("", elem_id="pns-input-note", js_on_load=None)
    with gr.Row():
        ui.ask = gr.Button("Ask", variant="primary", elem_id="pns-ask", min_width=120)
        ui.new = gr.Button("New conversation", variant="secondary", elem_id="pns-new", min_width=120)
    ui.examples = gr.Examples(examples=[[e] for e in EXAMPLES], inputs=[ui.question], label="Example questions (click to ask)")
    with gr.Accordion("Was the last answer helpful?", open=False, elem_id="pns-feedback"):
        with gr.Row():
            ui.up = gr.Button("Helpful", elem_id="pns-up", min_width=100)
            ui.down = gr.Button("Not helpful", elem_id="pns-down", min_width=100)
        ui.comment = gr.Textbox(label="Comment (optional)", lines=2, max_length=2000, elem_id="pns-comment")
        ui.feedback_note = gr.HTML("", elem_id="pns-feedback-status", js_on_load=None)
    return ui


def _references_tab(gr: Any, svc: "Services", refs: "ReferenceHandlers") -> SimpleNamespace:
    """The clinicians' tab: search/sort/copy-format controls, the compact table, and the export box."""
    ui = SimpleNamespace()
    entries = sort_entries(svc.entries(), "year_desc")
    held = sum(1 for e in entries if e.source.has_text)
    gr.Markdown(
        f"**For clinicians:** the {len(entries)} sources the article cites. Search any field, sort, copy one reference with its "
        "button, or export all or a selection for your reference manager. Links to article sections are "
        f"**inferred** from the text, not printed in it. **Text held:** {held} of {len(entries)} have indexed text "
        "(full text or abstract) that answers can quote; the others are metadata only. Details show where each text "
        "came from; Read text opens it below the table."
    )
    copy_labels, copy_default = refs.copy_choices()
    with gr.Row(elem_id="pns-ref-controls"):
        ui.query = gr.Textbox(label="Search references", placeholder="author, title, journal, year, DOI, section…", scale=3)
        ui.sort = gr.Dropdown(choices=list(SORTS), value="Year (newest first)", label="Sort by", scale=1, elem_id="pns-ref-sort")
        ui.copy_fmt = gr.Dropdown(choices=copy_labels, value=copy_default, label="Copy buttons copy as", scale=1,
                                  elem_id="pns-ref-copyfmt")
    ui.table = gr.HTML(refs.table(entries, entries, copy_default), js_on_load=TABLE_JS, elem_id="pns-ref-table")
    ui.reader = _reader(gr, svc, refs)
    formats = file_formats(svc.export_formats())
    with gr.Accordion("Export references (file)", open=False, elem_id="pns-export-box"):
        ui.pick = gr.CheckboxGroup(
            choices=[(choice_label(e), e.ref.id) for e in sort_entries(entries, "author")],
            label="Select references to export (leave empty to export the whole list)",
            elem_id="pns-ref-pick",
        )
        with gr.Row():
            ui.fmt = gr.Radio(list(formats), value=next(iter(formats)), label="Format")
            ui.export = gr.Button("Export", variant="primary", min_width=120, elem_id="pns-export")
        ui.file = gr.File(label="Download", interactive=False, elem_id="pns-export-file")
        ui.message = gr.HTML("", elem_id="pns-export-note", js_on_load=None)
    return ui


def _reader(gr: Any, svc: "Services", refs: "ReferenceHandlers") -> SimpleNamespace:
    """The reader of a reference's indexed text: pick a reference (or press Read text in the table), page through."""
    ui = SimpleNamespace()
    choices = svc.reader_choices()
    with gr.Accordion("Read the indexed text of a reference", open=False, elem_id="pns-reader-box") as ui.box:
        ui.pick = gr.Dropdown(choices=choices, value=None, label="Reference with indexed text", elem_id="pns-reader-pick",
                              interactive=bool(choices))
        with gr.Row(elem_id="pns-reader-nav"):
            ui.previous = gr.Button("Previous page", elem_id="pns-reader-prev", min_width=100, size="sm")
            ui.page = gr.Number(value=1, precision=0, minimum=1, label="Page", elem_id="pns-reader-page", min_width=80)
            ui.next = gr.Button("Next page", elem_id="pns-reader-next", min_width=100, size="sm")
        ui.text = gr.HTML(refs.reader_intro(), elem_id="pns-reader", js_on_load=None)
    return ui


def _wire_chat(chat: SimpleNamespace, handlers: "ChatHandlers", turns: Any, limit: int) -> None:
    """Ask by button, Enter or example click (which fills the box and asks at once); start over; rate."""
    recount = "() => document.dispatchEvent(new Event('pns-question-changed'))"
    ask = dict(
        fn=handlers.respond,
        inputs=[chat.question, turns],
        outputs=[chat.transcript, turns, chat.question, chat.note],
        concurrency_limit=limit,
        concurrency_id="answer",
        show_progress="minimal",
        api_visibility="private",
    )
    for event in (chat.ask.click, chat.question.submit, chat.examples.load_input_event.then):
        event(**ask).then(fn=None, js=recount, api_visibility="private")
    chat.new.click(handlers.new_conversation, None, [chat.transcript, turns, chat.question, chat.note, chat.feedback_note],
                   api_visibility="private", queue=False).then(fn=None, js=recount, api_visibility="private")
    chat.up.click(handlers.thumbs_up, [chat.comment, turns], [chat.feedback_note, chat.comment], api_visibility="private")
    chat.down.click(handlers.thumbs_down, [chat.comment, turns], [chat.feedback_note, chat.comment], api_visibility="private")


def _wire_references(ui: SimpleNamespace, refs: "ReferenceHandlers") -> None:
    for trigger in (ui.query.change, ui.sort.change, ui.copy_fmt.change):
        trigger(refs.filter, [ui.query, ui.sort, ui.copy_fmt], [ui.table], api_visibility="private", queue=False)
    ui.export.click(refs.export_file, [ui.pick, ui.fmt], [ui.file, ui.message], api_visibility="private")
    reader = ui.reader
    shown = [reader.text, reader.page]
    quick = dict(api_visibility="private", queue=False)
    reader.pick.input(refs.read, [reader.pick], shown, **quick)
    reader.page.submit(refs.read, [reader.pick, reader.page], shown, **quick)
    reader.previous.click(refs.read_previous, [reader.pick, reader.page], shown, **quick)
    reader.next.click(refs.read_next, [reader.pick, reader.page], shown, **quick)
    ui.table.click(refs.read_from_table, None, [reader.pick, reader.text, reader.page, reader.box], **quick).then(
        fn=None, js=SHOW_READER_JS, api_visibility="private")


def build_app(settings: Settings, assistant: Any | None = None, *, feedback: FeedbackStore | None = None) -> "gr.Blocks":
    """Assemble the UI and API around `assistant` (default: a lazily created `Assistant(settings)`).

    `feedback` overrides where ratings go (default: HOME/feedback.sqlite3).
    """
    import gradio as gr

    from assistant.ui.handlers import ApiFunctions, ChatHandlers, ReferenceHandlers
    from assistant.ui.services import Services

    svc = Services(settings, assistant, feedback)
    limit = settings.ui.max_concurrency
    chat_handlers, ref_handlers, api = ChatHandlers(svc), ReferenceHandlers(svc), ApiFunctions(svc)
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(3600, 3600)) as demo:
        _header(gr)
        turns = gr.State([])
        with gr.Tabs():
            with gr.Tab("Ask a question", id="chat"):
                chat = _chat_tab(gr, settings)
            with gr.Tab("References", id="refs"):
                refs = _references_tab(gr, svc, ref_handlers)
        _wire_chat(chat, chat_handlers, turns, limit)
        _wire_references(refs, ref_handlers)
        gr.api(api.ask, api_name="ask", concurrency_limit=limit, concurrency_id="answer")
        gr.api(api.references, api_name="references")
        gr.api(api.indexed_text, api_name="indexed_text")
        gr.api(api.export, api_name="export")
        gr.api(api.feedback, api_name="feedback")
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
    """Launch with the project's safety settings: never a share link, body-size cap, no uploads, no SSR, and a
    theme whose fonts are all installed (no web fonts are fetched)."""
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
        theme=make_theme(),
        css=CSS + BUTTON_ICONS_CSS,
        head=HEAD,
        app_kwargs={
            "middleware": [Middleware(BodyLimitMiddleware, max_bytes=MAX_REQUEST_BYTES)],
            "docs_url": None,
            "redoc_url": None,
        },
    )
