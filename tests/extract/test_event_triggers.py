"""Event triggers: lexicon matching, light verbs, nested and absorbed triggers."""

from __future__ import annotations

from spacy.language import Language

from polybius.extract.event_triggers import find_triggers, is_light_verb, lexicon
from polybius.lexicons import read_table

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}


def _triggers(nlp: Language, text: str) -> list[tuple[str, str, str | None]]:
    return [(t.token.text, t.entry.type, t.entry.mode) for t in find_triggers(nlp(text))]


def test_light_verb_folds_into_its_noun(nlp: Language) -> None:
    found = find_triggers(nlp("The army carried out raids on three villages."))
    assert [(t.token.text, t.governor.text if t.governor else None) for t in found] == [("raids", "carried")]


def test_is_light_verb_needs_its_particle(nlp: Language) -> None:
    doc = nlp("They carried out strikes. They carried boxes.")
    assert is_light_verb(doc[1]) is True
    assert is_light_verb(doc[6]) is False


def test_nested_noun_triggers_keep_the_most_specific(nlp: Language) -> None:
    found = find_triggers(nlp("A car bomb explosion shook the market."))
    assert [(t.token.text, t.entry.words, t.entry.cameo) for t in found] == [("explosion", ("car", "bomb"), "1832")]


def test_weapon_subject_gives_its_mode_to_the_verb(nlp: Language) -> None:
    assert _triggers(nlp, "A grenade exploded near the gate.") == [("exploded", "ASSAULT", "grenade")]


def test_idle_weapon_noun_is_no_event(nlp: Language) -> None:
    assert _triggers(nlp, "The rockets were stored in a depot outside the town.") == []


def test_object_constraint_picks_the_sense(nlp: Language) -> None:
    assert _triggers(nlp, "The ministry expelled two diplomats.") == [("expelled", "SANCTION", "expel")]
    assert _triggers(nlp, "The ministry expelled two journalists.") == [("expelled", "COERCE", "deport")]


def test_strike_without_a_target_is_a_labour_strike(nlp: Language) -> None:
    assert _triggers(nlp, "Teachers called off their strike.")[-1][1:] == ("PROTEST", "boycott")


def test_trigger_lexicon_rows_name_plover_types() -> None:
    rows = read_table("plover_triggers.tsv")
    assert rows and all(len(r) == 6 and r[1] in ("VERB", "NOUN") for r in rows)
    assert {r[2] for r in rows} <= PLOVER_TYPES
    assert lexicon().verbs and lexicon().nouns


def test_participle_acts_on_the_noun_it_modifies(nlp: Language) -> None:
    doc = nlp("Soldiers stood beside a stash of rockets found near the road.")
    entries = [(t.token.text, t.entry.mode) for t in find_triggers(doc)]
    assert ("found", "confiscate") in entries


def test_weapon_of_an_attack_gives_it_its_mode(nlp: Language) -> None:
    found = _triggers(nlp, "Rebels carried out an attack with poison gas on the village.")
    assert [(kind, mode) for _, kind, mode in found] == [("ASSAULT", "cbrn")]


def test_inflected_form_stands_in_for_a_wrong_lemma(nlp: Language) -> None:
    found = _triggers(nlp, "Soldiers raped two women in the village.")
    assert ("raped", "ASSAULT", "sexual") in found


def test_press_release_is_no_release_of_prisoners(nlp: Language) -> None:
    assert _triggers(nlp, "The ministry published a press release on Monday.") == []


def test_opening_a_border_is_a_retreat(nlp: Language) -> None:
    assert ("opened", "RETREAT", "access") in _triggers(nlp, "Benin opened its borders to the refugees.")


def test_suppressing_a_protest_is_an_assault(nlp: Language) -> None:
    found = _triggers(nlp, "Police suppressed the protest outside the court.")
    assert ("suppressed", "ASSAULT", None) in found


def _kinds(nlp: Language, text: str) -> list[str]:
    return [t.entry.type for t in find_triggers(nlp(text))]


