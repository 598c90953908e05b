"""Quotes: chosen sentences in reading order, neighbours of one passage merged, markers by first appearance; the
article leads and a cited source's own sentences follow under "From the cited sources:"."""

from __future__ import annotations

from assistant.compose import Scored
from assistant.quotes import FROM_SOURCES, arrange, render
from assistant.sentences import split_sentences
from index.models import Chunk


def _chunk(text: str, start: int = 100) -> Chunk:
    return Chunk(id="x" * 32, source_id="article", section_id="s", section_path=["Sec", "Sub"], position=0,
                 text=text, start=start, end=start + len(text))


def test_markers_follow_first_appearance_and_neighbours_merge() -> None:
    a = _chunk("First sentence here now. Second sentence here now. Third sentence here now.")
    b = Chunk(**{**a.model_dump(), "id": "y" * 32, "section_id": "t", "position": 7, "text": "Other passage sentence one here."})
    sa, sb = split_sentences(a), split_sentences(b)
    chosen = [Scored(sb[0], 0.9, 0.9, 0.9, 2), Scored(sa[2], 0.8, 0.8, 0.8, 1), Scored(sa[0], 0.7, 0.7, 0.7, 1),
              Scored(sa[1], 0.6, 0.6, 0.6, 1)]
    quotes = arrange(chosen)
    assert [(q.chunk.id[0], q.marker, len(q.sentences)) for q in quotes] == [("y", 1, 1), ("x", 2, 3)]
    body = render(quotes)
    assert body == ("Other passage sentence one here. [1] First sentence here now. Second sentence here now. "
                    "Third sentence here now. [2]")
    assert quotes[1].text == a.text


def test_sentences_of_one_section_keep_the_article_order() -> None:
    first = _chunk("- Neurological: Disorders of the brain and nerves.")
    second = Chunk(**{**first.model_dump(), "id": "z" * 32, "position": 1, "text": "- Endocrine: Hormonal imbalances here."})
    quotes = arrange([Scored(split_sentences(second)[0], 0.9, 0.9, 0.9, 1), Scored(split_sentences(first)[0], 0.8, 0.8, 0.8, 2)])
    assert render(quotes) == "Neurological: Disorders of the brain and nerves. [1] Endocrine: Hormonal imbalances here. [2]"


def test_a_parent_sections_opening_leads_its_subsections() -> None:
    item = Chunk(**{**_chunk("- Imaging: Scans look for hidden tumors here.").model_dump(), "section_id": "diag/tests",
                    "position": 5})
    other = Chunk(**{**item.model_dump(), "id": "w" * 32, "section_id": "diag/differential", "position": 7,
                     "text": "Diagnosing it is challenging for many reasons."})
    opening = Chunk(**{**item.model_dump(), "id": "v" * 32, "section_id": "diag", "position": 4,
                       "text": "Since symptoms vary widely, tests are combined."})
    chosen = [Scored(split_sentences(c)[0], p, p, p, 1) for c, p in ((item, 0.9), (other, 0.8), (opening, 0.7))]
    assert [q.chunk.section_id for q in arrange(chosen)] == ["diag", "diag/tests", "diag/differential"]


def test_non_adjacent_sentences_of_one_chunk_get_separate_quotes() -> None:
    a = _chunk("One sentence is here. Two sentence is here. Three sentence is here.")
    s = split_sentences(a)
    quotes = arrange([Scored(s[0], 0.9, 0.9, 0.9, 1), Scored(s[2], 0.8, 0.8, 0.8, 1)])
    assert [q.text for q in quotes] == ["One sentence is here.", "Three sentence is here."]
    assert [q.marker for q in quotes] == [1, 2]


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
