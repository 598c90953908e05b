"""Turn a follow-up question into a standalone one, using the user's earlier turns.

Why rules and not a model: retrieval only sees one query, so "How is it treated?" must become
"How is Trousseau syndrome treated?" before searching. The embedded default has no language model,
and a deterministic rewrite is testable and explainable (the result is shown as
Answer.standalone_question). The rules cover the follow-ups people actually type:

- pronouns: it / its / they / them / their / this / that / these / those ("Which cancers is it seen with?");
- demonstrative phrases: "those scans", "these symptoms";
- ellipsis: "What about the kidneys?", "And the skin?", "How about treatment?".

The topic of a turn is the phrase it asks about ("What is X?", "Is X used ...?", "Which X are used?",
"What can X cause?"); earlier turns are resolved first, so a chain of follow-ups keeps its subject.
Assistant turns are ignored: what the user asked defines the topic, not what we answered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from assistant.normalise import restore_apostrophes

DEFAULT_TOPIC = "paraneoplastic syndromes"
MAX_TURNS = 6  # only the most recent user turns can be referred to

_AUX = r"(?:is|are|was|were|does|do|did|can|could|should|would|will|may|might|has|have|had)"
_DETERMINERS = {"a", "an", "the", "some", "any", "these", "those", "this", "that", "my", "your", "their", "its"}
# Words that end a noun phrase: verbs, prepositions, adverbs and question fillers.
_NP_STOP = {
    "is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "can", "could", "should", "would",
    "will", "may", "might", "must", "has", "have", "had", "cause", "causes", "mean", "means", "affect", "affects",
    "involve", "involves", "work", "works", "help", "helps", "treat", "treats", "show", "shows", "lead", "leads",
    "look", "looks", "happen", "happens", "occur", "occurs", "develop", "develops", "need", "needs", "require",
    "requires", "include", "includes", "detect", "detects", "find", "finds", "pick", "belong", "belongs",
    "relate", "relates", "differ", "differs", "compare", "usually", "often", "typically", "commonly", "most",
    "really", "also", "mostly", "always", "still", "in", "on", "for", "with", "by", "to", "from", "at", "about",
    "as", "into", "than", "between", "during", "and", "or", "but", "so", "if", "when", "why", "how", "what",
    "which", "who", "where", "exactly", "actually", "a", "an", "the", "any", "like", "actually", "really",
    "mimic", "mimics", "resemble", "resembles",
}
# "the ASPECT of X": the topic is X.
ASPECTS = (
    "treatment", "treatments", "therapy", "therapies", "management", "diagnosis", "symptoms", "signs", "causes",
    "cause", "risk factors", "prognosis", "outlook", "outcomes", "outcome", "prevalence", "incidence", "tests",
    "testing", "cure", "complications", "types", "role", "effects", "side effects", "mechanism", "research",
)
_ASPECT_RE = "|".join(sorted((re.escape(a) for a in ASPECTS), key=len, reverse=True))
# Body parts and organ systems: "what about the kidneys?" narrows the previous question to them.
BODY_TERMS = (
    "kidneys", "kidney", "renal system", "skin", "brain", "nerves", "nervous system", "spinal cord", "blood",
    "heart", "lungs", "lung", "joints", "muscles", "eyes", "liver", "hormones", "endocrine system", "glands",
    "bones", "stomach", "gut", "digestive system", "gastrointestinal tract", "bloodstream", "immune system",
)
_BODY_RE = "|".join(sorted((re.escape(b) for b in BODY_TERMS), key=len, reverse=True))
# Class nouns after a demonstrative ("those scans"), grouped so we know when they name the topic itself.
CLASS_GROUPS: dict[str, str] = {
    **dict.fromkeys(("scan", "scans", "test", "tests", "exam", "exams", "procedure", "procedures", "imaging"), "test"),
    **dict.fromkeys(("treatment", "treatments", "therapy", "therapies", "drug", "drugs", "medication",
                     "medications", "medicine", "medicines", "option", "options", "approach", "approaches"), "treatment"),
    **dict.fromkeys(("syndrome", "syndromes", "condition", "conditions", "disease", "diseases", "disorder",
                     "disorders", "illness", "illnesses"), "condition"),
    **dict.fromkeys(("symptom", "symptoms", "sign", "signs", "problem", "problems", "complication", "complications"), "symptom"),
    **dict.fromkeys(("cancer", "cancers", "tumor", "tumors", "tumour", "tumours", "malignancy", "malignancies"), "cancer"),
    **dict.fromkeys(("marker", "markers", "antibody", "antibodies", "autoantibody", "autoantibodies"), "marker"),
    **dict.fromkeys(("one", "ones", "thing", "things", "type", "types", "kind", "kinds", "group", "groups",
                     "category", "categories", "family", "class"), "generic"),
}
_CLASS_RE = "|".join(sorted(CLASS_GROUPS, key=len, reverse=True))

# "it" in "is it true that ...", "is it possible to ..." refers to nothing.
_EXPLETIVE_IT = re.compile(
    r"\bit\s+(?:is\s+|was\s+)?(?:so\s+|really\s+|very\s+|too\s+|that\s+)?(?:true|possible|common|normal|usual|likely|unlikely|rare|safe|necessary|important|known|"
    r"worth|ok|okay|hard|difficult|easy|better|best)\b\s*(?:that|to|for|if|whether)\b",
    re.IGNORECASE,
)
_PRONOUN_RE = re.compile(r"\b(it|its|they|them|their|theirs)\b", re.IGNORECASE)
_DEM_NOUN_RE = re.compile(rf"\b(this|that|these|those)\s+({_CLASS_RE})\b", re.IGNORECASE)
# "that"/"this" used as a pronoun: before a verb or at the end, or right after an auxiliary/preposition.
_DEM_PRONOUN_RE = re.compile(
    r"\b(?:(?<=\bis )|(?<=\bwas )|(?<=\bdoes )|(?<=\bdid )|(?<=\bdo )|(?<=\babout )|(?<=\bof )|(?<=\bfor )"
    r"|(?<=\bwith )|(?<=\bcause )|(?<=\btreat )|(?<=\bfrom ))(this|that)\b(?!\s+(?:the|a|an)\b)"
    r"|\b(this|that)\b(?=\s*(?:[?.!,]|$)|\s+(?:is|was|does|do|did|mean|means|belong|belongs|cause|causes|happen|"
    r"happens|help|helps|work|works|affect|affects|involve|involves|require|requires|come|comes|lead|leads|"
    r"have|has|can|could|would|will|should|usually|often|typically)\b)",
    re.IGNORECASE,
)
_ELLIPSIS_RES = (
    re.compile(r"^(?:and|but|so|also|ok|okay|then)?[,\s]*(?:what|how)\s+about\s+(?P<x>.+?)[?.!]*$", re.IGNORECASE),
    re.compile(r"^(?:and|also|what of|same for|and for|and in|and with|and also)\s+(?P<x>.+?)[?.!]*$", re.IGNORECASE),
)
# A phrase about a person, or a pronoun, is never the topic ("what symptoms should we watch for").
_PERSON_START = re.compile(
    r"^(?:i|we|you|he|she|they|me|us|him|her|them|it|this|that|there|one|ones|someone|somebody|"
    r"my|our|your|his|their)\b", re.IGNORECASE,
)
_FILLER = re.compile(r"^(?:(?:and|but|so|also|ok|okay|then|please|thanks|thank you|i want to know|i'd like to know|"
                     r"(?:can|could|would) you(?= (?:tell|explain|describe)))[,\s]+)+", re.IGNORECASE)
_CARE_VERBS = r"treat|diagnose|detect|test for|manage|cure|prevent|recogni[sz]e|find|spot|check for|screen for"
# "they" as the people doing something ("how do they treat it", "what do they look for") is no reference.
_AGENT_THEY = re.compile(rf"\bthey\s+(?:{_CARE_VERBS}|do|use|give|say|call|know|look|think|check|test|want|usually|normally|tell|measure|see|decide)\b", re.IGNORECASE)
# Groups of people a question can be narrowed to ("what about kids?" asks the same question about kids).
_POPULATION = (r"(?:kids|children|child|babies|teens|teenagers|adults|young people|older people|the elderly|elderly people|"
               r"men|women|males|females|smokers|non-smokers|pregnant women|older adults|young adults|seniors)")
# Follow-ups that only ask for more of the same answer: the previous question is asked again.
_MORE_OF_THE_SAME = re.compile(
    r"^(?:and\s+|so\s+|ok\s+|okay\s+)?(?:why|how|how so|really|like what|such as|for example|examples?|any examples|"
    r"tell me more|more|more details?|go on|explain|explain more|explain that|can you explain(?: that| more)?|"
    r"(?:can you )?(?:say|explain) (?:that|it) (?:again )?(?:more simply|in simple words|in plain english|simpler)|"
    r"in simple(?:r)? (?:words|terms)|in plain english|simpler|what do you mean|meaning)\s*(?:please|pls)?[?.!]*$",
    re.IGNORECASE,
)
_QUESTION_START = re.compile(rf"^(?:what|which|who|whom|whose|how|why|when|where|{_AUX}|tell|explain|list|describe|give)\b", re.IGNORECASE)


def user_turns(history: Iterable[Mapping[str, Any]] | None) -> list[str]:
    """The user's earlier questions, oldest first (assistant turns and malformed entries skipped)."""
    turns: list[str] = []
    for turn in history or []:
        if not isinstance(turn, Mapping):
            continue
        content = turn.get("content")
        if turn.get("role") == "user" and isinstance(content, str) and content.strip():
            turns.append(re.sub(r"\s+", " ", content).strip())
    return turns[-MAX_TURNS:]


