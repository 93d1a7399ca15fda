"""Unnamed groups that take part in events ("US officials", "the Italian government",
"Houthi forces", "at least 14 Malian soldiers"): their name, country, sector and backer."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from polybius.extract.actor_mentions import (
    ACTING_DEPS,
    BACKING_LEMMAS,
    LOCAL_SECTORS,
    MODIFIER_DEPS,
    Mention,
    country_in,
    make_mention,
    modifier_organisation,
    noun_sector,
    place_of,
)
from polybius.resolve.actors import capital_country, nominal_heads
from polybius.resolve.countries import country_code


def nominal_mentions(doc: Doc, taken: set[int], context: str | None) -> list[Mention]:
    """Unnamed groups that take part ("US officials", "the Italian government", "warplanes")."""
    heads = nominal_heads()
    found = []
    for token in doc:
        if token.pos_ != "NOUN" or token.i in taken or (entry := _head_entry(token, heads)) is None:
            continue
        if token.dep_ not in ACTING_DEPS or apposed_name(token, taken) is not None:
            continue
        found.append(_nominal(token, entry, context))
    return found


def appositive_mentions(doc: Doc, taken: set[int], context: str | None) -> list[tuple[Mention, int]]:
    """Group nouns in apposition with a named actor ("Gaddafi, the longtime leader"; "the
    group's leader, Abu Bakr al-Baghdadi"), each with a token of that name: they are further
    mentions of the named actor (what they say of it is read with the name), not other actors."""
    heads = nominal_heads()
    found = []
    for token in doc:
        if token.pos_ != "NOUN" or token.i in taken or _head_entry(token, heads) is None:
            continue
        name = apposed_name(token, taken)
        if name is not None:
            # the noun and its own words, not an owner named before it ("the group's leader")
            start = max([token.left_edge.i, *(c.right_edge.i + 1 for c in token.lefts if c.dep_ == "poss")])
            while start < token.i and (doc[start].pos_ == "DET" or doc[start].is_punct):
                start += 1
            span = doc[start : token.i + 1]
            found.append((make_mention(span, span.text, "PERSON"), name))
    return found


def _head_entry(token: Token, heads: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The lexicon row of a group noun, a two-word row first ("suicide bomber", "attorney general")."""
    lemma = token.lemma_.lower()
    before = token.i - 1
    if before > 0 and token.doc[before].text == "-":
        before -= 1  # "Attorney-General"
    if before >= 0:
        pair = heads.get(f"{token.doc[before].lemma_.lower()} {lemma}")
        if pair is not None:
            return pair
    return heads.get(lemma)


def apposed_name(token: Token, taken: set[int]) -> int | None:
    """The token of a named actor a noun is in apposition with ("Gaddafi, the longtime leader";
    "a spokesman, Ellen Brooks"), else None."""
    if token.dep_ == "appos" and token.head.i in taken:
        return token.head.i
    return next((c.i for c in token.children if c.dep_ == "appos" and c.i in taken), None)


def _nominal(token: Token, entry: tuple[str, str | None], context: str | None) -> Mention:
    doc = token.doc
    modifiers = [c for c in token.lefts if c.dep_ in MODIFIER_DEPS]
    start = min((t.left_edge.i for t in modifiers), default=token.i)
    while start < token.i and (doc[start].pos_ == "DET" or doc[start].is_punct or _pronoun_owner(doc[start])):
        start += 1
    span = doc[start : token.i + 1]
    backed_by = _backer(modifiers)
    # "Albanian rebels in Macedonia" are Albanian; "soldiers from the US" American
    organisation = modifier_organisation([t for t in span if t.i != token.i])
    country = (_modifier_country(span, token, backed_by) or (organisation.country if organisation else None)
               or place_of(token))
    modifier_sector = next((s for s in (noun_sector(t.text) for t in span[:-1]) if s), None)
    options = (entry[1] or "").split("|")
    if len(options) > 1:  # "police officers", else the group nouns around ("officers" near "police")
        sector = modifier_sector if modifier_sector in options else _sector_in_document(token, options)
    else:
        sector = entry[1] or modifier_sector
    if organisation is not None and organisation.sector:
        sector = organisation.sector  # "Pentagon officials" are military, "Houthi forces" rebels
    if sector in LOCAL_SECTORS and country is None and context != backed_by:
        country = context
    named = _uncounted(span, token)
    name = "".join(t.text_with_ws for t in named).strip()
    mention = make_mention(span, name, entry[0], country=country, sector=sector, backed_by=backed_by)
    mention.key = " ".join(t.lemma_.lower() for t in named)
    mention.nominal = True
    return mention


def _sector_in_document(token: Token, options: list[str]) -> str:
    """Of a group noun's alternative sectors ("MIL|COP" for "officers"), the one whose own group
    nouns stand nearest in the document ("police" -> COP, "troops" -> MIL), else the first."""
    heads = nominal_heads()
    nearest: tuple[int, str] | None = None
    for other in token.doc:
        entry = heads.get(other.lemma_.lower())
        if other.i == token.i or entry is None or entry[1] not in options:
            continue
        distance = abs(other.i - token.i)
        if nearest is None or distance < nearest[0]:
            nearest = (distance, entry[1])
    return nearest[1] if nearest else options[0]


def _pronoun_owner(token: Token) -> bool:
    """A possessive pronoun ("our officers", "their fighters"): not part of the group's name."""
    return token.pos_ == "PRON" and token.dep_ == "poss"


def _uncounted(span: TokenSpan, head: Token) -> list[Token]:
    """The words of a group's name without its count ("at least 14 Malian soldiers" is named
    "Malian soldiers"): the count belongs to the report, the name to the group."""
    counted = {t.i for c in head.lefts if c.dep_ in ("nummod", "quantmod") or c.like_num for t in c.subtree}
    words = [t for t in span if t.i not in counted]
    while len(words) > 1 and (words[0].is_punct or words[0].pos_ in ("DET", "CCONJ", "ADP")):
        words = words[1:]
    return words or [head]


def _backer(modifiers: list[Token]) -> str | None:
    """The country in an "X-backed" modifier."""
    for modifier in modifiers:
        if modifier.lemma_.lower() in BACKING_LEMMAS:
            for token in modifier.subtree:
                code = country_code(token.text) if token.i != modifier.i else None
                if code:
                    return code
    return None


def _modifier_country(span: TokenSpan, head: Token, backed_by: str | None) -> str | None:
    words = [t for t in span if t.i != head.i]
    if any(t.lower_ == "ethnic" for t in words):
        return None  # "ethnic Albanian guerrillas": an ethnicity, not a nationality
    code = country_in(words, exclude=backed_by)
    if code:
        return code
    for token in words:
        code = None
        if token.ent_type_ == "GPE":
            code = capital_country(token.text)  # "the Khartoum government"
        if code and code != backed_by:
            return code
    return None
