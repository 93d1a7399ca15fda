"""Attribution cues in the dependency parse: cue verbs and phrases, their sources and contents.

Cues come from ``lexicons/cues.tsv``. For a cue verb the source is its subject (climbing
through conjoined, adverbial and participial verbs: "..., stating that"), the agent of a
passive ("was quoted by"), or none ("it was reported that"); the content is its clausal
complement (ccomp, xcomp), or for some verbs its object ("denied the report"), or the clause
it interrupts ("Italy, he said, will"). Phrases: "according to X", "citing X", "quoted by X".
Everything here is token indices into the one parse; ``attribution`` turns it into records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from polybius.lexicons import read_table

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Verbs whose subject a cue inherits when it has none of its own.
CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "acl", "pcomp", "prep", "pobj", "dobj"})
RECIPIENT_VERBS = frozenset({"tell", "ask", "inform", "assure", "urge", "warn", "advise", "order"})
CHANNEL_NOUNS = frozenset(
    {"statement", "interview", "tweet", "post", "email", "letter", "speech", "op", "conference", "briefing", "memo"}
    | {"release"}
)
NO_SOURCE_SUBJECTS = frozenset({"it", "there"})
# What may follow a closing cue verb: its own subject, time and manner ("said Ann Lee on Friday").
TRAILING_DEPS = frozenset({"nsubj", "npadvmod", "prep", "advmod", "agent"})
# Words of a name or noun phrase standing after its cue verb ("said the chief executive").
INVERTED_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PART"})
# cues.tsv kinds whose cues are verb lemmas.
VERB_KINDS = frozenset({"speech", "write", "belief", "inference"})
LABEL_DASHES = frozenset({"-", "\u2013", "\u2014", "\u2015"})
NOT_SAID = frozenset({"fail", "neglect", "omit", "forget"})
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
        entry = verbs.get(token.lemma_.lower()) or _that_taking(token)
        if token.dep_ == "xcomp" and token.head.lemma_.lower() in NOT_SAID:
            continue  # "the report failed to mention that ...": the source did not say it
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
        elif token.lower_ in cues_of_kind("stance") and (token.dep_ == "acomp" or _passive(token)):
            claim = stance_claim(token)
        else:
            claim = None
        if claim is not None:
            claims.append(claim)
    return claims


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


def noun_claim(noun: Token) -> Claim | None:
    """A noun cue with its content: "his call for a ban", "Pence's claim that ...", "the
    answer was that ..."; the source is the possessor or a "by/from X" phrase, if any."""
    content = _noun_content(noun)
    if content is None:
        return None
    source = None
    for child in noun.children:
        if child.dep_ == "poss":
            source = noun_phrase(child)
        elif child.dep_ == "prep" and child.lower_ in ("by", "from") and source is None:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            source = noun_phrase(obj)
    if source is None:
        return None  # "plans for wider operations": nobody's words
    return Claim(cue=(noun.i, noun.i + 1), source=source, content=content, kind="noun")


def stance_claim(adjective: Token) -> Claim | None:
    """ "X is eager to ...", "X was critical of ...", "X is convinced that ...": the copula
    and adjective are the cue, the subject the source, the clause or object the content."""
    passive = _passive(adjective)
    verb = adjective if passive else adjective.head
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None) if passive else _subject(verb)
    source = noun_phrase(subject)
    content = None
    for child in adjective.rights:
        if child.dep_ in ("ccomp", "xcomp"):
            content = _subtree(child)
        elif child.dep_ == "prep" and child.lower_ != "in":
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            content = _subtree(obj) if obj is not None else None
        if content is not None:
            break
    if source is None or content is None:
        return None
    be = next((c.i for c in verb.children if c.dep_ == "auxpass"), verb.i) if passive else verb.i
    return Claim(cue=(min(be, adjective.i), adjective.i + 1), source=source, content=content, kind="stance")


def _passive(token: Token) -> bool:
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
        content = _subtree(objects[0]) if objects else None
    source = full_phrase(_subject(verb), verb)
    if content is None or source is None:
        return None
    return Claim(cue=(verb.i, noun.i + 1), source=source, content=content, kind="noun")


def _noun_content(noun: Token) -> tuple[int, int] | None:
    for child in noun.rights:
        if _introduced_clause(child):
            return _subtree(child)
        if child.dep_ == "prep" and child.lower_ in ("for", "on", "about", "of"):
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None and (child.lower_ != "of" or obj.pos_ == "VERB"):
                return _subtree(obj)
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        clause = next((c for c in noun.head.rights if c.dep_ == "ccomp"), None)
        if clause is not None:
            return _subtree(clause)
    return None


def verb_claim(verb: Token, entry: CueEntry) -> Claim:
    """A cue verb's claim; its content may still be missing (a quotation can fill it)."""
    source = full_phrase(_subject(verb), verb) or _inverted_source(verb)
    passive = source is None and any(c.dep_ == "nsubjpass" for c in verb.children)
    return Claim(
        cue=_cue_span(verb),
        source=source,
        content=_content(verb, entry),
        recipients=_recipients(verb),
        kind="speech" if passive else entry.kind,  # "X is expected to": a claim of no one named
    )


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


