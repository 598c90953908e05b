"""JATS XML (the PMC / Europe PMC full-text format) via lxml: title, DOI, abstract and body by section.

The text is laid out as 'Abstract', its paragraphs, then each body section's heading and paragraphs;
`sections` records each one's span so passages are cited under their own heading. Entities are
never resolved and the network is never used while parsing (the XML comes from outside).
"""

from __future__ import annotations

from corpus.errors import CorpusError
from corpus.models import TextSection
from corpus.readers.base import Extracted, normalise_doi

PARAGRAPH_TAGS = ("p", "list-item", "disp-quote")


class JatsReader:
    name = "jats"
    media_type = "application/jats+xml"
    extensions = (".nxml", ".jats", ".xml")
    version = "1"

    def sniff(self, head: bytes) -> bool:
        low = head[:2048].lower()
        return low.lstrip().startswith(b"<?xml") and (b"<article" in low or b"jats" in low)

    def read(self, data: bytes, name: str) -> Extracted:
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False)
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            raise CorpusError(f"{name}: invalid XML ({exc})") from None
        _strip_namespaces(root)
        if root.tag != "article":
            found = root.find(".//article")
            if found is None:
                raise CorpusError(f"{name}: XML but not a JATS article (root element <{root.tag}>)")
            root = found
        title = _text(root.find("front/article-meta/title-group/article-title"))
        doi_el = root.find("front/article-meta/article-id[@pub-id-type='doi']")
        doi = normalise_doi(_text(doi_el)) if doi_el is not None and _text(doi_el) else None
        blocks: list[tuple[str, list[str]]] = []
        abstract_el = root.find("front/article-meta/abstract")
        abstract = "\n\n".join(_paragraphs(abstract_el)) if abstract_el is not None else ""
        if abstract:
            blocks.append(("Abstract", _paragraphs(abstract_el)))
        body = root.find("body")
        if body is not None:
            blocks.extend(_body_blocks(body))
        text, sections = _layout(blocks)
        return Extracted(text=text, media_type=self.media_type, extractor=f"{self.name}/{self.version}:lxml",
                         title=title or None, doi=doi, abstract=abstract or None, sections=sections)


def _strip_namespaces(root: object) -> None:
    for el in root.iter():  # type: ignore[attr-defined]
        if isinstance(el.tag, str) and "}" in el.tag:
            el.tag = el.tag.split("}", 1)[1]


def _text(el: object) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""  # type: ignore[attr-defined]


def _paragraphs(el: object) -> list[str]:
    """Paragraph texts under `el`, not descending into nested sections (they get their own block)."""
    out: list[str] = []
    for child in el.iter(*PARAGRAPH_TAGS):  # type: ignore[attr-defined]
        if child is el:
            continue
        between = []
        for ancestor in child.iterancestors():
            if ancestor is el:
                break
            between.append(ancestor.tag)
        if "sec" in between or (child.tag == "p" and ("list-item" in between or "disp-quote" in between)):
            continue
        text = _text(child)
        if text:
            out.append(text)
    return out


def _body_blocks(body: object) -> list[tuple[str, list[str]]]:
    blocks: list[tuple[str, list[str]]] = []
    loose = _paragraphs(body)
    if loose:
        blocks.append(("Main text", loose))
    for sec in body.iter("sec"):  # type: ignore[attr-defined]
        heads = [_text(a.find("title")) for a in reversed(list(sec.iterancestors("sec")))] + [_text(sec.find("title"))]
        paragraphs = _paragraphs(sec)
        if paragraphs:
            blocks.append((" > ".join(h for h in heads if h) or "Section", paragraphs))
    return blocks


def _layout(blocks: list[tuple[str, list[str]]]) -> tuple[str, list[TextSection]]:
    parts: list[str] = []
    sections: list[TextSection] = []
    cursor = 0
    for heading, paragraphs in blocks:
        if parts:
            parts.append("\n\n")
            cursor += 2
        start = cursor
        chunk = heading + "\n\n" + "\n\n".join(paragraphs)
        parts.append(chunk)
        cursor += len(chunk)
        sections.append(TextSection(title=heading, start=start, end=cursor))
    return "".join(parts), sections
