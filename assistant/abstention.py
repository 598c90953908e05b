"""Decide whether the retrieved passages support an answer at all, before one is shown.

Why a code gate: an extractive answerer always *finds* sentences; the question is whether they answer
what was asked. The article is short and every passage is about one subject, so on-topic questions
the article cannot answer ("What is the five-year survival rate ...?") retrieve passages that look
relevant. Three checks, each explainable in a flag:

1. weak support: the best sentence's similarity to the whole question is below the threshold
   (settings.answer.abstain_threshold, tuned by benchmarks/tune_abstention.py on answerable vs
   unanswerable/out-of-scope questions);
2. a number is asked for (a percentage, rate, dose, "how many", per 100,000 ...) and none of
   the retrieved passages contains a digit: the article states no figures, so any figure would be a guess;
3. the question names a specific thing the corpus never mentions: a word with a digit, an acronym or
   mixed-case name (FDG-PET, anti-Hu), a capitalised proper noun mid-sentence (Italy), or a drug or
   disease name by its ending (-mab, -mide, -blastoma, -clonus, -pathy) that appears nowhere in the
   article, its sources or its bibliography. Never counted: plain numbers ("explain it like I'm 5";
   a figure asked for is check 2's business) and the words the caller passes as known: the years
   the corpus carries (its references' years and dates: "Graber 2023"), abbreviations of the glossary
   (MS, SCLC, LEMS) and the names that identify references (authors, journals such as CONTINUUM,
   sites, StatPearls). A year the corpus never mentions ("the 2016 consensus guidelines") still
   counts: the article cannot say what happened then. Typed in lower case, a condition named by a word the corpus
   never uses before its kind ("stiff person syndrome", "limbic encephalitis") counts too (unknown_condition_names);
4. the question is about a subject the corpus never names: the head word of "what is X", "how is X
   treated", "what causes X", "the signs of X" ("asthma", "type 2 diabetes") is an English word that
   appears nowhere in the corpus (plural and stem variants allowed). Such a question is out of scope
   unless it also names the article's own subject (see safety.mentions_topic(core_only=True));
5. a yes/no question hinges on a cause, a way of spreading or a property of the condition that the corpus never
   names ("is pns contagious", "does stress cause it", "can you catch it from someone":
   assistant/unknown_claims.unknown_claim). Such a question is about the condition even when it only says "it", so
   it is not_found, never out of scope;
6. the question asks which of two things is better and the passages name both in one sentence that ranks neither
   ("is ivig better than plasmapheresis": assistant/unranked_sides.py): a comparison the article does not make.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from assistant.asked_words import Asked
from assistant.clinical_shorthand import DESCRIBING_ATTRIBUTES
from assistant.unranked_sides import unranked_sides
from index.models import ScoredChunk

# How long the condition itself lasts ("how long does it last", "how long do pns symptoms persist"): the article
# answers in words (symptoms persist after cancer treatment, lifelong management), so no figure is asked; how long
# anything else lasts ("how long do the clots last", "how long do ivig side effects last") still asks one.
_CONDITION_LASTS = (r"\s+(?:does|do|will|would|can)\s+(?:it|they|this|these|pns|(?:the\s+)?(?:paraneoplastic\s+)?"
                    r"(?:syndromes?|symptoms|condition)|(?:pns|paraneoplastic(?:\s+syndromes?)?)\s+symptoms)\s+"
                    r"(?:usually\s+|normally\s+|typically\s+)?(?:last|persist|linger|stay|continue)\b")
# Asking for a figure.
NUMBER_ASK = re.compile(
    r"\b(?:what|which|how\s+many)\s*%|%\s*of\b|"  # a percentage asked by its sign: "what % of sclc patients get lems"
    r"\b(?:percentage|percent|per cent|proportion|fraction|how many|how long(?!" + _CONDITION_LASTS + r")|how sensitive|"
    r"how specific|how accurate|sensitivity|specificity|survival rates?|mortality|death rates?|"
    r"(?:incidence|prevalence|response|success|cure|recurrence) rates?|what(?:'s|s|\s+is|\s+are)?\s+(?:the\s+)?(?:[\w-]+\s+)?rates?|\w+-year|per \d[\d,.]*\d|per \d|per (?:hundred|thousand|million)|"
    r"(?:what|which)\s+(?:\w+\s+)?levels?\s+(?:is|are|would be|counts? as)\s+(?:too\s+)?(?:dangerous|normal|high|low|"
    r"safe|risky|critical)|"  # a threshold asked for: "what calcium level is dangerous"
    r"(?:what|which)\s+(?:\w+\s+)?(?:levels?|values?|results?)\s+(?:counts?|is\s+counted|is\s+considered)\s+as|"  # ".. counts as X"
    r"doses?|dosage|dosing|(?-i:mg)|(?<=\d)mg|(?<=\d\s)mg|milligrams?|grams?|kilograms?|kg|ml|thresholds?|cut-?offs?|scores?|odds|ratios?|"
    r"statistics|(?:what|which) (?:is|are) the numbers?|average|on average|median|mean age|(?:at )?what age|how old|life expectancy|"
    r"(?<!\w\s)how (?:often|frequently)|costs?|price|how much (?:does|do|is|are|will)\b(?! \w+ (?:help|matter|work|hurt|affect))|"
    # an amount to take ("how much vitamin d should someone take") and who pays ("does medicare cover it")
    r"how much\s+(?:[\w-]+\s+){1,3}(?:should|do|does|can|must|would)\s+(?:[\w-]+\s+)?(?:i|you|u|we|they|he|she|someone|people|"
    r"patients|one|a person)(?:\s+[\w()-]+){0,6}?\s+(?:take|get|have|use|drink|eat)|insurance|insured|medicare|medicaid|co-?pays?|"
    r"out of pocket|"
    # a duration named by its noun ("recovery time after plasmapheresis", "waiting times for the antibody panel")
    r"(?:recovery|healing|waiting|wait|turnaround|survival)\s+times?|"
    # a date asked for ("when was it first described"): the article gives none
    r"when\s+(?:was|were)\s+(?:[\w-]+\s+){0,4}?(?:first\s+)?(?:discovered|named|described|identified|found|invented|recognized))\b",
    re.IGNORECASE,
)  # "mg" is a unit in lower case or after a number; "MG" alone is myasthenia gravis (the glossary's)
_DIGIT = re.compile(r"\d")
# Endings that mark drug and disease names (INN stems and pathology suffixes).
SPECIFIC_SUFFIXES = (
    "mab", "nib", "mide", "mycin", "cillin", "platin", "taxel", "statin", "sartan", "pril", "olol", "azole",
    "vir", "blastoma", "sarcoma", "clonus", "pathy", "itis", "osis", "emia", "aemia", "plegia", "trexate",
    "lizumab", "ximab", "phamide", "tinib",
)
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.-]*[A-Za-z0-9]|[A-Za-z0-9]")
_SENTENCE_START = re.compile(r"(?:^|[.?!:;]\s+|[\"“(]\s*)$")
# A plain number ('5', '1,000', '3.5', '5th') names nothing specific; a year ('2016', '2025a') may.
_YEAR = re.compile(r"^(?:19|20)\d\d(?:[a-z]|s)?$", re.IGNORECASE)
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?$", re.IGNORECASE)


# "what is X", "how is X treated", "what causes X", "what are the early signs of X", "tell me about X"
_ASPECT_OF = (r"(?:(?:early|first|main|common|usual|warning|typical)\s+)?(?:signs?|symptoms?|causes?|treatments?|"
              r"risk factors|complications|types|cures?|prognosis|outlook)\s+(?:of|for)\s+")
_SUBJECT_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"^(?:what|who)(?:\s+(?:is|are)|'s)\s+(?:a |an |the )?(?:{_ASPECT_OF})?(?P<x>.+)$",
    r"^how\s+(?:is|are|do you|do doctors|can you|should you)\s+(?P<x>.+?)\s+(?:treated|diagnosed|cured|managed|prevented|tested|detected|caused)\b",
    r"^how\s+(?:(?:do|can|should|would)\s+(?:you|doctors|they|i|we|one)|to)\s+(?:treat|diagnose|cure|manage|prevent|test for|"
    r"detect|get rid of|lower|reduce|raise|fix|stop)\s+(?P<x>.+)$",
    rf"^{_ASPECT_OF}(?P<x>.+)$",  # a bare aspect: "symptoms of the flu"
    r"^what\s+causes\s+(?P<x>.+)$",
    r"^(?:tell me about|explain|define|describe)\s+(?P<x>.+)$",
))
SUBJECT_END = re.compile(r"\s+(?:in|for|with|on|at|to|from|during|after|before|and|or|like|when|if|that|which|"
                          r"though|then|too|anyway|please|fast|quickly|quick|naturally|asap|called|named)\b.*$", re.IGNORECASE)  # then chat
# fillers; "called", "named": "whats the antibody test called" asks the name of the test, its head word
# A preposition left at the end ("what are oligoclonal bands about", "what is that test for"): it names nothing.
STRANDED = re.compile(r"(?:\s+(?:about|of|by|for|with|on|to|from))+$", re.IGNORECASE)
STOP = frozenset("a an the this that these those some any my your his her our their it its".split())
# Head words that name no subject: people and generic nouns ("how are kids treated", "the main thing").
GENERIC = frozenset(
    "thing things stuff way ways point points difference differences reason reasons idea ideas part parts kind kinds "
    "type types name names best main most one ones people person persons someone somebody patient patients kids kid "
    "children child baby babies men man women woman adults adult elderly teens teenagers family families friend "
    "friends doctor doctors mom mum dad mother father husband wife son daughter age ages time times day days year "
    "years chance chances risk risks evidence example examples answer question questions".split()
)


def subject_word(question: str) -> str | None:
    """The head word of what a 'what is X' / 'how is X treated' question asks about, or None."""
    q = question.strip().rstrip("?.! ")
    for pattern in _SUBJECT_PATTERNS:
        m = pattern.match(q)
        if m:
            phrase = SUBJECT_END.sub("", STRANDED.sub("", m.group("x")))
            if re.match(r"(?:it|them)\b", phrase.strip(), re.IGNORECASE):
                return None  # "how do they treat it basically": the object is the condition itself, the rest a filler
            words = [w for w in re.findall(r"[a-z]+", phrase.lower()) if w not in STOP]
            if phrase != m.group("x") and len(words) > 1 and words[-1].endswith("ing"):
                words.pop()  # "new treatments trying (to do)", "the tap looking (for)": a verb, not the head noun
            return words[-1] if words else None
    return None


# A question restricted to a group of people ("can children get it", "more common in men or women"): when the
# corpus never names the group, it cannot say anything about that group.
_GROUP = re.compile(r"\b(?:children|child|kids?|babies|baby|infants?|toddlers?|teens?|teenagers?|adolescents?|"
                    r"elderly|men|women|males?|females?|pregnant|pregnancy|dogs?|cats?|pets?|animals?|"
                    # an age group by its adjective ("is pns more common in young people", "older patients")
                    r"young|younger|older|seniors?|youth|youngsters?|teenage)\b", re.IGNORECASE)
_GROUP_ASK = re.compile(r"^(?:can|do|does|are|is|will|could|would)\b|\b(?:more|less)\s+(?:common|likely|often)\b|"
                        r"\b(?:in|for|among)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _never_used(word: str, vocab: frozenset[str]) -> bool:
    # a cut-down variant under 3 letters ('kids' -> 'k') would match a stray letter of the corpus ("e.g.")
    variants = {v for v in (word, word + "s", word + "es", word[:-1], word[:-2], word[:-3]) if len(v) >= 3}
    stem = word[:6] if len(word) >= 6 else word  # 'diagnosis' ~ 'diagnostic'; clipped 'chemo', 'rehab'
    return not (variants & vocab or any(v.startswith(stem) for v in vocab))


def unknown_group(question: str, vocab: frozenset[str]) -> str | None:
    """The group of people a yes/no or comparison question is restricted to, when the corpus never names it.

    Why: "can children get paraneoplastic syndromes?" or "is it more common in men or women?" retrieve the
    definition (every word but the group is on topic), so the similarity gate lets them through; the article
    says nothing about any such group (self-written audit bank, benchmarks/results/fresh_audit.md).
    """
    q = question.strip()
    for m in _GROUP.finditer(q):
        if m.group(0).isupper():  # an acronym ('PET scan'), not a group
            continue
        word = m.group(0).lower()
        if (_GROUP_ASK.search(q) or _GROUP_ASK.search(q[: m.start()])) and _never_used(word, vocab):
            return word
    return None


def unknown_subject(question: str, vocab: frozenset[str], english: frozenset[str],
                    common: frozenset[str] | None = None) -> str | None:
    """The subject's head word when it is an English word the corpus never uses (check 4), else None. A three-letter
    word counts only when it is not one of the `common` English words ("the flu" names a disease; "the way" does not);
    without `common`, only words of four letters or more. A subject offered with alternatives ("exercise or physio",
    "diet and supplements") is unknown only when every alternative is: the article can answer the one it names."""
    word = subject_word(question)
    short = len(word or "") == 3 and common is not None and word not in common
    if word is None or (len(word) < 4 and not short) or word not in english or word in GENERIC:
        return None
    if word in DESCRIBING_ATTRIBUTES:  # "derm findings in pns": an attribute asked of the subject, not a subject
        return None
    if short:  # no clipped form of a longer word ("flu" is not "fluids")
        unknown = not ({word, word + "s"} & vocab)
    else:
        unknown = _never_used(word, vocab)
    if not unknown:
        return None
    others = _alternatives(question, word)  # an alternative is known by its leading letters too ('physio' ~ 'physical')
    known = [w for w in others if not _never_used(w, vocab) or (len(w) >= 5 and any(v.startswith(w[:5]) for v in vocab))]
    return None if known else word


def _alternatives(question: str, word: str) -> list[str]:
    """The words offered with the subject's head word by 'or'/'and' ('physio' in 'what is exercise or physio for it')."""
    m = re.search(rf"\b{re.escape(word)}\s+(?:or|and|and/or)\s+(?:the\s+|a\s+|an\s+)?(?P<x>[a-z][\w-]*)", question.lower())
    return [m.group("x")] if m and m.group("x") not in STOP else []


