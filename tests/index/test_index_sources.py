"""Cited source texts in the index: pages kept, and an added source costs only its own embeddings."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from benchmarks.synthetic_sources import synthetic_pdf
from corpus.bibliography import load_references
from corpus.importing import add_files
from corpus.sources import add_source, remove_source
from foundation.settings import Settings
from index.build import build_index
from index.store import open_index

REFS = {r.id: r for r in load_references(Settings())}
WEB = Path(__file__).resolve().parents[1] / "corpus" / "fixtures" / "web"


def test_adding_a_source_embeds_only_its_chunks_and_removing_it_embeds_nothing(settings: Settings, embedder, tmp_path: Path) -> None:
    article = build_index(settings, progress=False, embedder=embedder)
    pdf = tmp_path / "v.pdf"
    pdf.write_bytes(synthetic_pdf(REFS["varki2007"], 4))
    add_files(settings, [pdf])
    with_pdf = build_index(settings, progress=False, embedder=embedder)
    index = open_index(settings, embedder=embedder)
    per_source = Counter(c.source_id for c in index.chunks())
    assert with_pdf["sources"] == {"article": article["chunks"], "varki2007": per_source["varki2007"]}
    assert with_pdf["embedded"] == per_source["varki2007"] > 0 and with_pdf["reused"] == article["chunks"]

    txt = tmp_path / "t.txt"
    txt.write_text("SYNTHETIC TEST FIXTURE.\n\n" + "Invented sentence about made-up clots. " * 30, encoding="utf-8")
    add_files(settings, [txt], "tapia2023")
    second = build_index(settings, progress=False, embedder=embedder)
    added = Counter(c.source_id for c in open_index(settings, embedder=embedder).chunks())["tapia2023"]
    assert second["embedded"] == added and second["reused"] == with_pdf["chunks"]

    remove_source(settings, "tapia2023")
    remove_source(settings, "varki2007")
    after = build_index(settings, progress=False, embedder=embedder)
    assert after["embedded"] == 0 and after["chunks"] == article["chunks"] and after["sources"] == {"article": article["chunks"]}


def test_source_chunks_keep_their_page_in_the_chunk_table_and_in_chroma(settings: Settings, embedder, tmp_path: Path) -> None:
    fact = "The synthetic quenmarin index of this test file was 61 on page three."
    pdf = tmp_path / "v.pdf"
    pdf.write_bytes(synthetic_pdf(REFS["varki2007"], 4, facts={3: fact}))
    add_files(settings, [pdf])
    build_index(settings, progress=False, embedder=embedder)
    index = open_index(settings, embedder=embedder)
    source = [c for c in index.chunks() if c.source_id == "varki2007"]
    assert {c.page for c in source} == {1, 2, 3, 4} and all(c.section_id == f"page-{c.page}" for c in source)
    assert all(c.section_path == [] and c.reference_ids == ["varki2007"] for c in source)
    (hit,) = [c for c in source if fact in c.text]
    assert hit.page == 3
    meta = index.collection.get(ids=[hit.id], include=["metadatas"])["metadatas"][0]
    assert meta["page"] == 3 and meta["source_id"] == "varki2007"
    assert all(c.page is None for c in index.chunks() if c.source_id == "article")
    vector = index.embed_query(fact)
    assert index.search_vector(vector, 1)[0].chunk.id == hit.id
    only_article = index.search_vector(vector, 5, source_id="article")
    assert len(only_article) == 5 and {s.chunk.source_id for s in only_article} == {"article"}
    assert index.source_ids == {"article", "varki2007"}


def test_jats_and_abstract_sources_are_chunked_by_section(settings: Settings, embedder) -> None:
    add_source(settings, "varki2007", "varki2007.xml", (WEB / "pmc_fulltext.xml").read_bytes(), media_type="application/jats+xml")
    add_source(settings, "ellenby2006", "ellenby2006-abstract.txt", b"SYNTHETIC TEST FIXTURE abstract: " + b"Invented words. " * 10,
               coverage="abstract")
    build_index(settings, progress=False, embedder=embedder)
    chunks = open_index(settings, embedder=embedder).chunks()
    jats = {c.section_path[0] for c in chunks if c.source_id == "varki2007"}
    assert jats == {"Abstract", "Introduction", "Mechanisms", "Mechanisms > Tissue factor"}
    assert {(c.section_id, tuple(c.section_path)) for c in chunks if c.source_id == "ellenby2006"} == {("abstract", ("Abstract",))}
