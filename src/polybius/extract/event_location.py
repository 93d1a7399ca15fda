"""Where an event happened: the place a locative phrase in its clause, sentence or paragraph names.

``locate_event`` reads the places ``polybius.extract.places`` found; a wire dateline
("BAMAKO, Mali (AP) \u2014") is where the story was filed, so its places are never taken.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from polybius.analysis import Analysis
from polybius.extract.scope import clause_head, clause_tokens, scopes, token_at
from polybius.lexicons import read_table
from polybius.model import Place
from polybius.model import Span as TextSpan
from polybius.resolve.calendar import MONTHS, WEEKDAYS
from polybius.resolve.countries import country_by_name, demonym_country

SPECIFICITY = {"facility": 0, "base": 0, "city": 1, "place": 1, "island": 2, "admin2": 2, "admin1": 3,
               "region": 3, "border": 3, "sea": 3, "river": 3, "lake": 3, "country": 4,
               "continent": 6}
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "appos", "conj"})
# How strongly a preposition says "this is where it happened": 0 best, 2 never (an origin:
# "a driver from Abidjan"); prepositions not listed do not introduce the event's place.
PREP_TIER = {"in": 0, "at": 0, "near": 0, "outside": 0, "inside": 0, "around": 0, "on": 0,
             "throughout": 0, "within": 0, "across": 0, "through": 0, "along": 0, "amid": 0,
             "alongside": 0, "beneath": 0, "under": 0, "beyond": 0, "past": 1, "onto": 1,
             "to": 1, "into": 1, "towards": 1, "toward": 1, "over": 1, "off": 1, "via": 1,
             "from": 2, "between": 2}
# Features that, as a modifier, name whose thing it is rather than where ("a U.S. airstrike",
# "Syria's civil war"); a town as a modifier still places it ("a Mogadishu hotel").
ACTOR_FEATURES = frozenset({"country", "continent"})
CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
# Bare arguments that can be the place of the event ("captured Jerusalem").
ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass"})
# Entity labels of names that are not places, though a place may be part of them.
NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT"})
# Clauses that share the place of the verb they hang on ("attacked Damboa town, killing 60").
DEPENDENT_CLAUSE_DEPS = frozenset({"advcl", "conj"})


def locate_event(analysis: Analysis, start: int, end: int) -> tuple[str | None, str]:
    """The place id where the event whose evidence is ``start``-``end`` happened, and the scope.

    Looks in the event's clause, then its sentence, then its paragraph; returns
    ``(None, "none")`` when no place is stated. A place counts when a locative preposition
    introduces it ("in Misrata", "at Gamba police station"); in the clause also when it is
    the verb's object ("captured Jerusalem", ranked with "in"). Modifiers ("US officials"), demonyms and agents
    ("by Iran") never count. Among several: the best preposition, then the most specific
    feature, then the nearest to the evidence.
    """
    dateline = dateline_end(analysis.text)
    mentions = [(place, m) for place in analysis.places for m in place.mentions if m.start >= dateline]
    own = _own_clause(analysis.doc, start)
    governor = _governing_verb(analysis.doc, start)
    for scope, (lo, hi) in scopes(analysis.doc, analysis.text, start, end):
        inside = [(p, m) for p, m in mentions if lo <= m.start and m.end <= hi
                  and (scope != "clause" or _in_clause(analysis.doc, m, own))]
        ranked = [r for r in (_rank(analysis.doc, p, m, start, scope, governor) for p, m in inside) if r]
        if ranked:
            return min(ranked)[-1], scope
    return None, "none"


DATELINE = re.compile(
    r"\s*(?:[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)*)(?:,\s*[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)*){0,2}"
    r"\s*(?:\([A-Za-z. &-]{1,30}\))?\s*(?:\u2014|\u2013|--|\s{3,})\s*")


def dateline_end(text: str) -> int:
    """Where a wire dateline ("BAMAKO, Mali (AP) \u2014 ") ends, or 0 when the text has none.

    The dateline says where the story was filed, not where its events happened.
    """
    match = DATELINE.match(text[:120])
    if match is None or "\n" in match.group(0).strip():
        return 0
    return match.end()


def _own_clause(doc: Doc, start: int) -> set[int]:
    """Token indices of the event's clause, the clauses nested inside it left out."""
    token = token_at(doc, start)
    return {t.i for t in clause_tokens(clause_head(token))} if token is not None else set()


def _in_clause(doc: Doc, mention: TextSpan, own: set[int]) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.i in own


