"""Cue verbs: sources, contents and the object fallback."""

from __future__ import annotations

from polybius.extract.attribution_cues import cue_verbs, subject_of, verb_claim


def test_object_fallback_of_a_speech_verb_without_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The mayor responded to the criticism on Friday.")
    verb = doc[2]
    claim = verb_claim(verb, cue_verbs()["respond"])
    assert claim.content is None and claim.fallback is not None
    assert doc[claim.fallback[0] : claim.fallback[1]].text == "the criticism"


def test_find_and_see_take_no_object_fallback(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Facebook found the posting on Thursday.")
    assert verb_claim(doc[1], cue_verbs()["find"]).fallback is None


def test_inference_verb_content_is_subject_and_complement(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Both parties seem intent on approving the delay.")
    claim = verb_claim(doc[2], cue_verbs()["seem"])
    assert claim.content is not None
    assert doc[claim.content[0] : claim.content[1]].text == "Both parties seem intent on approving the delay"


def test_subject_of_be_it_is_no_source(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("It said profits rose.")
    assert subject_of(doc[1]) is not None and subject_of(doc[1]).text == "It"  # type: ignore[union-attr]


def test_belief_verb_casting_its_object_as_something_takes_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Investors see the vote as a turning point.")
    claim = verb_claim(doc[1], cue_verbs()["see"])
    assert claim.fallback is not None
    assert doc[claim.fallback[0] : claim.fallback[1]].text == "the vote as a turning point"


def test_clausal_verb_takes_no_object_fallback(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The senator added a new twist to the debate.")
    assert verb_claim(doc[2], cue_verbs()["add"]).fallback is None


def test_subject_of_skips_a_dateline(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("LONDON (Reuters) - Ann Lee said she was unlikely to run again.")
    verb = next(t for t in doc if t.lemma_ == "say")
    assert subject_of(verb) is not None and subject_of(verb).text == "Lee"  # type: ignore[union-attr]
