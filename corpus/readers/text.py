"""Plain text and Markdown: kept as written (only outer whitespace trimmed)."""

from __future__ import annotations

from corpus.errors import CorpusError
from corpus.readers.base import Extracted


class TextReader:
    name = "text"
    media_type = "text/plain"
    extensions = (".txt", ".text")
    version = "1"

    def sniff(self, head: bytes) -> bool:
        return False  # anything could be text: only the extension says so

    def read(self, data: bytes, name: str) -> Extracted:
        try:
            text = data.decode("utf-8").strip()
        except UnicodeDecodeError:
            raise CorpusError(f"{name}: not UTF-8 text") from None
        return Extracted(text=text, media_type=self.media_type, extractor=f"{self.name}/{self.version}",
                         title=_first_line(text))


class MarkdownReader(TextReader):
    name = "markdown"
    media_type = "text/markdown"
    extensions = (".md", ".markdown")


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:300]
    return None
