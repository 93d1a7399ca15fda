"""When a name the model mislabels is a place, and which place names are no places at all.

The small spaCy model tags many towns as people, organisations or nationalities ("Kisumu"
ORG, "Aleppo" NORP, "Khan Touman" PERSON) or not at all. ``named_place`` reads the words
around such a name for what says it is a place:

- a locative preposition before it, over a determiner and a compass or area word ("in
  Kisumu", "near the Boni", "in eastern Aleppo"), or "the town of", "the outskirts of",
  "north of", "the capital(,)" before it;
- a compass or area word right before it ("east Jerusalem", "downtown Colombo");
- a place noun after it ("Khan Touman village"), a state or country qualifying it ("Grozny,
  Chechnya");
- a list whose first item is a place ("the towns of Kafr Dalil and Tal Sarin");
- a verb whose object is ground and hardly ever a person ("patrolled Korangi", "entered
  Rityan", "Samashki was encircled"; ``ground_object``), known to the gazetteer or not.

A person's full name needs a place noun ("Sunny Madsen") unless it opens with a common
first word of Arabic place names ("Khan Touman") or a hyphenated article ("Al-Dawr").
A title ("Mr. Boni"), an age ("Boni, 41,"), a demonym, an organisation word ("the Ministry
of Justice") or an acronym is never a place this way; ``territorial`` adds the object of a
verb of taking or holding ground ("captured Badme"), for names the gazetteer knows.

``one_sense`` applies one sense per document: a name recognised as a place once is a place
at its other mentions ("the town of Boni" ... "around Boni"). ``in_outlet_name`` and
``embedded_demonym`` say which names inside organisation names are no place mentions ("The
Washington Post", "the European Union").
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from polybius.extract.doc_views import doc_text, entities
from polybius.extract.place_resolution import PLACE_LABELS, cues, placeword_after, qualifier
from polybius.lexicons import read_table
from polybius.resolve.actors import outlet_words
from polybius.resolve.countries import country_by_name, demonym_country
from polybius.resolve.gazetteer import ARABIC_ARTICLES

EVIDENCE_FILE = "place_evidence.tsv"
# Labels of names that may be places the model mislabelled.
MISLABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART"})
# Apostrophes and opening quotes that transliterate an Arabic ayn or hamza ("‘Ibta", "Ma’an").
AYN_MARKS = ("‘", "’", "'", "`")
# Labels of names that are places only as the ground a verb takes ("entered Korsek" tagged an event).
GROUND_LABELS = frozenset({"EVENT"})
# Endings of adjectives of peoples and creeds the country table lacks ("Kurdish", "Islamic").
ADJECTIVE_ENDINGS = ("ish", "ese", "ic", "ian", "an", "ite", "ist")
# Nouns after which "of" introduces a place: "the town of", "the outskirts of", "north of".
OF_NOUNS = frozenset({"outskirts", "capital", "countryside", "suburbs", "suburb", "vicinity", "heart",
                      "centre", "center", "environs", "streets", "parts", "part", "areas", "stronghold",
                      "perimeter", "hills", "slope", "slopes", "mountaintop", "farms", "sector", "fringes",
                      "slums", "resort", "boundary", "hometown", "island", "islands", "state", "states",
                      "seat", "outpost", "siege"})
# Verbs that name the place noun before them: "a village called Tarvel", "an area known as Korsek".
NAMING_WORDS = frozenset({"called", "named", "dubbed"})


@cache
def evidence_words(role: str) -> frozenset[str]:
    """The words of one role in ``place_evidence.tsv``."""
    return frozenset(word for word, kind in read_table(EVIDENCE_FILE) if kind == role)


@cache
def _place_nouns() -> frozenset[str]:
    return cues("placeword") | frozenset({"capital"})


@cache
def _directions() -> frozenset[str]:
    return cues("direction") | evidence_words("areaword")


def capitalised(text: str) -> bool:
    """A name's spelling: "Kisumu", "al-Rai", "el-Hilweh", "‘Ibta" (an opening quote for an
    ayn)."""
    text = text.lstrip("‘'`")
    if text[:1].isupper():
        return True
    article, dash, rest = text.partition("-")
    return bool(dash) and article.lower() in ARABIC_ARTICLES and rest[:1].isupper()


def is_name_like(span: Span, label: str) -> bool:
    """Whether a mislabelled span can be a place's name at all: no demonym, acronym, date word,
    organisation word or title before it, no age after it."""
    text = span.text
    if not capitalised(text) or demonym_country(text) and country_by_name(text) is None:
        return False
    letters = text.replace(".", "").replace("-", "")
    if len(span) == 1 and letters.isupper() and len(letters) <= 5:
        return False  # "NATO", "UN", "SDF"
    if any(t.text in evidence_words("orgword") or t.text in outlet_words() for t in span):
        return False
    if any(t.like_num or t.text in cues("title") or t.text in evidence_words("notplace")
           or t.lower_ in ("and", "&") for t in span):
        return False  # "World War II", "Governor Cuomo"
    if label == "NORP" and (span[-1].pos_ != "PROPN" or text.lower().endswith(ADJECTIVE_ENDINGS)):
        return False  # "Kurdish", "Islamic", "Muslim"
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and (before.text in cues("title") or before.ent_type_ == "PERSON"):
        return False
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].like_num and not (
            _distance_follows(doc, span.end + 1)):
        return False  # "Boni, 41,": a person's age; not "Boni, 40 km north of Mopti"
    return not (label == "ORG" and span.end < len(doc) and doc[span.end].tag_ == "POS" and len(span) > 1)


def _distance_follows(doc: Doc, number: int) -> bool:
    """Whether a unit of length follows the number at token ``number`` (over stray spaces):
    "70 kilometres north of", an age ("Boni, 41,") has none."""
    i = number + 1
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i < len(doc) and doc[i].lower_ in evidence_words("distance")


def named_place(span: Span, label: str, known: bool = True) -> bool:
    """Whether the words around a mislabelled name say it is a place (see the module doc).

    ``known``: the gazetteer knows the name; an organisation's name the gazetteer lacks is
    not made a place by a list ("between Israel and Hamas").
    """
    if label in GROUND_LABELS:  # "entered Korvadin"; not "entered MX II"
        return is_name_like(span, label) and not any(t.is_upper for t in span) and ground_object(span)
    if label not in MISLABELS and label != "":
        return False
    if not is_name_like(span, label):
        return False
    if label == "PERSON" and len(span) > 1 and span[0].text not in evidence_words("prefix") and not (
            _article_first(span)):
        return _typed(span)  # "Sunny Madsen": a person's full name needs a place noun
    return (_said_place(span, label) or ground_object(span) or _prefixed_territory(span)
            or ((known or label != "ORG") and _listed_with_place(span, label)))


def _prefixed_territory(span: Span) -> bool:
    """ "captured Jabal Kursi": a name opening with a common first word of Arabic place names
    ("Jabal", "Tal", "Kafr") is a place as the object of a verb of taking ground, known to the
    gazetteer or not."""
    return len(span) > 1 and span[0].text in evidence_words("prefix") and _object_of(span, "territory", conjuncts=True)


def ground_object(span: Span) -> bool:
    """ "patrolled Korangi", "Samashki and Bamut were encircled": the object of a verb whose
    object is ground, not a person, is a place even where the gazetteer lacks it."""
    return _object_of(span, "ground", conjuncts=True)


def _object_of(span: Span, role: str, conjuncts: bool = False) -> bool:
    """Whether the name is the object (or passive subject) of a verb of one role of
    ``place_evidence.tsv``; with ``conjuncts``, also the second of two ("Samashki and Bamut")."""
    root = span.root
    while conjuncts and root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return (root.dep_ in ("dobj", "nsubjpass") and root.head.pos_ == "VERB"
            and root.head.lemma_.lower() in evidence_words(role))


def _article_first(span: Span) -> bool:
    """ "Al-Dawr", "el-Arish": a name that opens with an Arabic article joined by a hyphen, as
    place names do and a person's full name hardly ever ("Al Gore" has no hyphen)."""
    return len(span) > 2 and hyphened_article(span[0]) and not span[1].whitespace_


