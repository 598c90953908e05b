"""Which earlier subject a pronoun or demonstrative in a follow-up points at, and the words that replace it.

Why its own module: resolving "it", "their", "that group" or "those scans" is one job with its own vocabulary
(class nouns and their groups, the expletive "it", "they" as the people doing something), used both by the
follow-up rewrite (assistant/conversation.py) and by ellipsis narrowing ("the skin ones" needs the class noun of
the previous question). Keeping it apart keeps the rewrite's turn-by-turn logic readable.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.disclaimer import SEPARATOR
from assistant.topics import CARE_VERBS
from corpus.sentence_split import rough_sentences

# Class nouns after a demonstrative ("those scans"), grouped so we know when they name the topic itself.
CLASS_GROUPS: dict[str, str] = {
    **dict.fromkeys(("scan", "scans", "test", "tests", "exam", "exams", "procedure", "procedures", "imaging"), "test"),
    **dict.fromkeys(("treatment", "treatments", "therapy", "therapies", "drug", "drugs", "med", "meds", "medication",
                     "medications", "medicine", "medicines", "option", "options", "approach", "approaches"), "treatment"),
    **dict.fromkeys(("syndrome", "syndromes", "condition", "conditions", "disease", "diseases", "disorder",
                     "disorders", "illness", "illnesses"), "condition"),
    **dict.fromkeys(("symptom", "symptoms", "sign", "signs", "problem", "problems", "complication", "complications"), "symptom"),
    **dict.fromkeys(("cancer", "cancers", "tumor", "tumors", "tumour", "tumours", "malignancy", "malignancies"), "cancer"),
    **dict.fromkeys(("marker", "markers", "antibody", "antibodies", "autoantibody", "autoantibodies"), "marker"),
    **dict.fromkeys(("one", "ones", "thing", "things", "type", "types", "kind", "kinds", "group", "groups",
                     "category", "categories", "family", "class"), "generic"),
}
CLASS_RE = "|".join(sorted(CLASS_GROUPS, key=len, reverse=True))

# "it" in "is it true that ...", "is it possible to ..." refers to nothing.
_EXPLETIVE_IT = re.compile(
    r"\bit\s+(?:is\s+|was\s+)?(?:so\s+|really\s+|very\s+|too\s+|that\s+)?(?:true|possible|common|normal|usual|likely|unlikely|rare|safe|necessary|important|known|"
    r"worth|ok|okay|hard|difficult|easy|better|best)\b\s*(?:that|to|for|if|whether)\b",
    re.IGNORECASE,
)
_PRONOUN_RE = re.compile(r"\b(it|its|they|them|their|theirs)\b", re.IGNORECASE)
DEM_NOUN_RE = re.compile(rf"\b(this|that|these|those)\s+({CLASS_RE})\b", re.IGNORECASE)
# "that"/"this" used as a pronoun: before a verb or at the end, or right after an auxiliary/preposition.
DEM_PRONOUN_RE = re.compile(
    r"\b(?:(?<=\bis )|(?<=\bwas )|(?<=\bdoes )|(?<=\bdid )|(?<=\bdo )|(?<=\babout )|(?<=\bof )|(?<=\bfor )"
    r"|(?<=\bwith )|(?<=\bcause )|(?<=\btreat )|(?<=\bfrom ))(this|that)\b(?!\s+(?:the|a|an)\b)"
    r"|\b(this|that)\b(?=\s*(?:[?.!,]|$)|\s+(?:is|was|does|do|did|mean|means|belong|belongs|cause|causes|happen|"
    r"happens|help|helps|work|works|affect|affects|involve|involves|require|requires|come|comes|lead|leads|"
    r"have|has|can|could|would|will|should|usually|often|typically)\b)",
    re.IGNORECASE,
)
# "that" after a class noun or an indefinite pronoun opens a relative clause ("anything besides meds that helps",
# "tests that show it"): it points at nothing, and resolving it read "anything besides meds ivig helps".
_RELATIVE_AFTER = frozenset(CLASS_GROUPS) | frozenset("anything something everything nothing anyone someone stuff".split())


def demonstrative(question: str) -> re.Match[str] | None:
    """The first 'that' / 'this' standing for something said (DEM_PRONOUN_RE), skipping a relative 'that'."""
    for m in DEM_PRONOUN_RE.finditer(question):
        before = re.findall(r"[a-z']+", question[: m.start()].lower())
        if (m.group(2) or "").lower() == "that" and before and before[-1] in _RELATIVE_AFTER:
            continue
        return m
    return None

# "they" as the people doing something ("how do they treat it", "what do they look for") is no reference.
_AGENT_THEY = re.compile(rf"\bthey\s+(?:{CARE_VERBS}|do|use|give|say|call|know|look|think|check|test|want|usually|normally|tell|measure|see|decide)\b", re.IGNORECASE)
# "they <verb> it" ("how do they fix it", "how do they handle them"): a verb whose object is the pointer back, so the
# pronoun after it is the subject and "they" the people acting on it, whatever the verb.
_THEY_ACT_ON_POINTER = re.compile(r"\bthey\s+(?!are\b|were\b|is\b|be\b)[a-z]+\s+(?:it|them|that|this)\b", re.IGNORECASE)

def _head_group(phrase: str) -> str | None:
    last = phrase.split()[-1].lower() if phrase.split() else ""
    return CLASS_GROUPS.get(last)


def _possessive(topic: str) -> str:
    return f"{topic}'" if topic.endswith("s") else f"{topic}'s"

GroupOf = Callable[[str], "str | None"]
_GROUP_NOUNS = frozenset({"group", "groups", "category", "categories", "type", "types", "kind", "kinds", "family", "class"})


def resolve_references(question: str, topic: str, group_of: GroupOf | None = None) -> str:
    """Replace the first anaphoric pronoun or demonstrative phrase with the topic.

    "that group" / "that type" names the group the topic belongs to where `group_of` knows it
    (after "what is paraneoplastic cerebellar degeneration": the neurological paraneoplastic syndromes).
    """
    m = DEM_NOUN_RE.search(question)
    if m:
        noun = m.group(2)
        group, topic_group = CLASS_GROUPS[noun.lower()], _head_group(topic)
        label = group_of(topic) if group_of is not None and noun.lower() in _GROUP_NOUNS else None
        if label:
            replacement = label
        elif group in ("generic",) or topic_group in (None, group):
            replacement = topic
        else:
            replacement = f"the {noun} of {topic}"
        return question[: m.start()] + replacement + question[m.end():]
    m = first_pronoun(question)
    if m:
        word = m.group(1).lower()
        replacement = _possessive(topic) if word in ("its", "their", "theirs") else topic
        return question[: m.start()] + replacement + question[m.end():]
    m = demonstrative(question)
    if m:
        return question[: m.start()] + topic + question[m.end():]
    return question


def first_pronoun(question: str) -> re.Match[str] | None:
    """The first anaphoric pronoun, skipping an expletive 'it' ('is it true that they ...')."""
    expletive = _EXPLETIVE_IT.search(question)
    for m in _PRONOUN_RE.finditer(question):
        if expletive and m.start() == expletive.start():
            continue
        if m.group(1).lower() == "they" and (_AGENT_THEY.match(question, m.start())
                                             or _THEY_ACT_ON_POINTER.match(question, m.start())):
            continue
        return m
    return None


def needs_context(question: str) -> bool:
    """True when the question points back ("this test", "that", a pronoun): it cannot be read without the
    earlier turns, so the follow-up rewrite must supply what it points at."""
    if DEM_NOUN_RE.search(question) or demonstrative(question):
        return True
    return first_pronoun(question) is not None

def agree(question: str, topic: str) -> str:
    """'Is paraneoplastic syndromes curable' -> 'Are paraneoplastic syndromes curable'."""
    plural = re.search(r"(?:s|ies)$", topic) and not re.search(r"(?:sis|ss|us)$", topic)
    if plural and question.lower().startswith(f"is {topic.lower()} "):
        return "Are" + question[2:]
    return question


def agree_plural(question: str, topic: str) -> str:
    """'How is paraneoplastic syndromes treated' -> 'How are ...' (for a topic known to be a plural noun)."""
    return re.sub(rf"\b(is|was|does|has)(\s+{re.escape(topic)})(?=[\s?.!]|$)",
                  lambda m: {"is": "are", "was": "were", "does": "do", "has": "have"}[m.group(1).lower()] + m.group(2),
                  question, count=1, flags=re.IGNORECASE)


# "the second one", "the last one", "the 3rd option", "the 3rd 1" (a digit for "one", as typed in chat): an item of the
# previous answer's list, by its place.
# "the first symptom" is the earliest one, not the first listed: symptoms and signs are no list places.
_ORDINAL = re.compile(r"\b(?:the\s+)?(?P<nth>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+"
                      r"(?P<noun>one|1|item|option|bullet|thing|point|test|scan|treatment|therapy|type|kind)\b", re.IGNORECASE)
_PLACES = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3, "fifth": 4,
           "5th": 4, "last": -1}
# A labelled item as an answer shows it: "Imaging: Magnetic resonance ...", "- Endocrine: Hormonal ...".
_LABELLED = re.compile(r"^(?:[-•*]\s*)?(?P<label>[A-Z][^:.!?\n]{1,70}?):\s+\S")


def listed_labels(answer: str) -> list[str]:
    """The labels of the labelled items a previous answer showed, in its order ('Imaging', 'Laboratory Tests').

    Why labels: the article's lists are labelled bullets, and a chat's answer quotes them verbatim, so "the second
    one" is the second label shown; the label is also the words that find the item again. The disclaimer and
    the [n] markers are no part of the list.
    """
    body = re.sub(r"\s*\[\d+\]", "", answer.split(SEPARATOR)[0])
    pieces = [p.strip() for p in rough_sentences(body, lines=True)]
    return [m.group("label").strip() for p in pieces if (m := _LABELLED.match(p))]


def name_listed_item(question: str, previous_answer: str, head: str | None = None) -> str:
    """`question` with "the second one" / "the last one" replaced by that item of the previous answer's list, named
    by its label (a one-word label, an adjective like 'Endocrine', takes the previous question's class noun `head`);
    unchanged when the question names no place or the answer showed fewer than two labelled items."""
    m = _ORDINAL.search(question)
    labels = listed_labels(previous_answer) if m else []
    place = _PLACES[m.group("nth").lower()] if m else 0
    if m is None or len(labels) < 2 or place >= len(labels):
        return question
    label, noun = labels[place], m.group("noun").lower()
    head = noun if CLASS_GROUPS.get(noun) not in (None, "generic") else head  # 'the first test': a test
    if head and len(label.split()) == 1 and label.lower() not in CLASS_GROUPS:
        label = f"{label.lower()} {head}"
    return question[: m.start()] + label + question[m.end():]
