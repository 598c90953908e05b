"""PDF via pypdf: the text layer page by page, so every passage keeps its page number.

pypdf returns one line per printed line, so a sentence is cut wherever the page wrapped it. Each page
is reflowed: printed lines join with a space (a word hyphenated at the end of a line is rejoined),
and a paragraph break (blank line) is kept where a line ends a sentence well short of the page's
width. Pages are joined with a blank line; `pages` records where each one starts and ends in the
joined text. A scanned PDF has no text layer: it reads as empty, and callers say so (no OCR here).
"""

from __future__ import annotations

import io

from corpus.errors import CorpusError
from corpus.models import PageSpan
from corpus.readers.base import Extracted, find_dois

PAGE_JOIN = "\n\n"


class PdfReader:
    name = "pdf"
    media_type = "application/pdf"
    extensions = (".pdf",)
    version = "3"  # 3: printed page labels

    def sniff(self, head: bytes) -> bool:
        return head.lstrip()[:5].lower() == b"%pdf-"

    def read(self, data: bytes, name: str) -> Extracted:
        import pypdf
        from pypdf.errors import PdfReadError

        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise CorpusError(f"{name}: the PDF is encrypted; save an unprotected copy and add that")
            texts = [reflow(page.extract_text() or "") for page in reader.pages]
            labels = printed_labels(reader)
            meta = reader.metadata
        except CorpusError:
            raise
        except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
            raise CorpusError(f"{name}: unreadable PDF ({exc})") from None
        text, pages = _join_pages(texts, labels)
        title = _meta(meta, "title")
        subject = " ".join(filter(None, [_meta(meta, "subject"), _meta(meta, "keywords"), _meta(meta, "doi")]))
        dois = find_dois(subject)
        return Extracted(text=text, media_type=self.media_type, extractor=f"{self.name}/{self.version}:pypdf-{pypdf.__version__}",
                         title=title, doi=dois[0] if dois else None, pages=pages)


SHORT_LINE = 0.75  # a line ending a sentence below this share of the page's longest line ends a paragraph


def reflow(page_text: str) -> str:
    """Join a page's printed lines into paragraphs (see the module docstring)."""
    lines = [" ".join(ln.split()) for ln in page_text.splitlines()]
    lines = [ln for ln in lines if ln]
    if not lines:
        return ""
    width = max(len(ln) for ln in lines)
    out = lines[0]
    for prev, line in zip(lines, lines[1:]):
        if prev.endswith((".", "!", "?", ":")) and len(prev) < SHORT_LINE * width:
            out += "\n\n" + line
        elif prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        elif line.startswith(("•", "- ", "* ")):
            out += "\n" + line
        else:
            out += " " + line
    return out


def printed_labels(reader: object) -> list[str | None]:
    """Each page's printed number from the PDF's /PageLabels (a journal's '1723'..'1729'), or None per page.

    Why only from the file: a PDF without labels counts from 1, and guessing the journal's numbering from
    the bibliography's page range would put a page number on a passage that the file itself never states.
    """
    pages = len(reader.pages)  # type: ignore[attr-defined]
    try:
        root = reader.trailer["/Root"]  # type: ignore[attr-defined]
        if "/PageLabels" not in root:
            return [None] * pages
        labels = list(reader.page_labels)  # type: ignore[attr-defined]
    except Exception:  # a malformed label tree costs the labels, never the text
        return [None] * pages
    return [str(label) if label else None for label in labels] if len(labels) == pages else [None] * pages


def _join_pages(texts: list[str], labels: list[str | None] | None = None) -> tuple[str, list[PageSpan]]:
    """One text with each non-empty page's span in it (empty pages keep their number, just no span)."""
    parts: list[str] = []
    pages: list[PageSpan] = []
    cursor = 0
    for number, page_text in enumerate(texts, start=1):
        if not page_text:
            continue
        if parts:
            parts.append(PAGE_JOIN)
            cursor += len(PAGE_JOIN)
        parts.append(page_text)
        label = labels[number - 1] if labels and number <= len(labels) else None
        pages.append(PageSpan(number=number, start=cursor, end=cursor + len(page_text),
                              label=label if label and label != str(number) else None))
        cursor += len(page_text)
    return "".join(parts), pages


def _meta(meta: object, key: str) -> str | None:
    if meta is None:
        return None
    try:
        value = meta.get(f"/{key.capitalize()}") if key != "doi" else meta.get("/doi")  # type: ignore[attr-defined]
    except Exception:
        return None
    value = str(value).strip() if value else ""
    return value or None
