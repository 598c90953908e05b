"""The app in a real headless Chromium at 1280x900 and on a 390x844 phone: ask, open a citation, copy, the
references table (measured), fonts actually drawn, icons, examples, long questions, XSS, feedback.

Screenshots go to test-artifacts/ as <what>-<width>x<height>.png; measured numbers go to
test-artifacts/ui-measurements.json (row heights, overflow widths, font families).
"""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path
from typing import Any

import pytest
from ui_support import UIServer

from assistant.disclaimer import DISCLAIMER

pytestmark = [pytest.mark.browser, pytest.mark.server]

TIMEOUT_MS = 60_000
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]")
WEB_FONT = re.compile(r"fonts\.googleapis|fonts\.gstatic|\.woff2?(\?|$)|\.ttf(\?|$)|\.otf(\?|$)", re.I)


def size(viewport: dict[str, int]) -> str:
    return f"{viewport['width']}x{viewport['height']}"


def record(artifacts_dir: Path, key: str, value: Any) -> None:
    """Keep a measured number for the report (test-artifacts/ui-measurements.json)."""
    path = artifacts_dir / "ui-measurements.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[key] = value
    path.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")


def open_app(browser: Any, server: UIServer, viewport: dict[str, int]) -> Any:
    context = browser.new_context(viewport=viewport, permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.requested = []  # every URL the page asked for (fonts included)
    page.on("request", lambda r: page.requested.append(r.url))
    page.goto(server.url)
    page.get_by_label("Your question").wait_for()
    return page


def close(page: Any) -> None:
    page.context.close()


def wait_for_answer(page: Any, before: int) -> Any:
    page.wait_for_function(
        "n => document.querySelectorAll('.pns-reply .pns-disclaimer').length > n && !document.querySelector('[aria-busy=true]')",
        arg=before,
    )
    return page.locator(".pns-turn").last


def ask(page: Any, question: str) -> Any:
    """Type a question, press Ask, wait for the finished answer (its disclaimer, nothing busy); return that turn."""
    before = page.locator(".pns-reply .pns-disclaimer").count()
    page.get_by_label("Your question").fill(question)
    page.get_by_role("button", name="Ask", exact=True).click()
    return wait_for_answer(page, before)


def show_turn(page: Any, turn: Any) -> None:
    """Bring a turn's start to the top of the viewport once the app's own smooth scroll has finished."""
    page.wait_for_timeout(800)
    turn.evaluate("t => t.scrollIntoView({block: 'start'})")
    page.wait_for_timeout(200)


def no_sideways_scroll(page: Any, viewport: dict[str, int]) -> int:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"the page scrolls sideways: {width} px wide at {viewport['width']}"
    return width


def open_references(page: Any) -> Any:
    page.evaluate("window.scrollTo(0, 0)")
    page.get_by_role("tab", name="References", exact=True).click()
    table = page.locator("#pns-ref-table table.pns-reftable")
    table.wait_for()
    return table


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=size)
def test_ask_open_a_citation_and_copy_the_answer(browser: Any, ui_server: UIServer, artifacts_dir: Path,
                                                 viewport: dict[str, int]) -> None:
    page = open_app(browser, ui_server, viewport)
    assert DISCLAIMER in page.locator("#pns-banner").inner_text()
    turn = ask(page, "What are the common symptoms of paraneoplastic syndromes?")
    assert DISCLAIMER in turn.locator(".pns-disclaimer").inner_text()
    show_turn(page, turn)
    page.screenshot(path=str(artifacts_dir / f"chat-{size(viewport)}.png"))

    marker = turn.locator("a.pns-marker").first
    number = marker.inner_text()
    cite = turn.locator(f"details.pns-cite[data-marker='{number}']")
    assert not cite.evaluate("d => d.open")
    marker.click()
    page.wait_for_function("d => d.open", arg=cite.element_handle())
    quote = cite.locator("mark.pns-quote")
    quote.wait_for(state="visible")
    assert len(quote.inner_text().strip()) > 20
    passage = cite.locator("blockquote.pns-passage").inner_text()
    assert len(passage) > len(quote.inner_text()), "the quote is shown inside its section, not alone"
    assert "From" in cite.locator(".pns-cite-source").inner_text()
    page.wait_for_timeout(700)  # the smooth scroll to the passage
    page.screenshot(path=str(artifacts_dir / f"citation-{size(viewport)}.png"))
    record(artifacts_dir, f"chat_scroll_width_{size(viewport)}", no_sideways_scroll(page, viewport))
    hrefs = page.eval_on_selector_all("details.pns-cite ul.pns-refs a", "as => as.map(a => a.href)")
    assert all(h.startswith("https://") for h in hrefs)

    copy = turn.get_by_role("button", name="Copy answer with its references (NLM/Vancouver)")
    copy.scroll_into_view_if_needed()
    button = copy.bounding_box()
    assert button and button["x"] + button["width"] <= viewport["width"]
    copy.click()
    page.wait_for_function("b => b.dataset.copied === 'yes'", arg=copy.element_handle())
    copied = page.evaluate("navigator.clipboard.readText()")
    body_start = turn.locator(".pns-answer-body").inner_text().split("[")[0].strip()[:40]
    assert copied.startswith(body_start) and "Cited passages, from" in copied
    assert "NLM/Vancouver" in copied and "doi:10." in copied  # related references in the style clinicians paste
    assert copied.rstrip().endswith(DISCLAIMER)

    page.get_by_role("button", name="New conversation").click()
    page.wait_for_function("() => document.querySelectorAll('.pns-turn').length === 0")
    close(page)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=size)
