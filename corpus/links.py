"""Infer which references each article section draws on.

The article prints a bibliography but no inline citation markers, so an answer quoting a
section cannot say which source backs it unless we infer that. We combine two signals:

* keyword: the distinctive terms of a reference's title ('Trousseau', 'lumbar puncture', 'IVIG')
  found in the section text. For this article's references the terms are a hand-reviewed table
  (TERMS) taken from each title, plus a few marked synonyms where the article words it differently
  ('pemphigus' is an immunobullous disease, 'prevalence' is what an epidemiology paper measures).
  References outside the table fall back to the content-word runs of their title.
* embedding: cosine similarity between the reference title and the section's best-matching
  sentence (all-MiniLM-L6-v2, bundled), min-max normalised per reference across sections, because
  topic-wide titles ('Paraneoplastic Syndromes') are close to every section in absolute terms.

score = 0.5 * keyword + 0.5 * embedding; a link is kept at score >= THRESHOLD, so the embedding
alone can never create one. Every listed reference was cited somewhere, so a reference left with
no link gets its single best section by embedding when the raw similarity is high (method
'embedding'). Every link is labelled inferred. The result is computed once (model load: seconds)
and committed as corpus/data/links.json; load_links only reads JSON.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from corpus.article import load_article
from corpus.bibliography import load_references
from corpus.errors import CorpusError
from corpus.models import Article, Reference, ReferenceLink, Section
from corpus.paths import PACKAGE_DATA
from corpus.sentence_split import rough_sentences
from foundation.settings import Settings
from corpus.paths import article_path

PACKAGED_LINKS = PACKAGE_DATA / "links.json"
LINKS_FILE = "links.json"
FORMAT_VERSION = 1

KEYWORD_WEIGHT = 0.5
EMBEDDING_WEIGHT = 0.5
THRESHOLD = 0.55
FALLBACK_MIN_SIMILARITY = 0.5  # raw cosine a best-match-only link needs
PRIMARY, SECONDARY, SYNONYM = 1.0, 0.6, 0.8

# Distinctive terms per reference: (term, weight). PRIMARY = the title's own distinctive phrase,
# SYNONYM = the same thing as the article words it, SECONDARY = a broader title word.
TERMS: dict[str, tuple[tuple[str, float], ...]] = {
    "aly2021": (("cerebellar degeneration", PRIMARY), ("cerebellar", SECONDARY)),
    "americancancersociety_nd_a": (("hodgkin", PRIMARY),),
    "americancancersociety_nd_b": (("immunotherapy", PRIMARY),),
    "arumugham2023": (("intravenous immunoglobulin", PRIMARY), ("ivig", PRIMARY)),
    "bryant2025a": (("small cell lung", PRIMARY),),
    "bryant2025b": (("myasthenia gravis", PRIMARY),),
    "bryant2025c": (("lupus", PRIMARY),),
    "clevelandclinic2022": (("plasmapheresis", PRIMARY), ("plasma exchange", PRIMARY)),
    "cloyd2023": (("multiple sclerosis", PRIMARY), ("nutrition", SECONDARY)),
    "ellenby2006": (("lumbar puncture", PRIMARY), ("spinal tap", SYNONYM), ("cerebrospinal fluid", SECONDARY)),
    "graber2023": (("paraneoplastic neurologic", PRIMARY),),
    "jayarangaiah2020": (("lambert eaton", PRIMARY), ("myasthenic syndrome", PRIMARY)),
    "johnhopkinsmedicine2019": (("electromyography", PRIMARY), ("emg", PRIMARY), ("nerve conduction", SYNONYM)),
    "kadish2024": (
        ("epidemiology", PRIMARY), ("prevalence", SYNONYM), ("incidence", SYNONYM),
        ("paraneoplastic neurologic", SECONDARY),
    ),
    "said2023": (("viral encephalitis", PRIMARY), ("encephalitis", PRIMARY)),
    "tapia2023": (("nephrotic", PRIMARY),),
    "thapa2020": (),  # 'Paraneoplastic Syndromes' names the whole article's topic: no distinctive term
    "varki2007": (("trousseau", PRIMARY),),
    "vogrig2019": (
        ("epidemiology", PRIMARY), ("population based", PRIMARY), ("prevalence", SYNONYM), ("incidence", SYNONYM),
        ("paraneoplastic neurologic", SECONDARY),
    ),
    "weinberg2023": (("immunobullous", PRIMARY), ("blistering", PRIMARY), ("pemphigus", SYNONYM)),
    "yoshimura2023": (("acanthosis nigricans", PRIMARY), ("acanthosis", PRIMARY)),
}

STOPWORDS = frozenset(
    "a an and or of the in on to for with by from as at is it its what how why their our your this that "
    "vs via plus".split()
)
# Title words that describe the kind of page, or the article's own topic, not what a section is about.
GENERIC = frozenset(
    "paraneoplastic syndrome syndromes cancer disease diseases causes symptoms treatment treatments therapy "
    "procedure explained approach approaches integrative medicine options evidence based essential specialty "
    "labs optimal patient care revolutionizing testing multiple definitions mechanisms study overview review "
    "introduction guide update".split()
)


def folded_tokens(text: str) -> list[str]:
    """Lower-case ASCII words and numbers ('Lambert–Eaton' -> ['lambert', 'eaton']): what titles and sections match on."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", folded)


