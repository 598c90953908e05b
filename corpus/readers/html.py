"""HTML via trafilatura: the page's main text, without navigation, cookie banners, sign-up forms or footers.

Besides the text, the page's own metadata is read with lxml: its DOI (citation_doi, dc.identifier,
prism.doi) and an abstract where the page marks one (citation_abstract / dc.description meta tags,
or an element whose id or class is 'abstract'). The fetcher keeps only that abstract when the rest
of the page is a paywall.
"""

from __future__ import annotations

import re

from corpus.errors import CorpusError
from corpus.readers.base import Extracted, find_dois

DOI_META = ("citation_doi", "dc.identifier", "prism.doi", "bepress_citation_doi")
ABSTRACT_META = ("citation_abstract", "dc.description", "description", "og:description")
MIN_ABSTRACT_CHARS = 200


class HtmlReader:
    name = "html"
    media_type = "text/html"
    extensions = (".html", ".htm", ".xhtml")
    version = "1"

    def sniff(self, head: bytes) -> bool:
        low = head.lstrip()[:512].lower()
        return low.startswith((b"<!doctype html", b"<html")) or b"<html" in low

    def read(self, data: bytes, name: str) -> Extracted:
        import trafilatura

        html = _decode(data, name)
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
            include_links=False, favor_precision=True, deduplicate=False,
        )
        text = ((getattr(doc, "text", None) or "") if doc is not None else "").strip()
        title = (getattr(doc, "title", None) or None) if doc is not None else None
        meta = page_metadata(html)
        return Extracted(
            text=text, media_type=self.media_type, extractor=f"{self.name}/{self.version}:trafilatura-{trafilatura.__version__}",
            title=title or meta.get("title"), doi=meta.get("doi"), abstract=meta.get("abstract"),
        )


def _decode(data: bytes, name: str) -> str:
    """UTF-8, else the charset the page declares, else a clear error."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:2048])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    raise CorpusError(f"{name}: not UTF-8 text and no usable charset declared")


def page_metadata(html: str) -> dict[str, str]:
    """DOI, title and abstract the page declares about itself (empty dict when it declares none)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        tree = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return {}
    metas = {}
    for el in tree.iter("meta"):
        key = (el.get("name") or el.get("property") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in metas:
            metas[key] = value
    out: dict[str, str] = {}
    for key in DOI_META:
        dois = find_dois(metas.get(key, ""))
        if dois:
            out["doi"] = dois[0]
            break
    if metas.get("citation_title"):
        out["title"] = metas["citation_title"]
    abstract = _marked_abstract(tree) or next(
        (metas[k] for k in ABSTRACT_META if len(metas.get(k, "")) >= MIN_ABSTRACT_CHARS), None
    )
    if abstract:
        out["abstract"] = abstract
    return out


def _marked_abstract(tree: object) -> str | None:
    """The text of an element marked as the abstract (id/class 'abstract'), without its 'Abstract' heading."""
    nodes = tree.xpath(  # type: ignore[attr-defined]
        "//*[self::section or self::div][contains(concat(' ', translate(@class, 'ABSTRACT', 'abstract'), ' '), ' abstract ')"
        " or translate(@id, 'ABSTRACT', 'abstract') = 'abstract']"
    )
    for node in nodes:
        paragraphs = [" ".join(p.text_content().split()) for p in node.iter("p")]
        text = "\n\n".join(p for p in paragraphs if p)
        if len(text) >= MIN_ABSTRACT_CHARS:
            return text
    return None
