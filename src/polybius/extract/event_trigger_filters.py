"""How matched event triggers combine, so that one event is one trigger.

``event_triggers.find_triggers`` matches every trigger word, then applies these in turn: a
noun that only restates its verb ("the car bomb exploded"), a weapon used by an assault
("an attack with poison gas") or used by nobody, an event renamed ("called the explosion an
attack"), accidents, nouns that merely modify others ("training camps"), compounds ("car bomb
explosion"), objects seized ("seized grenades") and casualty verbs that report another
assault's toll ("..., killing 50").
"""

from __future__ import annotations

from spacy.tokens import Token

from polybius.extract.event_trigger_lexicon import (
    CASUALTY_LEMMAS,
    NOUN_POS,
    TARGET_WORDS,
    VERB_POS,
    Trigger,
    TriggerEntry,
    impact_verbs,
    is_carrier,
    lemma_of,
    weapon_nouns,
)

PRODUCTION_LEMMAS = frozenset(
    {"make", "manufacture", "build", "produce", "assemble", "develop", "buy", "sell", "smuggle"}
)


def idle_weapon(trigger: Trigger) -> bool:
    """A weapon noun that nothing uses, aims or kills with: no event of its own."""
    token = trigger.token
    if token.pos_ not in NOUN_POS or lemma_of(token) not in weapon_nouns():
        return False
    if trigger.governor is not None and lemma_of(trigger.governor) in PRODUCTION_LEMMAS:
        return True  # "to make roadside bombs": weapons made, not used
    if trigger.governor is not None or any(c.lower_ in TARGET_WORDS for c in token.children):
        return False
    if token.dep_ == "nsubj" and lemma_of(token.head) in impact_verbs():
        return False  # "rockets hit the town", "a bomb went off"
    if any(c.dep_ == "relcl" and lemma_of(c) in impact_verbs() for c in token.children):
        return False  # "an IED that killed five civilians"
    head = token.head.head if token.dep_ == "pobj" else token.head
    return not (token.dep_ == "pobj" and lemma_of(head) in CASUALTY_LEMMAS)


def subject_of_same(trigger: Trigger, triggers: list[Trigger]) -> bool:
    """"The car bomb exploded": the verb carries the event its subject names, as specific."""
    token = trigger.token
    if token.pos_ not in NOUN_POS or token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = next((t for t in triggers if t.token.i == token.head.i), None)
    if verb is None or lemma_of(verb.token) in CASUALTY_LEMMAS or verb.entry.type != trigger.entry.type:
        return False
    if _specificity(trigger.entry) >= _specificity(verb.entry):
        verb.entry = trigger.entry
    return True


# Verbs that name an event already told ("called the explosion an attack").
NAMING_LEMMAS = frozenset({"call", "describe", "label", "term", "brand", "dub", "deem", "consider", "characterize"})


ACCIDENT_WORDS = frozenset({"accidental", "inadvertent", "unintentional", "unintended"})


def accidental(trigger: Trigger) -> bool:
    """An explosion or shooting named as accidental ("two accidental explosions") is nobody's
    assault. (Someone who "accidentally blew himself up" still attacked.)"""
    if trigger.entry.type != "ASSAULT" or trigger.token.pos_ not in NOUN_POS:
        return False
    return any(c.lower_ in ACCIDENT_WORDS for c in trigger.token.children if c.dep_ == "amod")


def renames(trigger: Trigger) -> bool:
    """A noun that names what another phrase already reports: "called the explosion an attack",
    "described the blast as a terrorist attack"."""
    token = trigger.token
    if token.pos_ not in NOUN_POS:
        return False
    if token.dep_ == "oprd":
        return lemma_of(token.head) in NAMING_LEMMAS
    if token.dep_ == "pobj" and token.head.lower_ == "as":
        return lemma_of(token.head.head) in NAMING_LEMMAS
    return False


def defined_as_other(trigger: Trigger, triggers: list[Trigger]) -> bool:
    """"The Rolando bombing was an attack": one event, told by the predicate noun."""
    token = trigger.token
    if token.pos_ not in NOUN_POS or token.dep_ != "nsubj" or lemma_of(token.head) != "be":
        return False
    attrs = {c.i for c in token.head.children if c.dep_ == "attr"}
    return any(t.token.i in attrs and t.entry.type == trigger.entry.type for t in triggers)


