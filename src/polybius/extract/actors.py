"""Actors stage: named and nominal entities with canonical name, title, country and sector.

Named mentions come from spaCy's NER plus the well-known actors of ``lexicons/actors.tsv``;
mentions over a place found by the places stage are not people or organisations, and a
country is an entity only as a country (GPE). Mentions merge by canonical name: a later
"Carter" joins an earlier "Ashton Carter", "Times" joins "The New York Times". Nominal
entities (``nominal=True``) are unnamed groups that act or speak: "US officials",
"the Italian government", "US-backed militias" (``backed_by="USA"``), "warplanes".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from polybius.analysis import Analysis
from polybius.extract.actor_mentions import Mention, named_mentions
from polybius.extract.actor_nominals import appositive_mentions, nominal_mentions
from polybius.model import Entity, Span

__all__ = ["extract_entities", "entity_at", "entity_for_token"]


@dataclass
class _Group:
    """Mentions that name one entity, while they are being merged."""

    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)


def extract_entities(analysis: Analysis) -> list[Entity]:
    """Named and nominal actors of the document, each with all its mentions."""
    doc = analysis.doc
    context = _dominant_country(analysis)
    named = named_mentions(doc, analysis.places, context)
    groups = _merge_named(named)
    taken = {i for m in named for i in range(m.start, m.end)}
    nominals = nominal_mentions(doc, taken, context)
    for mention, name in appositive_mentions(doc, taken, context):
        owner = next((g for g in groups if any(m.start <= name < m.end for m in g.mentions)), None)
        if owner is not None:
            owner.mentions.append(mention)  # "the group's leader, Abu Bakr al-Baghdadi"
    groups.extend(_join_named(_merge_nominal(nominals, doc), groups))
    groups.sort(key=lambda g: min(m.start for m in g.mentions))
    entities = [_entity(f"e{n}", group, doc) for n, group in enumerate(groups, 1)]
    _home_officials(entities, _home_country(analysis, entities))
    return entities


# Sectors of titles that make a person an office holder of a state ("President", "General").
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP"})


def _home_officials(entities: list[Entity], home: str | None) -> None:
    """An office holder whose title names no country ("President Akayev"), or a person named
    with no title nor country at all ("Zoran Djindjic"), is taken to be of the country the
    document is mostly about; nothing better is known of them. A title that is not a state's
    office ("rebel leader", "Arab League Secretary General") keeps its holder unplaced."""
    for entity in entities:
        official = entity.type == "PERSON" and (entity.sector in STATE_SECTORS or not (entity.title or entity.sector))
        if official and entity.country is None and not entity.nominal:
            entity.country = home


def _home_country(analysis: Analysis, entities: list[Entity]) -> str | None:
    """The country whose officials the document reports on: that of a government body named
    in it ("the White House"), else the one most mentioned by places and groups. A country
    another titled person already holds ("South African leader de Klerk") is a foreign one."""
    governments = [e.country for e in entities if e.country and e.type == "ORG" and e.sector == "GOV"]
    if governments:
        return Counter(governments).most_common(1)[0][0]
    foreign = {e.country for e in entities if e.type == "PERSON" and e.title and e.country}
    counts: Counter[str] = Counter()
    for place in analysis.places:
        if place.country and place.country not in foreign:
            counts[place.country] += len(place.mentions)
    for entity in entities:
        if entity.country and entity.type != "PERSON" and entity.country not in foreign:
            counts[entity.country] += len(entity.mentions)
    return counts.most_common(1)[0][0] if counts else None


def _merge_named(mentions: list[Mention]) -> list[_Group]:
    """Group mentions by canonical name; short names join the nearest fuller one."""
    groups: dict[tuple[str, str], _Group] = {}
    ordered = sorted(mentions, key=lambda m: (-len(m.name.split()), m.start))
    for mention in ordered:
        key = (mention.type, mention.key)
        if key not in groups:
            fuller = _fuller_group(mention, groups)
            if fuller is not None:
                fuller.mentions.append(mention)
                continue
            groups[key] = _Group(mention.name, mention.type)
        groups[key].mentions.append(mention)
    return list(groups.values())


def _fuller_group(mention: Mention, groups: dict[tuple[str, str], _Group]) -> _Group | None:
    """The group whose multi-word name ends (or, for people, starts) with this one-word name."""
    words = mention.name.split()
    if len(words) != 1 or mention.type not in ("PERSON", "ORG") or not mention.standalone:
        return None
    word = words[0]
    candidates = [
        g
        for (kind, _), g in groups.items()
        if kind == mention.type
        and len(g.name.split()) > 1
        and (g.name.split()[-1] == word or (kind == "PERSON" and g.name.split()[0] == word))
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda g: _distance(g, mention.start))


def _distance(group: _Group, position: int) -> tuple[int, int]:
    """Prefer the nearest preceding mention of a group, then the nearest following one."""
    before = [position - m.start for m in group.mentions if m.start <= position]
    after = [m.start - position for m in group.mentions if m.start > position]
    return (0, min(before)) if before else (1, min(after))


def _join_named(nominal: list[_Group], named: list[_Group]) -> list[_Group]:
    """Nominal groups that are a one-word name in lower case ("the army" beside "Army
    spokesman ...") join that named group; the others are returned."""
    by_name = {(g.type, g.name.lower()): g for g in named if len(g.name.split()) == 1}
    kept = []
    for group in nominal:
        countries = {m.country for m in group.mentions if m.country}
        same = by_name.get((group.type, group.name.lower()))
        if same is not None and not countries - {m.country for m in same.mentions}:
            same.mentions.extend(group.mentions)
        else:
            kept.append(group)
    return kept


# Determiners of a noun that refers back to a group already named ("the official").
ANAPHORIC_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})


