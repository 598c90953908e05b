"""Personal-advice rules for asks about one person's case worded without the table's verbs: the asker wants the
assistant's judgement of what a named person has or would get, not what the article says of the condition.

Why a module of its own: assistant/safety_rules.py holds the main table and is near its size limit; these rules are
read after it (assistant/safety.py) in the same way, one named regular expression each, so a test can name the rule
that fired. Each needs a specific person in the ask itself ("what she has", "in her case", "help my dad", "would i
need", "is hers"), so the general look-alikes that name a relative only in passing ("my aunt had it, what is it
exactly", "my brother says pns is rare, is he right") stay general questions.
"""

from __future__ import annotations

import re

from assistant.safety_rules import RELATIVE, Rule

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
