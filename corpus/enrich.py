"""`pns corpus enrich`: the local model reads every unit of the article once, at build time.

For each sentence and bullet (corpus/units.py) it produces
  (a) 3-6 questions the unit answers, in patient and clinician wording (matched at query time),
  (b) a standalone reading with "this/these/it" resolved (the model names the antecedent of the phrase
      the code found, the code checks it against the text before the unit and substitutes it; see
      corpus/antecedents.py) and whether the unit needs its predecessor shown (used for matching and to
      show the antecedent; never shown instead of the verbatim text),
  (c) the bibliography entries it draws on: the model's proposal, kept only where the title supports it
      (corpus/sentence_links.py).
This is llama-index's metadata-extractor pattern (one extractor per field, each a pass over all nodes)
driven through foundation.llm, so any backend works and one model instance serves every pass.

Why passes, not one prompt per unit: each pass has one fixed prompt opening that llama.cpp keeps
evaluated between calls; mixing tasks would evaluate every opening again for every unit.
Resumable and cached: every answer is appended to HOME/enrich/cache.jsonl as soon as it exists,
keyed by task, unit, prompt version and model sha256; a re-run asks only what is missing.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus import enrich_prompts as P
from corpus.enrichment import UnitEnrichment, enrichment_path, write_records
from corpus.antecedents import content_words, context_units, locate_antecedent, referring_phrase, substitute
from corpus.units import Unit, article_units, opens_with_reference

if TYPE_CHECKING:
    from corpus.corpus import Corpus
    from foundation.llm import LLM
    from foundation.settings import Settings


class EnrichCache:
    """Answers already obtained, appended one JSON line each (so an interrupted run loses at most one)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, Any] = {}
        self._lock = threading.Lock()
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    row = json.loads(line)
                    self._values[row["id"]] = row["value"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue  # a line cut short by an interruption: that answer is asked again

    @staticmethod
    def id(task: str, unit: Unit, model_sha256: str) -> str:
        return hashlib.sha256(f"{task}\n{P.PROMPT_VERSION}\n{model_sha256}\n{unit.key}".encode()).hexdigest()

    def get(self, key: str) -> Any:
        return self._values.get(key)

    def __contains__(self, key: str) -> bool:
        return key in self._values

    def put(self, key: str, value: Any, task: str) -> None:
        with self._lock:
            self._values[key] = value
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps({"id": key, "task": task, "value": value,
                                     "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}) + "\n")


def model_sha256(path: Path, home: Path) -> str:
    """sha256 of the GGUF, computed once per (path, size, mtime) and remembered under HOME/enrich."""
    stat = path.stat()
    memo = home / "enrich" / "model-sha256.json"
    tag = f"{path.resolve()}:{stat.st_size}:{int(stat.st_mtime)}"
    try:
        known = json.loads(memo.read_text())
        if known.get("tag") == tag:
            return str(known["sha256"])
    except (OSError, ValueError, KeyError):
        pass
    from foundation.model_registry import sha256_file

    digest = sha256_file(path)
    memo.parent.mkdir(parents=True, exist_ok=True)
    memo.write_text(json.dumps({"tag": tag, "sha256": digest}))
    return digest


@dataclass
class Enricher:
    """Runs the passes over the units with one model; `ask_*` are one model call each."""

    llm: "LLM"
    corpus: "Corpus"
    model_sha: str

    def ask_resolve(self, unit: Unit, previous: Sequence[Unit], phrase: str) -> str:
        section = self.corpus.article.section(unit.section_id)
        reply = self.llm.chat([
            {"role": "system", "content": P.RESOLVE_SYSTEM},
            {"role": "user", "content": P.RESOLVE_EXAMPLE_USER},
            {"role": "assistant", "content": P.RESOLVE_EXAMPLE_REPLY},
            {"role": "user", "content": P.resolve_block(section.path, [("- " if u.is_bullet else "") + u.text for u in previous],
                                                        unit.text, phrase)},
        ], max_tokens=40, stop=["\n"])
        return P.parse_phrase(reply)

    def ask_questions(self, unit: Unit, statement: str) -> dict[str, Any]:
        section = self.corpus.article.section(unit.section_id)
        reply = self.llm.chat([
            {"role": "system", "content": P.QUESTIONS_SYSTEM},
            {"role": "user", "content": P.QUESTIONS_EXAMPLE_USER},
            {"role": "assistant", "content": P.QUESTIONS_EXAMPLE_REPLY},
            {"role": "user", "content": P.questions_block(section.path, statement)},
        ], max_tokens=120)
        return {"subject": P.parse_subject(reply), "questions": P.parse_questions(reply)}

    def ask_references(self, unit: Unit, statement: str) -> list[str]:
        refs = list(self.corpus.references)
        system = P.REFERENCES_SYSTEM.format(sources=P.source_lines(refs))
        reply = self.llm.chat([{"role": "system", "content": system}, {"role": "user", "content": f"SENTENCE: {statement}"}],
                              max_tokens=12, stop=["\n"])
        return [refs[n - 1].id for n in P.parse_reference_numbers(reply, len(refs))]


@dataclass(frozen=True)
class Reading:
    """A unit's standalone reading and whether it needs what comes before it (corpus/antecedents.py)."""

    standalone: str
    needs_previous: bool
    refers_to: str | None = None


def reading(units: Sequence[Unit], unit: Unit, refers_to: str | None, corpus: "Corpus") -> Reading:
    """Substitute the model's antecedent when the text backs it; a unit opening with a referring word needs its predecessor regardless."""
    ref = referring_phrase(unit.text)
    opens = opens_with_reference(unit.text)
    if ref is None or not refers_to:
        return Reading(unit.text, opens)
    previous = " ".join(u.text for u in context_units(units, unit))
    rest = unit.text[: ref.start] + " " + unit.text[ref.end:]
    found = locate_antecedent(refers_to, rest, previous, " ".join(corpus.article.section(unit.section_id).path))
    bare_pronoun = len(ref.phrase.split()) == 1  # "This is ...", "others may ...": never its own sentence's noun
    if found is None or content_words(refers_to) == content_words(ref.phrase) or (found == "unit" and bare_pronoun):
        return Reading(unit.text, opens, refers_to)
    return Reading(substitute(unit.text, ref, refers_to), opens or found == "previous", refers_to)


def run_passes(enricher: Enricher, units: Sequence[Unit], cache: EnrichCache,
               progress: Callable[[Sequence[Unit], str], Any]) -> None:
    """Fill the cache: resolve (units with a referring phrase), then questions and references (every unit)."""
    sha, corpus = enricher.model_sha, enricher.corpus

    def todo(task: str, wanted: Callable[[Unit], bool] = lambda u: True) -> list[Unit]:
        return [u for u in units if wanted(u) and EnrichCache.id(task, u, sha) not in cache]

    for unit in progress(todo("resolve", lambda u: referring_phrase(u.text) is not None), "antecedents"):
        phrase = referring_phrase(unit.text).phrase  # type: ignore[union-attr]
        cache.put(EnrichCache.id("resolve", unit, sha), enricher.ask_resolve(unit, context_units(units, unit), phrase), "resolve")

    def statement(unit: Unit) -> str:
        return reading(units, unit, cache.get(EnrichCache.id("resolve", unit, sha)), corpus).standalone

    for unit in progress(todo("questions"), "questions"):
        cache.put(EnrichCache.id("questions", unit, sha), enricher.ask_questions(unit, statement(unit)), "questions")
    for unit in progress(todo("references"), "references"):
        cache.put(EnrichCache.id("references", unit, sha), enricher.ask_references(unit, statement(unit)), "references")


def assemble(units: Sequence[Unit], cache: EnrichCache, corpus: "Corpus", model: str, sha: str,
             similarities: Sequence[Sequence[float]]) -> list[UnitEnrichment]:
    """One record per unit with every pass's answer (and the checks on questions and references applied)."""
    from corpus.sentence_links import link_unit, relative_similarities

    now = datetime.now(timezone.utc).date().isoformat()
    refs = list(corpus.references)
    records: list[UnitEnrichment] = []
    for unit, sims, rel in zip(units, similarities, relative_similarities(similarities)):
        get = lambda task: cache.get(EnrichCache.id(task, unit, sha))  # noqa: E731
        read = reading(units, unit, get("resolve"), corpus)
        asked = get("questions") or {}
        section = corpus.article.section(unit.section_id)
        questions = P.specific_questions(asked.get("questions", []), f"{read.standalone} {asked.get('subject', '')} {section.title}")
        records.append(UnitEnrichment(
            key=unit.key, section_id=unit.section_id, start=unit.start, end=unit.end, text=unit.text,
            is_bullet=unit.is_bullet, list_heading=unit.list_heading, questions=questions,
            standalone=read.standalone, needs_previous=read.needs_previous, refers_to=read.refers_to,
            references=link_unit(unit.text, get("references") or [], refs, sims, rel),
            model=model, model_sha256=sha, prompt_version=P.PROMPT_VERSION, created=now,
        ))
    return records


def enrich_corpus(settings: "Settings", corpus: "Corpus", *, out: Path | None = None, limit: int | None = None,
                  llm: "LLM | None" = None, model_sha: str | None = None, progress: bool = True) -> dict[str, Any]:
    """Enrich the article's units (the first `limit` only, if given) and write the records; returns a summary.

    `llm` and `model_sha` inject a ready model (wiring tests use a scripted fake, named as such);
    otherwise the configured local model is loaded and its GGUF hashed.
    """
    from corpus.sentence_links import title_similarities

    units = article_units(corpus.article)[: limit or None]
    if llm is None:
        from foundation.llm import load_llm

        llm = load_llm(settings.llm, home=settings.home)
    if model_sha is None:
        path = getattr(llm, "model_path", None)
        model_sha = model_sha256(Path(path), settings.home) if path else hashlib.sha256(llm.model.encode()).hexdigest()
    cache = EnrichCache(settings.home / "enrich" / "cache.jsonl")
    run_passes(Enricher(llm, corpus, model_sha), units, cache, _progress_bar(progress))
    similarities = title_similarities([u.text for u in units], list(corpus.references), settings.index.embedding_model)
    records = assemble(units, cache, corpus, f"{llm.backend}:{llm.model}", model_sha, similarities)
    target = out or settings.home / "enrichment.jsonl"
    write_records(records, target)
    return {"units": len(units), "written": str(target), "model": f"{llm.backend}:{llm.model}", "model_sha256": model_sha,
            "prompt_version": P.PROMPT_VERSION, "needs_previous": sum(r.needs_previous for r in records),
            "standalone_readings": sum(r.standalone != r.text for r in records),
            "with_references": sum(bool(r.references) for r in records),
            "questions": sum(len(r.questions) for r in records), "in_use": str(enrichment_path(settings.home))}


def _progress_bar(enabled: bool) -> Callable[[Sequence[Unit], str], Any]:
    def wrap(items: Sequence[Unit], what: str) -> Any:
        if not enabled or not items:
            return items
        from tqdm import tqdm

        return tqdm(items, desc=f"enrich: {what}", unit="unit")
    return wrap
