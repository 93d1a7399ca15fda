"""Where an event happened: the place a locative phrase in its clause or sentence names.

``locate_event`` reads the places ``polybius.extract.places`` found, and how each name sits
in its sentence (``polybius.extract.place_phrases``); a wire dateline ("BAMAKO, Mali (AP)
\u2014") is where the story was filed, so its places are never taken.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from polybius.analysis import Analysis
from polybius.extract.attribution_sources import speaker_like
from polybius.extract.event_trigger_lexicon import is_carrier, lexicon
from polybius.extract.place_phrases import (
    PARTITIVES,
    PREP_TIER,
    SPECIFICITY,
    adverbial_prep,
    aged,
    anchored,
    cue_words,
    dated,
    described,
    direction_of,
    facility_words,
    far,
    governing_nominal,
    inside_name,
    is_demonym_text,
    is_place_noun,
    part_or_whole,
    person,
    place_hosts,
    qualified_name,
    sited_subject,
)
from polybius.extract.scope import clause_head, clause_tokens, scopes, token_at
from polybius.ingest.datelines import dateline_end
from polybius.model import Place
from polybius.model import Span as TextSpan
from polybius.resolve.actors import find_title

# Features that, as a modifier, name whose thing it is rather than where ("a U.S. airstrike",
# "Syria's civil war"); a town as a modifier still places it ("a Mogadishu hotel").
ACTOR_FEATURES = frozenset({"country", "continent"})
# Features too coarse to place an event from another clause of its sentence: a country named there
# is mostly that clause's setting ("Democrats said Bush is doing too little in Iraq, where violence
# is rising"), not where this event happened.
COARSE_FEATURES = frozenset({"country", "continent"})
# Bare arguments that can be the place of the event ("captured Jerusalem").
ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass"})
# Verbs of movement whose starting point ("from") is part of where they happened ("patrolled from
# the town to the airport", "were driven from the city").
MOTION_VERBS = frozenset({"march", "fly", "infiltrate", "flee", "come", "patrol", "drive"})
# Clauses that share the place of the verb they hang on ("attacked Damboa town, killing 60").
DEPENDENT_CLAUSE_DEPS = frozenset({"advcl", "conj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Sectors of titles that say what someone is, not a post held somewhere ("militants", "activists").
MEMBER_SECTORS = frozenset({"REB", "CVL"})
# Words that date an event by another one that came later or long before ("drowned since the dam
# on the Volta was opened"); not "after", whose event is often the cause, at the same place
# ("arrested after a car chase in Multan").
OTHER_TIMES = frozenset({"before", "since", "until", "till"})
# Words that open a clause going on at the time of the event ("captured while fighting in Chad").
WHILE_WORDS = frozenset({"while", "whilst", "when", "as"})
# Nouns a town names the clock of ("at noon Moscow time"), not a spot in it.
CLOCK_NOUNS = frozenset({"time"})
# Position of the feature's specificity in the sort key ``_rank`` returns.
RANK_FEATURE = 5
# Where an event's place is looked for. Not its paragraph: on the 84 PolNeAR dev articles a
# place from another sentence of the paragraph was the event's in about 4 of 40 sampled cases
# ("Bombs may not be falling" -> Honolulu, where the speaker gave an interview).
EVENT_SCOPES = ("clause", "sentence")


def locate_event(analysis: Analysis, start: int, end: int) -> tuple[str | None, str]:
    """The place id where the event whose evidence is ``start``-``end`` happened, and the scope.

    Looks in the event's clause, then the clause of a verb it shares its subject with ("rebels
    in Chad killed four and wounded ten"), then its sentence, never in other sentences; returns
    ``(None, "none")`` when no place is stated. A place counts when a locative preposition
    introduces it ("in Misrata", "north of Baghdad"); in the clause also when it is the
    verb's object ("captured Jerusalem"), the object of the verb a participle hangs on
    ("stormed the village of Mainok, killing 39"), the object of what the event set out to do
    ("launched an offensive to capture Jarabulus"), the object of a clause telling how or
    while it came about ("killed in air strikes that hit Qusayr", "stabbed as he entered a Basra
    mosque"), or the town of a police force or
    building that is the subject ("Dallas police shot"). Modifiers ("US officials"),
    demonyms, origins ("of Milan", "from Hamburg"), agents ("by Iran"), places measured
    from ("50 km north of Baghdad"), places of a report's source ("according to a source in
    Aleppo"), places in an apposition or relative clause on the subject ("Rashid, the treasurer
    in Tikrit,"), places in what a verb of saying reports, places of an event that dates this
    one ("drowned since the dam on the Volta was opened"), of an event it is against
    ("marched against the attacks on Mosul") and of an act it is for or charges someone with
    ("arrested for robbing a bank in Kano") never count, nor, for an event told in a relative
    clause on someone ("militants who accuse the governor"), places outside that clause. Among several: the best
    preposition, then one not in a phrase describing the subject ("the detainees at Bagram
    were arrested in Pakistan"), then (beyond the clause) one in the event's own phrase,
    then the part before the whole ("the Karam neighborhood of Mosul", "Tarvel, a town near
    Kirkuk"), then the most specific feature, then one after the evidence, then the nearest. A place
    that opens the sentence ("In Gaza, soldiers shot ...") only sets the scene: one at least
    as specific that the event's own phrase names further on is taken instead.
    """
    dateline = dateline_end(analysis.text)
    mentions = [(place, m) for place in analysis.places for m in place.mentions if m.start >= dateline]
    doc = analysis.doc
    own = _own_clause(doc, start)
    features, hosts = _place_layout(doc, mentions)
    context = _Context(doc, start, _governing_verbs(doc, start), features, hosts, _event_phrase(doc, start),
                       _subject_modifiers(doc, start), _subject_epithets(doc, start))
    for scope, clause, (lo, hi) in _search_steps(doc, analysis.text, start, end, own):
        inside = [(p, m) for p, m in mentions if lo <= m.start and m.end <= hi
                  and not (_another_time(doc, m, start) or _opposed_event(doc, m, start)
                           or _charged_act(doc, m, start))
                  and (_in_clause(doc, m, clause) if scope == "clause"
                       else not (_reported(doc, m, start) or _where_said(doc, m, start)
                                 or _beyond_description(doc, m, start)))]
        ranked = [(r, m) for r, m in ((_rank(context, p, m, scope), m) for p, m in inside) if r]
        if not ranked:
            continue
        best, mention = min(ranked, key=lambda pair: pair[0])
        if scope == "clause" and _scene_setter(doc, mention, start):
            # "In Kosovo, police shot two gunmen in the town of Orvel"
            nested = [r for r in (_rank(context, p, m, "sentence") for p, m in mentions
                                  if _in_phrase(doc, m, context.phrase, own)
                                  and not _reported(doc, m, start)) if r and r[0] == 0]
            if nested and min(nested)[RANK_FEATURE] <= best[RANK_FEATURE]:
                return min(nested)[-1], "sentence"
        return best[-1], scope
    return None, "none"


def _search_steps(doc: Doc, text: str, start: int, end: int,
                  own: set[int]) -> list[tuple[str, set[int], tuple[int, int]]]:
    """Where to look, in order: the event's clause, the clause of a verb it shares its subject
    with, the sentence; each with the tokens of its clause and its character range."""
    steps: list[tuple[str, set[int], tuple[int, int]]] = []
    for scope, (lo, hi) in scopes(doc, text, start, end):
        if scope not in EVENT_SCOPES:
            break
        steps.append((scope, own, (lo, hi)))
        shared = _shared_clause(doc, start) if scope == "clause" else set()
        if shared:
            last = doc[max(shared)]
            steps.append((scope, shared, (min(doc[i].idx for i in shared), max(hi, last.idx + len(last)))))
    return steps


def _scene_setter(doc: Doc, mention: TextSpan, start: int) -> bool:
    """Whether the place opens the sentence before the event, set off by a comma ("In Gaza,
    soldiers shot ..."): it sets the scene, and a smaller place the event's own phrase names
    further on is more precisely where it happened."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    verb = token_at(doc, start)
    if span is None or verb is None:
        return False
    prep = span.root
    while prep.head.i != prep.i and prep.pos_ != "ADP":
        prep = prep.head
    if span.root.dep_ == "pobj" and direction_of(span.root):
        prep = span.root.head.head  # "North of Kano, ...": the direction opens the phrase
    elif prep.pos_ != "ADP":
        return False
    after = doc[prep.right_edge.i + 1: min(prep.right_edge.i + 4, verb.i)]  # "In Gaza Sunday,"
    return prep.i < verb.i and _fronted(prep, verb) and any(t.text == "," for t in after)


def _fronted(prep: Token, verb: Token) -> bool:
    """Whether the phrase opens the sentence, alone or after other phrases of the event's own
    clause before its subject ("Late on Tuesday in the Hama province, the militia began")."""
    if prep.left_edge.i == prep.sent.start:
        return True
    head = clause_head(verb)
    subjects = [c for c in head.children if c.dep_ in SUBJECT_DEPS]
    return (bool(subjects) and prep.right_edge.i < subjects[0].left_edge.i
            and clause_head(prep).i == head.i)


def _in_phrase(doc: Doc, mention: TextSpan, phrase: frozenset[int], own: set[int]) -> bool:
    """Whether the place is in the event's phrase beyond its clause, and not in a relative
    clause or an apposition ("Arafat, who spoke from Ramallah", "Awja, the village where
    the general was born north of Basra")."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.root.i not in phrase or span.root.i in own:
        return False
    return not any(t.dep_ in ("relcl", "appos") for t in span.root.ancestors)


def _place_layout(doc: Doc, mentions: list[tuple[Place, TextSpan]]) -> tuple[dict[int, str], dict[int, set[int]]]:
    """Features by token and place hosts of a document's places, computed once per document
    (every event of the document asks) and kept in ``doc.user_data``."""
    key = tuple((m.start, m.end, p.feature) for p, m in mentions)
    cached = doc.user_data.get("polybius.place_layout")
    if cached is not None and cached[0] == key:
        return cached[1], cached[2]
    features = _features_by_token(doc, mentions)
    hosts = place_hosts(doc, features)
    doc.user_data["polybius.place_layout"] = (key, features, hosts)
    return features, hosts


@dataclass(frozen=True)
class _Context:
    """What ranking a place needs to know about the event and the other places."""

    doc: Doc
    anchor: int  # where the evidence starts
    governors: frozenset[int]  # the verbs a participle or coordinated clause hangs on
    features: dict[int, str]  # token index -> feature of the place it names
    hosts: dict[int, set[int]]  # token index of a place's noun phrase -> the place's tokens
    phrase: frozenset[int]  # the event clause with everything nested in it
    describers: frozenset[int]  # what the subject's modifiers say of it ("detainees at Bagram")
    epithets: frozenset[int]  # an apposition to the subject ("Rashid, the treasurer in Tikrit,")


def _own_clause(doc: Doc, start: int) -> set[int]:
    """Token indices of the event's clause, the clauses nested inside it left out."""
    token = token_at(doc, start)
    return {t.i for t in clause_tokens(clause_head(token))} if token is not None else set()


def _shared_clause(doc: Doc, start: int) -> set[int]:
    """Token indices of the clauses of the verbs the event's verb is coordinated with while it
    has no subject of its own ("rebels in Chad killed four villagers and wounded several others"): one subject,
    one scene, searched when the event's own clause names no place."""
    token = token_at(doc, start)
    if token is None:
        return set()
    head, found = clause_head(token), set()
    for _ in range(3):
        if (head.dep_ != "conj" or head.head.pos_ not in ("VERB", "AUX")
                or any(c.dep_ in SUBJECT_DEPS for c in head.children)):
            break
        head = clause_head(head.head)
        found |= {t.i for t in clause_tokens(head)}
    return found


def _in_clause(doc: Doc, mention: TextSpan, own: set[int]) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.i in own


SPEAKING_VERBS = cue_words("speaking")
ADDRESSING_VERBS = cue_words("addressing")
STATEMENT_NOUNS = cue_words("statement")
# Nouns that type a name as a building or site ("the Kurdo airport", "Tala hospital").
BUILDING_NOUNS = cue_words("facility", "site")


def _where_said(doc: Doc, mention: TextSpan, start: int) -> bool:
    """Whether the place is where someone spoke ("told reporters in Bamako"): it locates the
    speaking, not what is said."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    verb = token_at(doc, start)
    if span is None or verb is None:
        return False
    prep = span.root.head
    # "in the town of Gode": up to the preposition that places the whole phrase
    while prep.head.i != prep.i and (prep.pos_ != "ADP" or prep.lower_ == "of"):
        prep = prep.head
    if prep.pos_ != "ADP":
        return False
    head = prep.head if prep.head.dep_ not in ("dobj", "dative") else prep.head.head
    if head.lemma_.lower() not in SPEAKING_VERBS or head.pos_ not in ("VERB", "AUX"):
        return False
    if prep.i < head.i:
        return False  # a fronted "In Jericho, officials said ...": the story's place
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
        return False  # "an explosion was reported inside the quarter": the event's own place
    return head.is_ancestor(verb)


ATTRIBUTING_WORDS = cue_words("attributing")


def _in_source(span: Span) -> bool:
    """Whether the place is in the phrase that names a report's source ("according to a
    military source in Aleppo"): it says where the source is, not where the event was."""
    return any(t.lower_ in ATTRIBUTING_WORDS and t.dep_ == "prep" for t in span.root.ancestors)


def _opposed_event(doc: Doc, mention: TextSpan, start: int) -> bool:
    """Whether the place is in an event the event is against ("marched against the attacks
    on Mosul", "marched against the war in Chad"): it tells where that event was."""
    return any(token.dep_ == "pobj" and token.head.lower_ == "against"
               and (token.lemma_.lower() in lexicon().nouns or is_carrier(token))
               for token in _path_to_event(doc, mention, start))


def _charged_act(doc: Doc, mention: TextSpan, start: int) -> bool:
    """Whether the place is in an act the event is for or charges someone with ("arrested for
    robbing a bank in Kano", "accused the rebels of shelling Kano"): it tells where that act was."""
    verb = token_at(doc, start)
    return verb is not None and any(
        token.dep_ == "pcomp" and token.pos_ == "VERB" and token.head.lower_ in ("for", "of")
        and token.head.head.i == clause_head(verb).i for token in _path_to_event(doc, mention, start))


def _beyond_description(doc: Doc, mention: TextSpan, start: int) -> bool:
    """Whether the event is told in a relative clause on someone ("militants who accuse the
    governor of fraud", "students who marched from the university") and the place lies
    outside it: what the clause says of them happened anywhere, unless the place opens the
    sentence and so sets the scene of all its clauses."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    verb = token_at(doc, start)
    if span is None or verb is None:
        return False
    clause = clause_head(verb)
    if clause.dep_ != "relcl" or any(c.lower_ in ("where", "when") for c in clause.children):
        return False  # "in Kano, where the rebels regrouped": the relative says where
    return (speaker_like(clause.head) and _describable(clause.head) and not clause.is_ancestor(span.root)
            and not _scene_setter(doc, mention, start))  # "In Benghazi, gunmen who had arrived ..."


def _another_time(doc: Doc, mention: TextSpan, start: int) -> bool:
    """Whether the place is in a phrase that dates the event by another one ("wounded before
    the roads around Gao were reopened", "drowned since the dam on the Volta was opened"): it
    tells where that other event was."""
    return any((token.lower_ in OTHER_TIMES and token.dep_ == "prep")
               or any(c.dep_ == "mark" and c.lower_ in OTHER_TIMES for c in token.children)
               for token in _path_to_event(doc, mention, start))


def _path_to_event(doc: Doc, mention: TextSpan, start: int) -> list[Token]:
    """The tokens from the place's head up to (not including) the first one that is the event's
    verb or governs it: the phrases the place is nested in below the event."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    verb = token_at(doc, start)
    if span is None or verb is None:
        return []
    above = {verb.i} | {t.i for t in verb.ancestors}
    path, token = [], span.root
    while token.i not in above and token.head.i != token.i:
        path.append(token)
        token = token.head
    return path


def _reported(doc: Doc, mention: TextSpan, start: int) -> bool:
    """Whether the place is in a clause the event's verb reports or thinks ("said they attacked X").

    What is said, or a clause complementing the event, does not say where it happened.
    """
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    verb = token_at(doc, start)
    if span is None or verb is None:
        return False
    top = clause_head(verb)
    head, seen = clause_head(span.root), False
    for _ in range(40):
        if head.i == top.i:
            return seen
        if head.head.i == head.i:
            return False
        seen = seen or head.dep_ == "ccomp"
        head = clause_head(head.head)
    return False


def _governing_verbs(doc: Doc, start: int) -> frozenset[int]:
    """The verbs a participle or coordinated clause hangs on ("stormed the village, killing 39").

    Their objects are where the dependent event happened too; the chain is followed up
    ("struck the city of Orvel, killing three people").
    """
    token = token_at(doc, start)
    verbs: set[int] = set()
    head = clause_head(token) if token is not None else None
    for _ in range(3):
        if head is None or head.dep_ not in DEPENDENT_CLAUSE_DEPS or head.head.i == head.i:
            break
        if head.head.pos_ not in ("VERB", "AUX"):
            break
        verbs.add(head.head.i)
        head = clause_head(head.head)
    return frozenset(verbs)


def _event_phrase(doc: Doc, start: int) -> frozenset[int]:
    """Token indices of the event's clause with the clauses nested in it ("targeting the farms
    located near Kafr Zita"): beyond the clause, a place in it is nearer the event than one in
    the clause it hangs on ("launched an attack in Hama, targeting ..."). The subject is left
    out: where its person lives says nothing of the event."""
    token = token_at(doc, start)
    if token is None:
        return frozenset()
    head = clause_head(token)
    subjects = {t.i for child in head.children if child.dep_ in SUBJECT_DEPS for t in child.subtree}
    return frozenset(t.i for t in head.subtree if t.i not in subjects)


def _subject_modifiers(doc: Doc, start: int) -> frozenset[int]:
    """Token indices of the phrases that modify the event clause's subject ("the detainees at
    Bagram were arrested in Pakistan", "a trader from a village near Lahore was
    robbed"): they say who the subject is, not where the event happened, so a place the
    clause itself names comes first. The subject's own head is left out ("Hebron was
    captured"), and so is the subject that is a place or an event, whose place is the
    event's ("the depot at Herat airport was destroyed", "the blast in Tanta occurred")."""
    return frozenset(t.i for subject in _described_subjects(doc, start)
                     for t in subject.subtree if t.i != subject.i)


def _subject_epithets(doc: Doc, start: int) -> frozenset[int]:
    """Token indices of an apposition or relative clause on the event clause's subject, when it
    is someone ("Omar Rashid, the head of the cell's finances in Tikrit, was arrested", "Saleh, who
    ran a bakery near Kirkuk, was kidnapped"): it says who they are, never where the
    event happened."""
    return frozenset(t.i for subject in _described_subjects(doc, start) for appos in subject.children
                     if appos.dep_ in ("appos", "relcl") for t in appos.subtree)


def _described_subjects(doc: Doc, start: int) -> list[Token]:
    """The subjects of the event's clause that their modifiers describe (``_describable``)."""
    token = token_at(doc, start)
    if token is None:
        return []
    heads = {clause_head(token).i} | {clause_head(doc[i]).i for i in _shared_clause(doc, start)}
    return [child for head in sorted(heads) for child in doc[head].children
            if child.dep_ in SUBJECT_DEPS and _describable(child)]


def _describable(subject: Token) -> bool:
    """Whether the subject is someone or something its modifiers describe, not a place or an
    event whose modifiers place it."""
    lemma = subject.lemma_.lower()
    return not (is_place_noun(subject) or lemma in facility_words() or lemma in cue_words("site")
                or lemma in lexicon().nouns or is_carrier(subject) or subject.ent_type_ in PLACE_ENTITIES)


def _circumstance(verb: Token, context: _Context) -> bool:
    """Whether ``verb`` tells how or while the event came about: a clause on the event verb
    ("stabbed as he entered a Basra mosque", "hurt when two shells hit the port of Aden") or on an
    event noun of its phrase ("killed in air strikes that hit the town of Qusayr"). What it hit
    or entered is the event's ground."""
    event = token_at(context.doc, context.anchor)
    if event is None or verb.pos_ != "VERB":
        return False
    head = clause_head(event)
    if verb.dep_ == "advcl":
        return verb.head.i == head.i and verb.i in context.phrase
    # "two car bombs targeting the town of Tuz Khurmatu wounded dozens": the subject is the event's cause
    on_cause = verb.head.dep_ in SUBJECT_DEPS and verb.head.head.i == head.i
    return (verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in lexicon().nouns
            and (verb.i in context.phrase or on_cause))


def _purpose(verb: Token, anchor: int) -> bool:
    """Whether ``verb`` says what the event set out to do ("managed to enter X", "launched an
    offensive to capture X", "opened the attack by storming X"): its object is the event's ground."""
    event = token_at(verb.doc, anchor)
    if event is None or verb.pos_ != "VERB":
        return False
    head = clause_head(event)
    if verb.dep_ == "xcomp":
        return verb.head.i == head.i
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ in ("acl", "advcl") and infinitive:
        return verb.head.i == head.i or (verb.head.dep_ == "dobj" and verb.head.head.i == head.i)
    return verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.i == head.i


def _features_by_token(doc: Doc, mentions: list[tuple[Place, TextSpan]]) -> dict[int, str]:
    """The feature of the place each token belongs to."""
    features: dict[int, str] = {}
    for place, mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in span or ():
            features[token.i] = place.feature
    return features


def _rank(context: _Context, place: Place, mention: TextSpan, scope: str) -> tuple | None:
    """The sort key of a place as the event's place, or None when it cannot be.

    (tier of the preposition or role, in a phrase modifying the subject, outside the event's
    phrase, the whole of a pair, a modifier, feature, before the evidence, distance, id):
    lower is better.
    """
    doc = context.doc
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or is_demonym_text(mention.text.split()[-1]):  # "a western Sudanese town"
        return None
    if inside_name(span) or _in_source(span) or span.root.i in context.epithets:
        return None
    qualified = qualified_name(span, context.features)
    named = _named_after_comma(span, place, context.features)
    path: list[Token] = []
    start_token = qualified if qualified is not None else named if named is not None else span.root
    token, modifier, names_place = governing_nominal(start_token, path)
    tier = _located_place_tier(context, place, span, token, scope, _tier(context, place, span, token, scope))
    if tier is None or tier > 1 or (modifier and not names_place and place.feature in ACTOR_FEATURES):
        return None
    if modifier and (person(token) or token.lemma_.lower() in STATEMENT_NOUNS):
        return None  # "an attack on Arizona Sen. John McCain", "in a White House statement": whose
    if tier and scope != "clause":  # another clause's destination is not the event's place
        return None
    if scope != "clause" and place.feature in COARSE_FEATURES and not _same_scene(span.root, context):
        return None
    role = "whole" if qualified is not None else part_or_whole(span, token, context.features)
    if role is None and (direction_of(token) or anchored(token, span, context.hosts, context.features)
                         or (described(span, path + [token], context.features)
                             and not _names_within(span, place, context))):
        role = "whole"
    outside = scope != "clause" and span.root.i not in context.phrase
    describing = token.i in context.describers
    # "shot outside his Kano home": a town naming the very spot a locative gives is that spot's place
    modifier = modifier and not (tier == 0 and place.feature not in ACTOR_FEATURES and _locative_spot(span, token))
    return (tier, describing, outside, role == "whole", modifier and role != "part", _specificity(place, token),
            mention.start < context.anchor, abs(mention.start - context.anchor), place.id)


def _taken_along(prep: Token) -> bool:
    """Whether the preposition is the "with" of "along with" or "together with" on a verb with an
    object ("captured the fort along with the rest of Kano"): what follows is one more object."""
    along = prep.head
    return (prep.lower_ == "with" and along.lower_ in ("along", "together") and along.head.pos_ == "VERB"
            and any(c.dep_ == "dobj" for c in along.head.children))


def _locative_spot(span: Span, noun: Token) -> bool:
    """Whether the name is a bare modifier of a spot a locative preposition introduces ("outside
    his Kano home", "in his Kano flat"): not of a place or building noun, whose own name it may
    be ("the Tala hospital"), nor of a noun with a whole of its own ("the Kano quarter of ..."),
    nor a clock's zone ("at noon Kano time"); nor a name that is itself a place noun ("Kura
    village")."""
    lemma = noun.lemma_.lower()
    return (span.root.dep_ == "compound" and span.root.head.i == noun.i and noun.dep_ == "pobj"
            and PREP_TIER.get(noun.head.lower_) == 0 and noun.is_lower and not is_place_noun(noun)
            and not is_place_noun(span.root) and lemma not in BUILDING_NOUNS and lemma not in CLOCK_NOUNS
            and not any(c.lower_ == "of" for c in noun.children))


def _same_scene(token: Token, context: _Context) -> bool:
    """Whether the token is in a clause on the event's verb that shares its scene, so that a
    country named there places the event: a clause going on at the time with no subject of its
    own ("were arrested hiding in a truck in Niger", "was detained while travelling in Chad";
    not "urged the council to press Chad"), or another event coordinated after it ("three were
    killed and four wounded in Chad", "shot and killed two herders in Niger"; not "was captured
    and became a teacher in Canada"); or, for an event that is a bare participle (no subject, no
    conjunction, no verb of saying), the clause it hangs on ("clashed with students in Kenya,
    injuring twelve"); or, for an event told in a relative clause on an event noun, that noun's
    phrase ("a raid in Chad in which its fighters killed nine")."""
    event = token_at(context.doc, context.anchor)
    head = clause_head(token)
    if event is None:
        return False
    participle = clause_head(event)
    if (participle.dep_ == "advcl" and participle.tag_ == "VBG" and participle.head.i == head.i
            and participle.lemma_.lower() not in SPEAKING_VERBS
            and not any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in participle.children)):
        return True  # "clashed with students in Kenya, injuring twelve": the main clause's scene
    if _in_event_noun_phrase(token, participle):
        return True
    if token.dep_ == "dobj" and token.head.i == head.i and _concurrent(head) and _circumstance(head, context):
        return True  # "arrested the smuggler as he crossed into Chad": what the clause at its time entered
    if head.pos_ != "VERB" or head.head.i != clause_head(event).i:
        return False
    if head.dep_ == "conj":
        return head.lemma_.lower() in lexicon().verbs
    overlapping = (head.dep_ == "xcomp" and head.tag_ == "VBG") or _concurrent(head)
    return overlapping and not any(c.dep_ in SUBJECT_DEPS for c in head.children)


def _concurrent(clause: Token) -> bool:
    """Whether the clause is an adverbial one going on at the time of what it hangs on, opened
    by "while", "when" or "as"."""
    return clause.dep_ == "advcl" and any(c.dep_ in ("mark", "advmod") and c.lower_ in WHILE_WORDS
                                          for c in clause.children)


def _in_event_noun_phrase(token: Token, event_head: Token) -> bool:
    """Whether the event is told in a relative clause on an event noun ("a raid in Chad in which
    its fighters killed nine") and the token is in that noun's own phrase: the noun's place is the
    event's."""
    clause = event_head
    for _ in range(3):
        if clause.dep_ != "conj" or clause.head.pos_ not in ("VERB", "AUX"):
            break
        clause = clause_head(clause.head)
    noun = clause.head
    if clause.dep_ != "relcl" or not (noun.lemma_.lower() in lexicon().nouns or is_carrier(noun)):
        return False
    return noun.is_ancestor(token) and not clause.is_ancestor(token)


def _named_after_comma(span: Span, place: Place, features: dict[int, str]) -> Token | None:
    """The place noun a name after a comma names, when the noun or its larger place comes just
    before the comma ("in the capital, Niamey,", "the capital of Chad, N'Djamena", "Chad's
    capital, N'Djamena"): the name takes the noun's role, however the parser hung it (as a list
    item or a loose modifier)."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ",":
        return None
    larger = doc[span.start - 2]
    if larger.i not in features:
        # "in the capital, Niamey,": the noun itself before the comma
        typed = (larger.dep_ == "pobj" and larger.pos_ == "NOUN" and is_place_noun(larger)
                 and span.root.head.i != larger.i and span.root.dep_ not in SUBJECT_DEPS)
        town = SPECIFICITY.get(place.feature, 5) <= SPECIFICITY["admin2"]  # not "the locality, North Veska"
        return larger if typed and town else None
    if larger.dep_ == "pobj" and larger.head.lower_ == "of":
        noun = larger.head.head
    elif larger.dep_ == "poss":
        noun = larger.head
    else:
        return None
    if not is_place_noun(noun) or span.root.head.i == noun.i:
        return None
    smaller = SPECIFICITY.get(place.feature, 5) < SPECIFICITY.get(features[larger.i], 5)
    return noun if smaller else None


def _names_within(span: Span, place: Place, context: _Context) -> bool:
    """Whether the name follows a larger place in apposition and names a place within it ("the
    capital of Chad, N'Djamena"): it is the part, not a whole the larger place describes."""
    head = span.root.head
    return (span.root.dep_ == "appos" and head.i in context.features and head.i < span.root.i
            and SPECIFICITY.get(context.features[head.i], 5) > SPECIFICITY.get(place.feature, 5))


def _located_place_tier(context: _Context, place: Place, span: Span, token: Token, scope: str,
                        tier: int | None) -> int | None:
    """The tier of a place that says where another place is ("crossed over to Melka village in
    Chad"): no better than that other place's, since the event went to that one, not to the
    whole around it."""
    if tier is None or token.dep_ != "pobj" or token.head.dep_ != "prep":
        return tier
    if not anchored(token, span, context.hosts, context.features):
        return tier
    host, _, _ = governing_nominal(token.head.head)
    host_tier = _tier(context, place, span, host, scope)
    return tier if host_tier is None else max(tier, host_tier)


def _post_of(noun: Token, context: _Context) -> bool:
    """Whether ``noun`` is a post (a title) a place phrase hangs on that is no argument of the
    event ("Haddad, the militia's governor of Anbar, died", "the militia's leader in Baiji"): the
    place says where they hold their post or live, not where the event happened."""
    title = find_title([noun.text]) if noun.pos_ in ("NOUN", "PROPN") else None
    if title is None or title[1] in MEMBER_SECTORS or not speaker_like(noun):
        return False
    event = token_at(context.doc, context.anchor)
    if event is None:
        return False
    head = clause_head(event)
    return noun.head.i != head.i and noun.head.i not in context.governors


def _specificity(place: Place, noun: Token) -> int:
    """How small the place is: its feature's rank, but a facility (an unknown name the recogniser
    tagged as one) that a part noun types ("the Jabal Kurdo region") is a region, and one that no
    building or site noun types ("Jabal Tala", "the Tala Heights") no smaller than a town: such
    names are as often ridges, roads or quarters as buildings ("the Kurdo airport" stays a
    building); a name the gazetteer lacks that a subdivision noun types ("the province of Veska",
    "Veska Governorate") is a state, not a town."""
    if place.feature == "facility" and noun.lemma_.lower() in cue_words("part"):
        return SPECIFICITY["region"]
    if place.feature == "facility" and noun.lemma_.lower() not in BUILDING_NOUNS:
        return SPECIFICITY["city"]
    if place.feature == "place" and noun.lemma_.lower() in cue_words("subdivision"):
        return SPECIFICITY["admin1"]  # "the province of Veska", "Veska Governorate"
    return SPECIFICITY.get(place.feature, 5)


def _tier(context: _Context, place: Place, span: Span, token: Token, scope: str) -> int | None:
    """How surely the phrase says where the event was: 0 best, None not at all."""
    if direction_of(token):
        # "raids north of Baghdad"; not "the town, 80 kilometers north of Baghdad"
        return None if far(token.head.head) else 0
    if token.dep_ == "pobj":
        if _post_of(token.head.head, context):
            return None  # "including Haddad, the militia's leader in Baiji": where the post is held
        if token.head.lower_ == "from" and token.head.head.lemma_ in MOTION_VERBS:
            return 1  # "marched from Geneva": a movement happens along its way, from its start
        if _taken_along(token.head):
            return 0  # "captured the fort along with the rest of Kano": another object of the verb
        if token.head.lower_ == "for" and token.head.head.lemma_.lower() in cue_words("contest"):
            return 0  # "killed in the battle for Sirte": the ground fought over
        if (token.head.lower_ == "during" and span.root.head.i != token.i
                and (token.lemma_.lower() in lexicon().nouns or is_carrier(token))):
            return 0  # "captured during the invasion of Grenada": the event was within that one's ground
        return 0 if adverbial_prep(token.head) else PREP_TIER.get(token.head.lower_)
    if token.dep_ in ARGUMENT_DEPS and (scope == "clause" or token.head.i in context.governors
                                        or _purpose(token.head, context.anchor)
                                        or _circumstance(token.head, context)):
        if token.head.lemma_.lower() in ADDRESSING_VERBS:
            return None  # "warned North Korea", "sanctioned Moscow": whom, not where
        if aged(span):
            return None  # "Jabri, 15, had been shot": a person the recogniser took for a place
        if (token.dep_ == "nsubjpass" and token.i == span.root.i and place.feature == "place"
                and not any(c.dep_ == "appos" and (is_place_noun(c) or c.lower_ in PARTITIVES
                                                   or c.lower_ in cue_words("part", "direction"))
                            for c in token.children)):
            return 1  # "Granda was captured in Caracas": a bare unknown name is likely a person
            # (not "Western Slavonia, the last part of Croatia held by rebels, was overrun")
        return 0
    if scope != "clause":
        return None
    if dated(span, token) and place.feature not in ACTOR_FEATURES:
        return 0  # "patrolled Harare Saturday": the parser took the name for part of the date
    if sited_subject(span.root, token):
        return 1  # "Dallas police shot", "the Venice theater had burned down"
    return None