def _noun_phrase(words: list[str]) -> str:
    """The leading noun phrase of `words`: keep going until a verb, preposition or second determiner."""
    out: list[str] = []
    for i, w in enumerate(words):
        bare = w.lower().strip("?.!,;:")
        if out and (bare in _NP_STOP or bare in _DETERMINERS):
            break
        if not out and bare in _NP_STOP - _DETERMINERS:
            break
        if len(bare) >= 4 and bare.endswith("ed") and bare not in {"need", "speed", "seed", "bleed", "feed"}:
            break  # a participle: "used", "mentioned", "caused"
        out.append(w.strip("?.!,;:"))
        if w.endswith((",", "?", "!", ".", ";", ":")):
            break
    while out and out[0].lower() in _DETERMINERS - {"a", "an", "the"}:
        out.pop(0)
    if out and out[-1].lower() in _DETERMINERS:
        out.pop()
    return " ".join(out)


def _after_aspect(np: str) -> str:
    """'the symptoms of Trousseau syndrome' -> 'Trousseau syndrome'."""
    m = re.match(rf"^(?:the\s+)?(?:main\s+|common\s+|usual\s+)?(?:{_ASPECT_RE})\s+(?:of|for|in)\s+(.+)$", np, re.IGNORECASE)
    return m.group(1) if m else np


