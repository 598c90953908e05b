"""A cited source's text in a real headless Chromium: the home holds a synthetic PDF for varki2007 (see ui_support).

Ask about a fact printed only on page 5 of that PDF, open the citation and see "Varki 2007, p. 5" with the quote
marked and scrolled into view inside the whole page; then the references tab shows that reference's text as
"Full text" with its provenance, and its indexed text opens in the reader, page by page.
Screenshots go to test-artifacts/ (source-citation-*.png, source-reader-*.png).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_ui_browser import DESKTOP, PHONE, ask, close, no_sideways_scroll, open_app, open_references, size
from ui_support import SOURCE_FACT, SOURCE_FILE, SOURCE_PAGES, SOURCE_QUESTION, SOURCE_REF, UIServer

from assistant.disclaimer import DISCLAIMER

pytestmark = [pytest.mark.browser, pytest.mark.server]

# Is the mark inside its scrolling box's visible area, and is the box taller than what it shows?
MARK_IN_VIEW = """b => { const m = b.querySelector('mark'); const br = b.getBoundingClientRect(), mr = m.getBoundingClientRect();
  return {long: b.scrollHeight > b.clientHeight + 20, inside: mr.top >= br.top - 1 && mr.bottom <= br.bottom + 1,
          scrolled: b.scrollTop}; }"""


def open_source_citation(page: Any, turn: Any) -> Any:
    cite = turn.locator(f"details.pns-cite[data-source='{SOURCE_REF}']").first
    target = cite.get_attribute("id")
    turn.locator(f"a.pns-marker[data-target='{target}']").first.click()
    page.wait_for_function("d => d.open", arg=cite.element_handle())
    page.wait_for_timeout(700)  # the smooth scroll to the passage
    return cite


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=size)
def test_a_source_passage_opens_in_its_page_with_the_mark_in_view(browser: Any, source_server: UIServer,
                                                                   artifacts_dir: Path, viewport: dict[str, int]) -> None:
    page = open_app(browser, source_server, viewport)
    turn = ask(page, SOURCE_QUESTION)
    assert DISCLAIMER in turn.locator(".pns-disclaimer").inner_text()
    assert "[" not in turn.locator(".pns-answer-body").inner_text()  # markers are badges, no brackets on screen
    cite = open_source_citation(page, turn)
    assert cite.locator(".pns-cite-label").inner_text() == "Varki 2007, p. 5"
    assert "Varki 2007, p. 5" in cite.locator("summary").inner_text()
    assert SOURCE_FILE in cite.locator(".pns-cite-source").inner_text()
    box = cite.locator("blockquote.pns-passage-page")
    mark = box.locator("mark.pns-quote")
    assert "37 of 120 patients" in mark.inner_text() and mark.is_visible()
    assert f"Page 5 of {SOURCE_PAGES}." in box.inner_text()  # the whole page, its printed header too
    state = box.evaluate(MARK_IN_VIEW)
    assert state["long"] and state["inside"] and state["scrolled"] > 0, state
    page.screenshot(path=str(artifacts_dir / f"source-citation-{size(viewport)}.png"))
    no_sideways_scroll(page, viewport)

    # opened by its heading instead of its number: the box still scrolls to the mark
    cite.locator("summary").click()
    page.wait_for_function("d => !d.open", arg=cite.element_handle())
    box.evaluate("b => { b.scrollTop = 0; }")
    cite.locator("summary").click()
    page.wait_for_function("d => d.open", arg=cite.element_handle())
    page.wait_for_timeout(200)
    state = box.evaluate(MARK_IN_VIEW)
    assert state["inside"] and state["scrolled"] > 0, state
    close(page)


def test_the_references_tab_shows_full_text_and_reads_the_indexed_text(browser: Any, source_server: UIServer,
                                                                      artifacts_dir: Path) -> None:
    page = open_app(browser, source_server, DESKTOP)
    open_references(page)
    row = page.locator(f"#pns-ref-table tr[data-ref-id='{SOURCE_REF}']")
    assert row.locator(".pns-badge").first.inner_text() == "Full text"
    assert page.locator("#pns-ref-table .pns-badge-meta").count() == 20
    row.locator("details.pns-ref-details summary").click()
    details = row.locator("details.pns-ref-details").inner_text()
    assert SOURCE_FILE in details and f"{SOURCE_PAGES} pages" in details and "sha256" in details and "pypdf" in details

    row.get_by_role("button", name="Read the indexed text of Varki 2007").first.click()
    reader = page.locator("#pns-reader .pns-reader")
    page.wait_for_function("() => (document.querySelector('#pns-reader .pns-reader-label') || {}).textContent === 'Varki 2007, p. 1'")
    assert f"page 1 of {SOURCE_PAGES}" in reader.inner_text() and SOURCE_FILE in reader.inner_text()
    assert "Varki 2007" in page.locator("#pns-reader-pick input").input_value()
    page.get_by_role("button", name="Next page").click()
    page.wait_for_function("() => document.querySelector('#pns-reader .pns-reader-label').textContent === 'Varki 2007, p. 2'")
    box = page.locator("#pns-reader-page input")
    box.fill("5")
    box.press("Enter")
    page.wait_for_function("() => document.querySelector('#pns-reader .pns-reader-label').textContent === 'Varki 2007, p. 5'")
    assert SOURCE_FACT in page.locator("#pns-reader .pns-reader-text").inner_text()
    assert box.input_value() == "5"
    page.locator("#pns-reader").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / f"source-reader-{size(DESKTOP)}.png"))
    no_sideways_scroll(page, DESKTOP)
    close(page)
