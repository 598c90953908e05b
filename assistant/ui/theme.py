"""How the web app looks: a Gradio theme with fonts every machine already has, and the app's stylesheet.

Why system fonts: Gradio's default theme asks for Source Sans Pro and IBM Plex Mono, which it can only
partly ship (two weights), so Chromium drew bold labels from DejaVu Sans Bold next to Source Sans Pro
regular. A stack of installed fonts (system-ui first) needs no download, works offline and draws every
weight from one family. Icons are inline SVG or text (assistant/ui/icons.py), never emoji, which need
an emoji font that many Linux machines lack.
"""

from __future__ import annotations

from typing import Any

# Installed fonts only: the platform UI font first, then common sans fonts of each OS, then the generic.
FONT_STACK = (
    "system-ui", "-apple-system", "Segoe UI", "Roboto", "Noto Sans", "Liberation Sans", "DejaVu Sans", "Arial",
    "sans-serif",
)
MONO_STACK = ("ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "Liberation Mono", "DejaVu Sans Mono", "monospace")


def make_theme() -> Any:
    """Gradio's default look with the offline font stacks (plain names: gradio emits no @font-face for them)."""
    import gradio as gr

    return gr.themes.Default(font=list(FONT_STACK), font_mono=list(MONO_STACK))


# Gradio scopes custom CSS to the app's content area; the page margins around it need a plain <style> in <head>.
# On a phone its 32 px side margins would leave the references table 48 px narrower.
HEAD = "<style>@media (max-width: 640px) { .gradio-container .main.app { padding-left: 8px; padding-right: 8px; } }</style>"

CSS = """
.gradio-container { width: 100% !important; max-width: min(1160px, 100vw) !important; margin: 0 auto !important; }
/* Our boxes have light backgrounds in both themes: pin gradio's text colour variables inside them, so dark
   mode never puts light text on a light box. */
#pns-transcript, #pns-banner, #pns-ref-table, #pns-input-note, #pns-reader { --body-text-color: #111827;
  --body-text-color-subdued: #374151; --link-text-color: #1d4ed8; --link-text-color-hover: #1e3a8a;
  --link-text-color-visited: #5b21b6; color: #111827; }
#pns-banner .pns-banner { background: #fff7d6; color: #3b2f00; border: 2px solid #8a6d00; border-radius: 8px;
  padding: 10px 14px; margin: 0; font-size: 0.95rem; line-height: 1.45; }
#pns-banner .pns-banner a { color: #3b2f00; }
.pns-header h1 { font-size: 1.5rem; margin: 0.2rem 0; }
.pns-header p { margin: 0.2rem 0; }
.pns-icon { width: 1.1em; height: 1.1em; vertical-align: -0.18em; flex: none; }
.pns-log { display: flex; flex-direction: column; gap: 14px; }
.pns-turn { display: flex; flex-direction: column; gap: 8px; }
.pns-who { font-size: 0.8rem; font-weight: 700; text-transform: uppercase; letter-spacing: .04em; margin: 0 0 4px 0; color: #374151; }
.pns-question, .pns-reply { border-radius: 10px; padding: 10px 14px; line-height: 1.55; font-size: 1rem; overflow-wrap: anywhere; }
.pns-question { background: #e8f0fe; color: #111827; align-self: flex-end; max-width: 92%; border: 1px solid #c7d7fb; }
.pns-reply { background: #ffffff; color: #111827; border: 1px solid #d1d5db; }
.pns-question p, .pns-reply p { margin: 0 0 .5em 0; color: inherit; }
.pns-reply ul { margin: 0 0 .5em 1.2em; }
.pns-empty { color: #374151; background: #f9fafb; border: 1px dashed #9ca3af; border-radius: 10px; padding: 12px 14px; }
.pns-markers { white-space: nowrap; display: inline-flex; gap: 3px; vertical-align: baseline; }
a.pns-marker { display: inline-block; min-width: 1.6em; padding: 0 .3em; margin: 0 1px; text-align: center; border-radius: 6px;
  background: #1d4ed8; color: #ffffff !important; font-weight: 700; font-size: .85em; text-decoration: none; line-height: 1.5; }
a.pns-marker:hover, a.pns-marker:focus-visible { background: #1e3a8a; outline: 3px solid #93c5fd; outline-offset: 1px; }
.pns-citations { margin-top: 10px; border-top: 1px solid #d1d5db; padding-top: 8px; }
.pns-citations-title { font-weight: 700; font-size: .9rem; color: #1f2937; }
details.pns-cite { border: 1px solid #cbd5e1; border-radius: 8px; margin: 6px 0; background: #f8fafc; color: #111827; }
details.pns-cite > summary { cursor: pointer; padding: 8px 10px; font-weight: 600; min-height: 24px; }
details.pns-cite > summary:focus-visible { outline: 3px solid #2563eb; outline-offset: 2px; }
details.pns-cite.pns-flash { box-shadow: 0 0 0 3px #f59e0b; }
.pns-cite-n { display: inline-block; min-width: 1.6em; padding: 0 .3em; text-align: center; border-radius: 6px;
  background: #1d4ed8; color: #ffffff; font-weight: 700; font-size: .85em; line-height: 1.5; }
.pns-cite-label { font-weight: 700; color: #111827; }
.pns-cite-body { padding: 0 12px 10px 12px; }
.pns-cite-source { font-size: .9rem; color: #374151; }
blockquote.pns-passage { margin: 6px 0; padding: 8px 12px; border-left: 4px solid #1d4ed8; background: #ffffff; color: #1f2937;
  white-space: pre-wrap; max-height: 22rem; overflow-y: auto; font-size: .95rem; }
blockquote.pns-passage-page, blockquote.pns-passage-part, blockquote.pns-passage-window { max-height: 24rem;
  border: 1px solid #cbd5e1; border-left: 4px solid #1d4ed8; border-radius: 4px; }
blockquote.pns-passage:focus-visible { outline: 3px solid #2563eb; outline-offset: 1px; }
mark.pns-quote { background: #fde68a; color: #111827; padding: 0 2px; border-radius: 2px; }
.pns-refs-title { font-weight: 700; font-size: .9rem; margin: 8px 0 2px 0; }
ul.pns-refs { margin: 0 0 0 1.1em; padding: 0; font-size: .92rem; }
ul.pns-refs a, .pns-reftable a, .pns-cite-source a { color: #1d4ed8; text-decoration: underline; padding: 0 !important; }
.pns-ref-relation { color: #4b5563; font-size: .85rem; }
.pns-disclaimer { margin: 10px 0 0 0 !important; padding: 8px 10px; background: #f3f4f6; color: #1f2937 !important;
  border-left: 4px solid #6b7280; font-size: .88rem; border-radius: 4px; }
.pns-status { border-radius: 8px; padding: 10px 12px; margin-bottom: 10px; border: 2px solid; }
.pns-status p { margin: 0 0 .3em 0; }
.pns-status-heading { font-weight: 700; font-size: 1.05rem; display: flex; gap: .4em; align-items: center; }
.pns-next { font-weight: 600; }
.pns-status-emergency { background: #fee2e2; color: #7f1d1d; border-color: #b91c1c; }
.pns-status-caution { background: #fff7ed; color: #7c2d12; border-color: #c2410c; }
.pns-status-info { background: #eff6ff; color: #1e3a8a; border-color: #3b82f6; }
.pns-status-emergency .pns-answer-body p { color: #7f1d1d; font-size: 1.02rem; }
.pns-cite-snippet { display: block; font-weight: 400; font-size: .88rem; color: #374151; margin: 2px 0 0 1.6em; }
.pns-typing { color: #4b5563; font-style: italic; }
.pns-tools { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
button.pns-copy { display: inline-flex; align-items: center; gap: .35em; font: inherit; font-size: .85rem; font-weight: 600;
  line-height: 1.2; color: #1e3a8a; background: #eff6ff; border: 1px solid #93c5fd; border-radius: 6px; padding: 4px 8px;
  cursor: pointer; min-height: 28px; text-align: left; }
button.pns-copy:hover { background: #dbeafe; }
button.pns-copy:focus-visible { outline: 3px solid #2563eb; outline-offset: 1px; }
button.pns-copy.pns-copied { background: #dcfce7; border-color: #15803d; color: #14532d; }
.pns-note { border-radius: 8px; padding: 8px 12px; margin: 0; font-size: .95rem; border: 2px solid; display: flex; gap: .5em; align-items: flex-start; }
.pns-note p { margin: 0; }
.pns-note-caution { background: #fff7ed; color: #7c2d12; border-color: #c2410c; }
.pns-note-info { background: #eff6ff; color: #1e3a8a; border-color: #3b82f6; }
.pns-note-ok { background: #f0fdf4; color: #14532d; border-color: #15803d; }
/* message slots take no room until they hold a message */
#pns-count:not(:has(.pns-count:not(:empty))), #pns-input-note:not(:has(.pns-note)),
#pns-feedback-status:not(:has(.pns-note)), #pns-export-note:not(:has(.pns-note)),
div:has(> #pns-input-note .pns-note) > #pns-count { display: none !important; }
.pns-count { margin: 0; font-size: .85rem; color: #374151; min-height: 1.2em; }
.pns-count.pns-over { color: #9a3412; font-weight: 600; }
/* The references table: compact rows, one family of fonts, no sideways scrolling. */
#pns-ref-table { width: 100%; max-width: 100%; }
.pns-reftable-wrap { border: 1px solid #d1d5db; border-radius: 8px; overflow: hidden; }
table.pns-reftable { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: .875rem; line-height: 1.35;
  margin: 0; padding: 0; border: 0 !important; }
.pns-reftable caption { text-align: left; font-weight: 700; padding: 6px 8px; color: #1f2937; caption-side: top; }
.pns-reftable tr { border: 0 !important; }
.pns-reftable th { background: #f3f4f6; text-align: left; font-weight: 700; padding: 5px 8px; border: 0;
  border-bottom: 1px solid #9ca3af; }
.pns-reftable td { padding: 5px 8px; vertical-align: top; border: 0; border-bottom: 1px solid #e5e7eb; overflow-wrap: anywhere; }
.pns-reftable tbody tr:nth-child(even) { background: #f9fafb; }
.pns-reftable th.pns-cell-doi { width: 14rem; }
.pns-reftable th.pns-cell-text { width: 7.4rem; }
.pns-reftable th.pns-cell-copy { width: 6rem; }
.pns-ref-who { font-weight: 700; }
.pns-ref-where { color: #374151; }
.pns-reftable details.pns-ref-details { display: inline; }
.pns-reftable details > summary { display: inline; cursor: pointer; color: #1d4ed8; font-size: .8rem; white-space: nowrap; }
.pns-reftable details[open] { display: block; margin-top: 2px; padding: 4px 6px; background: #f3f4f6; border-radius: 6px; }
.pns-reftable details ul { margin: 2px 0 2px 1.1em; padding: 0; }
.pns-reftable details p { margin: 2px 0; }
.pns-empty-row { color: #374151; }
.pns-badge { display: inline-block; font-size: .75rem; font-weight: 700; padding: 0 6px; border-radius: 999px; white-space: nowrap; line-height: 1.5; }
.pns-badge-full { background: #dcfce7; color: #14532d; border: 1px solid #15803d; }
.pns-badge-meta { background: #f3f4f6; color: #374151; border: 1px solid #6b7280; }
.pns-badge-abstract { background: #fef3c7; color: #78350f; border: 1px solid #b45309; }
.pns-badge-failed { background: #fee2e2; color: #7f1d1d; border: 1px solid #b91c1c; margin-top: 2px; }
button.pns-read { font: inherit; font-size: .78rem; font-weight: 600; color: #1e3a8a; background: #eff6ff; border: 1px solid #93c5fd;
  border-radius: 6px; padding: 1px 6px; margin-top: 3px; cursor: pointer; min-height: 24px; }
button.pns-read:hover { background: #dbeafe; }
button.pns-read:focus-visible { outline: 3px solid #2563eb; outline-offset: 1px; }
.pns-reftable .pns-problem, .pns-reftable .pns-last-fetch { color: #7f1d1d; }
.pns-reader { border: 1px solid #d1d5db; border-radius: 8px; padding: 8px 12px; background: #ffffff; color: #111827; }
.pns-reader p { margin: 0 0 6px 0; }
.pns-reader-head { font-size: 1rem; }
.pns-reader-note { font-size: .85rem; color: #374151; }
.pns-reader-text { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 60vh; overflow-y: auto; font-size: .95rem;
  line-height: 1.5; border-top: 1px solid #e5e7eb; padding-top: 6px; }
.pns-reader-empty p { color: #374151; margin: 0; }
.pns-ref-id { font-size: .78rem; color: #4b5563; }
/* search, sort and copy format: side by side on a wide screen, one per line on a phone */
#pns-ref-controls .block { min-width: min(100%, 240px) !important; }
#pns-ref-sort input { padding-right: 2.2rem !important; text-overflow: ellipsis; }
#pns-up button, #pns-down button, button#pns-up, button#pns-down { gap: .4em; }
#pns-feedback-status p { margin: 0; }
#pns-ref-table .html-container { padding: 0 !important; }
@media (max-width: 640px) {
  .gradio-container { padding: 0 !important; }
  .pns-header h1 { font-size: 1.2rem; }
  #pns-banner .pns-banner { font-size: .85rem; padding: 8px 10px; }
  .pns-question { max-width: 100%; }
  .pns-question, .pns-reply { padding: 8px 10px; font-size: 1rem; }
  blockquote.pns-passage { max-height: 16rem; }
  a.pns-marker { min-width: 2em; line-height: 1.8; }
  /* phone: reference | DOI | copy; the text status is under "Details" */
  .pns-reftable .pns-cell-text { display: none; }
  .pns-reftable th.pns-cell-doi { width: 7.2rem; }
  .pns-reftable th.pns-cell-copy { width: 3rem; }
  .pns-reftable td, .pns-reftable th { padding: 5px 5px; }
  .pns-reftable td.pns-cell-doi { font-size: .8rem; }
  .pns-reftable button.pns-copy .pns-copy-label { display: none; }
}
"""
