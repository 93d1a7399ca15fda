"""Event triggers: the words that name a PLOVER event, found in one linear pass over the parse.

Verb triggers ("bombed", "pulled out") and noun triggers ("airstrike", "the deployment") come
from ``lexicons/plover_triggers.tsv``. A light verb whose object is a noun trigger ("launched
an airstrike") makes no event of its own: it becomes the trigger's *governor*, which supplies
the subject and the tense. Casualty verbs ("killing 50 people") tied to another assault in the
same sentence are absorbed into it, so that one attack is one event, not two.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from polybius.lexicons import read_table, read_words

NOUN_POS = frozenset({"NOUN", "PROPN"})
VERB_POS = frozenset({"VERB"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
LINK_DEPS = frozenset({"prt", "prep", "dobj", "acomp", "advmod", "attr", "oprd"})
NAMED_TYPES = frozenset({"DATE", "TIME", "PERSON", "ORG", "GPE", "WORK_OF_ART", "EVENT", "LAW"})
TARGET_WORDS = frozenset({"on", "at", "against", "into", "upon"})
CASUALTY_LEMMAS = frozenset({"kill", "wound", "injure", "die", "murder", "hurt"})


@dataclass(frozen=True)
class TriggerEntry:
    """One row of the trigger lexicon."""

    words: tuple[str, ...]
    pos: str
    type: str
    mode: str | None
    cameo: str | None
    objects: frozenset[str]


@dataclass
class Trigger:
    """A matched trigger: its head token, the tokens it spans, and its lexicon entry."""

    token: Token
    entry: TriggerEntry
    first: int
    last: int
    governor: Token | None = None
    absorbed: list[Token] = field(default_factory=list)

    @property
    def verb(self) -> Token | None:
        """The verb that carries the event: the trigger itself or its governing verb."""
        if self.token.pos_ in VERB_POS:
            return self.token
        return self.governor


    def bounds(self) -> tuple[int, int]:
        """The tokens that name the event in the text: for a weapon a verb uses ("detonated 20
        bombs", "fired a missile") that verb, else the trigger's own words."""
        verb = self.governor
        if verb is None and self.token.dep_ == "nsubj" and _lemma(self.token.head) in _impact_verbs():
            verb = self.token.head  # "a suicide bomber crashed into a patrol"
        if verb is not None and verb.pos_ in VERB_POS and is_weapon(self.token):
            return verb.i, verb.i
        return self.first, self.last


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, tuple[TriggerEntry, ...]]
    nouns: dict[str, tuple[TriggerEntry, ...]]
    light: dict[str, tuple[tuple[str, ...], ...]]


def _entry(row: tuple[str, ...]) -> TriggerEntry:
    words, pos, kind, mode, cameo, *rest = row
    objects = rest[0] if rest else "-"
    return TriggerEntry(
        words=tuple(words.lower().split()),
        pos=pos,
        type=kind,
        mode=None if mode == "-" else mode,
        cameo=None if cameo == "-" else cameo,
        objects=frozenset() if objects == "-" else frozenset(objects.split("|")),
    )


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The trigger and light-verb tables, indexed by head lemma (loaded once)."""
    verbs: dict[str, list[TriggerEntry]] = {}
    nouns: dict[str, list[TriggerEntry]] = {}
    for row in read_table("plover_triggers.tsv"):
        entry = _entry(row)
        if entry.pos == "VERB":
            verbs.setdefault(entry.words[0], []).append(entry)
        else:
            nouns.setdefault(entry.words[-1], []).append(entry)
    light: dict[str, list[tuple[str, ...]]] = {}
    for phrase in read_words("light_verbs.tsv"):
        words = tuple(phrase.lower().split())
        light.setdefault(words[0], []).append(words[1:])
    # Longest first; among equals, entries that constrain their object before those that don't.
    by_length = lambda items: tuple(sorted(items, key=lambda e: (-len(e.words), not e.objects)))  # noqa: E731
    return _Lexicon(
        verbs={k: by_length(v) for k, v in verbs.items()},
        nouns={k: by_length(v) for k, v in nouns.items()},
        light={k: tuple(v) for k, v in light.items()},
    )


@lru_cache(maxsize=1)
def _carrier_nouns() -> frozenset[str]:
    return frozenset(read_words("event_carrier_nouns.tsv"))


def is_carrier(noun: Token) -> bool:
    """A generic noun an event noun may modify ("mediation mission", "bombing campaign")."""
    return _lemma(noun) in _carrier_nouns()


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _temporal(preposition: Token) -> bool:
    """A prepositional phrase that only says when ("on Thursday", "at dawn"): no target."""
    objects = [g for g in preposition.children if g.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _linked_lemmas(verb: Token) -> set[str]:
    """Lemmas of a verb's particles, prepositions (not temporal ones), objects and their objects."""
    found: set[str] = set()
    for child in verb.children:
        if child.dep_ in LINK_DEPS and not (child.dep_ == "prep" and _temporal(child)):
            found.add(_lemma(child))
            found.update(_lemma(g) for g in child.children if g.dep_ in ("pobj", "dobj"))
    return found


