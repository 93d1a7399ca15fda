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

from polybius.extract.actors import antecedent
from polybius.extract.event_triggers import is_light_verb
from polybius.model import Entity

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod"})
QUALIFIER_PREPS = frozenset({"from", "of"})
TARGET_PREPS = frozenset(
    {"against", "on", "at", "upon", "targeting", "into", "to", "with", "for", "between", "from", "toward", "towards"}
)
# Verb tags of an active clause: a noun such a clause modifies ("forces fighting", "groups donated") is its actor.
ACTIVE_TAGS = frozenset({"VBD", "VBG", "VBZ", "VBP"})
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "ccomp", "pcomp", "acomp"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her"})
# For these types the thing moved, given or held is the actor's own ("the deployment of US
# Special Forces"), so "of" and a passive subject name the actor.
OWN_OBJECT_TYPES = frozenset({"MOBILIZE", "RETREAT"})
# ... except what is released or returned: "the prisoner was released" is not the one who freed him.
HANDED_BACK_MODES = frozenset({"release", "return"})


def _own_object(kind: str, mode: str | None) -> bool:
    return kind in OWN_OBJECT_TYPES and mode not in HANDED_BACK_MODES


class EntityIndex:
    """Token index -> entity, built once per document from the entities' mentions."""

    def __init__(self, doc: Doc, entities: list[Entity]) -> None:
        self.by_token: dict[int, Entity] = {}
        self.by_id: dict[str, Entity] = {e.id: e for e in entities}
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
        if entity is None and head.tag_ == "PRP":
            entity = antecedent(list(self.by_id.values()), head)  # "They killed 23 soldiers"
        if entity is not None and not entity.nominal:
            return [entity.id]
        qualifiers = self._qualifiers(head, depth)
        if entity is not None and entity.id in qualifiers:
            return [entity.id]
        if entity is not None and entity.country and not any(self.by_id[q].country for q in qualifiers):
            return [entity.id]  # "Radical French farmers": the group knows its country, its modifier not
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
        if _main_verb_as_modifier(current):
            return current.head  # "forces fighting in X"; "doctors from aid groups donated" (misparsed)
        if current.dep_ == "ccomp" and any(c.dep_ == "nsubjpass" for c in current.children):
            return None  # "guerrillas have been demobilized, commanders said": a clause of its own
        if current.dep_ not in INHERIT_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None


def _main_verb_as_modifier(verb: Token) -> bool:
    """A verb modifying a noun whose clause it acts in: active ("forces fighting"), or parsed as a
    reduced relative in a sentence whose root is that noun phrase, for want of a main verb."""
    if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN") or _agent(verb):
        return False
    if _reduced_passive(verb):
        return False
    return verb.tag_ in ACTIVE_TAGS or verb.sent.root.pos_ in ("NOUN", "PROPN")


def _reduced_passive(verb: Token) -> bool:
    """A past form right after its noun with no object, in a sentence with a main verb of its
    own ("we mourn the six service members killed"): the model may tag it VBD, but the noun is
    what was done to, not who did it. Without a main verb it is the sentence's verb."""
    objects = any(c.dep_ in ("dobj", "dative") for c in verb.children)
    has_main_verb = verb.sent.root.pos_ in ("VERB", "AUX")
    return has_main_verb and verb.tag_ in ("VBD", "VBN") and verb.i == verb.head.i + 1 and not objects


def _agent(verb: Token) -> list[Token]:
    return [p for c in verb.children if c.dep_ == "agent" for p in _pobjs(c)]


def _targets(token: Token) -> list[Token]:
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS for p in _pobjs(c)]


def verb_roles(
    index: EntityIndex, verb: Token, kind: str, trigger: Token, mode: str | None = None
) -> tuple[list[str], list[str]]:
    """Actor and recipient entity ids around the verb that carries an event.

    When the verb only carries a noun trigger ("forces were engaged in ethnic cleansing"), its
    passive subject is the actor, as it is for a movement of one's own forces ("troops were
    deployed").
    """
    actors: list[str] = []
    recipients: list[str] = []
    own = _own_object(kind, mode)
    carrier = trigger.i != verb.i and is_light_verb(verb)
    for agent in _agent(verb):
        actors += index.phrase(agent)
    subject = _subject(verb)
    if subject is not None and subject.dep_ != "nsubjpass" and not actors:
        actors += index.phrase(subject)
    if not actors and subject is not None and subject.i == verb.head.i and subject.dep_ == "dobj":
        # "parliament approved a law recognizing the victories": whoever made the law acts
        outer = _subject(subject.head)
        actors += index.phrase(outer) if outer is not None and outer.dep_ != "nsubjpass" else []
    for child in verb.children:
        if child.i == trigger.i:
            continue
        if child.dep_ == "nsubjpass":
            side = actors if (own or carrier) and not actors else recipients
            # "a camp for Congolese refugees was attacked": the entity inside the phrase
            side.extend(index.phrase(child) or _predicate_recipients(index, child, set(actors)))
        elif child.dep_ in ("dobj", "dative") and not own:
            recipients += index.phrase(child)
    for target in _targets(verb):
        recipients += index.phrase(target)
    if not recipients and verb.dep_ == "acl" and _reduced_passive(verb):
        recipients = index.phrase(verb.head)  # "the service members killed"
    if not recipients:
        recipients = [i for s in _clause_subjects(verb) for i in index.phrase(s)]
    if not recipients:
        recipients = _complement_recipients(index, verb, trigger)
    if not recipients and kind == "THREATEN":
        recipients = _conditioned(index, verb)
    if not recipients:
        recipients = _predicate_recipients(index, verb, set(actors))
    return _unique(actors), [r for r in _unique(recipients) if r not in actors]


