"""Label focus: a question naming some bullets' labels ("skin", "kidneys", or a lay word for one) keeps those bullets.

Moved out of assistant/enriched_compose.py (which applies it) with the lay-word map (assistant/lay_terms.py):
"brain and nerve symptoms" names the "Neurological:" bullet although no label word is in the question.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from assistant.lay_terms import lay_derived_terms, medical_terms
from assistant.sentences import content_terms
from assistant.word_forms import same_family

if TYPE_CHECKING:
    from assistant.compose import Scored
    from assistant.enriched import EnrichedUnits
    from assistant.sentences import SentenceBank

LABEL = re.compile(r"^([^:]{2,40}):\s")  # a bullet's label: "Skin Changes: Rashes, ..."


HEADING_WEIGHT = 0.5  # IDF weight from which a heading's word names its list alone ("complementary" 0.67, "common" 0.3)
LEAD_WORDS = 2  # a bullet's opening words after its label name what it is about ('Joint pain', 'Trousseau syndrome')
LABEL_MIN_WEIGHT = 0.25  # a label word as common as "cancer" (IDF weight 0.18) names no one item


def label_focus(chosen: list["Scored"], query: str, enriched: "EnrichedUnits",
                weights: dict[str, float] | None = None) -> list["Scored"]:
    """When the question names the label of some bullets of a list ("skin", "kidneys"), the list's other bullets go.

    Why: "what skin problems can it cause?" is close in meaning to every symptom bullet, and "pale skin" in the
    Hematologic bullet pulls that one in too; the bullet labels ("Skin Changes:", "Kidney (Renal):") are the
    article's own names for its items, so a question that names one asks about that one (self-written audit bank).
    A list with no label named, a list whose heading the question names (names_heading) and a question that asks
    for every item are left as they are. A label word
    that is also in the list's heading ("Cancer Treatment" under "Conventional Medical Treatments") or is common
    across the corpus names the list, not one item, and does not count. A bullet whose first LEAD_WORDS words
    hold a question word that no named bullet holds stays: "joint changes" names "Skin Changes" by its second
    word, while "joint" is what the Rheumatologic bullet ("Joint pain and swelling") is about.
    """
    terms, weights = content_terms(query) | medical_terms(query), weights or {}  # "brain" names "Neurological:"
    lists: dict[tuple[str, int], list[tuple["Scored", bool, set[str]]]] = {}
    for s in chosen:
        item = enriched.for_sentence(s.sentence)
        if item is None or not (item.unit.is_bullet or s.sentence.is_lead_in):
            continue
        members = enriched.list_members(item)
        label = LABEL.match(item.unit.text)
        heading = content_terms(" ".join(s.sentence.chunk.section_path[-1:]))
        if names_heading(terms, heading, weights):
            continue  # "what are the complementary therapies" asks for the list, though "therapies" names a label
        words = {t for t in content_terms(label.group(1)) if t not in heading and weights.get(t, 1.0) >= LABEL_MIN_WEIGHT} \
            if label else set()
        named = any(same_family(q, t) for q in terms for t in words)
        lead = " ".join((item.unit.text[label.end():] if label else "").split()[:LEAD_WORDS])  # 'Joint pain'
        asked = {q for q in terms - heading for t in content_terms(lead)
                 if weights.get(q, 1.0) >= LABEL_MIN_WEIGHT and same_family(q, t)}
        lists.setdefault((members[0].unit.section_id, members[0].unit.index), []).append((s, named, asked))
    drop: set[int] = set()
    for entries in lists.values():
        held = set().union(*(a for _, n, a in entries if n))
        drop |= {id(s) for s, n, a in entries if not n and not (a - held)} if any(n for _, n, _ in entries) else set()
    return [s for s in chosen if id(s) not in drop]


def names_heading(terms: set[str], heading: set[str], weights: dict[str, float]) -> bool:
    """Does the question name a rare word of a list's own heading ("complementary" of "Integrative and Complementary
    Approaches")? Then it asks for that list as a whole, and a label sharing another of its words ("therapies" and
    "Physical Therapy and Rehabilitation") is no item picked out: focusing on it dropped the list's other items
    (self-written keyfact_check9 bank). Only rare heading words: "types" (0.41) or "common" (0.30) head lists that
    questions narrow by label ("what types of nerve problems", "the common skin symptoms")."""
    return any(same_family(q, t) for q in terms for t in heading if weights.get(t, 1.0) >= HEADING_WEIGHT)


def label_lead(chosen: list["Scored"], scored: "list[Scored]", query: str, enriched: "EnrichedUnits",
               weights: dict[str, float] | None = None, limit: int | None = None, bank: "SentenceBank | None" = None) -> list["Scored"]:
    """A bullet whose label is the very word the question asks about leads the answer when nothing chosen carries it.

    Why: "does immunotherapy help?" is asked of the "Immunotherapy and Corticosteroids:" bullet, but every sentence
    naming the immune system ("immune-modulating therapies", "suppressing this response") scored near it and filled
    the answer first (self-written key-fact bank 4). The labels are the article's own names for its items; a
    question word equal to its first word (same stem, not merely the same family: "immune" does not name
    "Immunotherapy"), not in the list's heading and not common across the corpus, names that item. Only the first
    word: "treatment" of "Early diagnosis and treatment:" or "related" of "Hematologic (blood-related):" named the
    wrong bullet on dev. A word some chosen sentence holds already is answered ("physical" of "what does the doctor
    look for during the physical exam" is the examination's, not "Physical Therapy"'s), and a follow-up's own words
    (`query` is then its ask) name what it asks, not the subject carried over. The weakest choice makes room when
    an answer is full.
    """
    # the question's own words: a lay word's category ("blood" -> Hematologic) names a list, not the item asked about
    terms, weights = content_terms(query) - lay_derived_terms(query), weights or {}
    shown = {s.sentence.key for s in chosen}
    held = set().union(*(bank.terms(s.sentence.chunk.id)[s.sentence.index] for s in chosen)) if bank is not None else set()

    def names_item(s: "Scored") -> bool:
        item = enriched.for_sentence(s.sentence)
        label = LABEL.match(item.unit.text) if item is not None and item.unit.is_bullet else None
        if label is None or label.group(1) not in s.sentence.text[:len(label.group(1)) + 4]:
            return False  # the bullet's own first sentence, not its second one
        heading = content_terms(" ".join(s.sentence.chunk.section_path[-1:]))
        head = content_terms(" ".join(label.group(1).split()[:1]))  # "Immunotherapy", not "... and Corticosteroids"
        return any(t in terms and t not in heading and t not in held and weights.get(t, 1.0) >= LABEL_MIN_WEIGHT
                   for t in head)

    named = [s for s in scored if names_item(s)]
    if not named or any(s.sentence.key in shown for s in named):
        return chosen
    lead = [named[0], *chosen]
    return lead[:limit] if limit is not None and len(lead) > limit else lead