def _object_lemmas(verb: Token) -> set[str]:
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if verb.dep_ == "acl":
        objects.append(verb.head)  # "a stash of projectiles found in Mosul"
    objects += [c for o in objects for c in o.conjuncts]
    # "hundreds of landmines", "a cache of weapons": the thing counted or contained counts too
    objects += [g for o in objects for c in o.children if c.lower_ == "of" for g in c.children]
    objects += [c for o in objects for c in o.children if c.dep_ == "compound"]  # "ceasefire deal"
    return {_lemma(o) for o in objects} | {o.lower_ for o in objects} | {o.lower_[:-1] for o in objects}


def _match_verb(token: Token) -> TriggerEntry | None:
    # an inflected form in the lexicon stands in where the lemmatizer errs ("raped" -> "rap")
    entries = lexicon().verbs.get(_lemma(token)) or lexicon().verbs.get(token.lower_)
    if not entries:
        return None
    linked: set[str] | None = None
    for entry in entries:
        if len(entry.words) > 1:
            linked = _linked_lemmas(token) if linked is None else linked
            if not set(entry.words[1:]) <= linked:
                continue
        if entry.objects and not entry.objects & _object_lemmas(token):
            continue
        if entry.type == "ASSAULT" and not entry.objects and _acted_on(token) & _figurative_targets():
            return None  # "attack the virus", "destroying records", "a disease to battle"
        return entry
    return None


def _acted_on(verb: Token) -> set[str]:
    """Lemmas of what a verb acts on, the noun of an infinitive relative included."""
    lemmas = _object_lemmas(verb)
    if verb.dep_ == "relcl":
        lemmas.add(_lemma(verb.head))
    return lemmas


@lru_cache(maxsize=1)
def _figurative_targets() -> frozenset[str]:
    return frozenset(read_words("figurative_targets.tsv"))


def _noun_links(noun: Token) -> set[str]:
    """What a noun trigger links to: its own prepositions, or those of the verb whose object it
    is ("gave a warm welcome on Thursday to de Klerk")."""
    links = _linked_lemmas(noun)
    if noun.dep_ == "dobj":
        links |= {c.lower_ for c in noun.head.children if c.dep_ == "prep" and not _temporal(c)}
    return links


def _match_noun(token: Token) -> tuple[TriggerEntry, int] | None:
    nouns = lexicon().nouns
    entries = nouns.get(_lemma(token)) or nouns.get(token.lower_)
    if not entries and token.pos_ == "PROPN" and token.lower_.endswith("s"):
        entries = nouns.get(token.lower_[:-1])  # a capitalised plural is not lemmatised
    if not entries:
        return None
    doc = token.doc
    for entry in entries:
        size = len(entry.words) - 1
        first = token.i - size
        if first < 0 or (size and doc[first].sent != token.sent):
            continue
        before = doc[first : token.i]
        if not all(w in (_lemma(t), t.lower_) for w, t in zip(entry.words[:-1], before, strict=True)):
            continue
        if entry.objects and not entry.objects & _noun_links(token):
            continue
        if entry.type == "ASSAULT" and not entry.objects and _noun_aimed_at(token) & _figurative_targets():
            return None  # "his battle with cancer", "a disease to battle"
        return entry, first
    return None


def _noun_aimed_at(noun: Token) -> set[str]:
    """Lemmas of what an event noun is aimed at: the objects of its prepositions ("battle with
    cancer", "war on poverty"), or the noun whose infinitive it is, parsed as "to" + noun ("a
    disease to battle")."""
    lemmas = {_lemma(o) for c in noun.children if c.dep_ == "prep" for o in _pobj_tokens(c)}
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.pos_ == "NOUN":
        lemmas.add(_lemma(noun.head.head))
    return lemmas


