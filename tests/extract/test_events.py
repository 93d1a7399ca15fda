"""Events stage: PLOVER triggers, one event per act, roles, status, hedging, quantities."""

from __future__ import annotations

from pathlib import Path

import pytest

from polybius.analysis import Analysis
from polybius.extract.events import INTENT_CAMEO, extract_events
from polybius.lexicons import read_table
from polybius.model import Attribution, Document, Event, Source, Span
from polybius.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[2]


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    return pipeline.analyze(Document(text=text, published="2021-05-12")).events


def _only(events: list[Event], kind: str) -> Event:
    found = [e for e in events if e.type == kind]
    assert len(found) == 1, [(e.type, e.trigger) for e in events]
    return found[0]


def test_light_verb_and_airstrike_make_one_aerial_assault(pipeline: Pipeline) -> None:
    text = "Last month the Freedonian air force launched an airstrike on a rebel camp near Karsk."
    event = _only(_events(pipeline, text), "ASSAULT")
    assert (event.mode, event.cameo, event.status) == ("aerial", "195", "occurred")
    assert event.trigger is not None and event.trigger.text == "airstrike"


def test_killing_after_an_attack_is_its_toll_not_a_second_event(pipeline: Pipeline) -> None:
    text = "Militants shelled the town of Varno on Sunday, killing at least 12 civilians."
    event = _only(_events(pipeline, text), "ASSAULT")
    assert event.mode == "heavy-weapons"
    assert [(q.kind, q.min, q.max) for q in event.quantities] == [("killed", 12, None)]


def test_deployment_noun_is_mobilize(pipeline: Pipeline) -> None:
    text = "The minister defended the deployment of French troops to the border region."
    event = _only(_events(pipeline, text), "MOBILIZE")
    assert event.trigger is not None and event.trigger.text == "deployment"


def test_raids_noun_is_an_assault(pipeline: Pipeline) -> None:
    text = "Police raids in the capital continued through the night."
    assert _only(_events(pipeline, text), "ASSAULT").trigger.text == "raids"  # type: ignore[union-attr]


def test_listed_actors_are_all_kept(pipeline: Pipeline) -> None:
    text = "Soldiers from Italy, France and Spain were deployed to the port of Varno last week."
    report = pipeline.analyze(Document(text=text, published="2021-05-12"))
    event = _only(report.events, "MOBILIZE")
    names = {e.name for e in report.entities if e.id in event.actors}
    assert {"Italy", "France", "Spain"} <= names


def test_will_makes_an_event_planned(pipeline: Pipeline) -> None:
    text = "Warplanes will launch attacks on the depots once the plan is approved."
    event = _only(_events(pipeline, text), "ASSAULT")
    assert (event.status, event.cameo) == ("planned", INTENT_CAMEO["ASSAULT"])


def test_possible_invasion_is_planned(pipeline: Pipeline) -> None:
    text = "Officials discussed a possible ground invasion of the island."
    assert _only(_events(pipeline, text), "ASSAULT").status == "planned"


def test_preparing_to_deploy_is_planned(pipeline: Pipeline) -> None:
    text = "The government is preparing to deploy 3,000 troops to the north."
    event = _only(_events(pipeline, text), "MOBILIZE")
    assert event.status == "planned"
    assert [(q.kind, q.min, q.max) for q in event.quantities] == [("troops", 3000, 3000)]


def test_denying_an_invasion_makes_it_denied(pipeline: Pipeline) -> None:
    text = "The prime minister denied that his country was preparing an invasion."
    assert _only(_events(pipeline, text), "ASSAULT").status == "denied"


def test_if_clause_makes_an_event_hypothetical(pipeline: Pipeline) -> None:
    text = "If there is a need to intervene, the army is ready."
    assert _only(_events(pipeline, text), "ASSAULT").status == "hypothetical"


def test_not_on_the_table_makes_an_event_negated(pipeline: Pipeline) -> None:
    text = "The idea of sending 2,000 soldiers is not on the table."
    assert _only(_events(pipeline, text), "MOBILIZE").status == "negated"


