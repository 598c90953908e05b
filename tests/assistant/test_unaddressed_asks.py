"""What a follow-up asks beyond its subject: an ask the corpus never words is not answered with the subject's
sentences (assistant/unaddressed_asks.unaddressed_ask), hurried typing still reaches the ask, and a new subject named in an
ellipsis is shown even when a word of the old one stays in the rewrite.

Wording here is this file's own (not an eval item nor a check-bank item).
"""

from __future__ import annotations

import pytest

from assistant.abstention import unknown_group, vocabulary
from assistant.followup import FollowUp
from assistant.unaddressed_asks import harm_said, prevention_unaddressed, unaddressed_ask
from assistant.normalise import rephrase_idioms, restore_apostrophes

VOCAB = vocabulary(["Genetic factors may play a role. Patients report itching and pain. e.g. k-ras"])
STEMS = ("genet", "itch", "pain", "patient", "factor", "role")
GENERIC = frozenset({"get", "have", "make"})


def _context(ask: str) -> FollowUp:
    return FollowUp(ask=ask, previous="what is trousseau syndrome", previous_answer="")


def _turns(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [t for q, a in pairs for t in ({"role": "user", "content": q}, {"role": "assistant", "content": a})]


@pytest.mark.parametrize(
    ("own_words", "ask", "unaddressed"),
    [
        ("would it be infectious", "infectious", ["infectious"]),  # a yes/no ask in words the corpus never uses
        ("can my cat get it", "cat get", ["cat"]),  # 'get' names nothing and is skipped
        ("and is it itchy", "itchy", []),  # 'itchy' shares its stem with 'itching'
        ("do vaccines matter", "vaccines matter", ["vaccines", "matter"]),  # neither word is the corpus's
        ("are the genes involved", "the genes involved", []),  # 'genes' ~ 'genetic' by leading letters; 'involved'?
        ("what makes it infectious", "what makes infectious", []),  # a what/how ask: verbs often name nothing
        ("is there a registry for it", "there a registry for", []),  # whether something exists, not a property
        ("whats the 5yr registry", "whats the 5yr registry", ["registry"]),  # a figure before the aspect is skipped
    ],
)
def test_unaddressed_ask(own_words: str, ask: str, unaddressed: list[str]) -> None:
    stems = STEMS + (("involv",) if "involved" in ask else ())
    assert unaddressed_ask(own_words, _context(ask), VOCAB, stems, GENERIC) == unaddressed


@pytest.mark.parametrize(
    ("own_words", "ask", "shown", "unaddressed"),
    [
        # the corpus has 'pain', but the sentences chosen for the ask do not: they answer the subject only
        ("is it painful", "painful", "The spinal tap finds markers in the fluid.", ["painful"]),
        ("is it painful", "painful", "Joint pain and swelling.", []),
        # 'steroid' inside 'corticosteroids' is the same word
        ("do steroids help", "steroids help", "Corticosteroids suppress the immune attack.", []),
        # a relating verb ('cause') is not the ask: its object is
        ("does it cause itching", "cause itching", "It causes muscle weakness.", ["itching"]),
        ("does it cause itching", "cause itching", "It causes itching of the skin.", []),
    ],
)
def test_an_ask_the_chosen_sentences_never_word_is_unaddressed(own_words: str, ask: str, shown: str,
                                                              unaddressed: list[str]) -> None:
    stems = STEMS + ("steroid", "spinal")
    assert unaddressed_ask(own_words, _context(ask), VOCAB, stems, GENERIC, shown) == unaddressed


@pytest.mark.parametrize(("shown", "unaddressed"), [("Some patients make a full recovery.", []),
                                                     ("Joint pain and swelling.", ["recovery"])])
def test_a_lay_ask_is_judged_by_the_articles_word(shown: str, unaddressed: list[str]) -> None:
    """'is it curable': the corpus never says 'curable' but says 'recovery' (assistant/data/lay_terms.json);
    the follow-up is answerable when the chosen sentences say it, and still refused when they do not."""
    vocab = vocabulary(["Some patients make a full recovery. Joint pain and swelling."])
    stems = STEMS + ("recoveri",)
    assert unaddressed_ask("is it curable", _context("curable"), vocab, stems, GENERIC, shown) == unaddressed


def test_a_group_word_is_not_matched_by_a_stray_letter_or_an_acronym() -> None:
    # 'k' is in the vocabulary ('k-ras'): 'kids' cut down to 'k' must not count as a word the corpus uses
    assert unknown_group("what rashes happen in kids", VOCAB) == "kids"
    assert unknown_group("do they order a PET scan for it", VOCAB) is None


@pytest.mark.parametrize(
    ("typed", "restored"),
    [
        ("n how r they found", "and how are they found"),
        ("wut do u do for em", "what do you do for them"),
        ("hw long do they last n wats next", "how long do they last n what's next"),  # only an opening 'n' is 'and'
        ("y r da skin 1s worse", "why are the skin ones worse"),
        ("is vitamin Y the same as DA", "is vitamin Y the same as DA"),
        ("is EM the same as EMG", "is EM the same as EMG"),  # in capitals: an abbreviation, left alone
    ],
)
def test_hurried_follow_ups_read_as_words(typed: str, restored: str) -> None:
    assert restore_apostrophes(typed)[0] == restored


@pytest.mark.parametrize(
    ("question", "article_word"),
    [
        ("which illnesses might it look like", "mimic"),
        ("could it be confused with lupus", "mimic"),
        ("will the weakness go away once the tumour is out", "persist"),
        ("why is it really hard to spot", "difficult or challenging to"),
    ],
)
def test_idioms_are_searched_with_the_articles_word(question: str, article_word: str) -> None:
    assert article_word in rephrase_idioms(question)


def test_a_yes_no_follow_up_the_article_never_words_is_not_found(warm_assistant) -> None:
    history = _turns(("what causes hypercalcemia in paraneoplastic syndromes", "(reply)"))
    answer = warm_assistant.ask("would it be contagious", history=history)
    assert answer.status == "not_found", answer.flags
    assert any("contagious" in f for f in answer.flags)
    # the same conversation with an ask the article does answer
    assert warm_assistant.ask("can it be treated", history=history).status == "answered"


def test_a_chat_filler_is_not_the_subject(warm_assistant) -> None:
    """'tho' is read as 'though', which names no subject: the question stays about the previous one."""
    history = _turns(("what is paraneoplastic cerebellar degeneration", "(reply)"))
    answer = warm_assistant.ask("how do they treat it tho", history=history)
    assert answer.status == "answered", answer.flags
    later = warm_assistant.ask("is it permanent", history=history + _turns(("how do they treat it tho", "(reply)")))
    assert "though" not in (later.standalone_question or "")


def test_an_ellipsis_naming_a_new_body_part_shows_its_bullet(warm_assistant) -> None:
    """'what about the joints' after 'what skin changes ...' rewrites to 'what joints changes ...': the label
    'Skin Changes' shares 'changes', but the joint bullet is what is asked."""
    answer = warm_assistant.ask("what about the joints", history=_turns(("which skin changes can pns bring", "(reply)")))
    assert answer.status == "answered" and "Joint pain" in answer.body, answer.body


def test_a_label_named_alone_still_drops_the_lists_other_bullets(warm_assistant) -> None:
    body = warm_assistant.ask("what skin problems can pns lead to").body
    assert "Skin Changes" in body and "Clotting disorders" not in body and "Neurological:" not in body, body


def test_an_unanswerable_follow_up_of_an_on_topic_turn_is_not_found_not_out_of_scope(warm_assistant) -> None:
    """'and for the nurses?' rewrites to a question naming no subject word; the conversation is about the subject."""
    history = _turns(("how is paraneoplastic syndrome managed", "(reply)"))
    answer = warm_assistant.ask("and for the nurses?", history=history)
    assert answer.status == "not_found", (answer.standalone_question, answer.flags)
    # typed on its own (no rewrite ties it to the conversation), an off-topic question stays out of scope
    assert warm_assistant.ask("whats the best pizza in town", history=history).status == "out_of_scope"


@pytest.mark.parametrize(
    ("own_words", "previous", "shown", "unaddressed"),
    [
        # a harm of a treatment the shown sentences never tie to it; the condition's own risks are risk factors
        ("what are the dangers of it", "how does ivig work", "Genetic factors may play a role.", ["dangers"]),
        ("what are the dangers of it", "how does ivig work", "IVIG carries a danger of clots.", []),
        ("what are the risks of it", "what causes pns", "Genetic factors may play a role.", []),
        # a yes/no ask about a new subject the corpus never names, though another of its words is the corpus's
        ("is surgery ever a role", "what is trousseau syndrome", "Genetic factors may play a role.", ["surgery"]),
        # the previous answer showed the subject ('itching'): the ask is what is added ('contagious')
        ("is the itching contagious", "what skin signs", "Patients report itching and pain.", ["contagious"]),
        # 'any <aspect>' is judged by its aspect
        # (side effects are a treatment's harm, so the harm check names them first, whatever the syndrome)
        ("any side effects", "what is trousseau syndrome", "Genetic factors may play a role.", ["side effects"]),
        ("any genetic factors", "what is trousseau syndrome", "Genetic factors may play a role.", []),
    ],
)
def test_harms_new_subjects_and_carried_words(own_words: str, previous: str, shown: str, unaddressed: list[str]) -> None:
    ask = " ".join(w for w in own_words.split() if w not in {"is", "are", "it", "of", "the", "what"})
    context = FollowUp(ask=ask, previous=previous, previous_answer=shown if "itching" in own_words else "")
    stems = STEMS + ("risk", "danger")  # the corpus words harms of the condition
    assert unaddressed_ask(own_words, context, VOCAB, stems, GENERIC, shown) == unaddressed


@pytest.mark.parametrize(
    ("own_words", "previous", "shown", "unaddressed"),
    [
        # the shown sentence prevents something else: the subject's prevention is not addressed
        ("can it be prevented", "what is pemphigus", "Drugs are used to prevent immune attacks.", ["prevented"]),
        ("can it be prevented", "what is pemphigus", "Early care may prevent pemphigus flares.", []),
        ("how do you avoid misdiagnosis", "what is pns", "Workup is key to avoid misdiagnosis.", []),
    ],
)
def test_a_prevention_ask_needs_a_sentence_preventing_the_subject(own_words: str, previous: str, shown: str,
                                                                   unaddressed: list[str]) -> None:
    context = FollowUp(ask=own_words, previous=previous, previous_answer="")
    assert prevention_unaddressed(own_words, context, shown) == unaddressed


def test_a_gerund_acting_on_the_carried_subject_is_not_a_new_subject() -> None:
    """'would stopping it early matter': 'stopping' acts on 'it'; 'is stopping ever advised' names a new subject."""
    context = FollowUp(ask="stopping early matter", previous="what is pemphigus", previous_answer="")
    shown = "Early care may matter for pemphigus."
    assert unaddressed_ask("would stopping it early matter", context, VOCAB | {"early", "matter"}, STEMS, GENERIC, shown) == []
    alone = FollowUp(ask="stopping ever advised", previous="what is pemphigus", previous_answer="")
    assert unaddressed_ask("is stopping ever advised", alone, VOCAB | {"ever", "advised"}, STEMS, GENERIC, shown) == ["stopping"]


def test_a_harm_is_addressed_only_by_a_sentence_naming_the_same_harm() -> None:
    """'harmful antibodies' in the treatment's sentence is no answer to its side effects."""
    context = FollowUp(ask="side effects", previous="how does ivig work", previous_answer="")
    removes = "IVIG helps remove harmful antibodies."
    assert unaddressed_ask("and the side effects?", context, VOCAB, STEMS, GENERIC, removes) == ["side effects"]
    assert unaddressed_ask("and the side effects?", context, VOCAB, STEMS, GENERIC, "IVIG has side effects.") == []


def test_a_figure_asked_of_the_subject_is_not_found_and_not_off_topic(warm_assistant) -> None:
    """'5yr' names no subject of its own: the survival asked for is the previous subject's, which the article
    does not give (not_found); a figure beside a subject the corpus never names stays off topic."""
    history = _turns(("sclc and lems connection", "(reply)"))
    assert warm_assistant.ask("whats the 5yr survival", history=history).status == "not_found"
    assert warm_assistant.ask("whats the 2nd best pizza in town", history=history).status == "out_of_scope"


def test_harm_said_needs_the_same_harm_and_the_subject_in_one_sentence() -> None:
    shown = "Plasmapheresis filters the blood. Steroids carry risks of infection."
    assert harm_said(shown, "risk", lambda s: "steroid" in s)
    assert not harm_said(shown, "risk", lambda s: "plasmapheresis" in s)  # the harm is another sentence's
    assert not harm_said(shown, "side effects", lambda s: "steroid" in s)  # another harm


def test_the_articles_word_for_the_ask_answers_it_only_where_said_of_the_subject() -> None:
    """'fast' is worded 'rapidly' in the article: a yes/no ask in the everyday word is answered by the sentence that
    says it of the subject under discussion (the symptoms), not by one the family word alone pulled in."""
    context = FollowUp(ask="come on fast", previous="what symptoms does pns give", previous_answer="")
    family = {"fast": ("rapidly",)}.get
    symptoms = "Symptoms may be subtle initially but can rapidly progress."
    elsewhere = "Timely care helps; some cancers rapidly grow."
    assert unaddressed_ask("do they come on fast", context, VOCAB, STEMS, GENERIC, symptoms) == ["come", "fast"]
    assert unaddressed_ask("do they come on fast", context, VOCAB, STEMS, GENERIC, symptoms,
                           family=lambda w: family(w, ())) == []
    assert unaddressed_ask("do they come on fast", context, VOCAB, STEMS, GENERIC, elsewhere,
                           family=lambda w: family(w, ())) == ["come", "fast"]
