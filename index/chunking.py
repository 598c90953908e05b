"""Cut the article (and any held source texts) into citable passages that point back to their text.

Why this shape:
- Chunks never cross a section boundary: a citation names one section, and a passage that mixed
  'Treatment' with 'Prognosis' would be cited under the wrong heading. A source's chunks never
  cross a page (PDF) or a section (JATS), so each is cited with its page.
- llama-index's SentenceSplitter does the cutting, with the article's lines (paragraphs and bullet
  items) as the first unit, then sentences, so bullets and sentences stay whole whenever they fit.
- Sizes are counted in the embedding model's own word pieces (all-MiniLM-L6-v2 reads at most 256;
  anything longer is silently truncated), read from the packaged tokenizer.json, so no model load.
- Offsets come from searching the chunk's text inside its section span of the cleaned text, not
  from splitter metadata, and every chunk is checked to round-trip: text[start:end] == chunk.text.
- The id is sha256(source_id + '\\n' + text)[:32]: a rebuild of unchanged text yields the same ids,
  so vectors can be reused instead of recomputed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from corpus.article import slugify
from corpus.corpus import ARTICLE_SOURCE_ID
from corpus.errors import CorpusError

from index.errors import IndexStoreError
from index.models import Chunk

if TYPE_CHECKING:
    from pathlib import Path

    from llama_index.core.node_parser import SentenceSplitter

    from corpus.corpus import Corpus
    from corpus.models import Article, ReferenceLink, SourceDocument
    from foundation.settings import Settings

Tokenizer = Callable[[str], Sequence[int]]

SOURCE_SECTION_ID = "full-text"
# Bump when the text handed to the embedder changes shape, so stored vectors are not reused wrongly.
EMBED_RECIPE = "section-path-prefix/v1"


@dataclass(frozen=True)
class Span:
    """One section of a source text: where its body sits and what to call it."""

    section_id: str
    section_path: list[str]
    start: int
    end: int
    reference_ids: list[str] = field(default_factory=list)
    page: int | None = None
    page_label: str | None = None


def chunk_id(source_id: str, text: str) -> str:
    """Stable id: the same text from the same source always gets the same id."""
    return hashlib.sha256(f"{source_id}\n{text}".encode("utf-8")).hexdigest()[:32]


def embedding_text(chunk: Chunk) -> str:
    """What the embedder reads: the heading path gives a short passage its topic ('Prognosis ...').

    Measured in benchmarks/results/chunk_size.json (with vs without the prefix).
    """
    return f"{' > '.join(chunk.section_path)}\n{chunk.text}" if chunk.section_path else chunk.text


@lru_cache(maxsize=4)
def model_tokenizer(model_name: str) -> Tokenizer:
    """The bundled model's word-piece tokenizer, read from its tokenizer.json (fast, no torch)."""
    from tokenizers import Tokenizer as HFTokenizer

    from foundation.model_registry import bundled_model

    path = bundled_model(model_name).path() / "tokenizer.json"
    tok = HFTokenizer.from_file(str(path))
    tok.no_truncation()
    tok.no_padding()
    return lambda text: tok.encode(text, add_special_tokens=False).ids


def make_splitter(chunk_size: int, chunk_overlap: int, tokenizer: Tokenizer, paragraph_separator: str) -> "SentenceSplitter":
    """A sentence-aware llama-index splitter whose first unit is a line (article) or a paragraph (sources)."""
    from llama_index.core.node_parser import SentenceSplitter

    if chunk_size < 16:
        raise IndexStoreError(f"chunk_size {chunk_size} is too small (minimum 16 tokens)")
    if not 0 <= chunk_overlap < chunk_size:
        raise IndexStoreError(f"chunk_overlap must be >= 0 and < chunk_size ({chunk_size}), got {chunk_overlap}")
    return SentenceSplitter(
        chunk_size=chunk_size,
        chunk_overlap=chunk_overlap,
        tokenizer=tokenizer,
        paragraph_separator=paragraph_separator,
        include_prev_next_rel=False,
    )