def topic_of(question: str) -> str | None:
    """The phrase a standalone question is about, or None when no phrase can be found.

    A turn of several sentences ("my mom has lung cancer and they think she has pns. what symptoms
    should we watch for") is read from its last sentence back; a phrase about a person ("we watch",
    "my mom") is never a topic.
    """
    sentences = [p for p in re.split(r"(?<=[.?!])\s+", question.strip()) if p.strip()]
    for sentence in reversed(sentences or [question]):
        topic = _sentence_topic(sentence)
        if topic and not _PERSON_START.match(topic):
            return topic
    return None


def _sentence_topic(sentence: str) -> str | None:
    q = _FILLER.sub("", sentence.strip()).rstrip("?.! ")
    m = re.match(r"^(?:what|who)(?:\s+(?:is|are|was|were)|'s|'re)\s+(.+)$", q, re.IGNORECASE)
    if m:
        # "What is Trousseau syndrome" / "What are the symptoms of X" -> X; cut trailing clauses.
        return _noun_phrase_keep_of(_after_aspect(m.group(1)).split()) or None
    m = re.match(r"^(?:what|which)\s+(?:causes?|caused|triggers?|leads? to|is causing)\s+(.+)$", q, re.IGNORECASE)
    if m:
        return _noun_phrase_keep_of(m.group(1).split()) or None
    m = re.match(rf"^how\s+{_AUX}\s+(?:you|they|doctors|we|one|i|people)\s+(?:{_CARE_VERBS})\s+(.+)$", q, re.IGNORECASE)
    if m:
        return _noun_phrase_keep_of(m.group(1).split()) or None
    m = re.match(rf"^(?:which|what)\s+(.+?)\s+{_AUX}\s+(.+)$", q, re.IGNORECASE)
    if m:
        focus = _noun_phrase(m.group(1).split())
        rest = m.group(2).split()
        subject = _noun_phrase(rest)
        # "What symptoms can paraneoplastic syndromes cause" -> the subject; "Which tests are used" -> the focus
        if subject and len(rest) > len(subject.split()) and not _PERSON_START.match(subject):
            return subject
        return focus or None
    m = re.match(r"^(?:which|what)\s+(.+)$", q, re.IGNORECASE)
    if m and not re.match(rf"^(?:which|what)\s+{_AUX}\b", q, re.IGNORECASE):
        found = _noun_phrase(m.group(1).split())
        if found and not _PERSON_START.match(found):
            return found
    m = re.match(r"^(?:is|are)\s+there\s+(?:any\s+|some\s+|other\s+)*(.+)$", q, re.IGNORECASE)
    if m:
        return _noun_phrase_keep_of(m.group(1).split()) or None
    m = re.search(r"\b(?:diagnosed with|suffering from|living with|(?:has|have|had|got) (?:been told (?:he|she|they|i) (?:has|have) )?)\s*(.+)$", q, re.IGNORECASE)
    if m and not re.match(rf"^(?:what|how|why|when|where|which|{_AUX})\b", q, re.IGNORECASE):
        return _noun_phrase_keep_of(m.group(1).split()) or None
    m = re.match(rf"^(?:what|how|why|when|where)\s+{_AUX}\s+(.+)$", q, re.IGNORECASE)
    if m:
        return _noun_phrase(m.group(1).split()) or None
    m = re.match(rf"^{_AUX}\s+(.+)$", q, re.IGNORECASE)
    if m:
        return _noun_phrase(m.group(1).split()) or None
    m = re.match(r"^(?:tell me (?:more )?about|explain|describe|define)\s+(.+)$", q, re.IGNORECASE)
    if m:
        return _after_aspect(_noun_phrase_keep_of(m.group(1).split())) or None
    return None


