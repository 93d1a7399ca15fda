"""Noun and adjective attribution cues: "his call for a ban", "Pence's claim that ...", "X
raised questions about Y", "X is eager to ...", "X made clear that ...".

The source of a noun cue is its possessor or a "by/from X" phrase, or the subject of the
light verb that takes it as object; its content a clause or a prepositional object.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from polybius.extract.attribution_cues import (
    Claim,
    cues_of_kind,
    full_phrase,
    introduced_clause,
    noun_phrase,
    subject_of,
    subtree,
)

# Prepositions whose object is what a noun cue is about ("support for", "opposition to").
NOUN_PREPS = frozenset({"for", "on", "about", "of", "to", "against", "over", "with", "toward", "towards", "regarding"})
# Noun cues that voice an attitude even with no one named ("concerns about the deal",
# "opposition to the law", "calls for his resignation").
SOURCELESS_NOUNS = frozenset(
    {"concern", "fear", "worry", "opposition", "criticism", "outrage", "backlash", "anger", "call", "demand"}
    | {"complaint", "accusation", "allegation", "speculation", "rumor", "skepticism", "condemnation", "praise"}
)
# Stance adjectives whose "in" phrase is what the stance is about ("confident in", "interested in").
IN_STANCES = frozenset({"confident", "interested"})
# Nouns whose "of" phrase names who made them ("the statement of the committee").
AUTHORED_NOUNS = frozenset({"statement", "report", "message", "announcement", "decision", "response", "testimony"})


def noun_claim(noun: Token) -> Claim | None:
    """A noun cue with its content: "his call for a ban", "Pence's claim that ...", "the
    answer was that ..."; the source is the possessor or a "by/from X" phrase, if any. A noun
    without a source is a claim only with a clause ("fears that ...", "the question is whether")."""
    content = _noun_content(noun)
    if content is None:
        return None
    source = None
    for child in noun.children:
        if child.dep_ == "poss":
            source = noun_phrase(child)
        elif child.dep_ == "prep" and child.lower_ in ("by", "from", "among") and source is None:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            source = noun_phrase(obj)
    if source is None and not (_clausal(noun.doc, content) or noun.lemma_.lower() in SOURCELESS_NOUNS):
        return None  # "plans for wider operations": nobody's words
    return Claim(cue=(noun.i, noun.i + 1), source=source, content=content, kind="noun")


def _clausal(doc: Doc, content: tuple[int, int]) -> bool:
    """A content opened by "that", "whether" or "if": a proposition, not a thing."""
    return doc[content[0]].lower_ in ("that", "whether", "if")


def stance_claim(adjective: Token) -> Claim | None:
    """ "X is eager to ...", "X was critical of ...", "X is convinced that ...": the copula
    and adjective are the cue, the subject the source, the clause or object the content."""
    passive = is_passive(adjective)
    verb = adjective if passive else adjective.head
    if adjective.dep_ == "amod" and adjective.head.i > adjective.i:
        return None  # "a skeptical voter": a description, not a stance taken
    if adjective.dep_ == "amod":
        subject: Token | None = adjective.head  # "Republicans, concerned about the party's appeal"
    elif passive:
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    else:
        subject = subject_of(verb)
    source = noun_phrase(subject)
    content = None
    for child in adjective.rights:
        if child.dep_ in ("ccomp", "xcomp"):
            content = subtree(child)
        elif child.dep_ == "prep" and (child.lower_ != "in" or adjective.lower_ in IN_STANCES):
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            content = subtree(obj) if obj is not None else None
        if content is not None:
            break
    if source is None or content is None:
        return None
    be = next((c.i for c in verb.children if c.dep_ == "auxpass"), verb.i) if passive else verb.i
    if adjective.dep_ != "acomp" and not passive:
        be = adjective.i  # no copula of its own: "..., confident that", "wary of"
    return Claim(cue=(min(be, adjective.i), adjective.i + 1), source=source, content=content, kind="stance")


def is_passive(token: Token) -> bool:
    """A participle in the passive ("is convinced that")."""
    return token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children)


def light_claim(noun: Token) -> Claim | None:
    """A noun cue as the object of a light verb: "X raised questions about Y", "X threw her
    support behind Y", "X has expressed concern that ..."; the verb's subject is the source."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in cues_of_kind("light"):
        return None
    content = _noun_content(noun)
    if content is None:
        objects = [o for p in verb.rights if p.dep_ == "prep" and p.i > noun.i for o in p.children if o.dep_ == "pobj"]
        content = subtree(objects[0]) if objects else None
    source = full_phrase(subject_of(verb), verb)
    if content is None or source is None:
        return None
    return Claim(cue=(verb.i, noun.i + 1), source=source, content=content, kind="noun")


def _noun_content(noun: Token) -> tuple[int, int] | None:
    """What a noun cue is about: a that/to clause, or the object of "for/on/about/to/of ..."
    ("his support for", "opposition to", "her criticism of"); "of" names the author of a
    statement or report ("the report of the committee"), so there only a clause counts."""
    for child in noun.rights:
        if introduced_clause(child):
            return subtree(child)
        if child.dep_ == "prep" and child.lower_ in NOUN_PREPS:
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            of_author = child.lower_ == "of" and noun.lemma_.lower() in AUTHORED_NOUNS
            if obj is not None and (not of_author or obj.pos_ == "VERB"):
                return subtree(obj)
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        clause = next((c for c in noun.head.rights if c.dep_ == "ccomp"), None)
        if clause is not None:
            return subtree(clause)
    return None


def make_clear(verb: Token) -> Claim | None:
    """ "X made (it) clear that ...": "made clear" is the cue, the that-clause the content."""
    clear = next((c for c in verb.rights if c.lower_ == "clear" and c.dep_ in ("ccomp", "oprd", "acomp", "amod")), None)
    if clear is None:
        return None
    clause = next((c for c in [*clear.rights, *verb.rights] if c.dep_ in ("ccomp", "advcl") and c.i > clear.i), None)
    source = full_phrase(subject_of(verb), verb)
    if clause is None or source is None:
        return None
    return Claim(cue=(verb.i, clear.i + 1), source=source, content=subtree(clause))


def agent_claim(noun: Token) -> Claim | None:
    """ "X is a fierce critic of Y", "Adelson, a supporter of Israel, ...": the one the noun
    describes is the source, the cue the noun with its "of", the object the content."""
    of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("of", "for")), None)
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if obj is None:
        return None
    if noun.dep_ == "attr":
        holder = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    elif noun.dep_ == "appos":
        holder = noun.head
    else:
        return None
    source = noun_phrase(holder)
    if source is None:
        return None
    return Claim(cue=(noun.i, of.i + 1), source=source, content=subtree(obj), kind="noun")  # type: ignore[union-attr]
