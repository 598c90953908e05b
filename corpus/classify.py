"""What a fetched response really is: the source's full text, only its abstract, a paywall, a block, or nothing.

Why this matters: the real bibliography mixes open chapters (NCBI Bookshelf), publisher DOIs that
answer a bot with a paywall, an abstract, a cookie wall or a 403, and health-site pages. Storing a
paywall or a cookie banner as if it were the paper would let answers quote a login form. So every
response gets one of the outcome kinds below, and only `full_text` (the document) and
`abstract_only` (the abstract alone, labelled as such) are ever stored.

Rules, in order: 404/410 not_found; 401/403/451 blocked (captcha named when the body is one);
429 blocked (rate limited); other non-2xx error. A 2xx body is read by its reader: PDF or JATS
with text is full text (JATS with only an abstract is abstract_only); an HTML page showing a
captcha or a cookie wall instead of content is blocked; one that says "access through your
institution", "purchase this article" and the like is paywall, or abstract_only when the page
marks an abstract; otherwise a page with at least MIN_FULL_TEXT_CHARS of main text is full text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from corpus.errors import CorpusError
from corpus.http import HttpResponse
from corpus.readers import Extracted, reader_for, reader_named

Outcome = Literal["full_text", "abstract_only", "paywall", "blocked", "not_found", "error"]
OUTCOMES: tuple[Outcome, ...] = ("full_text", "abstract_only", "paywall", "blocked", "not_found", "error")

MIN_FULL_TEXT_CHARS = 500       # main text below this is not a source's full text (banners, stubs, login pages)
COOKIE_WALL_CHARS = 300         # a page whose main text is shorter than this and offers cookie consent is a wall
PAYWALL_FULL_TEXT_CHARS = 15000  # a page this long with a paywall phrase is the text with a sales banner
MIN_ABSTRACT_CHARS = 200

CAPTCHA = re.compile(
    r"captcha|verify (?:that )?you are (?:a )?human|are you a robot|unusual traffic|security check|just a moment\.\.\.|"
    r"checking your browser|attention required|cf-chl|challenge-form",
    re.IGNORECASE,
)
PAYWALL = re.compile(
    r"access through your institution|purchase (?:this )?(?:article|access|pdf|chapter)|buy (?:this )?(?:article|chapter|pdf)|"
    r"rent this article|get (?:full )?access|subscribe (?:now )?to (?:read|continue|view)|sign in to (?:read|view|access)|"
    r"log ?in to (?:read|view|access)|available to subscribers|this content is only available|institutional login",
    re.IGNORECASE,
)
COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
CONSENT = re.compile(r"\b(?:accept|consent|agree|allow all|reject all|manage (?:options|preferences|choices))\b", re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    """One response's outcome; `extracted` is what may be stored (None unless full text or an abstract)."""

    outcome: Outcome
    detail: str
    extracted: Extracted | None = None
    abstract: str | None = None


def classify(resp: HttpResponse) -> Verdict:
    """The outcome kind of one HTTP response (see the module docstring for the rules)."""
    status = resp.status
    if status in (404, 410):
        return Verdict("not_found", f"HTTP {status} at {resp.url}")
    if status in (401, 403, 451):
        why = "a captcha" if CAPTCHA.search(_visible_text(resp.body)) else f"HTTP {status}"
        return Verdict("blocked", f"{why}: {resp.url} refuses automated access")
    if status == 429:
        after = resp.headers.get("Retry-After")
        return Verdict("blocked", f"rate limited (HTTP 429{f', Retry-After {after}' if after else ''}) at {resp.url}; "
                                  "a later `pns corpus fetch` resumes")
    if not 200 <= status < 300:
        return Verdict("error", f"HTTP {status} at {resp.url}")
    try:
        reader = reader_named(_media_type(resp)) if _media_type(resp) else reader_for(resp.url, resp.body)
    except CorpusError:
        return Verdict("error", f"unsupported content type {resp.headers.get('Content-Type')!r} at {resp.url}")
    try:
        extracted = reader.read(resp.body, resp.url)
    except CorpusError as exc:
        return Verdict("error", f"could not extract text: {exc}")
    if reader.media_type == "text/html":
        return _classify_page(resp, extracted)
    return _classify_document(resp, extracted)


