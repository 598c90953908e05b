"""The Gradio web UI: a cited chat for patients and a reference explorer for clinicians.

Nothing here imports gradio at module level; `app.build_app(settings)` does, so `pns --help` stays fast.
The UI reaches the answering stack only through the Assistant API and its read-only CorpusView
(`services`), never index/ or corpus internals. `render` and `reference_table` hold the pure HTML
functions (every corpus and user string is escaped there), `theme` the fonts and stylesheet, `scripts`
the browser snippets, `handlers` the event handlers and API functions, `feedback` the SQLite store,
`serve_cli` the `pns serve` command.
"""
