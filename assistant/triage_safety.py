"""The triage's safety verdict: the rules on the typed and the normalised question, then the learned checks.

Why apart from assistant/triage.py: the triage reads a question for language, spelling, follow-ups and subjects;
the safety verdict is one concern of its own with its own order, kept here so each can be read whole. The rules
(assistant/safety.py) run on both forms of the question before retrieval; the learned checks
(assistant/emergency_model.py, then assistant/advice_model.py) run after, when the sentence model is at hand.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.advice_model import LEARNED_RULE, find_personal_ask
from assistant.asking_clause import PERSONAL_WORD
from assistant.emergency_model import Embed, EmergencyModel, Finding, find_emergency, pieces
from assistant.personal_context import asks_a_general_property, checks_a_general_claim, lasting_case_ask
from assistant.safety import Verdict, classify
from assistant.topics import AUX

if TYPE_CHECKING:
    from assistant.general_ask import Ask
    from assistant.normalise import Normalised
    from assistant.triage import Triaged


def rules_verdict(normalised: "Normalised") -> Verdict:
    """The safety verdict; an emergency in the typed or the normalised text counts (recall first), except that
    a typed hit the normalised text found too, of the same rule, but doubted stays doubted: the doubt was read
    from words the typed text misspelt ("wat does it mean wen ur legs go numb suddenly": a general question),
    and a doubted hit is deferred to the learned check, never dropped."""
    verdict = classify(normalised.text)
    if verdict.category != "emergency":
        typed = classify(normalised.original)
        if typed.category == "emergency" and (verdict.deferred or "").split(":")[0] != typed.rule:
            return typed
        if verdict.deferred is None and typed.deferred is not None:
            return replace(verdict, deferred=typed.deferred, deferred_kind=typed.deferred_kind)
    return verdict


def learned_recheck(triaged: "Triaged", embed: Embed, embedding_model: str, model: EmergencyModel | None,
                    advice_model: EmergencyModel | None, own_embedder: Callable[[str], Embed]) -> "Triaged":
    """The learned checks on an English question the rules let through (Triage.recheck says why and when):
    `model` the emergency check, `advice_model` the personal-advice check; `own_embedder(name)` gives the checks'
    own encoder when the index's `embedding_model` is another."""
    if triaged.verdict.category == "emergency":
        return triaged
    if model is None or not triaged.language.english:
        emergency = triaged.verdict.as_emergency()
        return triaged if emergency is triaged.verdict else replace(triaged, verdict=emergency, bibliography=None)
    if embedding_model != model.embedding_model:
        embed = own_embedder(model.embedding_model)
    embed = _remembered(embed)
    if lasting_case_ask(triaged.verdict, triaged.normalised.text):  # its hit would give way to the referral
        return _recheck_personal(triaged, embed, advice_model, model.embedding_model)
    finding = find_emergency(model, triaged.normalised.text, embed, emergencies=True)
    if finding is None:
        return _recheck_personal(triaged, embed, advice_model, model.embedding_model)
    doubted = f" (rule {triaged.verdict.deferred})" if triaged.verdict.deferred else ""
    verdict = Verdict("emergency", f"emergency_model p={finding.probability:.2f}{doubted}", finding.kind, finding.piece)
    return replace(triaged, verdict=verdict, bibliography=None)


def learned_check_texts(triaged: "Triaged", embedding_model: str, model: EmergencyModel | None,
                        advice_model: EmergencyModel | None) -> list[str]:
    """The pieces learned_recheck will embed with the index's own model (`embedding_model`): the emergency check's,
    then the personal-advice check's when it may run (it runs only where no emergency is found). Said here, beside
    the checks, so a question's texts can be embedded ahead in one batch (assistant/ask_vectors.py)."""
    if (triaged.verdict.category == "emergency" or model is None or not triaged.language.english
            or embedding_model != model.embedding_model):
        return []
    texts = [] if lasting_case_ask(triaged.verdict, triaged.normalised.text) else pieces(
        triaged.normalised.text, drop_reassurances=True)
    text = asked_text(triaged)
    if _advice_check_runs(triaged, text, advice_model, model.embedding_model):
        texts += pieces(text) + ([triaged.ask.clause] if triaged.ask is not None and triaged.ask.names_case else [])
    return list(dict.fromkeys(texts))


def _recheck_personal(triaged: "Triaged", embed: Embed, model: EmergencyModel | None, embedding_model: str) -> "Triaged":
    """personal_advice when the learned check finds a personal ask the rules missed; a bibliography
    question or a question the rules already decided is left as it is. `embedding_model`: the emergency
    check's, whose vectors `embed` gives; an advice model of another encoder is not run."""
    text = asked_text(triaged)
    if not _advice_check_runs(triaged, text, model, embedding_model):
        return triaged
    finding = find_personal_ask(model, text, embed) or personal_clause(triaged.ask, text, model, embed)
    if finding is not None and not asks_generally(triaged.ask, model, embed):
        rule, piece = f"{LEARNED_RULE} p={finding.probability:.2f}", finding.piece
    elif triaged.ask is not None and amount_for_told_figures(triaged.ask, triaged.normalised.text):
        rule, piece = TOLD_FIGURES_RULE, triaged.ask.clause
    else:
        return triaged
    verdict = replace(triaged.verdict, category="personal_advice", rule=rule, kind="personal_advice", matched=piece)
    return replace(triaged, verdict=verdict)


