"""``find_claims``: every kind of cue in one parse, outside quotations."""

from __future__ import annotations

from polybius.extract.attribution_claims import find_claims


def _cues(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return [doc[c.cue[0] : c.cue[1]].text for c in find_claims(doc, set())]


def test_finds_verb_particle_preposition_cues(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "came out against" in _cues(nlp, "Senator Ann Lee came out against the new tax in September.")


def test_skips_cues_inside_quotations(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("“They said no,” Ann Lee recalled.")
    inside = {t.i for t in doc if 0 < t.i < 4}
    cues = [doc[c.cue[0] : c.cue[1]].text for c in find_claims(doc, inside)]
    assert "said" not in cues and "recalled" in cues


def test_title_case_headline_verb_is_a_cue(nlp) -> None:  # type: ignore[no-untyped-def]
    assert any(c.startswith("Warns") for c in _cues(nlp, "Obama Warns Of New Threats To Voting Rights"))


def test_that_said_and_known_as_are_no_cues(nlp) -> None:  # type: ignore[no-untyped-def]
    cues = _cues(nlp, "That said, the program, known as the Clean Power Plan, will survive.")
    assert not any(c.startswith(("said", "known")) for c in cues)


def test_colon_after_a_verb_introduces_a_quotation(nlp) -> None:  # type: ignore[no-untyped-def]
    assert "boomed" in _cues(nlp, "Trump leaned in and boomed: “Let’s defeat her in November.”")


def test_for_marking_a_clause_makes_a_call_for(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Senator Ann Lee is calling for the council to drop the tax.")
    claim = next(c for c in find_claims(doc, set()) if doc[c.cue[0]].lemma_ == "call")
    assert doc[claim.cue[0] : claim.cue[1]].text == "calling for"
    assert doc[claim.content[0] : claim.content[1]].text == "the council to drop the tax"  # type: ignore[index]


def test_verb_and_particle_cue_takes_its_object(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Ted Cruz talked up his plans on Friday.")
    [claim] = find_claims(doc, set())
    assert doc[claim.cue[0] : claim.cue[1]].text == "talked up"
    assert doc[claim.content[0] : claim.content[1]].text == "his plans"  # type: ignore[index]


def test_source_inside_a_quotation_gives_way_to_the_name_after_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("“We were tremendously wrong to not have confronted him from the beginning,” Ramos, 58, told AFP.")
    inside = {t.i for t in doc if 0 < t.i < 14}
    [claim] = find_claims(doc, inside)
    assert claim.source is not None and doc[claim.source[0] : claim.source[1]].text == "Ramos, 58,"
