"""Later references to an event already reported in the document ("the attack") fold into it.

A news story names its incident once with its participants ("gunmen attacked an army post,
killing 14 soldiers") and then refers back to it: "the attack", "Tuesday's raid", "claimed
responsibility for the assault". Counted as events of their own, such references would count
one incident several times, with no participants, the error GDELT is known for. A reference
is a noun trigger with a definite determiner (or a day's possessive), or a participle naming
the casualties ("the wounded"), with no participants or counts of its own, neither denied nor
hypothetical. It folds into the nearest earlier event of the same type and a compatible mode
(one with participants or counts first), whose ``mentions`` keep its span; a mode the
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


# Where a participle after "the" stands for the people an event left ("the wounded were taken
# to hospital"): a reference to that event, not one of its own.
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"})
VERBAL_CHILDREN = frozenset({"aux", "auxpass", "agent", "dobj", "prep", "advmod"})


def is_reference(trigger: Trigger) -> bool:
    """A definite noun naming an event ("the attack", "Tuesday's raid"), or its casualties
    named by a participle ("the wounded")."""
    token = trigger.token
    if token.pos_ == "NOUN":
        return any(_definite(child) for child in token.lefts)
    return (token.tag_ in ("VBN", "JJ") and token.dep_ in NOMINAL_DEPS
            and any(c.dep_ == "det" and c.lower_ == "the" for c in token.lefts)
            and not any(c.dep_ in VERBAL_CHILDREN for c in token.children))


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
    """The nearest earlier event of the same type and a compatible mode, one that names its
    participants or counts first (the story's incident rather than another bare mention)."""
    same = [c for c in reversed(earlier)
            if c.type == event.type and (event.mode is None or c.mode in (None, event.mode))]
    return next((c for c in same if not _bare(c)), same[0] if same else None)
