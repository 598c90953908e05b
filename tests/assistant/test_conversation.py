"""Follow-up questions become standalone queries, deterministically, from the user's earlier turns (the ellipsis
step: tests/assistant/test_ellipsis.py; reading with the previous question: tests/assistant/test_previous_question.py)."""

from __future__ import annotations

import pytest
from conversation_turns import history

from assistant.conversation import last_exchange, rewrite_followup, user_turns
from assistant.topics import keyword_topic, topic_of


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        ("What is Trousseau syndrome?", "Which cancers is it usually seen with?",
         "Which cancers is Trousseau syndrome usually seen with?"),
        ("What is a paraneoplastic syndrome?", "How is it treated?", "How is a paraneoplastic syndrome treated?"),
        ("What does plasmapheresis do?", "And what kind of symptoms is it most useful for?",
         "What kind of symptoms is plasmapheresis most useful for?"),
        ("Is a lumbar puncture used in diagnosis?", "Which markers can it pick up?",
         "Which markers can a lumbar puncture pick up?"),
        ("Which imaging tests are used for paraneoplastic syndromes?", "Why are those scans done?",
         "Why are imaging tests done?"),
        ("Is dermatomyositis mentioned in the article?", "Which group of paraneoplastic syndromes does that belong to?",
         "Which group of paraneoplastic syndromes does dermatomyositis belong to?"),
        ("What are paraneoplastic syndromes?", "How common are they?", "How common are paraneoplastic syndromes?"),
        ("What are paraneoplastic syndromes?", "Which cancers cause them?", "Which cancers cause paraneoplastic syndromes?"),
        ("What are paraneoplastic syndromes?", "What is their prognosis?", "What is paraneoplastic syndromes' prognosis?"),
        ("What are paraneoplastic syndromes?", "Is it true that they are rare?",
         "Is it true that paraneoplastic syndromes are rare?"),
        ("Tell me about IVIG", "Is that effective?", "Is IVIG effective?"),
        ("What symptoms can paraneoplastic syndromes cause?", "How are these symptoms treated?",
         "How are the symptoms of paraneoplastic syndromes treated?"),
    ],
)
def test_pronouns_and_demonstratives_are_resolved(previous: str, question: str, expected: str) -> None:
    assert rewrite_followup(question, history(previous)) == expected


def test_a_chain_of_follow_ups_keeps_its_subject() -> None:
    turns = history("What is Trousseau syndrome?", "How is it treated?")
    assert rewrite_followup("And what causes it?", turns) == "What causes Trousseau syndrome?"


@pytest.mark.parametrize(
    "question",
    ["What is IVIG?", "Which cancers are linked to paraneoplastic syndromes?", "Why is it so hard to get the right diagnosis?"],
)
def test_standalone_questions_are_unchanged(question: str) -> None:
    assert rewrite_followup(question, history("What is Trousseau syndrome?")) == question


def test_without_history_nothing_changes() -> None:
    assert rewrite_followup("How is it treated?", None) == "How is it treated?"
    assert rewrite_followup("How is it treated?", []) == "How is it treated?"


def test_only_user_turns_define_the_topic() -> None:
    turns = [{"role": "assistant", "content": "Plasmapheresis removes antibodies."},
             {"role": "user", "content": "What is Trousseau syndrome?"},
             {"role": "assistant", "content": "It is a clotting disorder [1]."}]
    assert rewrite_followup("How is it treated?", turns) == "How is Trousseau syndrome treated?"


def test_malformed_turns_are_ignored_by_the_topic_finder() -> None:
    assert user_turns([{"role": "user"}, "nonsense", {"role": "user", "content": "  What is  IVIG? "}]) == ["What is IVIG?"]


@pytest.mark.parametrize(
    ("question", "topic"),
    [("What is Trousseau syndrome?", "Trousseau syndrome"), ("What are the symptoms of dermatomyositis?", "dermatomyositis"),
     ("Is a lumbar puncture used in diagnosis?", "a lumbar puncture"), ("What does plasmapheresis do?", "plasmapheresis"),
     ("What symptoms can paraneoplastic syndromes cause?", "paraneoplastic syndromes"), ("Hello", None),
     ("Are lems curable", "lems"), ("is cushing syndrome reversible", "cushing syndrome")],  # the adjective is said of it
)
def test_topic_of(question: str, topic: str | None) -> None:
    assert topic_of(question) == topic


@pytest.mark.parametrize(("question", "topic"), [
    ("do the clots come back often", "the clots"), ("can lems patients recover", "lems patients"),
    ("does ivig help with lems", "ivig"), ("does the rash itch", "the rash"), ("can pns affect the kidneys", "pns")])
def test_a_do_or_can_question_names_its_subject_without_its_main_verb(question: str, topic: str) -> None:
    assert topic_of(question) == topic


