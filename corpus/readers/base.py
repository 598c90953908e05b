"""What every document reader returns, and the protocol a reader implements.

Why one small shape: `pns corpus add`, the fetcher and the source loader all need the same things
from a file (its main text, where its pages and sections sit in that text, the title and DOI it
names itself, and which extractor produced it), whatever its format.
"""

from __future__ import annotations

import re
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from corpus.models import PageSpan, TextSection

DOI_PATTERN = re.compile(r"\b10\.\d{4,9}/[^\s\"'<>\]\[)(,;]+", re.IGNORECASE)


class Extracted(BaseModel):
    """A document's main text with its outline; offsets are into `text`."""

    model_config = ConfigDict(frozen=True)

    text: str
    media_type: str
    extractor: str = Field(description="Reader name and library version, e.g. 'pdf:pypdf-7.1.1'.")
    title: str | None = None
    doi: str | None = Field(default=None, description="A DOI the file's metadata declares (not one found in its text).")
    abstract: str | None = None
    pages: list[PageSpan] = Field(default_factory=list)
    sections: list[TextSection] = Field(default_factory=list)

    @property
    def page_count(self) -> int | None:
        return len(self.pages) or None


class Reader(Protocol):
    """One document type: how to recognise it and how to read it."""

    name: str
    media_type: str
    extensions: tuple[str, ...]
    version: str

    def sniff(self, head: bytes) -> bool:
        """True when the first bytes look like this type (used when the extension says nothing)."""
        ...

    def read(self, data: bytes, name: str) -> Extracted:
        """Main text and outline; CorpusError naming `name` when the bytes are not readable."""
        ...


def normalise_doi(doi: str) -> str:
    """'https://doi.org/10.1182/BLOOD-2006.' -> '10.1182/blood-2006' (as the bibliography stores DOIs)."""
    doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi.strip(), flags=re.IGNORECASE)
    return doi.rstrip(".").lower()


def find_dois(text: str) -> list[str]:
    """DOIs written in a text, normalised, in order of first appearance."""
    return list(dict.fromkeys(normalise_doi(m.group(0)) for m in DOI_PATTERN.finditer(text)))
