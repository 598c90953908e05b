"""Framings that make an emergency rule's hit doubtful: the words are there, the event may not be happening now.

Why a second look at a rule hit: a rule names an acute sign ("overdosed", "can't breathe", "collapsed"), but
people also write those words about the past ("she overdosed when she was a teenager"), a resolved event
("... but he is doing well now"), a hypothetical or a question about what to do in general ("if someone
can't breathe, who do i call", "first aid for someone who has collapsed"), a story ("the film had a woman
who couldn't wake up"), an animal or a thing ("my cat is not breathing properly"), an idiom ("i'm dying to know",
"he's blue about his diagnosis") or a long-standing mild complaint ("occasional chest tightness when anxious").

An animal in distress ("my parrot is choking on a seed, what do i do") is not a human medical emergency here: the
emergency reply sends people to human emergency services and crisis lines, which cannot help a pet (a vet can), so
such a message is answered or refused as off-topic. A person named in the same sentence as the one in trouble
("my dog knocked grandma over and she is not breathing") keeps it an emergency; the asker's own words ("what do i do",
"help me", "i am scared") name no one in trouble.

Such a hit is not dropped: it is **deferred** to the learned check (assistant/emergency_model.py), which reads
the whole sentence and decides; without the model a deferred hit still counts as an emergency (recall first).
The patterns only ever look at the sentence the hit is in (up to . ! ? : or a line break), and a word of the
present ("right now", "still", "again") keeps the past and chronic framings from deferring. `doubtful_piece`
applies the idiom, story, animal and thing framings to the pieces the learned check scores.
"""

from __future__ import annotations

import re

from assistant.safety_rules import span_between

# the event is placed in the past (beyond assistant/safety.py's _PAST, which reads only the comma-bounded clause)
_PAST = re.compile(
    r"\b(?:(?<!\bat )once\b(?! (?:he|she|i|they|we|you|it)\b)|when (?:i|he|she|they|we) (?:was|were) (?:a |still |first )?"
    r"(?:teenager|teen|child|kid|young|younger|little|small|baby|diagnosed|at school|in (?:school|college|university)|"
    # an age dates the event: "when i was 22", "when she was about 30", "when he was 8 years old"
    r"(?:about |around |only |just )?\d{1,2}(?: years? old)?(?![.\d]| ?(?:minutes?|mins?|hours?|hrs?|seconds?|secs?|days?|weeks?|degrees?|%)))|"
    r"(?:that|this|it) was (?:\w+ ){0,3}ago|back then|during (?:the |his |her |my )?(?:surgery|operation|procedure|war)|"
    r"in (?:his|her|my|their|our) (?:teens|twenties|thirties|forties|fifties|youth)|before (?:his|her|my|their|the) (?:\w+ )?diagnosis|"
    r"years? (?:back|before|earlier)|"
    # a decade or a year dates the event: "in the 90s", "back in 2019"; "the time my brother passed out" opens an anecdote
    r"in the (?:19|20)?\d0'?s|as a (?:kid|child|teenager|teen|toddler|baby|student)|"
    r"(?:in the (?:\w+ )?(?:days|weeks|months|years) )?before (?:he|she|they|my \w+) (?:died|passed away)|(?:back )?in (?:19|20)\d\d|(?<!by )(?<!at )(?<!all )the time (?:when )?(?:i|my|he|she|we|they|our|his|her)|"
    # the event that led to a diagnosis: "the first sign was that he fainted", "that is how her cancer was found"
    r"(?:first|earliest|initial) (?:sign|symptom|clue|thing)s? (?:was|were)|in the (?:spring|summer|autumn|fall|winter)|"
    r"(?:showed up|was found|was diagnosed|came to light|was picked up) after|(?:it|this|that|the \w+) (?:all )?(?:started|began) when|"
    r"(?:that|this)(?:'s| is| was) how (?:\w+ ){0,3}(?:was|were|got) (?:found|diagnosed|picked up|discovered|spotted))\b")
