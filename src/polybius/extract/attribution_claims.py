"""Every attribution cue of a parsed document, with its source and content: cue verbs
(``attribution_cues``), noun and adjective cues (``attribution_nouns``), fixed phrases and
labels (``attribution_phrases``), and cue verbs of Title Case headlines.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from polybius.extract.attribution_cues import (
    NOT_SAID,
    Claim,
    colon_taking,
    cue_nouns,
    cue_verbs,
    cues_of_kind,
    prep_claim,
    that_taking,
    verb_claim,
)
from polybius.extract.attribution_nouns import (
    agent_claim,
    is_passive,
    light_claim,
    make_clear,
    noun_claim,
    stance_claim,
)
from polybius.extract.attribution_phrases import phrase_claims

# Cue verbs whose particle gives them a sense that reports nothing.
OTHER_SENSE_PARTICLES = frozenset(
    {("knock", "out"), ("figure", "out"), ("find", "out"), ("show", "up"), ("turn", "out"), ("make", "up")}
    | {("point", "up"), ("post", "up"), ("read", "out"), ("add", "up"), ("cast", "off"), ("call", "off")}
)


def find_claims(doc: Doc, inside_quote: set[int]) -> list[Claim]:
    """Every cue of ``doc`` outside quotations, with its source and content."""
    verbs = cue_verbs()
    claims: list[Claim] = []
    by_verb: dict[int, Claim] = {}
    for token in doc:
        if token.i in inside_quote:
            continue
        if token.pos_ == "PROPN" and _headline_verb(token):
            claims.append(_title_claim(token))
            continue
        if token.pos_ != "VERB" or token.lower_ in ("according", "citing"):
            continue
        if token.lemma_.lower() == "make" and (claim := make_clear(token)) is not None:
            claims.append(claim)
            by_verb[token.i] = claim
            continue
        entry = verbs.get(token.lemma_.lower()) or that_taking(token) or colon_taking(token)
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in NOT_SAID:
            continue  # "the report failed to mention that ...": the source did not say it
        if _discourse_marker(token) or _other_sense(token):
            continue
        claim = verb_claim(token, entry) if entry else None
        if claim is None or claim.content is None:
            claim = prep_claim(token) or claim
        if claim is not None:
            claims.append(claim)
            by_verb[token.i] = claim
    nouns = cue_nouns()
    for token in doc:
        if token.i in inside_quote:
            continue
        claims.extend(phrase_claims(token, by_verb))
        if token.pos_ == "NOUN" and token.lemma_.lower() in nouns:
            claim = noun_claim(token) or light_claim(token)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in cues_of_kind("object"):
            claim = light_claim(token)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in cues_of_kind("agent"):
            claim = agent_claim(token)
        elif token.lower_ in cues_of_kind("stance") and (token.dep_ == "acomp" or is_passive(token)):
            claim = stance_claim(token)
        else:
            claim = None
        if claim is not None:
            claims.append(claim)
    return claims


def _other_sense(verb: Token) -> bool:
    """A cue verb in a sense that reports nothing: with a particle ("knocked out", "figure
    out", "show up") or as a passive of repute ("is known for", "known as")."""
    particle = next((c.lower_ for c in verb.rights if c.dep_ == "prt"), None)
    if particle is not None and (verb.lemma_.lower(), particle) in OTHER_SENSE_PARTICLES:
        return True
    return verb.lemma_.lower() == "know" and verb.tag_ == "VBN"


def _discourse_marker(verb: Token) -> bool:
    """ "That said, ..." / "That being said, ...": a connective, not a claim."""
    if verb.lemma_ != "say" or verb.i == 0:
        return False
    doc, start = verb.doc, verb.sent.start
    if verb.i - start not in (1, 2) or doc[start].lower_ != "that":
        return False
    return verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","


@lru_cache(maxsize=1)
def _inflected_cues() -> frozenset[str]:
    """Inflected forms of the speech cue verbs ("says", "warns", "denied"), for headlines."""
    forms = set()
    for lemma, entry in cue_verbs().items():
        if entry.kind == "speech":
            stem = lemma[:-1] if lemma.endswith("e") else lemma
            forms.update({lemma + "s", lemma + "es", stem + "ed", lemma.replace("y", "ies")})
    forms.update({"says", "said", "tells", "told"})
    return frozenset(forms)


def _headline_verb(token: Token) -> bool:
    """A cue verb the tagger took for a name in a Title Case headline ("Obama Warns Of ...")."""
    if not token.text.istitle() or token.lower_ not in _inflected_cues():
        return False
    sent = token.sent
    words = [t for t in sent if t.is_alpha]
    titled = sum(1 for t in words if t.text[0].isupper())
    return len(words) >= 4 and titled >= 0.8 * len(words) and token.i > sent.start


def _title_claim(verb: Token) -> Claim:
    """Headline "Source Verb Content": the words before and after the verb."""
    sent = verb.sent
    return Claim(cue=(verb.i, verb.i + 1), source=(sent.start, verb.i), content=(verb.i + 1, sent.end), kind="headline")
