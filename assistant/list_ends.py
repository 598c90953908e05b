"""Where a list ends: what an "any others?" turn may show once the conversation has shown a list whole, or the one
list item the question named.

Why: "any others?" is answered with the units closest in meaning to what the last answer showed
(assistant/other_items.py), and the closest units of a list item are its sibling items, whose shared form makes them
alike: after the four types it showed the definition, after "what are the skin symptoms" the blood bullet, after the
rheumatologic bullet the neurological one; it could never say that the article lists no others. The article's own
structure says where a list ends:
- a list shown whole (every bullet of its section named in the conversation) has no other items; what the article
  says beside it is the sentences after its last bullet in its section (the closing "These strategies should be
  discussed ...") and the sections under the same heading (the atypical symptoms beside the common ones, the
  history and examination beside the advanced tests). A list with neither (the four types) has nothing more: the
  answer is empty and the support gate says not_found.
- one labelled item shown whole, of a list of the article's families (a list with two or more items parallel to
  another list's: "Skin Changes" ~ "Dermatologic" by the sentence model on the labels, each the other's closest,
  assistant/item_mentions.py's floor), when the question named its family ("skin symptoms"; by word family, its
  own label or its parallel's), asks for more of that family, never its siblings (another family each): its parallel
  item, or nothing. Any other labelled item ("what does immunotherapy do", "how is it treated" -> one treatment)
  goes on in its own list first: the other options are the others.
- a passage that is no list item goes on in its own section first (the trials after the new treatments): the
  section is the article's unit of one kind; only when none of it is close enough is the whole article searched.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.family_signs import label_of
from assistant.item_mentions import MENTION_FLOOR, label_vectors, labelled
from assistant.sentences import content_terms
from assistant.word_forms import same_family

if TYPE_CHECKING:
    from assistant.sentences import SentenceBank
    from assistant.shown_units import ArticleUnits
    from index.chunk_sentences import Sentence


SECTION_FLOOR = 0.38  # within the last passage's own section: the research chapter's two sentences are 0.40 apart,
                      # the introduction's "Imagine experiencing ..." 0.27-0.35 from the rest of it


@dataclass(frozen=True)
class ListEnd:
    """What an others-turn may show where a list ended: `units` to rank by closeness (`ranked`), or to show as they
    are; no units means the article has no others."""

    units: list[int]
    ranked: bool
    floor: float | None = None  # the least closeness a ranked unit needs (None: other_items.OTHER_FLOOR)
    fallback: bool = False      # only preferred: when none of `units` is close enough, every unit is a candidate


def section_of(units: "ArticleUnits", i: int) -> str:
    """The article section id a sentence stands in."""
    return units.sentences[i].chunk.section_id


def list_units(units: "ArticleUnits", unit: int) -> list[int]:
    """The bullet units of the list `unit` stands in (its section's bullets), in article order; [] for no bullet."""
    if not units.sentences[unit].is_bullet:
        return []
    section = section_of(units, unit)
    return sorted({units.unit_of[i] for i, s in enumerate(units.sentences)
                   if s.is_bullet and section_of(units, i) == section})


def shown_whole(units: "ArticleUnits", unit: int, shown: str) -> bool:
    """Every sentence of the unit that an answer would show is shown already."""
    return not any(units.showable(i, shown) for i in units.members(unit))


def item_named(units: "ArticleUnits", unit: int, shown: str) -> bool:
    """The list item is shown: its opening sentence (a bullet's later sentences are its detail, not another item)."""
    return not units.showable(units.members(unit)[0], shown)


def shown_lists(units: "ArticleUnits", shown: str) -> list[list[int]]:
    """Every list whose items the conversation has all named, in article order."""
    firsts = {section_of(units, u): u for u in sorted(set(units.unit_of), reverse=True) if units.sentences[u].is_bullet}
    lists = [list_units(units, u) for u in sorted(firsts.values())]
    return [items for items in lists if len(items) >= 2 and all(item_named(units, u, shown) for u in items)]


def beside_list(units: "ArticleUnits", items: list[int]) -> list[int]:
    """The units the article gives beside a list: its section's units after the last bullet, and every unit of the
    sections under the same heading (siblings of the list's section; a top-level section has none)."""
    section = section_of(units, items[0])
    parent = section.rsplit("/", 1)[0] if "/" in section else None
    last = max(i for u in items for i in units.members(u))
    out = set()
    for i in range(len(units.sentences)):
        here = section_of(units, i)
        after = here == section and i > last and units.unit_of[i] not in items
        sibling = parent is not None and here != section and here.rsplit("/", 1)[0] == parent and "/" in here
        if after or sibling:
            out.add(units.unit_of[i])
    return sorted(out)


def names_label(question: str, item: "Sentence") -> bool:
    """The question names the item's label by a word of its family ("hormone" ~ "Hormonal", "neuro" ~
    "Neurological")."""
    asked = content_terms(question)
    return any(same_family(a, t) for t in content_terms(label_of(item)) for a in asked)


def parallel_item(units: "ArticleUnits", item: int, bank: "SentenceBank") -> int | None:
    """The labelled item of another list whose label is closest to this item's, when each is the other's closest
    and their cosine is at least MENTION_FLOOR ("Hormonal" ~ "Endocrine" 0.65); None otherwise ("Degree of
    neurological ... Involvement" is closest to "Neurological", whose own closest is the other "Neurological")."""
    vectors = label_vectors(units, bank)
    items = [i for i, s in enumerate(units.sentences) if labelled(s) and units.unit_of[i] == i]

    def closest(i: int) -> int | None:
        others = [j for j in items if section_of(units, j) != section_of(units, i)]
        return max(others, key=lambda j: float(vectors[j] @ vectors[i])) if others else None

    best = closest(item)
    if best is None or float(vectors[best] @ vectors[item]) < MENTION_FLOOR or closest(best) != item:
        return None
    return best


def parallel_list(units: "ArticleUnits", items: list[int], bank: "SentenceBank") -> bool:
    """The list's items are the article's families: at least two of them have their parallel item in one other list
    (the four types and their four symptoms bullets; "Cancer Treatment" ~ "Cancer type and stage" alone is no
    parallel list)."""
    sections = [section_of(units, m) for u in items if (m := parallel_item(units, u, bank)) is not None]
    return any(sections.count(x) >= 2 for x in sections)


def list_end(units: "ArticleUnits", quoted: list[int], shown: str, previous_question: str,
             bank: "SentenceBank") -> ListEnd | None:
    """Where the last answer's list ended (module docstring), or None when it did not: every unit is a candidate."""
    lists = [list_units(units, u) for u in quoted] + shown_lists(units, shown)
    for items in lists:
        if len(items) >= 2 and all(item_named(units, u, shown) for u in items):
            beside = beside_list(units, items)
            if set(quoted) <= set(items) | set(beside):  # the last answer showed the list or what is beside it
                return ListEnd(units=[u for u in beside if not shown_whole(units, u, shown)], ranked=True)
    if not any(units.sentences[u].is_bullet for u in quoted):
        return section_rest(units, quoted, shown)
    if len(quoted) != 1 or not labelled(units.sentences[quoted[0]]) or not shown_whole(units, quoted[0], shown):
        return None
    items = list_units(units, quoted[0])
    mention = parallel_item(units, quoted[0], bank)
    family = [quoted[0]] + ([mention] if mention is not None else [])  # "skin" names "Dermatologic" through "Skin Changes"
    families = parallel_list(units, items, bank)
    if families and any(names_label(previous_question, units.sentences[u]) for u in family):
        keep = mention is not None and not shown_whole(units, mention, shown)
        return ListEnd(units=[mention] if keep and mention is not None else [], ranked=False)
    rest = [u for u in items if not shown_whole(units, u, shown)]  # the item's siblings: the other options
    return ListEnd(units=rest, ranked=True, floor=0.0) if rest else None  # a sibling is an option by the list itself


def section_rest(units: "ArticleUnits", quoted: list[int], shown: str) -> ListEnd | None:
    """The units not shown yet of the sections the last answer's passages stand in (the research chapter's trials
    after its new treatments, the look-alikes' overlap sentence after the conditions), preferred to the rest of the
    article; None when those sections are shown whole."""
    sections = {section_of(units, u) for u in quoted}
    rest = sorted({units.unit_of[i] for i in range(len(units.sentences))
                   if section_of(units, i) in sections and units.showable(i, shown)})
    return ListEnd(units=rest, ranked=True, floor=SECTION_FLOOR, fallback=True) if rest else None
