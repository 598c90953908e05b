"""Inferred section->reference links: the committed file, its checks, and the scoring rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.article import load_article
from corpus.bibliography import load_references
from corpus.errors import CorpusError
from corpus.links import (
    PACKAGED_LINKS,
    TERMS,
    THRESHOLD,
    keyword_score,
    keyword_stems,
    links_by_section,
    load_links,
    score_links,
    title_terms,
)
from corpus.models import Reference, ReferenceLink
from foundation.settings import Settings
from corpus.paths import article_path

MUST_HOLD = [
    ("what-are-paraneoplastic-syndromes/types-of-paraneoplastic-syndromes", "jayarangaiah2020"),  # Lambert-Eaton
    ("symptoms-and-clinical-presentation/common-symptoms", "varki2007"),  # Trousseau
    ("diagnostic-procedures/advanced-diagnostic-tests", "ellenby2006"),  # lumbar puncture
    ("treatment-and-management/conventional-medical-treatments", "arumugham2023"),  # IVIG
]


@pytest.fixture(scope="module")
def links() -> list[ReferenceLink]:
    return load_links(Settings())


def test_obvious_links_hold(links: list[ReferenceLink]) -> None:
    pairs = {(l.section_id, l.reference_id) for l in links}
    for pair in MUST_HOLD:
        assert pair in pairs, pair


def test_links_point_at_real_sections_and_references(links: list[ReferenceLink]) -> None:
    settings = Settings()
    sections = {s.id for s in load_article(article_path(settings)).sections}
    refs = {r.id for r in load_references(settings)}
    assert links
    for link in links:
        assert link.section_id in sections and link.reference_id in refs
        assert link.inferred is True and 0.0 <= link.score <= 1.0
        assert link.method in {"keyword+embedding", "embedding"}
        if link.method == "keyword+embedding":
            assert link.terms and link.score >= THRESHOLD
    assert len({(l.section_id, l.reference_id) for l in links}) == len(links)


def test_every_reference_is_linked_somewhere(links: list[ReferenceLink]) -> None:
    """The bibliography lists only cited works, so each should back at least one section."""
    assert {l.reference_id for l in links} == {r.id for r in load_references(Settings())}


def test_links_by_section_sorted(links: list[ReferenceLink]) -> None:
    grouped = links_by_section(links)
    assert sum(len(v) for v in grouped.values()) == len(links)
    for items in grouped.values():
        assert [l.score for l in items] == sorted((l.score for l in items), reverse=True)
    common = [l.reference_id for l in grouped["symptoms-and-clinical-presentation/common-symptoms"]]
    assert "varki2007" in common and "tapia2023" in common


def test_terms_table_covers_the_bibliography() -> None:
    assert set(TERMS) == {r.id for r in load_references(Settings())}


def test_links_for_another_article_text_are_refused(settings: Settings, tmp_path: Path) -> None:
    edited = tmp_path / "article.txt"
    edited.write_text(article_path(Settings()).read_text(encoding="utf-8") + "\nextra\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="different article text; run `pns corpus links --recompute`"):
        load_links(settings.override(corpus={"article_path": edited}))


def test_home_copy_takes_precedence_and_is_validated(settings: Settings) -> None:
    settings.ensure_home()
    local = settings.home / "links.json"
    doc = json.loads(PACKAGED_LINKS.read_text(encoding="utf-8"))
    doc["links"] = doc["links"][:1]
    local.write_text(json.dumps(doc), encoding="utf-8")
    assert len(load_links(settings)) == 1
    local.write_text("{not json", encoding="utf-8")
    with pytest.raises(CorpusError, match="not valid JSON"):
        load_links(settings)
    local.write_text(json.dumps({**doc, "links": [{"section_id": "x"}]}), encoding="utf-8")
    with pytest.raises(CorpusError, match="malformed"):
        load_links(settings)


def test_stemming_matches_word_forms() -> None:
    assert keyword_score(keyword_stems("Lambert-Eaton myasthenic syndrome"), [("lambert eaton", 1.0)]) == (1.0, ["lambert eaton"])
    assert keyword_score(keyword_stems("paraneoplastic neurological disorders"), [("paraneoplastic neurologic", 0.6)])[0] == 0.6
    assert keyword_score(keyword_stems("small-cell lung cancer"), [("small cell lung", 1.0)])[0] == 1.0
    assert keyword_score(keyword_stems("a lumbar region"), [("lumbar puncture", 1.0)])[0] == 0.0


def test_title_terms_fallback_for_unlisted_reference() -> None:
    ref = Reference(id="new2024", authors=["New, A."], year=2024, title="Causes of Opsoclonus-Myoclonus Syndrome in Children",
                    type="web_page", url="https://example.org", raw="r", line=1)
    assert title_terms(ref) == (("opsoclonus myoclonus", 1.0), ("children", 1.0))


def test_scoring_rules() -> None:
    """Embedding alone never makes a link, except one best-match for an otherwise unlinked reference."""
    settings = Settings()
    article = load_article(article_path(settings))
    refs = [r for r in load_references(settings) if r.id in ("thapa2020", "varki2007")]
    assert [r.id for r in refs] == ["thapa2020", "varki2007"]
    n = len(article.sections)
    common = [s.id for s in article.sections].index("symptoms-and-clinical-presentation/common-symptoms")
    sims = [[0.2, 0.1] for _ in range(n)]
    sims[common] = [0.3, 0.6]  # varki: keyword + best embedding
    sims[0] = [0.9, 0.1]  # thapa: no keyword anywhere, strongest on the introduction
    records = score_links(article, refs, sims)
    assert [(r["section_id"], r["reference_id"], r["method"]) for r in records] == [
        ("introduction", "thapa2020", "embedding"),
        ("symptoms-and-clinical-presentation/common-symptoms", "varki2007", "keyword+embedding"),
    ]
    assert records[1]["score"] == 1.0 and records[1]["terms"] == ["trousseau"]
    low = [[0.2, 0.1] for _ in range(n)]
    assert all(r["reference_id"] != "thapa2020" for r in score_links(article, refs, low))


@pytest.mark.slow
def test_recompute_matches_committed_file(settings: Settings) -> None:
    """`pns corpus links --recompute` (loads the model) reproduces the committed links.json."""
    from test_corpus_cli import run

    result = run("corpus", "links", "--recompute", "--json")
    assert result.exit_code == 0, result.output
    assert (settings.home / "links.json").is_file(), "recompute writes under HOME, never into the package"
    fresh = json.loads(result.stdout)
    committed = json.loads(PACKAGED_LINKS.read_text(encoding="utf-8"))["links"]
    assert [(l["section_id"], l["reference_id"]) for l in fresh] == [(l["section_id"], l["reference_id"]) for l in committed]
    for a, b in zip(fresh, committed):
        assert abs(a["score"] - b["score"]) < 0.01
