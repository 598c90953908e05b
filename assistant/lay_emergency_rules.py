"""Emergency rules for signs told in lay words the main table misses: a young infant burning up, drowsiness together with
confusion, a sudden colour change, despair with no stated act, a very high calcium reading with its symptoms, a
severe hypo's glucose reading with its signs.

Why a module of its own: assistant/safety_rules.py holds the main table and is at its size limit; these rules are read
after it (assistant/safety.py) in the same way, one named regular expression each, so a test can name the rule that
fired. Each is guarded (a past, hypothetical or general sentence is skipped: the learned check still reads it; despair
unguarded was tried, but the typed "whats the point of living ..., im done" then lost to the normalised "what's ...",
read as a general question and deferred) and each hit also passes the doubtful
framings (assistant/safety_framing.py, assistant/mild_signs.py), which defer it to the learned check rather than
firing. Why rules when the learned check exists: its probability for these phrasings sits near the threshold (an infant
"burning up" p 0.64, a calcium of 3.9 with vomiting and confusion p 0.51), so a retraining can drop them; a rule
keeps them whatever the model does. Each rule needs two things together (an infant's age and heat, drowsiness and
confusion, a reading and a symptom, a colour and a person as its subject), so the look-alikes that name one of them
("whats a normal temperature for a 3 week old", "can high calcium cause confusion", "my hair has gone a funny colour")
do not match.
"""

from __future__ import annotations

from assistant.safety_rules import RELATIVE, Rule

# an infant under about three months: "newborn", "3 wk old", "10 days old", "1 month old", "shes only 2 weeks", "is 6 weeks"
_SMALL = r"(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_INFANT = (r"(?:\bnew[- ]?born|\bneonate|\b" + _SMALL + r"[ -]?(?:wk|wks|week|weeks)[ -]old|\b\d{1,2}[ -]?(?:day|days)[ -]old|"
           r"\b(?:1|one|2|two|3|three)[ -]?(?:month|months|mth|mo)[ -]old|"
           r"\b(?:is|'s|s|only|just|aged) " + _SMALL + r" ?(?:wk|wks|weeks?)\b(?! (?:ago|into|of|on|after|since|post|pregnant)))")
# heat told without a number, or a fever named as had: "burning up", "boiling hot", "red hot", "has a fever", "hot to touch"
_HOT = (r"(?:burning up|boiling(?: hot)?|roasting(?: hot)?|red hot|scorching(?: hot)?|(?:very|really|so|super|extremely) hot|"
        r"hot to (?:the )?touch|feverish|(?:has|have|got|running|with|developed) (?:a |got a )?(?:high |bad )?(?:fever|temp\b|temperature))")
# a reduced level of consciousness in lay words, and confusion in lay words: either alone is common talk, together acute
# (confused "by" or "about" something is puzzlement, not confusion)
_DROWSY = (r"(?:drifting (?:in and out|off)|in and out of (?:it|consciousness)|nodding off|barely (?:awake|conscious)|"
           r"(?:can't|cant|cannot|won't|wont|unable to|will not) (?:keep (?:his|her|their|my) eyes open|stay awake)|"
           r"drowsy|out of it|zoned out)")
_MUDDLED = (r"(?:making (?:no|any) sense|not making (?:any )?sense|talking (?:rubbish|nonsense|gibberish|jibberish)|"
            r"mumbling (?:nonsense|rubbish)?|(?:confused|muddled)(?! (?:by|about|with|over|as to|which|what|how))|(?:doesn't|doesnt|does not|didn't|didnt) (?:know|recogni[sz]e) (?:where|who|me|us)|"
            r"away with the fairies|not with it|(?:can't|cant|cannot) get (?:a |any )?(?:proper |straight )?(?:answer|sense))")
# whose colour changes: a person or a body part, never hair, a rash or a stool
_WHOSE = (rf"(?:\b(?:he|she|they|i|i've|ive|i'm|im)|\b(?:he|she)'?s|\b{RELATIVE}|\b(?:lips|face|mouth|skin|fingertips|fingers|"
          r"hands|feet|toes|legs|body)|\bhis|\bher)")
_CHANGE = r"(?:\s+(?:has|have|had|is|are|just|suddenly|now|all|gone))*\s+(?:gone|turned|turning|going|went)\s+(?:a\s+)?(?:all\s+|really\s+|very\s+|quite\s+|kind of\s+|bit\s+)?"
_AND_SIGN = (r"\s*(?:and|,)\s+(?:\w+\s+){0,2}?(?:clammy|sweaty|cold|limp|floppy|blotchy|struggling|gasping|not|isn't|isnt|won't|wont|"
             r"can't|cant|unresponsive|confused|really quiet|breathing)\b")
# a calcium reading far above normal (3.5 mmol/L or 14 mg/dL and over) or said to be dangerously high, and a symptom of it
_CALCIUM = (r"\bcalcium\b[^.?!]{0,30}?(?:\b(?:3\.[5-9]\d?|[45](?:\.\d+)?)(?![\d.])(?!\s*(?:years?|months?|weeks?|days?|%))|"
            r"\b(?:1[4-9]|2\d)(?:\.\d+)?\s*mg|\b(?:dangerously|critically|extremely|very|really|super|sky|so) high\b|through the roof)")
