"""Chunking: exact offsets, stable ids, section boundaries, bullets kept whole, sources chunked too."""

from __future__ import annotations

from corpus.paths import article_path
import hashlib

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from corpus.article import load_article
from index.errors import IndexStoreError
from corpus.models import SourceDocument
from foundation.settings import Settings
from index.chunking import (
    Span,
    chunk_corpus,
    chunk_documents,
    chunk_id,
    chunk_spans,
    embedding_text,
    make_splitter,
    model_tokenizer,
)


@pytest.fixture(scope="module")
def article():
    return load_article(article_path(Settings()))


@pytest.fixture(scope="module")
def tok():
    return model_tokenizer(Settings().index.embedding_model)


@pytest.mark.parametrize("size,overlap", [(32, 0), (64, 0), (64, 16), (160, 20), (512, 48)])
def test_offsets_round_trip_exactly(article, tok, size: int, overlap: int) -> None:
    chunks = chunk_documents(article, chunk_size=size, chunk_overlap=overlap, tokenizer=tok)
    assert chunks
    for c in chunks:
        assert article.text[c.start : c.end] == c.text
        assert c.text == c.text.strip() and c.text


def test_chunks_never_cross_a_section_and_cover_every_section(article, tok) -> None:
    chunks = chunk_documents(article, chunk_size=64, chunk_overlap=0, tokenizer=tok)
    sections = {s.id: s for s in article.sections}
    for c in chunks:
        s = sections[c.section_id]
        assert s.start <= c.start < c.end <= s.end
        assert c.section_path == s.path
        assert c.source_id == "article"
    assert {c.section_id for c in chunks} == set(sections)
    assert [c.position for c in chunks] == list(range(len(chunks)))


def test_chunks_respect_the_token_budget_and_keep_bullets_whole(article, tok) -> None:
    chunks = chunk_documents(article, chunk_size=64, chunk_overlap=0, tokenizer=tok)
    assert max(len(tok(c.text)) for c in chunks) <= 64
    texts = [c.text for c in chunks]
    for section in article.sections:
        for bullet in section.bullets:
            if len(tok(f"- {bullet}")) <= 64:  # a bullet that fits is never cut in two
                assert any(f"- {bullet}" in t for t in texts), bullet


def test_ids_are_stable_and_hash_source_and_text(article, tok) -> None:
    first = chunk_documents(article, chunk_size=64, chunk_overlap=0, tokenizer=tok)
    again = chunk_documents(article, chunk_size=64, chunk_overlap=0, tokenizer=tok)
    assert [c.id for c in first] == [c.id for c in again]
    c = first[3]
    assert c.id == hashlib.sha256(f"article\n{c.text}".encode()).hexdigest()[:32] == chunk_id("article", c.text)
    assert len({c.id for c in first}) == len(first)


def test_configured_corpus_carries_section_reference_links() -> None:
    from corpus.links import links_by_section, load_links

    settings = Settings()
    chunks = chunk_corpus(settings)
    expected = {sid: [l.reference_id for l in ls] for sid, ls in links_by_section(load_links(settings)).items()}
    assert any(c.reference_ids for c in chunks)
    for c in chunks:
        assert c.reference_ids == expected.get(c.section_id, [])


def test_source_documents_are_chunked_with_their_own_offsets(article, tok) -> None:
    paras = [" ".join(f"Finding {p}.{n}: clots formed in patient group {p * 10 + n}." for n in range(8)) for p in range(6)]
    text = "\n\n".join(paras)
    doc = SourceDocument(reference_id="varki2007", path="varki2007.html", text=text, sha256="0" * 64, media_type="text/html")
    chunks = chunk_documents(article, [doc], chunk_size=64, chunk_overlap=0, tokenizer=tok)
    src = [c for c in chunks if c.source_id == "varki2007"]
    assert len(src) > 3
    for c in src:
        assert text[c.start : c.end] == c.text
        # no heading path: the source's title on every passage would make all of them match its words
        assert c.reference_ids == ["varki2007"] and c.section_path == [] and c.page is None
    # positions continue per source from 0
    assert [c.position for c in src] == list(range(len(src)))
    assert len({c.id for c in src}) == len(src)


def test_a_passage_repeated_word_for_word_is_indexed_once(article, tok) -> None:
    para = "Downloaded from a journal site on 1 January 2024; for personal use only."
    text = f"{para}\n\nAnemia is common in cancer.\n\n{para}"
    doc = SourceDocument(reference_id="x2020", path="x.txt", text=text, sha256="0" * 64, media_type="text/plain")
    src = [c for c in chunk_documents(article, [doc], chunk_size=16, chunk_overlap=0, tokenizer=tok) if c.source_id == "x2020"]
    assert [c.text for c in src].count(para) == 1
    assert src[0].start == 0  # the first occurrence is the one cited


def test_embedding_text_prefixes_the_heading_path(article, tok) -> None:
    c = chunk_documents(article, chunk_size=64, chunk_overlap=0, tokenizer=tok)[-1]
    assert embedding_text(c) == f"Key Takeaways\n{c.text}"


def test_bad_sizes_are_errors(tok) -> None:
    with pytest.raises(IndexStoreError):
        make_splitter(8, 0, tok, "\n")
    with pytest.raises(IndexStoreError):
        make_splitter(64, 64, tok, "\n")


words = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd")), min_size=1, max_size=12)
sentence = st.lists(words, min_size=1, max_size=30).map(lambda ws: " ".join(ws) + ".")
paragraph = st.lists(sentence, min_size=1, max_size=6).map(" ".join)
section = st.lists(paragraph, min_size=1, max_size=5).map("\n".join)


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bodies=st.lists(section, min_size=1, max_size=4), size=st.sampled_from([16, 32, 64]),
       overlap=st.sampled_from([0, 4, 8]))
def test_offsets_round_trip_on_arbitrary_sections(tok, bodies: list[str], size: int, overlap: int) -> None:
    text, spans = "Title\n\n", []
    for n, body in enumerate(bodies):
        text += f"Heading {n}\n"
        spans.append(Span(section_id=f"s{n}", section_path=[f"Heading {n}"], start=len(text), end=len(text) + len(body)))
        text += body + "\n\n"
    splitter = make_splitter(size, overlap, tok, "\n")
    chunks = chunk_spans("article", text, spans, splitter)
    by_id = {s.section_id: s for s in spans}
    for c in chunks:
        assert text[c.start : c.end] == c.text
        assert by_id[c.section_id].start <= c.start and c.end <= by_id[c.section_id].end
