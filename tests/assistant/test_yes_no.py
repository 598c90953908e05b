"""The three yes/no openings differ on purpose (assistant/yes_no.py); these pin each difference."""

from assistant.yes_no import YES_NO_CLAIM, YES_NO_FOLLOWUP, YES_NO_FOLLOWUP_SUBJECT, YES_NO_OPENING


def test_claim_reading_excludes_asks_of_the_reader_and_existence() -> None:
    assert YES_NO_CLAIM.match("can other kinds of cancer cause it too")
    assert YES_NO_CLAIM.match("  so dont all patients recover")
    assert not YES_NO_CLAIM.match("are there other kinds")
    assert not YES_NO_CLAIM.match("can you list them")
    assert not YES_NO_CLAIM.match("may it come back")  # 'may' is no claim opening


def test_followup_reading_takes_chat_leads_and_excludes_only_existence() -> None:
    assert YES_NO_FOLLOWUP.match("ok is it contagious")
    assert YES_NO_FOLLOWUP.match("can you die from it")
    assert YES_NO_FOLLOWUP.match("might it come back")
    assert not YES_NO_FOLLOWUP.match("is there a test")
    assert not YES_NO_FOLLOWUP.match("has it spread")
    subject = YES_NO_FOLLOWUP_SUBJECT.match("and is the dialysis ever needed")
    assert subject is not None and subject.group("subject") == "dialysis"


def test_opening_reading_is_a_bare_first_auxiliary() -> None:
    assert YES_NO_OPENING.match("can you inherit it")
    assert YES_NO_OPENING.match("is there a cure")
    assert not YES_NO_OPENING.match("so is it genetic")
    assert not YES_NO_OPENING.match("were they related")
