"""A plural aspect asked of the condition itself ("what are the symptoms of pns", "pns treatments") is answered by the
article list whose own heading names that aspect ("Common Symptoms", "Conventional Medical Treatments").

Why: the article files each aspect under a heading, and its labelled list under that heading is what a plain list ask
wants whole. The words alone did not always find it: typed "pns", the question is searched with the glossary's long
form and its bracket spelled out again ("paraneoplastic syndromes (paraneoplastic syndromes)"), the subject then
outweighs the aspect, and the sentences chosen were the framing and diagnosis ones that share "symptoms"; the whole-
list rule (completion.whole_lists) needs two of the list's items chosen first. Replacing the bracket by the long form
was tried twice (rounds 13 and 17) and moved other answers both ways, so the fix is made where the aspect is read:
the heading that owns the asked word (same word family, assistant/word_forms.py) names the list.

Only a first-turn list ask, only single plural aspect nouns (aspects.ASPECTS: "symptoms", "treatments", "tests",
"types"; not "risk factors", whose "factors" heads the prognosis list), only when exactly one labelled list's heading
owns the word, only when the question has no other word the article uses ("what hormonal symptoms", "pns endocrine
sx", "unusual symptoms of pns": the label and section rules pick what it names), and only when the question is about the condition itself (the corpus's subject, not a
named member: "symptoms of lambert eaton" keeps the bullet that names it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from assistant.aspects import ASPECTS
from assistant.completion import LIST_ITEMS_TO_EXPAND, add_missing, labelled
from assistant.sentences import content_terms
from assistant.word_forms import same_family

if TYPE_CHECKING:
    from assistant.compose import Scored
    from assistant.enriched import EnrichedUnit, EnrichedUnits
    from assistant.unit_sentences import UnitSentences

# the aspect nouns a list can answer: one word, plural
PLURAL_ASPECTS = frozenset(a for a in ASPECTS if " " not in a and a.endswith("s") and a not in {"diagnosis", "prognosis"})
_PLURAL_ASK = re.compile(r"\b(" + "|".join(sorted(PLURAL_ASPECTS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
# the condition itself: the article's subject phrase or its short form
_BRACKET = re.compile(r"\([^()]*\)")
_SUBJECT = re.compile(r"\b(?:paraneoplastic|pns)\b", re.IGNORECASE)


def asked_aspects(query: str) -> set[str]:
    """The stems of the plural aspect nouns `query` asks ("symptoms" -> {"symptom"}), outside brackets: a bracket is
    the triage's gloss ("if pns isnt treated" is searched with "(symptoms progress; ...)"), not what was asked."""
    return {t for m in _PLURAL_ASK.finditer(_BRACKET.sub(" ", query)) for t in content_terms(m.group(1))}


def heading_terms(section_id: str) -> set[str]:
    """The stemmed words of a section's own heading, read from its id (the heading's slug: "common-symptoms")."""
    return content_terms(section_id.rsplit("/", 1)[-1].replace("-", " "))


def labelled_lists(enriched: "EnrichedUnits") -> list[list["EnrichedUnit"]]:
    """Each labelled list of the article once (its lead-in and bullets, enriched.list_members), in article order."""
    seen: set[tuple[str, int]] = set()
    out: list[list["EnrichedUnit"]] = []
    for item in enriched.units:
        if not item.unit.is_bullet:
            continue
        members = enriched.list_members(item)
        key = (members[0].unit.section_id, members[0].unit.index)
        if key not in seen:
            seen.add(key)
            if labelled(members):
                out.append(members)
    return out


def owning_list(query: str, enriched: "EnrichedUnits") -> list["EnrichedUnit"] | None:
    """The one labelled list whose heading owns a plural aspect `query` asks of the condition, else None (module
    docstring: none or two owning lists, another subject, or a narrowing word that the list's items name)."""
    asked = asked_aspects(query)
    if not asked or not _SUBJECT.search(query):
        return None
    lists = labelled_lists(enriched)
    owners = [m for m in lists if any(same_family(a, h) for a in asked for h in heading_terms(m[0].unit.section_id))]
    if len(owners) != 1:
        return None
    members = owners[0]
    heading = heading_terms(members[0].unit.section_id)
    rest = content_terms(_SUBJECT.sub(" ", _BRACKET.sub(" ", query))) - asked - heading - content_terms("syndromes")
    # a word the article says narrows the ask: "endocrine" (the types list's "Endocrine:" item), "unusual" (the
    # atypical symptoms' own sentence); the composer's words find what it names
    return None if rest & article_terms(enriched.article_text) else members


@lru_cache(maxsize=4)
def article_terms(text: str) -> frozenset[str]:
    """The article's stemmed words, once per article text."""
    return frozenset(content_terms(text))


def with_aspect_list(chosen: Sequence["Scored"], query: str, enriched: "EnrichedUnits", units: "UnitSentences",
                     by_key: dict[tuple[str, int], "Scored"]) -> list["Scored"]:
    """`chosen` with every member of the list owning the asked aspect (owning_list), when fewer than
    LIST_ITEMS_TO_EXPAND of its items were chosen (with two, the whole-list rule expands it already).

    The sentences chosen outside the owning list's part of the article (its top-level section, "Symptoms and Clinical
    Presentation") then leave: they were chosen for sharing the aspect's word ("Since symptoms vary widely, a
    combination of tests ..."), which is what missed the list; an answer that found the list is not touched."""
    members = owning_list(query, enriched)
    if members is None:
        return list(chosen)
    keys = {(u.unit.section_id, u.unit.index) for u in members if u.unit.is_bullet}
    have = sum(1 for s in chosen if (item := enriched.for_sentence(s.sentence)) is not None
               and (item.unit.section_id, item.unit.index) in keys)
    if have >= LIST_ITEMS_TO_EXPAND:
        return list(chosen)
    part = members[0].unit.section_id.split("/")[0]
    out = [s for s in chosen if (item := enriched.for_sentence(s.sentence)) is not None
           and item.unit.section_id.split("/")[0] == part]
    for member in members:
        add_missing(out, units(member), by_key)
    return out
