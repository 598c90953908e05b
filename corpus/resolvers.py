"""Where a reference's text can be found, tried in order of how likely it is open and whole.

1. DOI metadata by content negotiation (CSL-JSON from the DOI resolver): confirms the DOI exists and
   what it names; a DOI the resolver does not know is `not_found` and nothing else is tried.
2. Europe PMC by DOI: a PMC copy's full-text JATS XML (open access), else the abstract it lists,
   and any open-access PDF links it knows.
3. An open-access PDF link (from Europe PMC, or the landing page's citation_pdf_url).
4. The landing page itself (DOI -> publisher; or a Bookshelf chapter; or a web page's URL).
Every base URL comes from settings.corpus, so tests (and mirrors) can point them elsewhere.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, urljoin

from corpus.http import HttpFailure, HttpResponse, PoliteClient
from foundation.settings import Settings

CSL_JSON = "application/vnd.citationstyles.csl+json"
PAGE_ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.5"
XML_ACCEPT = "application/xml,text/xml;q=0.9"
BOOKSHELF = re.compile(r"^https?://(?:www\.)?ncbi\.nlm\.nih\.gov(/books/NBK\d+/?.*)$", re.IGNORECASE)
PDF_META = re.compile(rb"<meta[^>]+name=[\"']citation_pdf_url[\"'][^>]+content=[\"']([^\"']+)[\"']", re.IGNORECASE)


@dataclass
class OpenAccess:
    """What Europe PMC knows about a DOI."""

    pmcid: str | None = None
    open_access: bool = False
    abstract: str | None = None
    pdf_urls: list[str] = field(default_factory=list)
    detail: str = ""


def csl_metadata(client: PoliteClient, settings: Settings, doi: str) -> tuple[dict[str, Any] | None, HttpResponse | None, str]:
    """CSL-JSON for `doi` (None with a reason when the resolver has none)."""
    url = f"{settings.corpus.doi_url.rstrip('/')}/{quote(doi, safe='/')}"
    try:
        resp = client.get(url, CSL_JSON, robots=False)
    except HttpFailure as exc:
        return None, None, f"DOI metadata: {exc}"
    if resp.status != 200:
        return None, resp, f"DOI metadata: HTTP {resp.status}"
    try:
        data = json.loads(resp.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, resp, "DOI metadata: not CSL-JSON"
    return (data if isinstance(data, dict) else None), resp, "DOI metadata (CSL-JSON)"


def europepmc(client: PoliteClient, settings: Settings, doi: str) -> OpenAccess:
    """Europe PMC's record for `doi`: PMC id, open-access flag, abstract, OA PDF links."""
    base = settings.corpus.europepmc_url.rstrip("/")
    query = quote('DOI:"' + doi + '"')
    url = f"{base}/search?query={query}&format=json&resultType=core&pageSize=1"
    try:
        resp = client.get(url, "application/json", robots=False)
    except HttpFailure as exc:
        return OpenAccess(detail=f"Europe PMC: {exc}")
    if resp.status != 200:
        return OpenAccess(detail=f"Europe PMC: HTTP {resp.status}")
    try:
        results = json.loads(resp.body.decode("utf-8")).get("resultList", {}).get("result", [])
    except (UnicodeDecodeError, ValueError, AttributeError):
        return OpenAccess(detail="Europe PMC: unreadable answer")
    if not results:
        return OpenAccess(detail="Europe PMC: no record")
    hit = results[0]
    links = (hit.get("fullTextUrlList") or {}).get("fullTextUrl") or []
    pdfs = [u["url"] for u in links if isinstance(u, dict) and u.get("documentStyle") == "pdf"
            and u.get("availabilityCode") in ("OA", "F") and u.get("url")]
    oa = hit.get("isOpenAccess") == "Y" or hit.get("inPMC") == "Y"
    return OpenAccess(pmcid=hit.get("pmcid"), open_access=oa, abstract=_plain(hit.get("abstractText")), pdf_urls=pdfs,
                      detail=f"Europe PMC: {hit.get('pmcid') or 'no PMC copy'}{' (open access)' if oa else ''}")


def pmc_fulltext_url(settings: Settings, pmcid: str) -> str:
    return f"{settings.corpus.europepmc_url.rstrip('/')}/{pmcid}/fullTextXML"


def doi_landing_url(settings: Settings, doi: str) -> str:
    return f"{settings.corpus.doi_url.rstrip('/')}/{quote(doi, safe='/')}"


def page_url(settings: Settings, url: str) -> str:
    """A printed URL, with NCBI Bookshelf chapters sent to settings.corpus.ncbi_url."""
    m = BOOKSHELF.match(url)
    return f"{settings.corpus.ncbi_url.rstrip('/')}{m.group(1)}" if m else url


def is_bookshelf(url: str | None) -> bool:
    return bool(url and BOOKSHELF.match(url))


def pdf_link(resp: HttpResponse) -> str | None:
    """An open-access PDF the landing page points to (citation_pdf_url), absolute."""
    m = PDF_META.search(resp.body[:200_000])
    return urljoin(resp.url, m.group(1).decode("utf-8", "replace")) if m else None


def _plain(html: object) -> str | None:
    """Europe PMC abstracts carry inline HTML (<i>, <h4>): keep the words."""
    if not isinstance(html, str) or not html.strip():
        return None
    import lxml.html

    try:
        tree = lxml.html.fromstring(f"<div>{html}</div>")
    except ValueError:
        return None
    for el in tree.iter("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "section"):
        el.tail = " " + (el.tail or "")  # block boundaries are word boundaries ('Purpose' + 'We studied')
    return " ".join(tree.text_content().split()) or None
