"""Citations resolve to exact substrings of the cleaned article at their offsets, with related references."""

from __future__ import annotations

import pytest

from assistant.citations import CitationError, CitationResolver, markers_in, reference_label
from corpus.article import load_article
from corpus.paths import article_path

QUESTIONS = [
    "What is Trousseau syndrome?",
    "What are the main types of paraneoplastic syndromes?",
    "What can a spinal tap show in suspected paraneoplastic neurological disease?",
    "How are paraneoplastic syndromes treated?",
    "Which cancers are most commonly associated with paraneoplastic syndromes?",
    "Why is early detection more feasible in high-resource countries?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_citation_is_the_article_text_at_its_offsets(warm_assistant, built_index_home, question: str) -> None:
    article = load_article(article_path(built_index_home))
    answer = warm_assistant.ask(question)
    assert answer.status == "answered", answer.flags
    assert answer.citations
    body = answer.answer[: -len(answer.disclaimer)]
    assert sorted(set(markers_in(body))) == [c.marker for c in answer.citations]
    for c in answer.citations:
        assert article.text[c.start : c.end] == c.quote
        assert c.chunk_id in answer.context_ids
        assert c.section == " > ".join(article.section(c.section_id).path)
        assert c.article_url.startswith("https://") and c.article_title == article.metadata.title
        section = article.section(c.section_id)
        assert section.start <= c.start < c.end <= section.end
        assert all(r.relation == "related reference" for r in c.references)
        assert (c.source, c.page) == ("article", None)


def test_markers_are_numbered_by_first_appearance(warm_assistant) -> None:
    answer = warm_assistant.ask("What blood-related problems can paraneoplastic syndromes cause?")
    body = answer.answer[: -len(answer.disclaimer)]
    seen: list[int] = []
    for n in markers_in(body):
        if n not in seen:
            seen.append(n)
    assert seen == list(range(1, len(seen) + 1))


@pytest.mark.parametrize(
    ("question", "reference"),
    [
        ("Which source supports the lumbar puncture statement?", "ellenby2006"),
        ("What reference backs the description of Trousseau syndrome?", "varki2007"),
        ("Where does the plasmapheresis information come from?", "clevelandclinic2022"),
    ],
)
def test_reference_lookups_name_the_related_reference(warm_assistant, question: str, reference: str) -> None:
    answer = warm_assistant.ask(question)
    assert answer.status == "answered"
    ids = [r.id for c in answer.citations for r in c.references]
    assert ids[0] == reference
    ref = answer.citations[0].references[0]
    assert ref.authors and ref.year and ref.title and (ref.doi or ref.url)
    assert "Related references" in answer.answer and reference_label(ref) in answer.answer


def test_a_marker_to_a_passage_that_was_not_retrieved_is_rejected(warm_assistant, search_index) -> None:
    resolver: CitationResolver = warm_assistant.parts().resolver
    chunks = search_index.chunks()
    retrieved, other = chunks[:3], chunks[10]
    good = resolver.cite(1, retrieved[0], 0, len(retrieved[0].text))
    resolver.check("A sentence. [1]", [good], retrieved)
    bad = resolver.cite(2, other, 0, len(other.text))
    with pytest.raises(CitationError, match="not retrieved"):
        resolver.check("A sentence. [1] Another. [2]", [good, bad], retrieved)
    with pytest.raises(CitationError, match=r"\[3\] does not resolve"):
        resolver.check("A sentence. [1] Another. [3]", [good], retrieved)


def test_a_quote_that_is_not_the_text_at_its_offsets_is_rejected(warm_assistant, search_index) -> None:
    resolver: CitationResolver = warm_assistant.parts().resolver
    chunk = search_index.chunks()[0]
    citation = resolver.cite(1, chunk, 0, 20)
    forged = citation.model_copy(update={"quote": "Something else entir"})
    with pytest.raises(CitationError, match="not the text at offsets"):
        resolver.check("Text. [1]", [forged], [chunk])


def test_offsets_outside_the_passage_are_rejected(warm_assistant, search_index) -> None:
    chunk = search_index.chunks()[0]
    with pytest.raises(CitationError, match="outside"):
        warm_assistant.parts().resolver.cite(1, chunk, 0, len(chunk.text) + 5)
