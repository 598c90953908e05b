"""The personal-advice rule tables: a decision about a specific person (`PERSONAL_RULES`: dosing, treatment choices,
diagnosing, prognosis) and asks about one person's case worded without that table's verbs (`CASE_RULES`): the
asker wants the assistant's judgement of what a named person has or would get, not what the article says of the
condition.

Why apart from assistant/safety_rules.py: that module holds the emergency table and the shared `Rule` and person
patterns; these tables are read after it (assistant/safety.py, `PERSONAL_RULES + CASE_RULES`) in the same way,
one named regular expression each, so a test can name the rule that fired. Each case rule needs a specific person
in the ask itself ("what she has", "in her case", "help my dad", "would i need", "is hers"), so the general
look-alikes that name a relative only in passing ("my aunt had it, what is it exactly", "my brother says pns is
rare, is he right") stay general questions.
"""

from __future__ import annotations

import re

from assistant.safety_rules import RELATIVE, Rule

# a relative's possessive typed with or without its apostrophe ("dad's", "dads", "my mums"), a patient's excepted
_RELATIVES = rf"(?:(?:my|his|her|our) )?(?!patient){RELATIVE}(?:'s|s)"

# Personal decisions: dosing, diagnosing a specific person, treatment choices, personal prognosis.
PERSONAL_RULES: tuple[Rule, ...] = (
    # dosing
    Rule("dosing", "personal_advice",
         r"\bhow (?:much|many)\b[^.?!]{0,40}\b(?:should|can|do|must|may|could|would|shall)\s+(?:i|we|you give|my \w+|he|she)\s+(?:take|give|use|have|get|be on|inject|receive|start|need)\b"),
    Rule("dosing", "personal_advice", r"\bwhat (?:dose|dosage|doses|amount|strength)\b[^.?!]{0,40}\b(?:should|can|do|must|would)\s+(?:i|we|my \w+|he|she)\b"),
    Rule("dosing", "personal_advice", r"\b(?:my|our|his|her) (?:dose|dosage|doses)\b|\bdose for me\b|\bdosage for me\b"),
    Rule("dosing", "personal_advice",
         rf"\b(?:increas|decreas|doubl|lower|rais|reduc|adjust|chang|split|skipp?|miss|taper|stopp?)(?:e|es|s|ed|ing)?\s+(?:my|his|her|our|{_RELATIVES}) (?:dose|dosage|doses|medications?|meds|steroids?|prednisone|pills|tablets|treatment|chemo(?:therapy)?|immunotherapy|ivig|infusions?)\b"),
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
         r"\b(?:do|could|might|would|may)\s+(?:i|we)\s+(?:have|be having|be suffering|be developing|develop|be at risk|get)\b(?!\s+(?:to|rid)\b)"),
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
         r"\b(?:i|i've|ive|i have|i'm|i am|my (?:\w+ ){0,2}?(?:has|have|is|was|got))\b"
         r"(?!\s+(?:heard|read|saw|learned|learnt|was reading|am reading|have read|'ve read|wonder|was wondering|want to know|keep hearing))"
         r"[^.?!]{0,80}\b(?:symptoms?|weakness|numbness|rash|seizures?|pain|dizzy|dizziness|tired|fatigue|diagnosed|tumou?r|cancer|lump)\b[^?]{0,120}\b(?:is (?:it|this|that)|could (?:it|this|that)|do i|am i|should i|does (?:this|that|it) mean|what (?:should|do) i|is something wrong|"
         # the sign asked about by its owner: "my mum has had ovarian cancer ..., is her new wobbliness the cerebellar thing"
         r"(?:is|are|could|does) (?:his|her|my|their|he|she)\b(?! (?:doctor|oncologist|neurologist|gp|nurse|team|hospital)))\b"),
    # personal prognosis
    Rule("personal_prognosis", "personal_advice",
         r"\bwill (?:i|my (?:\w+ ){0,2}?\w+|he|she|we)\s+(?:die|survive|recover|get better|be (?:ok|okay|cured|fine|alright)|live|need|have to|lose|walk|be able|ever)\b"),
    Rule("personal_prognosis", "personal_advice",
         r"\b(?:what are|how (?:are|good are)|what's|what is) (?:my|his|her|our) (?:\w+(?:'s|s)? ){0,2}?(?:chances|odds|prognosis|outlook|life expectancy|survival)\b"),
    Rule("personal_prognosis", "personal_advice", r"\bhow long (?:do|does|will|have) (?:i|my \w+|he|she|we) (?:have|live|got)\b"),
    # the same asks with the person further from the verb (bank 3's studied part): an amount or a choice named between
    # the judgement and the person ("the right amount of vitamin d for me", "a safe prednisone dose for my 9 year old",
    # "the best treatment for my aunt's lems"), a sign of one's own asked about as a cause ("are my night sweats
    # paraneoplastic", "is my weight gain from the tumour"), what a result means for the asker
    Rule("dosing", "personal_advice",
         r"\b(?:dose|doses|dosage|amount|how much)\b[^.?!]{0,40}\b(?:for|to give) (?:me|us|him|her|my|our)\b"),
    Rule("treatment_decision", "personal_advice",
         r"\b(?:right|best|safest|safe|suitable|correct|appropriate)\s+"
         r"(?!(?:way|ways|place|time|resource|resources|source|sources|book|books|site|website|article|summary|explanation)\b)"
         r"(?:[\w-]+\s+){1,4}?for (?:me|us|him|her|my|our)\b"),
    Rule("self_diagnosis", "personal_advice",
         r"\b(?:is|are|could|might)\s+(?:my|our|his|her)\s+(?!(?:understanding|impression|assumption|reading|question|guess)\b)"
         r"(?:\w+\s+){1,5}?(?:paraneoplastic|pns|cancer|a sign|a symptom|"
         r"(?:from|caused by|due to|because of|related to|linked to|part of) (?:the |my |his |her |their |our )?(?:cancer|tumou?r|lymphoma|pns|syndrome|chemo\w*|treatment|steroids?))\b"),
    Rule("self_diagnosis", "personal_advice", r"\bwhat does (?:that|this|it) mean for (?:me|us|him|her|my|our)\b"),
)


