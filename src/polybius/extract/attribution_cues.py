"""Cue verbs in the dependency parse, with their sources and contents; the cue lexicon.

Cues come from ``lexicons/cues.tsv``. For a cue verb the source is its subject (climbing
through conjoined, adverbial and participial verbs: "..., stating that"), the agent of a
passive ("was quoted by"), or none ("it was reported that"); the content is its clausal
complement (ccomp, xcomp), or for some verbs its object ("denied the report"), or the clause
it interrupts ("Italy, he said, will"). Noun and adjective cues are in ``attribution_nouns``,
fixed phrases ("according to X") in ``attribution_phrases``, how a source is found in
``attribution_sources``; ``attribution_claims`` finds them all. Everything here is token
indices into the one parse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from polybius.extract.attribution_sources import (
    CHANNEL_NOUNS,
    RECIPIENT_VERBS,
    SUBJECT_DEPS,
    full_phrase,
    noun_phrase,
    recipients,
    subject_of,
)
from polybius.lexicons import read_table

# Subjects that stand for no one: "there is ...", and the "it" of "it is clear", "it seems".
NO_SOURCE_SUBJECTS = frozenset({"it", "there"})
# What may follow a closing cue verb: its own subject, time and manner ("said Ann Lee on Friday").
TRAILING_DEPS = frozenset({"nsubj", "npadvmod", "prep", "advmod", "agent"})
# ... and, after "told", "asked" and the like, whom the words were for ("..., he told reporters.").
TOLD_DEPS = frozenset({"dobj", "dative"})
# Words of a name or noun phrase standing after its cue verb ("said the chief executive").
INVERTED_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PART"})
# cues.tsv kinds whose cues are verb lemmas.
VERB_KINDS = frozenset({"speech", "write", "belief", "inference"})
NOT_SAID = frozenset({"fail", "neglect", "omit", "forget"})
# Verbs that take a "that" clause without reporting anyone's words or thoughts ("this means that").
NOT_REPORTING = frozenset({"mean", "get", "help", "ensure", "guarantee", "grow", "prove"})
# Prepositions of place, time and channel, whose objects are not what a cue verb is about.
OBJECT_PREP_EXCLUDED = frozenset({"in", "at", "on", "during", "after", "before", "since", "with", "by", "from"})
# Verbs whose "to X" names whom the words were for ("said to reporters"), not what about.
TO_RECIPIENT_VERBS = frozenset({"say", "speak", "talk", "write", "explain", "announce", "complain", "report", "state"})
# Right dependents of a cue verb that continue its content when they follow the complement.
EXTEND_DEPS = frozenset({"advcl", "conj", "cc", "prep", "npadvmod", "advmod", "punct", "dobj"})


@dataclass(frozen=True)
class CueEntry:
    """One cue-lexicon row: kind (speech, write, belief) and which content it takes."""

    kind: str
    content: str


@dataclass
class Claim:
    """A cue with its source and content, as token spans (end-exclusive) of the parse."""

    cue: tuple[int, int]
    source: tuple[int, int] | None
    content: tuple[int, int] | None
    recipients: list[Token] = field(default_factory=list)
    kind: str = "speech"
    via: Claim | None = None  # the claim that relays this one (the Times citing officials)
    fallback: tuple[int, int] | None = None  # content when no quotation fills it ("endorsed Cruz")


@lru_cache(maxsize=1)
def cue_verbs() -> dict[str, CueEntry]:
    """Cue verb lemmas from ``cues.tsv``."""
    return {
        cue: CueEntry(kind, content)
        for cue, kind, content in read_table("cues.tsv")
        if kind in VERB_KINDS and content != "prep"
    }


def cue_nouns() -> frozenset[str]:
    """Noun cue lemmas from ``cues.tsv`` ("claim", "call", "statement")."""
    return cues_of_kind("noun")


@lru_cache(maxsize=8)
def cues_of_kind(kind: str) -> frozenset[str]:
    """The cues of one ``cues.tsv`` kind: "stance" adjectives ("eager", "convinced"), "light"
    verbs ("raised questions"), "object" nouns that are cues only after a light verb."""
    return frozenset(cue for cue, row_kind, _ in read_table("cues.tsv") if row_kind == kind)


@lru_cache(maxsize=1)
def prep_cues() -> dict[str, frozenset[str]]:
    """Verb lemmas -> the prepositions that make them cues ("call for", "talk about")."""
    table: dict[str, set[str]] = {}
    for cue, _, content in read_table("cues.tsv"):
        if content == "prep":
            *verb, prep = cue.split()
            table.setdefault(" ".join(verb), set()).add(prep)
    return {verb: frozenset(preps) for verb, preps in table.items()}


def verb_claim(verb: Token, entry: CueEntry) -> Claim:
    """A cue verb's claim; its content may still be missing (a quotation can fill it)."""
    participle = _passive_participle(verb)
    source = None if participle else full_phrase(subject_of(verb), verb) or _inverted_source(verb)
    passive = participle or (source is None and any(c.dep_ == "nsubjpass" for c in verb.children))
    content = _content(verb, entry)
    return Claim(
        cue=_cue_span(verb),
        source=source,
        content=content,
        recipients=recipients(verb),
        kind="speech" if passive else entry.kind,  # "X is expected to": a claim of no one named
        fallback=_fallback(verb, entry, source) if content is None else None,
    )


