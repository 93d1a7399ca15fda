"""Status and hedging of an event: occurred, planned, claimed, denied, hypothetical, negated.

The cues (``lexicons/event_status.tsv``) are read on the path from the trigger up the
dependency tree: auxiliaries ("will launch"), governing verbs and nouns ("preparing to deploy",
"the idea of sending", "denying that ... invasion"), subordinators ("If there is a need to
intervene", "once the plan is approved") and negations ("is not on the table"). The walk stops
at a relative or adverbial clause, whose tense is its own. An event inside an attribution's
content is *claimed* unless a stronger cue applies.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from polybius.lexicons import read_table, read_words
from polybius.model import Attribution

# Strongest first: a denial of a planned attack is a denial.
PRIORITY = ("denied", "negated", "hypothetical", "planned")
STOP_DEPS = frozenset({"relcl", "advcl", "parataxis", "csubj"})
NEGATION_SCOPE_DEPS = frozenset({"ccomp"})
MAX_STEPS = 12


@lru_cache(maxsize=1)
def _cues() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {"aux": {}, "governor": {}, "mark": {}, "neg": {}, "mod": {}}
    for cue, where, status in read_table("event_status.tsv"):
        table[where][cue] = status
    return table


@lru_cache(maxsize=1)
def _hedges() -> frozenset[str]:
    return frozenset(read_words("hedges.tsv"))


def _path(token: Token, governor: Token | None) -> list[Token]:
    """The trigger, its governing verb, and their heads up to a clause that stands alone."""
    path = [token]
    current = governor if governor is not None else token
    if current is not token:
        path.append(current)
    for _ in range(MAX_STEPS):
        if current.dep_ in STOP_DEPS or current.head.i == current.i:
            break
        current = current.head
        path.append(current)
    return path


def _object_cues(verb: Token) -> set[str]:
    """"an agreement was reached to allow ...": the governing noun is the head verb's object."""
    governors = _cues()["governor"]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"]
    return {governors[o.lemma_.lower()] for o in objects if o.lemma_.lower() in governors}


def _is_infinitive(node: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


def _local_cues(node: Token, own_clause: bool, modifiers: bool = True) -> set[str]:
    cues = _cues()
    found: set[str] = set()
    for child in node.children:
        lower = child.lower_
        if child.dep_ in ("aux", "auxpass") and lower in cues["aux"]:
            found.add(cues["aux"][lower])
        elif child.dep_ == "mark" and lower in cues["mark"]:
            found.add(cues["mark"][lower])
        elif own_clause and child.dep_ in ("neg", "det") and lower in cues["neg"]:
            found.add(cues["neg"][lower])
        elif modifiers and child.dep_ == "amod" and lower in cues["mod"]:
            found.add(cues["mod"][lower])
    return found


def status_cues(token: Token, governor: Token | None) -> set[str]:
    """Every status cue on the trigger's path (planned, hypothetical, denied, negated)."""
    cues = _cues()
    found: set[str] = set()
    own_clause = True
    for step, node in enumerate(_path(token, governor)):
        # "mounted its long-threatened invasion": the verb that carries the noun out decides
        found |= _local_cues(node, own_clause, modifiers=step > 0 or governor is None)
        if step and node.lemma_.lower() in cues["governor"]:
            found.add(cues["governor"][node.lemma_.lower()])
        if node.dep_ in NEGATION_SCOPE_DEPS:
            own_clause = False
        if node.dep_ in STOP_DEPS and node is not token:
            if node.dep_ == "advcl" and _is_infinitive(node):
                found |= _object_cues(node.head)
            break
    return found


def is_hedged(token: Token, governor: Token | None) -> bool:
    """True when a hedge ("reportedly", "alleged") modifies the trigger or a verb above it."""
    hedges = _hedges()
    for node in _path(token, governor)[:4]:
        for child in node.children:
            if child.dep_ in ("advmod", "amod", "aux") and child.lower_ in hedges:
                return True
    return False


def attribution_for(attributions: list[Attribution], start: int, end: int) -> Attribution | None:
    """The innermost attribution whose content contains the span ``start``-``end``."""
    inside = [a for a in attributions if a.content.start <= start and end <= a.content.end]
    return min(inside, key=lambda a: a.content.end - a.content.start, default=None)


def decide_status(cues: set[str], attribution: Attribution | None) -> str:
    """One status from the cues found; inside an attribution an occurred event is claimed."""
    for status in PRIORITY:
        if status in cues:
            return status
    cue = attribution.cue if attribution is not None else None
    if cue is not None and cue.text.lower().startswith("den"):
        return "denied"
    return "claimed" if attribution is not None else "occurred"
