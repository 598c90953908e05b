"""The llm-select answerer: the local model judges each candidate sentence; the answer stays verbatim.

Why judge instead of write: a 1.5B model that writes free text invents facts; asked one yes/no question
per candidate ("does this sentence help answer the question?") it only chooses among the article's own
sentences, so nothing shown can be unsupported. P(yes) is read from the first token's probabilities
(foundation.llm yes_probability, no text generated); a sentence is shown at or above
settings.answer.select_threshold (chosen on dev). The question comes first in the prompt, so the model
keeps it evaluated across one question's candidates and pays only for each sentence's tokens.

An empty selection is not_found. One model instance per process (foundation.llm's registry), serialised
by its own lock, so concurrent users wait their turn instead of corrupting each other's state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from assistant.answerers.base import Draft, Evidence, LazyLLM

if TYPE_CHECKING:
    from assistant.compose import Scored
    from foundation.llm import LLM
    from foundation.settings import Settings

MAX_CANDIDATES = 6
PROMPT = ("Question: {question}\nSentence: {sentence}\n"
          "Does the sentence give information that helps answer the question (not merely the same topic)? Answer yes or no.")
NOTHING_SELECTED = "llm-select: no candidate sentence judged helpful"


def candidates(evidence: Evidence, limit: int = MAX_CANDIDATES) -> list["Scored"]:
    """The composer's best-scored sentences (lead-ins and fragments left out), whole units kept together."""
    out: list[Scored] = []
    for s in evidence.composition.scored:
        if s.sentence.is_lead_in or len(s.sentence.text.split()) < 4:
            continue
        out.append(s)
        if len(out) == limit:
            break
    return out


class LLMSelectAnswerer:
    """Verbatim sentences chosen by the local model's yes/no judgement."""

    name = "llm-select"

    def __init__(self, settings: "Settings", llm: "LLM | None" = None) -> None:
        self._settings = settings
        self._model = LazyLLM(settings, llm)

    def warm_up(self) -> None:
        self._model().warm_up()

    def judge(self, question: str, pool: list["Scored"]) -> list[tuple["Scored", float]]:
        llm = self._model()
        return [(s, llm.yes_probability(PROMPT.format(question=question, sentence=s.sentence.display))) for s in pool]

    def draft(self, evidence: Evidence) -> Draft:
        from assistant.quotes import arrange, render

        threshold = self._settings.answer.select_threshold
        judged = self.judge(evidence.question, candidates(evidence))
        chosen = [s for s, p in judged if p >= threshold]
        flags = [f"llm-select: kept {len(chosen)} of {len(judged)} candidates (P(yes) >= {threshold:.2f})"]
        if not chosen:
            return Draft(body="", flags=flags + [NOTHING_SELECTED])
        chosen = _completed(evidence, chosen)
        quotes = arrange(chosen)
        body = render(quotes)
        from assistant.compose import Composition

        composition = Composition(body=body, quotes=quotes)
        retrieved = [h.chunk for h in evidence.retrieval.candidates]
        citations = evidence.parts.resolver.cite_composition(composition, retrieved, evidence.question)
        return Draft(body=body, citations=citations, flags=flags)


def _completed(evidence: Evidence, chosen: list[Any]) -> list[Any]:
    """Antecedents of kept sentences (and whole two-sentence bullets), when the enrichment is loaded."""
    parts = evidence.parts
    if parts.enriched is None:
        return chosen
    from assistant.antecedents import with_antecedents
    from assistant.completion import add_missing, whole_units
    from assistant.unit_sentences import UnitSentences
    from index.models import ScoredChunk

    units = UnitSentences(parts.index.chunks(), parts.bank)
    by_key = {s.sentence.key: s for s in evidence.composition.scored}
    antecedents = with_antecedents(chosen, parts.enriched, units, lambda out, sentences: add_missing(out, sentences, by_key))
    out = whole_units(antecedents, parts.enriched, units, by_key)
    have = {h.chunk.id for h in evidence.retrieval.candidates}
    extra = [s.sentence.chunk for s in out if s.sentence.chunk.id not in have]
    base = len(evidence.retrieval.candidates)
    evidence.retrieval.pool = list(evidence.retrieval.candidates) + [
        ScoredChunk(chunk=c, score=0.0, rank=base + i, retriever="context")
        for i, c in enumerate(dict((c.id, c) for c in extra).values(), start=1)]
    return out


def create(settings: "Settings", llm: "LLM | None" = None) -> LLMSelectAnswerer:
    """Registered in assistant/answerers/registry.py; `llm` injects a ready model (tests: a scripted fake)."""
    return LLMSelectAnswerer(settings, llm)
