"""Floor for `polybius eval case` on the first 200 ACLED-labelled CASE 2021 snippets."""

from __future__ import annotations

from pathlib import Path

import pytest

from polybius.eval.case import acled_subtype, evaluate, f1_table, macro_micro, precedence, snippet_label
from polybius.model import Document, Event, Report, Span

# Measured 2026-11-25 on the first 200 ACLED snippets: macro F1 0.766, micro F1 0.780.
# Lower a floor only on purpose, in the commit that explains why.
MACRO_FLOOR = 0.74
MICRO_FLOOR = 0.76


def _event(kind: str, mode: str | None, text: str, trigger: str) -> Event:
    start = text.index(trigger)
    return Event(
        id="ev1",
        type=kind,
        mode=mode,
        evidence=Span(0, len(text), text),
        trigger=Span(start, start + len(trigger), trigger),
    )


def test_aerial_assault_is_an_air_strike() -> None:
    event = _event("ASSAULT", "aerial", "Jets bombed the depot.", "bombed")
    assert acled_subtype(event, protest_in_text=False) == "AIR_STRIKE"


def test_attack_on_soldiers_is_an_armed_clash() -> None:
    event = _event("ASSAULT", None, "Militants attacked an army checkpoint.", "attacked")
    assert acled_subtype(event, protest_in_text=False) == "ARMED_CLASH"


def test_attack_by_protesters_is_a_violent_demonstration() -> None:
    event = _event("ASSAULT", None, "Protesters attacked a shop.", "attacked")
    assert acled_subtype(event, protest_in_text=False) == "VIOL_DEMONSTR"


def test_macro_f1_averages_labels_seen() -> None:
    table = f1_table([("ARREST", "ARREST"), ("ATTACK", "ARREST")], ["ARREST", "ATTACK", "SEX_VIOL"])
    macro, micro = macro_micro(table)
    assert round(macro, 3) == round((2 / 3 + 0) / 2, 3)
    assert micro == 0.5


@pytest.mark.shared_data
def test_macro_and_micro_f1_stay_above_their_floors(shared_data: Path) -> None:
    table, scored, _ = evaluate(limit=200)
    assert scored == 200
    macro, micro = macro_micro(table)
    assert macro >= MACRO_FLOOR
    assert micro >= MICRO_FLOOR


def test_clash_with_protesters_is_a_violent_demonstration() -> None:
    event = _event("ASSAULT", "firearms", "Clashes broke out between police and protesters.", "Clashes")
    event.cameo = "193"
    assert acled_subtype(event, protest_in_text=True) == "VIOL_DEMONSTR"


def test_state_forces_named_first_regain_territory() -> None:
    text = "The army and allied fighters captured the village."
    event = _event("COERCE", "seize", text, "captured")
    event.cameo = "192"
    assert acled_subtype(event, protest_in_text=False) == "GOV_REGAINS_TERIT"


def test_withdrawal_is_a_change_of_activity() -> None:
    event = _event("RETREAT", "withdraw", "The brigade withdrew from the base.", "withdrew")
    assert acled_subtype(event, protest_in_text=False) == "CHANGE_TO_GROUP_ACT"


def test_shooting_at_civilians_is_an_attack_not_a_clash() -> None:
    event = _event("ASSAULT", "firearms", "Gunmen opened fire on a bus of villagers.", "opened")
    event.cameo = "193"
    assert acled_subtype(event, protest_in_text=False) == "ATTACK"


def test_petrol_bombs_thrown_by_protesters_are_a_violent_demonstration() -> None:
    event = _event("ASSAULT", "explosives", "Protesters attacked police with petrol bombs.", "attacked")
    assert acled_subtype(event, protest_in_text=True) == "VIOL_DEMONSTR"


def _report(*events: Event) -> Report:
    return Report(document=Document(text="x"), events=list(events))


def test_territory_taken_after_a_withdrawal_is_a_non_violent_transfer() -> None:
    text = "Rebels took over the town after the army withdrew from it."
    seized = _event("COERCE", "seize", text, "took")
    seized.cameo = "192"
    withdrew = _event("RETREAT", "withdraw", text, "withdrew")
    label = snippet_label(_report(seized, withdrew), precedence())
    assert label == "NON_VIOL_TERRIT_TRANSFER"


def test_force_on_demonstrators_is_read_from_the_attackers_clause() -> None:
    text = "Demonstrators were hurt as police suppressed the march."
    event = _event("ASSAULT", None, text, "suppressed")
    assert acled_subtype(event, protest_in_text=True) == "FORCE_AGAINST_PROTEST"


def test_protesters_blocking_roads_is_a_violent_demonstration() -> None:
    text = "Protesters blocked the main highway into the capital."
    blocked = _event("PROTEST", "obstruct", text, "blocked")
    assert snippet_label(_report(blocked), precedence()) == "VIOL_DEMONSTR"


def test_blocked_roads_then_arrests_is_an_intervention() -> None:
    text = "Police arrested dozens as protesters tried to block traffic."
    arrested = _event("COERCE", "arrest", text, "arrested")
    blocked = _event("PROTEST", "obstruct", text, "block")
    assert snippet_label(_report(arrested, blocked), precedence()) == "PROTEST_WITH_INTER"
