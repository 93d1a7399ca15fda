"""Places: toponyms found in the parse, resolved to the gazetteer, and where events happened.

Recognition reads the one spaCy parse: named entities (GPE, LOC, FAC, and PERSON or ORG
entities the small model mislabels, such as "Misrata" or "Benghazi"), place names inside
organisation names ("Toronto Police") and capitalised token runs the model missed, each
looked up in the gazetteer with plain dictionary lookups. Which of those candidates are
places, and which gazetteer entry each one denotes, is ``place_resolution``'s part.

- A multi-word PERSON entity is no place unless the text says so ("in Tal Afar"); a county
  inside one is ("McMinn County Sheriff"), as is a county before a type word ("Douglas
  County Road 4"). Names before "counties" are counties ("Kaufman, Rockwall and Hunt
  counties"), and neighbouring entities the model split out of one name are joined again
  ("Trinidad" and "Tobago").
- Demonyms used as modifiers ("Italian troops") are mentions of their country: GeoWebNews
  counts them as toponyms and actors need the country. "the Italians" is not a place, and
  ``locate_event`` never takes a demonym as an event's place.
- GPE/LOC/FAC entities the gazetteer lacks, and names after "the village of" or before
  "province", stay as ``place``/``facility`` without coordinates, so events can be located.
  A name may be spelt with apostrophes for an ayn or hamza ("the town of ‘Ibta", "Bza’a").
- A name the model tags as a person, organisation or nationality ("Kisumu", "Aleppo", "Khan
  Touman"), or not at all, is a place when the words around it say so ("in Kisumu", "eastern
  Aleppo", "captured Badme"; ``place_mentions``). A name found as a place by such words keeps
  that sense at its other mentions ("the town of Boni" ... "around Boni"), and a place inside
  a news outlet's name ("The Washington Post") is no mention.
- Mentions resolved to the same entry are grouped into one ``Place``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache

from spacy.tokens import Doc, Span, Token

from polybius.analysis import Analysis
from polybius.extract.event_location import locate_event
from polybius.extract.place_mentions import (
    AYN_MARKS,
    GROUND_LABELS,
    MISLABELS,
    capitalised,
    doc_text,
    entities,
    evidence_words,
    hyphened_article,
    in_outlet_name,
    is_name_like,
    named_place,
    one_sense,
    territorial,
)
from polybius.extract.place_resolution import (
    CALENDAR_NAMES,
    EMBEDDED,
    PLACE_LABELS,
    Candidate,
    Mention,
    cues,
    placeword_after,
    qualifier,
    resolve,
)
from polybius.ingest.datelines import dateline_end
from polybius.model import Place
from polybius.model import Span as TextSpan
from polybius.resolve.countries import countries, country_by_name, demonym_country
from polybius.resolve.gazetteer import Entry, Gazetteer, gazetteer, name_key

CANDIDATE_LABELS = PLACE_LABELS | {"PERSON", "ORG", "NORP", "EVENT"}
CONNECTORS = frozenset({"of", "al", "el", "de", "la", "du", "upon", "on"})
MAX_WINDOW = 7
EXTENSION_WORDS = 3  # capitalised words after an entity that may complete a place's name
TERRITORY_TOWN = 10000  # a town this size taken or held ("captured Badme") is a place by that verb
ALTERNATE_TOWN = 50000  # a mislabelled name matching only a town's alternate name: the town this size
SUFFIX_FEATURES = {"province": "admin1", "governorate": "admin1", "state": "admin1", "region": "admin1",
                   "district": "admin2", "local government area": "admin2", "lga": "admin2", "city": "city"}
# Type nouns after a list of names, and the word each name takes ("Ellis counties": "Ellis County").
LIST_TYPES = {"counties": "County", "parishes": "Parish", "county": "County", "parish": "Parish"}
REGIONAL = frozenset({"country", "admin1"})  # features a compass word makes a region of
HOME_MENTIONS = 2  # mentions of places in one country that make it the story's country, without a dateline
OFFICIAL = frozenset({"country", "admin1", "admin2", "continent"})  # features named as GeoNames names them
__all__ = ["extract_places", "locate_event"]


def extract_places(analysis: Analysis) -> list[Place]:
    """Every place mentioned in the document, resolved and grouped, ids "p1", "p2", ..."""
    gaz = gazetteer()
    doc = analysis.doc
    dateline = dateline_end(doc_text(doc))
    mentions = resolve(_in_dateline(list(_candidates(doc, gaz)), dateline), dateline)
    mentions += list(_unresolved(doc, mentions))
    mentions += list(_the_capital(doc, mentions, gaz, dateline))
    return _group(mentions + _same_names(doc, mentions))


def _the_capital(doc: Doc, mentions: list[Mention], gaz: Gazetteer, dateline: int) -> Iterator[Mention]:
    """ "Gunmen attacked a hotel in the capital": the capital of the country the story is
    about (the country of its dateline, else the one its places lie in most often). Only after
    a locative preposition, and not where a name says which capital ("the capital, Grozny",
    "the capital of Chad", "the Afghan capital")."""
    if "capital" not in doc_text(doc).lower():
        return
    entry = _home_capital(mentions, dateline, gaz)
    if entry is None:
        return
    covered = [(m.start, m.end) for m in mentions]
    for token in doc:
        if token.lower_ != "capital" or token.dep_ != "pobj" or token.head.lower_ not in cues("locative"):
            continue
        det = next((c for c in token.lefts if c.dep_ == "det"), None)
        named = any(c.dep_ in ("amod", "compound", "poss", "prep", "appos") for c in token.children) or (
            token.i + 2 < len(doc) and doc[token.i + 1].text == "," and doc[token.i + 2].pos_ == "PROPN")
        if det is None or det.lower_ != "the" or named:
            continue
        start, end = det.idx, token.idx + len(token.text)
        if not any(s < end and start < e for s, e in covered):
            yield Mention(start, end, entry, doc_text(doc)[start:end], entry.feature, entry.name)


def _home_capital(mentions: list[Mention], dateline: int, gaz: Gazetteer) -> Entry | None:
    """The capital city of the story's country: its dateline's, else the country most of its
    places (not its demonyms) lie in, named at least ``HOME_MENTIONS`` times (none on a tie)."""
    # a demonym ("the Lebanese group") names no home country
    named = [m for m in mentions if m.entry.country and not demonym_country(m.surface)]
    countries_named = Counter(m.entry.country for m in named)
    in_dateline = [m.entry.country for m in mentions if m.end <= dateline and m.entry.country]
    ranked = countries_named.most_common(2)
    if in_dateline:
        home: str | None = in_dateline[0]
    elif ranked and ranked[0][1] >= HOME_MENTIONS and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        home = ranked[0][0]
    else:
        return None
    country = countries().get(home or "")
    if country is None or not country.capital:
        return None
    return next((e for e in gaz.lookup(country.capital) if e.country == home and e.feature == "city"), None)


def _in_dateline(candidates: list[Candidate], end: int) -> list[Candidate]:
    """Names in a wire dateline ("WINNIPEG — ", "PLEASANTON, Calif.--") are where the story was
    filed: places, whatever the model tagged them."""
    return [Candidate(c.span, "GPE", c.entries) if c.span.end_char <= end and c.label not in PLACE_LABELS
            and _whole_name(c.span) else c for c in candidates]


def _whole_name(span: Span) -> bool:
    """Whether no capitalised word runs on either side of the name: "MURRAY" of "CAMP MURRAY"
    is a part of a name, not one."""
    doc = span.doc
    around = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return not any(t.is_alpha and t.text[:1].isupper() for t in around)


def _same_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """One sense per document: the other mentions of a name found as a place ("the town of
    Boni" ... "around Boni"), where the model tagged them otherwise or not at all."""
    names: dict[str, tuple] = {}
    for m in mentions:
        if m.surface == m.name and m.surface[:1].isupper() and m.feature not in ("region", "border"):
            names.setdefault(m.surface, (m.entry, m.feature, m.name))
    covered = [(m.start, m.end) for m in mentions]
    text = doc_text(doc)
    return [Mention(start, end, entry, text[start:end], feature, name)
            for start, end, (entry, feature, name) in one_sense(doc, names, covered)]


def _has_placeword(span: Span) -> bool:
    """ "the village of X" or "X province": a name the gazetteer lacks that is a place."""
    doc, words = span.doc, cues("placeword")
    before = doc[span.start - 2: span.start] if span.start >= 2 else None
    after = doc[span.end] if span.end < len(doc) else None
    of_phrase = before is not None and before[1].lower_ == "of" and before[0].lower_ in words
    named = len(span) > 1 and span[-1].text[:1].isupper() and span[-1].lower_ in words
    return of_phrase or named or (after is not None and after.lower_ in words) or placeword_after(span)


def _unresolved(doc: Doc, mentions: list[Mention]) -> Iterator[Mention]:
    """GPE, LOC and FAC entities the gazetteer lacks: places without coordinates, unless the
    same name is resolved elsewhere in the text, whose place it then denotes (one sense per
    document: "LAKE ORVEN" in a headline, "the Carson City Council" beside "in Carson City")."""
    for mention in _unresolved_names(doc, mentions):
        known = _resolved_sense(mentions, mention.surface)
        yield mention if known is None else Mention(
            mention.start, mention.end, known.entry, mention.surface, known.feature, known.name)


def _resolved_sense(mentions: list[Mention], surface: str) -> Mention | None:
    """The one place that the resolved mentions of ``surface`` (case and accents aside) denote
    in the text, if they denote a single one; a name that ends in its place's type word is
    the name without it ("the Peoria City Council" beside "in Peoria")."""
    words = surface.split()
    features: dict[str, str | None] = {name_key(surface): None}  # name -> the feature it needs
    if len(words) > 1 and words[-1].lower() in SUFFIX_FEATURES:
        features[name_key(" ".join(words[:-1]))] = SUFFIX_FEATURES[words[-1].lower()]
    senses = {m.entry: m for m in mentions if m.entry.lat is not None and name_key(m.surface) in features
              and features[name_key(m.surface)] in (None, m.entry.feature)}
    return next(iter(senses.values())) if len(senses) == 1 else None


def _unresolved_names(doc: Doc, mentions: list[Mention]) -> Iterator[Mention]:
    """GPE, LOC and FAC entities the gazetteer lacks, and names the words around them type as
    places: places without coordinates."""
    covered = [(m.start, m.end) for m in mentions]
    for ent in entities(doc):
        trimmed = _trim(ent)
        mislabelled = trimmed is not None and ent.label_ in MISLABELS | GROUND_LABELS and (
            (ent.label_ in ("PERSON", "ORG", "NORP") and _has_placeword(ent) and is_name_like(trimmed, ent.label_))
            or named_place(trimmed, ent.label_, known=False))
        site = trimmed is not None and ent.label_ in MISLABELS and _named_site(trimmed)
        span = trimmed if ent.label_ in PLACE_LABELS or mislabelled or site else None
        if span is None or not capitalised(span.text) or name_key(span.text) in CALENDAR_NAMES:
            continue
        if any(s < span.end_char and span.start_char < e for s, e in covered):
            continue
        feature = "facility" if ent.label_ == "FAC" or site else "place"
        named = qualifier(span)
        country = named if named and len(named) == 3 else None
        entry = Entry(span.text, feature, None, None, country)
        covered.append((span.start_char, span.end_char))
        yield Mention(span.start_char, span.end_char, entry, span.text, feature, span.text)
    for span in [*_typed_names(doc), *_untagged_places(doc)]:
        if not any(s < span.end_char and span.start_char < e for s, e in covered):
            covered.append((span.start_char, span.end_char))
            yield Mention(span.start_char, span.end_char, Entry(span.text, "place", None, None, None),
                          span.text, "place", span.text)


def _named_site(span: Span) -> bool:
    """ "near the Kalvar Military Airport", "captured Tarsi Hill": a name the model tags as an
    organisation or a person that a capitalised site or landform word ends is a site, where it
    is the object of a verb or of a locative preposition (not "the Kalvar Airport said", "a
    director of the Kalvar Airport"); so is a town's landmark ("the Kalvar Mosque", "Tarsi
    Square", role ``landmark``). Buildings ("Hospital", "University", "School") are left out:
    in local news they are mostly institutions, not places."""
    last = span[-1]
    if len(span) < 2 or not last.is_title or last.lower_ not in cues("site") | cues("landform") | evidence_words(
            "landmark"):
        return False
    if not all(capitalised(t.text) or t.text == "-" or t.lower_ in CONNECTORS for t in span[:-1]):
        return False
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj":
        return root.head.lower_ in cues("locative") | {"on"}
    return root.dep_ in ("dobj", "nsubjpass")


def _untagged_places(doc: Doc) -> Iterator[Span]:
    """Proper names the model did not tag that the words around them say are places ("in Darayya")."""
    for run in _capitalised_runs(doc, {i for ent in entities(doc) for i in range(ent.start, ent.end)}):
        if _alone(run) and named_place(run, ""):
            yield run


@cache
def _type_words() -> frozenset[str]:
    """Words that type a name rather than being one ("village", "Street", "Airport")."""
    return cues("placeword") | cues("blocker") | cues("suffix") | cues("facility")


def _alone(run: Span) -> bool:
    """A proper name on its own: not next to another name ("Darby Street"), no type word itself."""
    doc = run.doc
    words = _type_words()
    if any(t.pos_ != "PROPN" or t.lower_ in words or t.text in words for t in run):
        return False
    before = doc[run.start - 1] if run.start > 0 else None
    after = doc[run.end] if run.end < len(doc) else None
    return not any(t is not None and t.text[:1].isupper() and t.is_alpha for t in (before, after))


def _typed_names(doc: Doc) -> Iterator[Span]:
    """Names the model did not tag that a place noun types: "Katarko village", "the village of
    Jourin", "the Bustan Al-Basha District". Demonyms and compass words alone are no names."""
    words = cues("placeword")
    for token in doc:
        if token.lower_ not in words:
            continue
        if token.text[:1].isupper():
            start = _name_start(doc, token.i)
            if start < token.i:
                yield doc[start:token.i + 1]
            continue
        start = _name_start(doc, token.i)
        if start < token.i:
            yield doc[start:token.i]
        elif token.i >= 3 and doc[token.i - 1].dep_ == "det" and doc[token.i - 2].text == ",":
            start = _name_start(doc, token.i - 2)  # "In Tarvel, the village where ..."
            if start < token.i - 2:
                yield doc[start:token.i - 2]
        elif token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":
            first = _name_after_of(doc, token.i + 2)
            end = first
            while end < len(doc) and end < first + 4 and _name_part(doc[end]):
                end += 1
            if end > first and _is_name_token(doc[end - 1]):
                yield doc[first:end]


def _name_after_of(doc: Doc, i: int) -> int:
    """Where a name after "of" starts: over stray spaces ("the town of  Zarnovek") and an
    opening quote written for an ayn ("the town of ‘Ibta")."""
    while i < len(doc) - 1 and doc[i].is_space:
        i += 1
    if i < len(doc) - 1 and doc[i].text in AYN_MARKS and not doc[i].whitespace_:
        i += 1
    return i


def _name_part(token: Token) -> bool:
    """A word of a name, or a connector inside one ("Stratford upon Avon"; not "Duluzia on
    Monday")."""
    return _is_name_token(token) or (token.lower_ in CONNECTORS and token.i + 1 < len(token.doc)
                                     and _is_name_token(token.nbor(1))
                                     and token.nbor(1).ent_type_ not in ("DATE", "TIME"))


def _name_start(doc: Doc, i: int) -> int:
    """The first token of the capitalised name right before token ``i`` (``i`` when none)."""
    start = i
    while start > 0 and i - start < 5 and _name_part(doc[start - 1]) and not (
            doc[start - 1].is_sent_start and start - 1 < i - 1 and doc[start - 1].pos_ != "PROPN"):
        start -= 1
    while start < i and not hyphened_article(doc[start]) and (
            doc[start].lower_ in CONNECTORS or demonym_country(doc[start].text)
            or doc[start].lower_ in cues("direction")):
        start += 1
    return start


def _candidates(doc: Doc, gaz: Gazetteer) -> Iterator[Candidate]:
    typed = list(_typed_lists(doc, gaz))
    yield from typed
    listed = {i for cand in typed for i in range(cand.span.start, cand.span.end)}
    taken: set[int] = set(listed)
    for ent in _joined(doc, gaz):
        if ent.label_ in CANDIDATE_LABELS or ent.label_ in MISLABELS:
            found = list(_match_mislabelled(ent, gaz))
            if ent.label_ not in CANDIDATE_LABELS and not found:
                continue
            taken.update(range(ent.start, ent.end))
            found = found or list(_match_ent(ent, gaz))
            yield from (c for c in found if not listed & set(range(c.span.start, c.span.end)))
    for run in _capitalised_runs(doc, taken):
        if any(t.text in evidence_words("notplace") for t in run):
            continue  # "a believer in God"
        entries = _likely(doc, _lookup(run, gaz)) if named_place(run, "") else []
        if entries:
            yield Candidate(run, "GPE", entries)
        else:
            yield from (_placed_window(doc, cand, run) for cand in _match_windows(run, None, gaz))


def _placed_window(doc: Doc, cand: Candidate, run: Span) -> Candidate:
    """A name that opens a longer capitalised run ("the village of Kestel on Saturday") is a
    place when the words before it say so, as the run alone would be."""
    if cand.label is not None or cand.span.start != run.start or cand.span.end == run.end:
        return cand
    entries = _likely(doc, cand.entries) if named_place(cand.span, "") else []
    return Candidate(cand.span, "GPE", entries) if entries else cand


def _match_mislabelled(ent: Span, gaz: Gazetteer) -> Iterator[Candidate]:
    """A name the model tagged as a person, organisation or nationality that the words around
    it say is a place ("in Kisumu", "eastern Aleppo"), or that a verb of taking ground takes
    ("captured Badme"): looked up whole, as a place."""
    span = _trim(ent)
    if span is None or ent.label_ not in MISLABELS | GROUND_LABELS:
        return
    if named_place(span, ent.label_):
        entries = _lookup(span, gaz)
    elif ent.label_ in MISLABELS and territorial(span, ent.label_) and is_name_like(span, ent.label_):
        entries = [e for e in _lookup(span, gaz) if e.exact and (
            e.population >= TERRITORY_TOWN or e.feature in ("admin1", "admin2"))]
    else:
        return
    entries = _likely(ent.doc, entries)
    if entries:
        yield Candidate(span, "GPE", entries)


def _likely(doc: Doc, entries: list[Entry]) -> list[Entry]:
    """The entries a name the words around call a place may denote: its own name's, or a
    sizeable town's alternate name in a country the document names ("Boni" in a story about
    Mali is not Bonn, "Katmandu" is Kathmandu)."""
    countries = _document_countries(doc)
    return [e for e in entries if e.exact or (
        e.population >= ALTERNATE_TOWN and (not countries or e.country in countries))]


def _document_countries(doc: Doc) -> set[str]:
    """The countries the document names ("Mali", "Malian"), for alternate names of towns
    (found once per document and kept in ``doc.user_data``)."""
    cached = doc.user_data.get("polybius.countries")
    if cached is None:
        codes = (country_by_name(ent.text) if ent.label_ == "GPE" else
                 demonym_country(ent.text) if ent.label_ == "NORP" else None for ent in entities(doc))
        cached = doc.user_data["polybius.countries"] = {code for code in codes if code}
    return cached


def _joined(doc: Doc, gaz: Gazetteer) -> Iterator[Span]:
    """The entities, with neighbours that the model split out of one name joined again:
    "Baja" + "California", "Trinidad" and "Tobago", "Boa" + "Vista", "ST" + "." + "LOUIS" (when
    the joined name is a place's own name)."""
    ents = list(entities(doc))
    i = 0
    while i < len(ents):
        ent = ents[i]
        if i + 1 < len(ents) and ent.label_ in CANDIDATE_LABELS and ents[i + 1].label_ in CANDIDATE_LABELS:
            nxt = ents[i + 1]
            gap = doc[ent.end:nxt.start]
            abbreviated = len(gap) == 1 and gap[0].text == "." and not doc[ent.end - 1].whitespace_
            if len(gap) == 0 or abbreviated or (len(gap) == 1 and gap[0].lower_ in ("and", "&")):
                whole = doc[ent.start:nxt.end]
                if any(e.exact for e in gaz.lookup(whole.text)):
                    label = ent.label_ if ent.label_ in PLACE_LABELS else nxt.label_
                    yield Span(doc, whole.start, whole.end, label=label if label in PLACE_LABELS else "GPE")
                    i += 2
                    continue
        yield _extended(_hyphen_joined(ent, gaz), gaz)
        i += 1


def _extended(ent: Span, gaz: Gazetteer) -> Span:
    """An entity the model ended before the rest of a place's name ("U.S." of "U.S. Virgin
    Islands"): the longest run of capitalised words after it that makes a place's own name."""
    doc, end = ent.doc, ent.end
    if not ent[-1].text[:1].isupper():  # "the City of" + "Richmond": no name to complete
        return ent
    while end < min(len(doc), ent.end + EXTENSION_WORDS) and doc[end].is_alpha and doc[end].is_title and (
            not doc[end].ent_type_):
        end += 1
    for stop in range(end, ent.end, -1):
        if any(e.exact for e in gaz.lookup(doc[ent.start:stop].text)):
            label = ent.label_ if ent.label_ in PLACE_LABELS else "GPE"
            return Span(doc, ent.start, stop, label=label)
    return ent


def _hyphen_joined(ent: Span, gaz: Gazetteer) -> Span:
    """An entity the model cut at a hyphen inside a place's name ("Gilgit" of "Gilgit-Baltistan"):
    the whole name, when the gazetteer has it as an own name."""
    doc, end = ent.doc, ent.end
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and (
            not doc[end].whitespace_ and doc[end + 1].text[:1].isupper()):
        end += 2
    if end == ent.end or not any(e.exact for e in gaz.lookup(doc[ent.start:end].text)):
        return ent
    label = ent.label_ if ent.label_ in PLACE_LABELS else "GPE"
    return Span(doc, ent.start, end, label=label)


def _typed_lists(doc: Doc, gaz: Gazetteer) -> Iterator[Candidate]:
    """Names that a type noun after them makes counties: "Kaufman, Rockwall and Hunt counties",
    "the Otter Tail/Grant county line". Each is looked up with the type ("Kaufman County")."""
    for token in doc:
        kind = LIST_TYPES.get(token.lower_)
        if kind is None or token.i == 0 or (token.text[:1].isupper() and token.lower_ == kind.lower()):
            continue
        found = list(_list_items(doc, token.i, kind, gaz))
        if len(found) > 1 or token.lower_ == kind.lower():  # "the metro Athens counties" is no list
            yield from found


def _list_items(doc: Doc, end: int, kind: str, gaz: Gazetteer) -> Iterator[Candidate]:
    """The names of a list that ends before token ``end``, right to left, as ``kind``s."""
    while end > 0:
        start = end
        while start > 0 and _is_name_token(doc[start - 1]) and end - start < 4:
            start -= 1
        if start == end:
            return
        entries = [e for e in gaz.lookup(f"{doc[start:end].text} {kind}") if e.feature == "admin2"]
        if entries:
            yield Candidate(doc[start:end], "GPE", entries)
        if start < 2 or doc[start - 1].text not in (",", "and", "or", "/", "&"):
            return
        end = start - 2 if doc[start - 1].text == "," and doc[start - 2].lower_ in ("and", "or") else start - 1
        if end > 1 and doc[end - 1].text == ",":
            end -= 1


def _match_ent(ent: Span, gaz: Gazetteer) -> Iterator[Candidate]:
    span = _trim(ent)
    if span is None:
        return
    office = _office_of(span)
    entries = _lookup(office, gaz) if office is not None else []
    if office is not None and entries:  # "Laguna Mayor": the mayor's town or province is a place
        yield Candidate(office, "GPE", entries)
        return
    doc = ent.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    typed = nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in cues("placeword")
    if nxt is not None and (nxt.text in cues("blocker") or typed):  # "Rapides" + "Parish"
        entries = _lookup(doc[span.start:span.end + 1], gaz)
        if entries:  # "Aleppo" (NORP) + "Governorate" is a place by its type noun
            label = ent.label_ if ent.label_ in PLACE_LABELS else ("GPE" if typed else None)
            yield Candidate(doc[span.start:span.end + 1], label, entries)
            return
    if ent.label_ == "EVENT":  # "the Muscat International Film Festival": where it is held
        yield from (Candidate(c.span, EMBEDDED, c.entries) for c in _match_windows(span, EMBEDDED, gaz))
        return
    if ent.label_ in ("PERSON", "ORG", "NORP"):
        entries = _lookup(span, gaz)
        if entries:
            yield Candidate(span, ent.label_, entries)
        elif ent.label_ == "NORP" and len(span) > 1:
            yield from _demonyms_in(span, gaz)
        elif ent.label_ in ("ORG", "PERSON"):  # "Toronto Police", "McMinn County Sheriff"
            for cand in _match_windows(span, EMBEDDED, gaz):
                if in_outlet_name(cand.span):
                    continue  # "The Washington Post", "The New York Times"
                if ent.label_ == "ORG" or cand.span[-1].text in cues("blocker"):
                    yield Candidate(cand.span, EMBEDDED, cand.entries)
        return
    yield from _match_windows(span, ent.label_, gaz)


def _office_of(span: Span) -> Span | None:
    """The name whose office ends an entity ("Laguna Mayor", "Ohio Governor"): the words
    before a capitalised office noun, when they are capitalised themselves."""
    last = span[-1]
    if len(span) < 2 or not last.text.istitle() or last.lower_ not in cues("person"):
        return None
    place = span[:-1]
    return place if all(t.text[:1].isupper() for t in place) else None


def _demonyms_in(span: Span, gaz: Gazetteer) -> Iterator[Candidate]:
    """The demonyms of a nationality made of several ("Bosnian Serb", "Russian-Chinese"): each
    names its country, and so does one after a lowercase prefix ("anti-Russian", "pro-Serbian").
    Every word must be one: "Central American" and "Latin American" are no Americans."""
    words = [t for t in span if t.is_alpha and not _hyphened_prefix(t)]
    if not all(t.text[:1].isupper() and demonym_country(t.text) for t in words):
        return
    for token in words:
        word = span.doc[token.i:token.i + 1]
        entries = _lookup(word, gaz)
        if entries:
            yield Candidate(word, "NORP", entries)


def _trim(span: Span) -> Span | None:
    """Drop a leading determiner and a trailing possessive."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end] if end > start else None


def _match_windows(span: Span, label: str | None, gaz: Gazetteer) -> Iterator[Candidate]:
    """Longest gazetteer matches inside ``span``, left to right."""
    i = span.start
    while i < span.end:
        for j in range(min(span.end, i + MAX_WINDOW), i, -1):
            window = span.doc[i:j]
            if not window[0].text[:1].isupper() or _is_trailing_junk(window[-1]) or _bare_article(window):
                continue
            blocked = j < len(span.doc) and span.doc[j].text in cues("blocker")
            if blocked and window[-1].text not in cues("blocker"):
                continue  # "Washington Street", but "Douglas County Road 4" is in the county
            entries = _lookup(window, gaz)
            if blocked:
                entries = [e for e in entries if e.feature == "admin2" and e.exact]
            if entries:
                rest = span.doc[j:span.end]
                whole = all(_is_trailing_junk(t) for t in rest)
                if i > span.start and whole and all(t.lower_ in cues("direction") for t in span.doc[span.start:i]):
                    regional = [e for e in entries if e.feature in REGIONAL]  # "North Texas"
                    lower = all(t.is_lower for t in span.doc[span.start:i])  # "east Jerusalem", not "West Wing"
                    kept = label if regional or (label == "GPE" and lower and not blocked) else None
                    yield Candidate(window, kept, regional or entries)
                else:
                    yield Candidate(window, label if whole and i == span.start else None, entries)
                i = j
                break
        else:
            i += 1


def _hyphened_prefix(token: Token) -> bool:
    """A lowercase prefix joined by a hyphen to the word after it: "anti" of "anti-Russian"."""
    doc = token.doc
    return token.is_lower and token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and not (
        token.whitespace_ or doc[token.i + 1].whitespace_)


def _is_adjectival(span: Span) -> bool:
    """A demonym used as a modifier ("Italian troops", "the Russian-backed offensive"), not a
    people ("the Italians")."""
    last = span[-1]
    doc = span.doc
    hyphened = span.end + 1 < len(doc) and doc[span.end].text == "-" and not doc[span.end].whitespace_ and (
        doc[span.end + 1].is_alpha)
    return last.tag_ not in ("NNS", "NNPS") and (hyphened or last.pos_ == "ADJ" or last.dep_ in (
        "amod", "compound", "nmod"))


def _bare_article(window: Span) -> bool:
    """An Arabic article hyphened to the rest of a name ("Al" of "Al-Foo District"): part of a
    name, never one of its own ("Al" is also a Norwegian town)."""
    return len(window) == 1 and hyphened_article(window[0])


def _is_trailing_junk(token: Token) -> bool:
    return token.is_punct or token.is_space or token.tag_ == "POS"


def _lookup(span: Span, gaz: Gazetteer) -> list[Entry]:
    text = span.text  # joined once: ``Span.text`` joins the tokens on every access
    demonym = demonym_country(text)
    if demonym and country_by_name(text) is None:
        if not _is_adjectival(span):
            return []
        country = gaz.country(demonym)
        return [country] if country else []
    entries = gaz.lookup(text)
    if not entries:
        lowered = text.lower()
        for suffix in cues("suffix"):
            if lowered.endswith(" " + suffix):
                found = gaz.lookup(text[: -len(suffix) - 1])
                kind = SUFFIX_FEATURES.get(suffix)  # "Oaxaca State" is the state, not the city
                typed = [e for e in found if e.feature == kind]
                return typed or found
    return entries


def _capitalised_runs(doc: Doc, taken: set[int]) -> Iterator[Span]:
    start = None
    for token in doc:
        inside = start is not None and token.lower_ in CONNECTORS and _next_is_title(token)
        if token.i not in taken and (_is_name_token(token) or inside):
            start = token.i if start is None else start
            continue
        if start is not None:
            yield doc[start:token.i]
            start = None
    if start is not None:
        yield doc[start:]


def _next_is_title(token: Token) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and _is_name_token(nxt)


def _is_name_token(token: Token) -> bool:
    if token.text == "-" and 0 < token.i < len(token.doc) - 1:
        before, after = token.doc[token.i - 1], token.doc[token.i + 1]
        return not token.whitespace_ and before.text[:1].isupper() and after.text[:1].isupper()
    return token.text[:1].isupper() and _spelt_as_name(token.text) and token.pos_ in ("PROPN", "NOUN", "ADJ")


def _spelt_as_name(text: str) -> bool:
    """Letters only, or letters around apostrophes that transliterate an ayn or hamza
    ("Bza’a", "Ma’ardes")."""
    letters = text.rstrip("’'")
    for mark in AYN_MARKS:
        letters = letters.replace(mark, "")
    return letters.isalpha()


def _group(mentions: list[Mention]) -> list[Place]:
    places: dict[tuple, Place] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        key = _identity(mention)
        place = places.get(key)
        if place is None:
            place = _new_place(f"p{len(places) + 1}", mention)
            places[key] = place
        place.mentions.append(TextSpan(mention.start, mention.end, mention.surface))
    return list(places.values())


def _identity(mention: Mention) -> tuple:
    entry = mention.entry
    if mention.feature in ("region", "border"):
        return (mention.feature, mention.name.lower(), entry.country)
    return (entry.geonameid, entry.name, entry.feature, entry.country)


def _new_place(place_id: str, mention: Mention) -> Place:
    entry = mention.entry
    point = mention.feature != "border"
    own_name = mention.feature == entry.feature
    return Place(
        id=place_id,
        name=entry.name if own_name and entry.feature in OFFICIAL else _written_name(mention),
        feature=mention.feature,
        geonameid=entry.geonameid,
        lat=entry.lat if point else None,
        lon=entry.lon if point else None,
        country=entry.country,
    )


def _written_name(mention: Mention) -> str:
    """The name as written, but in the gazetteer's capitals where a dateline or headline
    shouts it ("BAMAKO" -> "Bamako")."""
    name = mention.name
    if not name.isupper() or len(name) < 4:
        return name  # "USA", "DRC" are written in capitals
    known = mention.entry.name
    return known if known and known.lower() == name.lower() else name.title()