def _pobj_tokens(preposition: Token) -> list[Token]:
    return [o for o in preposition.children if o.dep_ == "pobj"]


def _opens_line(token: Token) -> bool:
    """The first word of a sentence or line, capitalised for that reason alone."""
    if token.i == 0 or token.is_sent_start:
        return True
    return token.doc[token.i - 1].is_space and "\n" in token.doc[token.i - 1].text


BULLETS = ("*", "•", "-", "–")


def _listed_title(trigger: Trigger, text: str) -> bool:
    """A noun in a bulleted line without a verb ("* 2007 Bagram Airfield bombing"): the title of
    another event in a list of related ones, not a report of it. ``text`` is the doc's text
    (``Doc.text`` joins every token anew on each call)."""
    token = trigger.token
    if token.pos_ not in NOUN_POS:
        return False
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    end = end if end >= 0 else len(text)
    if not text[start:end].lstrip().startswith(BULLETS):
        return False
    words = token.doc.char_span(start, end, alignment_mode="expand")
    return words is not None and not any(t.pos_ in ("VERB", "AUX") for t in words)


def _match(token: Token) -> Trigger | None:
    if token.dep_ == "amod" or token.ent_type_ in NAMED_TYPES:
        return None  # "US-backed militias", "March", "Fox News"
    if token.pos_ == "PROPN" and not token.is_upper and not _opens_line(token):
        return None  # a name, unless only capitalised as the first word ("Shootings in Belfast")
    if token.pos_ in VERB_POS:
        entry = _match_verb(token)
        return Trigger(token, entry, token.i, token.i) if entry else None
    if token.pos_ in NOUN_POS:
        found = _match_noun(token)
        if found:
            return Trigger(token, found[0], found[1], token.i)
    return None


def is_light_verb(verb: Token) -> bool:
    """A verb such as "launch" or "carry out" that takes an event noun as its object."""
    options = lexicon().light.get(_lemma(verb))
    if not options:
        return False
    linked = _linked_lemmas(verb)
    return any(set(rest) <= linked for rest in options)


def _governor(trigger: Trigger) -> Token | None:
    """The verb whose object (or "in" object) the noun trigger is."""
    token = trigger.token
    if token.dep_ == "conj":
        token = next((t for t in token.ancestors if t.dep_ != "conj"), token)
    if token.dep_ in OBJECT_DEPS and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    prep = token.head
    if token.dep_ == "pobj" and prep.lower_ in ("in", "into") and prep.head.pos_ == "VERB":
        return prep.head
    return None


@lru_cache(maxsize=1)
def _obligation_cues() -> tuple[frozenset[str], frozenset[str]]:
    rows = read_table("obligation_cues.tsv")
    return (
        frozenset(w for w, role in rows if role == "modal"),
        frozenset(w for w, role in rows if role == "reporter"),
    )


DEMAND = TriggerEntry(("must",), "AUX", "REQUEST", None, "100", frozenset())