def _merge_nominal(mentions: list[Mention], doc: Doc) -> list[_Group]:
    """Group unnamed mentions by their words; a bare definite one ("the official") joins the
    latest group before it with the same head noun and number ("a local official")."""
    groups: dict[str, _Group] = {}
    latest: dict[tuple[str, str], _Group] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        key = f"{mention.key}|{mention.country}|{mention.backed_by}"
        head = doc[mention.end - 1]
        head_key = (head.lemma_.lower(), head.tag_)
        earlier = latest.get(head_key)
        if key not in groups and earlier is not None and _refers_back(mention, doc, earlier):
            group = earlier
        else:
            group = groups.setdefault(key, _Group(mention.name, mention.type))
        group.mentions.append(mention)
        latest[head_key] = group
    return list(groups.values())


def _refers_back(mention: Mention, doc: Doc, group: _Group) -> bool:
    """A bare definite noun ("the official") whose country, if any, is the group's."""
    if len(mention.key.split()) != 1 or mention.start == 0:
        return False
    if doc[mention.start - 1].lower_ not in ANAPHORIC_DETERMINERS:
        return False
    countries = {m.country for m in group.mentions if m.country}
    return mention.country is None or not countries or mention.country in countries


def _first(values: list[str | None]) -> str | None:
    return next((v for v in values if v), None)


def _entity(entity_id: str, group: _Group, doc: Doc) -> Entity:
    mentions = sorted(group.mentions, key=lambda m: m.start)
    titles = [m.title for m in mentions if m.title]
    return Entity(
        id=entity_id,
        name=group.name,
        type=group.type,
        mentions=[Span(m.start_char, m.end_char, m.text) for m in mentions],
        title=max(titles, key=len) if titles else None,
        country=_first([m.country for m in mentions]),
        sector=_first([m.sector for m in mentions]),
        backed_by=_first([m.backed_by for m in mentions]),
        nominal=mentions[0].nominal,
    )


def _dominant_country(analysis: Analysis) -> str | None:
    """The country most mentioned among the document's places, the default setting of actors."""
    counts: Counter[str] = Counter()
    for place in analysis.places:
        if place.country:
            counts[place.country] += len(place.mentions)
    return counts.most_common(1)[0][0] if counts else None


def entity_at(analysis: Analysis, start: int, end: int) -> Entity | None:
    """The entity whose mention covers the characters ``start:end`` (the tightest one), else
    the one whose mention overlaps them most; None when no mention touches them."""
    best: tuple[int, int, Entity] | None = None
    for entity in analysis.entities:
        for mention in entity.mentions:
            overlap = min(end, mention.end) - max(start, mention.start)
            if overlap <= 0:
                continue
            covers = mention.start <= start and end <= mention.end
            score = (0 if covers else 1, mention.end - mention.start if covers else -overlap)
            if best is None or score < best[:2]:
                best = (*score, entity)
    return best[2] if best else None