def test_reportedly_marks_an_event_hedged(pipeline: Pipeline) -> None:
    text = "Rebel fighters reportedly attacked a police station in Dorva."
    assert _only(_events(pipeline, text), "ASSAULT").hedged is True


def test_a_plain_event_is_not_hedged(pipeline: Pipeline) -> None:
    text = "Rebel fighters attacked a police station in Dorva."
    assert _only(_events(pipeline, text), "ASSAULT").hedged is False


def test_event_inside_an_attribution_is_claimed_with_its_id(pipeline: Pipeline) -> None:
    text = "Officials said that rebels attacked a convoy near Dorva."
    doc = pipeline.nlp(text)
    start = text.index("rebels")
    content = Span(start, len(text) - 1, text[start:-1])
    said = Span(10, 14, "said")
    attribution = Attribution("a1", Source(text="Officials"), said, content)
    analysis = Analysis(document=Document(text=text), doc=doc, attributions=[attribution])
    event = _only(extract_events(analysis), "ASSAULT")
    assert (event.status, event.attribution) == ("claimed", "a1")


def test_weapons_seized_are_not_an_attack(pipeline: Pipeline) -> None:
    text = "Police seized grenades and rifles during a search of the warehouse."
    events = _events(pipeline, text)
    assert [e.type for e in events] == ["COERCE"]
    assert events[0].mode == "confiscate"


def test_evidence_is_the_sentence_and_trigger_indexes_the_text(pipeline: Pipeline) -> None:
    text = "Crowds gathered early. Protesters marched to parliament on Friday."
    report = pipeline.analyze(Document(text=text))
    event = _only(report.events, "PROTEST")
    assert event.evidence.text == "Protesters marched to parliament on Friday."
    assert event.trigger is not None and text[event.trigger.start : event.trigger.end] == "marched"


def test_reported_must_is_a_demand_on_the_clause_subject(pipeline: Pipeline) -> None:
    text = "The foreign minister of Italy said on Monday that France must close its border camps."
    event = _only(_events(pipeline, text), "REQUEST")
    assert (event.trigger.text, event.cameo) == ("must", "100")  # type: ignore[union-attr]


def test_every_cameo_code_agrees_with_the_mapping_table() -> None:
    table = {code: kind for code, kind, _ in read_table("cameo_plover.tsv")}
    for _, _, kind, _, cameo, _ in read_table("plover_triggers.tsv"):
        assert cameo == "-" or table[cameo] == kind, (cameo, kind)
    assert all(table[code] in ("AGREE", "THREATEN") for code in INTENT_CAMEO.values())


SHARED_EXAMPLE = REPO.parent / "shared" / "examples" / "western-powers-libya-2016-03-09.txt"


def test_shared_example_codes_the_airstrike_of_last_month(pipeline: Pipeline) -> None:
    if not SHARED_EXAMPLE.is_file():
        pytest.skip(f"shared example not found at {SHARED_EXAMPLE}: test skipped")
    text = SHARED_EXAMPLE.read_text(encoding="utf-8")
    report = pipeline.analyze(Document(text=text, published="2016-03-09"))
    strike = next(e for e in report.events if e.trigger and e.trigger.text == "airstrike")
    assert (strike.type, strike.mode, strike.status) == ("ASSAULT", "aerial", "occurred")
    assert [(q.kind, q.min, q.max) for q in strike.quantities] == [("killed", None, 50)]
    statuses = {e.trigger.text: e.status for e in report.events if e.trigger}
    assert statuses["invasion"] == "denied"
    assert statuses["sending"] == "negated"
    assert statuses["intervene"] == "hypothetical"


def _countries(pipeline: Pipeline, text: str, kind: str, side: str) -> set[str | None]:
    report = pipeline.analyze(Document(text=text, published="2021-05-12"))
    event = _only(report.events, kind)
    ids = event.actors if side == "actors" else event.recipients
    return {e.country for e in report.entities if e.id in ids}