def _locate(text: str, piece: str, lo: int, hi: int) -> tuple[int, int]:
    """Where `piece` sits in text[lo:hi]; tolerant of whitespace the splitter may have changed."""
    at = text.find(piece, lo, hi)
    if at >= 0:
        return at, at + len(piece)
    words = piece.split()
    if words:
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        m = pattern.search(text, lo, hi)
        if m:
            return m.start(), m.end()
    raise IndexStoreError(f"chunking: could not locate a split of {len(piece)} chars in its section (text changed?)")


def chunk_spans(
    source_id: str, text: str, spans: Iterable[Span], splitter: "SentenceSplitter", first_position: int = 0
) -> list[Chunk]:
    """Split each span on its own and turn the pieces into Chunks with exact offsets into `text`."""
    chunks: list[Chunk] = []
    seen: set[str] = set()
    position = first_position
    for span in spans:
        body = text[span.start : span.end]
        if not body.strip():
            continue
        cursor = span.start
        for piece in splitter.split_text(body):
            start, end = _locate(text, piece, cursor, span.end)
            exact = text[start:end]  # the source's own characters, whatever the splitter did to whitespace
            cursor = start + 1  # overlapping chunks start after the previous start
            cid = chunk_id(source_id, exact)
            if cid in seen:  # a passage repeated word for word (PDF running headers): cite its first occurrence
                continue
            seen.add(cid)
            chunks.append(
                Chunk(
                    id=cid, source_id=source_id, section_id=span.section_id,
                    section_path=list(span.section_path), position=position, text=exact,
                    start=start, end=end, reference_ids=list(span.reference_ids), page=span.page,
                    page_label=span.page_label,
                )
            )
            position += 1
    return chunks


def article_spans(article: "Article", links: Sequence["ReferenceLink"] = ()) -> list[Span]:
    """The article's sections as spans, each carrying its inferred references (best first)."""
    by_section = _links_by_section(links)
    return [
        Span(section_id=s.id, section_path=list(s.path), start=s.start, end=s.end,
             reference_ids=by_section.get(s.id, []))
        for s in article.sections
    ]


def source_spans(doc: "SourceDocument") -> list[Span]:
    """A cited source's spans, each citing the source itself: one per page (PDF), per section (JATS,
    abstracts), else one over the whole text. Chunks never cross a span, so each keeps its page.

    The source's title is not put in the heading path: prefixed to every passage, it would make all of
    them match the title's words ('Trousseau syndrome') for the embedder, BM25 and the answerer alike.
    A page has no heading ([]); a JATS section or an abstract has its own.
    """
    own = [doc.reference_id]
    if doc.pages:
        return [Span(section_id=f"page-{p.number}", section_path=[], start=p.start, end=p.end,
                     reference_ids=own, page=p.number, page_label=p.label) for p in doc.pages]
    if doc.sections:
        return [Span(section_id=f"section-{i}-{_slug(s.title)}", section_path=[s.title], start=s.start, end=s.end,
                     reference_ids=own) for i, s in enumerate(doc.sections, start=1)]
    if doc.coverage == "abstract":
        return [Span(section_id="abstract", section_path=["Abstract"], start=0, end=len(doc.text), reference_ids=own)]
    return [Span(section_id=SOURCE_SECTION_ID, section_path=[], start=0, end=len(doc.text), reference_ids=own)]


def _slug(text: str) -> str:
    """A source section's title as an id part: the article's slug (corpus.article.slugify), kept short."""
    return slugify(text)[:40] or "section"


def _links_by_section(links: Sequence["ReferenceLink"]) -> dict[str, list[str]]:
    if not links:
        return {}
    from corpus.links import links_by_section

    return {sid: _dedupe(l.reference_id for l in items) for sid, items in links_by_section(list(links)).items()}


