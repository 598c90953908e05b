"""Normalisation before the safety gate and retrieval: apostrophes, typos (symspellpy over the corpus), abbreviations."""

from __future__ import annotations

import pytest

from assistant.normalise import mend_what_mean, restore_apostrophes
from assistant.spelling import Speller, english_words


@pytest.mark.parametrize(
    ("typed", "restored"),
    [
        ("he wont wake up", "he won't wake up"),
        ("i cant breathe", "i can't breathe"),
        ("she isnt breathing and hes scared", "she isn't breathing and he's scared"),
        ("Im worried", "I'm worried"),
        ("MY MOM WONT WAKE UP", "MY MOM WON'T WAKE UP"),
        ("i can t breathe", "i can't breathe"),
        ("he won\u2019t wake up", "he won't wake up"),
        ("its symptoms, well, were mild", "its symptoms, well, were mild"),  # real words stay
        ("he won't and can't", "he won't and can't"),  # already right: untouched
        ("he is'nt breathing", "he isn't breathing"),  # the apostrophe one letter early
        ("cnt breathe", "can't breathe"),  # texting shorthand
        ("can u get better", "can you get better"),  # chat words a spelling corrector cannot reach
        ("what abt ur mum", "what about your mum"),
        ("how long do ppl live with it", "how long do people live with it"),
        ("my nan is so weak cud that be pns", "my nan is so weak could that be pns"),  # a hurried diagnosis ask
        ("what dose wd he need", "what dose would he need"),  # a hurried dose ask reaches the dosing rule
        ("r they linked, shud i worry", "are they linked, should i worry"),
        ("rock n roll", "rock n roll"),  # a lone n stays
        ("she nt waking", "she not waking"), ("NT levels", "NT levels"),  # texting "nt"; in capitals an abbreviation
        # a lone 4 / 2 before a determiner or object pronoun is "for" / "to"; a rate ("2 a day") and a count of
        # what was taken ("took 4 the pills", which the overdose rules read) keep the digit
        ("im dyin 4 a coffee", "I'm dyin for a coffee"), ("take him 2 the vet", "take him to the vet"),
        ("this is 4 my mum", "this is for my mum"), ("take 2 a day", "take 2 a day"), ("4 an hour", "4 an hour"),
        ("he took 4 the pills", "he took 4 the pills"), ("1.2 the", "1.2 the"), ("fitting 4 like 5 mins", "fitting 4 like 5 mins"),
    ],
)
def test_apostrophes(typed: str, restored: str) -> None:
    assert restore_apostrophes(typed)[0] == restored


@pytest.fixture(scope="module")
def speller() -> Speller:
    """A speller over a small synthetic 'corpus' (labelled synthetic; not corpus content)."""
    synthetic = ("Paraneoplastic syndromes cause a seizure, trouble breathing and symptoms such as weakness. "
                 "Plasmapheresis and Trousseau syndrome. Varki, A. Lambert-Eaton.")
    return Speller.build([synthetic], targets=["unconscious", "breathe", "having", "shaking"], english=english_words())


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("siezure", "seizure"), ("simptoms", "symptoms"), ("breething", "breathing"), ("uncontious", "unconscious"),
        ("paraneoplastc", "paraneoplastic"), ("plasmapharesis", "plasmapheresis"), ("trouseau", "trousseau"),
        ("varky", "varki"),
    ],
)
def test_typos_are_corrected_to_corpus_and_safety_words(speller: Speller, typed: str, fixed: str) -> None:
    assert speller.correct_word(typed) == fixed


@pytest.mark.parametrize(("typed", "fixed"), [("brth", "breathe"), ("shkng", "shaking"), ("hvng", "having"),
                                            ("sht", None), ("zzzz", None)])
def test_a_word_typed_without_vowels_is_the_safety_word_of_those_consonants(speller: Speller, typed: str,
                                                                           fixed: str | None) -> None:
    """Texting drops vowels ('brth', 'chst'); three consonants are too few to tell, and nothing is made up."""
    assert speller.correct_word(typed) == fixed


@pytest.mark.parametrize(("typed", "fixed"), [("havin", "having"), ("shakin", "shaking"), ("recoverin", None),
                                              ("shaekin", "shaking"), ("brethin", None)])
def test_a_dropped_final_g_is_put_back_only_for_corpus_and_safety_words(speller: Speller, typed: str,
                                                                        fixed: str | None) -> None:
    """SymSpell alone makes 'havin' the nearer 'haven'; the antibody 'recoverin' is no dropped g. A dropped g with a
    typo besides ('shaekin') is mended to a safety word only: here 'breathing' is a corpus word, not a target."""
    assert speller.correct_word(typed) == fixed