def test_possessive_country_passes_to_an_organisation(pipeline: Pipeline) -> None:
    text = "Kenya's Supreme Court rejected the appeal of the opposition."
    assert _countries(pipeline, text, "REJECT", "actors") == {"KEN"}


def test_capital_as_subject_stands_for_its_country(pipeline: Pipeline) -> None:
    text = "Moscow rejected the proposal on Tuesday."
    assert _countries(pipeline, text, "REJECT", "actors") == {"RUS"}


def test_titled_official_takes_the_country_of_the_document(pipeline: Pipeline) -> None:
    text = "President Daniel Moi banned the rally in Nairobi. Police in Kenya closed the roads."
    assert _countries(pipeline, text, "COERCE", "actors") == {"KEN"}


def test_recipient_is_found_inside_the_predicate(pipeline: Pipeline) -> None:
    text = "Norway is supplying tents and blankets for refugees in Chad."
    assert _countries(pipeline, text, "AID", "recipients") == {"TCD"}



def test_abbreviation_with_final_period_is_a_country(pipeline: Pipeline) -> None:
    text = "Norway shared intelligence with the U.S. on Friday."
    assert _countries(pipeline, text, "COOPERATE", "recipients") == {"USA"}


def test_demonym_on_a_thing_names_the_country_as_recipient(pipeline: Pipeline) -> None:
    text = "Serbia rejected an Australian ultimatum on Thursday."
    assert _countries(pipeline, text, "REJECT", "recipients") == {"AUS"}


def _names(pipeline: Pipeline, text: str, ids: list[str]) -> list[str]:
    report = pipeline.analyze(Document(text=text, published="2021-05-12"))
    by_id = {e.id: e.name for e in report.entities}
    return [by_id[i] for i in ids]


def test_assault_by_warplanes_is_an_air_strike(pipeline: Pipeline) -> None:
    text = "Russian warplanes fired missiles at a rebel base near Idlib."
    event = _only(_events(pipeline, text), "ASSAULT")
    assert event.mode == "aerial"


def test_threat_is_aimed_at_the_subject_of_its_condition(pipeline: Pipeline) -> None:
    text = "Russia threatened to cut off gas supplies unless Ukraine paid its debts."
    event = _events(pipeline, text)[0]
    assert _names(pipeline, text, event.recipients) == ["Ukraine"]


def test_purpose_clause_names_whom_a_protest_targets(pipeline: Pipeline) -> None:
    text = "Islamic fundamentalists continued their hunger strike to demand the resignation of President Putin."
    event = _events(pipeline, text)[0]
    assert event.trigger is not None and event.trigger.text == "hunger strike"
    assert _names(pipeline, text, event.recipients) == ["Putin"]


def test_event_noun_after_for_takes_the_subject_of_its_verb(pipeline: Pipeline) -> None:
    text = "French and German negotiators returned to Geneva for talks on Monday."
    event = _only(_events(pipeline, text), "CONSULT")
    assert event.actors


def test_offered_concession_is_an_intention(pipeline: Pipeline) -> None:
    event = _events(pipeline, "A Russian official offered concessions to the negotiators.")[0]
    assert (event.type, event.status) == ("CONCEDE", "planned")


def test_decision_is_the_act_not_a_plan(pipeline: Pipeline) -> None:
    event = _events(pipeline, "The court decided to allow the candidate to run.")[0]
    assert event.type == "CONCEDE"
    assert event.status != "planned"


def test_event_noun_on_a_carrier_takes_the_carrier_roles(pipeline: Pipeline) -> None:
    text = "The envoy undertook a mediation mission between Syria and Jordan."
    event = _only(_events(pipeline, text), "CONSULT")
    assert _names(pipeline, text, event.recipients) == ["Syria", "Jordan"]


def test_recipients_coordinated_with_the_nearest_are_all_kept(pipeline: Pipeline) -> None:
    text = "Pakistan today threatened to break off diplomatic relations with Congo and Costa Rica."
    event = _events(pipeline, text)[0]
    assert "Costa Rica" in _names(pipeline, text, event.recipients)
    assert len(event.recipients) == 2