def _fallback(verb: Token, entry: CueEntry, source: tuple[int, int] | None) -> tuple[int, int] | None:
    """Content for a cue verb with no clause, used when no quotation fills it: its object,
    or for the main verb of a sentence with a named subject what follows it ("Clinton
    supporters responded with chants of ...", "the candidate said no")."""
    found = _object_content(verb) if _takes_object(entry, verb) else None
    main = source is not None and verb.dep_ == "ROOT" and entry.kind in ("speech", "belief")
    if found is None and main and entry.content not in ("clausal", "quote"):
        found = _predicate(verb)
    return found


def _predicate(verb: Token) -> tuple[int, int] | None:
    """The words after a verb up to the end of its clause, without a coordinated verb."""
    rights = [c for c in verb.rights if not (c.is_punct or c.dep_ in ("cc", "prt") or c.dep_ in SUBJECT_DEPS)]
    rights = [c for c in rights if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    if not rights:
        return None
    return rights[0].left_edge.i, max(c.right_edge.i for c in rights) + 1


def _takes_object(entry: CueEntry, verb: Token) -> bool:
    """Cues whose object may be their content: those the lexicon lets take one, speech verbs
    ("responded to the remarks"), and any cue that casts its object "as" something ("sees the
    state as a chance"), but not "find", "see" or "continue" just taking things, nor the
    lexicon's "clausal" verbs ("added a new twist", "maintains a lead")."""
    if entry.content in ("object", "any") or (entry.kind == "speech" and entry.content == "clause"):
        return True
    return entry.content != "quote" and any(c.lower_ == "as" and c.dep_ == "prep" for c in verb.rights)


def _object_content(verb: Token) -> tuple[int, int] | None:
    """What a cue verb is about when it takes no clause: the passive subject ("the deal was
    rejected by X"), the object ("endorsed Cruz"), or a prepositional object ("responded to
    the remarks", "boasted about his plan"); a recipient ("told reporters") is none of these."""
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and passive.i < verb.i and passive.tag_ not in ("WDT", "WP"):
        rights = [c for c in verb.rights if c.dep_ not in ("agent", "punct")]
        end = max([verb.i, *(c.right_edge.i for c in rights)]) + 1
        return passive.left_edge.i, end
    recipient = verb.lemma_.lower() in RECIPIENT_VERBS
    for child in verb.rights:
        if child.dep_ in ("dobj", "oprd") and not recipient:
            extras = [c for c in verb.rights if c.dep_ == "prep" and c.i > child.i]
            return child.left_edge.i, max([child, *extras], key=lambda t: t.right_edge.i).right_edge.i + 1
        to_recipient = child.lower_ == "to" and verb.lemma_.lower() in TO_RECIPIENT_VERBS
        if child.dep_ == "prep" and child.lower_ not in OBJECT_PREP_EXCLUDED and not to_recipient:
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return subtree(obj)
    return None


def _passive_participle(verb: Token) -> bool:
    """ "Asked about the deal, Lee said ...": whoever asked is not named; Lee was asked."""
    if verb.tag_ != "VBN" or verb.dep_ not in ("advcl", "acl") or verb.i != verb.sent.start:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "agent", "aux", "auxpass") for c in verb.children)


def _inverted_source(verb: Token) -> tuple[int, int] | None:
    """The name right after a closing cue verb the parser did not take for its subject
    ("..., said Ann Lee, explaining ...", "“...,” said the chief executive")."""
    doc = verb.doc
    if verb.i == 0 or not doc[verb.i - 1].is_punct or any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    end = verb.i + 1
    while end < len(doc) and end - verb.i <= 8 and doc[end].pos_ in INVERTED_POS:
        end += 1
    words = doc[verb.i + 1 : end]
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in words):
        return None
    if end < len(doc) and not (doc[end].is_punct or doc[end].pos_ in ("ADP", "SCONJ", "CCONJ")):
        return None  # "said the plan would ...": a clause, not a name
    return verb.i + 1, end


