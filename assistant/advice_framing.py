"""Personal asks that name an emergency rule's words but ask advice: whether to go on with a treatment, whether
someone has the disease, how a long-standing illness will go; each naming no acute sign.

Why apart from assistant/safety_framing.py: those framings make a rule's hit doubtful (past, story, animal,
idiom, denied); these send a piece to the other check. The emergency check (assistant/emergency_model.py) leaves
such a piece to the personal-advice check, whose reply is the one it needs: "my son is on immunotherapy and has
a rash, should we stop it" is a question for his doctors, not for an ambulance. An acute sign named in the same
piece (`safety_framing.names_acute_sign`: "... and now she cant breathe, should we stop it") keeps it for the
emergency check.
"""

from __future__ import annotations

import re

from assistant.safety_framing import names_acute_sign

# a question about going on with a treatment ("my son is on immunotherapy and has a rash, should we stop it", "he is on
# plasmapheresis and feels dizzy afterwards, is that ok"): a personal-advice ask, not an emergency, unless an acute sign is
# named in the same piece ("on immunotherapy and now she cant breathe, should we stop it")
_TREATMENT = re.compile(
    r"\b(?:chemo\w*|immun\w*|steroids?|prednis\w*|ivig|immunoglobulin|plasma ?(?:exchange|pheresis)|plasmapheresis|\w+mab|"
    r"\w+platin|radio\w*|radiation|treatment|therapy|tablets|pills|meds|medications?|medicines?|drugs?|infusions?|doses?)\b")
_TREATMENT_ASK = re.compile(
    r"\b(?:(?:should|do|can|shall|must|could) (?:we|i|he|she|they|you) (?:still |just )?(?:stop|pause|hold|skip|continue|carry on|"
    r"keep (?:going|taking|on|having)|come off|quit|delay|miss)|(?:is|was) (?:that|this|it) (?:ok|okay|normal|expected|common|fine|"
    r"alright|all right|a side effect|from (?:the|his|her|my) \w+)|(?:a )?side effects?)\b|"
    r"\b(?:stop|pause|hold|skip|continue) (?:it|them|(?:the|his|her|my) \w+)\W*$")  # "..., stop it?"

# a plan to stop or swap a treatment, asked about or with what would replace it ("thinking of quitting my meds and going for
# homeopathy instead, good idea?", "want to come off my pills and try herbal remedies"): the model read the words of
# stopping as the despair or overdose it learnt (p 0.80-0.92 on such plans written for the test of this rule); a decision
# for the person's doctors, so a personal-advice ask unless an acute sign is named ("... and now she cant breathe")
_TREATMENT_CHANGE = re.compile(
    r"\b(?:stop\w*|quit\w*|(?:come|comes|coming|came|get|getting|go|going|went) off|ditch\w*|drop\w*|giv\w* up|skip\w*|"
    r"switch\w*|swap\w*|replac\w*|cut\w* (?:down|back|out)(?: on)?|wean\w* (?:\w+ )?off)\s+(?:\w+\s+){0,2}?" + _TREATMENT.pattern[2:])
_PLAN_ASK = re.compile(r"\?|\b(?:instead|try|trying|good idea|bad idea|thoughts|sensible|wise|ok|okay|safe|should|would|worth it)\b")

# a question whether someone has the disease ("does my mum have a paraneoplastic syndrome?", "is this cushing from
# cancer", "could it be pns"): a self-diagnosis ask (personal advice), not an emergency, unless an acute sign is named
_DIAGNOSIS_ASK = re.compile(
    r"\b(?:(?:does|do|could|might|can|would) (?:she|he|i|they|we|my \w+) (?:have|has|have got|be having|be getting) "
    r"(?:it|this|that|pns|an? (?:\w+ )?(?:paraneoplastic|syndrome)|(?:\w+ )?(?:syndrome|lems|cancer)\w*)|"
    r"(?:is|could|might|can) (?:this|that|it|these|those) (?:be |mean |all be )?(?:pns|paraneoplastic|lems|cushing\w*|"
    r"an? (?:\w+ )?syndrome|(?:\w+ )?syndrome|from (?:the |her |his |my |a )?(?:cancer|tumou?r)|the cancer))\b")


# a question about the course of a long-standing illness: how long someone has, whether something would help them, how
# likely a disease is ("how long has my brother got, hes got pcd and cant walk", "would that help my dad, hes got lems and
# cant climb the stairs anymore", "smoked for years and my hands tingle, am i likely to have cancer"): personal advice
# when no acute sign is named and nothing says the trouble began just now
_COURSE_ASK = re.compile(
    r"\b(?:how long (?:has|have|does|do|will|would) (?:he|she|they|i|we|my \w+)(?: \w+)? (?:got|have|has|left|live|survive)|"
    r"life expectancy|(?:will|would|could|can) (?:he|she|they|i|we|my \w+) (?:ever )?(?:get better|recover|improve|walk again)|"
    r"(?:would|will|could|can|does|might) (?:that|this|it|\w+) help (?:him|her|them|me|us|my \w+)|"
    r"(?:am|is|are) (?:i|he|she|they|we|my \w+) (?:likely|more likely|at risk|going) to (?:have|get|develop|be)|"
    r"what are (?:the|my|his|her|their) chances)\b")
_ONSET = re.compile(
    r"\b(?:sudden\w*|all of a sudden|right now|rn|just now|tonight|today|this (?:morning|evening|afternoon)|since (?:this|last|an? |"
    r"\d)|(?:\d+|few|an?) (?:minutes?|mins?|hours?|hrs?) ago)\b")


def diagnosis_question(piece: str) -> bool:
    """A question whether someone has the disease, or about the course of a long-standing one, naming no acute sign
    ("... really bad dizziness, does she have pns?", "how long has he got, hes got pcd and cant walk")."""
    text = piece.lower()
    if names_acute_sign(text):
        return False
    return bool(_DIAGNOSIS_ASK.search(text) or (_COURSE_ASK.search(text) and not _ONSET.search(text)))


def asks_advice(piece: str) -> str | None:
    """"treatment question" or "diagnosis question" when the piece is a personal ask naming no acute sign, else None:
    the emergency check leaves it to the personal-advice check."""
    if treatment_question(piece):
        return "treatment question"
    return "diagnosis question" if diagnosis_question(piece) else None


def treatment_question(piece: str) -> bool:
    """A question whether to go on with a treatment, whether a mild effect of it is ok, or a plan to stop or swap it
    asked about or with its replacement named, naming no acute sign."""
    text = piece.lower()
    asked = _TREATMENT_ASK.search(text) or (_TREATMENT_CHANGE.search(text) and _PLAN_ASK.search(text))
    return bool(_TREATMENT.search(text) and asked and not names_acute_sign(text))