def _governing_verb(doc: Doc, start: int) -> int | None:
    """The verb a participle or coordinated clause hangs on ("stormed the village, killing 39").

    That verb's object is where the dependent event happened too.
    """
    token = token_at(doc, start)
    if token is None:
        return None
    head = clause_head(token)
    if head.dep_ in DEPENDENT_CLAUSE_DEPS and head.head is not head and head.head.pos_ in ("VERB", "AUX"):
        return head.head.i
    return None


def _rank(doc: Doc, place: Place, mention: TextSpan, anchor: int, scope: str,
          governor: int | None = None) -> tuple | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or _is_demonym_text(mention.text.split()[-1]):  # "a western Sudanese town"
        return None
    if _inside_name(span):
        return None
    token, modifier, names_place = _governing_nominal(span.root)
    if token.dep_ == "pobj":
        tier = PREP_TIER.get(token.head.lower_)
    else:
        argument = token.dep_ in ARGUMENT_DEPS and (scope == "clause" or token.head.i == governor)
        tier = 0 if argument else None
    if tier is None or tier > 1 or (modifier and not names_place and place.feature in ACTOR_FEATURES):
        return None
    if tier and scope != "clause":  # another clause's destination is not the event's place
        return None
    return (tier, modifier, SPECIFICITY.get(place.feature, 5), abs(mention.start - anchor),
            place.id)


def _inside_name(span: Span) -> bool:
    """Whether the place is only part of a longer name that is not a place.

    "the Islamic State of Iraq", "the Kurdistan Workers' Party", "The Young Girls of Rochefort":
    an organisation, work or event named after a place does not say where things
    happen; "Minya University" and "the Baghdad Hotel" (a facility word ends the name) do.
    """
    for ent in span.doc.ents:
        if ent.label_ in NAME_LABELS and ent.start <= span.start and span.end <= ent.end:
            rest = [t for t in ent if t.i < span.start or t.i >= span.end]
            if any(t.text == "," for t in rest):  # a list the recogniser ran together
                return False
            words = [t for t in rest if t.is_alpha and len(t) > 2 and t.text not in CALENDAR]
            return bool(words) and ent[-1].lower_ not in _place_nouns() | _facility_words()
    return False


@lru_cache(maxsize=1)
def _facility_words() -> frozenset[str]:
    roles = ("blocker", "suffix", "facility")
    return frozenset(word.lower() for word, role in read_table("place_cues.tsv") if role in roles)


@lru_cache(maxsize=1)
def _place_nouns() -> frozenset[str]:
    words = {word for word, role in read_table("place_cues.tsv") if role == "placeword"}
    return frozenset(words | {"capital"})


def _governing_nominal(token: Token) -> tuple[Token, bool, bool]:
    """Climb from a place name to the noun phrase that plays a role in the clause.

    "Madrid airport" and "Baghdad's neighborhood" climb through the modifier (and say so:
    the modified noun is more precise than its modifier); "the town of Glamoc" climbs
    through "of" to "town". The third value says whether the name says which place a place
    noun is ("this Ivory Coast city", "the capital, Islamabad"): a country then still counts.
    """
    modifier = names_place = False
    for _ in range(6):
        if token.dep_ == "appos" and token.head.pos_ == "PROPN" and token.head.i < token.i:
            token = token.head  # "from Hamburg, Germany"
        elif token.dep_ in MODIFIER_DEPS and token.head.pos_ == "NOUN":
            # "this Ivory Coast city", "the Sri Lanka capital", "the capital, Islamabad": the
            # name says which place the noun is, it does not modify it
            typed = token.head.lower_ in _place_nouns()
            names_place = names_place or token.dep_ == "appos" or typed
            # "Muuri village" is the village's name; "the Sarajevo neighborhood of Dobrinja" is not
            own_name = typed and token.dep_ == "compound" and not any(
                child.lower_ == "of" for child in token.head.children)
            token, modifier = token.head, modifier or not own_name
        elif token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.lower_ in CALENDAR:
            token = token.head  # "in Tbilisi Thursday": the parser takes the day for the head
        elif token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > token.i:
            # "in the Deir Ezzor Governorate", "the Baghdad Hotel": the name continues into its head
            typed = token.head.lower_ in _place_nouns()
            names_place = names_place or typed
            token, modifier = token.head, modifier or not typed
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in (
                "NOUN", "PROPN"):
            token = token.head.head
        else:
            break
    return token, modifier, names_place


def _is_demonym_text(text: str) -> bool:
    return country_by_name(text) is None and demonym_country(text) is not None
