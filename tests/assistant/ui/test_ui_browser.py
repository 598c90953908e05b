"""The app in a real headless Chromium: ask, open a citation, read the highlighted passage; XSS; phone layout."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from ui_support import UIServer

from assistant.disclaimer import DISCLAIMER

pytestmark = [pytest.mark.browser, pytest.mark.server]

TIMEOUT_MS = 60_000
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def open_app(browser: Any, server: UIServer, viewport: dict[str, int]) -> Any:
    page = browser.new_page(viewport=viewport)
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(server.url)
    page.get_by_label("Your question").wait_for()
    return page


def ask(page: Any, question: str) -> Any:
    """Type a question, press Ask, wait for the finished answer (its disclaimer); return that turn."""
    before = page.locator(".pns-reply .pns-disclaimer").count()
    page.get_by_label("Your question").fill(question)
    page.get_by_role("button", name="Ask", exact=True).click()
    page.wait_for_function(
        "n => document.querySelectorAll('.pns-reply .pns-disclaimer').length > n && !document.querySelector('[aria-busy=true]')",
        arg=before,
    )
    return page.locator(".pns-turn").last


def test_ask_open_a_citation_and_see_the_passage(browser: Any, ui_server: UIServer, artifacts_dir: Path) -> None:
    page = open_app(browser, ui_server, DESKTOP)
    banner = page.locator("#pns-banner")
    assert DISCLAIMER in banner.inner_text()

    turn = ask(page, "What are the common symptoms of paraneoplastic syndromes?")
    assert DISCLAIMER in turn.locator(".pns-disclaimer").inner_text()
    marker = turn.locator("a.pns-marker").first
    number = marker.inner_text()
    cite = turn.locator(f"details.pns-cite[data-marker='{number}']")
    assert not cite.evaluate("d => d.open")

    marker.click()
    page.wait_for_function("d => d.open", arg=cite.element_handle())
    quote = cite.locator("mark.pns-quote")
    quote.wait_for(state="visible")
    assert len(quote.inner_text().strip()) > 20
    assert "From" in cite.locator(".pns-cite-source").inner_text()
    page.screenshot(path=str(artifacts_dir / "chat.png"), full_page=True)

    # the same page at phone size: readable, no sideways scrolling, passage still open
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    page.screenshot(path=str(artifacts_dir / "chat-phone-full.png"), full_page=True)
    quote.evaluate("m => m.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(300)
    page.screenshot(path=str(artifacts_dir / "chat-phone.png"))  # the viewport: an opened passage as a phone shows it

    # a citation's related references link out to DOI/URL
    hrefs = page.eval_on_selector_all("details.pns-cite ul.pns-refs a", "as => as.map(a => a.href)")
    assert all(h.startswith("https://") for h in hrefs)

    page.get_by_role("button", name="New conversation").click()
    page.wait_for_function("() => document.querySelectorAll('.pns-turn').length === 0")
    page.close()


def test_emergency_answer_is_an_alert_at_the_top(browser: Any, ui_server: UIServer, artifacts_dir: Path) -> None:
    page = open_app(browser, ui_server, PHONE)
    turn = ask(page, "My husband is having a seizure right now, what do I do?")
    alert = turn.locator(".pns-reply .pns-answer > .pns-status-emergency[role=alert]")
    assert alert.is_visible()
    assert "emergency" in alert.locator(".pns-answer-body").inner_text().lower()  # the advice itself, inside the alert
    box, disclaimer = alert.bounding_box(), turn.locator(".pns-disclaimer").bounding_box()
    assert box and disclaimer and box["y"] < disclaimer["y"]
    color = alert.evaluate("e => getComputedStyle(e).backgroundColor")
    assert color == "rgb(254, 226, 226)"
    page.screenshot(path=str(artifacts_dir / "emergency-phone.png"), full_page=True)
    page.close()


@pytest.mark.parametrize(
    "payload",
    [
        "<script>window.__pwned = 1</script> what are paraneoplastic syndromes?",
        '<img src=x onerror="window.__pwned = 2"> symptoms?',
        "${window.__pwned = 3} {{constructor.constructor('window.__pwned = 4')()}} treatment?",
    ],
)
def test_html_in_a_question_shows_as_text_and_runs_nothing(browser: Any, ui_server: UIServer, payload: str) -> None:
    page = open_app(browser, ui_server, DESKTOP)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    turn = ask(page, payload)
    assert turn.locator(".pns-question p").last.inner_text() == payload
    assert page.evaluate("window.__pwned") is None
    assert turn.locator(".pns-question script, .pns-question img").count() == 0
    assert not dialogs
    page.close()


def test_feedback_buttons_store_a_row(browser: Any, ui_server: UIServer) -> None:
    page = open_app(browser, ui_server, DESKTOP)
    before = ui_server.feedback.count()
    ask(page, "How are paraneoplastic syndromes diagnosed?")
    page.get_by_text("Was the last answer helpful?").click()
    page.get_by_label("Comment (optional)").fill("Clear and well sourced")
    page.get_by_role("button", name="👍 Helpful").click()
    page.get_by_text("your feedback was saved").wait_for()
    assert ui_server.feedback.count() == before + 1
    row = ui_server.feedback.rows(limit=1)[0]
    assert (row.rating, row.comment, row.question) == ("up", "Clear and well sourced", "How are paraneoplastic syndromes diagnosed?")
    assert row.answer.rstrip().endswith(DISCLAIMER) and row.session_id
    page.close()


def test_references_tab_search_and_export(browser: Any, ui_server: UIServer, artifacts_dir: Path, tmp_path: Path) -> None:
    page = open_app(browser, ui_server, DESKTOP)
    page.get_by_role("tab", name="References (for clinicians)").click()
    table = page.locator("#pns-ref-table")
    first_id = page.locator("#pns-ref-cards .pns-ref-id code").first.inner_text()  # cards and table share the order
    page.wait_for_function("id => document.querySelector('#pns-ref-table').innerText.includes(id)", arg=first_id)
    n_refs = page.locator("#pns-ref-cards .pns-refcard").count()
    assert n_refs >= 21 and f"References ({n_refs})" in table.inner_text()
    page.screenshot(path=str(artifacts_dir / "references.png"), full_page=False)

    page.get_by_label("Search references").fill("blood")
    page.wait_for_function("() => document.querySelectorAll('#pns-ref-cards .pns-refcard').length === 1")
    page.wait_for_function("() => document.querySelector('#pns-ref-table').innerText.includes('References (1 of')")
    assert "varki2007" in table.inner_text() and "10.1182/blood-2006-10-053736" in table.inner_text()
    card = page.locator("#pns-ref-cards .pns-refcard")
    assert "Varki" in card.inner_text()
    assert card.locator("a[href='https://doi.org/10.1182/blood-2006-10-053736']").count() == 1

    page.get_by_text("Export references (BibTeX / RIS)").click()
    page.get_by_label("Varki 2007", exact=False).check()
    page.get_by_label("RIS (.ris)").check()
    page.get_by_role("button", name="Export", exact=True).click()
    link = page.locator("#pns-export-file a[download]").first
    link.wait_for()
    with page.expect_download() as dl:
        link.click()
    path = tmp_path / "refs.ris"
    dl.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert text.count("TY  - ") == 1 and "10.1182/blood-2006-10-053736" in text

    page.set_viewport_size(PHONE)
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    page.screenshot(path=str(artifacts_dir / "references-phone.png"), full_page=False)
    page.close()