@dataclass(frozen=True)
class Support:
    """The gate's verdict and the evidence behind it (shown in Answer.flags)."""

    supported: bool
    score: float
    reasons: list[str] = field(default_factory=list)
    # The passages were close enough and only a restriction to an unnamed group stopped the answer: the
    # question is on the article's subject even when it says "it" ("is it more common in men or women?").
    on_topic_restriction: bool = False
    # The passages were close enough and only a figure they do not state stopped the answer ("how long do people
    # live with it"): on the subject when the question names nothing else (the caller knows the words).
    figure_only: bool = False


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Lower-cased word forms of the corpus (article, sources, bibliography), for 'never mentioned' checks."""
    words: set[str] = set()
    for text in texts:
        for token in _TOKEN.findall(text):
            low = token.lower().replace("’", "'")
            words.add(low)
            words.update(p for p in re.split(r"[-'.]", low) if p)
    return frozenset(words)


def unknown_specific_terms(question: str, vocab: frozenset[str], known: frozenset[str] = frozenset()) -> list[str]:
    """Specific-looking words of the question that the corpus never uses (numbers and `known` words never are)."""
    found: list[str] = []
    for m in _TOKEN.finditer(question):
        token = m.group(0).strip(".'’")
        low = token.lower().replace("’", "'")
        if not token or low in vocab or low in known or (_YEAR.match(token) and low[:4] in known):
            continue
        if _NUMBER.match(token) and not _YEAR.match(token):
            continue
        parts = [p for p in re.split(r"[-'.]", low) if p]
        at_start = bool(_SENTENCE_START.search(question[: m.start()]))
        has_digit = bool(_DIGIT.search(token))
        # an acronym or a mixed-case name (FDG-PET, anti-Hu, PNS-Care); a lone 'I' is not one
        mixed_case = any(c.isupper() for c in token[1:]) or (token[0].isupper() and "-" in token and not at_start)
        proper_noun = token[0].isupper() and not at_start and token != "I"
        suffix = len(low) > 6 and low.endswith(SPECIFIC_SUFFIXES)
        if (has_digit or mixed_case or proper_noun or suffix) and not all(p in vocab or p in known for p in parts):
            found.append(token)
    return found


# A specific name typed in lower case, which the capitalisation checks above cannot see (read in the turn's own
# words only: a follow-up about "them" after "anti hu antibodies what are they" asks how they are tested): an antibody ("anti yo",
# "anti-ri") or a code or version ("icd 10", "covid-19"): a short word joined to what names it. Counted only when the
# short word is no word of the corpus ("stage 4", "type 2", "anti inflammatory" are not names of this kind) and the
# number is short (a year after a word, "in 2024", is the year check's business).
_TYPED_NAME = re.compile(r"\banti[-\s](?P<antibody>[a-z]{1,4})\b|\b(?P<code>[a-z]{2,5})[-\s]?\d{1,3}\b", re.IGNORECASE)


# Chat shorthand a number follows that names nothing: "im 45", "wk 2", "3 yrs" typed as "yrs 3".
_NOT_A_NAME = frozenset("im ive id ur u yr yrs wk wks hr hrs mo mos min mins sec age".split())


def typed_names(question: str, words: frozenset[str]) -> list[str]:
    """Lower-case antibody and code names (`_TYPED_NAME`) whose word is none of `words` (nor chat shorthand)."""
    return [m.group(0) for m in _TYPED_NAME.finditer(question)
            if (m.group("antibody") or m.group("code")).lower() not in words | _NOT_A_NAME]


# A condition named in lower case by the word before its kind ("stiff person syndrome", "limbic encephalitis", "heart
# disease"): when the corpus never uses that word, the article cannot say anything about the condition it names.
_CONDITION_NAME = re.compile(r"\b(?P<name>[a-z][a-z'’-]*)\s+(?:syndromes?|diseases?|disorders?|encephalitis|degeneration|"
                             r"myelitis|neuropathy|encephalopathy)\b", re.IGNORECASE)


def unknown_condition_names(question: str, vocab: frozenset[str], known: frozenset[str] = frozenset()) -> list[str]:
    """Conditions the question names by a word the corpus never uses (`_CONDITION_NAME`); a determiner, a person
    ("my moms disease") or a word of the corpus in any of its forms ("myasthenic", "genetic") names none."""
    found: list[str] = []
    for m in _CONDITION_NAME.finditer(question):
        word = re.sub(r"['’]s?$", "", m.group("name").lower())
        if len(word) < 3 or word in STOP or word in GENERIC or word.rstrip("s") in GENERIC or word in known:
            continue
        if _never_used(word, vocab) and all(_never_used(p, vocab) for p in word.split("-")):
            found.append(m.group(0).lower())
    return found


def check_support(
    question: str,
    hits: Sequence[ScoredChunk],
    best_similarity: float,
    threshold: float,
    vocab: frozenset[str],
    require_figures: bool = True,
    known: frozenset[str] = frozenset(),
    subject: str | None = None,
    unaddressed: Sequence[str] = (),
    asked: Asked | None = None,
) -> Support:
    """Whether the passages support answering `question` (see the module docstring for the three checks).

    `subject`: the unknown subject found by `unknown_subject` (check 4), computed by the caller.
    `unaddressed`: a follow-up's ask words the corpus never uses (assistant/unaddressed_asks.unaddressed_ask).
    `require_figures=False` skips the figures check: a personal-advice question ("how much X should I
    take?") still gets general, cited information about X, never a figure.
    `asked`: what a follow-up asks itself (assistant/asked_words.py); the figure, term and group checks read it
    instead of the whole rewrite, so a refused figure or unknown word of an earlier turn is not carried into this one.
    """
    asked = asked or Asked(terms=question, figures=question)
    reasons: list[str] = []
    if not hits:
        reasons.append("no passage retrieved")
    if best_similarity < threshold:
        reasons.append(f"weak support: best similarity {best_similarity:.2f} < threshold {threshold:.2f}")
    ask = NUMBER_ASK.search(asked.figures)
    if require_figures and ask and hits and not any(_DIGIT.search(h.chunk.text) for h in hits):
        reasons.append(f"asks for a figure ({ask.group(0)!r}) but no retrieved passage states one")
    unknown = unknown_specific_terms(asked.terms, vocab, known)
    unknown += [n for n in typed_names(asked.figures, vocab | known) if n not in unknown]  # typed in this turn
    unknown += [n for n in unknown_condition_names(asked.terms, vocab, known) if n not in unknown]
    if unknown:
        reasons.append(f"names terms the article and its sources never mention: {', '.join(unknown)}")
    if subject:
        reasons.append(f"asks about {subject!r}, which the article and its sources never mention")
    if unaddressed:
        reasons.append(f"the question asks about {', '.join(repr(w) for w in unaddressed)}, which the article "
                       "does not address (its words are not the corpus's, or not the passages' found for it)")
    unranked = unranked_sides(asked.terms, (h.chunk.text for h in hits))
    if unranked is not None:
        reasons.append(f"asks which of {unranked.sides[0]!r} and {unranked.sides[1]!r} is better; the article names "
                       "them together and ranks neither")
    group = unknown_group(asked.terms, vocab)
    if group:
        reasons.append(f"asks about {group!r}, a group the article and its sources never mention")
    restriction_only = bool(group) and len(reasons) == 1
    figure_only = len(reasons) == 1 and reasons[0].startswith("asks for a figure")
    return Support(supported=not reasons, score=best_similarity, reasons=reasons, on_topic_restriction=restriction_only,
                   figure_only=figure_only)
