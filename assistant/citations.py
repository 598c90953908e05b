"""Resolve inline markers [n] to Citations, and refuse any marker that does not resolve.

A Citation names the exact characters quoted (chunk id, section path, quote, offsets into the
cleaned article or source text), the document (article title and URL, or the cited source's), and
`source`: 'article', or the reference id when the quote is a cited source's own text (then with its
`page` where the file has pages, and that reference labelled 'cited source'). An article passage
lists the bibliography entries inferred for its section, each labelled 'related reference' because
the article prints no inline citations (corpus/links.py infers them).

Why validate in code: citations that are never checked are the classic RAG failure. Before any
answer is shown, every [n] in its text must resolve to a Citation whose chunk was actually retrieved
for this question and whose quote is exactly the text at its offsets; otherwise answering fails
(extractive path: a bug, reported as status 'error') or the sentence is dropped (generative path).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from assistant.models import Citation, CitedReference
from assistant.errors import AssistantError
from index.models import Chunk

from corpus.corpus import ARTICLE_SOURCE_ID

if TYPE_CHECKING:
    from assistant.compose import Composition
    from corpus.corpus import Corpus
    from corpus.models import Article, Reference, ReferenceLink

_log = logging.getLogger(__name__)

MARKER = re.compile(r"\[(\d{1,3})\]")
# Bibliography answers cite the entries themselves: their "document" is the reference list as printed,
# one entry per paragraph, and a citation's offsets point at the entry's text in it.
BIBLIOGRAPHY_SOURCE_ID = "bibliography"
BIBLIOGRAPHY_SECTION = "References"
ENTRY_RELATION = "bibliography entry"
MAX_REFERENCES = 3


class CitationError(AssistantError):
    """A marker that does not resolve, or resolves to a passage that was not retrieved."""


def markers_in(text: str) -> list[int]:
    """Marker numbers in order of appearance (repeats kept)."""
    return [int(m) for m in MARKER.findall(text)]


def author_list(ref: "CitedReference | Reference") -> str:
    """The first three authors, then 'et al.' when there are more (a cited reference's label and its whole entry)."""
    return "; ".join(ref.authors[:3]) + (" et al." if len(ref.authors) > 3 else "")


def published_in(ref: "CitedReference | Reference") -> str:
    """'Blood, 110(6), 1723-1729': the container, volume(issue) or vol. N, and pages the entry has."""
    return ", ".join(p for p in (
        (ref.container or "").rstrip("."),
        f"{ref.volume}({ref.issue})" if ref.volume and ref.issue else (f"vol. {ref.volume}" if ref.volume else ""),
        ref.pages or "",
    ) if p)


def reference_label(ref: CitedReference) -> str:
    """'Varki, A. (2007). Trousseau's syndrome ... Blood. https://doi.org/...' for answers and the CLI."""
    authors = author_list(ref)
    parts = [f"{authors} ({ref.year or 'n.d.'})." if authors else f"({ref.year or 'n.d.'}).", f"{ref.title.rstrip('.')}."]
    where = published_in(ref)
    if where:
        parts.append(f"{where}.")
    link = f"https://doi.org/{ref.doi}" if ref.doi else ref.url
    if link:
        parts.append(link)
    return " ".join(parts)


def _reference_list(references: Sequence["Reference"]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The reference list as printed (entries in article order, blank-line separated) and each entry's offsets."""
    offsets: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    pos = 0
    for ref in sorted(references, key=lambda r: r.line):
        offsets[ref.id] = (pos, pos + len(ref.raw))
        parts.append(ref.raw)
        pos += len(ref.raw) + 2
    return "\n\n".join(parts), offsets


def _normalise(text: str) -> str:
    return " " + re.sub(r"[^a-z0-9]+", " ", text.lower()).strip() + " "


def _section_label(chunk: Chunk) -> str:
    """The heading path; a source page has none, so 'p. 7' (or 'full text') says where the quote is."""
    if chunk.section_path:
        return " > ".join(chunk.section_path)
    return f"p. {chunk.page_label or chunk.page}" if chunk.page is not None else "full text"


class CitationResolver:
    """Everything needed to turn (chunk, offsets) into a Citation: article, bibliography, inferred links."""

    def __init__(
        self,
        article: "Article",
        references: Sequence["Reference"],
        links: Sequence["ReferenceLink"] = (),
        source_text: Callable[[str], str | None] | None = None,
    ) -> None:
        self.article = article
        self.references = {r.id: r for r in references}
        self.links: dict[str, list["ReferenceLink"]] = {}
        for link in sorted(links, key=lambda l: -l.score):
            self.links.setdefault(link.section_id, []).append(link)
        self._source_text = source_text or (lambda _source_id: None)
        self.bibliography_text, self._entry_offsets = _reference_list(references)
        self._span_links: Callable[[int, int], list[str] | None] | None = None

    def with_span_links(self, span_links: Callable[[int, int], list[str] | None]) -> "CitationResolver":
        """A copy that takes an article quote's related references from sentence-level links.

        `span_links(start, end)` gives the reference ids linked to the sentences an article span covers
        (possibly none), or None where those sentences are not enriched (then the section's links serve).
        """
        copy = CitationResolver(self.article, list(self.references.values()), [], self._source_text)
        copy.links = self.links
        copy._span_links = span_links
        return copy

    @classmethod
    def from_corpus(cls, corpus: "Corpus") -> "CitationResolver":
        """A resolver over a loaded Corpus (the article, bibliography, links and source texts it holds)."""
        return cls(corpus.article, corpus.references, corpus.links, corpus.text_of)

    # -- references ------------------------------------------------------------------------------
    def cited_reference(self, ref_id: str, relation: str = "related reference") -> CitedReference | None:
        """The bibliography entry `ref_id` as a citation shows it (a DOI link when it has no URL), or None when
        the bibliography has no such id, so that a link naming an unknown id adds nothing instead of failing."""
        ref = self.references.get(ref_id)
        if ref is None:
            return None
        url = ref.url or (f"https://doi.org/{ref.doi}" if ref.doi else None)
        return CitedReference(
            id=ref.id, authors=list(ref.authors), year=ref.year, title=ref.title, container=ref.container,
            volume=ref.volume, issue=ref.issue, pages=ref.pages, publisher=ref.publisher, type=ref.type,
            doi=ref.doi, url=url, relation=relation,
        )

    def cite_entry(self, marker: int, ref_id: str) -> Citation:
        """A citation of a bibliography entry itself: its printed text, and the entry with all its fields."""
        cited = self.cited_reference(ref_id, relation=ENTRY_RELATION)
        if cited is None or ref_id not in self._entry_offsets:
            raise CitationError(f"marker [{marker}]: no bibliography entry {ref_id!r}")
        start, end = self._entry_offsets[ref_id]
        return Citation(
            marker=marker, chunk_id=f"{BIBLIOGRAPHY_SOURCE_ID}:{ref_id}", source_id=BIBLIOGRAPHY_SOURCE_ID,
            section=BIBLIOGRAPHY_SECTION, section_id=BIBLIOGRAPHY_SOURCE_ID, quote=self.bibliography_text[start:end],
            start=start, end=end, article_title=self.article.metadata.title, article_url=self.article.metadata.url,
            references=[cited],
        )

    def references_for(self, chunk: Chunk, quote: str, question: str | None = None) -> list[CitedReference]:
        """The section's inferred references, narrowed to the quote when the links allow it.

        Links carry the title terms that created them ('lumbar puncture', 'ivig'). When some link's
        terms occur in the quote, only those references are given (the precise case); otherwise those
        whose terms occur elsewhere in the passage; otherwise all the section's links, section-wide
        (term-less) ones first; ties go to references whose terms the question uses ("Where does the
        plasmapheresis information come from?"). At most MAX_REFERENCES, each labelled 'related reference'.
        """
        if chunk.source_id != ARTICLE_SOURCE_ID:
            kind = "abstract" if chunk.section_id == "abstract" else "full text"
            own = self.cited_reference(chunk.source_id, relation=f"cited source ({kind})")
            return [own] if own else []
        start = chunk.text.find(quote)
        sentence_ids = self._span_links(chunk.start + start, chunk.start + start + len(quote)) \
            if self._span_links is not None and start >= 0 else None
        if sentence_ids is not None:  # sentence-level links; those whose title terms the question uses first
            from corpus.links import title_terms

            asked = _normalise(question or "")
            named = {r for r in sentence_ids if r in self.references
                     and any(_normalise(t) in asked for t, _ in title_terms(self.references[r]))}
            ordered = sorted(sentence_ids, key=lambda r: r not in named)
            found = [self.cited_reference(ref_id) for ref_id in ordered]
            return [r for r in found if r is not None][:MAX_REFERENCES]
        links = self.links.get(chunk.section_id)
        if links is None:  # no link table loaded: fall back to what the index recorded
            ids = list(chunk.reference_ids)
        else:
            q, c, asked = _normalise(quote), _normalise(chunk.text), _normalise(question or "")

            def rank(link: "ReferenceLink") -> int:
                terms = [_normalise(t) for t in link.terms]
                if any(t in q for t in terms):
                    return 0
                if any(t in c for t in terms):
                    return 1
                return 2 if not terms else 3

            def in_question(link: "ReferenceLink") -> bool:
                return any(_normalise(t) in asked for t in link.terms)

            ranked = sorted(links, key=lambda l: (rank(l), not in_question(l), -l.score))
            best = rank(ranked[0]) if ranked else 3
            ids = [l.reference_id for l in ranked if best >= 2 or rank(l) == best]
        out: list[CitedReference] = []
        for ref_id in dict.fromkeys(ids):
            cited = self.cited_reference(ref_id)
            if cited is not None:
                out.append(cited)
            if len(out) == MAX_REFERENCES:
                break
        return out

    # -- citations -------------------------------------------------------------------------------
    def document_text(self, source_id: str) -> str | None:
        """The cleaned text a quote's offsets point into (the article, the bibliography or a source's extracted
        text), or None for a source whose text is not held: the one place that maps a source id to its text."""
        if source_id == BIBLIOGRAPHY_SOURCE_ID:
            return self.bibliography_text
        return self.article.text if source_id == ARTICLE_SOURCE_ID else self._source_text(source_id)

    def cite(self, marker: int, chunk: Chunk, start: int, end: int, question: str | None = None) -> Citation:
        """Citation for chunk.text[start:end] (offsets within the chunk) under `marker`."""
        if not 0 <= start < end <= len(chunk.text):
            raise CitationError(f"marker [{marker}]: offsets {start}:{end} fall outside passage {chunk.id}")
        quote = chunk.text[start:end]
        if chunk.source_id == ARTICLE_SOURCE_ID:
            title, url = self.article.metadata.title, self.article.metadata.url
        else:
            ref = self.references.get(chunk.source_id)
            title = ref.title if ref else chunk.source_id
            url = (ref.url or (f"https://doi.org/{ref.doi}" if ref.doi else "")) if ref else ""
        return Citation(
            marker=marker, chunk_id=chunk.id, source_id=chunk.source_id, section=_section_label(chunk),
            section_id=chunk.section_id, quote=quote, start=chunk.start + start, end=chunk.start + end,
            article_title=title, article_url=url, references=self.references_for(chunk, quote, question),
            source=chunk.source_id, page=chunk.page, page_label=chunk.page_label,
        )

    def cite_composition(self, composition: "Composition", retrieved: Iterable[Chunk], question: str) -> list[Citation]:
        """Citations for an extractive composition's quotes (marker by marker), validated against its body."""
        citations = [self.cite(q.marker, q.chunk, q.start, q.end, question) for q in composition.quotes]
        self.check(composition.body, citations, retrieved)
        return citations

    def check(self, text: str, citations: Sequence[Citation], retrieved: Iterable[Chunk]) -> None:
        """Raise CitationError unless every marker in `text` resolves to a retrieved, exact quote."""
        by_marker = {c.marker: c for c in citations}
        retrieved_ids = {c.id for c in retrieved}
        for n in markers_in(text):
            if n not in by_marker:
                raise CitationError(f"marker [{n}] does not resolve to any citation")
        for c in citations:
            if c.source_id != BIBLIOGRAPHY_SOURCE_ID and c.chunk_id not in retrieved_ids:
                raise CitationError(f"marker [{c.marker}] cites passage {c.chunk_id}, which was not retrieved for this question")
            document = self.document_text(c.source_id)
            if document is not None and document[c.start : c.end] != c.quote:
                raise CitationError(f"marker [{c.marker}]: the quote is not the text at offsets {c.start}:{c.end} of {c.source_id}")
        unused = sorted(set(by_marker) - set(markers_in(text)))
        if unused:
            raise CitationError(f"citations {unused} are not referred to by any marker in the answer")
