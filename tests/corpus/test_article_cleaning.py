"""Cleaning the raw article: no site furniture survives, every heading and paragraph does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.article import BULLET_RE, clean_article, is_boilerplate, load_article, reference_lines
from corpus.errors import CorpusError
from corpus.models import Article
from corpus.paths import PACKAGE_DATA

RAW_PATH = PACKAGE_DATA / "article.txt"

# Phrases that appear in the raw page furniture (sign-up forms, adverts, listings) and must not reach the corpus.
BOILERPLATE_PHRASES = [
    "[signup]", "Subscribe", "subscribing", "webinar", "Latest Articles", "Lab Tests in This Article",
    "No lab tests", "Order from 30+ labs", "We make ordering", "Learn more", "No items found",
    "View more on Oncology", "Join the thousands", "Oops! Something went wrong", "Are you a healthcare practitioner",
    "Hey practitioners", "Register Here", "In this class, you'll", "Medically Reviewed by", "Updated On",
]

# (id, title, level): the article's outline as published (h2 headings, h3 sub-headings).
EXPECTED_SECTIONS = [
    ("introduction", "Introduction", 2),
    ("what-are-paraneoplastic-syndromes", "What Are Paraneoplastic Syndromes?", 2),
    ("what-are-paraneoplastic-syndromes/types-of-paraneoplastic-syndromes", "Types of Paraneoplastic Syndromes", 3),
    ("causes-and-risk-factors", "Causes and Risk Factors", 2),
    ("causes-and-risk-factors/common-cancers-linked-to-paraneoplastic-syndromes", "Common Cancers Linked to Paraneoplastic Syndromes", 3),
    ("symptoms-and-clinical-presentation", "Symptoms and Clinical Presentation", 2),
    ("symptoms-and-clinical-presentation/common-symptoms", "Common Symptoms", 3),
    ("symptoms-and-clinical-presentation/atypical-symptoms", "Atypical Symptoms", 3),
    ("diagnostic-procedures", "Diagnostic Procedures", 2),
    ("diagnostic-procedures/initial-clinical-assessment", "Initial Clinical Assessment", 3),
    ("diagnostic-procedures/advanced-diagnostic-tests", "Advanced Diagnostic Tests", 3),
    ("diagnostic-procedures/differential-diagnosis", "Differential Diagnosis", 3),
    ("treatment-and-management", "Treatment and Management", 2),
    ("treatment-and-management/conventional-medical-treatments", "Conventional Medical Treatments", 3),
    ("treatment-and-management/integrative-and-complementary-approaches", "Integrative and Complementary Approaches", 3),
    ("treatment-and-management/long-term-management-strategies", "Long-term Management Strategies", 3),
    ("prognosis-and-outcomes", "Prognosis and Outcomes", 2),
    ("prognosis-and-outcomes/factors-influencing-prognosis", "Factors Influencing Prognosis", 3),
    ("prognosis-and-outcomes/long-term-outcomes", "Long-term Outcomes", 3),
    ("global-perspectives-and-variations", "Global Perspectives and Variations", 2),
    ("global-perspectives-and-variations/prevalence-in-different-regions", "Prevalence in Different Regions", 3),
    ("global-perspectives-and-variations/cultural-and-healthcare-system-influences", "Cultural and Healthcare System Influences", 3),
    ("future-directions-and-research", "Future Directions and Research", 2),
    ("key-takeaways", "Key Takeaways", 2),
]


@pytest.fixture(scope="module")
def raw() -> str:
    return RAW_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def article() -> Article:
    return load_article(RAW_PATH)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("phrase", BOILERPLATE_PHRASES)
def test_no_boilerplate_phrase_survives(article: Article, raw: str, phrase: str) -> None:
    assert phrase.lower() in raw.lower(), "the phrase list should come from the raw page"
    assert phrase.lower() not in article.text.lower()
    assert all(phrase.lower() not in s.title.lower() for s in article.sections)


def test_no_furniture_line_survives(article: Article, raw: str) -> None:
    furniture = {_norm(l) for l in raw.splitlines() if l.strip() and is_boilerplate(l)}
    assert len(furniture) >= 15
    text = _norm(article.text)
    assert not [f for f in furniture if len(f) > 3 and f in text]


def test_bibliography_and_notice_are_not_article_text(article: Article, raw: str) -> None:
    for _, entry in reference_lines(raw):
        assert entry[:40] not in article.text
    assert article.disclaimer and article.disclaimer.startswith("The information in this article")
    assert "educational purposes" not in article.text


def test_every_heading_kept_with_its_level(article: Article) -> None:
    got = [(s.id, s.title, s.level) for s in article.sections]
    assert got == EXPECTED_SECTIONS


def test_hierarchy_parents_and_paths(article: Article) -> None:
    ids = {s.id for s in article.sections}
    for s in article.sections:
        if s.level == 3:
            assert s.parent_id in ids and s.id.startswith(s.parent_id + "/")
            assert s.path[0] == article.section(s.parent_id).title
        else:
            assert s.parent_id is None and len(s.path) == 1


def test_every_body_line_is_kept(article: Article, raw: str) -> None:
    """No content is lost: each non-furniture paragraph and bullet of the body appears in the text."""
    headings = {s.title for s in article.sections}
    body = raw.split("[signup]", 1)[1].split("The information in this article", 1)[0]
    text = _norm(article.text)
    missing = []
    for line in body.splitlines():
        if not line.strip() or is_boilerplate(line) or line.strip() in headings:
            continue
        if _norm(BULLET_RE.sub("", line)) not in text:
            missing.append(line)
    assert not missing


def test_bullets_are_structured(article: Article) -> None:
    types = article.section("what-are-paraneoplastic-syndromes/types-of-paraneoplastic-syndromes")
    assert len(types.bullets) == 4 and types.bullets[0].startswith("Neurological: ")
    assert types.text.count("\n- ") == 3 and types.text.startswith("- Neurological")
    assert len(article.section("key-takeaways").bullets) == 7


def test_offsets_round_trip(article: Article) -> None:
    for s in article.sections:
        assert article.text[s.start : s.end] == s.text
        assert article.text[: s.start].rstrip("\n").endswith(s.title)


def test_ids_are_stable(raw: str, article: Article) -> None:
    again = clean_article(raw)
    assert [s.id for s in again.sections] == [s.id for s in article.sections]
    assert again.text == article.text
    assert len(article.sections) == 24


def test_metadata(article: Article) -> None:
    m = article.metadata
    assert m.title == "Paraneoplastic Syndromes: Causes, Symptoms and Treatment"
    assert (m.publisher, m.category, m.published, m.updated) == ("Rupa Health", "Oncology", "2025-04-15", "2025-04-30")
    assert m.url == "https://www.rupahealth.com/post/paraneoplastic-syndromes-causes-symptoms-and-treatment"
    assert article.text.startswith(m.title + "\n")


def test_empty_article_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="empty"):
        load_article(path)


def test_article_without_body(tmp_path: Path, raw: str) -> None:
    header = raw.split("Imagine experiencing", 1)[0]
    path = tmp_path / "header-only.txt"
    path.write_text(header + "[signup]\nSubscribe to the magazine\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="no article body"):
        load_article(path)


def test_article_without_header(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Just a paragraph of text.\n\nAnother one.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="at the top"):
        load_article(path)


def test_missing_and_binary_article(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="not found"):
        load_article(tmp_path / "nope.txt")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00garbage\x80")
    with pytest.raises(CorpusError, match="UTF-8"):
        load_article(binary)
