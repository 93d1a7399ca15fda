"""Events: who did what to whom, coded in PLOVER, with status, quantities, place and date.

1. Triggers (``event_triggers``): verb and noun triggers from the lexicon, one per event;
   light verbs ("launched an airstrike") and casualty verbs ("killing 50") fold into them.
2. Roles (``event_roles``): actor and recipient entity ids from the parse and the entities
   the actors stage found.
3. Status (``event_status``): planned, hypothetical, denied, negated, claimed or occurred, and
   whether a hedge ("reportedly") qualifies it.
4. Quantities (``quantities``): each typed count of a sentence goes to the nearest event.
5. Place and date: the places and times stages' ``locate_event`` and ``date_event``, which look
   in the clause, then the sentence, then the paragraph.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from typing import Any

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from polybius.analysis import Analysis
from polybius.extract.event_references import fold_references
from polybius.extract.event_roles import EntityIndex, noun_roles, verb_roles
from polybius.extract.event_status import (
    attribution_for,
    decide_status,
    is_hedged,
    status_cues,
)
from polybius.extract.event_trigger_lexicon import TriggerEntry, lexicon
from polybius.extract.event_triggers import VERB_POS, Trigger, find_triggers, is_carrier
from polybius.extract.quantities import find_quantities
from polybius.lexicons import read_table, read_words
from polybius.model import Event, EventDate, Quantity, Span

log = logging.getLogger(__name__)

# CAMEO codes for a stated intention (PLOVER codes intent to cooperate as AGREE and intent to
# use force or pressure as THREATEN); used when an event is planned.
INTENT_CAMEO = {
    "AID": "033",
    "COOPERATE": "031",
    "CONSULT": "036",
    "RETREAT": "035",
    "CONCEDE": "035",
    "SUPPORT": "032",
    "ASSAULT": "138",
    "MOBILIZE": "138",
    "COERCE": "137",
    "SANCTION": "131",
}


def extract_events(analysis: Analysis) -> list[Event]:
    """Every event in the document, in text order, with its evidence."""
    doc = analysis.doc
    index = EntityIndex(doc, analysis.entities)
    triggers = find_triggers(doc)
    forceful = _forceful_tokens(triggers)
    events = [_event(analysis, index, trigger, n, forceful) for n, trigger in enumerate(triggers, 1)]
    _assign_quantities(triggers, events)
    _air_strikes(analysis, events)
    return fold_references(events, triggers)


# Modes an aircraft actor overrides: a missile or gunfire from a warplane is an air strike.
OPEN_MODES = frozenset({None, "heavy-weapons", "firearms"})


@lru_cache(maxsize=1)
def _aircraft() -> dict[str, str]:
    return dict(read_table("aircraft_nouns.tsv"))  # type: ignore[arg-type]


def aircraft_mode(name: str) -> str | None:
    """The mode of an assault by the actor ``name`` when it is an aircraft ("Israeli warplanes")."""
    words = name.lower().split()
    table = _aircraft()
    for size in (2, 1):
        phrase = " ".join(words[-size:])
        mode = table.get(phrase) or (table.get(phrase[:-1]) if phrase.endswith("s") else None)
        if mode:
            return mode
    return None


def _air_strikes(analysis: Analysis, events: list[Event]) -> None:
    """An assault carried out by aircraft takes the air-strike mode."""
    by_id = {e.id: e for e in analysis.entities}
    for event in events:
        if event.type != "ASSAULT" or event.mode not in OPEN_MODES:
            continue
        modes = [aircraft_mode(by_id[i].name) for i in event.actors if i in by_id]
        mode = next((m for m in modes if m), None)
        if mode:
            event.mode = mode


def _event(analysis: Analysis, index: EntityIndex, trigger: Trigger, number: int, forceful: set[int]) -> Event:
    doc, text = analysis.doc, analysis.text
    first, last = (doc[i] for i in trigger.bounds())
    span = Span(first.idx, last.idx + len(last.text), text[first.idx : last.idx + len(last.text)])
    actors, recipients = _roles(index, trigger)
    attribution = attribution_for(analysis.attributions, span.start, span.end)
    status = decide_status(status_cues(trigger.token, trigger.governor), attribution)
    entry = _threat_of_force(trigger, forceful) or trigger.entry
    return Event(
        id=f"ev{number}",
        type=entry.type,
        evidence=_sentence_span(trigger.token.sent),
        mode=entry.mode,
        cameo=INTENT_CAMEO.get(entry.type, entry.cameo) if status == "planned" else entry.cameo,
        actors=actors,
        recipients=recipients,
        place=_place(analysis, span),
        date=_date(analysis, span),
        status=status,
        hedged=is_hedged(trigger.token, trigger.governor),
        attribution=attribution.id if attribution is not None else None,
        trigger=span,
    )


# Event types whose threat is a threat of force (PLOVER THREATEN, mode violence; CAMEO 138).
FORCE_TYPES = frozenset({"ASSAULT"})


def _forceful_tokens(triggers: list[Trigger]) -> set[int]:
    """Tokens of the assault triggers (and their light verbs) whose words name nothing but
    force: "shell", "launch an offensive"; not "strike", which is also a walkout."""
    table = lexicon()
    found: set[int] = set()
    for trigger in triggers:
        lemma = trigger.token.lemma_.lower()
        senses = (*table.verbs.get(lemma, ()), *table.nouns.get(lemma, ()))
        if trigger.entry.type in FORCE_TYPES and all(e.type in FORCE_TYPES for e in senses):
            found.add(trigger.token.i)
            if trigger.governor is not None:
                found.add(trigger.governor.i)
    return found


def _threat_of_force(trigger: Trigger, forceful: set[int]) -> TriggerEntry | None:
    """A threat whose complement is an assault ("threatened to shell Iraqi towns", "to launch a
    new offensive"): the threat of force, mode violence (``forceful`` from ``_forceful_tokens``)."""
    entry, verb = trigger.entry, trigger.token
    if entry.type != "THREATEN" or entry.mode is not None or verb.pos_ not in VERB_POS:
        return None
    for complement in (c for c in verb.children if c.dep_ == "xcomp"):
        objects = {o.i for o in complement.children if o.dep_ == "dobj"}
        if complement.i in forceful or objects & forceful:
            return replace(entry, mode="violence", cameo="138")
    return None


def _roles(index: EntityIndex, trigger: Trigger) -> tuple[list[str], list[str]]:
    kind, mode = trigger.entry.type, trigger.entry.mode
    token = trigger.token
    if token.pos_ in VERB_POS:
        actors, recipients = verb_roles(index, token, kind, token, mode)
        return actors, _with_victims(index, trigger, actors, recipients)
    skip = set(range(trigger.first, trigger.last + 1))
    actors, recipients = noun_roles(index, token, kind, skip, mode)
    if token.dep_ == "compound" and is_carrier(token.head):
        # "a mediation mission between Syria and the PLO": the carrier noun holds the roles
        more_actors, more_recipients = noun_roles(index, token.head, kind, skip | {token.head.i}, mode)
        actors = actors or more_actors
        recipients = recipients or [r for r in more_recipients if r not in actors]
        token = token.head
    verb = trigger.governor or _head_verb(token)
    doer = index.at(token)
    if not actors and doer is not None and doer.type == "PERSON":
        # a noun that names who acts ("a suicide bomber crashed into a patrol", "police shot two
        # protesters"): the people it names are the actor, never the recipient; a subject's
        # verb says what they aimed at
        actors = [doer.id]
        recipients = [r for r in recipients if r != doer.id]
        if verb is None and token.dep_ == "nsubj" and token.head.pos_ == "VERB":
            verb = token.head
    if verb is not None:
        more_actors, more_recipients = verb_roles(index, verb, kind, token, mode)
        actors = actors or more_actors
        recipients = recipients or [r for r in more_recipients if r not in actors]
    return actors, _with_victims(index, trigger, actors, recipients)


def _with_victims(index: EntityIndex, trigger: Trigger, actors: list[str], recipients: list[str]) -> list[str]:
    """Add those killed or wounded ("killing a general") to an assault's recipients."""
    for verb in trigger.absorbed:
        _, victims = verb_roles(index, verb, trigger.entry.type, trigger.token)
        recipients = recipients + [v for v in victims if v not in recipients and v not in actors]
    return recipients


@lru_cache(maxsize=1)
def _onlooker_verbs() -> frozenset[str]:
    return frozenset(read_words("onlooker_verbs.tsv"))


def _head_verb(noun: Token) -> Token | None:
    """For a noun trigger that is a verb's object ("approved airstrikes") or its role ("as"), that
    verb; not one whose subject only speaks of or witnesses it ("condemned the attack")."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
        return None if noun.head.lemma_.lower() in _onlooker_verbs() else noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.head.pos_ != "VERB":
        return None
    if prep.lower_ == "as":
        return prep.head  # "holding refugees as human shields"
    if prep.lower_ == "for" and _intransitive(prep.head):
        return prep.head  # "negotiators return to Geneva for talks"
    return None


def _intransitive(verb: Token) -> bool:
    """An active verb with a subject and no object: its subject does what it goes "for"."""
    deps = {c.dep_ for c in verb.children}
    return "nsubj" in deps and not deps & {"dobj", "nsubjpass", "auxpass"}


def _sentence_span(sent: TokenSpan) -> Span:
    text = sent.text.strip()
    start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
    return Span(start, start + len(text), text)


def _hook(module: str, name: str) -> Callable[..., Any] | None:
    """A function of another stage, or None while that stage does not provide it yet."""
    try:
        imported = __import__(f"polybius.extract.{module}", fromlist=[name])
    except ImportError:
        return None
    return getattr(imported, name, None)


def _place(analysis: Analysis, span: Span) -> str | None:
    locate = _hook("places", "locate_event")
    if locate is None:
        return None
    place, _scope = locate(analysis, span.start, span.end)
    return place


def _date(analysis: Analysis, span: Span) -> EventDate | None:
    date_event = _hook("times", "date_event")
    return date_event(analysis, span.start, span.end) if date_event is not None else None


def _assign_quantities(triggers: list[Trigger], events: list[Event]) -> None:
    """Give each typed count of a sentence to the event it is closest to."""
    by_sentence: dict[int, list[int]] = {}
    for n, trigger in enumerate(triggers):
        by_sentence.setdefault(trigger.token.sent.start, []).append(n)
    for members in by_sentence.values():
        sent = triggers[members[0]].token.sent
        for quantity in find_quantities(sent):
            owner = min(members, key=lambda n: _distance(triggers[n], quantity))
            events[owner].quantities.append(quantity)


def _distance(trigger: Trigger, quantity: Quantity) -> tuple[int, int]:
    """How far a quantity is from a trigger: tied verbs first, then characters."""
    tokens = [trigger.token, *trigger.absorbed]
    if trigger.governor is not None:
        tokens.append(trigger.governor)
    inside = any(quantity.start <= t.idx < quantity.end for t in tokens)
    gap = min(abs(t.idx - quantity.start) for t in tokens)
    return (0 if inside else 1, gap)