def test_weapon_used_by_a_verb_is_named_by_that_verb(nlp: Language) -> None:
    [trigger] = find_triggers(nlp("Insurgents detonated two bombs near the market."))
    doc = trigger.token.doc
    assert doc[trigger.bounds()[0]].text == "detonated"
    assert trigger.entry.type == "ASSAULT"


def test_naming_an_event_again_is_no_new_event(nlp: Language) -> None:
    found = find_triggers(nlp("The minister called the explosion an attack."))
    assert [t.token.text for t in found] == ["explosion"]


def test_figurative_attack_is_no_assault(nlp: Language) -> None:
    assert "ASSAULT" not in _kinds(nlp, "The new drugs attack the virus directly.")
    assert "ASSAULT" in _kinds(nlp, "The rebels attacked the village.")


def test_title_in_a_bulleted_list_is_no_event(nlp: Language) -> None:
    assert _kinds(nlp, "See also\n* 2009 Karsk market bombing\n") == []


def test_accidental_explosion_is_no_assault(nlp: Language) -> None:
    assert "ASSAULT" not in _kinds(nlp, "There was an accidental explosion at the factory.")


def test_bombs_made_are_not_bombs_used(nlp: Language) -> None:
    assert _kinds(nlp, "The cell taught recruits to make bombs.") == []


def test_accepting_demands_is_a_concession(nlp: Language) -> None:
    assert _kinds(nlp, "The government accepted the demands of the strikers.")[0] == "CONCEDE"


def test_hacking_is_coercion(nlp: Language) -> None:
    assert _kinds(nlp, "Hackers tried to hack into the ministry's computers.") == ["COERCE"]


def test_closing_a_border_is_a_sanction(nlp: Language) -> None:
    assert _kinds(nlp, "Russia closed its border with Georgia.") == ["SANCTION"]


def test_a_strike_on_a_weekday_is_a_labour_strike_not_an_attack(nlp: Language) -> None:
    found = _triggers(nlp, "The union called for a nationwide strike on Thursday over pay.")
    assert ("strike", "PROTEST", "boycott") in found
    assert not any(kind == "ASSAULT" for _, kind, _ in found)
    assert ("strike", "ASSAULT", None) in _triggers(nlp, "Israeli jets carried out a strike on Gaza on Thursday.")


def test_resignation_is_a_retreat(nlp: Language) -> None:
    assert _triggers(nlp, "The prime minister resigned on Sunday.") == [("resigned", "RETREAT", None)]


def test_blowing_up_a_structure_destroys_property(nlp: Language) -> None:
    assert _triggers(nlp, "Rebels blew up a bridge near the town.") == [("blew", "ASSAULT", "destroy")]
    assert _triggers(nlp, "Militants blew up a police car.") == [("blew", "ASSAULT", "explosives")]


def test_shutting_down_a_newspaper_is_censorship(nlp: Language) -> None:
    assert _triggers(nlp, "The authorities shut down two opposition newspapers.") == [("shut", "COERCE", "censor")]
    assert _triggers(nlp, "The company suspended production at the plant.") == []


def test_attack_noun_aimed_at_a_figurative_target_is_no_assault(nlp: Language) -> None:
    assert _triggers(nlp, "The attack on the proposal was fierce.") == []
    assert _triggers(nlp, "The attack on the village was fierce.") == [("attack", "ASSAULT", None)]


def test_workers_who_strike_walk_out(nlp: Language) -> None:
    assert ("strike", "PROTEST", "boycott") in _triggers(nlp, "The union threatened to strike over pay.")
    assert ("strike", "PROTEST", "boycott") in _triggers(nlp, "Nurses will strike on Monday.")


def test_gunmen_who_strike_attack(nlp: Language) -> None:
    assert ("struck", "ASSAULT", None) in _triggers(nlp, "Gunmen struck at dawn near the border.")
    assert ("struck", "ASSAULT", None) in _triggers(nlp, "Workers struck the guard with batons.")


def test_a_verb_phrase_trigger_takes_its_noun_in(nlp: Language) -> None:
    assert _triggers(nlp, "Teachers went on strike in the capital.") == [("went", "PROTEST", "boycott")]