def _advice_check_runs(triaged: "Triaged", text: str, model: EmergencyModel | None, embedding_model: str) -> bool:
    """Whether the personal-advice check reads `text` (the asked text): a model of the emergency check's encoder, on a
    question the rules left undecided that is no bibliography question, general claim or general property. One gate
    for the check itself and for the texts embedded ahead of it (learned_check_texts)."""
    return (model is not None and triaged.verdict.category == "none" and triaged.bibliography is None
            and not checks_a_general_claim(text) and not asks_a_general_property(text)
            and model.embedding_model == embedding_model)

def personal_clause(ask: "Ask | None", text: str, model: EmergencyModel, embed: Embed) -> Finding | None:
    """The asking clause read alone, when it names the case and a story is told around it: the model's finding at the
    bar of one sentence of a longer message (`sentence_threshold`), inside the distance gate. Why: the story around a
    personal ask can pull the whole message under the bar ("should we push for a pet scan for mum, the ct didnt show
    anything", p 0.30 whole, 0.85 for the ask), as round 16 found it can pull a general ask over it; the ask decides
    both ways (assistant/general_ask.py)."""
    if ask is None or not ask.names_case or ask.clause.strip(" ?!.").lower() == text.strip(" ?!.").lower():
        return None
    vector = embed([ask.clause])[0]
    if model.similarity([vector])[0] < model.min_similarity:
        return None
    probability = model.probability(ask.clause, vector)
    return Finding(ask.clause, round(probability, 4), "personal_advice") if probability >= model.threshold else None


TOLD_FIGURES_RULE = "dosing: told figures"  # the verdict's rule name when amount_for_told_figures decided
# a figure of the person's own (a weight, an age, a current dose): "im 60kg", "hes 35kg", "on 40mg", "im 72"
_FIGURE = re.compile(r"\d")
# an auxiliary: the amount asked has a verb of its own ("how much time does recovery take", "how much does ivig cost"),
# so it asks a fact of its own; an amount with none ("how much prednisone", "how many mg") takes its case from the story
_VERB = re.compile(rf"\b{AUX}\b", re.IGNORECASE)


def amount_for_told_figures(ask: "Ask | None", message: str) -> bool:
    """An amount asked with no verb of its own ("how much prednisone") in a message whose story gives figures of the person's own ("im 60kg",
    "dad weighs 90kg"): the ask names no one, but read as the asker's own it is a dose to the dosing rules, and the
    figures are what a dose is worked out from, so the amount is for that person. Why not the model: the story is one
    short clause of numbers, and the whole message sits far under the bar (p 0.15)."""
    if ask is None or ask.names_case or _VERB.search(ask.clause):
        return False
    story = message.replace(ask.clause, " ")
    if not (_FIGURE.search(story) and PERSONAL_WORD.search(story)):
        return False
    verdict = classify(f"{ask.clause.rstrip(' ?!.')} for me")
    return verdict.category == "personal_advice" and verdict.rule == "dosing"


def asks_generally(ask: "Ask | None", model: EmergencyModel, embed: Embed) -> bool:
    """True when the message's one asking clause (assistant/general_ask.py) names no case and stays a general question
    when read as the asker's own: "<clause> for me" is no personal ask to the rules nor to the same model at its own
    threshold. Then the story around the ask made the check fire, not the ask ("my doctor said i should read up on
    this, what even is a paraneoplastic syndrome"). Why "for me": an elliptical ask takes its person from the story
    ("my dad weighs 90kg, how much ivig", "..., which treatment is best", "..., would ivig help"); read as about
    someone it is a dose, a choice or a judgement, while "what is it" or "how many sessions do people usually need"
    stays a question about the condition. The model's reading must clear the bar of one sentence of a longer message
    (`sentence_threshold`), not the whole message's: "<clause> for me" is the clause taken out of its message, and a
    whole yes/no about the condition ("is smoking a risk factor") reads as borderline personal with "for me" (p 0.56).
    The rules' reading counts as it is."""
    if ask is None or ask.names_case:
        return False
    own = f"{ask.clause.rstrip(' ?!.')} for me"
    if classify(own).category == "personal_advice":
        return False
    return model.probability(own, embed([own])[0]) < model.sentence_threshold


def asked_text(triaged: "Triaged") -> str:
    """What the personal-advice check reads: the whole message, or its asking clause when only chatter was set aside
    and that clause names no person (assistant/asking_clause.py): "how is it diagnosed? asking for my mum" asks no
    decision about the mum's case, while "my dad has sclc and his legs are weak, is it pns" is read whole."""
    asked = triaged.asked
    return asked.text if asked is not None and asked.general else triaged.normalised.text


def _remembered(embed: Embed) -> Embed:
    """`embed` with the vectors it already made kept: both learned checks score the same pieces."""
    known: dict[str, object] = {}

    def remembered(texts: Sequence[str]) -> list:
        todo = [t for t in dict.fromkeys(texts) if t not in known]
        if todo:
            known.update(zip(todo, embed(todo)))
        return [known[t] for t in texts]

    return remembered
