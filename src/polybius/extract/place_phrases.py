"""How a place name sits in its sentence: the noun phrase it names, and what that phrase says.

``polybius.extract.event_location`` ranks the places of a sentence by these readings of the
parse: the phrase a name climbs to ("the town of Glamoc" -> "town"), whether it is the part
or the whole of a pair ("the Karam neighborhood of Mosul"), whether it only locates or
describes another place ("Tarvel, a town near Homs"), and names the recogniser misread
(a person "Jabri, 15,", a name inside "the Islamic State of Iraq").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from polybius.extract.doc_views import entities
from polybius.lexicons import read_table
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
             "alongside": 0, "beneath": 0, "under": 0, "beyond": 0, "above": 0, "below": 0,
             "down": 0, "over": 0, "past": 1, "onto": 1, "to": 1, "into": 1, "towards": 1,
             "toward": 1, "off": 1, "via": 1, "from": 2, "between": 2}
CALENDAR = frozenset(MONTHS) | frozenset(WEEKDAYS)
# Words for a share of what follows "of": "much of Grozny was destroyed", "captured all of Zaire".
PARTITIVES = frozenset({"all", "much", "most", "half", "some", "one", "rest", "bulk", "parts", "part"})
# Entity labels of names that are not places, though a place may be part of them.
NAME_LABELS = frozenset({"ORG", "WORK_OF_ART", "EVENT"})
# "50 kilometers west of Ramadi": a place measured from is not where the event was.
DISTANCES = frozenset({"kilometer", "kilometre", "km", "kms", "mile", "meter", "metre", "kilometers",
                       "kilometres", "miles", "meters", "metres", "nautical"})
# Two-word locatives: "outside of Kawkab", "close to Algiers".
ADVERBIAL_PREPS = {"of": ("outside", "inside", "out"), "to": ("close", "next", "adjacent")}


@cache
def cue_words(*roles: str) -> frozenset[str]:
    """The lower-cased words of some roles in ``place_cues.tsv``."""
    return frozenset(word.lower() for word, role in read_table("place_cues.tsv") if role in roles)


def place_nouns() -> frozenset[str]:
    """Common nouns a name can be the name of: "town", "province", "capital"."""
    return cue_words("placeword") | {"capital"}


def is_place_noun(token: Token) -> bool:
    """ "town", "villages", "neighbourhood", "coastline": a common noun that names a place."""
    nouns = place_nouns() | cue_words("terrain")
    return token.lower_ in nouns or token.lemma_.lower() in nouns


def specificity(feature: str) -> float:
    """How small a feature is, a name the gazetteer lacks counting as smaller than a town."""
    return 0.5 if feature == "place" else SPECIFICITY.get(feature, 5)


def is_demonym_text(text: str) -> bool:
    return country_by_name(text) is None and demonym_country(text) is not None


def governing_nominal(token: Token, path: list[Token] | None = None) -> tuple[Token, bool, bool]:
    """Climb from a place name to the noun phrase that plays a role in the clause.

    "Madrid airport" and "Baghdad's neighborhood" climb through the modifier (and say so:
    the modified noun is more precise than its modifier); "the town of Glamoc" climbs
    through "of" to "town", "much of Grozny" to "much", "the villages of Tarvel and Orlan"
    through the first conjunct.
    The third value says whether the name says which place a place noun is ("this Ivory
    Coast city", "the capital, Islamabad", "Bosnia's territory"): a country then still
    counts. ``path`` collects the tokens passed.
    """
    modifier = names_place = False
    for _ in range(10):
        if path is not None:
            path.append(token)
        if token.dep_ == "appos" and token.head.pos_ == "PROPN" and token.head.i < token.i:
            token = token.head  # "from Hamburg, Germany"
        elif token.dep_ == "conj" and token.head.pos_ in ("PROPN", "NOUN"):
            token = token.head  # "the villages of Tarvel and Orlan": the role of the first
        elif (token.dep_ == "pobj" and token.head.lower_ in ("including", "like")
              and token.head.head.pos_ in ("PROPN", "NOUN")):
            token = token.head.head  # "patrolled major cities, including Kano"
        elif token.dep_ in MODIFIER_DEPS and (token.head.pos_ == "NOUN" or (
                token.dep_ == "poss" and token.head.pos_ == "PROPN" and token.head.ent_type_ != "PERSON")):
            # "Lagos's National Theatre", not "Chad's Idriss Deby"
            typed = is_place_noun(token.head) or token.head.lower_ in cue_words("site")
            names_place = names_place or token.dep_ == "appos" or typed
            # "Muuri village", "the Golani junction" are their names; "the Sarajevo neighborhood
            # of Dobrinja" is not
            own_name = typed and token.dep_ in ("compound", "nmod") and not any(
                child.lower_ == "of" and not _typed_whole(child) for child in token.head.children)
            token, modifier = token.head, modifier or not own_name
        elif token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.lower_ in CALENDAR:
            token = token.head  # "in Tbilisi Thursday": the parser takes the day for the head
        elif token.dep_ == "compound" and token.head.pos_ == "PROPN" and token.head.i > token.i:
            # "in the Deir Ezzor Governorate", "the Baghdad Hotel": the name continues into its head
            typed = _typed_name(token.head)
            names_place = names_place or typed
            token, modifier = token.head, modifier or not typed
        elif (token.dep_ == "pobj" and token.head.lower_ == "of"
              and (token.head.head.pos_ in ("NOUN", "PROPN") or token.head.head.lower_ in PARTITIVES)
              and not direction_of(token) and not person(token.head.head)):
            token = token.head.head  # "the town of Glamoc"; "much of Grozny", "all of eastern Zaire"
        else:
            break
    return token, modifier, names_place


def _typed_whole(of: Token) -> bool:
    """Whether "of" names a whole its place noun types ("the Orlan district of Veska province",
    "the Dunbo district of Kemari LGA"): the name before the part's noun is then the part's own,
    unlike "the Sarajevo neighborhood of Dobrinja"."""
    return any(_typed_name(whole) or any(is_place_noun(c) for c in whole.children if c.dep_ == "compound")
               for whole in of.children if whole.dep_ == "pobj")


def _typed_name(token: Token) -> bool:
    """Whether the noun types a place: a place noun ("town"), or the capitalised type noun that
    ends a state's or province's full name ("Benue State", "Hotan Prefecture")."""
    return is_place_noun(token) or (token.pos_ == "PROPN" and token.lower_ in cue_words("subdivision"))


def person(token: Token) -> bool:
    """ "Antonio Bargiggia, 43, of Milan", "a native of Guinea": a place after "of" is an origin."""
    return token.ent_type_ == "PERSON" or token.lemma_.lower() in cue_words("person")


def part_or_whole(span: Span, noun: Token, features: dict[int, str]) -> str | None:
    """Whether the place is the part or the whole in "the Karam neighborhood of Mosul".

    A noun naming a place, with a name before it and another after "of". A possessive is
    the whole ("Baghdad's neighborhood of Kamaliya"), and so is a name after "of" that is
    itself a part ("Dunbo village of Kemari local government area"). The name before a part
    noun names the part ("the Orlan region of rural Aleppo") unless it is a country
    ("the Syria province of Daraa") or a known town before an unknown name ("the Sarajevo
    neighborhood of Dobrinja"); before a settlement noun it is the whole unless it is the
    more specific ("the West Bank town of Jenin", "the Latakia town of Kabbani").
    ``features`` maps the tokens of every place to its feature.
    """
    if noun.lower_ not in cue_words("part") and noun.lower_ not in place_nouns():
        return None
    before = [c for c in noun.children if c.i < noun.i
              and (c.dep_ in ("compound", "poss") or (c.dep_ == "amod" and c.pos_ == "PROPN"))
              and c.i in features and c.ent_type_ != "NORP"]  # not "the Shiite neighborhood of"
    after = [g for c in noun.children if c.lower_ == "of" for g in c.children
             if g.dep_ == "pobj" and name_tokens(g) & features.keys()]
    if not before or not after:
        return None
    in_before = span.root.i in {t.i for t in before[0].subtree}
    if not in_before and span.root.i not in name_tokens(after[0]):
        return None
    first = specificity(features[before[0].i])
    second = min(specificity(features[i]) for i in name_tokens(after[0]) if i in features)
    if before[0].dep_ == "poss" or after[0].lower_ in cue_words("part"):
        whole_is_before = before[0].dep_ == "poss"
    elif noun.lemma_.lower() == "suburb":  # "the Kabul suburb of western Karte"
        whole_is_before = True
    elif noun.lower_ in cue_words("part") or noun.lemma_.lower() in cue_words("part"):
        whole_is_before = (country_by_name(before[0].text) is not None
                           or first >= SPECIFICITY["city"] > second)
    else:
        whole_is_before = first >= second
    return "whole" if in_before == whole_is_before else "part"


def name_tokens(token: Token) -> set[int]:
    """The tokens naming a place: "Jiddah", "the port city of Jiddah"."""
    names = {token.i} | {t.i for t in token.children if t.dep_ in ("compound", "amod")}
    if is_place_noun(token):
        for of in (c for c in token.children if c.lower_ == "of"):
            for name in (g for g in of.children if g.dep_ == "pobj"):
                names |= {name.i} | {t.i for t in name.children if t.dep_ in ("compound", "amod")}
    return names


def place_hosts(doc: Doc, features: dict[int, str]) -> dict[int, set[int]]:
    """The noun phrases that name a place: the name, the noun it climbs to, its appositive noun.

    Demonyms and modifiers ("the US embassy", "a Sarajevo corner") name no place of their own.
    """
    found: dict[int, set[int]] = {}
    for i in features:
        if doc[i].ent_type_ == "NORP" or is_demonym_text(doc[i].text):  # "a Jewish settlement in"
            continue
        nominal, modifier, names_place = governing_nominal(doc[i])
        if modifier and not names_place:
            continue
        found.setdefault(i, set()).add(i)
        found.setdefault(nominal.i, set()).add(i)
        for appos in (c for c in doc[i].children if c.dep_ == "appos" and is_place_noun(c)):
            found.setdefault(appos.i, set()).add(i)  # "Tarvel, a town near Homs"
    return found


def anchored(token: Token, span: Span, hosts: dict[int, set[int]], features: dict[int, str]) -> bool:
    """Whether the place only says where another place is: "the town of Halba in Akkar".

    A locative phrase hanging on another place's noun phrase names its surroundings; the
    event happened at the place it locates. A container is no more specific than what it
    contains: not "Lima, the capital of Peru".
    """
    if token.dep_ != "pobj" or token.head.dep_ != "prep" or PREP_TIER.get(token.head.lower_) != 0:
        return False
    others = hosts.get(token.head.head.i, set()) - {t.i for t in span}
    return any(specificity(features[i]) <= specificity(features[span.root.i]) for i in others)


def described(span: Span, path: list[Token], features: dict[int, str]) -> bool:
    """Whether the place only describes another: "Sadr City, a neighborhood of Baghdad"."""
    own = {t.i for t in span}
    return any(t.i in features and t.i not in own for t in path)


def qualified_name(span: Span, features: dict[int, str]) -> Token | None:
    """The place a name after a comma qualifies: "Hamburg" for "Germany" in "from Hamburg, Germany".

    The parser often hangs the qualifier elsewhere ("Hamburg, Germany was shot"); it
    shares the role of the name it follows, as the larger place. "Syria, Aleppo" is no
    qualifier.
    """
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "," or doc[span.start - 2].i not in features:
        return None
    if features[doc[span.start - 2].i] in ("country", "admin1", "region") and features[span.root.i] in (
            "city", "place", "facility", "admin2"):
        return None
    return doc[span.start - 2]


def inside_name(span: Span) -> bool:
    """Whether the place is only part of a longer name that is not a place.

    "the Islamic State of Iraq", "the Kurdistan Workers' Party", "The Young Girls of Rochefort":
    an organisation, work or event named after a place does not say where things
    happen; "Minya University" and "the Baghdad Hotel" (a facility word ends the name) do,
    and "Homs for the fourth straight day" is a phrase the recogniser ran together.
    """
    for ent in entities(span.doc):
        if ent.label_ in NAME_LABELS and ent.start <= span.start and span.end <= ent.end:
            rest = [t for t in ent if t.i < span.start or t.i >= span.end]
            if any(t.text == "," for t in rest):  # a list the recogniser ran together
                return False
            after = span.doc[span.end] if span.end < ent.end else None
            if (after is not None and after.pos_ == "ADP" and after.is_lower and after.lower_ != "of"
                    and ent.label_ != "EVENT"):
                return False
            words = [t for t in rest if t.is_alpha and len(t) > 2 and t.lower_ not in CALENDAR]
            return bool(words) and ent[-1].lower_ not in place_nouns() | facility_words()
    return False


def facility_words() -> frozenset[str]:
    """Words that end a building's or site's name, or make a name another feature."""
    return cue_words("blocker", "suffix", "facility")


def direction_of(token: Token) -> bool:
    """ "north of Baghdad", "50 km west of Ramadi": a place the event is near, not in."""
    return (token.dep_ == "pobj" and token.head.lower_ == "of"
            and token.head.head.lower_ in cue_words("direction"))


def far(direction: Token) -> bool:
    """ "50 kilometers west": a direction with a distance."""
    near = [t for child in direction.children for t in child.subtree] + [direction.head]
    return any(t.lower_ in DISTANCES or t.lemma_.lower() in DISTANCES for t in near)


def adverbial_prep(prep: Token) -> bool:
    """ "outside of", "inside of", "close to", "next to": a locative in two words."""
    return prep.head.lower_ in ADVERBIAL_PREPS.get(prep.lower_, ())


def dated(span: Span, token: Token) -> bool:
    """ "patrolled Harare Saturday", "in the capital Tbilisi Friday": a name before a weekday.

    The parser takes the name for part of the date, a bare modifier of the verb.
    """
    if token.dep_ != "npadvmod" or token.head.pos_ not in ("VERB", "AUX"):
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return token.lower_ in CALENDAR or (after is not None and after.lower_ in CALENDAR)


def aged(span: Span) -> bool:
    """ "Millan, 41,": a name followed by an age is a person's."""
    doc = span.doc
    return (span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].like_num
            and (span.end + 2 >= len(doc) or doc[span.end + 2].is_punct))


def sited_subject(name: Token, token: Token) -> bool:
    """A town naming where the subject is: "New Delhi police", "residents of Sharm el-Sheikh".

    Only for the police, residents and buildings, whose town is where they act or what
    happens to them; people and groups named after a town ("a Tampa woman") may be anywhere.
    """
    of_phrase = name.dep_ == "pobj" and name.head.lower_ == "of" and name.head.head.i == token.i
    if token.dep_ not in ("nsubj", "nsubjpass") or (name.dep_ != "compound" and not of_phrase):
        return False
    nouns = cue_words("sited") | facility_words()
    return token.lemma_.lower() in nouns or token.lower_ in nouns
