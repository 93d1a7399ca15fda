"""Event status: cue priority, attribution, hedging."""

from __future__ import annotations

from spacy.language import Language

from polybius.extract.event_status import attribution_for, decide_status, is_hedged, status_cues
from polybius.model import Attribution, Source, Span


def _attribution(ident: str, start: int, end: int, cue: str = "said") -> Attribution:
    return Attribution(ident, Source(text="officials"), Span(0, len(cue), cue), Span(start, end, "x" * (end - start)))


def test_denied_outranks_planned() -> None:
    assert decide_status({"planned", "denied"}, None) == "denied"


def test_inside_an_attribution_an_event_is_claimed() -> None:
    assert decide_status(set(), _attribution("a1", 0, 50)) == "claimed"


def test_without_cues_or_attribution_an_event_occurred() -> None:
    assert decide_status(set(), None) == "occurred"


def test_a_denial_cue_makes_the_content_denied() -> None:
    assert decide_status(set(), _attribution("a1", 0, 50, cue="denied")) == "denied"


def test_innermost_attribution_is_chosen() -> None:
    outer, inner = _attribution("a1", 0, 100), _attribution("a2", 20, 60)
    assert attribution_for([outer, inner], 30, 35) is inner
    assert attribution_for([outer, inner], 70, 75) is outer
    assert attribution_for([outer, inner], 120, 125) is None


def test_will_is_a_planned_cue(nlp: Language) -> None:
    doc = nlp("The rebels will attack the town.")
    assert status_cues(doc[3], None) == {"planned"}


def test_negation_in_a_reporting_clause_does_not_negate_the_event(nlp: Language) -> None:
    doc = nlp("I do not think that the rebels attacked the town.")
    attacked = next(t for t in doc if t.text == "attacked")
    assert "negated" not in status_cues(attacked, None)


def test_alleged_hedges_a_noun_trigger(nlp: Language) -> None:
    doc = nlp("The alleged massacre took place in May.")
    assert is_hedged(doc[2], None) is True


def test_planning_adjective_alone_makes_a_noun_planned(nlp: Language) -> None:
    doc = nlp("Residents fear the threatened offensive.")
    offensive = next(t for t in doc if t.text == "offensive")
    assert status_cues(offensive, None) == {"planned"}


def test_verb_carrying_out_a_noun_outranks_its_planning_adjective(nlp: Language) -> None:
    doc = nlp("The army launched its long-planned offensive on Monday.")
    offensive = next(t for t in doc if t.text == "offensive")
    launched = next(t for t in doc if t.text == "launched")
    assert status_cues(offensive, launched) == set()