# the event is over: "but he is doing well now", "the hospital checked her and sent her home"
_RESOLVED = re.compile(
    # "she's been fine for months": a state that has lasted is over too
    r"\b(?:i'm|im|i am|he's|hes|he is|she's|shes|she is|they're|they are|we're|we are|(?:i|he|she|they|we) (?:has|have))\s+"
    r"(?:been )?(?:much |a lot |doing |now |all |really |totally |completely )?"
    r"(?:fine|ok|okay|alright|all right|well|better|in a good place|recovered|back to normal)\b|"
    r"\b(?:i|he|she|they|we) (?:feel|feels|felt) (?:fine|ok|okay|alright|all right|well|normal|better)\b|"
    r"\b(?:it's|its|it is|(?:temp|temperature|fever) (?:is|has)) (?:gone )?(?:back (?:to )?)?(?:normal|down) (?:now|again)\b|"
    r"\bback to (?:(?:her|him|my|them|your)sel(?:f|ves)|(?:her|his|my|their) (?:old |usual |normal )?self)\b|"
    r"\b(?:sent (?:her|him|me|them) home|was admitted|(?:is|are) now in hospital|nothing since|sorted it|coughed it (?:out|up)|"
    r"(?:stopped|settled) (?:after|within) (?:a |\d+ )?(?:few |couple of )?(?:seconds|minutes|mins)|treated it|"
    r"carried on (?:talking|chatting|walking|eating|as (?:normal|usual|before)))\b")
# a hypothetical, a question about what to do in general, or a story
_HYPOTHETICAL = re.compile(
    r"\b(?:imagine|suppose|supposing|what if|hypothetically|(?:how|when) (?:do|would|should|can|could) (?:i|you|we|one|people) "
    r"(?:know|tell|recogni[sz]e)|when (?:to|should (?:i|we|you|one)|do (?:you|i|we)) call|first aid (?:for|to|on) (?:someone|somebody|a |an |people)|"
    r"what (?:should|do|would|can) "
    r"(?:you|one|people) do)\b")
_STORY = re.compile(
    r"\b(?:(?:in|on) (?:the|a|that|this|my|our) (?:\w+ )?(?:film|movie|tv show|show|series|episode|documentary|novel|book|story|podcast|"
    r"video|drama|soap|game|play|exam|course|dream|nightmare|war)|(?:the|a|my|our|this) (?:\w+ )?(?:film|movie|documentary|novel|book|story|"
    r"podcast|episode|drama|play|script|screenplay) (?:had|has|where|about|showed|shows|with|in which)|(?:watched|read|saw|heard|listened to) (?:a|the) (?:\w+ )?(?:film|movie|"
    r"documentary|novel|book|story|podcast|episode|programme|program|post|blog|thread)(?: \w+){0,2}? (?:where|about|in which)|(?:a|the|my|his|her|our) character|"
    r"the news (?:said|says|reported|showed)|on the news|video game)\b")
# an animal or a thing as the subject, right before the sign with no person named in between
_ANIMAL = re.compile(
    r"\b(?:my|our|the|his|her|their|a)\s+(?:\w+(?:'s|s')?\s+)?(?:cat|dog|puppy|kitten|hamster|rabbit|bunny|horse|pony|parrot|bird|"
    r"budgie|\w*fish|guinea pig|pet|lab|labrador|retriever|spaniel|terrier|collie|poodle|beagle|pug|husky|alsatian|greyhound|"
    r"whippet|dachshund|bulldog|sheepdog|pup|moggy|kitty|cockatoo|parakeet|tortoise|turtle|ferret|gerbil|rat|mouse|cow|sheep|goat|chicken|hen|duck|lamb|calf|"
    r"snake|lizard|gecko|iguana|canary|cockatiel|pigeon|donkey|pig|piglet|foal|chinchilla)s?\b")
_THING = re.compile(
    r"\b(?:my|our|the|his|her|their|this|a)\s+(?:\w+\s+)?(?:phone|laptop|computer|tablet|wifi|internet|router|meter|monitor|pump|"
    r"printer|app|website|site|car|battery|machine|screen|device|watch|smartwatch|fridge|alarm|tv|kindle|"
    # money told in a body's words: "our savings are bleeding out", "my budget is dying"
    r"savings|money|cash|budget|finances|funds|pension|wallet|bank account)s?\b")
_PREPOSITION = re.compile(r"\b(?:by|with|from|in|on|off|into|under|near|of|at|to|for|over)\s*$")
_PERSON_WORD = re.compile(
    r"\b(?:i|i'm|im|me|my|he|he's|hes|him|his|she|she's|shes|her|they|we|someone|somebody|mum|mom|mother|dad|father|"
    r"husband|wife|partner|son|daughter|child|kid|baby|brother|sister|friend|grandma|grandpa|gran|granny|nan|nana|grandad|"
    r"granddad|uncle|aunt|auntie|boyfriend|girlfriend|toddler|neighbou?r|man|woman|guy|lady|boy|girl|person|patient)\b")