def hyphened_article(token: Token) -> bool:
    """An Arabic article joined by a hyphen to the word after it: "Al" of "Al-Dawr"."""
    doc = token.doc
    return (token.lower_ in ARABIC_ARTICLES and token.i + 1 < len(doc) and doc[token.i + 1].text == "-"
            and not token.whitespace_)


def _typed(span: Span) -> bool:
    """A place noun or a direction says so: "the town of X", "X village", "eastern X"."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 0 and doc[i].lower_ in _directions() and doc[i].is_lower:
        return True
    if i > 0 and doc[i].lower_ == "of" and (doc[i - 1].lower_ in _place_nouns() | OF_NOUNS
                                            or doc[i - 1].lemma_.lower() in _place_nouns()):
        return True
    if i >= 0 and (_noun_before(doc[i]) or _named_as_place(doc, i)):
        return True  # "the capital city Varda Gol", "a town called Tarvel"
    return placeword_after(span)


def _noun_before(token: Token) -> bool:
    """A lowercase place noun right before a name: "the town Boni", "the Chechen capital Grozny"."""
    return token.lower_ in _place_nouns() and token.is_lower and token.pos_ == "NOUN"


def _named_as_place(doc: Doc, i: int) -> bool:
    """Whether token ``i`` ends "a place called", "a village named", "an area known as": the
    name after it is that place's."""
    if doc[i].lower_ == "as" and i > 0 and doc[i - 1].lower_ == "known":
        i -= 1
    elif doc[i].lower_ not in NAMING_WORDS:
        return False
    noun = doc[i - 1] if i > 0 else None
    if noun is not None and noun.text == ",":
        return False
    return noun is not None and noun.is_lower and (
        noun.lemma_.lower() in _place_nouns() | {"place", "spot", "site"} or noun.lower_ in _place_nouns())


