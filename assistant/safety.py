"""Medical-safety gate, run in code BEFORE retrieval: emergencies, personal advice, off-topic questions.

Why rules and not a model: these decisions must be predictable, reviewable and testable. Each rule is
a named regular expression in a table (assistant/safety_rules.py, assistant/personal_case_rules.py), so a reviewer can read exactly what
triggers what, and a test can name the rule that fired. The patterns look for *urgency in the first or third person, now*
("he is seizing", "I can't breathe") or for *a decision about a specific person* ("should I stop my
chemo", "do I have PNS") rather than for medical words alone: "can paraneoplastic syndromes cause
seizures?" is an ordinary informational question and must be answered from the article.

Out-of-scope is decided in two steps: `mentions_topic` checks the question against a vocabulary of the
article's subject (below); the assistant then combines that with retrieval support (see api.py), so a
question without topic words is only refused when retrieval also finds nothing relevant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from assistant.lay_emergency_rules import LAY_EMERGENCY_RULES
from assistant.mild_signs import mild_framing
from assistant.personal_case_rules import CASE_RULES, PERSONAL_RULES, asks_about_anyone
from assistant.safety_framing import framing
from assistant.safety_rules import CHEMO, EMERGENCY_RULES, KIND_OF, WHO, Category, Rule, span_between  # noqa: F401 (re-exported)


# Words of the article's subject. A question with none of these is a candidate for out_of_scope;
# it is refused only when retrieval support is weak too (a topic word list can never be complete).
TOPIC_STEMS: tuple[str, ...] = (
    # the subject
    "paraneoplast", "pns", "syndrom", "cancer", "tumor", "tumour", "malignan", "oncolog", "neoplas", "carcinom",
    "lymphoma", "leukemia", "leukaemia", "metasta", "thymoma", "teratoma", "melanoma", "myeloma", "sclc", "nsclc",
    # mechanism
    "immun", "antibod", "autoantibod", "autoimmun", "antigen", "cytokin", "peptide", "hormon", "secret",
    "anti-hu", "anti-yo", "anti-ri", "anti-ma", "nmda", "vgcc", "onconeural", "cross-react",
    # organ systems and named syndromes
    "neuro", "nerve", "brain", "spinal", "cerebell", "encephal", "myelit", "neuropath", "ataxi",
    "endocrin", "cushing", "hypercalc", "calcium", "siadh", "sodium", "hyponatr", "acth", "pth",
    "dermat", "skin", "rash", "itch", "acanthosis", "pemphig", "hematolog", "haematolog", "blood", "anemi",
    "anaemi", "thrombo", "clot", "trousseau", "platelet", "kidney", "renal", "nephr", "joint", "rheumat",
    "arthr", "muscle", "myasthen", "lambert", "eaton", "lems", "myositis", "opsoclon",
)
# Stems above name the article's own subject; those below (symptoms, care, medicine in general) also
# belong to many other subjects, so they cannot make a question about asthma or diabetes on-topic.
GENERAL_STEMS: tuple[str, ...] = (
    # symptoms
    "symptom", "sign", "weakness", "seizure", "dizz", "speech", "memory", "walking", "fatigue", "fever",
    "nausea", "vomit", "diarrh", "weight", "thirst", "mood", "sugar", "pressure", "swelling", "stiffness",
    "numb", "tingl", "vision", "balance", "confus",
    # care pathway
    "diagnos", "detect", "screen", "test", "lab", "imaging", "mri", "ct scan", "pet", "scan", "emg",
    "electromyograph", "conduction", "lumbar", "puncture", "spinal tap", "cerebrospinal", "csf", "oligoclonal",
    "cea", "biopsy", "marker", "panel", "mimic", "misdiagnos", "differential", "sclerosis", "lupus",
    "treat", "therap", "manage", "steroid", "corticoster", "prednis", "ivig", "immunoglobulin", "plasma",
    "chemo", "radiation", "radiotherap", "surgery", "surgical", "targeted", "rehabil", "physiotherap",
    "acupunct", "massage", "herbal", "supplement", "nutrition", "diet", "vitamin", "counsel", "support group",
    "prognos", "outcome", "outlook", "survival", "recover", "cure", "remission", "relapse", "long-term",
    "lung", "breast", "ovar", "hodgkin", "small cell", "small-cell", "pancrea", "prostate", "smok", "toxin",
    "genetic", "predispos", "risk", "cause", "prevalen", "incidence", "epidemiolog", "region", "countr",
    "global", "worldwide", "access", "resource", "disparit", "trial", "research", "future",
    # general medical words that still point at the article's subject
    "disease", "disorder", "condition", "illness", "medical", "clinical", "patient", "doctor", "physician",
    "neurolog", "oncologist", "specialist", "health", "medicine", "medication", "drug", "dose", "dosage",
    "milligram", "infusion", "inject", "pill", "tablet", "hospital", "nurse", "pharmac",
)
CORPUS_STEMS: tuple[str, ...] = (
    # the corpus itself
    "article", "source", "reference", "bibliograph", "cite", "citation", "author", "journal", "doi",
    "publish", "study", "studies", "paper", "review", "rupa", "guideline",
)

_SPACED_ANTIBODY = re.compile(r"\banti\s+(?=[a-z]{1,4}\b)", re.IGNORECASE)
_CORE_RE = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in TOPIC_STEMS + CORPUS_STEMS) + r")", re.IGNORECASE)
_TOPIC_RE = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in TOPIC_STEMS + GENERAL_STEMS + CORPUS_STEMS) + r")", re.IGNORECASE)
# Drug and disease names by their endings (rituximab, encephalitis, neuroblastoma ...) are medical too.
_MEDICAL_WORD_RE = re.compile(
    r"\b[a-z]{3,}(?:mab|nib|mide|mycin|cillin|platin|taxel|itis|osis|emia|aemia|pathy|oma|plegia)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Verdict:
    """The gate's decision for one question and the rule that made it (for tests, flags and review)."""

    category: Category
    rule: str | None = None
    kind: str | None = None
    matched: str | None = None
    # an emergency rule's hit in a doubtful framing (past, hypothetical, story, animal, idiom; see
    # assistant/safety_framing.py), left to the learned check: "rule:framing", e.g. "overdose:past"
    deferred: str | None = None
    deferred_kind: str | None = None

    def as_emergency(self) -> "Verdict":
        """The deferred hit as an emergency, for when no learned check can decide (recall first)."""
        if self.deferred is None or self.category == "emergency":
            return self
        return Verdict("emergency", self.deferred, self.deferred_kind, self.matched)