def _that_taking(verb: Token) -> CueEntry | None:
    """A verb outside the lexicon that takes a "that" clause and has a subject ("X conceded
    that ...", "X hinted that ..."): such verbs report speech or thought."""
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    for child in verb.children:
        if child.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            return CueEntry("speech", "clause")
    return None


def _introduced_clause(token: Token) -> bool:
    """A clause hung on a noun and opened by "that" or "to" ("the claim that", "a call to")."""
    if token.dep_ not in ("acl", "ccomp") or token.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.lower_ in ("that", "to") for c in token.children if c.i < token.i)


def prep_claim(verb: Token) -> Claim | None:
    """A verb-plus-preposition cue ("called for a ceasefire"): the object is the content."""
    preps = prep_cues().get(verb.lemma_.lower())
    if not preps:
        return None
    for child in verb.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                end = child.i + 1 if child.i == verb.i + 1 else verb.i + 1
                return Claim(cue=(verb.i, end), source=noun_phrase(_subject(verb)), content=_subtree(objects[0]))
    return None


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
        return _subtree(verb.head)
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
    return _that_clause(verb) or _clause_before(verb)


def _is_as_clause(verb: Token) -> bool:
    """ "As the Post reported, ...": an adverbial clause opened by "as"."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)


def _as_content(verb: Token) -> tuple[int, int] | None:
    """The clause an "as X reported" clause hangs on, without the as-clause itself."""
    head, (start, end) = verb.head, _subtree(verb)
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
            return _subtree(child)
        if child.dep_ == "prep" and child.lower_ == "about":
            obj = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return _subtree(obj)
    return None


def _extended(verb: Token, clause: Token) -> tuple[int, int]:
    """A complement clause, plus what the parser hung on the cue verb after it ("said X
    because Y", "said X, but Y"), up to another cue ("..., adding that ...")."""
    start, end = _subtree(clause)
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
    trailing = {t.i for c in verb.rights if c.dep_ in TRAILING_DEPS for t in c.subtree}
    rest = [t for t in doc[verb.i + 1 : sent.end] if not (t.is_punct or t.is_space or t.i in trailing)]
    if rest or verb.i - sent.start < 4 or verb.dep_ not in ("ROOT", "parataxis", "conj"):
        return None
    subject = _subject(verb)
    end = subject.left_edge.i if subject is not None and subject.i < verb.i else verb.i
    if not doc[end - 1].is_punct:
        return None  # "..., records show." needs the comma (or quote) before the source
    while end > sent.start and verb.doc[end - 1].is_punct and not verb.doc[end - 1].is_quote:
        end -= 1
    return (sent.start, end) if end - sent.start >= 3 else None


def _subtree(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _subject(verb: Token) -> Token | None:
    """The source of a cue verb: its subject or passive agent, climbing to the verb it hangs on."""
    current = verb
    for _ in range(6):
        children = list(current.children)
        for child in children:
            if child.dep_ in SUBJECT_DEPS:
                return None if child.lower_ in NO_SOURCE_SUBJECTS else child
        for child in children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        if any(c.dep_ == "nsubjpass" for c in children):
            return None
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            return None
        current = current.head
    return None


def full_phrase(head: Token | None, cue: Token) -> tuple[int, int] | None:
    """A subject's whole noun phrase, with its appositions, conjuncts and relative clauses
    ("Ann Lee, a senator who ...", "families and officials") as PolNeAR marks sources, but
    not the part that holds the cue itself ("officials, who said")."""
    if head is None or head.pos_ == "PRON":
        return noun_phrase(head)
    start, end = noun_phrase(head)[0], head.right_edge.i + 1  # type: ignore[index]
    for child in head.rights:
        if child.left_edge.i <= cue.i <= child.right_edge.i:
            end = min(end, child.left_edge.i)
    while start < head.i and _loose_edge(head.doc[start], head):
        start += 1  # "Even Rendell said", but "only 49 percent of voters said"
    return start, max(end, head.i + 1)


def _loose_edge(token: Token, head: Token) -> bool:
    return token.dep_ in ("cc", "punct") or (token.head == head and token.dep_ == "advmod")


def noun_phrase(head: Token | None) -> tuple[int, int] | None:
    """A source's words: the head with its left modifiers and directly following "of/in/at"
    phrases, but not appositions, relative clauses or anything after a comma."""
    if head is None:
        return None
    start, end = head.left_edge.i, head.i + 1
    while start < head.i and head.doc[start].ent_type_ in ("DATE", "TIME"):
        start += 1  # "Last Friday US Ambassador ... told": the date is not the source
    for child in head.rights:
        if child.dep_ in ("prep", "compound", "nummod") and child.left_edge.i == end:
            end = child.right_edge.i + 1
        else:
            break
    return start, end


def _recipients(verb: Token) -> list[Token]:
    """Whom the words were given to: "told X", "said to X", "in an interview with X"."""
    found = []
    for child in verb.children:
        if child.dep_ in ("dative", "dobj") and verb.lemma_.lower() in RECIPIENT_VERBS:
            found.append(child)
        elif child.dep_ in ("prep", "dative"):
            found.extend(_prep_objects(child))
    return found


def _prep_objects(prep: Token) -> list[Token]:
    found = []
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        if prep.lower_ in ("to", "with"):
            found.append(obj)
        if obj.lemma_.lower() in CHANNEL_NOUNS:
            for inner in obj.children:
                if inner.dep_ == "prep" and inner.lower_ == "with":
                    found.extend(o for o in inner.children if o.dep_ == "pobj")
    return found


def phrase_claims(token: Token, by_verb: dict[int, Claim]) -> list[Claim]:
    """Claims of "according to X", "citing X" and "X quoted by Y"."""
    lower = token.lower_
    if lower == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return _according(token, by_verb)
    if lower == "citing":
        return _citing(token, by_verb)
    if token.text == ":":
        return _headline(token)
    return []


def _headline(colon: Token) -> list[Claim]:
    """A label "Name: what they said" opening a line, or after a dash ("POLLS - Ann Lee:
    “...”"), as in headlines and transcripts; the content runs to the end of the line."""
    sent, doc = colon.sent, colon.doc
    start = _label_start(doc, sent.start, colon.i)
    words = doc[start : colon.i]
    if start is None or not 1 <= len(words) <= 6 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return []
    if words.root.ent_type_ not in ("PERSON", "ORG") or words.root.pos_ != "PROPN":
        return []  # "Editor's note:", "STAT OF THE WEEK:" are the author's own labels
    end = _line_end(doc, colon.i + 1)
    if end - colon.i < 3:
        return []
    return [Claim(cue=(colon.i, colon.i + 1), source=(start, colon.i), content=(colon.i + 1, end), kind="headline")]


def _label_start(doc: Doc, sent_start: int, colon: int) -> int | None:
    """Where a "Name:" label starts: after a spaced dash, or at a line's start; else None."""
    for i in range(colon - 1, sent_start - 1, -1):
        if doc[i].text in LABEL_DASHES and doc[i].whitespace_:
            return i + 1
    if sent_start == 0 or "\n" in doc[sent_start - 1].text_with_ws:
        return sent_start
    return None


def _line_end(doc: Doc, start: int) -> int:
    """The token index where the line holding ``start`` ends."""
    for i in range(start, len(doc)):
        if doc[i].is_space and "\n" in doc[i].text:
            return i
        if "\n" in doc[i].whitespace_:
            return i + 1
    return len(doc)


def _according(token: Token, by_verb: dict[int, Claim]) -> list[Claim]:
    to = token.nbor()
    head = next((c for c in to.children if c.dep_ == "pobj"), None)
    if head is None:
        return []
    source = noun_phrase(head)
    claim = Claim(cue=(token.i, to.i + 1), source=source, content=None)
    claim.content = _around(token.sent, token.i, source[1] if source else to.i + 1)
    relay = _quoted_by(token.doc, source[1] if source else to.i + 1, head, claim)
    return [claim, relay] if relay else [claim]


def _quoted_by(doc: Doc, after: int, head: Token, claim: Claim) -> Claim | None:
    """A "quoted (anonymously) by Y" right after a source: Y relays that source's words."""
    for token in doc[after : min(after + 3, len(doc))]:
        if token.lemma_.lower() in ("quote", "cite") and token.pos_ == "VERB":
            for prep in token.rights:
                if prep.lower_ == "by" and prep.dep_ in ("agent", "prep"):
                    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if obj is not None:
                        relay = Claim(
                            cue=(token.i, token.i + 1), source=noun_phrase(obj), content=claim.content, kind="relay"
                        )
                        claim.via = relay
                        claim.content = _around(token.sent, claim.cue[0], obj.right_edge.i + 1)
                        relay.content = claim.content
                        return relay
    return None


def _citing(token: Token, by_verb: dict[int, Claim]) -> list[Claim]:
    obj = next((c for c in token.children if c.dep_ in ("dobj", "pobj")), None)
    if obj is None:
        return []
    source = noun_phrase(obj)
    relay = by_verb.get(token.head.i)
    content = relay.content if relay else _around(token.sent, token.i, obj.right_edge.i + 1)
    claim = Claim(cue=(token.i, token.i + 1), source=source, content=content, kind="cited")
    claim.via = relay
    return [claim]


def _around(sent, start: int, end: int) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """The rest of a sentence around a phrase [start, end): what follows it if the phrase
    opens the sentence, else what precedes it."""
    after = (end, sent.end)
    before = (sent.start, start)
    lead = [t for t in sent.doc[sent.start : start] if not (t.is_punct or t.is_space)]
    span = after if len(lead) <= 1 else before
    return span if span[1] > span[0] else None