def _said_place(span: Span, label: str) -> bool:
    doc = span.doc
    if span.end < len(doc) and (doc[span.end].tag_ == "POS" or doc[span.end].text in ("'s", "’s", "’")):
        return _owns_part(span)  # "in Smith's view", "into Bell's back"; but "Korsek's outskirts"
    if _subdivision_after(span):
        return True
    root = span.root
    if root.dep_ in ("compound", "amod") and root.head.pos_ == "NOUN" and root.head.i > root.i and (
            not _is_place_head(root.head)):
        return placeword_after(span)  # "in a Red Cross van": the preposition places the vehicle
    first = span.start
    while first > 0 and doc[first - 1].is_space:  # "in  Zarnovek": wire copy's double spaces
        first -= 1
    if first > 0 and doc[first - 1].text in AYN_MARKS and not doc[first - 1].whitespace_:
        first -= 1  # "in ‘Ayn Korva": an opening quote written for an ayn
    first = _over_hyphened_modifier(span, first)
    i = first - 1
    directions = _directions()
    while i >= 0 and first - i <= 3 and (doc[i].lower_ == "the" or doc[i].lower_ in directions):
        if doc[i].lower_ in directions and doc[i].is_lower:
            return True  # "east Jerusalem", "in the southern Aleppo"
        i -= 1
    if i < 0:
        return placeword_after(span) or _qualified(span, label)
    prev = doc[i]
    if _locative(prev, span) and (prev.is_lower or prev.is_sent_start) and not _inside_name(prev) and (
            i == first - 1 or (label != "NORP" and _heads_place_noun(span))):
        return True  # "in Kisumu", "Around Vardenik, ..."; not "in the Navy", "in the Bible"; but
        # "in the Korsek sector"
    if prev.lower_ == "of" and i > 0:
        noun = doc[i - 1]
        if noun.lower_ in _place_nouns() | OF_NOUNS | cues("direction") or noun.lemma_.lower() in _place_nouns():
            return True
    if prev.text == "," and i > 0 and doc[i - 1].lower_ in _place_nouns():
        return True  # "the capital, Grozny"
    if _noun_before(prev) or _named_as_place(doc, i):
        return True  # "the Chechen capital Grozny", "the town Boni", "a place called Tarvel"
    return placeword_after(span) or _qualified(span, label)


def _subdivision_after(span: Span) -> bool:
    """ "the Tavul state government", "in Korvia's Belgaz province": a lowercase subdivision noun
    after the name makes it a state's or province's."""
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if span[-1].lower_.endswith("ern"):
        return False  # "a Midwestern state"
    return nxt is not None and nxt.is_lower and nxt.lower_ in cues("subdivision") & cues("part")