def test_a_refusal_says_why_and_what_to_ask_instead(browser: Any, ui_server: UIServer, artifacts_dir: Path,
                                                    viewport: dict[str, int]) -> None:
    page = open_app(browser, ui_server, viewport)
    turn = ask(page, "What is the capital of France?")
    note = turn.locator(".pns-status[role=note]")
    assert note.is_visible() and turn.locator(".pns-answer").get_attribute("data-status") in ("out_of_scope", "not_found")
    assert note.locator(".pns-next").inner_text().strip()  # a next step, not just a "no"
    assert note.locator("svg.pns-icon").count() == 1
    assert DISCLAIMER in turn.locator(".pns-disclaimer").inner_text()
    show_turn(page, turn)
    page.screenshot(path=str(artifacts_dir / f"refusal-{size(viewport)}.png"))
    no_sideways_scroll(page, viewport)
    close(page)


def test_emergency_answer_is_an_alert_at_the_top(browser: Any, ui_server: UIServer, artifacts_dir: Path) -> None:
    page = open_app(browser, ui_server, PHONE)
    turn = ask(page, "My husband is having a seizure right now, what do I do?")
    alert = turn.locator(".pns-reply .pns-answer > .pns-status-emergency[role=alert]")
    assert alert.is_visible()
    assert "emergency" in alert.locator(".pns-answer-body").inner_text().lower()  # the advice itself, inside the alert
    box, disclaimer = alert.bounding_box(), turn.locator(".pns-disclaimer").bounding_box()
    assert box and disclaimer and box["y"] < disclaimer["y"]
    assert alert.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(254, 226, 226)"
    page.screenshot(path=str(artifacts_dir / f"emergency-{size(PHONE)}.png"), full_page=True)
    close(page)


def row_heights(page: Any) -> list[float]:
    return page.eval_on_selector_all("#pns-ref-table tbody tr[data-ref-id]", "rs => rs.map(r => r.getBoundingClientRect().height)")


def test_references_table_is_compact_and_copies_and_exports_at_1280(browser: Any, ui_server: UIServer,
                                                                    artifacts_dir: Path, tmp_path: Path) -> None:
    page = open_app(browser, ui_server, DESKTOP)
    table = open_references(page)
    heights = row_heights(page)
    assert len(heights) == 21 and "References (21)" in table.inner_text()
    record(artifacts_dir, "ref_row_height_px_1280", {"median": statistics.median(heights), "max": max(heights)})
    assert statistics.median(heights) <= 52 and max(heights) <= 80  # the Dataframe's rows were ~100 px
    fits = table.evaluate("t => [t.getBoundingClientRect().right, t.parentElement.scrollWidth, t.parentElement.clientWidth]")
    assert fits[0] <= DESKTOP["width"] and fits[1] <= fits[2], fits  # whole table visible, nothing cut off
    doi_header = page.locator("#pns-ref-table th.pns-cell-doi").bounding_box()
    assert doi_header and doi_header["x"] + doi_header["width"] <= DESKTOP["width"]
    fonts = table.evaluate("t => getComputedStyle(t.querySelector('td')).fontFamily")
    assert "mono" not in fonts.lower()
    page.locator("#pns-ref-table").scroll_into_view_if_needed()
    page.evaluate("document.querySelector('#pns-ref-controls').scrollIntoView({block: 'start'})")
    page.wait_for_timeout(200)
    page.screenshot(path=str(artifacts_dir / f"references-{size(DESKTOP)}.png"))

    row = page.locator("#pns-ref-table tr[data-ref-id='varki2007']")
    row.get_by_role("button").click()
    page.wait_for_function("b => b.dataset.copied === 'yes'", arg=row.get_by_role("button").element_handle())
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Varki A. Trousseau") and "doi:10.1182/blood-2006-10-053736" in copied  # NLM/Vancouver
    page.get_by_label("Copy buttons copy as").click()
    page.get_by_role("option", name="BibTeX").click()
    page.wait_for_function("() => document.querySelector('#pns-ref-table tr[data-ref-id=varki2007] button')"
                           ".dataset.copy.startsWith('@article{varki2007')")

    page.get_by_label("Search references").fill("blood")
    page.wait_for_function("() => document.querySelectorAll('#pns-ref-table tr[data-ref-id]').length === 1")
    assert "References (1 of 21)" in table.inner_text()
    assert row.locator("a[href='https://doi.org/10.1182/blood-2006-10-053736']").count() == 1

    page.get_by_text("Export references (file)").click()
    page.get_by_role("checkbox", name="Varki 2007").check()
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
    close(page)


