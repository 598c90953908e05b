"""What an answer shows, scored on eval set v2 items: the definitions of eval/README (v2) in one small module.

Why here: the benchmarks of answer modes (answer_modes.py) and the dev ablation (dev_ablation.py) need
key-fact recall, the dangling-reference rate, related-reference precision, abstention accuracy and
answer precision on the same items, with the same definitions as `pns eval run --set v2`:
  * key-fact recall: share of required facts whose article span is covered by cited spans, or whose quote
    the answer text contains (normalised);
  * dangling: a shown unit opening with This/These/It/They/Such/... whose predecessor in its section is not
    shown before it (a section's first unit never dangles);
  * related-reference precision: references shown under citations, backed by the hand labels of the
    labelled sentences the citation overlaps (at least half of the shorter span);
  * abstention accuracy: over items whose acceptable statuses are {answered} or {not_found}, the share
    that answered / abstained acceptably;
  * answer precision: the share of an answer's shown sentences that the local judge says help answer the
    question (the eval judge's relevance prompt, read as a yes/no probability >= 0.5; cached on disk).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corpus.units import Unit, article_units, opens_with_reference
from eval.judge.prompts import YES_NO_REPLY, relevance_prompt

REPO = Path(__file__).resolve().parents[1]
EVALSET = REPO / "eval" / "data" / "evalset_v2.jsonl"
SPLITS = REPO / "eval" / "data" / "splits-v2.json"
REFERENCE_LABELS = REPO / "eval" / "data" / "sentence_reference_labels.jsonl"
Span = tuple[int, int]

def load_items(split: str) -> list[dict[str, Any]]:
    """Eval set v2 items of one split ('dev' | 'test'), in file order."""
    ids = set(json.loads(SPLITS.read_text())[split])
    items = [json.loads(l) for l in EVALSET.read_text(encoding="utf-8").splitlines() if l.strip()]
    return [i for i in items if i["id"] in ids]


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"(?m)^\s*[-•*]\s+", "", re.sub(r"\s*\[\d+\]", "", text))
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass
class ArticleIndex:
    """Article units with absolute offsets, and the reference labels located in the article."""

    text: str
    units: list[tuple[Span, Unit]]
    labels: list[tuple[Span, frozenset[str]]] = field(default_factory=list)

    @classmethod
    def load(cls, article: Any) -> "ArticleIndex":
        starts = {s.id: s.start for s in article.sections}
        units = [((starts[u.section_id] + u.start, starts[u.section_id] + u.end), u) for u in article_units(article)]
        labels = []
        for line in REFERENCE_LABELS.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            section = article.section(row["section_id"])
            pos = section.text.find(row["sentence"].removeprefix("- "))
            if pos >= 0:
                a = section.start + pos
                labels.append(((a, a + len(row["sentence"].removeprefix("- "))), frozenset(row["reference_ids"])))
        return cls(article.text, units, labels)

    def fact_span(self, section_start: int, section_text: str, quote: str) -> Span | None:
        pos = section_text.find(quote)
        return (section_start + pos, section_start + pos + len(quote)) if pos >= 0 else None

    def shown_units(self, spans: Sequence[Span]) -> list[tuple[Span, Unit]]:
        """Units overlapping a cited span, in the order of the spans (then article order)."""
        out: list[tuple[Span, Unit]] = []
        for a, b in spans:
            for span, unit in self.units:
                if min(b, span[1]) - max(a, span[0]) > 0 and (span, unit) not in out:
                    out.append((span, unit))
        return out


def span_covered(span: Span, spans: Sequence[Span], text: str) -> bool:
    """Every non-space character of `span` lies inside one of `spans` (a required fact shown whole)."""
    return all(text[p].isspace() or any(a <= p < b for a, b in spans) for p in range(*span))


def key_fact_recall(item: dict[str, Any], article: Any, index: ArticleIndex, spans: Sequence[Span], shown_text: str) -> float:
    facts = item["required_facts"]
    hit = 0
    for fact in facts:
        section = article.section(fact["section_id"])
        span = index.fact_span(section.start, section.text, fact["quote"])
        needle = normalise(fact["quote"]).rstrip(".:;,!?")
        if (span and spans and span_covered(span, spans, index.text)) or (needle and needle in normalise(shown_text)):
            hit += 1
    return hit / len(facts)


def dangling(index: ArticleIndex, spans: Sequence[Span]) -> list[str]:
    """Shown units opening with a referring word whose predecessor is not shown before them."""
    shown = index.shown_units(spans)
    seen: set[tuple[str, int]] = set()
    out = []
    for _, unit in shown:
        if unit.index > 0 and opens_with_reference(unit.text) and (unit.section_id, unit.index - 1) not in seen:
            out.append(unit.text)
        seen.add((unit.section_id, unit.index))
    return out


def related_reference_counts(index: ArticleIndex, citations: Iterable[tuple[Span, Sequence[str]]]) -> tuple[int, int]:
    shown = right = 0
    for (a, b), refs in citations:
        hit = [ids for (x, y), ids in index.labels if (o := min(b, y) - max(a, x)) > 0 and o * 2 >= min(b - a, y - x)]
        if not hit or not refs:
            continue
        allowed = frozenset().union(*hit)
        shown += len(set(refs))
        right += len(set(refs) & allowed)
    return shown, right


def abstention_rows(rows: Iterable[tuple[Sequence[str], str]]) -> dict[str, float]:
    kept = [(tuple(ok), got) for ok, got in rows if set(ok) <= {"answered", "not_found"}]
    return {"accuracy": sum(got in ok for ok, got in kept) / max(len(kept), 1), "n": len(kept)}


class RelevanceJudge:
    """The local model's yes/no judgement of 'does this sentence help answer the question', cached in a JSON file."""

    def __init__(self, llm: Any, cache_path: Path) -> None:
        self.llm = llm
        self.path = cache_path
        self.cache: dict[str, float] = json.loads(cache_path.read_text()) if cache_path.is_file() else {}
        self.calls = 0

    def p_helps(self, question: str, sentence: str, earlier: Sequence[str] = ()) -> float:
        prompt = relevance_prompt(question, sentence, earlier, reply=YES_NO_REPLY)
        key = hashlib.sha256(f"{self.llm.model}\n{prompt}".encode()).hexdigest()
        if key not in self.cache:
            self.cache[key] = round(self.llm.yes_probability(prompt), 4)
            self.calls += 1
            if self.calls % 10 == 0:
                self.save()
        return self.cache[key]

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.cache))
