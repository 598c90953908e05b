"""Build-time enrichment: units, prompt parsing, the evidence check on references, and the pass wiring.

The wiring tests drive `enrich_corpus` with ScriptedFakeLLM (a scripted fake, for wiring only: it checks
that every pass runs, is cached and resumes; no number comes from it). The real-model test is slow and
skips, with the reason, where llama-cpp-python or the GGUF is absent.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest

from corpus.corpus import Corpus
from corpus.enrich import enrich_corpus
from corpus.enrich_prompts import parse_questions, parse_reference_numbers
from corpus.enrichment import load_enrichment
from corpus.sentence_links import link_unit
from corpus.units import article_units, opens_with_reference
from foundation.settings import Settings
from foundation.model_parts import DEFAULT_GGUF, GGUF_MODELS
from foundation.settings import default_home
from scripted_llm import ScriptedFakeLLM

# Resolved at import, before the autouse fixture clears PNS_* variables (same rule as tests/foundation/test_llm_llamacpp_real.py).
_CANDIDATES = [os.environ.get("PNS_TEST_GGUF"),
               os.environ.get("PNS_HOME") and str(Path(os.environ["PNS_HOME"]) / "models" / f"{DEFAULT_GGUF}.gguf"),
               str(default_home() / "models" / f"{DEFAULT_GGUF}.gguf")]
GGUF = next((Path(c) for c in _CANDIDATES if c and Path(c).is_file()), None)
GGUF_SHA = GGUF_MODELS[DEFAULT_GGUF].sha256


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return Corpus.load(Settings())


def test_units_are_verbatim_spans_and_bullets_stay_whole(corpus: Corpus) -> None:
    units = article_units(corpus.article)
    assert len(units) > 60
    for u in units:
        assert corpus.article.section(u.section_id).text[u.start : u.end] == u.text
    kidney = [u for u in units if u.text.startswith("Kidney (Renal)")]
    assert len(kidney) == 1 and "Some patients may also" in kidney[0].text  # two sentences, one item
    lead = [u for u in units if u.is_bullet and u.list_heading]
    assert any(u.list_heading.endswith("several organ systems:") for u in lead)


def test_referring_openings() -> None:
    assert opens_with_reference("These syndromes are not directly caused by the cancer cells")
    assert opens_with_reference("Additionally, they may appear before the diagnosis.")
    assert not opens_with_reference("This article comprehensively examines paraneoplastic syndromes.")
    assert not opens_with_reference("Theses are rare.")


def test_reply_parsing() -> None:
    reply = "1. Can cancer make my skin itchy?\n- What skin changes occur\nok\n1. Can cancer make my skin itchy?"
    assert parse_questions(reply) == ["Can cancer make my skin itchy?", "What skin changes occur?"]
    assert parse_reference_numbers("3, 12, 0, 99, 3", count=21) == [3, 12]


def test_a_proposed_reference_needs_title_evidence(corpus: Corpus) -> None:
    refs = list(corpus.references)
    text = "Lumbar Puncture (Spinal Tap): This procedure can help identify markers in cerebrospinal fluid."
    sims = [0.1] * len(refs)
    links = link_unit(text, ["ellenby2006", "varki2007"], refs, sims)
    assert [l["reference_id"] for l in links] == ["ellenby2006"]  # varki2007 proposed, but its title is not here
    unproposed = link_unit("Trousseau syndrome causes blood clots.", [], refs, sims)
    assert [l["reference_id"] for l in unproposed] == ["varki2007"] and unproposed[0]["method"] == "title-term"


def test_the_models_antecedent_is_substituted_only_where_the_text_backs_it(corpus: Corpus) -> None:
    from corpus.enrich import reading

    units = article_units(corpus.article)
    these = next(u for u in units if u.text.startswith("These syndromes are not directly caused"))
    good = reading(units, these, "Paraneoplastic syndromes", corpus)
    assert good.standalone.startswith("Paraneoplastic syndromes are not directly caused") and good.needs_previous
    invented = reading(units, these, "Autoimmune encephalopathies of childhood", corpus)
    assert invented.standalone == these.text and invented.needs_previous  # rejected, but still points back
    plain = next(u for u in units if u.text.startswith("Paraneoplastic syndromes are a group of rare disorders"))
    assert reading(units, plain, None, corpus).standalone == plain.text and not reading(units, plain, None, corpus).needs_previous


def test_enrich_wiring_with_a_scripted_fake_is_cached_and_resumable(corpus: Corpus, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path)
    fake = ScriptedFakeLLM(script="SUBJECT: immune response\nHow does the immune system react to a tumor?\n"
                                  "Is this about the weather?\n9\n")
    summary = enrich_corpus(settings, corpus, limit=4, llm=fake, model_sha="0" * 64, progress=False)
    assert summary["units"] == 4
    records = [json.loads(l) for l in (tmp_path / "enrichment.jsonl").read_text().splitlines()]
    assert len(records) == 4
    assert all(r["model_sha256"] == "0" * 64 and r["prompt_version"] and r["created"] for r in records)
    # the generic question shares no specific word with the unit, its subject or its heading: dropped
    assert all(r["questions"] == ["How does the immune system react to a tumor?"] for r in records)
    assert [r["needs_previous"] for r in records] == [False, True, False, False]  # "This is a common presentation ..."
    calls = len(fake.prompts)
    enrich_corpus(settings, corpus, limit=4, llm=fake, model_sha="0" * 64, progress=False)
    assert len(fake.prompts) == calls  # everything came from the cache
    loaded = load_enrichment(tmp_path)
    assert loaded.coverage(article_units(corpus.article))["enriched"] == 4


@pytest.mark.slow
def test_real_model_enriches_two_units(corpus: Corpus, tmp_path: Path) -> None:
    if importlib.util.find_spec("llama_cpp") is None:
        pytest.skip("llama-cpp-python is not installed (make llm-model installs it)")
    if GGUF is None:
        pytest.skip(f"no GGUF model found (set PNS_TEST_GGUF; looked at {[c for c in _CANDIDATES if c]})")
    settings = Settings(home=tmp_path, llm={"model_path": GGUF, "threads": 1})
    enrich_corpus(settings, corpus, limit=2, progress=False)
    records = load_enrichment(tmp_path).records.values()
    assert len(records) == 2
    # the introduction's units are generic: their questions may all be dropped as generic, never invented ones kept
    assert all(len(r.questions) <= 6 and all(q.endswith("?") for q in r.questions) for r in records)
    assert all(r.model_sha256 == GGUF_SHA or GGUF.name != f"{DEFAULT_GGUF}.gguf" for r in records)
    second = [r for r in records if r.text.startswith("This is a common presentation")]
    assert second and second[0].needs_previous and second[0].refers_to


@pytest.mark.parametrize("content", [b"{not json\n", b"\xff\xfe\x00binary"])
def test_a_damaged_enrichment_file_in_home_says_how_to_recover(tmp_path: Path, content: bytes) -> None:
    from corpus.enrichment import ENRICHMENT_FILE
    from corpus.errors import CorpusError

    (tmp_path / ENRICHMENT_FILE).write_bytes(content)
    with pytest.raises(CorpusError, match=r"run `pns corpus enrich` again .* or delete .* to use the committed enrichment"):
        load_enrichment(tmp_path)

