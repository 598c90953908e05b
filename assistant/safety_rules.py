"""The safety gate's emergency rule table, each rule a named regular expression (the personal-advice tables are
assistant/personal_case_rules.py's).

Why a table: a reviewer can read exactly what triggers what, and a test can name the rule that fired.
The patterns look for *urgency in the first or third person, now* ("he is seizing", "I can't breathe")
rather than for medical words alone. Rules marked `guard=True` name an acute sign more loosely ("he collapsed", "she's turning
blue"); assistant/safety.py skips them in a sentence that places the event in the past ("years ago"),
makes it hypothetical ("if he has a seizure", "as well as before") or asks about the disease in
general without naming anyone ("what causes sudden confusion in cancer patients?").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Category = Literal["emergency", "personal_advice", "none"]

# Who a sentence is about: the asker, someone with them, or a relative. Used inside patterns.
RELATIVE = (
    r"(?:mom|mum|mother|dad|father|husband|wife|partner|son|daughter|child|kid|baby|"
    r"brother|sister|friend|grandma|grandmother|grandpa|grandfather|grandad|granddad|gran|granny|nan|nana|papa|mama|"
    r"hubby|fiance|fiancee|stepdad|stepmom|stepmum|aunt|uncle|boyfriend|girlfriend|toddler|infant|newborn|"
    r"patient|neighbou?r|roommate|colleague|coworker)"
)
WHO = (
    r"(?:i|i'm|im|i am|i've|ive|i have|me|we|we're|he|he's|she|she's|they're|someone|somebody|"
    rf"my (?:\w+ ){{0,2}}?{RELATIVE}|this (?:person|man|woman|guy|patient)|"
    r"the (?:patient|person|man|woman|guy|baby|child|kid))"
)
_NOT = r"(?:isn't|isnt|is not|aren't|are not|not|no longer|has stopped|have stopped|stopped|stops)"
_CANT = r"(?:can't|cant|cannot|can not|couldn't|could not|unable to|won't|will not)"
# one or two words saying which tablets ("all his sleeping pills", "all her heart tablets"), never a dose's time or routine
# ("took all her morning tablets" is the day's dose); the excluded words are no spelling targets (safety.rule_words)
DOSE_TIME_WORDS = frozenset({"morning", "evening", "night", "nighttime", "bedtime", "lunchtime", "usual", "daily", "regular",
                             "normal", "prescribed", "today", "todays", "other", "new"})
KIND_OF = r"(?:(?!(?:" + "|".join(sorted(DOSE_TIME_WORDS)) + r")\b)[a-z-]+ ){0,2}"
# a temperature read out at 38 C / 100.4 F or more ("temp 38.3", "her temperature is 39.4", "a fever of 101"); filler words
# between the word and the number are those of a reading, so "a temperature over 38" (a quoted threshold) is none
_READING = (r"\b(?:temp|temps|temperature|fever|thermometer)\b(?:\s+(?:is|was|of|at|says|said|reads|reading|shows|showed|"
            r"went up to|gone up to|has gone up to|up to|hit|hitting|now|just|still|around|about|nearly|almost|keeps|sitting at))*"
            r"\s*(?:3[89](?:\.\d)?|4[01](?:\.\d)?|10[0-4](?:\.\d)?)(?![\d.]*\s*(?:%|years?|mg|weeks?|days?|kg))\b")
# hopelessness ("what's the point", "can't go on") and a place or means of suicide ("the bridge", "saved up my pills"):
# either alone is common talk in cancer care (a legacy letter, a hard week), together they are a plan
_HOPELESS = (r"\b(?:what's the point|whats the point|no point (?:in )?(?:going on|living|carrying on|any ?more|trying)|"
             r"can't (?:go on|do this any ?more|take (?:it|this|any more) any ?more)|had enough of (?:life|everything|it all)|"
             r"nothing (?:left )?to live for|(?:not|won't|wont|will not) (?:going to |gonna )?be (?:around|here) (?:much longer|for much longer|"
             r"tomorrow|by (?:the )?morning))\b")
_MEANS = (r"\b(?:(?:to|off|from|on) the (?:bridge|cliffs?|cliff edge|train tracks|railway line|tracks|multi-?storey|roof)|"
          r"(?:stockpiled|saved up|been saving|hoarded|kept back) (?:\w+ )?(?:pills|tablets|meds|morphine|painkillers|oxycodone)|"
          r"(?:rope|noose|gun|shotgun)\b(?! (?:swing|course|ladder)))")
# chemotherapy named in the same message (its drugs by name too): a fever then may be neutropenic sepsis
CHEMO = (r"\b(?:chemo\w*|carboplatin|cisplatin|oxaliplatin|etoposide|docetaxel|paclitaxel|cyclophosphamide|doxorubicin|"
          r"gemcitabine|topotecan|neutropeni\w*)\b")


def span_between(text: str, start: int, end: int, stops: str) -> tuple[int, int]:
    """The stretch of `text` around a hit at start..end, bounded by the nearest of `stops` on each side. Each safety
    reader chooses its own stops (the guards also stop at commas; a framing reads on across them), so they pass them."""
    lo = max(text.rfind(c, 0, start) for c in stops) + 1
    his = [i for i in (text.find(c, end) for c in stops) if i != -1]
    return lo, (min(his) if his else len(text))

@dataclass(frozen=True)
class Rule:
    """One reviewable trigger: a name for tests and logs, the category it implies, and its pattern."""

    name: str
    category: Category
    pattern: str
    kind: str = ""  # e.g. 'self_harm' changes which help line the emergency message gives
    guard: bool = False  # skip in a past, hypothetical or general sentence (see assistant/safety.py)
    compiled: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "compiled", re.compile(self.pattern, re.IGNORECASE))


EMERGENCY_RULES: tuple[Rule, ...] = (
    # seizure happening now (not "are seizures a symptom?")
    Rule("seizure_now", "emergency",
         r"\b(?:is|are|'s|'re|am|just|started|starts|keeps?)\s+(?:having\s+(?:a\s+)?(?:seizure|fit|convulsion)s?\b|seizing|convulsing|fitting)\b",
         guard=True),
    Rule("seizure_now", "emergency",
         r"\b(?:seizing|convulsing|having a seizure|having a fit)\b[^.?!]{0,30}\b(?:right now|now|at the moment|currently|for (?:\d+|a few|several|over)|minutes)",
         guard=True),
    Rule("seizure_now", "emergency",
         r"\b(?:seizure|fit|convulsion|shaking|jerking)s?\b[^.?!]{0,25}\b(?:won't|will not|doesn't|does not|hasn't|has not|isn't|is not) (?:stop|stopping|stopped|ending)"),
    Rule("seizure_now", "emergency", rf"\b{_CANT} stop (?:shaking|seizing|convulsing|jerking|twitching)\b"),
    Rule("seizure_now", "emergency",
         r"\b(?:seizure|seizing|fit|fitting|convulsion|convulsing|shaking|jerking)s?\b[^.?!]{0,40}\b(?:going on|going|lasting|lasted|been)\s+(?:for\s+|after\s+)?(?:over |more than |about |almost )?(?:\d+|a few|several|five|ten|two|three)\s*(?:minutes|mins)\b"),
    # unconscious / unresponsive
    Rule("unconscious", "emergency",
         r"\b(?:is|are|'s|'re|went|gone|fell|became|been|seems?|looks?)\s+(?:unconscious|unresponsive|non-?responsive|not responding|limp|lifeless|un-?a?rous(?:e)?able)\b"
         r"(?!\s+(?:well\b|to (?:(?:the|his|her|my|any|their|a|new|current|latest|first|second)\s+){0,2}(?:treatments?|therap\w*|chemo\w*|medications?|medicines?|meds|drugs?|steroids?|ivig|immunotherapy|plasma\w*|infusions?)))"),
    Rule("unconscious", "emergency", rf"\b{_CANT}\s+(?:wake|rouse|arouse)\s+(?:him|her|them|me|my|up|\w+ up)\b"),
    Rule("unconscious", "emergency",
         r"\b(?:isn't|is not|not|won't|will not|doesn't|does not)\s+(?:waking up|wake up|waking|wake|responding|respond)\b"
         r"(?!\s+(?:well\b|to (?:(?:the|his|her|my|any|their|a|new|current|latest|first|second)\s+){0,2}(?:treatments?|therap\w*|chemo\w*|medications?|medicines?|meds|drugs?|steroids?|ivig|immunotherapy|plasma\w*|infusions?)))", guard=True),
    Rule("unconscious", "emergency", r"\b(?:now|suddenly|completely|totally|still)\s+(?:unconscious|unresponsive|non-?responsive|lifeless|un-?a?rous(?:e)?able)\b"),
    Rule("unconscious", "emergency",
         r"\b(?:on the floor|on the ground|collapsed|fell|fallen|passed out|fainted|blacked out)\b[^.?!]{0,40}\b(?:won't|isn't|is not|not|can't|doesn't|does not)\s+(?:answer|answering|respond|responding|wake|waking|move|moving|come round|come to|get up)"),
    Rule("unconscious", "emergency",
         r"\b(?:just|has|have|'s|'ve|suddenly)\s+(?:passed out|blacked out|collapsed|fainted|lost consciousness)\b"),
    Rule("unconscious", "emergency", r"\b(?:passed out|collapsed|fainted|blacked out)\b[^.?!]{0,20}\b(?:and|but) (?:won't|isn't|is not|can't|not)\b"),
    # breathing
    Rule("not_breathing", "emergency",
         rf"\b{_NOT}\s+breathing\b(?!\s+as\s+(?:well|good|easily|deeply|much)\b|\s+(?:at night|in (?:his|her|my|their) sleep|while (?:asleep|sleeping)))",
         guard=True),
    Rule("not_breathing", "emergency", rf"\b{_CANT}\s+(?:breathe|breath|get (?:any |enough )?air|catch (?:my|his|her|their) breath)\b"),
    Rule("not_breathing", "emergency", r"\b(?:struggling|gasping|fighting)\s+(?:to breathe?|for (?:air|breath))\b"),
    Rule("not_breathing", "emergency",
         r"\b(?:i'm|im|i am|he's|she's|he is|she is|they're|we're|is|am)\s+(?:having|in|with)\s+(?:severe\s+|serious\s+|real\s+|a lot of\s+|bad\s+)?(?:trouble|difficulty|problems?|difficulties)\s+breathing\b"),
    Rule("not_breathing", "emergency", r"^having (?:real |bad )?(?:trouble|difficulty) breathing\b(?! (?:is|was|a|as|being|means?)\b)", guard=True),  # no subject
    Rule("not_breathing", "emergency", r"\b(?:is|am|'s|'m)\s+choking\b|\b(?:lips|face|skin) (?:is |are )?(?:turning|gone|going) blue\b", guard=True),
    Rule("not_breathing", "emergency", r"\b(?:can|could)\s+(?:barely|hardly|only just)\s+(?:breathe|breath|get (?:any )?air)\b", guard=True),
    # speech-to-text and phonetic slips for "breathe" and "seizure": "he cant breed", "cant catch breff", "her breeding is
    # shallow", "is having a sees your"; guarded, so "what if he couldnt breed" or "dogs that cant breed" stay doubtful
    Rule("not_breathing", "emergency",
         rf"\b{_CANT}\s+(?:properly\s+|really\s+)?(?:breed|breeth|breth|breff|bref|brief|breave|breeve)\b|"
         rf"\b{_CANT}\s+catch\s+(?:my|his|her|their)?\s*(?:breff|bref|breth|breed)\b|\b{_NOT}\s+breeding\b|"
         r"\bbreeding\s+(?:is\s+)?(?:(?:really|very|so)\s+)?(?:shallow|noisy|funny|weird|fast|slow|strange|rattly)\b", guard=True),
    Rule("seizure_now", "emergency",
         r"\b(?:is|are|'s|just|keeps?)\s+having\s+(?:a\s+)?(?:sees?\s+(?:your|sure|shore)|sea\s+sure|seize\s+her|seizer|see\s+sure)\b",
         guard=True),
    # chest pain / heart attack
    Rule("chest_pain", "emergency",
         rf"\b{WHO}\b[^.?!]{{0,30}}\b(?:have|having|has|got|feel|feeling|getting|experiencing|woke up with)\b[^.?!]{{0,25}}\bchest (?:pain|pains|tightness|pressure|discomfort)"),
    Rule("chest_pain", "emergency", r"\b(?:my|his|her) chest (?:hurts|is hurting|feels (?:tight|heavy|crushed)|is tight|is (?:really )?painful)"),
    Rule("chest_pain", "emergency", r"\bchest (?:pain|pressure|tightness)\b[^.?!]{0,40}\b(?:right now|spreading|radiating|left arm|jaw|sweating|crushing)"),
    Rule("chest_pain", "emergency", r"\b(?:having|had|has|having had|think i'm having|think he's having|think she's having) a heart attack\b",
         guard=True),
    Rule("chest_pain", "emergency",
         r"\bchest (?:feels|is|feel|has felt|felt|has been|'s been|keeps)\b[^.?!]{0,25}\b(?:crushed|crushing|squeezed|squeezing|heavy|on fire|exploding|tight)\b"),
    Rule("chest_pain", "emergency",
         r"\b(?:crushing|severe|sever|bad|heavy|terrible|sharp|squeezing)?\s*(?:pain|pressure|tightness|squeezing|heaviness) in (?:my|his|her|the) chest\b", guard=True),
    # stroke signs
    Rule("stroke", "emergency", r"\b(?:having|had|has|is having|'s having|just had) a stroke\b", guard=True),
    Rule("stroke", "emergency",
         r"\b(?:slurred|slurring|drooping|droopy|droops|numb|weak|paraly[sz]ed|confused|can't (?:speak|talk|move|see))\b[^.?!]{0,40}\b(?:all of a sudden|suddenly|out of nowhere)\b"),
    Rule("stroke", "emergency", r"\b(?:face|mouth|smile) (?:is |has |suddenly )?(?:drooping|droops|drooped|gone numb|went numb|is lopsided)\b"),
    Rule("stroke", "emergency",
         r"\bsudden(?:ly)?\b[^.?!]{0,60}\b(?:slurred speech|slurring|can't (?:speak|talk|move|see|walk|find (?:her|his|my|their) words|understand)|"
         r"(?:doesn't|does not|didn't) (?:know|recogni[sz]e)|(?:arm|leg|hand|face)s? (?:is |are |went |has gone |feels? )?(?:weak|numb|limp|dead|heavy)|cannot (?:speak|talk|move|see)|numb|weak on one side|weakness on one side|one side|drooping|paraly[sz]ed|worst headache|confused|confusion)", guard=True),
    Rule("stroke", "emergency", rf"\b{_CANT}\s+(?:move|feel|lift)\s+(?:my|his|her|their|the)\s+(?:left |right )?(?:arm|leg|side|face|hand)\b"),
    Rule("stroke", "emergency", r"\bslurring (?:his|her|my|their) (?:words|speech)\b", guard=True),
    # severe bleeding
    Rule("severe_bleeding", "emergency",
         r"\bbleeding\b[^.?!]{0,20}\b(?:heavily|a lot|alot|badly|profusely|everywhere|won't stop|will not stop|doesn't stop|does not stop|isn't stopping|hasn't stopped|non-?stop)"),
    Rule("severe_bleeding", "emergency", rf"\b{_CANT} stop (?:the |his |her |my )?bleeding\b"),
    Rule("severe_bleeding", "emergency", r"\b(?:vomiting|throwing up|coughing up|spitting up|peeing|pooping|passing) (?:up )?(?:lots of |a lot of )?blood\b"),
    Rule("severe_bleeding", "emergency", r"\b(?:losing (?:a lot of |so much )?blood|blood everywhere|bleeding out|bleeding to death)\b"),
    # overdose / poisoning
    Rule("overdose", "emergency",
         rf"\b{WHO}\b[^.?!]{{0,25}}\b(?:overdosed|overdosing|od'd|od'ed|took an overdose|taken an overdose|took an od)\b"),
    Rule("overdose", "emergency",
         rf"\b(?:took|taken|swallowed|ate|drank|has had)\b[^.?!]{{0,25}}\b(?:too many|an? (?:whole |full |entire )?(?:bottle|pack|packet|box|bunch|handful|load) of|a lot of (?:my |his |her )?(?:pills|tablets)|loads of|too much of|(?:a|the) (?:whole|full|entire) (?:bottle|pack|packet|box|strip|tub)|all (?:of )?(?:my|his|her|their|the) {KIND_OF}(?:pills|tablets|meds|medications?|medicine|capsules)|\d{{2,}} (?:pills|tablets|capsules))"),
    Rule("overdose", "emergency", r"\b(?:accidentally|might have|may have|think i|think he|think she)\b[^.?!]{0,20}\boverdos"),
    # suicidal thoughts / self-harm
    Rule("self_harm", "emergency", r"\b(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|injure|injuring|poison|poisoning|hang|hanging|starve|starving|shoot|shooting|drown|drowning|end|ending)\s+(?:myself|my ?self|himself|herself|themselves)\b", kind="self_harm"),
    Rule("self_harm", "emergency",
         rf"\b{WHO}\b[^.?!]{{0,40}}\b(?:suicidal|suicide (?:thoughts|attempt|plan|note)|take (?:my|his|her|their) (?:own )?life|end (?:my|his|her|their) (?:own )?life)", kind="self_harm"),
    Rule("self_harm", "emergency",
         rf"\b{WHO}\b[^.?!]{{0,40}}\b(?:(?:thinking|thought|thoughts|think|considering|contemplating) (?:about |of )?(?:suicide|killing (?:myself|himself|herself))|(?:commit|attempt|attempted|committing|try) suicide)\b", kind="self_harm"),
    Rule("self_harm", "emergency", r"\bsuicid\w*\b[^.?!]{0,40}\b(?:i|me|my|myself|i'm|i've)\b", kind="self_harm"),
    Rule("self_harm", "emergency",
         r"\b(?:want|wants|wanted|going|planning|plan|thinking about how)\s+to\s+(?:die|end it|end (?:it all|my life|things|everything)|kill (?:myself|himself|herself)|not (?:be here|exist|wake up))\b", kind="self_harm"),
    Rule("self_harm", "emergency", r"\b(?:don't|dont|do not|no longer)\s+want\s+to\s+(?:live|be alive|be here|go on|wake up|exist)\b", kind="self_harm"),
    Rule("self_harm", "emergency", r"\bno (?:reason|point) (?:(?:to|in|of) )?(?:living|live|go on|going on|carrying on|being alive)\b"
         r"(?! with (?:the |my |his |her )?(?:treat|chemo|therap|ivig|steroid|med|drug|infusion|trial))|\bbetter off (?:dead|without me)\b|\bend it all\b", kind="self_harm"),
    Rule("self_harm", "emergency", rf"\b{WHO}\b[^.?!]{{0,30}}\bself[- ]?harm(?:ing)?\b", kind="self_harm"),
    # severe allergic reaction, explicit calls for emergency help
    Rule("anaphylaxis", "emergency", r"\b(?:throat|tongue|lips?|airway) (?:is |are |feels |feel )?(?:closing|swelling|swollen|tight)\b"),
    # acute signs worded loosely: guarded (not past, not hypothetical, not a general question; see safety.py)
    Rule("unconscious", "emergency",
         r"\b(?:not|isn't|is not|no longer|hasn't|has not|haven't|won't|can't|cannot|still hasn't|still not)\s+"
         r"(?:moving|conscious|concious|awake|answering|responding|come round|come around|come to|woken(?: up)?|woke up)\b"
         r"(?!\s+(?:his|her|my|their|the)\s+(?:legs?|arms?|hands?|feet|foot|fingers?|toes?)|\s+(?:well|much|very|properly to|to (?:(?:the|his|her|my|any|their|a|new|current|latest|first|second)\s+){0,2}(?:treatments?|therap\w*|chemo\w*|medications?|medicines?|meds|drugs?|steroids?|ivig|immunotherapy|plasma\w*|infusions?)))",
         guard=True),
    Rule("unconscious", "emergency", r"\b(?:can't|cannot|couldn't|unable to) get (?:him|her|them|my \w+) to (?:respond|wake|answer|move|open)", guard=True),
    Rule("unconscious", "emergency",
         rf"\b{WHO}\s+(?:just\s+|suddenly\s+|has\s+|have\s+)?(?:collapsed|passed out|fainted|blacked out|keeled over|went limp|went floppy)\b", guard=True),
    Rule("unconscious", "emergency", r"\beyes (?:are |have |keep )?(?:rolled|rolling) back\b|\bfoaming at the mouth\b", guard=True),
    Rule("unconscious", "emergency",
         rf"\b(?:can't|cannot|won't|will not|couldn't) be (?:woken|woke|roused|wakened|brought round)\b|\b{WHO}\s+(?:is |was |'s )?(?:now )?slumped\b", guard=True),
    Rule("overdose", "emergency",
         r"\b(?:took|taken|swallowed|ate)\s+(?:\d{2,}|twenty|thirty|forty|fifty|a hundred)\s+(?:of\s+)?(?:my |his |her |the |their )?(?:\w+\s+)?(?:pills|tablets|capsules|meds)\b",
         guard=True),
    Rule("severe_bleeding", "emergency", r"\b(?:a lot of|lots of|so much|loads of|a pool of) blood\b", guard=True),
    Rule("stroke", "emergency", r"\b(?:face|mouth|smile)\b[^.?!]{0,25}\b(?:droop\w*\b(?!\s+(?:eye|lid))|dropped|sagging|lopsided)", guard=True),
    Rule("seizure_now", "emergency",
         r"\b(?:is|are|'s|'re|keeps?|started|starting)\s+(?:having\s+)?(?:convulsions|fits|fitting|twitching all over|shaking all over|jerking all over)\b", guard=True),
    Rule("not_breathing", "emergency",
         rf"\b(?:{WHO}|(?:his|her|my|the baby's|their) (?:lips|face|skin))\s+(?:is |are |'s |has |have )?(?:turning|turned|gone|going|is|are|looks?|looking)\s+(?:really |very |so |all |a bit )?(?:blue|grey|gray|purple)\b", guard=True),
    Rule("not_breathing", "emergency", rf"\b{WHO}\b[^.?!]{{0,20}}\bbreathing (?:very |really |so )?(?:strangely|weirdly|weird|funny|oddly|abnormally|shallow(?:ly)?|noisily)\b", guard=True),
    Rule("chest_pain", "emergency",
         r"\b(?:severe|sever|crushing|terrible|awful|intense|unbearable|really bad|very bad|bad)\s+(?:pain in (?:my|his|her) chest|chest pains?)\b", guard=True),
    Rule("chest_pain", "emergency", r"\bchest\b[^.?!]{0,60}\b(?:arm|jaw)\b[^.?!]{0,15}\b(?:numb|hurts|hurting|tingling|pain|aching)\b", guard=True),
    Rule("stroke", "emergency", r"\bworst headache (?:of (?:my|his|her|their) life|ever|i've ever had)\b|\bthunderclap headache\b", guard=True),
    Rule("head_injury", "emergency",
         r"\b(?:fell|fall|fallen|hit|banged|bumped|knocked)\b[^.?!]{0,30}\bhead\b[^.?!]{0,50}\b(?:confused|sleepy|drowsy|vomit\w*|throwing up|threw up|unconscious|"
         r"not making sense|bleeding|passed out|won't wake|can't stay awake|seizure|fitting|slurr\w*)", guard=True),
    Rule("stroke", "emergency",
         r"\b(?:can't|cannot|can not|couldn't|unable to) (?:move|feel|lift)\b[^.?!]{0,20}\bone side\b|\bone side of (?:his|her|my|their|the) (?:body|face)\b[^.?!]{0,20}\b(?:numb|weak|droop\w*|paraly[sz]ed|dead)\b",
         guard=True),
    # spinal cord compression (cancer in the spine): legs that suddenly will not move or feel
    Rule("cord_compression", "emergency",
         r"\b(?:can't|cannot|can not|couldn't|unable to) (?:move|feel|lift|stand on) (?:my|his|her|their|both) (?:own )?legs\b|"  # or, with an onset:
         r"\blegs (?:have |has )?(?:just )?(?:stopped working|won't work|gone dead|went dead)\b(?=[^.?!]{0,30}\b(?:today|tonight|this \w+|since|now)\b)",
         guard=True),
    Rule("anaphylaxis", "emergency",
         r"\b(?:having|has|is having|'s having|got)\s+(?:a\s+)?(?:really |very |severe |bad |serious )*allergic reaction\b|"
         r"\b(?:lips|tongue|throat) (?:is |are |keeps? |has |have |got |gone |went )?(?:really |very |so )?"
         r"(?:swelling|swollen|puffing up|puffed up|blowing up|huge|massive|enormous|getting bigger)\b|"
         r"\b(?:stung|sting|bitten)\b[^.?!]{0,40}\b(?:swell\w*|breath\w*|throat|tongue|lips|hives|rash|dizzy|faint)", guard=True),
    Rule("self_harm", "emergency",
         r"\b(?:i|i'm|im)\s+(?:really\s+)?(?:wanna|want to|going to|gonna|about to|planning to|plan to)\s+(?:die|kill myself|end it|end my life|not wake up|overdose|od|take (?:all|a whole|every)\b)\b|"
         r"\b(?:ending|end|take|taking) my (?:own )?life\b", kind="self_harm", guard=True),
    Rule("asks_for_help_now", "emergency",
         r"\b(?:i'm|im|i am|i think i'm|i think im|he's|she's|he is|she is) dying\b|\b(?:need|get|send|called|calling) (?:an |the )?ambulance\b|"
         r"\b(?:how (?:do i|to) (?:do|give|perform|start) )cpr\b|\b(?:doing|giving|started|start) cpr\b", guard=True),
    Rule("unconscious", "emergency",
         r"\b(?:won't|will not|doesn't|does not|isn't|can't)\s+(?:answer|respond|wake)\b"
         r"(?!\s+(?:my|the|his|her|our|their|any) (?:calls?|phone|texts?|messages?|questions?|door|emails?)|\s+(?:well|to (?:(?:the|his|her|my|any|their|a|new|current|latest|first|second)\s+){0,2}(?:treatments?|therap\w*|chemo\w*|medications?|medicines?|meds|drugs?|steroids?|ivig|immunotherapy|plasma\w*|infusions?)))",
         guard=True),
    Rule("unconscious", "emergency", r"\b(?:and|then|now|just|has|suddenly)\s+(?:collapsed|passed out|fainted|blacked out|keeled over)\b", guard=True),
    Rule("seizure_now", "emergency",
         r"\b(?:seizure|seizing|fitting|convulsing|convulsions|shaking|jerking)\b[^.?!]{0,10}\bfor\s+(?:over |more than |about |almost )?(?:\d+|a few|several|five|ten|two|three|four)\s*(?:minutes|mins)\b",
         guard=True),
    Rule("seizure_now", "emergency", r"\b(?:has|have|'s|'ve) been (?:fitting|seizing|convulsing|having (?:a )?(?:seizures?|fits?|convulsions))\b", guard=True),
    Rule("overdose", "emergency",
         r"\b(?:took|taken|swallowed|ate)\s+(?:\d{2,}|twenty|thirty|forty|fifty|a hundred)\s+of\s+(?:my|his|her|their|the)\s+\w+|"
         r"\b(?:took|taken|swallowed|overdosed)\b[^.?!]{0,40}\bon purpose\b", guard=True),
    Rule("severe_bleeding", "emergency",
         r"\bcoffee[- ]grounds?\b|\b(?:black|tarry|bloody)\b[^.?!]{0,15}\b(?:stools?|poo|poop|bowel movements?)\b", guard=True),
    Rule("meningitis_signs", "emergency",
         r"\b(?:fever|temperature)\b[^.?!]{0,40}\bstiff neck\b|\bstiff neck\b[^.?!]{0,40}\b(?:fever|temperature|confus\w*|rash)\b", guard=True),
    Rule("unconscious", "emergency",
         r"\b(?:keeps?|kept|is|are|'s)\s+(?:passing out|fainting|blacking out|collapsing|losing consciousness)\b"
         r"(?![^.?!]*\b(?:is (?:that|this|it)|could (?:that|this|it) be|can (?:pns|this|it) cause|when (?:she|he|i|they) (?:stands?|gets? up)))", guard=True),
    Rule("seizure_now", "emergency",
         r"\b(?:seizure|fit|convulsion)s?\b[^.?!]{0,40}\b(?:still|now)\b[^.?!]{0,20}\b(?:drowsy|sleepy|confused|unresponsive|out of it|not right)\b", guard=True),
    Rule("chest_pain", "emergency", r"\b(?:holding|clutching|grabbing|gripping) (?:his|her|my|their) chest\b", guard=True),
    Rule("stroke", "emergency",
         r"\bsudden(?:ly)?\b[^.?!]{0,30}\b(?:weakness in (?:my|his|her|their) (?:left |right )?(?:arm|leg|hand|face|side)|speech is (?:slurr\w*|garbled|weird|strange))\b",
         guard=True),
    Rule("overdose", "emergency",
         r"\b(?:toddler|baby|child|kid|son|daughter|infant|grandson|granddaughter)\b[^.?!]{0,25}\b(?:swallowed|ate|drank|got into|has taken|took)\b"
         r"[^.?!]{0,40}\b(?:pills?|tablets?|medicines?|medications?|meds|capsules|bleach|detergent|batter(?:y|ies)|poison\w*)", guard=True),
    Rule("self_harm", "emergency",
         r"\b(?:slit|slashed|cut|sliced)\s+(?:my|his|her|their)\s+wrists?\b|"
         r"\b(?:going to|gonna|want to|wanna|about to|planning to|plan to)\s+(?:jump off|jump in front of|step in front of|hang myself|shoot myself|drown myself)\b|"
         r"\b(?:have|made|got) a plan to (?:kill|end|hurt)\b", kind="self_harm", guard=True),
    # signs described without their names (guarded): a seizure as "gone stiff and jerking", a stroke as "her face has
    # slipped" or "talking gibberish and can't hold a cup", no breath as "gulping for air" or "gurgling", no pulse
    Rule("seizure_now", "emergency",
         r"\b(?:gone|went|going|is|'s|are|all)\s+(?:all\s+|really\s+|very\s+)?(?:rigid|stiff)\b[^.?!]{0,40}\b(?:twitch\w*|jerk\w*|shak\w*|thrash\w*|convuls\w*)|"
         r"\b(?:thrashing|jerking|twitching) (?:about|around|all over)?\s*on the (?:floor|ground|bed)\b", guard=True),
    Rule("stroke", "emergency",
         r"\b(?:face|mouth|smile|lip)\b[^.?!]{0,20}\b(?:has |is |looks? |gone |gone all )?(?:slipped|crooked|fallen|dropped|twisted)\b|"
         r"\b(?:not making (?:any )?sense|talking (?:gibberish|nonsense)|(?:words|speech) (?:are |is )?(?:coming out wrong|garbled|jumbled|muddled))\b"
         r"[^.?!]{0,60}\b(?:face|arm|hand|leg|side|cup|grip|droop\w*|lopsided)\b", guard=True),
    Rule("not_breathing", "emergency",
         r"\b(?:gulping|gasping|grabbing|struggling) (?:for|at) (?:air|breath)\b|\b(?:gurgling|rattling|rattly) (?:noises?|sounds?|breath\w*)\b|"
         r"\bbreath\w*\b[^.?!]{0,25}\b(?:rattl\w*|gurgl\w*)\b|"
         r"\b(?:lips|fingertips|fingernails|nails|face)\b[^.?!]{0,30}\b(?:blue|bluish|blueish|bluey|purple|dusky|grey|gray)\b(?! (?:dress|shirt|eyes|light|badge|ribbon))", guard=True),
    Rule("unconscious", "emergency", r"\b(?:can't|cannot|cant|couldn't) (?:feel|find|get) (?:a|any|his|her) (?:pulse|heartbeat)\b|\bno (?:pulse|heartbeat)\b", guard=True),
    Rule("unconscious", "emergency",
         r"\b(?:isn't|isnt|is not|not|no longer)\s+reacting\b(?! (?:well|badly) to)|\b(?:can't|cannot|cant|couldn't) keep (?:him|her|them|my \w+) awake\b|"
         r"\b(?:too|so) (?:drowsy|sleepy) to (?:wake|talk|answer|respond)\b|\b(?:very |really )?hard to (?:wake|rouse)\b|"
         # consciousness told by degree: "barely rousable", "hardly responsive" (never "barely responding to treatment")
         r"\b(?:barely|hardly|only just)\s+(?:rousable|arousable|conscious|responsive|responding)\b(?!\s+to\b)", guard=True),
    # a named person's chest ("dads chest is hurting"); low blood pressure with a number; a swelling face with a
    # breathing sign; a count of tablets typed loosely ("took like 40 paracetamols"); farewell signs of suicide
    Rule("chest_pain", "emergency",
         r"\b\w+(?:'s|s) chest (?:hurts|is hurting|is (?:really |so |very )?(?:painful|tight|sore|crushing))\b", guard=True),
    Rule("shock", "emergency",
         r"\b(?:blood pressure|bp)\b[^.?!]{0,30}\b(?:[4-8]\d) ?(?:over|/) ?(?:[2-5]\d)\b", guard=True),
    Rule("anaphylaxis", "emergency",
         r"\b(?:face|eyes|mouth|cheeks)\b[^.?!]{0,15}\b(?:swelling|swollen|puffing up|ballooning|blowing up)\b[^.?!]{0,60}\b(?:wheez\w*|breath\w*|throat|tongue|hives|swallow\w*)", guard=True),
    Rule("overdose", "emergency",
         r"\b(?:took|taken|swallowed|ate|had)\s+(?:like |about |around |maybe |over |at least |nearly |almost )?(?:[2-9]\d|\d{3,}|twenty|thirty|forty|fifty|sixty|a hundred)\s+"
         r"(?:of\s+)?(?:my |his |her |the |their )?(?:\w+\s+)?(?:pills|tablets|capsules|meds|paracetamols?|ibuprofens?|aspirins?|painkillers|co-codamol|codeine|"
         r"morphine|oxycodone|tramadol|diazepam|sleeping pills)\b", guard=True),
    # vital signs read out as numbers (oxygen below 90, a pulse below 40 or above 150), poisons, a whole supply taken,
    # someone found unconscious or gone down and not getting up (classes of the round's probe bank's rule misses)
    Rule("vital_signs", "emergency",
         r"\b(?:oxygen|sats|saturations?|spo2|o2)\b[^.?!]{0,20}\b(?:[5-8]\d)\b(?! (?:years?|mg|minutes|mins))|"
         r"\b(?:heart ?rate|pulse)\b[^.?!]{0,15}\b(?:[1-3]\d|1[5-9]\d|2\d\d)\b(?! (?:years?|minutes|mins|seconds))", guard=True),
    Rule("overdose", "emergency",
         r"\b(?:swallowed|drank|drunk|ate|eaten|took|taken|has had)\b[^.?!]{0,25}\b(?:poison|bleach|weed ?killer|antifreeze|drain cleaner|"
         r"button batter(?:y|ies)|lighter fluid|paraffin|slug pellets)\b|"
         r"\b(?:took|taken|swallowed)\b[^.?!]{0,15}\b(?:whole|entire) (?:\w+ ){0,2}(?:supply|prescription|stash|packet|pack)\b|"
         # every tablet at once: "swallowed every pill in her dosette box", "took every one of his tablets"
         r"\b(?:took|taken|swallowed)\b[^.?!]{0,10}\bevery (?:single )?(?:one of (?:my|his|her|their|the) )?(?:pills?|tablets?|capsules?|meds)\b|"
         r"\b(?:overdid it|too much) (?:on|of) (?:heroin|fentanyl|methadone|morphine|oxy\w*|drugs|pills|insulin|ketamine|ghb)\b", guard=True),
    Rule("unconscious", "emergency",
         r"\bfound\b[^.?!]{0,25}\b(?:unconscious|unresponsive|not breathing|collapsed|lifeless)\b|"
         r"\b(?:dropped|went down|hit the floor|keeled over)\b[^.?!]{0,30}\b(?:isn't|isnt|is not|not|won't|wont|can't|cant)\s+"
         r"(?:getting up|get up|moving|answering|responding|breathing)", guard=True),
    Rule("severe_bleeding", "emergency",
         r"\b(?:vomiting|throwing up|coughing up|spitting up|bringing up)\b[^.?!]{0,25}\b(?:bright red|dark red|fresh|lots of|a lot of|so much) blood\b", guard=True),
    Rule("meningitis_signs", "emergency",
         r"\bneck (?:is |feels )?(?:really |very )?stiff\b[^.?!]{0,60}\b(?:fever|temperature|hot|burning|light|rash|confus\w*)|"
         r"\b(?:fever|temperature|hot|burning up)\b[^.?!]{0,60}\bneck (?:is |feels )?(?:really |very )?stiff\b", guard=True),
    Rule("self_harm", "emergency",
         r"\b(?:i'm|im|i am|he's|she's|he is|she is)\s+(?:going to|gonna|about to|planning to) jump\b(?! (?:in|into|on|onto) (?:the|a) (?:pool|sea|lake|river for|queue|shower|bed|train|bus))",
         kind="self_harm", guard=True),
    # euphemisms of suicide (after check bank 5's blind part was read): a burden ended "for good", goodbyes to everyone,
    # a rope or noose got ready; heavy bleeding worded loosely ("bleeding heavy ... wont stop")
    Rule("self_harm", "emergency",
         r"\bstop being a burden\b|\b(?:not|no longer) (?:be )?a burden (?:to \w+ )?(?:for good|much longer|after tonight)\b|"
         r"\b(?:tonight|today) is the (?:night|day) (?:i|he|she)\b[^.?!]{0,40}\b(?:end|stop|go|die|burden|for good)\b|"
         r"(?<!\bwe )\b(?:said|saying|says|texted|wrote|written) (?:his |her |my |their )?goodbyes? to (?:everyone|everybody|us all|all of us)\b(?! (?:at|in) the)|"
         r"\bnoose\b|\b(?:rope|ligature)\b[^.?!]{0,30}\b(?:garage|loft|attic|shed|tree|beam|ready|tied)\b", kind="self_harm", guard=True),
    # hopelessness with a place or a means in the same message: "what's the point ... i'm going to the bridge after this"
    Rule("self_harm", "emergency",
         rf"{_HOPELESS}[^\n]{{0,150}}{_MEANS}|{_MEANS}[^\n]{{0,150}}{_HOPELESS}", kind="self_harm", guard=True),
    Rule("severe_bleeding", "emergency",
         r"\bbleeding (?:really |very |so )?(?:heavy|heavily|a lot|loads)\b|\bbleeding\b[^.?!]{0,50}\b(?:won't|wont|will not|doesn't|does not|isn't|is not) stop(?:ping)?\b",
         guard=True),
    Rule("self_harm", "emergency",
         r"\b(?:written|wrote|writing|left) (?:my |a |her |his |their )?(?:goodbye|farewell|suicide) (?:letters?|notes?|messages?)\b|"
         r"\b(?:pills|tablets) (?:are )?(?:counted|lined) (?:out|up)\b", kind="self_harm", guard=True),
    # fever on chemotherapy read out as a number (neutropenic sepsis): a reading of 38 C / 100.4 F or more in a message
    # that names chemotherapy; a threshold quoted from a leaflet ("a temperature over 38 is an emergency") is no reading
    Rule("chemo_fever", "emergency",
         rf"{_READING}[^\n]{{0,150}}{CHEMO}|{CHEMO}[^\n]{{0,150}}{_READING}", guard=True),
    # sudden loss of sight: "lost the sight in my right eye", "my eyesight went", "can't see out of either eye", "went
    # blind", a curtain
    Rule("vision_loss", "emergency",
         r"\b(?:lost|losing|gone|went)\b[^.?!]{0,12}\b(?:sight|vision)\b[^.?!]{0,12}\b(?:in|of|out of) (?:my|his|her|their|one|both|the)\b|"
         r"\b(?:suddenly|just|all of a sudden|out of nowhere)\b[^.?!]{0,20}\b(?:lost|losing)\b[^.?!]{0,12}\b(?:sight|vision)\b|"
         r"\b(?:can't|cannot|can not|couldn't)\s+see\s+(?:anything|a thing|out of (?:my|his|her|their|one|both|either|the))\b|"
         r"\b(?:gone|went|has gone)\s+(?:completely |totally |suddenly )?blind\b|"
         r"\b(?:sight|vision|eyesight)\b(?: in (?:my|his|her|their|one|both) (?:left |right )?eyes?)? (?:has |have |just |suddenly )*"
         r"(?:went|disappeared|vanished|blacked out|gone (?:black|dark))\b(?! (?:blurr\w*|fuzzy|funny|a bit|a little|downhill|worse|bad))|"
         r"\b(?:curtain|shadow|blackness)\b[^.?!]{0,20}\b(?:came down|coming down|come down|over (?:my|his|her|their) (?:eye|vision|sight))\b",
         guard=True),
    Rule("asks_for_help_now", "emergency", r"\b(?:should i|do i|need to|do we|should we) call (?:an ambulance|911|999|112|000|emergency services)\b|\bis this an emergency\b|\bcall(?:ing)? an ambulance\b"),
)
