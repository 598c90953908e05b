"""Which shown sentences a distinctive question word should protect from the off-topic cut, judged leave-one-bank-out.

    PNS_HOME=... python -m benchmarks.protection_lobo    # writes benchmarks/results/protection_lobo.json

Why: the off-topic cut (off_topic.drop_far_blocks) drops the blocks far under the best one's cosine with the question,
except a block holding a protected sentence, and a sentence that shares any distinctive question word was protected
whatever else it said ("skin changes" inside "Healthcare providers will assess ..."). Round 15 counted 47 of 84
unhelpful blind sentences protected so. Each candidate rule (`RULES`) says when a shared word protects; every
first-turn item of precision banks 2-10 is asked through the real pipeline, and at the cut the REAL drop_far_blocks
is run once per rule on the same standing sentences, so what each rule would keep is exact, not simulated. Then, for
each held-out bank B of banks 4-10: the rule is chosen on the OTHER banks' studied labels (the highest labelled
precision among the rules that drop no required sentence) and scored on B's blind labels (an unlabelled standing
sentence counts against precision, as in benchmarks/precision_labelled.py).

The replay runs with the lever off (main's cut) and adds each rule beside main's other protections; the two guards the
shipped lever added after this judge chose the rule (a complement keeps its protection, a one-line lead-in is about
the subsections it leads into, both mending key facts: keyfact_check5, paraphrase_check) are not replayed here, so
the "about" row is the rule alone; the eval runs (PNS_ABOUT_PROTECTS=1) measure the lever as it ships.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results" / "protection_lobo.json"
BANKS = tuple(f"precision_check{n}" for n in range(2, 11))
HELD_OUT = BANKS[2:]
RARE_WEIGHT = 0.75   # complements.COMPLEMENT_WEIGHT: a word few sections use
NEAR_GAP = 0.35      # a protected sentence may sit this far under the best cosine, beyond off_topic.FAR_GAP
RULES = ("shares", "none", "about", "rare", "shares_near")


def rule_predicates(q_terms: set[str], bank: Any, enriched: Any, relevance: Callable[[Any], float],
                    top: float) -> dict[str, Callable[[Any], bool]]:
    """Each rule's "does this chosen sentence's distinctive word protect it?" for one answer."""
    from assistant.answer_focus import about_distinctive, names_distinctive, topic_terms

    def terms(s: Any) -> set[str]:
        return bank.terms(s.sentence.chunk.id)[s.sentence.index]

    def unit_text(s: Any) -> str:
        item = enriched.for_sentence(s.sentence)
        return item.unit.text if item is not None else s.sentence.text

    rare = {q: w for q, w in bank.weights.items() if w >= RARE_WEIGHT}
    return {
        "shares": lambda s: names_distinctive(q_terms, terms(s), bank.weights),
        "none": lambda s: False,
        "about": lambda s: about_distinctive(q_terms, terms(s), topic_terms(unit_text(s), bank.heading_terms(
            s.sentence.chunk.id)), bank.weights),
        "rare": lambda s: names_distinctive({q for q in q_terms if q in rare or q not in bank.weights}, terms(s),
                                            bank.weights),
        "shares_near": lambda s: names_distinctive(q_terms, terms(s), bank.weights) and relevance(s) >= top - NEAR_GAP,
    }