def _stem(token: str) -> str:
    """Truncation stemmer: 'neurological'/'neurologic' and 'myasthenia'/'myasthenic' share a stem."""
    return token[:7] if len(token) > 7 else token.rstrip("s") if len(token) > 3 else token


def keyword_stems(text: str) -> list[str]:
    """The text's folded tokens, truncation-stemmed: what keyword_score looks for a term's stems in."""
    return [_stem(t) for t in folded_tokens(text)]


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return n > 0 and any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def title_terms(ref: Reference) -> tuple[tuple[str, float], ...]:
    """Distinctive terms for `ref`: the reviewed table, else runs of non-generic title words."""
    if ref.id in TERMS:
        return TERMS[ref.id]
    runs: list[list[str]] = [[]]
    for tok in folded_tokens(ref.title):
        if tok in STOPWORDS or tok in GENERIC or len(tok) < 3:
            runs.append([])
        else:
            runs[-1].append(tok)
    return tuple((" ".join(r), PRIMARY) for r in runs if r)


def keyword_score(section_stems: list[str], terms: Iterable[tuple[str, float]]) -> tuple[float, list[str]]:
    """The best weight among the terms found in the section, and which terms matched."""
    matched = [(t, w) for t, w in terms if _contains(section_stems, keyword_stems(t))]
    if not matched:
        return 0.0, []
    return max(w for _, w in matched), [t for t, _ in sorted(matched, key=lambda tw: -tw[1])]


def _sentences(section: Section) -> list[str]:
    out: list[str] = []
    for line in section.text.splitlines():
        line = line.removeprefix("- ").strip()
        out += rough_sentences(line)
    return [f"{section.title}. {s}" for s in out] or [section.title]


def embedding_similarities(article: Article, refs: list[Reference], model_name: str) -> list[list[float]]:
    """[section][reference] cosine between the reference title and the section's closest sentence."""
    from foundation.model_registry import load_sentence_model

    model = load_sentence_model(model_name)
    titles = model.encode([r.title for r in refs], normalize_embeddings=True)
    sims: list[list[float]] = []
    for section in article.sections:
        sents = model.encode(_sentences(section), normalize_embeddings=True)
        matrix = sents @ titles.T  # sentences x references
        sims.append([float(v) for v in matrix.max(axis=0)])
    return sims