def that_taking(verb: Token) -> CueEntry | None:
    """A verb outside the lexicon that takes a "that" clause and has a subject ("X conceded
    that ...", "X hinted that ..."): such verbs report speech or thought."""
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children) or not verb.is_alpha or verb.lemma_ in NOT_REPORTING:
        return None
    for child in verb.children:
        if child.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            return CueEntry("speech", "clause")
    return None


def colon_taking(verb: Token) -> CueEntry | None:
    """A verb outside the lexicon whose clause ends in a colon before a quotation or at the
    end of its line ("Trump leaned in and boomed: “...”", "Fallon fired back:"): it
    introduces what its subject said."""
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and verb.dep_ != "conj":
        return None
    colon = next((c for c in verb.rights if c.text == ":"), None)
    if colon is None or colon.i + 1 >= len(verb.doc):
        return None
    after = verb.doc[colon.i + 1]
    if after.is_quote or (after.is_space and "\n" in after.text) or "\n" in colon.whitespace_:
        return CueEntry("speech", "quote")
    return None


def introduced_clause(token: Token) -> bool:
    """A clause hung on a noun and opened by "that" or "to" ("the claim that", "a call to")."""
    if token.dep_ not in ("acl", "ccomp") or token.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.lower_ in ("that", "to") for c in token.children if c.i < token.i)


def prep_claim(verb: Token) -> Claim | None:
    """A verb-plus-preposition cue ("called for a ceasefire", "came out against the tax"):
    the object is the content."""
    lemma = verb.lemma_.lower()
    particle = next((c for c in verb.rights if c.dep_ == "prt"), None)
    if particle is not None and particle.lower_ in prep_cues().get(lemma, ()):
        # "talked up his candidacy": a verb and particle whose object is the content
        obj = next((c for c in verb.rights if c.dep_ == "dobj"), None)
        if obj is not None:
            cue = (verb.i, particle.i + 1) if particle.i == verb.i + 1 else (verb.i, verb.i + 1)
            return Claim(cue=cue, source=noun_phrase(subject_of(verb)), content=subtree(obj))
    preps = prep_cues().get(f"{lemma} {particle.lower_}" if particle else lemma) or prep_cues().get(lemma)
    if not preps:
        return None
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                adjacent = all(verb.doc[i].dep_ == "prt" for i in range(verb.i + 1, child.i))
                end = child.i + 1 if adjacent else verb.i + 1
                return Claim(cue=(verb.i, end), source=noun_phrase(subject_of(verb)), content=subtree(objects[0]))
        mark = _clause_mark(child, preps)
        if mark is not None and all(verb.doc[i].dep_ == "prt" for i in range(verb.i + 1, mark.i)):
            # "called for the United States to take a stronger role": "for" marks a clause
            content = (mark.i + 1, child.right_edge.i + 1)
            return Claim(cue=(verb.i, mark.i + 1), source=noun_phrase(subject_of(verb)), content=content)
    return None


def _clause_mark(clause: Token, preps: frozenset[str]) -> Token | None:
    """The preposition opening a clause that hangs on a cue verb ("for ... to ...")."""
    if clause.dep_ not in ("advcl", "ccomp") or clause.pos_ not in ("VERB", "AUX"):
        return None
    first = clause.doc[clause.left_edge.i]
    return first if first.dep_ == "mark" and first.head == clause and first.lower_ in preps else None


def _cue_span(verb: Token) -> tuple[int, int]:
    """The verb, with an adjacent particle ("point out") or channel ("said in a statement")."""
    end = verb.i + 1
    for child in verb.rights:
        if child.i != end:
            break
        if child.dep_ == "prt":
            end += 1
        elif child.dep_ == "prep" and child.lower_ == "in":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].lemma_.lower() in CHANNEL_NOUNS:
                end = objects[0].i + 1
        break
    return verb.i, end


def _content(verb: Token, entry: CueEntry) -> tuple[int, int] | None:
    for child in verb.children:
        if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and entry.content != "quote"):
            return _extended(verb, child)
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        return subtree(verb.head)
    if _is_as_clause(verb):
        return _as_content(verb)
    question = _question(verb)
    if question is not None:
        return question
    if entry.content in ("object", "any") and verb.lemma_.lower() not in RECIPIENT_VERBS:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd")]
        if objects:
            extras = [c for c in verb.rights if c.dep_ == "prep" and c.i > objects[0].i]
            last = max([*objects, *extras], key=lambda t: t.right_edge.i)
            return objects[0].left_edge.i, last.right_edge.i + 1
    return _that_clause(verb) or _clause_before(verb) or _inference_content(verb, entry)