def standing_rows() -> list[dict[str, Any]]:
    """One row per first-turn answer at the off-topic cut: bank, item, part, and per standing sentence its text,
    label, whether it is required, and the rules whose cut keeps it."""
    import assistant.enriched_compose as composer
    from assistant.answer_focus import asks_definition_only, defines
    from assistant.api import Assistant
    from assistant.retrieval import strip_subject
    from assistant.off_topic import drop_far_blocks, focus_cosine
    from benchmarks.relevance_cut_points import replay_first_turns
    from eval.relevance_pool import clean_sentence, load_pool
    from foundation.settings import Settings

    labels = {(p.item_id, p.sentence): p.helps for p in load_pool(banks=BANKS)}
    seen: list[dict[str, Any]] = []
    original = composer.drop_far_blocks

    def record(chosen, focus_vec, bank, enriched, labelled, protected=lambda s: False, **kw):  # type: ignore[no-untyped-def]
        relevance = focus_cosine(focus_vec, bank)
        top = max((relevance(s) for s in chosen), default=0.0)
        q_terms, base = record.context  # type: ignore[attr-defined]
        rules = rule_predicates(q_terms, bank, enriched, relevance, top)
        keeps = {}
        for name, shares in rules.items():  # the other protections (definition, announced) are main's, kept as they are
            others = lambda s, shares=shares: base(s) or shares(s)  # noqa: E731
            kept = drop_far_blocks(chosen, focus_vec, bank, enriched, labelled, protected=others, **kw)
            keeps[name] = {id(s) for s in kept}
        seen.append({"sentences": [{"text": clean_sentence(s.sentence.text),
                                    "kept": [n for n in RULES if id(s) in keeps[n]]} for s in chosen]})
        return original(chosen, focus_vec, bank, enriched, labelled, protected=protected, **kw)

    on_topic = composer._on_topic

    def with_terms(chosen, query, focus_vec, bank, enriched, q_terms, levers, first_turn, announced=frozenset(),
                   article=None):  # type: ignore[no-untyped-def]
        defined = bool(levers.definition and composer.ASKS_WHAT_IT_IS.search(query)) or asks_definition_only(
            query, strip_subject(query))  # as _on_topic reads it
        record.context = (q_terms, lambda s: (defined and defines(s.sentence))  # type: ignore[attr-defined]
                          or (s.sentence.chunk.id, s.sentence.index) in announced)
        return on_topic(chosen, query, focus_vec, bank, enriched, q_terms, levers, first_turn, announced, article)

    composer.drop_far_blocks, composer._on_topic = record, with_terms  # type: ignore[assignment]
    try:
        settings = Settings()
        settings.answer.about_protects = False  # the cut under test is main's; each rule is replayed beside it
        assistant = Assistant(settings)
        return replay_first_turns(assistant, BANKS, seen, labels)
    finally:
        composer.drop_far_blocks, composer._on_topic = original, on_topic  # type: ignore[assignment]


def counts(rows: list[dict[str, Any]], rule: str) -> dict[str, Any]:
    """What the cut under `rule` leaves standing in `rows`: helpful, shown, required dropped, precision."""
    kept = [s for r in rows for s in r["sentences"] if rule in s["kept"]]
    out = {"shown": len(kept), "helpful": sum(bool(s["helps"]) for s in kept),
           "required_dropped": sum(s["required"] and rule not in s["kept"] for r in rows for s in r["sentences"])}
    return {**out, "precision": round(out["helpful"] / max(out["shown"], 1), 3)}


def choose(rows: list[dict[str, Any]]) -> str:
    """The rule with the highest studied precision among those dropping no required studied sentence."""
    fine = [(counts(rows, r)["precision"], r) for r in RULES if counts(rows, r)["required_dropped"] == 0]
    return max(fine)[1] if fine else "shares"


def main() -> dict[str, Any]:
    rows = standing_rows()
    report: dict[str, Any] = {"folds": {}}
    pooled = {"before": {"helpful": 0, "shown": 0}, "after": {"helpful": 0, "shown": 0}, "required_dropped": 0}
    for bank in HELD_OUT:
        rule = choose([r for r in rows if r["bank"] != bank and r["part"] == "studied"])
        blind = [r for r in rows if r["bank"] == bank and r["part"] == "blind"]
        before, after = counts(blind, "shares"), counts(blind, rule)
        report["folds"][bank] = {"rule": rule, "before": before, "after": after}
        for key, c in (("before", before), ("after", after)):
            pooled[key]["helpful"] += c["helpful"]
            pooled[key]["shown"] += c["shown"]
        pooled["required_dropped"] += after["required_dropped"]
    for key in ("before", "after"):
        pooled[key]["precision"] = round(pooled[key]["helpful"] / max(pooled[key]["shown"], 1), 3)
    report["pooled_blind"] = pooled
    report["studied_all"] = {r: counts([x for x in rows if x["part"] == "studied"], r) for r in RULES}
    RESULTS.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return report


if __name__ == "__main__":
    result = main()
    for bank, fold in result["folds"].items():
        print(bank, fold["rule"], fold["before"], "->", fold["after"])
    print("pooled blind", result["pooled_blind"])
    print("studied (all banks)", result["studied_all"])