def test_a_pronoun_after_a_do_question_is_its_subject_never_spliced_into_its_verb() -> None:
    turns = history("what is trousseau syndrome", "do the clots come on fast")
    assert rewrite_followup("how are they treated", turns) == "How are the clots treated"


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (["what is lambert eaton"], "what causes it?", "What causes lambert eaton?"),
        (["what is lambert eaton", "what causes it?"], "and how is that treated?", "How is lambert eaton treated?"),
        (["what is lambert eaton", "what causes it?", "and how is that treated?"], "is it curable", "Is lambert eaton curable"),
        (["whats trousseau syndrome"], "is it curable", "Is trousseau syndrome curable"),
        (["What are paraneoplastic syndromes?"], "is it curable", "Are paraneoplastic syndromes curable"),
        (["what symptoms can pns cause"], "what about the skin ones", "what skin symptoms can pns cause?"),
        (["what tests are used to diagnose pns"], "what about the blood ones", "what blood tests are used to diagnose pns?"),
        (["my dad was just diagnosed with LEMS"], "how do they treat it", "How do they treat LEMS"),
        (["tell me about dermatomyositis"], "how is it diagnosed", "How is dermatomyositis diagnosed"),
        (["can you tell me about IVIG"], "what are the side effects of it", "What are the side effects of IVIG"),
        (["what cancers are linked to pns"], "which one is most common", "which cancers is most common"),
    ],
)
def test_sloppy_follow_ups(previous: list[str], question: str, expected: str) -> None:
    assert rewrite_followup(question, history(*previous)) == expected


@pytest.mark.parametrize(
    "previous",
    ["what symptoms should we watch for",
     "my mom has lung cancer and they think she has pns. what symptoms should we watch for"],
)
def test_a_person_is_never_the_topic(previous: str) -> None:
    rewritten = rewrite_followup("would she recover from them", history(previous))
    assert "we watch" not in rewritten and rewritten.startswith("Would she recover from ")
    assert "she" in rewritten  # a person stays a person: only 'them' is resolved


@pytest.mark.parametrize(
    ("question", "topic"),
    [("my mom has lung cancer and they think she has pns. what symptoms should we watch for", "pns"),
     ("What causes Trousseau syndrome?", "Trousseau syndrome"), ("How do doctors treat LEMS?", "LEMS"),
     ("my dad was diagnosed with small cell lung cancer", "small cell lung cancer"),
     ("what should we do", None)],
)
def test_topic_of_sloppy_turns(question: str, topic: str | None) -> None:
    assert topic_of(question) == topic


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (["which symptoms show up first", "what about the blood ones"], "and the nerve ones?", "which nerve symptoms show up first?"),
        (["are there any new treatments"], "do they work", "Do new treatments work"),
        (["what is acanthosis nigricans"], "what causes that category", "What causes acanthosis nigricans"),
        (["what is the prognosis like"], "and the ones that never recover?",
         "what is the prognosis like: what about patients that never recover?"),
        (["which conditions mimic pns"], "how do they tell them apart", "How do they tell conditions apart"),
    ],
)
def test_narrowing_groups_and_people(previous: list[str], question: str, expected: str) -> None:
    assert rewrite_followup(question, history(*previous)) == expected


@pytest.mark.parametrize(
    ("previous", "question", "expected"),
    [
        (["how is pns treated"], "and in children?", "how is pns treated in children?"),
        (["what causes pns"], "what about women", "what causes pns in women?"),
        (["how is lems treated"], "and for dermatomyositis?", "how is dermatomyositis treated?"),
        (["how is lems treated"], "and during chemo?", "how is lems treated during chemo?"),
        (["is smoking a risk factor"], "why?", "is smoking a risk factor"),
        (["what are the symptoms of lems"], "in simple words please", "what are the symptoms of lems"),
        (["what is ivig"], "tell me more", "what is ivig"),
    ],
)
def test_narrowing_swapping_and_more_of_the_same(previous: list[str], question: str, expected: str) -> None:
    assert rewrite_followup(question, history(*previous)) == expected


def test_a_bare_class_question_asks_about_the_topic_and_keeps_it() -> None:
    turns = history("what is trousseau syndrome")
    assert rewrite_followup("which cancers", turns) == "Which cancers does trousseau syndrome involve?"
    assert rewrite_followup("is there a paper on it", history("what is trousseau syndrome", "which cancers")) == \
        "Is there a paper on trousseau syndrome"
    assert rewrite_followup("what now", turns) == "what now"


@pytest.mark.parametrize("question", ["what is lambert-eaton syndrome", "how is paraneoplastic cerebellar degeneration treated"])
def test_a_follow_up_with_its_own_topic_is_not_given_the_previous_one(question: str) -> None:
    assert rewrite_followup(question, [{"role": "user", "content": "what tests are used"}]) == question