def _inference_content(verb: Token, entry: CueEntry) -> tuple[int, int] | None:
    """ "X seems intent on ...", "this seems like a fair idea": the subject and its
    complement, read by the writer (the cue words themselves are not content)."""
    if entry.kind != "inference":
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in NO_SOURCE_SUBJECTS), None)
    complement = [c for c in verb.rights if c.dep_ in ("acomp", "attr", "oprd") or c.lower_ in ("like", "as")]
    if subject is None or not complement:
        return None
    return subject.left_edge.i, max(c.right_edge.i for c in complement) + 1


def _is_as_clause(verb: Token) -> bool:
    """ "As the Post reported, ...": an adverbial clause opened by "as"."""
    as_mark = any(c.dep_ in ("mark", "advmod", "prep") and c.lower_ == "as" and c.i < verb.i for c in verb.children)
    return verb.dep_ in ("advcl", "acl") and as_mark


def _as_content(verb: Token) -> tuple[int, int] | None:
    """The clause an "as X reported" clause hangs on, without the as-clause itself."""
    head, (start, end) = verb.head, subtree(verb)
    doc = verb.doc
    if start <= head.left_edge.i:
        first = end
        while first < head.right_edge.i and doc[first].is_punct:
            first += 1
        return first, head.right_edge.i + 1
    last = start
    while last > head.left_edge.i and doc[last - 1].is_punct:
        last -= 1
    return head.left_edge.i, last


def _question(verb: Token) -> tuple[int, int] | None:
    """What was asked: an "if/whether" clause, or "about X" ("asked him about the deal")."""
    if verb.lemma_.lower() not in ("ask", "question", "wonder"):
        return None
    for child in verb.rights:
        if child.dep_ in ("advcl", "ccomp") and any(c.lower_ in ("if", "whether") for c in child.children):
            return subtree(child)
        if child.dep_ == "prep" and child.lower_ == "about":
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return subtree(obj)
    return None


def _extended(verb: Token, clause: Token) -> tuple[int, int]:
    """A complement clause, plus what the parser hung on the cue verb after it ("said X
    because Y", "said X, but Y"), up to another cue ("..., adding that ...")."""
    start, end = subtree(clause)
    if clause.i < verb.i:
        return start, end
    for child in verb.rights:
        if child.i <= clause.i or child.dep_ not in EXTEND_DEPS:
            continue
        if child.lemma_.lower() in cue_verbs():
            break
        end = max(end, child.right_edge.i + 1)
    return start, end


def _that_clause(verb: Token) -> tuple[int, int] | None:
    """A "that" clause the parser hung elsewhere ("said on Friday during a briefing that ...")."""
    sent = verb.sent
    for token in verb.doc[verb.i + 1 : min(verb.i + 12, sent.end)]:
        if token.lower_ == "that" and token.head.pos_ in ("VERB", "AUX") and token.head.i > token.i:
            return token.i, token.head.right_edge.i + 1
        if token.is_punct or token.pos_ == "VERB":
            return None
    return None


def _clause_before(verb: Token) -> tuple[int, int] | None:
    """The clause before a closing "..., X said." / "..., records show." / "..., said the
    chief executive, Ann Lee." cue."""
    sent, doc = verb.sent, verb.doc
    told = verb.lemma_.lower() in RECIPIENT_VERBS  # "..., he told reporters."
    deps = TRAILING_DEPS | TOLD_DEPS if told else TRAILING_DEPS
    trailing = {t.i for c in verb.rights if c.dep_ in deps for t in c.subtree}
    rest = [t for t in doc[verb.i + 1 : sent.end] if not (t.is_punct or t.is_space or t.i in trailing)]
    if rest or verb.i - sent.start < 4 or verb.dep_ not in ("ROOT", "parataxis", "conj"):
        return None
    subject = subject_of(verb)
    end = subject.left_edge.i if subject is not None and subject.i < verb.i else verb.i
    if not doc[end - 1].is_punct:
        return None  # "..., records show." needs the comma (or quote) before the source
    while end > sent.start and verb.doc[end - 1].is_punct and not verb.doc[end - 1].is_quote:
        end -= 1
    return (sent.start, end) if end - sent.start >= 3 else None


def subtree(token: Token) -> tuple[int, int]:
    """The token span of ``token`` and everything below it."""
    return token.left_edge.i, token.right_edge.i + 1