def normalise(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces: so patterns need not spell out variants."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


# Guards for rules marked `guard=True`, applied to the sentence the rule matched in:
# an event placed in the past ("a stroke years ago", "collapsed last week") is history, unless the same
# sentence says it is happening now; a hypothetical or a comparison ("if he has a seizure", "not
# breathing as well as before") is no event; a general question that names nobody ("what causes sudden
# confusion in cancer patients?") asks about the disease.
_PAST = re.compile(
    r"\b(?:(?:(?:\d+|a|an|one|two|three|four|five|few|several|many|some|couple of)\s+)?(?:years?|months?|weeks?|days?)\s+ago|(?:a )?long (?:time )?ago|(?:a while|ages) ago|"
    r"last (?:year|month|week|night|summer|winter|spring|fall|autumn)|in (?:19|20)\d\d|years? (?:back|before|earlier)|"
    r"in (?:january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"as a (?:child|kid|teen|teenager|baby)|used to|previously|in the past|history of|once before|before (?:his|her|my|the) diagnosis)\b"
)
_NOW = re.compile(r"\b(?:right now|just|now|currently|at the moment|again|today|tonight|still|this (?:morning|evening|afternoon))\b")
# before the sign: "if he has a seizure", "what to do when someone collapses"
_HYPOTHETICAL = re.compile(
    r"\b(?:if|in case|whenever|in the future|what to do when|watch (?:out )?for|signs? of|symptoms? of|"
    r"is it (?:normal|common)|can (?:pns|it|this|cancer|lems|paraneoplastic \w+) (?:cause|make))\b|"
    # "say i suddenly lost my sight, could that be ...": 'say' opening a clause supposes
    r"(?<![a-z] )\bsay (?:i|he|she|we|someone|somebody|my)\b|\blet'?s say\b"
)
# right after the sign: "not breathing as well as before"
_COMPARISON = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:as \w+ as|than (?:before|usual)|like (?:before|usual|normal))\b")
# the event is over: "but he's fine now", "she came round quickly"
_RESOLVED = re.compile(r"(?:\b(?:is|are|was|seems?|feels?)|'s|'re|(?<=\bhe)s|(?<=\bshe)s|(?<=\bthey)re) "
                       r"(?:fine|ok|okay|better|recovered|back to normal|all right|alright)\b|"
                       r"\b(?:has recovered|came round|came to|woke up fine)\b")