def _locative(prep: Token, span: Span) -> bool:
    """Whether a preposition before a name places it: "in", "near", "around" (``nameprep``), "to"
    after a verb of going (``motion``: "marched to Kisumu"), or any other locative one ("at",
    "from", "between") before a name that opens with a common first word of Arabic place names
    ("at Tal Korsek", "between Deir Tavul and the river"), or, but for "between" and "from", with
    a hyphened article ("at Al-Korvash"; not "rivalry between al-Korvash and another group")."""
    if prep.lower_ in evidence_words("nameprep"):
        return True  # "in Kisumu"
    if prep.lower_ == "to" and _motion(prep.head):
        return span[-1].text not in cues("blocker")  # "marched to Kisumu"; not "drove to Korvesh Hospital"
    if prep.lower_ not in cues("locative") - {"to"}:
        return False
    return span[0].text in evidence_words("prefix") or (
        prep.lower_ not in ("between", "from") and _article_first(span))


def _motion(head: Token) -> bool:
    """A verb of going somewhere ("marched to"), or any verb with "back" ("were driven back to"),
    whose "to" gives a place."""
    if head.lower_ == "back":
        return head.head.pos_ == "VERB"
    return head.pos_ == "VERB" and head.lemma_.lower() in evidence_words("motion")


def _heads_place_noun(span: Span) -> bool:
    """A name that modifies a lowercase place noun after it: "the Korsek sector", "the Tavul
    district"."""
    head = span.root.head
    return span.root.dep_ in ("compound", "amod") and head.i == span.end and head.is_lower and _is_place_head(head)


def _owns_part(span: Span) -> bool:
    """ "Korsek's outskirts", "Tavuli's eastern perimeter": the possessor of a part of a place
    is a place (not "Smith's view")."""
    root = span.root
    head = root.head
    words = evidence_words("partof") | cues("part") | cues("terrain")  # not "Korvia's capital": another place
    return root.dep_ == "poss" and head.pos_ == "NOUN" and head.is_lower and (
        head.lower_ in words or head.lemma_.lower() in words)


def _over_hyphened_modifier(span: Span, first: int) -> int:
    """Where a hyphened modifier of the name starts ("in rebel-held Tavuli", "war-torn"): the
    preposition before it still places the name."""
    doc = span.doc
    i = first - 1
    if i >= 2 and doc[i].is_lower and doc[i].is_alpha and doc[i - 1].text == "-" and doc[i - 2].is_alpha and (
            not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_) and span.start <= doc[i].head.i < span.end:
        return i - 2
    return first


def _inside_name(prep: Token) -> bool:
    """Whether a preposition is a word of a longer name ("Hope in Harlow"): a capitalised
    noun before it, not a date or an adverb ("in June in Kisumu", "Separately in Tavuli")."""
    if prep.i == 0:
        return False
    before = prep.nbor(-1)
    return (before.text[:1].isupper() and before.is_alpha and before.pos_ in ("PROPN", "NOUN")
            and before.ent_type_ not in ("DATE", "TIME"))


def _qualified(span: Span, label: str) -> bool:
    """ "Grozny, Chechnya": a country or state after a comma, not the start of a longer name
    ("Chief Executive, Ghana Heart Foundation", "Aeroflot, Delta Air Lines")."""
    doc = span.doc
    if label == "PERSON" or qualifier(span) is None:
        return False
    after = doc[span.end + 1]
    named = _entity_span(after)
    if (named.root if named is not None else after).dep_ in ("nsubj", "nsubjpass"):
        return False  # "quoted by Reuters, Saudi Arabia is prepared to": a new clause's subject
    return after.ent_type_ in PLACE_LABELS or not after.ent_type_


def _is_place_head(token: Token) -> bool:
    words = _place_nouns() | cues("facility") | cues("terrain") | cues("part")
    return token.lower_ in words or token.lemma_.lower() in words


def _listed_with_place(span: Span, label: str) -> bool:
    """ "the towns of Kafr Dalil and Tal Sarin": a later item of a list whose first item is a place."""
    token = span.root
    for _ in range(6):
        if token.dep_ != "conj" or token.head.i >= token.i:
            break
        token = token.head
    if token.i == span.root.i:
        return False
    first = _entity_span(token)
    if first is None or not (first.label_ in PLACE_LABELS or (
            first.label_ in MISLABELS and is_name_like(first, first.label_))):
        return False
    return _typed(first) or _said_place(first, first.label_)


