"""The Gradio web UI: a cited chat for patients and a reference explorer for clinicians.

Nothing here imports gradio at module level; `app.build_app(settings)` does, so `pns --help`
stays fast. `render` holds the pure Answer -> HTML functions (every corpus and user string is
escaped there, in one place), `feedback` the SQLite store, `serve_cli` the `pns serve` command.
"""