def test_a_tie_between_corrections_is_broken_the_same_way_whatever_the_order() -> None:
    """'grandta' is one edit from both: the answer must not depend on the order words were added."""
    one = Speller.build(["grandma grandpa"], english=frozenset())
    other = Speller.build(["grandpa grandma"], english=frozenset())
    assert one.correct_word("grandta") == other.correct_word("grandta") is not None


@pytest.mark.parametrize("word", ["seizure", "wake", "cancer", "rituximab", "ok", "graber2023"])
def test_known_or_distant_words_are_left_alone(speller: Speller, word: str) -> None:
    assert speller.correct_word(word) is None


def test_names_and_abbreviations_keep_their_spelling(speller: Speller) -> None:
    text, changes = speller.correct("Is Varky right about SIEZ and siezure?")
    assert text == "Is Varky right about SIEZ and seizure?" and changes == [("siezure", "seizure")]
    assert speller.correct("Siezure now")[0] == "Seizure now"  # first word of a sentence: a capital, not a name
    assert speller.correct("MY DAD IS HAVING A SIEZURE")[0] == "MY DAD IS HAVING A SEIZURE"


def test_the_corpus_normaliser_does_all_three(triage) -> None:
    n = triage.normalise("my dad has sclc and a siezure and he wont wake up")
    assert n.text == "my dad has sclc and a seizure and he won't wake up"
    assert "small cell lung cancer (sclc)" in n.retrieval
    assert ("siezure", "seizure") in n.corrections and ("sclc", "small cell lung cancer") in n.expansions
    assert any(f.startswith("typos corrected") for f in n.flags())


def test_sloppy_english_is_not_mangled(triage, phrasings) -> None:
    """Every correction made on 128 sloppy English phrasings lands on a word the corpus or the safety rules use."""
    for question in phrasings("english_sloppy.txt"):
        n = triage.normalise(question)
        for typed, fixed in n.corrections:
            assert triage.normaliser.speller.is_known(fixed), (question, typed, fixed)
            assert typed.lower() not in english_words(), (question, typed)


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [("teh", "the"), ("whta", "what"), ("onc", None), ("derm", None), ("thx", None), ("xray", None),
     ("recoverin", None), ("varky", "varki"), ("uncontious", "unconscious"),
     ("unrespondsiv", "unresponsive"), ("unresponsiv", "unresponsive")],  # a silent final e left off counts as kept
)
def test_short_words_are_only_unswapped_and_far_ones_keep_their_ends(triage, typed: str, fixed: str | None) -> None:
    assert triage.normaliser.speller.correct_word(typed) == fixed


def test_idioms_are_rephrased_for_retrieval_only(triage) -> None:
    from assistant.normalise import rephrase_idioms

    assert rephrase_idioms("how can doctors tell these conditions apart?") == "how can doctors distinguish these conditions?"
    triaged = triage.triage("how do you tell the difference between lems and myasthenia gravis")
    assert "distinguish" in triaged.query and "tell the difference" in triaged.standalone
    assert rephrase_idioms("will my uncle ever get well again") == "will my uncle ever recover"
    assert rephrase_idioms("does everyone get better") == "does everyone recover"
    # having it with no known cancer: what the article says is that symptoms may come before the cancer is found
    assert "before the diagnosis of cancer" in rephrase_idioms("is it possible to get pns and never had cancer")
    assert "before the diagnosis" not in rephrase_idioms("can cancer treatment help")
    # how often the condition happens is how common it is (the article says "rare"), not a figure
    assert rephrase_idioms("how often does paraneoplastic syndromes (pns) happen") == "how common is paraneoplastic syndromes"
    assert rephrase_idioms("how often should you get scanned") == "how often should you get scanned"


def test_a_first_question_of_common_words_is_about_the_article(triage) -> None:
    """'get' and 'better' name no subject: the question is about the article's; 'paris' keeps its own."""
    assert "paraneoplastic syndromes" in triage.triage("can u get better from it").standalone
    assert triage.triage("is it raining in paris").standalone == "is it raining in paris"


