"""Yes/no asks about an effect of the condition, or a thing acting on it, that the article never names.

Why: "does pns make your eyes go yellow", "can it give you hiccups", "does drinking milk help pns" or "is green tea
bad for pns" retrieve the symptom and treatment lists (every other word is on topic), so the similarity gate lets them
through and the answer lists symptoms that do not say yes or no. The article lists its effects and its treatments;
an effect or an agent none of whose words it uses, in any of their forms, in its lay-word map
(assistant/data/lay_terms.json: "fits" -> seizures, "throw up" -> vomiting, "forgetful" -> memory problems) or in
the family of its words (the bundled MiniLM word vectors, assistant/claim_evidence.WordFamily: "tired" -> fatigue,
"itchy" -> itching, "swollen" -> swelling), is one the article cannot answer: not_found, never out of scope (the
question is about the condition even when it says "it").

A phrase some of whose words the article knows is still one it cannot answer when no sentence of the article says it:
"hearing loss" ("weight gain or loss"), "kidney stones" ("serious kidney diseases"), "low blood pressure" ("high
blood pressure"), "liver damage" ("severe joint damage") are words of the article, never that relation. So every
content word of the phrase must stand in one article sentence (claim_evidence.ClaimEvidence.uncovered), as itself or,
for a word the article never uses, as a word of its family or its lay-word map entry ("swollen joints": "Joint pain
and swelling"; "protein in your pee": "protein in the urine"; "make it hard to walk": "difficulty walking"). A word
the article uses stands only for itself: its family would reach its opposite ("low" ~ "high" 0.6). The same holds
for "is X used to treat pns", "is X a kind of pns", "does X raise the risk of pns" and "can pns affect your X" (a
body part named only as a cancer's site, "lung cancer", is not one the condition is said to affect).
The family threshold is higher than the property family's (0.55): a body part is
near the article's other body parts ("eyes" ~ "brain" 0.53, "hair" ~ "skin" 0.59) without being one it names.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING

from assistant.aspects import ASPECT_RE
from assistant.clinical_shorthand import DESCRIBING_ATTRIBUTES
from assistant.word_forms import stem

if TYPE_CHECKING:
    from assistant.claim_evidence import ClaimEvidence

# A word of an effect or agent phrase is the article's when one of its words is at least this close (MiniLM cosine;
# measured: 'tired' ~ 'fatigue' 0.72, 'dizzy' ~ 'dizziness' 0.81, 'chemo' ~ 'chemotherapy' 0.76, while 'hair' ~
# 'skin' 0.59, 'blind' ~ 'impairment' 0.57, 'eyes' ~ 'brain' 0.53, 'smell' ~ 'smoking' 0.51 are other things).
EFFECT_SIMILARITY = 0.6
# The closest family word stands for the asked word only when the article uses it in at most this many sentences:
# one it uses everywhere is a broader word ("liver" ~ "organs", 5 sentences; "vaccine" ~ "immune", 13), while its
# synonyms of symptoms are used once or twice ("tired" ~ "fatigue" 2, "swollen" ~ "swelling" 2, "hard" ~
# "difficult" 1).
FAMILY_SPREAD = 3

_CONDITION = r"(?:it|this|pns|paraneoplastic\s+syndromes?|these\s+syndromes)"
_NAMED = re.compile(r"\b(?:pns|paraneoplastic(?:\s+syndromes?)?|these\s+syndromes)\b", re.IGNORECASE)
_ASK = r"^(?:does|do|can|could|will|would|might|may|should)\s+"
# "does pns cause hiccups", "can it make your hair fall out", "can it give u a fever", "can pns affect your bladder":
# the condition's effect, or the part of the body it acts on.
_EFFECT = re.compile(rf"{_ASK}(?:{_CONDITION}|paraneoplastic)\s+(?:cause|causes|give|make|lead\s+to|bring\s+on|"
                     rf"trigger|mess\s+up|mess\s+with|affect|affects|damage|harm|hurt|attack)\s+(?P<x>.+)$", re.IGNORECASE)
# "ringing in the ears from pns?", "stiff neck with pns?": a hurried ask with no verb, a symptom and the condition named
# after it, asks whether the condition causes it (a question word or a verb first asks something else).
_FRAGMENT = re.compile(r"^(?!(?:what|whats|how|why|when|where|who|which|is|are|was|does|do|did|can|could|will|would|"
                       r"should|may|might|tell|explain|describe|define|so|and|but)\b)(?P<x>[a-z][a-z\s,]*?)\s+"
                       r"(?:from|with|in|because\s+of|due\s+to)\s+(?:pns|paraneoplastic\s+syndromes?)$", re.IGNORECASE)
# A fragment naming an aspect of the condition ("treatment principle re the immune response in pns", "skin symptoms
# with pns") asks about that aspect, which the article answers in its own words, not whether the condition causes it.
_ASPECT_WORD = re.compile(rf"\b(?:{ASPECT_RE})\b", re.IGNORECASE)
# A fragment has no verb of its own: "if they catch the cancer early do people get better from pns" is a whole
# question (its auxiliary "do" stands mid-sentence), not a symptom named before the condition.
_CLAUSE_VERB = re.compile(r"\b(?:is|are|was|were|does|do|did|can|could|will|would|should|may|might)\b", re.IGNORECASE)
# "do your nails change with pns", "does your skin itch from it": the body part first, the condition after it.
_BODY_EFFECT = re.compile(rf"{_ASK}(?P<x>(?:your|ur|my|the|his|her)\s+.+?)\s+(?:with|from|because\s+of|due\s+to)\s+"
                          rf"{_CONDITION}$", re.IGNORECASE)
# "does obesity raise the risk of pns": a risk the article names says so where it names the condition.
_RISK = re.compile(rf"{_ASK}(?P<x>.+?)\s+(?:raise|raises|increase|increases|lower|lowers|reduce|reduces)\s+"
                   rf"(?:the\s+|your\s+)?(?:risk|chance|chances|odds)\s+(?:of|for)\s+(?:getting\s+|developing\s+)?"
                   rf"{_CONDITION}\b", re.IGNORECASE)
# "does drinking milk help pns", "can zinc prevent it", "is green tea bad for pns", "is there a vaccine against pns",
# "can you drink beer on steroids for pns".
_AGENTS = (*(re.compile(p, re.IGNORECASE) for p in (
    rf"{_ASK}(?P<x>.+?)\s+(?:help|helps|prevent|prevents|stop|stops|cure|cures|treat|treats|fix|reverse|worsen|slow|"
    rf"improve|protect\s+against)\s+(?:with\s+|against\s+|for\s+)?(?:the\s+\w+\s+(?:kind|type)\s+of\s+)?{_CONDITION}\b",
    rf"{_ASK}(?P<x>.+?)\s+(?:make|makes)\s+(?:{_CONDITION}|(?:the\s+|its\s+)?symptoms)\s+worse\b",
    r"^(?:is|are)\s+(?P<x>.+?)\s+(?:good|bad|ok|okay|safe|helpful|harmful|dangerous|useful|healthy)\s+"
    r"(?:for|with|during|on)\b",
    # "can you drink beer on steroids for pns", "can i take aspirin with pns": a thing taken, the condition named after
    rf"{_ASK}(?:you|u|i|we|people|someone|patients)\s+(?:take|use|drink|eat|try|have)\s+(?P<x>.+?)\s+"
    rf"(?:for|with|on|during|while)\b.*\b{_CONDITION}\b",
    rf"^(?:is|are)\s+there\s+(?:a|an|any)\s+(?P<x>.+?)\s+(?:for|against|to\s+prevent|to\s+stop)\s+{_CONDITION}\b",
    # "is azathioprine used to treat pns", "does tylenol help the joint pain from pns", "is limbic encephalitis a
    # kind of pns", "is stress linked to pns"
    rf"^(?:is|are)\s+(?P<x>.+?)\s+(?:used|given|prescribed)\s+(?:to\s+treat|for|in|against)\s+{_CONDITION}\b",
    rf"{_ASK}(?P<x>.+?)\s+(?:help|helps|ease|relieve)\s+(?:with\s+)?(?:the\s+|your\s+)?(?:\w+\s+){{0,3}}"
    rf"(?:from|of|in|with|for|caused\s+by)\s+{_CONDITION}\b",
    rf"^(?:is|are)\s+(?P<x>.+?)\s+(?:(?:a|an|one)\s+(?:(?:kind|type|form|sort)\s+of\s+)?|(?:linked|related|"
    rf"connected)\s+to\s+|associated\s+with\s+|part\s+of\s+)(?:the\s+)?{_CONDITION}\b",
)), _RISK)
# Words of the phrase that say how the thing is taken or felt, not what it is ("taking zinc", "make you feel dizzy"),
# or only that something is wrong with it ("breathing problems", "mood changes", "memory loss", "liver damage") or
# that it is touched at all, the clinician's way ("renal involvement", "skin manifestations"): the thing itself is what
# a sentence must say.
_FRAME = frozenset("you your ur people someone anyone taking eating drinking using wearing having getting doing feel "
                   "feeling really very super extremely quite totally lot lots all time look looks looking together "
                   "words things stuff level levels going amount amounts problem problems issue issues trouble troubles "
                   "change changes loss damage involvement involvements manifestation manifestations".split()) | DESCRIBING_ATTRIBUTES
# (a clinician's attribute noun, "derm findings in pns", "lp indication": the description asked of the subject)
_TAIL = re.compile(r"\s+(?:when|if|that|which|while|because|though|after|before|during)\b.*$|"
                   r"\s+(?:and|or|but)\s+(?:what|how|which|who|when|where|why|is|are|can|could|do|does|should|will|"
                   r"would)\b.*$", re.IGNORECASE)
# Between the things of one ask: "nausea n diarrhea", "too many red blood cells or clotting problems".
_JOINS = re.compile(r"\s*(?:,|&|/|\band\b|\bor\b|\bn\b|\bplus\b)\s*", re.IGNORECASE)
# Words that say when, how often or how fast a symptom comes, never what it is ("itchy at night", "tired every day",
# "lose weight fast"): a closed class of English time and speed words (adverbs in -ly are read by their form,
# `_adverb`).
_WHEN = frozenset("night nights nighttime day days daily daytime morning mornings evening evenings week weeks month "
                  "months year years hour hours always sometimes often forever again anymore today tonight "
                  "overnight every each fast quick slow sudden gradual".split())
# Words that only say a function is hard ("hard to breathe": the article's "trouble breathing"); unlike `_FRAME`
# words they are left out only when what is hard is named and said ("hard to see" names nothing the article says).
_HARD = frozenset("hard harder difficult difficulty".split())
# The place a symptom is asked of: the noun after a place preposition ("weak in the legs", "clots in my leg") or the
# body part a "make your X Y" ask is about ("make your arms weak").
_PLACE = re.compile(r"\b(?:in|on|around|inside|under|behind|across)\s+(?:(?:the|your|my|ur|his|her|their|both|one|a)"
                    r"\s+)?(?P<w>[a-z]+)|^\s*(?:your|my|ur|his|her|their)\s+(?P<o>[a-z]+)\s+[a-z]", re.IGNORECASE)


def phrase_words(phrase: str, generic: Collection[str], is_stopword: Callable[[str], bool]) -> list[str]:
    """The content words of an effect or agent phrase: no stopwords, very frequent words or framing words."""
    phrase = _TAIL.sub("", phrase)
    return [w for w in re.findall(r"[a-z]+", phrase.lower())
            if len(w) >= 3 and not is_stopword(w) and w not in generic and w not in _FRAME]


def _adverb(word: str, english: Collection[str]) -> bool:
    """An English adverb in -ly made from a word ("quickly", "suddenly", "daily"), not a noun that ends so ("family",
    "belly")."""
    return len(word) >= 5 and word.endswith("ly") and (word[:-2] in english or word[:-3] + "y" in english)


def qualifiers(part: str, words: Sequence[str], english: Collection[str]) -> tuple[set[str], set[str]]:
    """(the words of an asked effect that say when or how it comes, the words that say where in the body): what
    narrows the asked symptom without naming it ("weak in the legs", "weight loss quickly", "itchy at night", "hard to
    breathe")."""
    when = {w for w in words if w in _WHEN or w in _HARD or _adverb(w, english)}
    where = {m.group("w") or m.group("o") for m in _PLACE.finditer(part.lower())} & set(words)
    return when, where - when


def asked_match(question: str, first_turn: bool) -> re.Match[str] | None:
    """The effect, agent or risk pattern's match on a yes/no ask about the condition, or None. On a follow-up "it" may
    be the previous turn's treatment, so the condition must be named there; on a first turn "it" is the article's
    subject. Which pattern matched (`.re`) says what is asked: an effect, a risk, or an agent."""
    q = re.sub(r"[?.!\s]+$", "", question.strip())
    if not first_turn and not _NAMED.search(q):
        return None
    fragment = _FRAGMENT.match(q)
    if fragment is not None and (_ASPECT_WORD.search(fragment.group("x")) or _CLAUSE_VERB.search(fragment.group("x"))):
        fragment = None
    m = _EFFECT.match(q) or fragment or _BODY_EFFECT.match(q) or next((m for p in _AGENTS if (m := p.match(q))), None)
    if m is None or (m.re is _AGENTS[2] and not re.search(rf"\b{_CONDITION}\b", q[m.end("x"):], re.IGNORECASE)):
        return None
    return m


def word_choices(phrase: str, words: Sequence[str], used: Callable[[str], bool],
                 near: Callable[[str], Sequence[str]], lay: Callable[[str], Sequence[str]]) -> list[list[frozenset[str]]]:
    """Per content word, the stem sets an article sentence may say it with: the word itself; for a word the article
    never `used`, also its family (`near`) and its lay-word map entries; for any word, the medical words of the lay
    phrase it stands in ("throw up": vomiting; "family history": genetically), less what a word of that phrase
    brings alone ("skin" of "skin turn")."""
    tokens = re.findall(r"[a-z]+", phrase.lower())
    phrasal: dict[str, set[str]] = {}
    for size in (2, 3, 4):
        for start in range(len(tokens) - size + 1):
            window = tokens[start:start + size]
            alone = {m for t in window for m in lay(t)}
            for medical in set(lay(" ".join(window))) - alone:
                for token in window:
                    phrasal.setdefault(token, set()).add(medical)
    choices = []
    for word in words:
        alternatives = [*([] if used(word) else [*near(word), *lay(word)]), *sorted(phrasal.get(word, ()))]
        options = [frozenset({stem(word)})]
        options += [frozenset(stem(w) for w in re.findall(r"[a-z]+", a.lower())) for a in alternatives]
        choices.append(options)
    return choices


def closest_family(family: Sequence[str], evidence: ClaimEvidence) -> list[str]:
    """The asked word's closest family word and its other forms ("hard": "difficult", "difficulty"), or none when
    that word is a broader one the article uses in many sentences ("liver" ~ "organs" 0.67, before "kidney" 0.62;
    "vaccine" ~ "immune") or only of what the condition is mistaken for ("antibiotics": "other infections"), or a kind
    whose members the article lists ("constipation" ~ "gastrointestinal", whose listed members are nausea, vomiting
    and diarrhea)."""
    if not family or not evidence.predicated(family[0]) or evidence.spread(family[0]) > FAMILY_SPREAD \
            or evidence.lists_members(family[0]):
        return []
    return [w for w in family if w[:5] == family[0][:5]]


def unlisted_word(question: str, first_turn: bool, known: Callable[[str], bool],
                  near: Callable[[str], Sequence[str]], lay: Callable[[str], Sequence[str]], generic: Collection[str],
                  is_stopword: Callable[[str], bool], evidence: ClaimEvidence | None = None,
                  long_form: Callable[[str], str | None] = lambda word: None,
                  english: Collection[str] = frozenset()) -> str | None:
    """The first word of an asked effect or agent that the article never says (module docstring), else None.

    `known`: the corpus uses the word in some form; `near`: the article's words of its family (EFFECT_SIMILARITY);
    `lay`: the article's words the lay-word map gives the text; `evidence`: the article's sentences, which must
    say the whole phrase (without it, one known word is enough); `long_form`: an abbreviation's words ("sclc");
    `english`: the English words, by which an adverb in -ly is known.

    A phrase no sentence says whole is still the article's when the symptom it names is, and only words saying when
    or how it comes (`qualifiers`) are left out, or the place it is asked of where the sentence places the symptom
    everywhere in the body (claim_evidence.ClaimEvidence.placed_everywhere): "can pns make u weak in the legs" is
    answered by "Muscle weakness", while "pain in the eyes" is not by "shoulder, neck, and hip pain"."""
    ask = asked_match(question, first_turn)
    if ask is None:
        return None
    phrase = ask.group("x")
    words = phrase_words(phrase, generic, is_stopword)
    if not words:
        return None
    if evidence is not None:
        said = lambda w: closest_family(near(w), evidence)  # noqa: E731
        article_words = lambda text: [*lay(text), *filter(None, [long_form(text)])]  # noqa: E731
        effect, naming = ask.re in (_EFFECT, _FRAGMENT, _BODY_EFFECT), ask.re is _RISK
        # "too many red blood cells or clotting problems": each thing asked stands in a sentence of its own, and
        # the question is answered when the article says one of them
        missing: list[str] = []
        for part in (p for p in _JOINS.split(_TAIL.sub("", phrase)) if p.strip()):
            part_words = phrase_words(part, generic, is_stopword)
            if not part_words:
                continue
            gaps = evidence.uncovered(word_choices(part, part_words, evidence.uses_stem, said, article_words),
                                      effect=effect, naming=naming)
            if not gaps:
                return None
            when, where = qualifiers(part, part_words, english)
            for dropped in (when, when | where):  # the place is left out only where the sentence places it everywhere
                core = [w for w in part_words if w not in dropped]
                if not core or len(core) == len(part_words):
                    continue
                choices = word_choices(part, core, evidence.uses_stem, said, article_words)
                if not evidence.uncovered(choices, effect=effect, naming=naming) and (
                        dropped is when or evidence.placed_everywhere(choices)):
                    return None
            # the word named as missing is one of the symptom's own, never a word saying when it comes ("sweats")
            missing.append(next((part_words[g] for g in gaps if part_words[g] not in when), part_words[gaps[0]]))
        return missing[0] if missing else None
    if lay(phrase) or any(known(w) for w in words):
        return None
    if any(near(w) for w in words) or (len(words) > 1 and near(" ".join(words))) or near(phrase.strip().lower()):
        return None
    return words[0]