def test_who_condemns_an_attack_did_not_carry_it_out(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Turkey's president condemned the bombing of the market. "
                               "The government approved airstrikes on rebel bases.")
    bombing = next(e for e in events if e.trigger and e.trigger.text == "bombing")
    strikes = next(e for e in events if e.trigger and e.trigger.text == "airstrikes")
    assert bombing.actors == [] and strikes.actors != []


def test_the_means_of_an_attack_is_not_its_target(pipeline: Pipeline) -> None:
    text = "Freedonia carried out airstrikes on Monday, using Reaper drones stationed in Karsk."
    event = _only(_events(pipeline, text), "ASSAULT")
    assert "Reaper" not in " ".join(_names(pipeline, text, event.recipients))


def test_noun_before_a_reduced_passive_is_what_was_done_to(pipeline: Pipeline) -> None:
    text = "We send condolences to the families of the six U.S. service members killed and to those injured."
    event = next(e for e in _events(pipeline, text) if e.trigger and e.trigger.text == "killed")
    assert event.actors == []
    assert _names(pipeline, text, event.recipients) == ["U.S. service members"]


def test_a_noun_that_names_the_attacker_gives_the_actor(pipeline: Pipeline) -> None:
    text = "A suicide bomber crashed into a Freedonian army patrol near Karsk."
    event = _only(_events(pipeline, text), "ASSAULT")
    assert _names(pipeline, text, event.actors) == ["suicide bomber"]


def test_a_noun_that_names_who_acts_is_never_its_own_recipient(pipeline: Pipeline) -> None:
    text = "Police said they had shot two protesters."
    protest = _only(_events(pipeline, text), "PROTEST")
    assert _names(pipeline, text, protest.actors) == ["protesters"] and protest.recipients == []


def test_who_is_released_is_not_who_released_him(pipeline: Pipeline) -> None:
    text = "Security forces detained Ahmed Saleh. He was later released."
    release = _only(_events(pipeline, text), "RETREAT")
    assert release.actors == [] and _names(pipeline, text, release.recipients) == ["Ahmed Saleh"]


def test_pronouns_prefer_the_subject_of_an_action_to_a_speaker_or_an_object(pipeline: Pipeline) -> None:
    for text, killer in (("Rebels attacked an army base, the ministry said. They killed 5 soldiers.", "Rebels"),
                         ("Militants ambushed a convoy of Malian soldiers. They killed 12 of them.", "Militants")):
        event = next(e for e in _events(pipeline, text) if e.trigger and e.trigger.text == "killed")
        assert _names(pipeline, text, event.actors) == [killer]


def test_a_pronoun_subject_stands_for_the_group_named_before(pipeline: Pipeline) -> None:
    text = "Gunmen from the Freedonian Liberation Front stormed a base near Karsk. They killed 23 soldiers."
    event = next(e for e in _events(pipeline, text) if e.trigger and e.trigger.text == "killed")
    assert _names(pipeline, text, event.actors) in (["Gunmen"], ["Freedonian Liberation Front"])


def test_them_and_it_are_left_alone(pipeline: Pipeline) -> None:
    text = "Two brothers carried the bombs to the street before detonating them."
    event = next(e for e in _events(pipeline, text) if e.trigger and e.trigger.text == "detonating")
    assert event.recipients == []


def test_threat_to_attack_is_a_threat_of_force(pipeline: Pipeline) -> None:
    force = _only(_events(pipeline, "Freedonia threatened to shell border towns in Karsk."), "THREATEN")
    assert (force.mode, force.cameo) == ("violence", "138")
    other = _only(_events(pipeline, "Freedonia threatened to leave the talks."), "THREATEN")
    assert other.mode is None
    for text in ("Dock workers threatened to launch a general strike.", "The coach threatened to fire the players."):
        assert _only(_events(pipeline, text), "THREATEN").mode is None  # a walkout; a dismissal
