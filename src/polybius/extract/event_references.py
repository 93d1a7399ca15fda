"""Later references to an event already reported in the document ("the attack") fold into it.

A news story names its incident once with its participants ("gunmen attacked an army post,
killing 14 soldiers") and then refers back to it: "the attack", "Tuesday's raid", "claimed
responsibility for the assault". Counted as events of their own, such references would count
one incident several times, with no participants, the error GDELT is known for. A reference is
a noun trigger with a definite determiner (or a day's possessive), with no participants or
counts of its own, that is neither denied nor hypothetical; it folds into the nearest earlier
event of the same type (and compatible mode), whose ``mentions`` keep its span; a mode the
reference names ("the bombing") becomes the event's where it had none.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from polybius.extract.event_triggers import Trigger
from polybius.model import Event

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Statuses of a reference that say something about the incident itself: kept as events.
OWN_STATUSES = frozenset({"denied", "negated", "hypothetical", "planned"})


def is_reference(trigger: Trigger) -> bool:
    """A definite noun naming an event ("the attack", "Tuesday's raid")."""
    token = trigger.token
    if token.pos_ != "NOUN":
        return False
    return any(_definite(child) for child in token.lefts)


def _definite(child: Token) -> bool:
    if child.dep_ == "det" and child.lower_ in DEFINITE:
        return True
    return child.dep_ == "poss" and child.ent_type_ in ("DATE", "TIME")


def fold_references(events: list[Event], triggers: list[Trigger]) -> list[Event]:
    """The events with references folded into the events they refer back to, renumbered."""
    kept: list[Event] = []
    for event, trigger in zip(events, triggers, strict=True):
        antecedent = _antecedent(event, kept) if is_reference(trigger) and _bare(event) else None
        if antecedent is not None and event.trigger is not None:
            antecedent.mentions.append(event.trigger)
            if antecedent.mode is None and event.mode is not None:
                # "gunmen attacked the post ... the bombing": the reference tells how
                antecedent.mode, antecedent.cameo = event.mode, event.cameo
        else:
            kept.append(event)
    return [replace(event, id=f"ev{n}") for n, event in enumerate(kept, 1)]


def _bare(event: Event) -> bool:
    """No participants, counts or status of its own: nothing a separate event would add."""
    return not (event.actors or event.recipients or event.quantities) and event.status not in OWN_STATUSES


def _antecedent(event: Event, earlier: list[Event]) -> Event | None:
    for candidate in reversed(earlier):
        if candidate.type == event.type and (event.mode is None or candidate.mode in (None, event.mode)):
            return candidate
    return None