# idioms that contain an emergency rule's words
_IDIOM = re.compile(
    r"\b(?:dying (?:to|2|for)\b|dying of (?:boredom|embarrassment|laughter|curiosity|shame|thirst|hunger|heat)\b|"
    r"(?:nearly|almost) (?:had|have|gave \w+) (?:a )?(?:heart attack|stroke|fit|seizure|coronary)|"
    r"(?:this|the|that|it|all) (?:\w+ ){0,2}(?:is|are|was) (?:choking|suffocating|drowning) me\b|"
    r"chok(?:ing|ed) on (?:all )?(?:the|this|that|those|these|so much) (?:\w+ )?(?:jargon|words|information|info|paperwork|forms|news|terms|details)|blue (?:about|since|because|over|after)\b|"
    r"breathe a sigh|(?:not |never )?breath(?:e|ing)? a word\b|blacked out (?:the|that|my|those|most of) (?:memory|memories|whole|day|evening|night|part)|"
    r"(?:blacked|blanked) out\b[^.?!]{0,40}\b(?:from|of) (?:(?:my|his|her|their|our) )?(?:memory|mind)|"
    # flopping onto a sofa is rest, unless a sign follows ("collapsed on the couch and isn't breathing")
    r"(?:collapsed|passed out|crashed) (?:(?:rn|now|just) )?(?:on|onto|into|in) (?:the|my|a|her|his) (?:sofa|couch|bed|chair|armchair)"
    r"(?![^.?!]{0,40}\b(?:not|isn't|isnt|is not|won't|wont|can't|cant|cannot)\s+(?:breathing|breathe|responding|respond|waking|wake|moving|answering))|"
    r"(?:responding|respond|answering|answer) to (?:my |his |her |our |their )?(?:texts?|messages?|calls?|emails?|button\w*|the door)|"
    # an emotion as the cause: "went floppy with relief", "collapsed with laughter"
    r"(?:collapsed|fainted|went (?:weak|floppy|limp)|keeled over)\b[^.?!]{0,15}\b(?:with|from) (?:relief|laughter|laughing|joy|embarrassment)\b|"
    r"collapsed (?:in )?laugh\w*|(?:can't|cant|cannot) breathe? (?:through|out of) (?:\w+ )?nose\b(?! or)|"  # "collapsed laughing", a blocked nose
    # laughter as the cause: "cant breathe from laughing", "crying with laughter"
    r"(?:can't|cant|cannot|couldn't) (?:breathe|breath|stop)\b[^.?!]{0,15}\b(?:from|with|for) (?:laugh\w*|giggl\w*)|"
    r"moving forward|wake up early|choked (?:during|on (?:his|her|my|their) words|up)\b|"
    # 'fitting' with an object is the verb to fit ("fitting a new kitchen", "fitting the carpet"), never a seizure
    r"\bfitting (?:a|an|new|some|the(?! (?:whole|entire|last|past|same|first|second|time|night|day|morning|evening)\b))\b)")
# a long-standing, mild or occasional complaint; only for signs that can be one (chest pain), never for a seizure,
# collapse or overdose ("seizing on and off for half an hour" is an emergency)
CHRONIC_RULES = frozenset({"chest_pain"})
_CHRONIC = re.compile(
    r"\b(?:occasional(?:ly)?|mild|sometimes|now and then|on and off|every so often|"
    # what sets it off, told with any verb of becoming: "when i'm anxious", "when i get stressed", "when she feels nervous"
    r"when (?:(?:i|he|she|they|we)(?:'m|'s|'re)? )?(?:am |is |are |get |gets |feel |feels |become |becomes )?"
    r"(?:very |really |a bit |so )?(?:anxious|stressed|nervous|panicky|panicking|panic|upset|worked up|exercis\w*|climbing)|"
    r"when (?:he|she|i) exercises|after meals|for (?:months|years))\b")
