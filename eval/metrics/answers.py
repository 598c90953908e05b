"""What an answer shows: required facts, dangling references, related references, readability.

Why offsets first: an extractive answer shows article sentences, and every citation carries the exact
article offsets it quotes, so "is this fact shown?" and "is this sentence's antecedent shown?" are
answered by comparing character ranges, with no wording heuristics. Text matching is the fallback for
answers that do not quote verbatim (a generated answer that restates a fact word for word).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from eval.article_sentences import ArticleSentence, SentenceMap, opens_with_reference, shown_sentences

Span = tuple[int, int]
_MARKER = re.compile(r"\s*\[\d+\]")
_BULLET_LINE = re.compile(r"(?m)^\s*[-•*]\s+")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Case, curly quotes, [n] markers, bullet dashes and whitespace removed from the comparison."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = _BULLET_LINE.sub("", _MARKER.sub("", text))
    return _SPACE.sub(" ", text).strip().casefold()


def _covered_chars(span: Span, spans: Sequence[Span], text: str) -> bool:
    """Is every non-space character of text[span] inside one of `spans`?"""
    start, end = span
    return all(text[p].isspace() or any(a <= p < b for a, b in spans) for p in range(start, end))


def fact_present(fact_span: Span | None, quote: str, shown_spans: Sequence[Span], shown_text: str, article_text: str) -> bool:
    """A required fact is present when the answer shows it.

    Precisely: (a) every non-space character of the quote's place in the article lies inside the article
    spans the answer cites (a cited span may be longer than the quote: the whole sentence around it or a
    run of sentences; the spaces between two cited sentences do not matter), or (b) the answer's text
    contains the quote once both are normalised (case, curly quotes, [n] markers, bullet dashes,
    whitespace; the quote's closing punctuation is optional).
    """
    if fact_span is not None and shown_spans and _covered_chars(fact_span, shown_spans, article_text):
        return True
    needle = normalise(quote).rstrip(".:;,!?")
    return bool(needle) and needle in normalise(shown_text)


def key_fact_recall(facts: Sequence[tuple[Span | None, str]], shown_spans: Sequence[Span], shown_text: str,
                    article_text: str) -> tuple[float, list[str]]:
    """Share of required facts present, and the quotes that are missing."""
    missing = [quote for span, quote in facts if not fact_present(span, quote, shown_spans, shown_text, article_text)]
    return (len(facts) - len(missing)) / len(facts), missing


@dataclass(frozen=True)
class Dangling:
    sentence: str
    predecessor: str


def dangling_references(spans: Sequence[Span], sentences: SentenceMap) -> tuple[int, list[Dangling]]:
    """Shown sentences whose opening This/These/It/They/Such/... points at nothing shown.

    A shown sentence dangles when it opens with such a word and its article predecessor (the sentence
    printed just before it in its section) is not shown earlier in the answer. A section's first sentence
    never dangles (its antecedent would be the heading). Returns (sentences shown, the dangling ones).
    """
    shown = shown_sentences(spans, sentences)
    before: set[int] = set()
    out: list[Dangling] = []
    for s in shown:
        prev = sentences.predecessor(s)
        if prev is not None and opens_with_reference(s.text) and prev.start not in before:
            out.append(Dangling(s.text, prev.text))
        before.add(s.start)
    return len(shown), out


@dataclass(frozen=True)
class LabelledSpan:
    """A hand-labelled article span and the reference ids that back it."""

    span: Span
    reference_ids: frozenset[str]


def _overlaps(a: Span, b: Span) -> bool:
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    return overlap > 0 and overlap * 2 >= min(a[1] - a[0], b[1] - b[0])


def related_reference_counts(citations: Sequence[tuple[Span, Sequence[str]]], labels: Sequence[LabelledSpan]) -> tuple[int, int]:
    """(references shown, of them backed by the labels) over citations whose quote has a labelled sentence.

    A citation's labelled set is the union of the reference ids of every labelled span that overlaps at
    least half of the shorter of the two; a citation with no labelled span is left out (not judged).
    """
    shown = right = 0
    for span, refs in citations:
        hit = [label for label in labels if _overlaps(span, label.span)]
        if not hit or not refs:
            continue
        allowed = frozenset().union(*(label.reference_ids for label in hit))
        shown += len(set(refs))
        right += len(set(refs) & allowed)
    return shown, right


def reading_grade(text: str) -> float | None:
    """Flesch-Kincaid grade of the text (textstat, pinned), None for text without words."""
    import textstat

    plain = normalise(text)
    if not re.search(r"[a-z]", plain):
        return None
    return float(textstat.flesch_kincaid_grade(_MARKER.sub("", text)))


__all__ = ["ArticleSentence", "Dangling", "LabelledSpan", "dangling_references", "fact_present", "key_fact_recall",
           "normalise", "reading_grade", "related_reference_counts"]