def _noun_phrase_keep_of(words: list[str]) -> str:
    """Like _noun_phrase but allows 'X of Y' inside the phrase ('role of smoking')."""
    out: list[str] = []
    i = 0
    while i < len(words):
        part = _noun_phrase(words[i:])
        if not part:
            break
        out.append(part)
        i += len(part.split())
        if i < len(words) and words[i].lower() == "of":
            out.append("of")
            i += 1
            continue
        break
    if out and out[-1] == "of":
        out.pop()
    return " ".join(out)


def _head_group(phrase: str) -> str | None:
    last = phrase.split()[-1].lower() if phrase.split() else ""
    return CLASS_GROUPS.get(last)


def _possessive(topic: str) -> str:
    return f"{topic}'" if topic.endswith("s") else f"{topic}'s"


def _is_elliptical(question: str) -> str | None:
    """The fragment of an elliptical follow-up ('the kidneys' in 'What about the kidneys?'), else None."""
    for regex in _ELLIPSIS_RES:
        m = regex.match(question.strip())
        if m and not _QUESTION_START.match(m.group("x").strip()):
            return m.group("x").strip()
    words = question.strip().rstrip("?.!").split()
    if 0 < len(words) <= 3 and question.strip().endswith("?") and not _QUESTION_START.match(question.strip()):
        return " ".join(words)
    return None