def enclosing_entities(span: Span) -> list[Span]:
    """The parse's named entities that contain ``span`` (at most one, entities do not overlap)."""
    return [ent for ent in entities(span.doc) if ent.start <= span.start and span.end <= ent.end]


def _entity_span(token: Token) -> Span | None:
    return next(iter(enclosing_entities(token.doc[token.i : token.i + 1])), None)


def territorial(span: Span, label: str) -> bool:
    """ "captured Badme", "patrolled Katmandu": the object of a verb of taking or holding ground
    (not a person's name: "captured Kennedy")."""
    return label != "PERSON" and _object_of(span, "territory")


def in_outlet_name(span: Span) -> bool:
    """Whether a place name is part of a news outlet's name: "The Washington Post", "the New York Times"."""
    for ent in enclosing_entities(span):
        if ent.label_ in ("ORG", "WORK_OF_ART") and ent.end > span.end and ent[-1].text in outlet_words():
            return True
    return False


def embedded_demonym(span: Span, continent: str | None = None) -> bool:
    """A demonym inside an organisation's name ("the European Union", "the Syrian Observatory").

    ``continent`` is the name of a continent the span was looked up as ("Europe" for "European").
    """
    adjective = continent is not None and continent.lower() != span.text.lower()
    if not adjective and (demonym_country(span.text) is None or country_by_name(span.text) is not None):
        return False
    return any(ent.label_ == "ORG" and len(ent) > len(span) for ent in enclosing_entities(span))


def one_sense(doc: Doc, names: dict[str, tuple], covered: list[tuple[int, int]]) -> list[tuple[int, int, tuple]]:
    """Other mentions of names already found as places: (start_char, end_char, value) for each.

    ``names`` maps a place's surface text to a value to copy; a mention inside a longer
    person's or organisation's name, after a title or before an age is left out, and so is
    one that overlaps ``covered``.
    """
    found: list[tuple[int, int, tuple]] = []
    text = doc_text(doc)
    names = {name: value for name, value in names.items() if _established(doc, text, name)}
    if not names:
        return found
    by_first: dict[str, list[str]] = {}
    for name in names:
        by_first.setdefault(name.split()[0] if " " in name else name, []).append(name)
    for token in doc:
        for name in sorted(by_first.get(token.text, ()), key=len, reverse=True):
            span = doc.char_span(token.idx, token.idx + len(name))
            if span is None or span.text != name:
                continue
            if any(s < span.end_char and span.start_char < e for s, e in covered):
                break
            if not _free_mention(span):
                break
            found.append((span.start_char, span.end_char, names[name]))
            covered.append((span.start_char, span.end_char))
            break
    return found


def _established(doc: Doc, text: str, name: str) -> bool:
    """Whether some mention of ``name`` in ``text`` (the doc's text) is typed as a place by the
    words around it ("the town of Boni", "Boni village", "near Boni"): only such a name is
    spread to its other mentions."""
    start = 0
    while (start := text.find(name, start)) >= 0:
        span = doc.char_span(start, start + len(name))
        start += len(name)
        if span is None:
            continue
        i = span.start - 1
        while i >= 0 and doc[i].lower_ == "the":
            i -= 1
        prep = i >= 0 and i == span.start - 1 and doc[i].lower_ in evidence_words("nameprep") and doc[i].is_lower
        if _typed(span) or (prep and not (span.end < len(doc) and doc[span.end].tag_ == "POS")):
            return True
    return False


def _free_mention(span: Span) -> bool:
    doc = span.doc
    if span.root.dep_ == "nsubj" or (span.end < len(doc) and doc[span.end].tag_ == "POS"):
        return False  # "Robley said", "Bell's hands": a person acts, a place rarely does
    if span.start > 0 and (doc[span.start - 1].text[:1].isupper() and doc[span.start - 1].is_alpha
                           and doc[span.start - 1].text not in ("The",) and not doc[span.start - 1].is_sent_start):
        return False  # part of a longer name
    if span.end < len(doc) and doc[span.end].text[:1].isupper() and doc[span.end].is_alpha:
        return False
    ent = next(iter(enclosing_entities(span)), None)
    if ent is not None and len(ent) > len(span) and ent.label_ not in PLACE_LABELS:
        return False
    return is_name_like(span, ent.label_ if ent is not None else "")