# the sign is denied: "i don't feel suicidal", "she's not unconscious, just sleepy", "he is not having a seizure"
_NEGATED = re.compile(
    r"(?i)\b(?:not|isn't|isnt|is not|never|no|don't|dont|doesn't|do not|does not|am not|i'm not|im not|wasn't|nothing like)\s+"
    r"(?:(?:feel|feeling|felt|been|really|actually|at all|currently|having|have|has|got|that|remotely)\s+){0,2}(?:a\s+)?"
    r"(?:suicidal|unconscious|unresponsive|seizure|fit|fitting|seizing|stroke|heart attack|choking|chest pain|confused|drowsy|"
    r"sleepy|feverish|a fever|a temperature|breathless|short of breath|shaking|shivering|hot|burning up|vomiting|"
    # "shes not struggling to breathe, just a blocked nose" (never "not breathing", itself the sign)
    r"struggling (?:to breathe|for breath|breathing)|(?:having )?(?:trouble|difficulty) breathing|gasping|wheezing|bleeding)\b")
_NOW = re.compile(r"\b(?:right now|rn|(?<!was )(?<!were )just|now|currently|at the moment|again|today|tonight|still|this (?:morning|evening|afternoon))\b")
_STILL = re.compile(r"\bstill\b")


def _present(text: str) -> bool:
    """A word of the present in `text`, where a bare "still" counts only when the words after it (to the next comma or
    stop) name an acute sign: "choked on a bone as a kid and still panic eating fish" tells a lasting fear, not a
    choking now; "overdosed as a teen and still cant breathe properly" keeps the present."""
    for m in _NOW.finditer(text):
        if not _STILL.fullmatch(m.group(0)):
            return True
        if _ACUTE_SIGN.search(re.split(r"[,.;?!]", text[m.end():], maxsplit=1)[0]):
            return True
    return False


# the asker's own words around an animal's or a thing's trouble ("what do i do", "help me", "i am scared"): they name a
# person, but not as the one in trouble, so they do not keep "my parrot is choking on a seed, what do i do" a human emergency
_ASKER = re.compile(
    r"\b(?:what (?:do|should|can|shall|would) (?:i|we) do|(?:should|can|do|shall|could) (?:i|we) (?:worry|help (?:it|him|her)|call the vet|do)|"
    r"help me|please help|(?:died|crashed|froze|gave up|packed up) on (?:me|us)|(?:i|we) (?:dont|don't|do not) know what to do|i(?:'m| am) (?:so )?(?:scared|worried|panicking|upset))\b")


# breathlessness on exertion told calmly ("out of breath walking uphill these days, im 70"): long-standing, unless a word
# of the present, of rest or of another sign is there ("suddenly breathless on the stairs and his lips are blue")
_EXERTION = re.compile(
    r"\b(?:out of breath|short of breath|breathless|puffed(?: out)?|winded)\b[^.?!]{0,30}\b(?:walking|climbing|going up|"
    r"uphill|up (?:the )?hills?|on hills|stairs|exercis\w*|running|jogging|the gym)\b|\b(?:walking|climbing|going up|uphill|"
    r"stairs|exercis\w*)\b[^.?!]{0,30}\b(?:out of breath|short of breath|breathless|puffed)\b")
_ACUTE = re.compile(
    r"\b(?:sudden\w*|right now|rn|now|tonight|today|this (?:morning|evening|afternoon)|at rest|lying (?:down|flat)|"
    r"can't|cant|cannot|blue|grey|gray|purple|chest|faint\w*|collaps\w*|pain|worse|wheez\w*|gasping|confus\w*)\b")


# someone already in care: "the ambulance has been and taken her in", "he is in hospital now", "the doctors are watching it"
_CARED = re.compile(
    r"\b(?:(?:ambulance|paramedics?|ambos?)\s+(?:has|have|had)\s+(?:been|come|already)|(?:taken|took|brought|admitted) "
    r"(?:her|him|me|them|us) in|(?:is|are|am|'s|'re)\s+(?:already |now |still )?(?:in|at|on) (?:the )?(?:hospital|a ?& ?e|a and e|"
    r"er|icu|itu|resus|ward|intensive care)|being (?:treated|looked after|monitored) (?:in|at|by|for|on))\b")
# an occasional or long-standing complaint: "find pills hard to swallow sometimes", "droopy eyelids for six months"
_OCCASIONAL = re.compile(
    r"\b(?:sometimes|occasional(?:ly)?|now and then|every so often|for (?:the )?(?:past |last )?(?:a |\d+ |few |a few |couple of |"
    r"a couple of |several |two |three |four |five |six |many )?(?:months|years|ages)|like always|as (?:usual|always)|"
    r"normal for (?:her|him|me|them))\b")
