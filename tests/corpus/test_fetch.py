"""`pns corpus fetch` against a loopback web that answers like the real one: every outcome kind, and what is kept.

Each test registers what "the web" says (tests/corpus/web_loopback.py; synthetic fixtures in
fixtures/web/) and checks the outcome, what was stored, and that nothing from a paywall, a block or
a cookie wall reaches the sources the index is built from.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.synthetic_sources import synthetic_pdf
from corpus.bibliography import load_references
from corpus.coverage import coverage_records
from corpus.fetch import fetch_reference, fetch_sources
from corpus.fetch_log import read_log
from corpus.http import PoliteClient
from corpus.models import Reference
from corpus.sources import load_sources, read_manifest
from foundation.settings import Settings
from index.chunking import chunk_corpus

from web_loopback import CONTACT, Reply, Web, csl, epmc_record, fixture, serve_web, web_settings

REFS = {r.id: r for r in load_references(Settings())}
PDF = "application/pdf"


@pytest.fixture
def web() -> Iterator[Web]:
    with serve_web() as served:
        yield served


@pytest.fixture
def settings(pns_home: Path, web: Web) -> Settings:
    return web_settings(pns_home, web)


def fetch(settings: Settings, ref_id: str, url: str | None = None, waits: list[float] | None = None, **kw: object):
    client = PoliteClient(settings, sleep=(waits.append if waits is not None else (lambda s: None)), **kw)  # type: ignore[arg-type]
    return fetch_reference(settings, REFS[ref_id], url, client=client)


def held_ids(settings: Settings) -> set[str]:
    return {d.reference_id for d in load_sources(settings)}


def indexed_ids(settings: Settings) -> set[str]:
    from index.chunking import model_tokenizer

    return {c.source_id for c in chunk_corpus(settings, tokenizer=model_tokenizer(settings.index.embedding_model))}


# -- full text -------------------------------------------------------------------------------------
def test_doi_resolves_to_europe_pmc_jats_full_text(settings: Settings, web: Web) -> None:
    doi = REFS["varki2007"].doi
    web.route(f"/doi/{doi}", csl(doi, "Trousseau's syndrome: multiple definitions and multiple mechanisms"))
    web.epmc[doi] = epmc_record(doi, pmcid="PMC9999001", open_access=True)
    web.route("/epmc/PMC9999001/fullTextXML", Reply(200, fixture("pmc_fulltext.xml"), "application/xml"))
    result = fetch(settings, "varki2007")
    assert (result.outcome, result.via, result.http_status) == ("full_text", "europepmc-jats", 200)
    assert result.metadata_title and result.metadata_title.startswith("Trousseau")
    logged = read_log(settings.resolved_sources_dir)["varki2007"]  # the log keeps the result, with when and where from
    assert (logged.outcome, logged.detail, logged.via, logged.http_status, logged.path, logged.chars, logged.chain) == (
        result.outcome, result.detail, result.via, result.http_status, result.path, result.chars, list(result.chain))
    assert (logged.url, logged.final_url, logged.metadata_title) == (REFS["varki2007"].url, result.url, result.metadata_title)
    assert logged.at and logged.final_url and logged.path and not logged.failed
    assert web.requests[0].headers["Accept"] == "application/vnd.citationstyles.csl+json"  # content negotiation first
    (doc,) = load_sources(settings)
    assert doc.media_type == "application/jats+xml" and doc.coverage == "full_text"
    assert [s.title for s in doc.sections] == ["Abstract", "Introduction", "Mechanisms", "Mechanisms > Tissue factor"]
    assert "Invented mechanism two: castorine activation" in doc.text and "Invented reference" not in doc.text
    assert "/robots.txt" not in web.paths(), "documented APIs are called without robots.txt"


def test_bookshelf_chapter_page_is_full_text_without_site_furniture(settings: Settings, web: Web) -> None:
    web.route("/ncbi/books/NBK507890/", Reply(200, fixture("bookshelf_chapter.html")))
    result = fetch(settings, "thapa2020")
    assert (result.outcome, result.via) == ("full_text", "bookshelf")
    assert result.url == web.url("/ncbi/books/NBK507890/")
    (doc,) = load_sources(settings)
    assert "affect 7 of 1000 invented patients" in doc.text
    for furniture in ("NCBI", "Policies", "Copyright notice"):
        assert furniture not in doc.text
    assert web.paths()[0] == "/robots.txt", "a page is fetched only after robots.txt allows it"


def test_open_access_pdf_link_is_full_text_with_pages(settings: Settings, web: Web) -> None:
    doi = REFS["graber2023"].doi
    web.route(f"/doi/{doi}", csl(doi, "Paraneoplastic Neurologic Syndromes"))
    web.epmc[doi] = epmc_record(doi, pdf_url=web.url("/oa/graber.pdf"))
    web.route("/oa/graber.pdf", Reply(200, synthetic_pdf(REFS["graber2023"], 3), "application/octet-stream"))
    result = fetch(settings, "graber2023")
    assert (result.outcome, result.via) == ("full_text", "oa-pdf")
    (doc,) = load_sources(settings)
    assert doc.media_type == PDF and [p.number for p in doc.pages] == [1, 2, 3]
    assert "SYNTHETIC TEST DOCUMENT. Page 2 of 3." in doc.text


def test_redirect_chain_to_a_landing_page_with_full_text(settings: Settings, web: Web) -> None:
    doi = REFS["kadish2024"].doi
    web.route(f"/doi/{doi}", csl(doi, "Epidemiology of paraneoplastic neurologic syndromes"),
              Reply(302, headers={"Location": "/linkinghub/retrieve/pii/S0001"}))
    web.route("/linkinghub/retrieve/pii/S0001", Reply(301, headers={"Location": web.url("/science/article/S0001")}))
    web.route("/science/article/S0001", Reply(200, fixture("health_page.html")))
    result = fetch(settings, "kadish2024")
    assert (result.outcome, result.via) == ("full_text", "landing")
    assert result.chain == (web.url(f"/doi/{doi}"), web.url("/linkinghub/retrieve/pii/S0001"), web.url("/science/article/S0001"))
    entry = read_manifest(settings.resolved_sources_dir).sources[0]
    assert entry.origin_url == web.url("/science/article/S0001") and entry.coverage == "full_text"


# -- abstract, paywall, blocked, not found, error ---------------------------------------------------
def test_paywall_with_an_abstract_keeps_only_the_abstract(settings: Settings, web: Web) -> None:
    doi = REFS["ellenby2006"].doi
    web.route(f"/doi/{doi}", csl(doi, "Lumbar Puncture"), Reply(302, headers={"Location": "/nejm/doi/full"}))
    web.route("/nejm/doi/full", Reply(200, fixture("publisher_paywall_abstract.html")))
    result = fetch(settings, "ellenby2006")
    assert result.outcome == "abstract_only" and "Access through your institution" in result.detail
    (doc,) = load_sources(settings)
    assert doc.coverage == "abstract" and doc.media_type == "text/plain"
    assert "lumbar puncture score was recorded in 21 of 64" in doc.text
    for paywall in ("Purchase", "Access options", "cookies", "Sign in", "Synthetic Author"):
        assert paywall not in doc.text
    chunks = [c for c in chunk_corpus(settings) if c.source_id == "ellenby2006"]
    assert chunks and {c.section_id for c in chunks} == {"abstract"}


def test_europe_pmc_abstract_is_kept_when_the_landing_page_is_a_paywall(settings: Settings, web: Web) -> None:
    doi = REFS["graber2023"].doi
    web.route(f"/doi/{doi}", csl(doi, "Paraneoplastic Neurologic Syndromes"), Reply(200, fixture("publisher_paywall.html")))
    web.epmc[doi] = epmc_record(doi, abstract="<h4>Purpose</h4><p>SYNTHETIC TEST FIXTURE abstract from the <i>Europe PMC</i> "
                                              "record: an invented review of made-up syndromes in 12 invented sections.</p>")
    result = fetch(settings, "graber2023")
    assert (result.outcome, result.via) == ("abstract_only", "europepmc-abstract")
    assert "landing: paywall" in result.detail
    (doc,) = load_sources(settings)
    assert doc.text.startswith("Purpose SYNTHETIC TEST FIXTURE abstract from the Europe PMC record")


def test_jats_without_a_body_is_abstract_only(settings: Settings, web: Web) -> None:
    doi = REFS["vogrig2019"].doi
    web.route(f"/doi/{doi}", csl(doi, "Epidemiology"), Reply(403, b"<html><body>Forbidden</body></html>"))
    web.epmc[doi] = epmc_record(doi, pmcid="PMC9999002", open_access=True)
    web.route("/epmc/PMC9999002/fullTextXML", Reply(200, fixture("pmc_abstract_only.xml"), "text/xml"))
    result = fetch(settings, "vogrig2019")
    assert result.outcome == "abstract_only" and result.via == "europepmc-jats"
    assert load_sources(settings)[0].coverage == "abstract"


def test_paywall_without_abstract_stores_nothing(settings: Settings, web: Web) -> None:
    doi = REFS["graber2023"].doi
    web.route(f"/doi/{doi}", csl(doi, "Paraneoplastic Neurologic Syndromes"), Reply(200, fixture("publisher_paywall.html")))
    result = fetch(settings, "graber2023")
    assert result.outcome == "paywall" and "no abstract" in result.detail
    assert read_manifest(settings.resolved_sources_dir) is None and indexed_ids(settings) == {"article"}


@pytest.mark.parametrize("reply, why", [
    (Reply(403, b"<html><body><h1>403 Forbidden</h1></body></html>"), "HTTP 403"),
    (Reply(403, fixture("captcha.html")), "a captcha"),
    (Reply(200, fixture("captcha.html")), "captcha / bot check"),
    (Reply(200, fixture("cookie_wall.html")), "a cookie wall"),
])
def test_blocks_store_nothing(settings: Settings, web: Web, reply: Reply, why: str) -> None:
    web.route("/health/plasmapheresis", reply)
    result = fetch(settings, "clevelandclinic2022", web.url("/health/plasmapheresis"))
    assert result.outcome == "blocked" and why in result.detail
    assert read_manifest(settings.resolved_sources_dir) is None and indexed_ids(settings) == {"article"}
    assert read_log(settings.resolved_sources_dir)["clevelandclinic2022"].outcome == "blocked"


def test_429_with_retry_after_waits_then_reports_blocked(settings: Settings, web: Web) -> None:
    web.route("/busy", Reply(429, b"slow down", "text/plain", {"Retry-After": "7"}))
    waits: list[float] = []
    result = fetch(settings, "cloyd2023", web.url("/busy"), waits)
    assert result.outcome == "blocked" and "rate limited (HTTP 429, Retry-After 7)" in result.detail
    assert waits == [7.0, 7.0] and web.hits("/busy") == 3  # two retries, each after the time the server asked for
    assert read_manifest(settings.resolved_sources_dir) is None


def test_429_then_success_is_full_text(settings: Settings, web: Web) -> None:
    web.route("/busy", Reply(429, b"", "text/plain", {"Retry-After": "1"}), Reply(200, fixture("health_page.html")))
    waits: list[float] = []
    assert fetch(settings, "cloyd2023", web.url("/busy"), waits).outcome == "full_text" and waits == [1.0]


def test_retry_after_longer_than_allowed_is_not_waited_for(pns_home: Path, web: Web) -> None:
    settings = web_settings(pns_home, web, max_retry_after_s=60)
    web.route("/busy", Reply(429, b"", "text/plain", {"Retry-After": "3600"}))
    waits: list[float] = []
    result = fetch(settings, "cloyd2023", web.url("/busy"), waits)
    assert result.outcome == "blocked" and waits == [] and web.hits("/busy") == 1


def test_unknown_doi_is_not_found_and_nothing_else_is_asked(settings: Settings, web: Web) -> None:
    result = fetch(settings, "varki2007")
    assert result.outcome == "not_found" and "does not know 10.1182/blood-2006-10-053736" in result.detail
    assert web.paths() == [f"/doi/{REFS['varki2007'].doi}"]


def test_missing_page_is_not_found(settings: Settings, web: Web) -> None:
    assert fetch(settings, "said2023").outcome == "not_found"  # the Bookshelf URL, sent to the loopback NCBI


@pytest.mark.parametrize("reply, fragment", [
    (Reply(500, b"oops", "text/plain"), "HTTP 500"),
    (Reply(200, b"\x89PNG\r\n\x1a\n", "image/png"), "unsupported content type"),
    (Reply(200, b"<html><body><nav>Home</nav></body></html>"), "no main text"),
    (Reply(200, b"slow", "text/plain", delay=1.5), "timed out after 0.3s"),
])
def test_errors_store_nothing(settings: Settings, web: Web, reply: Reply, fragment: str) -> None:
    web.route("/page", reply)
    result = fetch(settings, "weinberg2023", web.url("/page"), timeout=0.3, retries=0)
    assert result.outcome == "error" and fragment in result.detail
    assert read_manifest(settings.resolved_sources_dir) is None


def test_reference_without_doi_or_url(settings: Settings) -> None:
    ref = Reference(id="x2020", authors=["X, Y."], year=2020, title="T", type="book_chapter", raw="r", line=1)
    result = fetch_reference(settings, ref, None, client=PoliteClient(settings))
    assert result.outcome == "not_found" and "no DOI or URL" in result.detail


# -- one run over several references ---------------------------------------------------------------
def test_a_run_reports_every_kind_and_indexes_only_real_text(settings: Settings, web: Web) -> None:
    doi = REFS["varki2007"].doi
    web.route(f"/doi/{doi}", csl(doi, "Trousseau"))
    web.epmc[doi] = epmc_record(doi, pmcid="PMC9999001", open_access=True)
    web.route("/epmc/PMC9999001/fullTextXML", Reply(200, fixture("pmc_fulltext.xml"), "application/xml"))
    web.route("/ncbi/books/NBK507890/", Reply(200, fixture("bookshelf_chapter.html")))
    e = REFS["ellenby2006"].doi
    web.route(f"/doi/{e}", csl(e, "Lumbar Puncture"), Reply(200, fixture("publisher_paywall_abstract.html")))
    g = REFS["graber2023"].doi
    web.route(f"/doi/{g}", csl(g, "PNS"), Reply(200, fixture("publisher_paywall.html")))
    web.route("/cookie", Reply(200, fixture("cookie_wall.html")))
    web.route("/gone", Reply(410, b"gone"))
    web.route("/broken", Reply(502, b"bad gateway", "text/plain"))
    ids = ["varki2007", "thapa2020", "ellenby2006", "graber2023", "clevelandclinic2022", "johnhopkinsmedicine2019", "cloyd2023"]
    url_map = {"clevelandclinic2022": web.url("/cookie"), "johnhopkinsmedicine2019": web.url("/gone"),
               "cloyd2023": web.url("/broken")}
    client = PoliteClient(settings, sleep=lambda s: None)
    results = fetch_sources(settings, [REFS[i] for i in ids], url_map=url_map, client=client)
    assert [r.outcome for r in results] == ["full_text", "full_text", "abstract_only", "paywall", "blocked", "not_found", "error"]
    assert held_ids(settings) == {"varki2007", "thapa2020", "ellenby2006"}
    assert indexed_ids(settings) == {"article", "varki2007", "thapa2020", "ellenby2006"}
    coverage = {r.reference_id: r for r in coverage_records(settings)}
    assert [coverage[i].coverage for i in ids] == ["full_text", "full_text", "abstract", "metadata_only", "metadata_only",
                                                    "metadata_only", "metadata_only"]
    assert coverage["graber2023"].last_fetch.outcome == "paywall" and coverage["varki2007"].origin == "fetched"
    assert all(r.headers["User-Agent"].endswith(f"mailto:{CONTACT})") for r in web.requests)
