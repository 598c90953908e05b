"""`pns corpus fetch`: find each cited source's text on the web, say honestly what was found, keep only real text.

Per reference (corpus/resolvers.py has the order and why): DOI metadata by content negotiation,
then Europe PMC's open-access JATS full text, an open-access PDF, and finally the landing page
(publisher, NCBI Bookshelf chapter or web page). Each response is classified (corpus/classify.py)
as full_text, abstract_only, paywall, blocked, not_found or error; only full text, or an abstract
labelled as one, is stored. The HTTP side (corpus/http.py) identifies us with a contact address,
respects robots.txt, waits between requests to one host and honours Retry-After.

Resumable: each reference's result is written to the fetch log (corpus/fetch_log.py) as soon as it
is known, and a later run skips references whose full text is already held (`refresh=True` asks
again, conditionally: ETag/Last-Modified, then sha256). A user-supplied file (`pns corpus add`) is
never replaced by a download, and a held full text is never replaced by an abstract.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, replace

from corpus.classify import OUTCOMES, Outcome, Verdict, classify
from corpus.fetch_log import record
from corpus.http import HttpFailure, HttpResponse, PoliteClient
from corpus.manifest import ManifestEntry, sha256_bytes
from corpus.models import FetchRecord, Reference
from corpus.resolvers import (
    PAGE_ACCEPT, XML_ACCEPT, csl_metadata, doi_landing_url, europepmc, is_bookshelf, page_url, pdf_link,
    pmc_fulltext_url,
)
from corpus.sources import DEFAULT_LICENCE, add_source, extension_for, held_entry, now_iso, remember_extraction
from foundation.settings import Settings

__all__ = ["OUTCOMES", "FetchResult", "Outcome", "fetch_reference", "fetch_sources"]


@dataclass(frozen=True)
class FetchResult:
    """What happened to one reference."""

    reference_id: str
    outcome: Outcome
    detail: str
    url: str | None = None
    http_status: int | None = None
    path: str | None = None
    chars: int | None = None
    via: str | None = None
    chain: tuple[str, ...] = ()
    changed: bool = False
    metadata_title: str | None = None

    def to_dict(self) -> dict[str, object]:
        return asdict(self) | {"chain": list(self.chain)}

    def to_record(self, asked: str | None, at: str) -> FetchRecord:
        """The fetch log's record of this result: every field it shares, with the address asked (`url`), the one
        reached (`final_url`, this result's `url`) and when; so a field both carry is copied without naming it."""
        return FetchRecord.model_validate(self.to_dict() | {"url": asked, "final_url": self.url, "at": at})


@dataclass(frozen=True)
class _Attempt:
    verdict: Verdict
    via: str
    resp: HttpResponse | None = None
    url: str | None = None
    unchanged: bool = False


def fetch_reference(settings: Settings, ref: Reference, url: str | None = None, *, client: PoliteClient | None = None,
                    refresh: bool = False) -> FetchResult:
    """Resolve, fetch, classify and (for full text or an abstract) store one reference; logs the result."""
    client = client or PoliteClient(settings)
    held = held_entry(settings, ref.id)
    if held is not None and (held.user_supplied or (held.coverage == "full_text" and not refresh)):
        who = f"a user-supplied file ({held.original_name or held.path})" if held.user_supplied else f"its full text ({held.path})"
        outcome: Outcome = "full_text" if held.coverage == "full_text" else "abstract_only"
        return FetchResult(ref.id, outcome, f"{who} is already held; not fetched"
                           + ("" if held.user_supplied else " (use --refresh to ask again)"), held.origin_url, path=held.path,
                           chars=held.characters, via="held")
    title: str | None = None
    if not (ref.doi or url or ref.url):
        result = FetchResult(ref.id, "not_found", "the bibliography entry has no DOI or URL to fetch")
    else:
        attempt, title, notes = _resolve(client, settings, ref, url, held)
        result = _store(settings, ref, attempt, held, notes)
    result = replace(result, metadata_title=title)
    record(settings.resolved_sources_dir, result.to_record(url or ref.url, now_iso()))
    return result


def _resolve(client: PoliteClient, settings: Settings, ref: Reference, url: str | None,
             held: ManifestEntry | None) -> tuple[_Attempt, str | None, list[str]]:
    """The deciding attempt (full text if anywhere), the DOI's CSL title, and notes on the way."""
    notes: list[str] = []
    abstract: _Attempt | None = None
    title = None
    tried: set[str] = set()
    if ref.doi:
        csl, resp, note = csl_metadata(client, settings, ref.doi)
        notes.append(note)
        title = _csl_title(csl)
        if resp is not None and resp.status in (404, 410):
            return _Attempt(Verdict("not_found", f"the DOI resolver does not know {ref.doi} (HTTP {resp.status})"),
                            "doi", resp, resp.url), title, notes
        oa = europepmc(client, settings, ref.doi)
        notes.append(oa.detail)
        if oa.pmcid and oa.open_access:
            got = _try(client, pmc_fulltext_url(settings, oa.pmcid), XML_ACCEPT, "europepmc-jats", held, robots=False)
            if got.verdict.outcome == "full_text":
                return got, title, notes
            notes.append(f"PMC full text: {got.verdict.outcome} ({got.verdict.detail})")
            abstract = got if got.verdict.abstract else abstract
        if oa.abstract and abstract is None:
            abstract = _Attempt(Verdict("abstract_only", f"abstract listed by Europe PMC for {ref.doi}", abstract=oa.abstract),
                                "europepmc-abstract", url=f"https://europepmc.org/search?query=DOI:{ref.doi}")
        for link in oa.pdf_urls:
            got = _try(client, link, PAGE_ACCEPT, "oa-pdf", held)
            tried.add(link)
            if got.verdict.outcome == "full_text":
                return got, title, notes
        landing, via = url or doi_landing_url(settings, ref.doi), "landing"
    else:
        target = url or ref.url or ""
        landing, via = page_url(settings, target), ("bookshelf" if is_bookshelf(target) else "web")
    page = _try(client, landing, PAGE_ACCEPT, via, held)
    if page.verdict.outcome == "full_text":
        return page, title, notes
    link = pdf_link(page.resp) if page.resp is not None and page.resp.status == 200 else None
    if link and link not in tried:
        got = _try(client, link, PAGE_ACCEPT, "oa-pdf", held)
        if got.verdict.outcome == "full_text":
            return got, title, notes
    if page.verdict.abstract:
        abstract = page
    if abstract is not None and page.verdict.outcome != "abstract_only":
        notes.append(f"{via}: {page.verdict.outcome} ({page.verdict.detail})")
        return abstract, title, notes
    return page, title, notes


def _try(client: PoliteClient, url: str, accept: str, via: str, held: ManifestEntry | None, robots: bool = True) -> _Attempt:
    """One GET, classified; transport failures and robots.txt refusals become verdicts too."""
    headers = {}
    if held is not None and not held.user_supplied and held.origin_url == url:
        headers = {k: v for k, v in (("If-None-Match", held.etag), ("If-Modified-Since", held.last_modified)) if v}
    try:
        resp = client.get(url, accept, robots=robots, headers=headers)
    except HttpFailure as exc:
        kind: Outcome = "blocked" if exc.kind == "robots" else "error"
        return _Attempt(Verdict(kind, str(exc)), via, url=url)
    if resp.status == 304 and held is not None:
        return _Attempt(Verdict("full_text", "not modified (ETag/Last-Modified)"), via, resp, resp.url, unchanged=True)
    return _Attempt(classify(resp), via, resp, resp.url)


def _store(settings: Settings, ref: Reference, attempt: _Attempt, held: ManifestEntry | None,
           notes: list[str]) -> FetchResult:
    v, resp = attempt.verdict, attempt.resp
    base = FetchResult(ref.id, v.outcome, v.detail, attempt.url, resp.status if resp else None, via=attempt.via,
                       chain=resp.chain if resp else ())
    if v.outcome == "full_text" and attempt.unchanged and held is not None:
        return replace(base, path=held.path, chars=held.characters)
    if v.outcome == "full_text" and resp is not None and v.extracted is not None:
        digest = sha256_bytes(resp.body)
        if held is not None and held.sha256 == digest:
            return replace(base, detail=f"{v.detail}; same content as held (sha256)", path=held.path, chars=held.characters)
        remember_extraction(settings.resolved_sources_dir, digest, v.extracted)
        entry = add_source(
            settings, ref.id, f"{ref.id}-{digest[:12]}{extension_for(v.extracted.media_type)}", resp.body,
            origin_url=resp.url, retrieved_at=now_iso(), licence=DEFAULT_LICENCE, media_type=v.extracted.media_type,
            etag=resp.headers.get("ETag"), last_modified=resp.headers.get("Last-Modified"), coverage="full_text",
            extractor=v.extracted.extractor, pages=v.extracted.page_count, characters=len(v.extracted.text),
        )
        return replace(base, path=entry.path, chars=entry.characters, changed=True)
    if v.outcome == "abstract_only" and v.abstract:
        detail = "; ".join([v.detail, *notes[-1:]]) if attempt.via.startswith("europepmc") else v.detail
        if held is not None and held.coverage == "full_text":
            return replace(base, detail=f"{detail}; kept the full text already held ({held.path})", path=held.path)
        data = v.abstract.encode("utf-8")
        if held is not None and held.sha256 == sha256_bytes(data):
            return replace(base, detail=detail, path=held.path, chars=held.characters)
        entry = add_source(
            settings, ref.id, f"{ref.id}-abstract-{sha256_bytes(data)[:12]}.txt", data, origin_url=attempt.url,
            retrieved_at=now_iso(), licence=DEFAULT_LICENCE, media_type="text/plain", coverage="abstract",
            extractor="abstract/1", characters=len(v.abstract),
        )
        return replace(base, detail=detail, path=entry.path, chars=entry.characters, changed=True)
    return base  # paywall, blocked, not_found, error: nothing is stored


def _csl_title(csl: dict[str, object] | None) -> str | None:
    title = (csl or {}).get("title")
    if isinstance(title, list):
        title = title[0] if title else None
    return str(title) if title else None


def fetch_sources(
    settings: Settings,
    refs: list[Reference] | None = None,
    *,
    url_map: Mapping[str, str] | None = None,
    refresh: bool = False,
    client: PoliteClient | None = None,
    on_result: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    """Fetch every reference (default: the whole bibliography) and report one result each.

    `url_map` maps reference id -> the URL to use instead of the printed one (the landing page for
    a DOI reference); tests point it at a loopback server, and a mirror could be used the same way.
    """
    if refs is None:
        from corpus.bibliography import load_references

        refs = load_references(settings)
    client = client or PoliteClient(settings)
    url_map = url_map or {}
    results = []
    for ref in refs:
        result = fetch_reference(settings, ref, url_map.get(ref.id), client=client, refresh=refresh)
        results.append(result)
        if on_result:
            on_result(result)
    return results