# time running on a case: "is it normal for a seizure to go on this long its been 6 minutes" asks about one going on;
# "anymore" tells the asker's own state, not the disease's ("what is the point of being alive anymore")
_ONGOING = re.compile(r"\b(?:this long|it'?s been|its been|it has been|been going(?: on)?|still going|any ?more)\b")
# "can't breathe" opens no question: a negated modal is a statement
_GENERAL_QUESTION = re.compile(r"^\W*(?:can|could|does|do|is|are|what|how|why|which|when|will|would|should)\b(?!'t|n't)")
# who makes a question personal; 'someone' in "what does it mean when someone ..." does not
_PERSON = re.compile(rf"(?!\b(?:someone|somebody)\b)\b{WHO}\b|\b(?:my|his|her|our)\b")


_DATES_CHEMO = re.compile(rf"{CHEMO}\W+(?:(?:was|on|about|only|just|my|his|her|\w+day)\W+)?$", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\b(?:if|in case|whenever|what to do when)\b")


def _guarded_out(text: str, start: int, end: int, strict: bool = False) -> bool:
    """True when a loosely worded sign is past, hypothetical, or part of a general question about the disease.

    `strict` (a firmly worded rule's hit, deferred rather than dropped): a question opener counts only when no
    person is named between it and the sign, unless it is a condition ("if my dad stops responding"), so that
    "what are the symptoms of pns my sister has taken loads of tablets", typed without a stop, still stands.
    """
    lo, hi = span_between(text, start, end, ".?!,;\n")
    sentence = text[lo:hi]
    # 'a stroke two years ago and now cancer': a past marker right after the sign dates the sign itself; one right after
    # a chemotherapy word dates the chemotherapy ("chemo two days ago temp 38.9"), the very window a fever is dangerous in
    past = [m for m in _PAST.finditer(text, lo, hi)
            if not (m.group(0).endswith(("days ago", "day ago")) and _DATES_CHEMO.search(text, lo, m.start()))]
    if (any(m.start() >= end and m.start() < end + 30 for m in past) or (past and not _NOW.search(sentence))
            or _RESOLVED.search(sentence)):
        return True
    if _COMPARISON.match(text[end:hi]):
        return True
    opener = None
    for opener in _HYPOTHETICAL.finditer(text, lo, end):
        pass
    ongoing = opener is not None and not _CONDITIONAL.match(opener.group(0)) and _ONGOING.search(text)
    if opener is not None and not ongoing and (not strict or _CONDITIONAL.match(opener.group(0))
                                               or not _PERSON.search(text, opener.end(), start)):
        return True
    return bool(_GENERAL_QUESTION.match(sentence) and not _PERSON.search(sentence) and not _ONGOING.search(text))


def _first_match(rules: tuple[Rule, ...], text: str) -> Verdict | None:
    for rule in rules:
        for m in rule.compiled.finditer(text):
            if rule.guard and _guarded_out(text, m.start(), m.end()):
                continue
            return Verdict(rule.category, rule.name, rule.kind or rule.name, m.group(0))
    return None


def _first_emergency(text: str) -> Verdict | None:
    """The first emergency hit that stands; failing that, the first doubtful one as a deferred verdict.

    A hit of an unguarded rule in a past, hypothetical or general sentence (what guards the loose rules) and
    any hit in a framing of assistant/safety_framing.py is deferred, never dropped: the learned check decides.
    """
    deferred: Verdict | None = None
    for rule in EMERGENCY_RULES + LAY_EMERGENCY_RULES:
        for m in rule.compiled.finditer(text):
            if rule.guard and _guarded_out(text, m.start(), m.end()):
                continue
            general = not rule.guard and _guarded_out(text, m.start(), m.end(), strict=True)
            why = "general" if general else (framing(text, m.start(), m.end(), rule.name)
                                             or mild_framing(text, m.start(), m.end(), rule.name))
            if why is None:
                return Verdict(rule.category, rule.name, rule.kind or rule.name, m.group(0))
            if deferred is None:
                deferred = Verdict("none", None, None, m.group(0), f"{rule.name}:{why}", rule.kind or rule.name)
    return deferred


def classify(question: str) -> Verdict:
    """Emergency beats personal advice beats everything else; 'none' means: answer from the article.

    An emergency hit the rules doubt rides along as `deferred` on whatever else the question is.
    """
    text = normalise(question)
    emergency = _first_emergency(text)
    if emergency is not None and emergency.category == "emergency":
        return emergency
    # normalise joins lines, so a line that stands alone ("is it contagious\na woman has collapsed") is read alone too
    for line in question.splitlines() if "\n" in question else ():
        alone = _first_emergency(normalise(line))
        if alone is not None and alone.category == "emergency":
            return alone
    verdict = _first_match(PERSONAL_RULES + CASE_RULES, text) or Verdict("none")
    if verdict.rule == "self_diagnosis" and asks_about_anyone(text, names_person(text)):
        verdict = Verdict("none")
    if emergency is not None:
        verdict = replace(verdict, deferred=emergency.deferred, deferred_kind=emergency.deferred_kind,
                          matched=verdict.matched or emergency.matched)
    return verdict


def names_person(question: str) -> bool:
    """True when the question names a person (the asker, a relative, "he", "for him", "my ..."), not only "someone"."""
    text = normalise(question)
    return bool(_PERSON.search(text) or re.search(r"\b(?:him|us)\b", text))


def rule_words(vocabulary: frozenset[str]) -> frozenset[str]:
    """The words the emergency rules look for (seizure, unconscious, breathing ...), as spelling targets.

    Taken from the patterns themselves, so a typo fixer always aims at the words the rules can match;
    regex fragments are dropped by keeping only words of `vocabulary` (an English word list).
    """
    words: set[str] = set()
    for rule in EMERGENCY_RULES + LAY_EMERGENCY_RULES:
        # the words a rule excludes ("all her usual pills" is the day's dose) are none it looks for
        words.update(w for w in re.findall(r"[a-z]{4,}", rule.pattern.replace(KIND_OF, "")) if w in vocabulary)
    return frozenset(words)


def mentions_topic(question: str, extra_terms: frozenset[str] = frozenset(), core_only: bool = False) -> bool:
    """True when the question uses a word of the article's subject (or one of `extra_terms`, e.g. author names).

    `core_only`: only the subject's own words count (paraneoplastic, cancer, antibody, Trousseau ...), not
    general medical ones (symptom, treatment, doctor): for a question whose subject the corpus never names.
    """
    # "anti hu" typed with a space is the antibody "anti-Hu" the stems name
    text = _SPACED_ANTIBODY.sub("anti-", normalise(question))
    if core_only:
        return bool(_CORE_RE.search(text)) or bool(set(re.findall(r"[a-z][a-z'-]+", text)) & extra_terms)
    if _TOPIC_RE.search(text) or _MEDICAL_WORD_RE.search(text):
        return True
    words = set(re.findall(r"[a-z][a-z'-]+", text))
    return bool(words & extra_terms)


# -- what the user is told ----------------------------------------------------------------------

EMERGENCY_MESSAGE = (
    "This sounds like it could be a medical emergency. Please contact emergency services now: "
    "call your local emergency number (911 in the US and Canada, 112 in the EU, 999 in the UK, 000 in Australia) "
    "or go to the nearest emergency department. If the person is not breathing or is unresponsive, the "
    "dispatcher can guide you through first aid until help arrives. Do not wait for an answer from this assistant, "
    "which cannot assess or help in an emergency."
)
SELF_HARM_MESSAGE = (
    "If you are thinking about suicide or about harming yourself, or you are worried about someone else, please "
    "reach out for help right now. If you are in immediate danger, call your local emergency number (911 in the "
    "US and Canada, 112 in the EU, 999 in the UK). In the US you can call or text 988 (Suicide & Crisis Lifeline); "
    "in the UK and Ireland you can call Samaritans on 116 123; elsewhere, contact your local crisis line. "
    "You do not have to face this alone, and talking to someone can help."
)
OVERDOSE_EXTRA = (
    " For a possible overdose or poisoning you can also call a poison control centre "
    "(in the US: 1-800-222-1222), but call emergency services first if the person is very unwell."
)
PERSONAL_ADVICE_REFERRAL = (
    "I can't give personal medical advice: decisions about a diagnosis, doses or treatment for you or someone "
    "you care for need a clinician who knows the full history. Please discuss this with your doctor or care "
    "team (or a pharmacist for questions about doses)."
)
PERSONAL_ADVICE_GENERAL_INTRO = "Here is general information from the article that may help you prepare for that conversation:"
OUT_OF_SCOPE_MESSAGE = (
    "Sorry, I can only answer questions about paraneoplastic syndromes, using one article on the topic and the "
    "sources it cites. Your question seems to be about something else. You could ask, for example, what "
    "paraneoplastic syndromes are, which symptoms they cause, how they are diagnosed or how they are treated."
)
NOT_FOUND_MESSAGE = (
    "I could not find this in the article or its cited sources, so I can't answer it reliably. "
    "The article covers what paraneoplastic syndromes are, their causes, symptoms, diagnosis, treatment, "
    "prognosis and global differences; a healthcare professional can help with questions beyond that."
)


def emergency_message(verdict: Verdict) -> str:
    """The immediate instruction for an emergency, with a crisis line for self-harm."""
    if verdict.kind == "self_harm":
        return SELF_HARM_MESSAGE
    if verdict.kind == "overdose":
        return EMERGENCY_MESSAGE + OVERDOSE_EXTRA
    return EMERGENCY_MESSAGE