# a piece that opens by supposing: "say he chokes on his tablets, is there anything that helps", "what if she collapses"
_SUPPOSING = re.compile(r"^\W*(?:what if|if|say|suppose|supposing|imagine|in case|hypothetically|let'?s say|lets say)\b")
# a fear of what may happen some day, told whole in one clause: "worried my dad will stop breathing in his sleep one day" (the
# model read the sign's words, p 0.74); a comma, a word of the present or no time to come ("scared hes going to die, hes
# blue") keeps the piece
_FEARED = re.compile(
    r"^\W*(?:i'?m |im |i am |i )?(?:so |really |very |a bit |always |constantly )?(?:worried|worry|worrying|scared|afraid|"
    r"terrified|frightened|dread\w*|fear\w*)\b[^.?!,;]{0,40}?\b(?:will|might|may|could|would|'ll|ll|going to|gonna)\b[^.?!,;]*"
    r"\b(?:one day|some ?day|ever|at some point|in the future|eventually|one of these days|in (?:his|her|their|my) sleep)\b[^.?!,;]*$")
# A follow-up that only points at an item of the previous answer ("and the blood one", "what about the skin ones"):
# it names a kind of syndrome, never something happening to anyone.
_SELECTION = re.compile(r"^\W*(?:(?:and|or|so|ok|okay|what about|how about)\s+)?(?:the|that|those|these)\s+"
                        r"(?:[a-z]+\s+){0,2}ones?\W*$")
# a turn after an episode's end: "she's ok but now she cant breathe"
_TURN = re.compile(r"\b(?:but|then|except|until|can't|cant|cannot|not|isn't|isnt|won't|wont|again|worse|stopped)\b")
_PET_PRONOUN = re.compile(r"\b(?:he|he's|hes|him|his|she|she's|shes|her|they|their|them)\b")
_AFTER_CARE = re.compile(r"\b(?:just|suddenly|right now|rn|again|but now|and now)\b")


# a sign that may be an emergency: a personal ask (assistant/advice_framing.py) or a reassurance naming one stays for the
# learned emergency check
_ACUTE_SIGN = re.compile(
    r"\b(?:breath\w*|breathe|gasp\w*|chok\w*|blue|grey|gray|purple|unconscious|unresponsive|not responding|collaps\w*|"
    r"seiz\w*|fit|fits|fitting|bleed\w*|blood(?! (?:sugars?|pressures?|tests?|counts?|results?|levels?|work))|swell\w*|swollen|"
    r"chest (?:pain|tight\w*|heav\w*|hurt\w*|pressure|crush\w*)|(?:pain|tight\w*|pressure) in (?:\w+ )?chest|faint\w*|passed out|confus\w*|wake|waking|rous\w*|"
    r"fever\w*|temp\w*|shiver\w*|shak\w*|rigou?rs?|chills|burning up|vomit\w*|throat|tongue|lips|numb|paraly\w*|"
    r"floppy|limp|clammy|out of it|pale|slurr\w*|droop\w*|overdos\w*|suicid\w*|kill\w*|die|dying|"
    r"(?:3[7-9]|4[0-2]|9[89]|10[0-6])(?:\.\d)?)\b")  # a temperature reading, C or F; not an age


def names_acute_sign(piece: str) -> bool:
    """Whether the piece names a sign that may be an emergency (breathing, colour, consciousness, fits, bleeding, a fever
    reading, swelling of the throat ...): what keeps a personal ask or a reassurance for the learned emergency check."""
    return bool(_ACUTE_SIGN.search(piece.lower()))


# a general question about a sign, with no one's own case in it: "is a seizure lasting five minutes an emergency", "how
# long does a fit have to last before its dangerous", "what counts as an emergency with myasthenia"
_GENERAL = re.compile(
    r"^\W*(?:(?:is|are|does|do|can|could|should|would|when (?:is|are|does|do|should)|how (?:long|soon|bad|often)(?: \w+)?"
    r"(?: (?:does|do|can|should|is|are|would|before|until))?) (?:a|an|any|someone|somebody|people|patients|one|\w+ing)\b|"
    r"what (?:counts|is considered|are (?:the )?(?:\w+ )?(?:signs|symptoms)|signs|symptoms))")
_OWN = re.compile(r"\b(?:i|i'm|im|i've|ive|me|my|mine|we|our|us|he|he's|hes|him|his|she|she's|shes|her|their|mum|mom|dad|"
                  r"husband|wife|son|daughter|brother|sister|baby|kid|child)\b")


