"""Noun and adjective cues: possessors, light verbs, sourceless clauses, "made clear"."""

from __future__ import annotations

from polybius.extract.attribution_nouns import make_clear, noun_claim


def test_noun_cue_takes_a_to_object_as_content(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Governor Ann Lee's opposition to the dam is well known.")
    claim = noun_claim(next(t for t in doc if t.lower_ == "opposition"))
    assert claim is not None and claim.source is not None and claim.content is not None
    assert doc[claim.source[0] : claim.source[1]].text == "Governor Ann Lee"
    assert doc[claim.content[0] : claim.content[1]].text == "the dam"


def test_noun_cue_without_source_needs_a_that_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Fears that the bridge would collapse grew after the storm.")
    claim = noun_claim(doc[0])
    assert claim is not None and claim.source is None
    assert doc[claim.content[0] : claim.content[1]].text == "that the bridge would collapse"  # type: ignore[index]
    plans = nlp("The plans for wider operations were shelved.")
    assert noun_claim(plans[1]) is None


def test_made_it_clear_is_one_cue_with_the_that_clause(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Senator Ann Lee made it clear that she would vote against the bill.")
    claim = make_clear(next(t for t in doc if t.lower_ == "made"))
    assert claim is not None and claim.content is not None
    assert doc[claim.cue[0] : claim.cue[1]].text == "made it clear"
    assert doc[claim.content[0] : claim.content[1]].text.startswith("that she would vote")
    assert make_clear(nlp("She made a cake.")[1]) is None


def test_agent_noun_after_be_takes_the_subject_as_source(nlp) -> None:  # type: ignore[no-untyped-def]
    from polybius.extract.attribution_nouns import agent_claim

    doc = nlp("Senator Ann Lee is a fierce critic of the new dam.")
    claim = agent_claim(next(t for t in doc if t.lower_ == "critic"))
    assert claim is not None and claim.source is not None and claim.content is not None
    assert doc[claim.source[0] : claim.source[1]].text == "Senator Ann Lee"
    assert doc[claim.cue[0] : claim.cue[1]].text == "critic of"
    assert doc[claim.content[0] : claim.content[1]].text == "the new dam"
