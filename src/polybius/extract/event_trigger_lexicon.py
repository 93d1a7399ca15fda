"""The event-trigger lexicon and the trigger record: which words name which PLOVER event.

Rows come from ``lexicons/plover_triggers.tsv`` (indexed by head lemma), light verbs from
``light_verbs.tsv``, carrier nouns ("campaign", "mission") from ``event_carrier_nouns.tsv``,
weapons and the verbs that say a weapon struck from ``weapon_nouns.tsv`` and
``weapon_impact_verbs.tsv``. Matching them in the parse is ``event_triggers``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from polybius.lexicons import read_table, read_words

NOUN_POS = frozenset({"NOUN", "PROPN"})
VERB_POS = frozenset({"VERB"})
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
        if verb is None and self.token.dep_ == "nsubj" and lemma_of(self.token.head) in impact_verbs():
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
def carrier_nouns() -> frozenset[str]:
    """Generic nouns an event noun may modify (loaded once)."""
    return frozenset(read_words("event_carrier_nouns.tsv"))


def is_carrier(noun: Token) -> bool:
    """A generic noun an event noun may modify ("mediation mission", "bombing campaign")."""
    return lemma_of(noun) in carrier_nouns()


def lemma_of(token: Token) -> str:
    """The token's lemma, lower-cased."""
    return token.lemma_.lower()


@lru_cache(maxsize=1)
def weapon_nouns() -> frozenset[str]:
    """Nouns of weapons (loaded once)."""
    return frozenset(read_words("weapon_nouns.tsv"))


@lru_cache(maxsize=1)
def impact_verbs() -> frozenset[str]:
    """Verbs that say a weapon struck ("hit", "exploded"; loaded once)."""
    return frozenset(read_words("weapon_impact_verbs.tsv"))


def is_weapon(token: Token) -> bool:
    """A weapon noun ("bomb", "IED", "rocket"): what an attack is made with."""
    return token.pos_ in NOUN_POS and lemma_of(token) in weapon_nouns()