def _classify_document(resp: HttpResponse, extracted: Extracted) -> Verdict:
    """PDF, JATS or text: documents, not pages; full text when they hold more than an abstract."""
    text = extracted.text.strip()
    if not text:
        hint = " (a scanned PDF without a text layer)" if extracted.media_type == "application/pdf" else ""
        return Verdict("error", f"no text in the {extracted.media_type} document at {resp.url}{hint}")
    only_abstract = extracted.abstract and all(s.title == "Abstract" for s in extracted.sections)
    if only_abstract:
        return Verdict("abstract_only", f"{extracted.media_type} with an abstract but no body", abstract=extracted.abstract)
    pages = f", {len(extracted.pages)} pages" if extracted.pages else ""
    return Verdict("full_text", f"{extracted.media_type}{pages}, {len(text)} characters", extracted=extracted)


def _classify_page(resp: HttpResponse, extracted: Extracted) -> Verdict:
    visible = _visible_text(resp.body)
    length = len(extracted.text)
    abstract = extracted.abstract if extracted.abstract and len(extracted.abstract) >= MIN_ABSTRACT_CHARS else None
    if length < MIN_FULL_TEXT_CHARS and CAPTCHA.search(visible + _title(resp.body)):
        return Verdict("blocked", f"a captcha / bot check instead of the page at {resp.url}")
    paywall = PAYWALL.search(visible)
    if paywall and length < PAYWALL_FULL_TEXT_CHARS:
        if abstract:
            return Verdict("abstract_only", f"paywall ({paywall.group(0)!r}) at {resp.url}; kept only the abstract "
                                            f"({len(abstract)} characters)", abstract=abstract)
        return Verdict("paywall", f"paywall ({paywall.group(0)!r}) at {resp.url}, no abstract on the page")
    main_is_consent = bool(COOKIE.search(extracted.text) and CONSENT.search(extracted.text))
    if length < MIN_FULL_TEXT_CHARS and (main_is_consent or (length < COOKIE_WALL_CHARS and COOKIE.search(visible)
                                                               and CONSENT.search(visible))):
        return Verdict("blocked", f"a cookie wall instead of the page at {resp.url} ({length} characters of main text)")
    if length >= MIN_FULL_TEXT_CHARS:
        return Verdict("full_text", f"text/html, {length} characters of main text", extracted=extracted)
    if abstract:
        return Verdict("abstract_only", f"only an abstract at {resp.url} ({len(abstract)} characters)", abstract=abstract)
    return Verdict("error", f"no main text at {resp.url} ({length} characters; the page may need JavaScript)")


def _media_type(resp: HttpResponse) -> str | None:
    """The declared type when a reader handles it; None means 'sniff the bytes' (octet-stream, text/xml ...)."""
    declared = resp.content_type
    if declared in ("text/html", "application/xhtml+xml"):
        return "text/html"
    if declared in ("application/pdf", "text/plain", "text/markdown"):
        return declared if not resp.body.lstrip()[:5].lower() == b"%pdf-" else "application/pdf"
    return None


def _visible_text(body: bytes) -> str:
    """The words a person would see (no scripts or styles): where paywall and captcha phrases are looked for."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(body.decode("utf-8", "replace") or "<html/>")
    except (ParserError, ValueError):
        return ""
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    return " ".join(tree.text_content().split())


def _title(body: bytes) -> str:
    m = re.search(rb"<title[^>]*>(.*?)</title>", body[:4096], re.IGNORECASE | re.DOTALL)
    return m.group(1).decode("utf-8", "replace") if m else ""