# A first question with an unnamed subject: about the article's subject, but only when the corpus uses its words.
KNOWN = frozenset("what's the outlook can you get better from it is hereditary how treated does do to nerves".split())


@pytest.mark.parametrize(("question", "expected"), [
    ("what's the outlook", "What is the outlook of paraneoplastic syndromes?"),
    ("can you get better from it", "Can you get better from paraneoplastic syndromes"),
    ("is it hereditary", "Are paraneoplastic syndromes hereditary"),
    ("how is it treated", "How are paraneoplastic syndromes treated"),
])
def test_a_first_question_without_a_subject_asks_about_the_articles(question: str, expected: str) -> None:
    from assistant.conversation import resolve_first_turn

    assert resolve_first_turn(question, KNOWN.__contains__) == expected


@pytest.mark.parametrize("question", [
    "is it raining in paris",          # words the corpus never uses: out of scope, not about the syndromes
    "tell me a joke about it",
    "what is lambert eaton syndrome",  # names its own subject
    "is it true",                      # 'true' is not among the words this test's corpus knows
])
def test_a_first_question_keeps_its_own_subject_or_words(question: str) -> None:
    from assistant.conversation import resolve_first_turn

    assert resolve_first_turn(question, KNOWN.__contains__) == question


def test_topics_of_a_question_whose_verb_comes_first() -> None:
    """'what does X do', 'how long does it take for X to work' and 'what makes X worse' are about X."""
    from assistant.topics import topic_of

    assert topic_of("what does plasmapheresis do exactly") == "plasmapheresis"
    assert topic_of("how long does it take for steroids to help") == "steroids"
    assert topic_of("what makes the outlook of lems worse") == "the outlook of lems"


def test_a_yes_no_turn_s_adjective_is_not_carried_into_the_next_follow_up() -> None:
    turns = history("what is lems", "is it curable")
    assert rewrite_followup("how is it treated then", turns) == "How is lems treated then"


@pytest.mark.parametrize(
    ("first", "topic"),
    [("hypercalcaemia paraneoplastic", "hypercalcaemia"), ("anemia from cancer?", "anemia"),
     ("cerebellar degeneration paraneoplastic what is it", "cerebellar degeneration"),
     ("what is it", None), ("ok thanks", None), ("totally unrelated", None), ("tests?", None)],
)
def test_keyword_topic(first: str, topic: str | None) -> None:
    assert keyword_topic(first) == topic


def test_a_keyword_first_turn_is_the_subject_of_the_follow_up() -> None:
    """Not the article's subject by default: 'what cancers cause it' asks about hypercalcaemia."""
    assert rewrite_followup("what cancers cause it", history("hypercalcaemia paraneoplastic")) == \
        "What cancers cause hypercalcaemia"


def test_a_one_word_fragment_the_corpus_never_uses_does_not_become_the_subject() -> None:
    corpus = {"symptoms", "paraneoplastic", "cerebellar", "degeneration", "dermatomyositis", "outlook"}.__contains__
    turns = history("paraneoplastic cerebellar degeneration", "symptoms", "rehab?")
    assert rewrite_followup("rehab?", turns[:4], known_word=corpus) == "What are the symptoms of rehab?"  # the turn itself
    assert rewrite_followup("outlook", turns, known_word=corpus) == \
        "What is the outlook of paraneoplastic cerebellar degeneration?"
    assert rewrite_followup("outlook", turns) == "What is the outlook of rehab?"  # no vocabulary: as before
    named = history("paraneoplastic cerebellar degeneration", "symptoms", "dermatomyositis?")
    assert rewrite_followup("outlook", named, known_word=corpus) == "What is the outlook of dermatomyositis?"


def test_a_pronoun_after_a_one_word_aspect_stands_for_that_aspect() -> None:
    assert rewrite_followup("what makes it worse", history("prognosis")) == "What makes prognosis worse"
    assert rewrite_followup("what makes it worse", history("what is lems")) == "What makes lems worse"


def test_the_last_exchange_is_the_last_user_turn_and_its_reply() -> None:
    turns = [{"role": "user", "content": "what is lems"}, {"role": "assistant", "content": "LEMS is ..."},
             {"role": "user", "content": "how is it treated"}, {"role": "assistant", "content": "Treatment ..."}]
    exchange = last_exchange(turns)
    assert exchange is not None
    assert (exchange.index, exchange.question, exchange.reply) == (2, "how is it treated", "Treatment ...")
    unanswered = last_exchange(turns[:3])
    assert unanswered is not None and unanswered.reply == ""
    assert last_exchange([{"role": "assistant", "content": "Hello"}]) is None
    assert last_exchange([]) is None