# words that point at a case going on ("is a fit lasting this long normal, its been 8 mins"): no general question then
_CASE = re.compile(r"\b(?:this|these|it's been|its been|has been|been going|going on|keeps?|won't|wont|not stopping)\b")


def general_question(piece: str) -> bool:
    """A question about a sign in general, naming no one's own case, no word of the present and nothing that points
    at a case going on."""
    text = piece.lower()
    return bool(_GENERAL.search(text) and not _OWN.search(text) and not _NOW.search(text) and not _CASE.search(text))


def doubtful_piece(piece: str) -> str | None:
    """Why a piece the learned check scores should not fire: an idiom, a story, breathlessness on exertion or an
    occasional or long-standing complaint told calmly, an episode the piece ends by saying is over, someone already in
    care (with nothing new after it), or an animal or a thing as its subject with no person named ("my phone is dead", "our rabbit collapsed"), or a follow-up that only points at an item of the previous answer ("and the blood one"). Grouped CV on the training data:
    no out-of-fold emergency lost, hard-negative false triggers 0.044 -> 0.037."""
    text = piece.lower()
    if _IDIOM.search(text):
        return "idiom"
    if _SELECTION.match(text):
        return "selection"
    if _STORY.search(text):
        return "story"
    if (_EXERTION.search(text) or _OCCASIONAL.search(text)) and not _ACUTE.search(text):
        return "chronic"
    resolved = list(_RESOLVED.finditer(text))
    after = text[resolved[-1].end():] if resolved else ""
    if resolved and len(after.split()) <= 6 and not _TURN.search(after):  # ends on its being over: "felt faint ... but im ok now"
        return "resolved"
    cared = _CARED.search(text)
    if cared and not _AFTER_CARE.search(text, cared.end()):
        return "cared"
    for kind, subject in (("animal", _ANIMAL), ("thing", _THING)):
        m = subject.match(text)
        rest = _ASKER.sub(" ", text[m.end():]) if m else ""
        if kind == "animal":  # a pet is "she" and "his" too: "our kitten is gasping and her gums look pale"
            rest = _PET_PRONOUN.sub(" ", rest)
        if m and not _PERSON_WORD.search(rest):
            return kind
    if _PAST.search(text) and not _present(text):  # "i choked on a fish bone as a kid": dated, nothing now
        return "past"
    if _SUPPOSING.match(text) and not _NOW.search(text):
        return "hypothetical"
    if _FEARED.match(text) and not _present(text):
        return "feared"
    return "general question" if general_question(text) else None


def doubtful_part(piece: str, whole: str) -> str | None:
    """`doubtful_piece` for a part of a longer message: also "animal" when the whole message is about an animal and the
    part names no person of its own ("my cat has a tumour and now shes fitting": the part "now she's fitting")."""
    why = doubtful_piece(piece)
    if why is None and doubtful_piece(whole) == "animal" and not _PERSON_WORD.search(_PET_PRONOUN.sub(" ", piece.lower())):
        return "animal"
    return why


# a denied sign set against a milder one: "she's not unconscious, just sleepy", "hes not confused just quiet"
_MILDER = re.compile(r"^[^.?!;]{0,30}?\b(?:just|only|simply|merely)\b")
# a harmless cause given for the milder sign: "not fitting, just shivering because the room is cold"
_BENIGN_CAUSE = re.compile(r"\b(?:because|cos|cause|from|with)\b[^.?!,]{0,20}\b(?:cold|chilly|freezing|laugh\w*|crying|excite\w*|nerves|nervous)\b")
_CLAUSE = re.compile(r"\b(?:and|but|then|now|so|or|i|i'm|im|i've|ive|he|she|they|we)\b")


def reassures(piece: str) -> bool:
    """True when the piece denies a sign and names a milder one instead ("he's not confused, just quiet"), with no
    acute sign after the denial (or one given a harmless cause, "just shivering because the room is cold"): a reassurance, which the learned check, reading what the cut leaves ("he's , just
    quiet", p 0.98), took for an emergency. "she's not unconscious, just very hard to wake" still stands."""
    text = piece.lower()
    for m in _NEGATED.finditer(text):
        if "suicid" in m.group(0):  # "not suicidal, just done with it all" is no reassurance: the crisis line stays
            continue
        rest = re.split(r"[.?!;]", text[m.end():], maxsplit=1)[0]
        milder = _MILDER.search(rest)
        # the milder sign is a short phrase, not a clause of its own: "not suicidal just tired and ive got the pills ready"
        after = rest[milder.end():] if milder else ""
        # a sign in the milder phrase stands unless it is alone and given a harmless cause ("just shivering from the cold")
        signs = len(_ACUTE_SIGN.findall(after))
        harmless = not signs or (signs == 1 and _BENIGN_CAUSE.search(after))
        if (milder and not _ACUTE_SIGN.search(rest[: milder.end()]) and harmless and len(after.split()) <= 6
                and not _CLAUSE.search(after)):
            return True
    return False