def _obligation(token: Token) -> Trigger | None:
    """"X said that Y must Z": a demand by X on Y, triggered by the modal, governed by "said"."""
    modals, reporters = _obligation_cues()
    if token.dep_ != "aux" or token.lower_ not in modals:
        return None
    clause = token.head
    if clause.dep_ != "ccomp" or _lemma(clause.head) not in reporters:
        return None
    return Trigger(token, DEMAND, token.i, token.i, governor=clause.head)


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every event trigger in ``doc``, one per event, in text order."""
    found = [t for t in (_match(token) or _obligation(token) for token in doc) if t is not None]
    by_token = {t.token.i: t for t in found}
    for trigger in found:
        if trigger.token.pos_ in NOUN_POS:
            _attach_governor(trigger, by_token)
    kept = _merge_compounds([t for t in found if t.token.i in by_token])
    kept = [t for t in kept if not _subject_of_same(t, kept) and not _instrument_of(t, kept) and not _idle_weapon(t)]
    text = doc.text
    kept = [t for t in kept if not _renames(t) and not _defined_as_other(t, kept) and not _listed_title(t, text)]
    kept = [t for t in kept if not _accidental(t)]
    kept = _absorb_handled_objects([t for t in kept if not _is_modifier(t, found)])
    return _absorb_casualties(kept)


@lru_cache(maxsize=1)
def _weapon_nouns() -> frozenset[str]:
    return frozenset(read_words("weapon_nouns.tsv"))


@lru_cache(maxsize=1)
def _impact_verbs() -> frozenset[str]:
    return frozenset(read_words("weapon_impact_verbs.tsv"))


PRODUCTION_LEMMAS = frozenset(
    {"make", "manufacture", "build", "produce", "assemble", "develop", "buy", "sell", "smuggle"}
)


def is_weapon(token: Token) -> bool:
    """A weapon noun ("bomb", "IED", "rocket"): what an attack is made with."""
    return token.pos_ in NOUN_POS and _lemma(token) in _weapon_nouns()


def _idle_weapon(trigger: Trigger) -> bool:
    """A weapon noun that nothing uses, aims or kills with: no event of its own."""
    token = trigger.token
    if token.pos_ not in NOUN_POS or _lemma(token) not in _weapon_nouns():
        return False
    if trigger.governor is not None and _lemma(trigger.governor) in PRODUCTION_LEMMAS:
        return True  # "to make roadside bombs": weapons made, not used
    if trigger.governor is not None or any(c.lower_ in TARGET_WORDS for c in token.children):
        return False
    if token.dep_ == "nsubj" and _lemma(token.head) in _impact_verbs():
        return False  # "rockets hit the town", "a bomb went off"
    if any(c.dep_ == "relcl" and _lemma(c) in _impact_verbs() for c in token.children):
        return False  # "an IED that killed five civilians"
    head = token.head.head if token.dep_ == "pobj" else token.head
    return not (token.dep_ == "pobj" and _lemma(head) in CASUALTY_LEMMAS)


def _subject_of_same(trigger: Trigger, triggers: list[Trigger]) -> bool:
    """"The car bomb exploded": the verb carries the event its subject names, as specific."""
    token = trigger.token
    if token.pos_ not in NOUN_POS or token.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = next((t for t in triggers if t.token.i == token.head.i), None)
    if verb is None or _lemma(verb.token) in CASUALTY_LEMMAS or verb.entry.type != trigger.entry.type:
        return False
    if _specificity(trigger.entry) >= _specificity(verb.entry):
        verb.entry = trigger.entry
    return True


# Verbs that name an event already told ("called the explosion an attack").
NAMING_LEMMAS = frozenset({"call", "describe", "label", "term", "brand", "dub", "deem", "consider", "characterize"})


ACCIDENT_WORDS = frozenset({"accidental", "inadvertent", "unintentional", "unintended"})


def _accidental(trigger: Trigger) -> bool:
    """An explosion or shooting named as accidental ("two accidental explosions") is nobody's
    assault. (Someone who "accidentally blew himself up" still attacked.)"""
    if trigger.entry.type != "ASSAULT" or trigger.token.pos_ not in NOUN_POS:
        return False
    return any(c.lower_ in ACCIDENT_WORDS for c in trigger.token.children if c.dep_ == "amod")


def _renames(trigger: Trigger) -> bool:
    """A noun that names what another phrase already reports: "called the explosion an attack",
    "described the blast as a terrorist attack"."""
    token = trigger.token
    if token.pos_ not in NOUN_POS:
        return False
    if token.dep_ == "oprd":
        return _lemma(token.head) in NAMING_LEMMAS
    if token.dep_ == "pobj" and token.head.lower_ == "as":
        return _lemma(token.head.head) in NAMING_LEMMAS
    return False


def _defined_as_other(trigger: Trigger, triggers: list[Trigger]) -> bool:
    """"The Rolando bombing was an attack": one event, told by the predicate noun."""
    token = trigger.token
    if token.pos_ not in NOUN_POS or token.dep_ != "nsubj" or _lemma(token.head) != "be":
        return False
    attrs = {c.i for c in token.head.children if c.dep_ == "attr"}
    return any(t.token.i in attrs and t.entry.type == trigger.entry.type for t in triggers)


INSTRUMENT_PREPS = frozenset({"with", "using"})


def _instrument_of(trigger: Trigger, triggers: list[Trigger]) -> bool:
    """"an attack with poison gas": the weapon gives its mode to an assault that has none."""
    token = trigger.token
    if token.pos_ not in NOUN_POS or token.dep_ != "pobj" or token.head.lower_ not in INSTRUMENT_PREPS:
        return False
    # "an attack with poison gas"; "the attacks were carried out with grenades"
    user = token.head.head
    assault = next((t for t in triggers if user.i in (t.token.i, t.governor.i if t.governor else -1)), None)
    if assault is None or assault.entry.type != "ASSAULT" or trigger.entry.type != "ASSAULT":
        return False
    if assault.entry.mode is None:
        assault.entry = trigger.entry
    return True


def _rank(trigger: Trigger) -> tuple[int, bool, int]:
    """Which of two nested triggers names the event best: longer, then with a mode, then finer."""
    return (len(trigger.entry.words), *_specificity(trigger.entry))


def _specificity(entry: TriggerEntry) -> tuple[bool, int]:
    return entry.mode is not None, len(entry.cameo or "")


def _handled_object(verb: Token) -> list[Token]:
    """The tokens of what a verb acts on: its object, passive subject, or the noun it modifies."""
    if verb.dep_ == "acl":
        return [t for t in verb.head.subtree if t.i != verb.i]
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return [t for h in heads for t in h.subtree]


def _absorb_handled_objects(triggers: list[Trigger]) -> list[Trigger]:
    """"police seized grenades": the grenades are what was seized, not a grenade attack."""
    absorbed: set[int] = set()
    for trigger in triggers:
        if trigger.entry.mode == "confiscate" and trigger.token.pos_ in VERB_POS:
            absorbed.update(t.i for t in _handled_object(trigger.token))
    return [t for t in triggers if t.token.i not in absorbed or t.entry.mode == "confiscate"]


def _is_modifier(trigger: Trigger, triggers: list[Trigger]) -> bool:
    """A noun trigger used to describe another noun ("training camps", "protest leaders")."""
    token = trigger.token
    if token.pos_ not in NOUN_POS or token.dep_ not in ("compound", "nmod"):
        return False
    if _lemma(token.head) in _carrier_nouns():
        return False
    return not any(t.token.i == token.head.i for t in triggers)


def _attach_governor(trigger: Trigger, by_token: dict[int, Trigger]) -> None:
    verb = _governor(trigger)
    if verb is None:
        return
    verb_trigger = by_token.get(verb.i)
    if is_light_verb(verb) or (verb_trigger and verb_trigger.entry.type == trigger.entry.type):
        trigger.governor = verb
        by_token.pop(verb.i, None)


def _merge_compounds(triggers: list[Trigger]) -> list[Trigger]:
    """"car bomb explosion": one event on the head noun, typed by the most specific trigger."""
    by_token = {t.token.i: t for t in triggers}
    dropped: set[int] = set()
    for trigger in triggers:
        head = by_token.get(trigger.token.head.i)
        if trigger.token.dep_ not in ("compound", "amod", "nmod") or head is None:
            continue
        if _rank(trigger) > _rank(head):
            head.entry = trigger.entry
        head.first, head.last = min(head.first, trigger.first), max(head.last, trigger.last)
        head.governor = head.governor or trigger.governor
        dropped.add(trigger.token.i)
    return [t for t in triggers if t.token.i not in dropped]


def _absorb_casualties(triggers: list[Trigger]) -> list[Trigger]:
    """Drop "killing"/"wounded" when it reports the toll of another assault it is tied to."""
    anchors: dict[int, Trigger] = {}
    for trigger in triggers:
        if trigger.entry.type == "ASSAULT" and _lemma(trigger.token) not in CASUALTY_LEMMAS:
            anchors[trigger.token.i] = trigger
            if trigger.governor is not None:
                anchors.setdefault(trigger.governor.i, trigger)
    kept = []
    for trigger in triggers:
        if _lemma(trigger.token) in CASUALTY_LEMMAS and trigger.entry.type == "ASSAULT":
            owner = next((anchors[t.i] for t in _neighbours(trigger.token) if t.i in anchors), None)
            if owner is not None:
                owner.absorbed.append(trigger.token)
                continue
        kept.append(trigger)
    return kept


def _neighbours(token: Token) -> list[Token]:
    """Tokens one or two dependency steps away (through a preposition) in the same sentence."""
    near = [token.head, token.head.head, *token.children]
    near += [g for c in token.children if c.dep_ in ("prep", "agent") for g in c.children]
    return [t for t in near if t.i != token.i]