INSTRUMENT_PREPS = frozenset({"with", "using"})


def instrument_of(trigger: Trigger, triggers: list[Trigger]) -> bool:
    """"an attack with poison gas": the weapon gives its mode to an assault that has none."""
    token = trigger.token
    if token.pos_ not in NOUN_POS or token.dep_ != "pobj" or token.head.lower_ not in INSTRUMENT_PREPS:
        return False
    # "an attack with poison gas"; "the attacks were carried out with grenades"
    user = token.head.head
    assault = next((t for t in triggers if user.i in (t.token.i, t.governor.i if t.governor else -1)), None)
    if assault is None or assault.entry.type != "ASSAULT" or trigger.entry.type != "ASSAULT":
        return False
    if assault.entry.mode is None:
        assault.entry = trigger.entry
    return True


def _rank(trigger: Trigger) -> tuple[int, bool, int]:
    """Which of two nested triggers names the event best: longer, then with a mode, then finer."""
    return (len(trigger.entry.words), *_specificity(trigger.entry))


def _specificity(entry: TriggerEntry) -> tuple[bool, int]:
    return entry.mode is not None, len(entry.cameo or "")


def _handled_object(verb: Token) -> list[Token]:
    """The tokens of what a verb acts on: its object, passive subject, or the noun it modifies."""
    if verb.dep_ == "acl":
        return [t for t in verb.head.subtree if t.i != verb.i]
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return [t for h in heads for t in h.subtree]


def absorb_handled_objects(triggers: list[Trigger]) -> list[Trigger]:
    """"police seized grenades": the grenades are what was seized, not a grenade attack."""
    absorbed: set[int] = set()
    for trigger in triggers:
        if trigger.entry.mode == "confiscate" and trigger.token.pos_ in VERB_POS:
            absorbed.update(t.i for t in _handled_object(trigger.token))
    return [t for t in triggers if t.token.i not in absorbed or t.entry.mode == "confiscate"]


def is_modifier(trigger: Trigger, triggers: list[Trigger]) -> bool:
    """A noun trigger used to describe another noun ("training camps", "protest leaders")."""
    token = trigger.token
    if token.pos_ not in NOUN_POS or token.dep_ not in ("compound", "nmod"):
        return False
    if is_carrier(token.head):
        return False
    return not any(t.token.i == token.head.i for t in triggers)


def merge_compounds(triggers: list[Trigger]) -> list[Trigger]:
    """"car bomb explosion": one event on the head noun, typed by the most specific trigger."""
    by_token = {t.token.i: t for t in triggers}
    dropped: set[int] = set()
    for trigger in triggers:
        head = by_token.get(trigger.token.head.i)
        if trigger.token.dep_ not in ("compound", "amod", "nmod") or head is None:
            continue
        if _rank(trigger) > _rank(head):
            head.entry = trigger.entry
        head.first, head.last = min(head.first, trigger.first), max(head.last, trigger.last)
        head.governor = head.governor or trigger.governor
        dropped.add(trigger.token.i)
    return [t for t in triggers if t.token.i not in dropped]


def absorb_casualties(triggers: list[Trigger]) -> list[Trigger]:
    """Drop "killing"/"wounded" when it reports the toll of another assault it is tied to."""
    anchors: dict[int, Trigger] = {}
    for trigger in triggers:
        if trigger.entry.type == "ASSAULT" and lemma_of(trigger.token) not in CASUALTY_LEMMAS:
            anchors[trigger.token.i] = trigger
            if trigger.governor is not None:
                anchors.setdefault(trigger.governor.i, trigger)
    kept = []
    for trigger in triggers:
        if lemma_of(trigger.token) in CASUALTY_LEMMAS and trigger.entry.type == "ASSAULT":
            owner = next((anchors[t.i] for t in _neighbours(trigger.token) if t.i in anchors), None)
            if owner is not None:
                owner.absorbed.append(trigger.token)
                continue
        kept.append(trigger)
    return kept


def _neighbours(token: Token) -> list[Token]:
    """Tokens one or two dependency steps away (through a preposition) in the same sentence."""
    near = [token.head, token.head.head, *token.children]
    near += [g for c in token.children if c.dep_ in ("prep", "agent") for g in c.children]
    return [t for t in near if t.i != token.i]
