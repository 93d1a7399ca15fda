"""Who did it and to whom: the actor and recipient entities of an event trigger.

For a verb trigger the actor is its subject (or the agent of a passive, or the subject of the
verb it depends on: "Italy was preparing to deploy"); the recipient is its object or the object
of "against", "on", "at". For a noun trigger the actor is its possessor or modifier ("US
airstrikes", "Israel's raid"), an agent "by", or the subject of the verb that governs it ("the
US launched an airstrike"). A generic noun such as "Aircraft from the US, France and Great
Britain" stands for the named entities it is qualified by; coordinated actors are all kept.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from polybius.extract.event_triggers import is_light_verb
from polybius.model import Entity

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
QUALIFIER_PREPS = frozenset({"from", "of"})
TARGET_PREPS = frozenset(
    {"against", "on", "at", "upon", "targeting", "into", "to", "with", "for", "between", "from", "toward", "towards"}
)
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "ccomp", "pcomp", "acomp"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her"})
# For these types the thing moved, given or held is the actor's own ("the deployment of US
# Special Forces"), so "of" and a passive subject name the actor.
OWN_OBJECT_TYPES = frozenset({"MOBILIZE", "RETREAT"})


class EntityIndex:
    """Token index -> entity, built once per document from the entities' mentions."""

    def __init__(self, doc: Doc, entities: list[Entity]) -> None:
        self.by_token: dict[int, Entity] = {}
        for entity in entities:
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    self.by_token.setdefault(token.i, entity)

    def at(self, token: Token) -> Entity | None:
        """The entity one of whose mentions covers ``token``."""
        return self.by_token.get(token.i)

    def phrase(self, head: Token, depth: int = 0) -> list[str]:
        """Entity ids a noun phrase stands for, its coordinated phrases included."""
        ids = self._single(head, depth)
        for conj in head.conjuncts:
            if conj.i > head.i:
                ids += [i for i in self._single(conj, depth) if i not in ids]
        return ids

    def _single(self, head: Token, depth: int) -> list[str]:
        entity = self.at(head)
        if entity is not None and not entity.nominal:
            return [entity.id]
        qualifiers = self._qualifiers(head, depth)
        if entity is not None and entity.id in qualifiers:
            return [entity.id]
        if qualifiers:
            return qualifiers
        return [entity.id] if entity is not None else []

    def _qualifiers(self, head: Token, depth: int) -> list[str]:
        ids: list[str] = []
        for child in head.children:
            found: list[str] = []
            if child.dep_ in MODIFIER_DEPS:
                entity = self.at(child)
                found = [entity.id] if entity is not None else []
            elif child.dep_ == "prep" and child.lower_ in QUALIFIER_PREPS and depth < 2:
                found = [i for p in _pobjs(child) for i in self.phrase(p, depth + 1)]
            ids += [i for i in found if i not in ids]
        return ids