def _resolve_ellipsis(fragment: str, previous: str, topic: str) -> str:
    frag = fragment.strip()
    low = frag.lower()
    ones = re.fullmatch(r"(?:the\s+)?(?P<mod>[\w-]+(?:\s+[\w-]+)?)\s+ones?", low)
    if ones:
        return _narrow_previous(ones.group("mod"), previous, topic)
    people = re.match(r"^(?:the\s+)?(?:ones?|people|those)\s+(?P<rel>who|that)\b(?P<rest>.*)$", frag, re.IGNORECASE)
    if people:  # 'what about the ones who don't get better' after 'what's the outlook like'
        return f"{previous.rstrip('?.! ')}: what about patients {people.group('rel')}{people.group('rest')}?"
    prev = previous.rstrip("?.! ")
    restrict = re.match(rf"^(?:(?:for|in|among|with)\s+)?(?:the\s+)?(?P<who>{_POPULATION})$", low)
    swap = re.match(r"^(?:for|about|regarding)\s+(?P<x>.+)$", frag, re.IGNORECASE)
    if swap and not restrict:  # 'and for dermatomyositis?': the same question about another subject
        frag, low, restrict = swap.group("x"), swap.group("x").lower(), None
    elif restrict or re.match(r"^(?:in|among|during|after|before|with|without)\s", low):
        # 'what about in kids?', 'and during chemo?': the same question, narrowed
        return f"{prev} {frag if not restrict or restrict.group(0) != restrict.group('who') else 'in ' + frag}?"
    bare = re.sub(r"^(?:the|its|their)\s+", "", low)
    if re.fullmatch(rf"(?:{_ASPECT_RE})", bare):
        verb = "are" if bare.endswith("s") and bare not in {"diagnosis", "prognosis"} else "is"
        return f"What {verb} the {bare} of {topic}?"
    if re.fullmatch(rf"(?:{_BODY_RE})", bare):
        if re.search(rf"\b(?:the\s+)?(?:{_BODY_RE})\b", prev, re.IGNORECASE):
            return re.sub(rf"\b(?:the\s+)?(?:{_BODY_RE})\b", frag, prev, count=1, flags=re.IGNORECASE) + "?"
        return f"{prev} in {frag}?"
    if topic and topic.lower() in prev.lower() and topic != DEFAULT_TOPIC:
        return re.sub(re.escape(topic), frag, prev, count=1, flags=re.IGNORECASE) + "?"
    return f"{prev}: what about {frag}?"


def _head_noun(previous: str) -> re.Match[str] | None:
    """The first class noun of the previous question ('symptoms' in 'what symptoms can pns cause')."""
    for m in re.finditer(r"[A-Za-z]+", previous):
        if m.group(0).lower() in CLASS_GROUPS and CLASS_GROUPS[m.group(0).lower()] != "generic":
            return m
    return None


def _narrow_previous(modifier: str, previous: str, topic: str) -> str:
    """'the skin ones' after 'what symptoms can pns cause' -> 'what skin symptoms can pns cause?'."""
    prev = previous.rstrip("?.! ")
    head = _head_noun(prev)
    if head is not None:
        before = prev[: head.start()].rstrip()
        last = before.split()[-1] if before.split() else ""
        if last and last.lower() not in _NP_STOP and last.lower() not in _DETERMINERS:
            before = before[: -len(last)].rstrip()  # 'what skin symptoms' + 'the kidney ones' -> 'what kidney symptoms'
        return f"{before} {modifier} {prev[head.start():]}?".lstrip()
    return f"What are the {modifier} {topic}?"


