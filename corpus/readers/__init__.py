"""Document readers: one module per document type, registered in READERS below.

Adding a type = one new module with a class like those here (name, media_type, extensions,
version, sniff(), read() -> Extracted) + one line in READERS. Everything else (`pns corpus add`,
the fetcher, the source loader and its extraction cache) finds readers only through this module.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from corpus.errors import CorpusError
from corpus.readers.base import Extracted, Reader, find_dois, normalise_doi
from corpus.readers.html import HtmlReader
from corpus.readers.jats import JatsReader
from corpus.readers.pdf import PdfReader
from corpus.readers.text import MarkdownReader, TextReader

READERS: tuple[Reader, ...] = (PdfReader(), HtmlReader(), JatsReader(), TextReader(), MarkdownReader())


def supported() -> str:
    """'.pdf, .html, ...' for messages."""
    return ", ".join(ext for r in READERS for ext in r.extensions)


def reader_named(media_type: str) -> Reader:
    for reader in READERS:
        if reader.media_type == media_type:
            return reader
    raise CorpusError(f"unsupported media type {media_type!r}")


def reader_for(name: str, data: bytes = b"", media_type: str | None = None) -> Reader:
    """The reader for a file: by declared media type, else by what the bytes start with, else by extension.

    The bytes win over the extension so a PDF saved as '.html' (or served as octet-stream) is still read as a PDF.
    """
    if media_type:
        return reader_named(media_type)
    head = data[:2048]
    for reader in READERS:
        if head and reader.sniff(head):
            return reader
    suffix = PurePosixPath(name).suffix.lower()
    for reader in READERS:
        if suffix in reader.extensions:
            return reader
    raise CorpusError(f"{name}: unsupported file type {suffix or '(none)'!r}; supported: {supported()}")


def read_document(data: bytes, name: str, media_type: str | None = None) -> Extracted:
    """Extract `data` with the reader its media type (or its bytes, or its name) calls for."""
    return reader_for(name, data, media_type).read(data, name)


__all__ = ["READERS", "Extracted", "Reader", "find_dois", "normalise_doi", "read_document", "reader_for", "reader_named",
           "supported"]