def test_references_table_fits_a_phone_with_its_doi_column(browser: Any, ui_server: UIServer, artifacts_dir: Path) -> None:
    page = open_app(browser, ui_server, PHONE)
    table = open_references(page)
    record(artifacts_dir, "ref_scroll_width_390", no_sideways_scroll(page, PHONE))
    right = max(page.eval_on_selector_all("#pns-ref-table tr", "rs => rs.map(r => r.getBoundingClientRect().right)"))
    assert right <= PHONE["width"]
    wrap = table.evaluate("t => [t.parentElement.scrollWidth, t.parentElement.clientWidth]")
    assert wrap[0] <= wrap[1], wrap
    doi = page.locator("#pns-ref-table th.pns-cell-doi")
    box = doi.bounding_box()
    assert doi.is_visible() and box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    link = page.locator("#pns-ref-table tr[data-ref-id='varki2007'] td.pns-cell-doi a")
    lbox = link.bounding_box()
    assert link.is_visible() and lbox and lbox["x"] + lbox["width"] <= PHONE["width"]
    heights = row_heights(page)
    record(artifacts_dir, "ref_row_height_px_390", {"median": statistics.median(heights), "max": max(heights)})
    assert statistics.median(heights) <= 130

    # "Sort by": its label sits above the control, and the value text ends before the dropdown arrow
    label = page.locator("#pns-ref-sort [data-testid=block-info]").bounding_box()
    control = page.locator("#pns-ref-sort input")
    cbox = control.bounding_box()
    arrow = page.locator("#pns-ref-sort .icon-wrap").bounding_box()
    assert label and cbox and arrow and label["y"] + label["height"] <= cbox["y"]
    text_right = control.evaluate(
        "i => { const cs = getComputedStyle(i); const c = document.createElement('canvas').getContext('2d');"
        " c.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;"
        " return i.getBoundingClientRect().left + parseFloat(cs.paddingLeft) + c.measureText(i.value).width; }"
    )
    record(artifacts_dir, "sort_by_gap_to_arrow_px_390", round(arrow["x"] - text_right, 1))
    assert text_right <= arrow["x"], f"the sort value runs under the arrow ({text_right} > {arrow['x']})"
    page.evaluate("document.querySelector('#pns-ref-controls').scrollIntoView({block: 'start'})")
    page.wait_for_timeout(200)
    page.screenshot(path=str(artifacts_dir / f"references-{size(PHONE)}.png"))
    page.evaluate("document.querySelector('#pns-ref-table').scrollIntoView({block: 'start'})")
    page.wait_for_timeout(200)
    page.screenshot(path=str(artifacts_dir / f"references-table-{size(PHONE)}.png"))
    close(page)