def _resolve_references(question: str, topic: str) -> str:
    """Replace the first anaphoric pronoun or demonstrative phrase with the topic."""
    m = _DEM_NOUN_RE.search(question)
    if m:
        noun = m.group(2)
        group, topic_group = CLASS_GROUPS[noun.lower()], _head_group(topic)
        if group in ("generic",) or topic_group in (None, group):
            replacement = topic
        else:
            replacement = f"the {noun} of {topic}"
        return question[: m.start()] + replacement + question[m.end():]
    m = _first_pronoun(question)
    if m:
        word = m.group(1).lower()
        replacement = _possessive(topic) if word in ("its", "their", "theirs") else topic
        return question[: m.start()] + replacement + question[m.end():]
    m = _DEM_PRONOUN_RE.search(question)
    if m:
        return question[: m.start()] + topic + question[m.end():]
    return question


def _first_pronoun(question: str) -> re.Match[str] | None:
    """The first anaphoric pronoun, skipping an expletive 'it' ('is it true that they ...')."""
    expletive = _EXPLETIVE_IT.search(question)
    for m in _PRONOUN_RE.finditer(question):
        if expletive and m.start() == expletive.start():
            continue
        if m.group(1).lower() == "they" and _AGENT_THEY.match(question, m.start()):
            continue
        return m
    return None


def _needs_context(question: str) -> bool:
    if _DEM_NOUN_RE.search(question) or _DEM_PRONOUN_RE.search(question):
        return True
    return _first_pronoun(question) is not None


def _strip_connective(question: str) -> str:
    stripped = re.sub(r"^(?:and|but|so|also|ok|okay|then)[,\s]+", "", question.strip(), flags=re.IGNORECASE)
    return stripped[:1].upper() + stripped[1:] if stripped else stripped


def rewrite_followup(question: str, history: Iterable[Mapping[str, Any]] | None) -> str:
    """The standalone form of `question` given the earlier turns; unchanged when it needs no context."""
    previous_questions = [restore_apostrophes(t)[0] for t in user_turns(history)]
    if not previous_questions:
        return question
    typed = question
    question = restore_apostrophes(question)[0]
    previous, carried = previous_questions[0], topic_of(previous_questions[0])
    for earlier in previous_questions[1:]:
        previous = _rewrite_one(earlier, previous, carried)
        carried = topic_of(previous) or carried
    rewritten = _rewrite_one(question, previous, carried)
    return typed if rewritten == question else rewritten


def _rewrite_one(question: str, previous: str, carried: str | None = None) -> str:
    """`question` made standalone from the (already standalone) previous question and the topic carried so far."""
    topic = topic_of(previous) or carried or DEFAULT_TOPIC
    if _MORE_OF_THE_SAME.match(question.strip()):
        return previous
    fragment = _is_elliptical(question)
    if fragment is not None:
        return _resolve_ellipsis(fragment, previous, topic)
    one = re.search(r"\b(which|what|that|this|the (?:first|second|last|main|most common)) (ones?)\b", question, re.IGNORECASE)
    head = _head_noun(previous.rstrip("?.! "))
    if one and head is not None:
        question = question[: one.start(2)] + head.group(0) + question[one.end(2):]
    if _needs_context(question):
        return _agree(_strip_connective(_resolve_references(question, topic)), topic)
    return question


def _agree(question: str, topic: str) -> str:
    """'Is paraneoplastic syndromes curable' -> 'Are paraneoplastic syndromes curable'."""
    plural = re.search(r"(?:s|ies)$", topic) and not re.search(r"(?:sis|ss|us)$", topic)
    if plural and question.lower().startswith(f"is {topic.lower()} "):
        return "Are" + question[2:]
    return question
