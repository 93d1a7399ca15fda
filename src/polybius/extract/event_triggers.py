"""Event triggers: the words that name a PLOVER event, found in one linear pass over the parse.

Verb triggers ("bombed", "pulled out") and noun triggers ("airstrike", "the deployment") come
from ``lexicons/plover_triggers.tsv``. A light verb whose object is a noun trigger ("launched
an airstrike") makes no event of its own: it becomes the trigger's *governor*, which supplies
the subject and the tense. Casualty verbs ("killing 50 people") tied to another assault in the
same sentence are absorbed into it, so that one attack is one event, not two.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from polybius.extract.doc_views import doc_text
from polybius.extract.event_trigger_filters import (
    absorb_casualties,
    absorb_handled_objects,
    accidental,
    defined_as_other,
    idle_weapon,
    instrument_of,
    is_modifier,
    merge_compounds,
    renames,
    subject_of_same,
)
from polybius.extract.event_trigger_lexicon import (
    NOUN_POS,
    VERB_POS,
    Trigger,
    TriggerEntry,
    is_carrier,
    lemma_of,
    lexicon,
)
from polybius.lexicons import read_table, read_words
from polybius.resolve.actors import nominal_heads

__all__ = ["VERB_POS", "Trigger", "TriggerEntry", "find_triggers", "is_carrier", "is_light_verb", "lexicon"]

OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd"})
WORKFORCE_SECTORS = frozenset({"LAB", "HLH", "EDU"})  # sectors of nominal_actors.tsv whose strikes are walkouts
LINK_DEPS = frozenset({"prt", "prep", "dobj", "acomp", "advmod", "attr", "oprd"})
NAMED_TYPES = frozenset({"DATE", "TIME", "PERSON", "ORG", "GPE", "WORK_OF_ART", "EVENT", "LAW"})


def _temporal(preposition: Token) -> bool:
    """A prepositional phrase that only says when ("on Thursday", "at dawn"): no target."""
    objects = [g for g in preposition.children if g.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _linked_lemmas(verb: Token) -> set[str]:
    """Lemmas of a verb's particles, prepositions (not temporal ones), objects and their objects."""
    found: set[str] = set()
    for child in verb.children:
        if child.dep_ in LINK_DEPS and not (child.dep_ == "prep" and _temporal(child)):
            found.add(lemma_of(child))
            found.update(lemma_of(g) for g in child.children if g.dep_ in ("pobj", "dobj"))
    return found


def _object_lemmas(verb: Token) -> set[str]:
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    if verb.dep_ == "acl":
        objects.append(verb.head)  # "a stash of projectiles found in Mosul"
    objects += [c for o in objects for c in o.conjuncts]
    # "hundreds of landmines", "a cache of weapons": the thing counted or contained counts too
    objects += [g for o in objects for c in o.children if c.lower_ == "of" for g in c.children]
    objects += [c for o in objects for c in o.children if c.dep_ == "compound"]  # "ceasefire deal"
    return {lemma_of(o) for o in objects} | {o.lower_ for o in objects} | {o.lower_[:-1] for o in objects}


def _match_verb(token: Token) -> TriggerEntry | None:
    # an inflected form in the lexicon stands in where the lemmatizer errs ("raped" -> "rap")
    entries = lexicon().verbs.get(lemma_of(token)) or lexicon().verbs.get(token.lower_)
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
        if entry.type == "ASSAULT" and _walkout(token):
            return next((e for e in entries if e.type == "PROTEST"), entry)
        return entry
    return None


def _walkout(verb: Token) -> bool:
    """ "Nurses will strike", "the union threatened to strike": an assault verb with no object
    whose subject is workers (a labour, health or education sector noun) is a walkout."""
    if any(c.dep_ in OBJECT_DEPS for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "xcomp":
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    row = nominal_heads().get(lemma_of(subject))
    return row is not None and row[1] in WORKFORCE_SECTORS


def _acted_on(verb: Token) -> set[str]:
    """Lemmas of what a verb acts on, the noun of an infinitive relative included."""
    lemmas = _object_lemmas(verb)
    if verb.dep_ == "relcl":
        lemmas.add(lemma_of(verb.head))
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
    entries = nouns.get(lemma_of(token)) or nouns.get(token.lower_)
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
        if not all(w in (lemma_of(t), t.lower_) for w, t in zip(entry.words[:-1], before, strict=True)):
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
    lemmas = {lemma_of(o) for c in noun.children if c.dep_ == "prep" for o in _pobj_tokens(c)}
    if noun.dep_ == "pobj" and noun.head.lower_ == "to" and noun.head.head.pos_ == "NOUN":
        lemmas.add(lemma_of(noun.head.head))
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
    options = lexicon().light.get(lemma_of(verb))
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
    if clause.dep_ != "ccomp" or lemma_of(clause.head) not in reporters:
        return None
    return Trigger(token, DEMAND, token.i, token.i, governor=clause.head)


def find_triggers(doc: Doc) -> list[Trigger]:
    """Every event trigger in ``doc``, one per event, in text order."""
    found = [t for t in (_match(token) or _obligation(token) for token in doc) if t is not None]
    phrased = {i for t in found for i in _phrase_words(t)}
    found = [t for t in found if t.token.i not in phrased]
    by_token = {t.token.i: t for t in found}
    for trigger in found:
        if trigger.token.pos_ in NOUN_POS:
            _attach_governor(trigger, by_token)
    kept = merge_compounds([t for t in found if t.token.i in by_token])
    kept = [t for t in kept if not subject_of_same(t, kept) and not instrument_of(t, kept) and not idle_weapon(t)]
    text = doc_text(doc)
    kept = [t for t in kept if not renames(t) and not defined_as_other(t, kept) and not _listed_title(t, text)]
    kept = [t for t in kept if not accidental(t)]
    kept = absorb_handled_objects([t for t in kept if not is_modifier(t, found)])
    return absorb_casualties(kept)


def _phrase_words(trigger: Trigger) -> set[int]:
    """Indices of the words a verb phrase trigger takes in ("went on strike"): they are not
    events of their own."""
    words = set(trigger.entry.words[1:])
    if trigger.token.pos_ not in VERB_POS or not words:
        return set()
    near = list(trigger.token.children) + [g for c in trigger.token.children for g in c.children]
    return {t.i for t in near if lemma_of(t) in words or t.lower_ in words}


def _attach_governor(trigger: Trigger, by_token: dict[int, Trigger]) -> None:
    verb = _governor(trigger)
    if verb is None:
        return
    verb_trigger = by_token.get(verb.i)
    if is_light_verb(verb) or (verb_trigger and verb_trigger.entry.type == trigger.entry.type):
        trigger.governor = verb
        by_token.pop(verb.i, None)