CONDITION_MARKS = frozenset({"unless", "if"})


def _conditioned(index: EntityIndex, verb: Token) -> list[str]:
    """Whom a threat is made to: the subject of its condition ("threatened to strike unless
    Israel rescinded", "threatened to stop talks if the United States goes ahead")."""
    clauses = [c for c in verb.subtree if c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children)]
    return [i for c in clauses for s in c.children if s.dep_ in SUBJECT_DEPS for i in index.phrase(s)]


# Branches of a predicate that name neither whom it is done to nor with what.
NON_RECIPIENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "csubj", "agent", "punct", "advcl", "relcl", "parataxis", "npadvmod"}
)


def _predicate_recipients(
    index: EntityIndex, verb: Token, actors: set[str], skip: set[int] | None = None
) -> list[str]:
    """The entity nearest the verb (or event noun) inside its predicate ("threatened to break
    relations with Russia", "denounced Serbia's suppression"): the last resort for a recipient.
    Entities coordinated with it are kept too ("relations with Congo and Costa Rica"). Tokens in
    ``skip`` (the trigger's own words) and modifiers of a noun (its actors) are passed."""
    skip = skip or set()
    frontier = [c for c in _branches(verb) if c.i not in skip and not (verb.pos_ != "VERB" and c.dep_ in MODIFIER_DEPS)]
    while frontier:
        nearest = next((t for t in frontier if any(i not in actors for i in _entity_ids(index, t))), None)
        if nearest is not None:
            return _coordinated_entities(index, nearest, actors)
        frontier = [c for t in frontier for c in _branches(t)]
    return []


def _coordinated_entities(index: EntityIndex, token: Token, actors: set[str]) -> list[str]:
    """The entity at ``token`` and those of the tokens coordinated with it, actors left out."""
    found = [i for t in [token, *token.conjuncts] for i in _entity_ids(index, t) if i not in actors]
    return _unique(found)


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
    # the complement, or a purpose clause ("began a hunger strike to protest against Sweden")
    comps = [
        c for c in verb.children if c.i != trigger.i and (c.dep_ == "xcomp" or (c.dep_ == "advcl" and _is_purpose(c)))
    ]
    for comp in comps:
        objects = [c for c in comp.children if c.dep_ in ("dobj", "dative")] + _targets(comp)
        found += [i for o in objects for i in index.phrase(o)]
    return found


# Verbs of a clause that names the means, not whom the event is done to ("..., using drones").
INSTRUMENT_LEMMAS = frozenset({"use", "employ", "utilize", "utilise", "wield"})


def _is_purpose(clause: Token) -> bool:
    """A clause of purpose or manner: "to demand", "to protest", "calling for" (not the means:
    "carried out strikes using drones")."""
    if clause.lemma_.lower() in INSTRUMENT_LEMMAS:
        return False
    return clause.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _clause_subjects(verb: Token) -> list[Token]:
    """Subjects of the clause a verb governs: "demanded that the US cancel" -> the US."""
    return [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in SUBJECT_DEPS]


def noun_roles(
    index: EntityIndex, noun: Token, kind: str, skip: set[int], mode: str | None = None
) -> tuple[list[str], list[str]]:
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
            side = actors if _own_object(kind, mode) else recipients
            side += [i for p in _pobjs(child) for i in index.phrase(p)]
    for aimed in _targets(noun):
        recipients += index.phrase(aimed)
    if not recipients and kind != "ASSAULT":
        # "an investigation into crimes committed by Croat forces", "its demands that Burundi's
        # government grant more rights": the entity nearest the noun inside its own phrase
        recipients = _predicate_recipients(index, noun, set(actors), skip)
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
