"""Sources of cue verbs: subjects, noun phrases and recipients."""

from __future__ import annotations

from polybius.extract.attribution_sources import full_phrase, noun_phrase, recipients, subject_of


def test_participle_inherits_the_subject_of_the_verb_it_hangs_on(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The mayor spoke on Friday, stating that the bridge would reopen.")
    stating = next(t for t in doc if t.text == "stating")
    subject = subject_of(stating)
    assert subject is not None and subject.text == "mayor"


def test_noun_phrase_leaves_out_the_apposition_but_full_phrase_keeps_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Ann Lee, a senator from Ohio, said the tax would go.")
    said = next(t for t in doc if t.text == "said")
    head = subject_of(said)
    assert head is not None
    start, end = noun_phrase(head)  # type: ignore[misc]
    assert doc[start:end].text == "Ann Lee"
    start, end = full_phrase(head, said)  # type: ignore[misc]
    assert doc[start:end].text.startswith("Ann Lee, a senator from Ohio")


def test_whom_the_words_were_told_to_is_a_recipient(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The minister told reporters that talks had failed.")
    told = next(t for t in doc if t.text == "told")
    assert [t.text for t in recipients(told)] == ["reporters"]


def test_of_two_subjects_the_one_after_the_comma_speaks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = ("At least three people were killed and dozens injured in the clashes, the Freedonian "
            "Commission on Human Rights said, accusing officers of using live ammunition.")
    doc = nlp(text)
    said = next(t for t in doc if t.text == "said")
    subject = subject_of(said)
    assert subject is not None and subject.text == "Commission"


def test_a_source_never_runs_over_a_line_break(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Ann Lee On Taxes\nGovernor Ann Lee says the tax will go up.")
    says = next(t for t in doc if t.text == "says")
    head = subject_of(says)
    assert head is not None and head.text == "Lee"
    start, end = noun_phrase(head)  # type: ignore[misc]
    assert doc[start:end].text == "Governor Ann Lee"


def test_a_date_that_owns_the_source_stays_in_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Last year's crime statistics show that burglaries fell.")
    show = next(t for t in doc if t.text == "show")
    head = subject_of(show)
    assert head is not None
    start, end = noun_phrase(head)  # type: ignore[misc]
    assert doc[start:end].text == "Last year's crime statistics"


def test_one_made_to_speak_is_the_source(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The mayor was forced to say that the bridge had failed.")
    say = next(t for t in doc if t.text == "say")
    subject = subject_of(say)
    assert subject is not None and subject.text == "mayor"


def test_a_group_doing_the_saying_in_a_participle_is_the_source(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Activists demanding a recount gathered outside the court.")
    demanding = next(t for t in doc if t.text == "demanding")
    subject = subject_of(demanding)
    assert subject is not None and subject.text == "Activists"


def test_likely_to_speak_takes_the_subject_of_be(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The governor is likely to stress that taxes will fall.")
    stress = next(t for t in doc if t.text == "stress")
    subject = subject_of(stress)
    assert subject is not None and subject.text == "governor"
