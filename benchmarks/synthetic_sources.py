"""A synthetic multi-source corpus for tests and benchmarks: clearly fake documents, one per reference.

Every page says "SYNTHETIC TEST DOCUMENT" and every document says it is not the text of the cited
work: the sentences are generated from invented terms (zorblax, quenmarin ...) so nothing here can
be mistaken for, or attributed to, a real reference. These files are written into temporary folders
by tests and benchmarks and are never part of the shipped corpus.

- `synthetic_pdf(ref, pages, facts=...)`: a PDF (fpdf2) of `pages` pages whose first page carries
  the reference's title and DOI (so `pns corpus add` can match it) and, optionally, given sentences
  on given pages (so a test can ask about a fact that exists only on page N of that file).
- `generate_corpus(folder, refs)`: 21 such PDFs of 10-40 pages (deterministic from a seed).
- `synthetic_text(ref, paragraphs)`: the same kind of text without the PDF, for 100k-chunk scale.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from corpus.models import Reference

BANNER = "SYNTHETIC TEST DOCUMENT"
DISCLAIMER = "Generated for tests; not the text of the cited work and not medical information."
TERMS = ("zorblax", "quenmarin", "veltrane", "moxidal", "prenulite", "castorine", "dravelin", "ulmotide", "fennoxar",
         "jaspirin", "kelvane", "lutrosin")
SUBJECTS = ("the synthetic cohort", "a fictional registry", "the simulated clinic", "an invented trial", "the model population")
VERBS = ("was associated with", "preceded", "was measured alongside", "did not change", "was reported with")
OUTCOMES = ("marker levels", "symptom scores", "follow-up visits", "laboratory panels", "imaging findings")


@dataclass(frozen=True)
class SyntheticDoc:
    reference_id: str
    path: Path
    pages: int


def _ascii(text: str) -> str:
    """Core PDF fonts are Latin-1: curly quotes and dashes become plain ones."""
    table = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
    return "".join(table.get(c, c) for c in text).encode("latin-1", "replace").decode("latin-1")


def filler_sentence(rng: random.Random) -> str:
    n, m = rng.randint(3, 400), rng.randint(2, 90)
    return (f"In {rng.choice(SUBJECTS)}, {rng.choice(TERMS)} {rng.choice(VERBS)} {rng.choice(OUTCOMES)} "
            f"in {n} of {n + m} invented cases.")


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(filler_sentence(rng) for _ in range(sentences))


def _cell(pdf: object, height: float, text: str) -> None:
    """A wrapped paragraph, then back to the left margin on the next line."""
    pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")  # type: ignore[attr-defined]


def synthetic_pdf(ref: Reference, pages: int, *, seed: int = 0, facts: Mapping[int, str] | None = None,
                  with_doi: bool = True, paragraphs_per_page: int = 5, first_printed_page: int | None = None) -> bytes:
    """A PDF of `pages` pages for `ref`; `facts` maps page number -> a sentence printed on that page.

    `first_printed_page` gives the file /PageLabels numbering its pages from there, as a journal issue's
    PDF does (page 1 of the file printed as e.g. 1720).
    """
    from fpdf import FPDF

    rng = random.Random(f"{seed}-{ref.id}")
    pdf = FPDF(format="A4")
    pdf.set_title(_ascii(ref.title))  # as a publisher would; the banner is on every page and in the keywords
    pdf.set_keywords(BANNER)
    pdf.set_subject(f"doi:{ref.doi}" if with_doi and ref.doi else BANNER)
    pdf.set_auto_page_break(auto=False)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=9)
        _cell(pdf, 5, f"{BANNER}. Page {number} of {pages}.")
        pdf.ln(2)
        if number == 1:
            pdf.set_font("Helvetica", style="B", size=12)
            _cell(pdf, 7, _ascii(f"Synthetic stand-in for: {ref.title}."))
            pdf.set_font("Helvetica", size=10)
            if with_doi and ref.doi:
                _cell(pdf, 5, f"DOI: {ref.doi}.")
            _cell(pdf, 5, DISCLAIMER)
            pdf.ln(3)
        pdf.set_font("Helvetica", size=10)
        body = [paragraph(rng) for _ in range(paragraphs_per_page - (2 if number == 1 else 0))]
        if facts and number in facts:
            body.insert(len(body) // 2, _ascii(facts[number]))
        for text in body:
            _cell(pdf, 5, text)
            pdf.ln(3)
    data = bytes(pdf.output())
    return data if first_printed_page is None else with_page_labels(data, first_printed_page)


def with_page_labels(data: bytes, first: int) -> bytes:
    """The same PDF with decimal page labels starting at `first` (pypdf writes the /PageLabels tree)."""
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.set_page_label(0, len(writer.pages) - 1, style="/D", start=first)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def synthetic_text(ref: Reference, paragraphs: int, *, seed: int = 0) -> str:
    """Plain text of the same kind (banner, title, DOI, filler paragraphs), for large-scale benchmarks."""
    rng = random.Random(f"{seed}-{ref.id}-text")
    head = [f"{BANNER}.", ref.title, *([f"DOI: {ref.doi}"] if ref.doi else []), DISCLAIMER]
    return "\n\n".join(head + [paragraph(rng) for _ in range(paragraphs)]) + "\n"


def generate_corpus(folder: Path, refs: Sequence[Reference], *, seed: int = 0, min_pages: int = 10,
                    max_pages: int = 40) -> list[SyntheticDoc]:
    """One synthetic PDF per reference (10-40 pages each by default) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    docs = []
    for ref in refs:
        pages = rng.randint(min_pages, max_pages)
        path = folder / f"synthetic-{ref.id}.pdf"
        path.write_bytes(synthetic_pdf(ref, pages, seed=seed))
        docs.append(SyntheticDoc(ref.id, path, pages))
    return docs
