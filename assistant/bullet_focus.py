"""A bullet of several sentences keeps only the sentences that answer, unless the question names its label.

Why: the whole-unit completion (completion.whole_units) shows a bullet whole so its second sentence never appears
without its label, and the off-topic cut (off_topic.py) judges a bullet's sentences only against the answer's best
block, 0.25 under it. So an ask about one detail of a bullet shows its siblings too: "can it make ur knees swell up"
shows "Some people may have muscle stiffness ... nodules" beside "Rheumatologic: Joint pain and swelling ...", "too
many red blood cells from cancer??" shows the Hematologic bullet's fatigue and blood-cell sentences, "protein in pee"
the Kidney bullet's hormone sentence (hand labels of precision banks 9, 10: each sibling unhelpful). A question that
names the bullet's label ("blood related symptoms?", "what kidney problems can it cause") asks for the bullet, and a
list ask for its items whole: both keep every sentence; a yes/no ask ("can pns cause blood clots") asks whether one
thing holds, so its siblings go even where it names the label. Which sentences answer is read from the sentence model: those
within `gap` of the bullet's closest sentence to the question (settings.answer.sibling_gap; 0 switches it off).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from assistant.label_focus import LABEL, LABEL_MIN_WEIGHT
from assistant.lay_terms import medical_terms
from assistant.list_questions import asks_yes_no
from assistant.off_topic import focus_cosine
from assistant.sentences import content_terms
from assistant.word_forms import same_family

if TYPE_CHECKING:
    from assistant.compose import Scored
    from assistant.enriched import EnrichedUnit, EnrichedUnits
    from assistant.sentences import SentenceBank


def names_label(query: str, item: "EnrichedUnit", weights: dict[str, float]) -> bool:
    """Does the question name the bullet's label ("blood related" -> "Hematologic (blood-related):"; a lay word
    for it by lay_terms.medical_terms, "nerve" -> "Neurological")? A label word as common as "cancer" names nothing."""
    label = LABEL.match(item.unit.text)
    if not label:
        return False
    words = {t for t in content_terms(label.group(1)) if weights.get(t, 1.0) >= LABEL_MIN_WEIGHT}
    asked = content_terms(query) | medical_terms(query)
    return any(same_family(q, t) for q in asked for t in words)


def drop_unasked_siblings(chosen: Sequence["Scored"], query: str, focus_vec: Any, bank: "SentenceBank",
                          enriched: "EnrichedUnits", gap: float) -> list["Scored"]:
    """`chosen` less the sentences of a several-sentence bullet more than `gap` under the bullet's closest sentence to
    the question (module docstring), where the question does not name that bullet's label."""
    if gap <= 0:
        return list(chosen)
    relevance = focus_cosine(focus_vec, bank)
    by_unit: dict[tuple[str, int], list[int]] = {}
    items: dict[tuple[str, int], "EnrichedUnit"] = {}
    for i, s in enumerate(chosen):
        item = enriched.for_sentence(s.sentence)
        if item is not None and item.unit.is_bullet:
            key = (item.unit.section_id, item.unit.index)
            by_unit.setdefault(key, []).append(i)
            items[key] = item
    drop: set[int] = set()
    whether = asks_yes_no(query)  # "can pns cause blood clots": whether one thing holds, whatever label it names
    for key, members in by_unit.items():
        if len(members) < 2 or (not whether and names_label(query, items[key], bank.weights)):
            continue
        cos = {i: relevance(chosen[i]) for i in members}
        best = max(cos.values())
        drop |= {i for i in members if cos[i] < best - gap}
    return [s for i, s in enumerate(chosen) if i not in drop]