def score_links(
    article: Article, refs: list[Reference], similarities: list[list[float]]
) -> list[dict[str, Any]]:
    """Combine the two signals into scored link records (pure: no model, easy to test)."""
    n_refs = len(refs)
    lows = [min(row[j] for row in similarities) for j in range(n_refs)]
    highs = [max(row[j] for row in similarities) for j in range(n_refs)]
    records: list[dict[str, Any]] = []
    for i, section in enumerate(article.sections):
        stems = keyword_stems(f"{section.title} {section.text}")
        for j, ref in enumerate(refs):
            k, terms = keyword_score(stems, title_terms(ref))
            raw = similarities[i][j]
            norm = (raw - lows[j]) / (highs[j] - lows[j]) if highs[j] > lows[j] else 0.0
            score = KEYWORD_WEIGHT * k + EMBEDDING_WEIGHT * norm
            if score >= THRESHOLD:
                records.append(_record(section.id, ref.id, score, "keyword+embedding", k, raw, terms))
    linked = {r["reference_id"] for r in records}
    for j, ref in enumerate(refs):
        if ref.id in linked:
            continue
        best = max(range(len(article.sections)), key=lambda i: similarities[i][j])
        if similarities[best][j] >= FALLBACK_MIN_SIMILARITY:
            records.append(
                _record(article.sections[best].id, ref.id, EMBEDDING_WEIGHT, "embedding", 0.0, similarities[best][j], [])
            )
    order = {s.id: n for n, s in enumerate(article.sections)}
    records.sort(key=lambda r: (order[r["section_id"]], -r["score"], r["reference_id"]))
    return records


def _record(section_id: str, ref_id: str, score: float, method: str, k: float, sim: float, terms: list[str]) -> dict[str, Any]:
    return {
        "section_id": section_id, "reference_id": ref_id, "score": round(score, 4), "method": method,
        "inferred": True, "keyword_score": round(k, 4), "embedding_similarity": round(sim, 4), "terms": terms,
    }


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def compute_links(settings: Settings) -> dict[str, Any]:
    """Recompute every link (loads the embedding model) and return the links.json document."""
    article = load_article(article_path(settings))
    refs = load_references(settings)
    sims = embedding_similarities(article, refs, settings.index.embedding_model)
    return {
        "format": FORMAT_VERSION,
        "generated_by": "pns corpus links --recompute",
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "article_sha256": _sha256(article_path(settings)),
        "model": settings.index.embedding_model,
        "weights": {"keyword": KEYWORD_WEIGHT, "embedding": EMBEDDING_WEIGHT},
        "threshold": THRESHOLD,
        "fallback_min_similarity": FALLBACK_MIN_SIMILARITY,
        "note": "Inferred links: the article has no inline citations. Review with `pns corpus links`.",
        "links": score_links(article, refs, sims),
    }


def write_links(document: dict[str, Any], path: Path) -> Path:
    """Write atomically (temp file + rename) so a reader never sees half a file."""
    from foundation.atomic_files import atomic_write_json

    atomic_write_json(path, document)
    return path


def links_path(settings: Settings) -> Path:
    """HOME/links.json when the user recomputed links, else the file shipped with the package."""
    local = settings.home / LINKS_FILE
    return local if local.is_file() else PACKAGED_LINKS


def read_links_document(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorpusError(f"reference links not found at {path}; run `pns corpus links --recompute`") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CorpusError(f"reference links file {path} is not valid JSON: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("links"), list):
        raise CorpusError(f"reference links file {path} has no 'links' list")
    return doc


def load_links(settings: Settings) -> list[ReferenceLink]:
    """The inferred section->reference links (reads JSON only; no model is loaded).

    Raises CorpusError when the links were computed for a different article text, because stale
    links would silently attach the wrong sources to answers.
    """
    path = links_path(settings)
    doc = read_links_document(path)
    try:
        current = _sha256(article_path(settings))
    except FileNotFoundError:
        raise CorpusError(f"article file not found: {article_path(settings)}") from None
    if doc.get("article_sha256") != current:
        raise CorpusError(
            f"reference links in {path} were computed for a different article text; "
            "run `pns corpus links --recompute`"
        )
    try:
        return [ReferenceLink.model_validate(item) for item in doc["links"]]
    except ValueError as exc:
        raise CorpusError(f"reference links file {path} is malformed: {exc}") from None


def links_by_section(links: Iterable[ReferenceLink]) -> dict[str, list[ReferenceLink]]:
    """section_id -> its links, strongest first."""
    out: dict[str, list[ReferenceLink]] = {}
    for link in links:
        out.setdefault(link.section_id, []).append(link)
    for items in out.values():
        items.sort(key=lambda l: (-l.score, l.reference_id))
    return out