def platform_fonts(page: Any, selector: str) -> list[str]:
    """The font families Chromium actually drew `selector`'s text with (DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, selector
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return sorted({f["familyName"] for f in fonts})


def test_text_is_drawn_in_installed_fonts_only(browser: Any, ui_server: UIServer, artifacts_dir: Path) -> None:
    page = open_app(browser, ui_server, DESKTOP)
    ask(page, "What is Lambert-Eaton myasthenic syndrome?")
    computed = {
        sel: page.evaluate(f"getComputedStyle(document.querySelector({json.dumps(sel)})).fontFamily")
        for sel in (".gradio-container", ".pns-header h1", ".pns-who", ".pns-reply .pns-answer-body", "#pns-ask", "#pns-question textarea")
    }
    for sel, family in computed.items():
        assert "Source Sans" not in family and "IBM Plex" not in family, (sel, family)
        assert family.startswith("system-ui"), (sel, family)
    drawn = {sel: platform_fonts(page, sel) for sel in (".pns-who", ".pns-header h1", ".pns-reply .pns-answer-body p",
                                                        ".pns-disclaimer strong", "#pns-ask")}
    record(artifacts_dir, "fonts", {"computed": computed[".gradio-container"], "drawn": drawn})
    families = {name for names in drawn.values() for name in names}
    assert all(len(names) == 1 for names in drawn.values()), drawn  # bold and regular from one family each
    assert len(families) == 1, drawn  # and the same family everywhere
    assert page.evaluate("document.fonts.size") == 0  # no @font-face at all
    assert not [u for u in page.requested if WEB_FONT.search(u)]
    assert all(u.startswith(ui_server.url) for u in page.requested if u.startswith("http"))
    close(page)


def test_no_emoji_and_the_icons_are_drawn(browser: Any, ui_server: UIServer) -> None:
    page = open_app(browser, ui_server, DESKTOP)
    ask(page, "Is it in my genes?")  # any status; its note (if any) carries an svg icon
    page.get_by_text("Was the last answer helpful?").click()
    text = page.evaluate("document.body.innerText")
    assert not EMOJI.findall(text), EMOJI.findall(text)
    for name in ("Helpful", "Not helpful"):
        button = page.get_by_role("button", name=name, exact=True)
        image = button.evaluate("b => getComputedStyle(b, '::before').backgroundImage")
        assert "svg" in image, image
    close(page)


def test_clicking_an_example_asks_it_at_once(browser: Any, ui_server: UIServer) -> None:
    page = open_app(browser, ui_server, DESKTOP)
    example = "What is Lambert-Eaton myasthenic syndrome?"
    page.get_by_role("button", name=example).or_(page.get_by_text(example, exact=True)).first.click()
    turn = wait_for_answer(page, 0)
    assert turn.locator(".pns-question p").last.inner_text() == example
    assert turn.locator(".pns-answer").get_attribute("data-status") == "answered"
    assert page.get_by_label("Your question").input_value() == ""
    close(page)


def test_a_too_long_question_is_explained_and_kept_not_cut(browser: Any, ui_server: UIServer, artifacts_dir: Path) -> None:
    page = open_app(browser, ui_server, PHONE)
    limit = ui_server.settings.answer.max_question_chars
    question = ("What are the symptoms of paraneoplastic syndromes in adults? " * 25)[: limit + 120].strip()
    box = page.get_by_label("Your question")
    box.fill(question)
    count = page.locator("#pns-count .pns-count")
    page.wait_for_function("() => document.querySelector('#pns-count .pns-count').dataset.over === 'yes'")
    assert f"{limit:,}" in count.inner_text() and count.is_visible()  # before sending
    page.get_by_role("button", name="Ask", exact=True).click()
    note = page.locator("#pns-input-note [role=alert]")
    note.wait_for()
    assert f"the limit is {limit} characters" in note.inner_text() and "still in the box" in note.inner_text()
    page.wait_for_function("n => document.querySelector('#pns-question textarea').value.length === n", arg=len(question))
    assert box.input_value() == question  # nothing cut, nothing lost
    assert page.locator(".pns-turn").count() == 0
    assert not count.is_visible()  # one message at a time: the assistant's, for the text as sent
    note.scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts_dir / f"too-long-{size(PHONE)}.png"))
    box.press("End")
    box.press("Backspace")  # editing: the note about the sent text goes, the live count comes back
    note.wait_for(state="detached")
    assert count.is_visible() and f"{len(question) - 1:,} of {limit:,}" in count.inner_text()
    close(page)


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
    close(page)


def test_feedback_buttons_store_a_row(browser: Any, ui_server: UIServer) -> None:
    page = open_app(browser, ui_server, DESKTOP)
    before = ui_server.feedback.count()
    ask(page, "How are paraneoplastic syndromes diagnosed?")
    page.get_by_text("Was the last answer helpful?").click()
    page.get_by_label("Comment (optional)").fill("Clear and well sourced")
    page.get_by_role("button", name="Helpful", exact=True).click()
    page.get_by_text("your feedback was saved").wait_for()
    assert ui_server.feedback.count() == before + 1
    row = ui_server.feedback.rows(limit=1)[0]
    assert (row.rating, row.comment, row.question) == ("up", "Clear and well sourced", "How are paraneoplastic syndromes diagnosed?")
    assert row.answer.rstrip().endswith(DISCLAIMER) and row.session_id
    close(page)
