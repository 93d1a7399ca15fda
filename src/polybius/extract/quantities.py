"""Quantities: how many were killed, injured, deployed, arrested... in a stretch of parsed text.

A number ("50", "5,000", "fifty", "1.5 million", "30 to 40") or a vague count ("dozens",
"hundreds") is read with the words that bound it ("as many as" -> upper bound, "at least" ->
lower bound, "approximately" -> approximate), then typed by the noun it counts ("5,000 troops")
or the verb whose object it is ("killing 50 people", "12 were arrested"). Vague counts follow
ACLED's conservative reading ("dozens" -> 12, "hundreds" -> 100) and are approximate.
Untyped numbers (years, money, percentages, ordinals) are not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from polybius.lexicons import read_table, read_words
from polybius.model import Quantity

NOT_COUNTS = frozenset({"TIME", "MONEY", "PERCENT", "ORDINAL"})
YEAR = re.compile(r"^(1[89]|20)\d\d$")
RANGE_WORDS = frozenset({"to", "-", "–", "and", "or"})
RANGE_TOKEN = re.compile(r"^(\d[\d,]*)[-–](\d[\d,]*)$")
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "nsubj", "attr", "oprd", "pobj", "conj", "appos"})


@dataclass(frozen=True)
class _Lexicon:
    words: dict[str, tuple[int, bool]]
    bounds: dict[tuple[str, ...], frozenset[str]]
    nouns: dict[str, str]
    verbs: dict[str, str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    words = {w: (int(v), a == "yes") for w, v, a in read_table("vague_counts.tsv")}
    bounds: dict[tuple[str, ...], set[str]] = {}
    for phrase, effect in read_table("quantity_bounds.tsv"):
        bounds.setdefault(tuple(phrase.split()), set()).add(effect)
    kinds = read_table("quantity_kinds.tsv")
    return _Lexicon(
        words=words,
        bounds={k: frozenset(v) for k, v in bounds.items()},
        nouns={lemma: kind for lemma, kind, role in kinds if role == "noun"},
        verbs={lemma: kind for lemma, kind, role in kinds if role == "verb"},
    )


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    return frozenset(read_words("calendar_words.tsv"))


def _near_calendar_word(token: Token) -> bool:
    doc = token.doc
    window = doc[max(0, token.i - 2) : token.i + 3]
    words = _calendar_words()
    return any(t.lower_ in words or t.lower_.rstrip("s") in words for t in window)


def _is_number(token: Token) -> bool:
    if token.ent_type_ in NOT_COUNTS or YEAR.match(token.text):
        return False
    if token.ent_type_ == "DATE" and _near_calendar_word(token):
        return False
    lower = token.lower_
    if lower in _lexicon().words:
        return True
    return token.like_num and not lower.startswith("'") or bool(RANGE_TOKEN.match(lower))


def number_value(tokens: list[Token]) -> tuple[int | None, bool]:
    """The integer a run of number tokens spells ("5,000", "two hundred", "1.5 million")."""
    words = _lexicon().words
    total, current, approximate = 0, 0.0, False
    for token in tokens:
        lower = token.lower_.replace(",", "")
        if lower == "-":
            continue
        if lower in MULTIPLIERS and current:
            current *= MULTIPLIERS[lower]
            total, current = total + int(current), 0.0
            continue
        if "-" in lower and all(p in words for p in lower.split("-")):
            current += sum(words[p][0] for p in lower.split("-"))
            continue
        if lower in words:
            value, vague = words[lower]
            approximate = approximate or vague
            current = current * value if current and vague else current + value
            continue
        try:
            current += float(lower)
        except ValueError:
            return None, approximate
    result = total + int(current)
    return (result if result else None), approximate


def _number_runs(span: TokenSpan) -> list[list[Token]]:
    runs: list[list[Token]] = []
    for token in span:
        if token.text == "-" and runs and runs[-1][-1].i == token.i - 1 and _joins_words(token):
            runs[-1].append(token)
            continue
        if not _is_number(token):
            continue
        if runs and runs[-1][-1].i == token.i - 1 and not RANGE_TOKEN.match(token.lower_):
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def _joins_words(hyphen: Token) -> bool:
    """A hyphen inside a spelled-out number ("twenty-five")."""
    doc, words = hyphen.doc, _lexicon().words
    after = doc[hyphen.i + 1] if hyphen.i + 1 < len(doc) else None
    return doc[hyphen.i - 1].lower_ in words and after is not None and after.lower_ in words


def _bound_before(first: Token) -> tuple[set[str], int]:
    """Bound effects of the words just before a number, and the index where they start."""
    doc = first.doc
    for size in (3, 2, 1):
        start = first.i - size
        if start < 0:
            continue
        words = tuple(t.lower_ for t in doc[start : first.i])
        effects = _lexicon().bounds.get(words)
        if effects:
            return set(effects), start
    return set(), first.i


def _anchor(run: list[Token]) -> Token:
    """The noun a number modifies ("50 people" -> people), or the number itself."""
    last = run[-1]
    if last.dep_ in ("nummod", "quantmod", "compound", "amod") and last.head.pos_ in (
        "NOUN",
        "PROPN",
        "ADJ",
    ):
        return last.head
    return last


def _of_object(token: Token) -> Token | None:
    """For a vague count ("dozens of people"), the noun after "of"."""
    if token.lower_ not in _lexicon().words:
        return None
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None:
        return None
    return next((c for c in of.children if c.dep_ == "pobj"), None)


def _kind(anchor: Token, noun: Token) -> tuple[str | None, Token | None]:
    """The quantity kind and, when a verb gives it, that verb."""
    lex = _lexicon()
    node = anchor
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ in OBJECT_DEPS and head.pos_ in ("VERB", "ADJ", "NOUN"):
            lemma = head.lemma_.lower()
            if lemma in lex.verbs:
                return lex.verbs[lemma], head
        if node.dep_ not in ("pobj", "conj", "appos"):
            break
        node = head
    return _noun_kind(noun), None


def _noun_kind(noun: Token) -> str | None:
    """The kind a counted noun names itself ("troops"), or its "of" head names ("deaths of")."""
    nouns = _lexicon().nouns
    if noun.lemma_.lower() in nouns:
        return nouns[noun.lemma_.lower()]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return nouns.get(noun.head.head.lemma_.lower())
    return None


def _range_end(run: list[Token], runs: list[list[Token]]) -> list[Token] | None:
    """The second number of "30 to 40" / "between 30 and 40", if ``run`` opens a range."""
    doc = run[-1].doc
    nxt = run[-1].i + 1
    if nxt + 1 >= len(doc) or doc[nxt].lower_ not in RANGE_WORDS:
        return None
    return next((r for r in runs if r[0].i == nxt + 1), None)


def _bounds(low: int | None, high: int | None, effects: set[str]) -> tuple[int | None, int | None]:
    if "max" in effects:
        return None, high
    if "min" in effects:
        return low, None
    return low, high


def find_quantities(span: TokenSpan) -> list[Quantity]:
    """Every typed quantity in ``span`` with its bounds, kind and evidence."""
    runs = _number_runs(span)
    found: list[Quantity] = []
    consumed: set[int] = set()
    for run in runs:
        if run[0].i in consumed:
            continue
        quantity = _quantity(run, runs, consumed)
        if quantity is not None:
            found.append(quantity)
    counted = {t.i for q in found for t in span if q.start <= t.idx < q.end}
    found += [q for q in (_single(t) for t in span if t.i not in counted) if q is not None]
    return sorted(found, key=lambda q: q.start)


SINGLE_PRONOUNS = frozenset({"he", "she", "him", "her"})


def _single(verb: Token) -> Quantity | None:
    """"killing a general", "the reporter was wounded": one person, counted as 1."""
    kind = _lexicon().verbs.get(verb.lemma_.lower()) if verb.pos_ == "VERB" else None
    if kind is None:
        return None
    deps = ("nsubj",) if verb.lemma_.lower() == "die" else ("dobj", "nsubjpass")
    victim = next((c for c in verb.children if c.dep_ in deps), None)
    if victim is None or not _one_person(victim):
        return None
    people = [victim, *victim.conjuncts]
    if not all(_one_person(p) for p in people):
        return None
    return _make(kind, len(people), len(people), False, [verb, *people, victim.left_edge])


def _one_person(token: Token) -> bool:
    if token.lower_ in SINGLE_PRONOUNS or (token.ent_type_ == "PERSON" and token.pos_ == "PROPN"):
        return True
    counted = any(c.dep_ == "nummod" or _is_number(c) for c in token.children)
    single = any(c.dep_ == "det" and c.lower_ in ("a", "an", "the", "one") for c in token.children)
    return token.tag_ == "NN" and single and not counted


def _quantity(run: list[Token], runs: list[list[Token]], consumed: set[int]) -> Quantity | None:
    low, vague = _run_value(run)
    run = _times_of(run, runs, consumed)
    if len(run) > 1 and run[-2].lower_ == "of":
        factor, _ = _run_value(run[-1:])
        low = low * factor if low and factor else low
    high, last = low, run
    second = _range_end(run, runs)
    if second is not None:
        high, vague2 = _run_value(second)
        vague, last = vague or vague2, second
        consumed.add(second[0].i)
    elif (match := RANGE_TOKEN.match(run[0].lower_)) and len(run) == 1:
        low, high = (int(g.replace(",", "")) for g in match.groups())
    if low is None or high is None:
        return None
    anchor = _anchor(run)
    if _is_number(anchor) and second is not None:
        anchor = _anchor(second)
    noun = _of_object(anchor) or anchor
    kind, verb = _kind(anchor, noun)
    if kind is None:
        return None
    effects, first = _bound_before(run[0])
    low, high = _bounds(low, high, effects)
    tokens = [run[0].doc[first], noun, last[-1], *([verb] if verb is not None else [])]
    return _make(kind, low, high, vague or "approx" in effects, tokens)


def _times_of(run: list[Token], runs: list[list[Token]], consumed: set[int]) -> list[Token]:
    """Join "hundreds of thousands": the run, "of", and the following count word."""
    doc = run[-1].doc
    i = run[-1].i
    words = _lexicon().words
    if i + 2 >= len(doc) or doc[i + 1].lower_ != "of" or run[-1].lower_ not in words:
        return run
    following = next((r for r in runs if r[0].i == i + 2 and r[0].lower_ in words), None)
    if following is None:
        return run
    consumed.add(following[0].i)
    return [*run, doc[i + 1], following[0]]


def _run_value(run: list[Token]) -> tuple[int | None, bool]:
    match = RANGE_TOKEN.match(run[0].lower_)
    if match and len(run) == 1:
        return int(match.group(1).replace(",", "")), False
    return number_value(run)


def _make(kind: str, low: int | None, high: int | None, approximate: bool, tokens: list[Token]) -> Quantity:
    doc = tokens[0].doc
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    start, end = first.idx, last.idx + len(last.text)
    text = doc[first.i : last.i + 1].text
    return Quantity(kind=kind, min=low, max=high, approximate=approximate, text=text, start=start, end=end)