def without_denials(piece: str) -> str:
    """The piece with every denied sign cut out ("she's not unconscious, just sleepy" -> "she's , just sleepy"): a
    sentence vector barely sees a "not", so the learned check reads what is left; a sign that is not denied in the
    same piece ("he's not choking but he isn't breathing") still stands."""
    return re.sub(r"\s{2,}", " ", _NEGATED.sub(" ", piece)).strip() if _NEGATED.search(piece.lower()) else piece


# the writer's own faint told in the past ("i passed out when i had my bloods taken this morning"): whoever types has come
# round, so it is doubtful unless it is just now, keeps happening or is still going on
_OWN_FAINT = re.compile(r"^i (?:passed out|fainted|blacked out|collapsed|keeled over)\b")
_ONGOING = re.compile(r"\b(?:just|right now|rn|again|keep|keeps|kept|still|twice|three times|several times|and now|cant|can't|cannot)\b")


def framing(text: str, start: int, end: int, rule: str = "") -> str | None:
    """Why a rule's hit at text[start:end] should be decided by the learned check, or None when it stands."""
    lo, hi = span_between(text, start, end, '.?!:\n')
    sentence, before = text[lo:hi], text[lo:start]
    now = _present(sentence)
    if _OWN_FAINT.match(text[start:end]) and not _ONGOING.search(text, lo, hi):
        return "own past faint"
    if _IDIOM.search(sentence):
        return "idiom"
    if any(m.start() < end and m.end() > start for m in _NEGATED.finditer(text, lo, hi)):
        return "negated"
    if _STORY.search(sentence) or _HYPOTHETICAL.search(text, lo, end):
        return "hypothetical"
    if _RESOLVED.search(text, start, hi):  # told after the sign: "collapsed ... but is fine now" (not "i'm fine but he ...")
        return "resolved"
    # 'overdosed when he was a teenager, ... now': a past marker right after the sign dates the sign itself
    chronic = rule in CHRONIC_RULES and _CHRONIC.search(sentence)
    clause = re.split(r"[,;]", text[end: min(hi, end + 40)], maxsplit=1)[0]  # "overdosed on his meds once a while ago, ..."
    if (_PAST.match(text[end: min(hi, end + 40)].lstrip(" ,")) or _PAST.search(clause)
            or (not now and (_PAST.search(sentence) or chronic))):
        return "past"
    for kind, subject in (("animal", _ANIMAL), ("thing", _THING)):
        last = None
        for last in subject.finditer(before):
            pass
        between = text[last.end():start] if last is not None else ""
        between = _PET_PRONOUN.sub(" ", between) if kind == "animal" else between  # "my cat ... now shes fitting"
        if (last is not None and start - last.end() <= 40 and not _PERSON_WORD.search(between)
                and not _PREPOSITION.search(before[: last.start()])):  # "hit by a car": the thing is no subject
            return kind
    return None


# time and outcome words beyond _NOW, _PAST and _RESOLVED: what a clause cut from its sentence would lose ("..., already
# seen by the gp", "..., home now", "..., settled after a bit")
_TIME_OR_OUTCOME = re.compile(r"\b(?:already|ago|yesterday|last (?:night|week|month|year)|earlier|before|after|since|home|"
                              r"fine|ok|okay|alright|better|sorted|over|stopped|settled|recovered|asleep|calm\w*|safe)\b")


def tells_time_or_outcome(text: str) -> bool:
    """Whether `text` places something in time or tells how it ended: a word of the present other than a bare "just"
    ("just want someone to know" is a degree, not a time), of the past, of an outcome, or of someone in care."""
    low = text.lower()
    return bool(any(m.group(0) != "just" for m in _NOW.finditer(low)) or _PAST.search(low) or _RESOLVED.search(low)
                or _CARED.search(low) or _TIME_OR_OUTCOME.search(low))