def entity_for_token(analysis: Analysis, token: Token | TokenSpan) -> Entity | None:
    """The entity covering a spaCy token or span of ``analysis.doc``."""
    if isinstance(token, Token):
        return entity_at(analysis, token.idx, token.idx + len(token.text))
    return entity_at(analysis, token.start_char, token.end_char)


# Pronouns that stand for an actor named before, and the entity types each may stand for, the
# preferred first ("they" is a group or an organisation before it is a country).
PRONOUN_TYPES = {
    **dict.fromkeys(("he", "she", "him", "her"), (frozenset({"PERSON"}),)),
    "they": (frozenset({"ORG", "NORP", "PERSON"}), frozenset({"GPE"})),
}
# The pronouns a speaker may be, and the types they stand for ("it said": an organisation).
SPEAKER_PRONOUN_TYPES = {
    **dict.fromkeys(("he", "she", "him", "her"), (frozenset({"PERSON"}),)),
    **dict.fromkeys(("they", "them"), (frozenset({"ORG", "GPE", "NORP", "PERSON"}),)),
    "it": (frozenset({"ORG", "GPE"}),),
}
SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her"})
# Verbs whose subject is a speaker: a pronoun after "..., the ministry said" rarely means it.
SPEAKING_LEMMAS = frozenset({"say", "tell", "report", "announce", "add", "state", "claim", "confirm"})


def antecedent(entities: list[Entity], pronoun: Token, sentences_back: int = 2) -> Entity | None:
    """The actor a personal pronoun in an event's role stands for, in its sentence or the
    ``sentences_back`` before.

    "He"/"she" take a named person or one unnamed person ("a gunman"); "they" a group, an
    organisation or a people, else a country, never one named person. Among those, the subject
    of an action comes first ("Militants ambushed a convoy of soldiers. They killed 12"), then a
    speaker ("..., the ministry said"), then any other mention; the last mentioned wins a tie.
    "It" and "them" are left alone: they stand for things ("detonating them") as often as for
    actors."""
    preferences = PRONOUN_TYPES.get(pronoun.lower_)
    if preferences is None:
        return None
    doc = pronoun.doc
    sentence = pronoun.sent
    for _ in range(sentences_back):
        if sentence.start == 0:
            break
        sentence = doc[sentence.start - 1].sent
    singular = pronoun.lower_ in SINGULAR_PRONOUNS
    candidates: list[tuple[tuple[int, int], Entity]] = []
    for entity, start, end in _mentions_between(entities, sentence.start_char, pronoun.idx):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and _agrees(entity, span.root, singular):
            candidates.append(((_salience(span.root), end), entity))
    return _best(candidates, preferences)


def speaker_antecedent(entities: list[Entity], pronoun: Token) -> Entity | None:
    """The actor a pronoun speaker stands for ("he said", "it said in a statement"): the named
    person, group, organisation or country of the right type mentioned last before it."""
    preferences = SPEAKER_PRONOUN_TYPES.get(pronoun.lower_)
    if preferences is None:
        return None
    person = pronoun.lower_ in SINGULAR_PRONOUNS
    candidates = [
        ((0, end), entity)
        for entity, _, end in _mentions_between(entities, 0, pronoun.idx)
        if not (person and entity.nominal)
    ]
    return _best(candidates, preferences)


def _mentions_between(entities: list[Entity], first: int, last: int) -> list[tuple[Entity, int, int]]:
    """(entity, start, end) of every mention lying between two character offsets."""
    return [(e, m.start, m.end) for e in entities for m in e.mentions if first <= m.start and m.end <= last]


def _best(candidates: list[tuple[tuple[int, int], Entity]], preferences: tuple[frozenset[str], ...]) -> Entity | None:
    """The highest-ranked candidate of the first preferred types any candidate has."""
    for allowed in preferences:
        fitting = [c for c in candidates if c[1].type in allowed]
        if fitting:
            return max(fitting, key=lambda c: c[0])[1]
    return None


def _agrees(entity: Entity, head: Token, singular: bool) -> bool:
    """Whether a mention can be the antecedent of a singular or a plural personal pronoun."""
    plural = head.tag_ in ("NNS", "NNPS")
    if singular:
        return entity.type == "PERSON" and not plural
    return not (entity.type == "PERSON" and not plural)


def _salience(head: Token) -> int:
    """2 for the subject of an action (or a word coordinated with it), 1 for a speaker's
    subject, 0 for any other mention."""
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ != "nsubj":
        return 0
    return 1 if head.head.lemma_.lower() in SPEAKING_LEMMAS else 2
