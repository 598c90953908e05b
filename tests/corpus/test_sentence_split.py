"""One rule for where sentences end: the article's units and an answer's sentences cut a line alike."""

from __future__ import annotations

import pytest

from assistant.sentences import split_sentences
from corpus.article import load_article
from corpus.models import Section
from corpus.paths import article_path
from corpus.sentence_split import nonblank_lines, rough_sentences, sentence_pieces, trim_span
from corpus.units import split_units
from foundation.settings import Settings
from index.models import Chunk

# Synthetic lines (not article text): abbreviations, brackets and quotes around the boundaries.
LINES = [
    "A list (e.g. Lambert-Eaton syndrome) is long. See Fig. 2 for it.",
    "“Quoted (i.e. This one) here.” Dr. Smith agreed. It was 5 vs. 6 in No. 3 of them.",
    "Short. A sentence of one word before a boundary stays joined. Then another one!",
]


def _section(text: str) -> Section:
    return Section(id="s", title="S", level=2, path=["S"], start=0, end=len(text), text=text)


def _chunk(text: str) -> Chunk:
    return Chunk(id="x" * 32, source_id="article", section_id="s", section_path=["S"], position=0, text=text,
                 start=0, end=len(text))


@pytest.mark.parametrize("line", LINES)
def test_units_and_sentences_break_a_paragraph_line_at_the_same_places(line: str) -> None:
    units = [(u.start, u.end) for u in split_units(_section(line))]
    sentences = [(s.start, s.end) for s in split_sentences(_chunk(line))]
    assert units == sentences and len(units) >= 2
    assert all(line[a:b] == line[a:b].strip() for a, b in units)


def test_an_abbreviation_after_a_bracket_is_no_boundary() -> None:
    line = LINES[0]
    assert [line[a:b].strip() for a, b in sentence_pieces(line)] == [
        "A list (e.g. Lambert-Eaton syndrome) is long.", "See Fig. 2 for it."]
    assert [u.text for u in split_units(_section(line))][0] == "A list (e.g. Lambert-Eaton syndrome) is long."


def test_a_bullet_stays_one_unit_but_gives_an_answer_two_sentences() -> None:
    text = "Organs affected:\n- Kidney (Renal): Renal issues may occur. Some patients may also have protein loss."
    units, sentences = split_units(_section(text)), split_sentences(_chunk(text))
    assert [u.is_bullet for u in units] == [False, True] and units[1].list_heading == "Organs affected:"
    assert units[1].text == "Kidney (Renal): Renal issues may occur. Some patients may also have protein loss."
    assert [s.text for s in sentences[1:]] == ["- Kidney (Renal): Renal issues may occur.",
                                               "Some patients may also have protein loss."]


def test_pieces_cover_each_line_and_trimmed_spans_quote_it_verbatim() -> None:
    text = "\n  First line. Second sentence here.  \n\n   \n- item"
    lines = list(nonblank_lines(text))
    assert [line for _, line in lines] == ["  First line. Second sentence here.  ", "- item"]
    assert all(text[at : at + len(line)] == line for at, line in lines)
    pieces = sentence_pieces(lines[0][1])
    assert pieces[0][0] == 0 and pieces[-1][1] == len(lines[0][1]) and len(pieces) == 2
    at = lines[0][0]
    assert [text[a:b] for a, b in (trim_span(text, at + x, at + y) for x, y in pieces)] == [
        "First line.", "Second sentence here."]
    assert trim_span(text, text.index("\n   \n"), text.index("- item")) is None


def test_every_article_unit_is_a_run_of_sentences_an_answer_can_quote() -> None:
    """On the real article the two agree: each paragraph unit is one sentence of its section's text."""
    article = load_article(article_path(Settings()))
    for section in article.sections:
        sentences = {(s.start, s.end) for s in split_sentences(_chunk(section.text))}
        for unit in split_units(section):
            if not unit.is_bullet:
                assert (unit.start, unit.end) in sentences, unit.text


def test_rough_sentences_end_at_every_mark_and_with_lines_at_every_line_break() -> None:
    text = "Fever, e.g. high. Is it bad?  yes\n- Imaging: CT scans\n\nLabs."
    assert rough_sentences(text) == ["Fever, e.g.", "high.", "Is it bad?", "yes\n- Imaging: CT scans\n\nLabs."]
    assert rough_sentences(text, lines=True) == ["Fever, e.g.", "high.", "Is it bad?", "yes", "- Imaging: CT scans", "Labs."]
    assert rough_sentences("  ") == [] and rough_sentences("one. ") == ["one."]
