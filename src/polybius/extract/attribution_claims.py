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


# Where a stance adjective stands: after "be", or set off after its holder ("Republicans,
# concerned about ...", "..., many of them skeptical about ...").
STANCE_DEPS = frozenset({"acomp", "amod", "advcl", "conj"})
CHAIN_GAP = 3  # "seemed to blame", "appears to have endorsed"


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
        if token.lower_ in cues_of_kind("stance") and is_passive(token):
            continue  # "is convinced that": a stance, found below
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
        elif token.lower_ in cues_of_kind("stance") and (token.dep_ in STANCE_DEPS or is_passive(token)):
            claim = stance_claim(token)
        else:
            claim = None
        if claim is not None:
            claims.append(claim)
    for claim in claims:
        if claim.source is not None and claim.cue[0] not in inside_quote:
            claim.source = _outside_quotes(doc, claim.source, claim.cue[0], inside_quote)
    return _joined_chains(doc, claims, by_verb)


def _outside_quotes(doc: Doc, source: tuple[int, int], cue: int, inside: set[int]) -> tuple[int, int] | None:
    """A source the parser found inside a quotation belongs to the quoted words, not to the
    cue outside it: the speaker is named after the quotation ("“We were wrong,” Ramos,
    58, told AFP"; "“Very good reporter,” Trump, the frontrunner, said")."""
    if not any(i in inside for i in range(*source)):
        return source
    start = max(i for i in range(*source) if i in inside) + 1
    end = source[1]
    if start >= end:  # the whole source is quoted: take the words between the quote and the cue
        while start < cue and start in inside:
            start += 1
        end = max(start, cue)
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space) and doc[end - 1].text != ",":
        end -= 1
    words = doc[start:end]
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in words) or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    return start, end


def _joined_chains(doc: Doc, claims: list[Claim], by_verb: dict[int, Claim]) -> list[Claim]:
    """ "Cruz seemed to blame the network": one cue, "seemed to blame", with the inner
    verb's source and content; the writer's reading ("seemed") is no claim of its own."""
    dropped = set()
    for i, claim in by_verb.items():
        if claim.kind != "inference":
            continue
        inner = next((by_verb.get(c.i) for c in doc[i].rights if c.dep_ == "xcomp" and c.i - i <= CHAIN_GAP), None)
        if inner is not None and inner.kind != "inference":
            inner.cue = (i, inner.cue[1])
            dropped.add(id(claim))
    return [c for c in claims if id(c) not in dropped]


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
