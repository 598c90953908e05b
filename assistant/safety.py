"""Medical-safety gate, run in code BEFORE retrieval: emergencies, personal advice, off-topic questions.

Why rules and not a model: these decisions must be predictable, reviewable and testable. Each rule is
a named regular expression in a table below, so a reviewer can read exactly what triggers what, and a
test can name the rule that fired. The patterns look for *urgency in the first or third person, now*
("he is seizing", "I can't breathe") or for *a decision about a specific person* ("should I stop my
chemo", "do I have PNS") rather than for medical words alone: "can paraneoplastic syndromes cause
seizures?" is an ordinary informational question and must be answered from the article.

Out-of-scope is decided in two steps: `mentions_topic` checks the question against a vocabulary of the
article's subject (below); the assistant then combines that with retrieval support (see api.py), so a
question without topic words is only refused when retrieval also finds nothing relevant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Category = Literal["emergency", "personal_advice", "none"]

# Who a sentence is about: the asker, someone with them, or a relative. Used inside patterns.
_WHO = (
    r"(?:i|i'm|im|i am|i've|ive|i have|me|we|we're|he|he's|she|she's|they're|someone|somebody|"
    r"my (?:\w+ ){0,2}?(?:mom|mum|mother|dad|father|husband|wife|partner|son|daughter|child|kid|baby|"
    r"brother|sister|friend|grandma|grandmother|grandpa|grandfather|aunt|uncle|boyfriend|girlfriend|"
    r"patient|neighbou?r|roommate|colleague|coworker)|this (?:person|man|woman|guy|patient)|"
    r"the (?:patient|person|man|woman|guy))"
)
_NOT = r"(?:isn't|isnt|is not|aren't|are not|not|no longer|has stopped|have stopped|stopped|stops)"
_CANT = r"(?:can't|cant|cannot|can not|couldn't|could not|unable to|won't|will not)"


@dataclass(frozen=True)
class Rule:
    """One reviewable trigger: a name for tests and logs, the category it implies, and its pattern."""

    name: str
    category: Category
    pattern: str
    kind: str = ""  # e.g. 'self_harm' changes which help line the emergency message gives
    past_guard: bool = False  # skip when the sentence places the event in the past ("had a stroke years ago")
    compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", re.compile(self.pattern, re.IGNORECASE))


EMERGENCY_RULES: tuple[Rule, ...] = (
    # seizure happening now (not "are seizures a symptom?")
    Rule("seizure_now", "emergency",
         r"\b(?:is|are|'s|'re|am|just|started|starts|keeps?)\s+(?:having\s+(?:a\s+)?(?:seizure|fit|convulsion)s?\b|seizing|convulsing|fitting)\b"),
    Rule("seizure_now", "emergency",
         r"\b(?:seizing|convulsing|having a seizure|having a fit)\b[^.?!]{0,30}\b(?:right now|now|at the moment|currently|for (?:\d+|a few|several|over)|minutes)"),
    Rule("seizure_now", "emergency",
         r"\b(?:seizure|fit|convulsion|shaking|jerking)s?\b[^.?!]{0,25}\b(?:won't|will not|doesn't|does not|hasn't|has not|isn't|is not) (?:stop|stopping|stopped|ending)"),
    Rule("seizure_now", "emergency", rf"\b{_CANT} stop (?:shaking|seizing|convulsing|jerking|twitching)\b"),
    Rule("seizure_now", "emergency",
         r"\b(?:seizure|seizing|fit|fitting|convulsion|convulsing|shaking|jerking)s?\b[^.?!]{0,30}\b(?:going on|going|lasting|lasted|been)\s+(?:for\s+)?(?:over |more than |about |almost )?(?:\d+|a few|several|five|ten|two|three)\s*(?:minutes|mins)\b"),
    # unconscious / unresponsive
    Rule("unconscious", "emergency",
         r"\b(?:is|are|'s|'re|went|gone|fell|became|been|seems?|looks?)\s+(?:unconscious|unresponsive|non-?responsive|not responding|limp|lifeless)\b"),
    Rule("unconscious", "emergency", rf"\b{_CANT}\s+(?:wake|rouse|arouse)\s+(?:him|her|them|me|my|up|\w+ up)\b"),
    Rule("unconscious", "emergency",
         r"\b(?:isn't|is not|not|won't|will not|doesn't|does not)\s+(?:waking up|wake up|waking|wake|responding|respond)\b"
         r"(?!\s+(?:well\b|to (?:the |his |her |my |any )?(?:treatments?|therap\w*|chemo\w*|medications?|meds|drugs?|steroids?|ivig|immunotherapy|plasma\w*|infusions?)))"),
    Rule("unconscious", "emergency", r"\b(?:now|suddenly|completely|totally|still)\s+(?:unconscious|unresponsive|non-?responsive|lifeless)\b"),
    Rule("unconscious", "emergency",
         r"\b(?:on the floor|on the ground|collapsed|fell|fallen|passed out|fainted|blacked out)\b[^.?!]{0,40}\b(?:won't|isn't|is not|not|can't|doesn't|does not)\s+(?:answer|answering|respond|responding|wake|waking|move|moving|come round|come to|get up)"),
    Rule("unconscious", "emergency",
         r"\b(?:just|has|have|'s|'ve|suddenly)\s+(?:passed out|blacked out|collapsed|fainted|lost consciousness)\b"),
    Rule("unconscious", "emergency", r"\b(?:passed out|collapsed|fainted|blacked out)\b[^.?!]{0,20}\b(?:and|but) (?:won't|isn't|is not|can't|not)\b"),
    # breathing
    Rule("not_breathing", "emergency", rf"\b{_NOT}\s+breathing\b"),
    Rule("not_breathing", "emergency", rf"\b{_CANT}\s+(?:breathe|breath|get (?:any |enough )?air|catch (?:my|his|her|their) breath)\b"),
    Rule("not_breathing", "emergency", r"\b(?:struggling|gasping|fighting)\s+(?:to breathe|for (?:air|breath))\b"),
    Rule("not_breathing", "emergency",
         r"\b(?:i'm|im|i am|he's|she's|he is|she is|they're|we're|is|am)\s+(?:having|in|with)\s+(?:severe\s+|serious\s+|real\s+|a lot of\s+|bad\s+)?(?:trouble|difficulty|problems?|difficulties)\s+breathing\b"),
    Rule("not_breathing", "emergency", r"\b(?:is|am|'s|'m)\s+choking\b|\b(?:lips|face|skin) (?:is |are )?(?:turning|gone|going) blue\b"),
    # chest pain / heart attack
    Rule("chest_pain", "emergency",
         rf"\b{_WHO}\b[^.?!]{{0,30}}\b(?:have|having|has|got|feel|feeling|getting|experiencing|woke up with)\b[^.?!]{{0,25}}\bchest (?:pain|pains|tightness|pressure|discomfort)"),
    Rule("chest_pain", "emergency", r"\b(?:my|his|her) chest (?:hurts|is hurting|feels (?:tight|heavy|crushed)|is tight|is (?:really )?painful)"),
    Rule("chest_pain", "emergency", r"\bchest (?:pain|pressure|tightness)\b[^.?!]{0,40}\b(?:right now|spreading|radiating|left arm|jaw|sweating|crushing)"),
    Rule("chest_pain", "emergency", r"\b(?:having|had|has|having had|think i'm having|think he's having|think she's having) a heart attack\b",
         past_guard=True),
    Rule("chest_pain", "emergency",
         r"\bchest (?:feels|is|feel)\b[^.?!]{0,25}\b(?:crushed|crushing|squeezed|squeezing|heavy|on fire|exploding|tight)\b"),
    # stroke signs
    Rule("stroke", "emergency", r"\b(?:having|had|has|is having|'s having|just had) a stroke\b", past_guard=True),
    Rule("stroke", "emergency",
         r"\b(?:slurred|slurring|drooping|droopy|droops|numb|weak|paraly[sz]ed|confused|can't (?:speak|talk|move|see))\b[^.?!]{0,40}\b(?:all of a sudden|suddenly|out of nowhere)\b"),
    Rule("stroke", "emergency", r"\b(?:face|mouth|smile) (?:is |has |suddenly )?(?:drooping|droops|drooped|gone numb|went numb|is lopsided)\b"),
    Rule("stroke", "emergency",
         r"\bsudden(?:ly)?\b[^.?!]{0,40}\b(?:slurred speech|slurring|can't (?:speak|talk|move|see|walk)|cannot (?:speak|talk|move|see)|numb|weak on one side|weakness on one side|one side|drooping|paraly[sz]ed|worst headache|confused|confusion)"),
    Rule("stroke", "emergency", rf"\b{_CANT}\s+(?:move|feel|lift)\s+(?:my|his|her|their|the)\s+(?:left |right )?(?:arm|leg|side|face|hand)\b"),
    Rule("stroke", "emergency", r"\bslurring (?:his|her|my|their) (?:words|speech)\b"),
    # severe bleeding
    Rule("severe_bleeding", "emergency",
         r"\bbleeding\b[^.?!]{0,20}\b(?:heavily|a lot|badly|profusely|everywhere|won't stop|will not stop|doesn't stop|does not stop|isn't stopping|hasn't stopped|non-?stop)"),
    Rule("severe_bleeding", "emergency", rf"\b{_CANT} stop (?:the |his |her |my )?bleeding\b"),
    Rule("severe_bleeding", "emergency", r"\b(?:vomiting|throwing up|coughing up|spitting up|peeing|pooping|passing) (?:up )?(?:lots of |a lot of )?blood\b"),
    Rule("severe_bleeding", "emergency", r"\b(?:losing (?:a lot of |so much )?blood|blood everywhere|bleeding out|bleeding to death)\b"),
    # overdose / poisoning
    Rule("overdose", "emergency",
         rf"\b{_WHO}\b[^.?!]{{0,25}}\b(?:overdosed|overdosing|od'd|od'ed|took an overdose|taken an overdose|took an od)\b"),
    Rule("overdose", "emergency",
         r"\b(?:took|taken|swallowed|ate|drank|has had)\b[^.?!]{0,25}\b(?:too many|an? (?:whole )?(?:bottle|pack|packet|box) of|too much of|a whole (?:bottle|pack|packet|box)|the whole (?:bottle|pack|packet|box)|all (?:of )?(?:my|his|her|their|the) (?:pills|tablets|meds|medications?|medicine|capsules)|\d{2,} (?:pills|tablets|capsules))"),
    Rule("overdose", "emergency", r"\b(?:accidentally|might have|may have|think i|think he|think she)\b[^.?!]{0,20}\boverdos"),
    # suicidal thoughts / self-harm
    Rule("self_harm", "emergency", r"\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|injure|injuring|poison|poisoning|hang|hanging|starve|starving|shoot|shooting|drown|drowning|end|ending)\s+(?:myself|my ?self|himself|herself|themselves)\b", kind="self_harm"),
    Rule("self_harm", "emergency",
         rf"\b{_WHO}\b[^.?!]{{0,40}}\b(?:suicidal|suicide (?:thoughts|attempt|plan|note)|take (?:my|his|her|their) (?:own )?life|end (?:my|his|her|their) (?:own )?life)", kind="self_harm"),
    Rule("self_harm", "emergency",
         rf"\b{_WHO}\b[^.?!]{{0,40}}\b(?:(?:thinking|thought|thoughts|think|considering|contemplating) (?:about |of )?(?:suicide|killing (?:myself|himself|herself))|(?:commit|attempt|attempted|committing|try) suicide)\b", kind="self_harm"),
    Rule("self_harm", "emergency", r"\bsuicid\w*\b[^.?!]{0,40}\b(?:i|me|my|myself|i'm|i've)\b", kind="self_harm"),
    Rule("self_harm", "emergency",
         r"\b(?:want|wants|wanted|going|planning|plan|thinking about how)\s+to\s+(?:die|end it|end (?:it all|my life|things|everything)|kill (?:myself|himself|herself)|not (?:be here|exist|wake up))\b", kind="self_harm"),
    Rule("self_harm", "emergency", r"\b(?:don't|dont|do not|no longer)\s+want\s+to\s+(?:live|be alive|be here|go on|wake up|exist)\b", kind="self_harm"),
    Rule("self_harm", "emergency", r"\bno (?:reason|point) (?:to|in) (?:living|live|go on|going on)\b|\bbetter off (?:dead|without me)\b|\bend it all\b", kind="self_harm"),
    Rule("self_harm", "emergency", rf"\b{_WHO}\b[^.?!]{{0,30}}\bself[- ]?harm(?:ing)?\b", kind="self_harm"),
    # severe allergic reaction, explicit calls for emergency help
    Rule("anaphylaxis", "emergency", r"\b(?:throat|tongue|lips?|airway) (?:is |are |feels |feel )?(?:closing|swelling|swollen|tight)\b"),
    Rule("asks_for_help_now", "emergency", r"\b(?:should i|do i|need to|do we|should we) call (?:an ambulance|911|999|112|000|emergency services)\b|\bis this an emergency\b|\bcall(?:ing)? an ambulance\b"),
)

# Personal decisions: dosing, diagnosing a specific person, treatment choices, personal prognosis.
PERSONAL_RULES: tuple[Rule, ...] = (
    # dosing
    Rule("dosing", "personal_advice",
         r"\bhow (?:much|many)\b[^.?!]{0,40}\b(?:should|can|do|must|may|could|would|shall)\s+(?:i|we|you give|my \w+|he|she)\s+(?:take|give|use|have|get|be on|inject|receive|start|need)\b"),
    Rule("dosing", "personal_advice", r"\bwhat (?:dose|dosage|doses|amount|strength)\b[^.?!]{0,40}\b(?:should|can|do|must|would)\s+(?:i|we|my \w+|he|she)\b"),
    Rule("dosing", "personal_advice", r"\b(?:my|our|his|her) (?:dose|dosage|doses)\b|\bdose for me\b|\bdosage for me\b"),
    Rule("dosing", "personal_advice",
         r"\b(?:increase|decrease|double|lower|raise|reduce|adjust|change|split|skip|miss(?:ed)?|taper|stop)\s+(?:my|his|her|our) (?:dose|dosage|doses|medications?|meds|steroids?|prednisone|pills|tablets|treatment|chemo(?:therapy)?|immunotherapy|ivig|infusions?)\b"),
    Rule("dosing", "personal_advice", r"\bis \d+(?:\.\d+)?\s*(?:mg|milligrams?|mcg|micrograms?|ml|g|grams?|units?|iu)\b"),
    # treatment decisions
    Rule("treatment_decision", "personal_advice",
         r"\bshould\s+(?:i|we|my (?:\w+ ){0,2}?\w+|he|she)\s+(?:stop|start|continue|quit|skip|refuse|decline|delay|postpone|try|take|get|have|go|switch|change|keep|avoid|use|ask|see|be|worry|tell|do|wait|consider|stay)\b"),
    Rule("treatment_decision", "personal_advice",
         r"\b(?:can|may|could)\s+i\s+(?:stop|skip|quit|take|mix|combine|drink|use|try|replace|refuse|go off|come off|double|delay|still)\b"),
    Rule("treatment_decision", "personal_advice",
         r"\b(?:is it|would it be|will it be)\s+(?:safe|ok|okay|wise|dangerous|a good idea|bad|risky)\s+for\s+(?:me|us|him|her|my \w+)\b"),
    Rule("treatment_decision", "personal_advice", r"\bwhat (?:should|do|would|can|must) (?:i|we) do\b"),
    Rule("treatment_decision", "personal_advice",
         r"\b(?:which|what) (?:treatment|therapy|medication|medicine|drug|option|test)s?\b[^.?!]{0,40}\b(?:for me|should i|should we|is best for (?:me|my|us)|do i need)\b"),
    Rule("treatment_decision", "personal_advice", r"\b(?:right|best|good|safe|suitable) (?:for me|for us|for my (?:\w+ ){0,2}?\w+)\b"),
    Rule("treatment_decision", "personal_advice",
         r"\bmy (?:doctor|oncologist|neurologist|physician|gp|specialist|nurse)\b[^.?!]{0,60}\b(?:should|wrong|right|trust|agree|second opinion|ignore|refuse|says?|said|told|wants?)\b[^.?!]{0,60}\?"),
    # diagnosing a specific person
    Rule("self_diagnosis", "personal_advice",
         r"\b(?:do|could|might|would|may)\s+(?:i|we)\s+(?:have|be having|be suffering|be developing|develop|be at risk|get)\b(?!\s+to\b)"),
    Rule("self_diagnosis", "personal_advice",
         r"\b(?:does|do|could|might|can|may|would|is|are)\s+(?:my|our)\s+(?:\w+\s+){0,2}?(?:have|has|be|mean|indicate|suggest|point to)\b"),
    Rule("self_diagnosis", "personal_advice",
         r"\b(?:am i|is (?:my|our) (?:\w+ ){0,2}?\w+)\s+(?:at risk|likely|going to|dying|developing|suffering|getting|having|a candidate)\b"),
    Rule("self_diagnosis", "personal_advice", r"\b(?:does|could|would|might) (?:this|that|it) mean (?:i|my|we|he|she|that i|that my)\b"),
    Rule("self_diagnosis", "personal_advice",
         r"\b(?:is|could|might) (?:this|that|it) be (?:pns|a paraneoplastic|paraneoplastic|cancer|a cancer|a tumou?r|lambert|serious|dangerous)\b"),
    Rule("self_diagnosis", "personal_advice",
         r"\b(?:diagnose|assess|evaluate|interpret|read|check|explain) (?:me|my (?:\w+ ){0,2}?(?:results?|labs?|scans?|tests?|symptoms|mri|ct|report|panel|bloodwork)|him|her)\b"),
    Rule("self_diagnosis", "personal_advice",
         r"\bmy (?:\w+ ){0,2}?(?:results?|labs?|scan|mri|ct|test results|antibody (?:test|panel|results?)|blood ?(?:test|work)s?|biopsy)\b[^.?!]{0,60}\b(?:mean|normal|bad|worried|positive|negative|high|low)\b"),
    Rule("self_diagnosis", "personal_advice",
         r"\b(?:i|i've|ive|i have|i'm|i am|my (?:\w+ ){0,2}?(?:has|have|is|was|got))\b[^.?!]{0,80}\b(?:symptoms?|weakness|numbness|rash|seizures?|pain|dizzy|dizziness|tired|fatigue|diagnosed|tumou?r|cancer|lump)\b[^?]{0,120}\b(?:is (?:it|this|that)|could (?:it|this|that)|do i|am i|should i|does (?:this|that|it) mean|what (?:should|do) i|is something wrong)\b"),
    # personal prognosis
    Rule("personal_prognosis", "personal_advice",
         r"\bwill (?:i|my (?:\w+ ){0,2}?\w+|he|she|we)\s+(?:die|survive|recover|get better|be (?:ok|okay|cured|fine|alright)|live|need|have to|lose|walk|be able|ever)\b"),
    Rule("personal_prognosis", "personal_advice",
         r"\b(?:what are|how (?:are|good are)|what's|what is) (?:my|his|her|our) (?:chances|odds|prognosis|outlook|life expectancy|survival)\b"),
    Rule("personal_prognosis", "personal_advice", r"\bhow long (?:do|does|will|have) (?:i|my \w+|he|she|we) (?:have|live|got)\b"),
)

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
    # the corpus itself
    "article", "source", "reference", "bibliograph", "cite", "citation", "author", "journal", "doi",
    "publish", "study", "studies", "paper", "review", "rupa", "guideline",
)

_TOPIC_RE = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in TOPIC_STEMS) + r")", re.IGNORECASE)
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


def normalise(text: str) -> str:
    """Lower-case, straight apostrophes, single spaces: so patterns need not spell out variants."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