# the person whose case is asked about: the asker or "my <up to three words>" ("my 12 year old son"); he/she only where
# the ask is about what they have ("would she recover fully" after a general turn speaks of anyone)
_MINE = r"(?:i|we|my (?:[\w-]+ ){0,2}?[\w-]+)"
_ONE = r"(?:i|he|she|we|my (?:[\w-]+ ){0,2}?[\w-]+)"
# a named diagnosis the article gives ("is that lems", "is this the cerebellar one")
_NAMED = r"(?:pns|lems|paraneoplastic|lambert|eaton|trousseau|dermatomyositis|cerebellar|pcd|myasthenic)"
# the message speaks of a specific person (the asker by "me"/"my"/"i have", someone by he/she, a relative by name)
_SOMEONE = rf"(?=[^\n]*\b(?:me|my|mine|im|i'm|i've|ive|i have|i had|i got|he|she|his|her|hers|him|{RELATIVE})\b)"
# the causes a person's sign is put between: "is it the cancer or pns", "is that the chemo or the paraneoplastic thing"
_CAUSE = (r"(?:the |a |an |my |his |her |just |from )?(?:[\w-]+ ){0,2}?(?:cancer|tumou?r|chemo\w*|lymphoma|pns|lems|"
          r"paraneoplastic|steroids?|treatment|side effects?|radiotherapy|radiation|immunotherapy|something else|age|stress|a virus)")