_CALCIUM_SIGN = (r"(?:confus\w*|vomit\w*|throwing up|being sick|drowsy|sleepy|barely awake|(?:can't|cant|cannot) think|"
                 r"heart (?:is )?(?:racing|fluttering|pounding|skipping)|muddled|not making sense|out of it)")
# a blood glucose reading of a severe hypo (under 3.0 mmol/L, or 20-53 mg/dL) and a sign of it: a reading alone is a
# number to ask about ("my sugar was 2.8 this morning, is that low"), with the brain short of sugar it is an emergency
_SUGAR = (r"\b(?:sugars?|glucose|bm|bms|blood sugar)\b[^.?!]{0,20}?\b(?:[0-2]\.\d|[1-2](?![\d.])|[2-4]\d(?=\s*mg)|5[0-3](?=\s*mg))"
          r"(?![\d.])(?!\s*(?:years?|months?|weeks?|days?|hours?|hrs?|mins?|minutes?|%|times?|x\b))")
_HYPO_SIGN = (r"(?:confus\w*|sweat\w*|clammy|shak\w*|trembl\w*|drowsy|sleepy|not making (?:any )?sense|making no sense|slurr\w*|"
              r"(?:not|isn'?t|isnt) (?:responding|answering|waking)|unresponsive|passed out|fitting|out of it|(?:can't|cant) wake)")

LAY_EMERGENCY_RULES: tuple[Rule, ...] = (
    # a fever in an infant under three months is an emergency whatever the number (NICE: high risk at 38 C or more)
    Rule("infant_fever", "emergency", rf"{_INFANT}\b[^.?!]{{0,60}}?\b{_HOT}|\b{_HOT}\b[^.?!]{{0,40}}?{_INFANT}", guard=True),
    # "drifting in and out" with a person as its subject (not attention, sleep or a signal), or "in and out of consciousness"
    Rule("unconscious", "emergency",
         rf"(?:\b(?:he|she|they|who)|\b(?:he|she)'?s|\b{RELATIVE})(?:\s+(?:is|keeps|kept|has been|'s|been|just|now|still|keep))*\s+"
         r"(?:drifting|slipping|going) in and out\b(?! of (?:sleep|focus|attention|work|hospital))|\bin and out of consciousness\b",
         guard=True),
    Rule("unconscious", "emergency", rf"\b{_DROWSY}\b[^.?!]{{0,60}}?\b{_MUDDLED}|\b{_MUDDLED}\b[^.?!]{{0,60}}?\b{_DROWSY}\b", guard=True),
    # "gone a funny colour", "turned blue around the mouth", "gone grey and clammy"; "gone grey" alone is hair, so a pale
    # colour counts with "colour" after it or another sign beside it
    Rule("colour_change", "emergency",
         rf"{_WHOSE}{_CHANGE}(?:(?:funny|weird|strange|odd|horrible|awful|bad)\s+(?:\w+\s+)?colou?r|"
         rf"(?:blue|bluish|blueish|purple|dusky|ashen|mottled)\b|(?:grey|gray|white|pale|yellowy|yellow)\b(?:\s+\w+)?\s+colou?r|"
         rf"(?:grey|gray|white|pale)\b{_AND_SIGN})", guard=True),
    Rule("self_harm", "emergency",
         r"\b(?:everyone|everybody|they|people|the world|my (?:\w+ )?(?:family|kids|children|wife|husband|partner))\b[^.?!]{0,25}?"
         r"\b(?:would|will|'d|d)\s+(?:be|cope|manage|do|get on)\s+(?:so |much |a lot |far )?better(?:\s+off)?\b[^.?!]{0,15}?"
         r"(?:without me|if i (?:was|were|wasn't|wasnt|weren't|werent)\b|when i'?m gone|once i'?m gone)|"
         r"\b(?:what's|whats|what is) the point (?:of|in) (?:(?:me|my) (?:being (?:here|alive|around)|living|existing|life|going on|carrying on)|"
         r"(?:living|being alive|existing)\b(?! (?:longer|more|a few|an extra|extra|on|if|for))(?!-))\b|"
         r"\b(?:don't|dont|do not|can't|cant) see (?:the|any) point (?:in|of) (?:going on|living|carrying on|being (?:here|alive)|life)\b|"
         r"\b(?:don't|dont|do not|can't|cant) see (?:the|any) point (?:anymore|any more|now)\b(?!\s*(?:of|in|to|with|for)\b)|"
         r"\bwish (?:that )?i (?:could )?(?:just )?(?:go to sleep and never wake up|(?:was|were) dead|(?:wasn't|wasnt|weren't|werent) "
         r"(?:here|alive|born)|(?:didn't|didnt) wake up|could disappear)|"
         r"\b(?:want|wanna|going) to (?:disappear|vanish) (?:forever|for good|permanently)\b|"
         r"\bwant (?:it all|everything|the pain|this|it) to (?:stop|end) (?:for good|forever|permanently)\b",
         kind="self_harm", guard=True),
    Rule("high_calcium", "emergency",
         rf"{_CALCIUM}[^.?!]{{0,80}}?\b{_CALCIUM_SIGN}|\b{_CALCIUM_SIGN}\b[^.?!]{{0,60}}?{_CALCIUM}", guard=True),
    Rule("low_sugar", "emergency", rf"{_SUGAR}[^.?!]{{0,80}}?\b{_HYPO_SIGN}|\b{_HYPO_SIGN}\b[^.?!]{{0,80}}?{_SUGAR}", guard=True),
)