@pytest.mark.parametrize(
    ("text", "mended"),
    [("what's paraneoplastic syndrome mean", "what does paraneoplastic syndrome mean"),
     ("what is lems mean in simple words", "what does lems mean in simple words"),
     ("what is the mean age", "what is the mean age"), ("what does it mean", "what does it mean")],
)
def test_whats_x_mean_asks_what_x_means(text: str, mended: str) -> None:
    assert mend_what_mean(text) == mended


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [("famlies", "families"), ("completly", "completely"), ("permanant", "permanent"),  # one edit from common English
     ("neuro", None),  # a lay-map word ('neuro' -> neurological) is never mended to the English 'nero'
     ("reversable", None),  # its first six letters begin a corpus word ('reverse'): left to retrieval's prefix match
     ("recoverin", None),  # the antibody: its last letter would change ('recovering')
     ("mri", None), ("ivgi", None)],  # short words are never mended to English
)
def test_a_typo_near_no_corpus_word_is_mended_to_common_english(typed: str, fixed: str | None) -> None:
    """Left as typed, 'does it run in famlies' reached neither the lay-word map nor retrieval (off topic)."""
    speller = Speller.build(["Paraneoplastic syndromes may reverse. Neurological symptoms."], english=english_words(),
                            unmended=["neuro"])
    assert speller.correct_word(typed) == fixed


def test_the_corpus_speller_mends_a_lay_phrase_and_leaves_the_lay_words(triage) -> None:
    assert triage.normalise("does it run in famlies").text == "does it run in families"
    assert triage.normalise("all the neuro symptoms?").text == "all the neuro symptoms?"


@pytest.mark.parametrize(
    ("typed", "words"),
    [("what happens if pns isn't treated", "timely intervention"), ("what if you just leave it", "progress"),
     ("can it come back after treatment", "persist"), ("does it relapse", "persist"),
     ("does it run in families", "genetically predisposed"), ("can i pass it on to my kids", "genetically predisposed"),
     ("how long do people live with it", "outlook"), ("what if they find the cancer early", "treated early")],
)
def test_lay_asks_about_the_course_heredity_and_survival_reach_the_articles_words(typed: str, words: str) -> None:
    """The article says symptoms 'can rapidly progress', 'timely intervention improves outcomes', some symptoms 'may
    persist even after cancer treatment', some people 'may be genetically predisposed' and what 'the outlook' depends
    on; it never says 'untreated', 'leave it', 'come back', 'run in families' or 'how long people live'."""
    from assistant.normalise import rephrase_idioms

    assert words in rephrase_idioms(typed)
    assert "how long" not in rephrase_idioms("how long do people live with it")  # no figure is asked for any more


@pytest.mark.parametrize("typed", ["does it stop after they remove the tumor", "better once they take the tumour out?",
                                   "what happens when the cancer has been removed", "after the surgeons cut out the tumor"])
def test_removing_the_tumor_is_searched_as_the_articles_after_cancer_treatment(typed: str) -> None:
    """The article says symptoms "may persist even after cancer treatment"; "after they remove the tumor" shares none
    of its words, and "remove ... tumor" alone reaches the surgery bullet instead."""
    from assistant.normalise import rephrase_idioms

    assert "cancer treatment" in rephrase_idioms(typed)
    assert "remove" not in rephrase_idioms(typed) and "tumo" not in rephrase_idioms(typed)


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [("aswell", "as well"),  # not the corpus's 'swell', one edit away: a dropped space is the likelier slip
     ("infact", "in fact"),
     ("famlies", "families"),  # no split into two frequent words: mended as before
     ("anythink", None)],  # nothing would mend it: left as typed, never split
)
def test_two_common_words_typed_without_their_space_are_split_apart(typed: str, fixed: str | None) -> None:
    """"lung cancer or others aswell" read as "or others swell" and answered about swelling (overrefusal_check4)."""
    speller = Speller.build(["Swelling may swell. Infants."], english=english_words())
    assert speller.correct_word(typed) == fixed
    common = Speller.build(["Anything may swell."], english=english_words())
    assert common.correct_word("anythink") == "anything"  # a common word one edit away wins over 'any think'


def test_a_clinicians_slashed_shorthand_is_read_before_the_texting_words(speller: Speller) -> None:
    """"w/u to r/o mimics" must not become "w/you to are/o mimics": the slashed forms are written out first and
    reported with the corrections."""
    from assistant.glossary import Glossary
    from assistant.normalise import Normaliser

    read = Normaliser(speller, Glossary([])).normalise("w/u to r/o mimics")
    assert read.text == "workup to rule out mimics"
    assert ("w/u", "workup") in read.corrections