CASE_RULES: tuple[Rule, ...] = (
    # what a specific person has: "do you think thats what she has", "is this what i have", "whats going on with him"
    Rule("self_diagnosis", "personal_advice",
         rf"\b(?:is|could|might|would) (?:this|that|it) (?:be )?what {_ONE} (?:has|have|had|got|'s got|has got)\b|"
         rf"\b(?:do|would|did) (?:you|u) think\b[^.?!]{{0,30}}\b(?:what )?{_ONE} (?:has|have|had|got|'s got|has got|could have|"
         r"might have|is getting|is developing)\b|"
         r"\b(?:what'?s|whats|what is) (?:going on|wrong|happening) with (?:me|him|her|us|my (?:[\w-]+ ){0,2}?[\w-]+)\b"),
    # a case named as such in the ask: "is that trousseau syndrome in her case", "what would it mean in my situation"
    # ("in my case the doctor explained it well, but ..." opens a story, no ask)
    Rule("self_diagnosis", "personal_advice",
         r"\b(?:is|are|was|could|would|will|does|do|should|can|might|what|which|how)\b[^.?!,]{0,60}?"
         r"\b(?:in|for) (?:my|his|her|our|their|(?:my|our) [\w-]+(?:'s|s)) (?:case|situation)\b"),
    # a named diagnosis put to one person's signs: "me 45 m ... is this lems", "is that paraneoplastic" about her
    Rule("self_diagnosis", "personal_advice", rf"^{_SOMEONE}[^\n]*?\b(?:is|could) (?:this|that) (?:the |a |an )?{_NAMED}"),
    # a person's sign put between two causes: "grandad has been vomiting ..., is it the cancer or pns" ("is it the
    # cancer or the immune system that causes the symptoms" asks how the condition works)
    Rule("self_diagnosis", "personal_advice",
         rf"^{_SOMEONE}[^\n]*?\b(?:is|could|might) (?:it|this|that) (?:be )?{_CAUSE} or {_CAUSE}\b"
         r"(?![^.?!]{0,15}\b(?:that|which) (?:causes?|makes?|does|leads?))"),
    # what a specific person's signs could be or what causes them, the ask open-ended: "my husband is confused all the
    # time and his calcium was high last week what could that be", "dad keeps falling over, what might be causing it"
    # (an ask of how a cause works, "what could it be caused by", "what could that be linked to", is a general question)
    Rule("self_diagnosis", "personal_advice",
         rf"^{_SOMEONE}[^\n]*?\bwhat (?:else )?(?:could|might|would) (?:it|this|that|these|those) be\b"
         r"(?!\s+(?:caused|due|linked|related|called|used|like|in|for|from|of|to)\b)|"
         rf"^{_SOMEONE}[^\n]*?\bwhat (?:could|might|would) (?:be )?caus(?:e|ing) (?:it|this|that|these|those|his|her|my)\b"),
    # a possessive for the person's own illness: "is hers the cerebellar kind", "is mine paraneoplastic"
    Rule("self_diagnosis", "personal_advice", r"\b(?:is|are|could|might) (?:hers|mine|theirs|his (?=(?:the|a|an|one of) ))"),
    # whether a treatment would work for the asker or their relative, the ask ending there: "would it work for my son
    # hes 12", "would steroids help my grandad, hes got ..." ("will physio help me walk better" names a goal the
    # article speaks to, and "how can i help her" has the asker as subject: neither is this)
    Rule("treatment_decision", "personal_advice",
         r"\b(?:would|will|could|might|does|do|can|is|are)\s+(?!(?:i|we|you|u)\b)(?:[\w-]+\s+)?[\w-]+\s+"
         r"(?:(?:really|actually|even|still)\s+)?(?:work|help|be worth it|be worth trying|be effective|benefit|"
         r"do anything|be any good|be any use)\s+(?:for\s+)?(?:me|us|(?:my|our) (?:[\w-]+ ){0,2}?[\w-]+)"
         r"\s*(?:[,.?!]|$|\b(?:hes|shes|he's|she's|who|with|as|since|because|cos|if|at|aged)\b)|"
         # him or her once the message has named whose case it is: "my husbands hands ..., would ivig help him"
         r"\bmy\b[^\n]*?\b(?:would|will|could|might|does|do|can)\s+(?!(?:i|we|you|u)\b)[\w-]+\s+(?:(?:really|actually)\s+)?"
         r"(?:work for|help|benefit|be worth it for)\s+(?:him|her)\s*(?:[,.?!]|$)"),
    # what one person would need or face: "would i need chemo", "would my dad have to stop" ("what would i ..." asks
    # what to know or ask, not a decision)
    Rule("personal_prognosis", "personal_advice",
         rf"(?<!what )\bwould {_MINE} (?:need|have to|survive|recover|get better|be (?:ok|okay|cured|fine|alright)|die|"
         r"be able)\b"),
)

# anyone at all, as a general question names them: "if someone has lung cancer and gets weak muscles, could it be ..."
_ANYONE = re.compile(r"\b(?:someone|somebody|anyone|anybody|a person|people|a patient|patients|a man|a woman|a child)\b")


def asks_about_anyone(text: str, names_person: bool) -> bool:
    """True when a diagnosis ask speaks only of anyone ("if someone has lung cancer and gets weak muscles, could it be a
    paraneoplastic syndrome"): a question about when the condition is suspected, not a judgement of one person's
    signs. `names_person` says whether the text also names a specific person (assistant/safety.names_person); a
    message with no person at all ("weak legs for weeks, could it be pns") is the asker's own and stays personal."""
    return not names_person and bool(_ANYONE.search(text))