def _dedupe(ids: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for i in ids:
        seen.setdefault(i, None)
    return list(seen)


def chunk_documents(
    article: "Article",
    sources: Sequence["SourceDocument"] = (),
    links: Sequence["ReferenceLink"] = (),
    *,
    chunk_size: int,
    chunk_overlap: int,
    tokenizer: Tokenizer,
    cache: "ChunkCache | None" = None,
) -> list[Chunk]:
    """All chunks: the article's first (line-first splitting), then each source (paragraph-first).

    With `cache`, a source whose text and chunking parameters are unchanged reuses its chunks from the
    last build instead of being split again (splitting is most of a build's time once the model has
    nothing new to embed: about 2.5 ms per chunk here); they are checked like fresh ones below.
    """
    article_splitter = make_splitter(chunk_size, chunk_overlap, tokenizer, paragraph_separator="\n")
    chunks = chunk_spans(ARTICLE_SOURCE_ID, article.text, article_spans(article, links), article_splitter)
    if sources:
        source_splitter = make_splitter(chunk_size, chunk_overlap, tokenizer, paragraph_separator="\n\n")
        for doc in sorted(sources, key=lambda d: d.reference_id):
            key = cache.key(doc, chunk_size, chunk_overlap) if cache else ""
            held = cache.get(key) if cache else None
            if held is None:
                held = chunk_spans(doc.reference_id, doc.text, source_spans(doc), source_splitter)
                if cache:
                    cache.put(key, held)
            chunks.extend(held)
        if cache:
            cache.prune()
    _check(chunks, {ARTICLE_SOURCE_ID: article.text, **{d.reference_id: d.text for d in sources}})
    return chunks


class ChunkCache:
    """A source's chunks from earlier builds, by sha256 of (its file, extractor, chunking parameters, model)."""

    RECIPE = "source-chunks/v2"  # v2: printed page labels. Bump when source_spans or chunk_spans change what they produce

    def __init__(self, folder: "Path", model: str) -> None:
        self.folder, self.model = folder, model
        self.used: set[str] = set()

    def key(self, doc: "SourceDocument", chunk_size: int, chunk_overlap: int) -> str:
        parts = [self.RECIPE, doc.reference_id, doc.sha256, doc.extractor or "", doc.coverage, str(chunk_size),
                 str(chunk_overlap), self.model]
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]

    def get(self, key: str) -> list[Chunk] | None:
        import json

        self.used.add(key)
        try:
            return [Chunk.model_validate(c) for c in json.loads((self.folder / f"{key}.json").read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError):
            return None

    def put(self, key: str, chunks: Sequence[Chunk]) -> None:
        from foundation.atomic_files import atomic_write_json

        try:
            atomic_write_json(self.folder / f"{key}.json", [c.model_dump() for c in chunks], indent=None)
        except OSError:
            pass  # no cache, just a slower next build

    def prune(self) -> None:
        """Forget sources this build no longer has (changed or removed files)."""
        for path in self.folder.glob("*.json") if self.folder.is_dir() else []:
            if path.stem not in self.used:
                path.unlink(missing_ok=True)


def _check(chunks: Sequence[Chunk], texts: dict[str, str]) -> None:
    """Refuse to index a chunk that would highlight the wrong characters, or two chunks with one id."""
    seen: set[str] = set()
    for c in chunks:
        if texts[c.source_id][c.start : c.end] != c.text:
            raise IndexStoreError(f"chunking: chunk {c.id} of {c.source_id} does not round-trip to its offsets")
        if c.id in seen:
            raise IndexStoreError(f"chunking: duplicate chunk id {c.id} in {c.source_id} (repeated passage)")
        seen.add(c.id)


def chunk_corpus(settings: "Settings", tokenizer: Tokenizer | None = None,
                 on_error: Callable[[CorpusError], None] | None = None, corpus: "Corpus | None" = None) -> list[Chunk]:
    """Chunk the corpus with the configured sizes (the index build's first step).

    Loads the Corpus unless one is passed. `on_error` makes source loading lenient (a corrupt source is
    handed to it and left out); without it a corrupt source raises, so a build never indexes unverified text.
    """
    if corpus is None:
        from corpus.corpus import Corpus

        corpus = Corpus.load(settings, on_error=on_error, strict_sources=on_error is None)
    article, sources, links = corpus.article, list(corpus.sources), list(corpus.links)
    return chunk_documents(
        article, sources, links, chunk_size=settings.index.chunk_size, chunk_overlap=settings.index.chunk_overlap,
        tokenizer=tokenizer or model_tokenizer(settings.index.embedding_model),
        cache=ChunkCache(settings.index_dir / "chunk-cache", settings.index.embedding_model),
    )