def _pobjs(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def _subject(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it depends on (up to three steps)."""
    current = verb
    for _ in range(4):
        subject = next((c for c in current.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None and subject.lower_ in PRONOUNS and current.dep_ == "ccomp":
            subject = _subject(current.head) or subject  # "Syria says it will withdraw"
        if subject is not None:
            return subject
        if current.dep_ not in INHERIT_DEPS or current.head is current:
            return None
        current = current.head
    return None


def _agent(verb: Token) -> list[Token]:
    return [p for c in verb.children if c.dep_ == "agent" for p in _pobjs(c)]


def _targets(token: Token) -> list[Token]:
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS for p in _pobjs(c)]


def verb_roles(index: EntityIndex, verb: Token, kind: str, trigger: Token) -> tuple[list[str], list[str]]:
    """Actor and recipient entity ids around the verb that carries an event.

    When the verb only carries a noun trigger ("forces were engaged in ethnic cleansing"), its
    passive subject is the actor, as it is for a movement of one's own forces ("troops were
    deployed").
    """
    actors: list[str] = []
    recipients: list[str] = []
    own = kind in OWN_OBJECT_TYPES
    carrier = trigger.i != verb.i and is_light_verb(verb)
    for agent in _agent(verb):
        actors += index.phrase(agent)
    subject = _subject(verb)
    if subject is not None and subject.dep_ != "nsubjpass" and not actors:
        actors += index.phrase(subject)
    for child in verb.children:
        if child.i == trigger.i:
            continue
        if child.dep_ == "nsubjpass":
            (actors if (own or carrier) and not actors else recipients).extend(index.phrase(child))
        elif child.dep_ in ("dobj", "dative") and not own:
            recipients += index.phrase(child)
    for target in _targets(verb):
        recipients += index.phrase(target)
    if not recipients:
        recipients = [i for s in _clause_subjects(verb) for i in index.phrase(s)]
    if not recipients:
        recipients = _complement_recipients(index, verb, trigger)
    if not recipients:
        recipients = _predicate_recipients(index, verb, set(actors))
    return _unique(actors), [r for r in _unique(recipients) if r not in actors]


# Branches of a predicate that name neither whom it is done to nor with what.
NON_RECIPIENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "csubj", "agent", "punct", "advcl", "relcl", "parataxis", "npadvmod"}
)


def _predicate_recipients(index: EntityIndex, verb: Token, actors: set[str]) -> list[str]:
    """The entity nearest the verb inside its predicate ("threatened to break relations with
    Russia", "denounced Serbia's suppression"): the last resort for a recipient."""
    frontier = _branches(verb)
    while frontier:
        found = [i for t in frontier for i in _entity_ids(index, t) if i not in actors]
        if found:
            return found[:1]
        frontier = [c for t in frontier for c in _branches(t)]
    return []


def _branches(token: Token) -> list[Token]:
    """Dependents that may name a recipient: not subjects, other clauses, or a source
    ("according to officials")."""
    return [c for c in token.children if c.dep_ not in NON_RECIPIENT_DEPS and c.lower_ != "according"]


def _entity_ids(index: EntityIndex, token: Token) -> list[str]:
    entity = index.at(token)
    return [entity.id] if entity is not None else []


def _complement_recipients(index: EntityIndex, verb: Token, trigger: Token) -> list[str]:
    """"threatened to break relations with Russia": whom the verb's complement acts on."""
    found: list[str] = []
    for comp in (c for c in verb.children if c.dep_ == "xcomp" and c.i != trigger.i):
        objects = [c for c in comp.children if c.dep_ in ("dobj", "dative")] + _targets(comp)
        found += [i for o in objects for i in index.phrase(o)]
    return found


def _clause_subjects(verb: Token) -> list[Token]:
    """Subjects of the clause a verb governs: "demanded that the US cancel" -> the US."""
    return [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in SUBJECT_DEPS]


def noun_roles(index: EntityIndex, noun: Token, kind: str, skip: set[int]) -> tuple[list[str], list[str]]:
    """Actor and recipient entity ids inside a noun trigger's own phrase."""
    actors: list[str] = []
    recipients: list[str] = []
    for child in noun.children:
        if child.i in skip:
            continue
        if child.dep_ in MODIFIER_DEPS:
            actors += _modifier_entities(index, child)
        elif child.dep_ in ("prep", "agent") and child.lower_ == "by":
            actors += [i for p in _pobjs(child) for i in index.phrase(p)]
        elif child.dep_ == "prep" and child.lower_ == "of":
            side = actors if kind in OWN_OBJECT_TYPES else recipients
            side += [i for p in _pobjs(child) for i in index.phrase(p)]
    for aimed in _targets(noun):
        recipients += index.phrase(aimed)
    return _unique(actors), [r for r in _unique(recipients) if r not in actors]


def _modifier_entities(index: EntityIndex, modifier: Token) -> list[str]:
    """The entity a modifier names, or one its own modifiers name ("US Predator attacks")."""
    entity = index.at(modifier)
    if entity is not None:
        return [entity.id]
    inner = (index.at(c) for c in modifier.children if c.dep_ in MODIFIER_DEPS)
    return [e.id for e in inner if e is not None]


def _unique(ids: list[str]) -> list[str]:
    seen: list[str] = []
    for item in ids:
        if item not in seen:
            seen.append(item)
    return seen
