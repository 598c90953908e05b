"""Answers lead with the article; a cited source's own sentences follow under "From the cited sources:"."""

from __future__ import annotations

from assistant.compose import FROM_SOURCES, Scored, arrange, render
from assistant.sentences import split_sentences
from index.models import Chunk


def _scored(chunk: Chunk, score: float) -> Scored:
    (sentence,) = split_sentences(chunk)
    return Scored(sentence, score, score, 0.0, 1)


def test_the_article_leads_even_when_a_source_scores_higher() -> None:
    article = Chunk(id="a" * 32, source_id="article", section_id="s", section_path=["Sec"], position=3,
                    text="Trousseau syndrome causes blood clots.", start=0, end=38)
    source = Chunk(id="b" * 32, source_id="varki2007", section_id="page-4", section_path=[], position=0,
                   text="Synthetic: the invented clot rate was 12 of 40.", start=10, end=57, page=4)
    quotes = arrange([_scored(source, 0.9), _scored(article, 0.7)])
    assert [q.chunk.source_id for q in quotes] == ["article", "varki2007"] and [q.marker for q in quotes] == [1, 2]
    assert render(quotes) == (f"Trousseau syndrome causes blood clots. [1]\n\n{FROM_SOURCES} "
                              "Synthetic: the invented clot rate was 12 of 40. [2]")


def test_without_sources_the_body_is_unchanged_and_sources_alone_get_the_heading() -> None:
    article = Chunk(id="a" * 32, source_id="article", section_id="s", section_path=["Sec"], position=3,
                    text="Trousseau syndrome causes blood clots.", start=0, end=38)
    assert render(arrange([_scored(article, 0.7)])) == "Trousseau syndrome causes blood clots. [1]"
    source = Chunk(id="b" * 32, source_id="varki2007", section_id="page-4", section_path=[], position=0,
                   text="Synthetic: the invented clot rate was 12 of 40.", start=10, end=57, page=4)
    assert render(arrange([_scored(source, 0.9)])) == f"{FROM_SOURCES} Synthetic: the invented clot rate was 12 of 40. [1]"