# An event placed in the past ("a stroke years ago", "a heart attack in 2019") is history, not an emergency,
# unless the same sentence also says it is happening now.
_PAST = re.compile(
    r"\b(?:ago|last (?:year|month|week|summer|winter|spring|fall|autumn)|in (?:19|20)\d\d|years? (?:back|before|earlier)|"
    r"as a (?:child|kid|teen|teenager|baby)|used to|previously|in the past|history of|once before)\b"
)
_NOW = re.compile(r"\b(?:right now|just|now|currently|at the moment|again|today|tonight|this (?:morning|evening|afternoon))\b")


def _sentence_at(text: str, start: int, end: int) -> str:
    lo = max(text.rfind(c, 0, start) for c in ".?!\n") + 1
    his = [i for i in (text.find(c, end) for c in ".?!\n") if i != -1]
    return text[lo: min(his) if his else len(text)]


def _first_match(rules: tuple[Rule, ...], text: str) -> Verdict | None:
    for rule in rules:
        for m in rule.compiled.finditer(text):
            if rule.past_guard:
                sentence = _sentence_at(text, m.start(), m.end())
                if _PAST.search(sentence) and not _NOW.search(sentence):
                    continue
            return Verdict(rule.category, rule.name, rule.kind or rule.name, m.group(0))
    return None


def classify(question: str) -> Verdict:
    """Emergency beats personal advice beats everything else; 'none' means: answer from the article."""
    text = normalise(question)
    return _first_match(EMERGENCY_RULES, text) or _first_match(PERSONAL_RULES, text) or Verdict("none")


def rule_words(vocabulary: frozenset[str]) -> frozenset[str]:
    """The words the emergency rules look for (seizure, unconscious, breathing ...), as spelling targets.

    Taken from the patterns themselves, so a typo fixer always aims at the words the rules can match;
    regex fragments are dropped by keeping only words of `vocabulary` (an English word list).
    """
    words: set[str] = set()
    for rule in EMERGENCY_RULES:
        words.update(w for w in re.findall(r"[a-z]{4,}", rule.pattern) if w in vocabulary)
    return frozenset(words)


def mentions_topic(question: str, extra_terms: frozenset[str] = frozenset()) -> bool:
    """True when the question uses a word of the article's subject (or one of `extra_terms`, e.g. author names)."""
    text = normalise(question)
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
