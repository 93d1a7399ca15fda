"""Sources of attribution cues in the dependency parse: a cue verb's subject or passive
agent (climbing through conjoined, adverbial and participial verbs, past a dateline), the
words of a source's noun phrase as PolNeAR marks them, and whom the words were given to.
"""

from __future__ import annotations

from spacy.tokens import Token

from polybius.resolve.actors import anonymous_kind, nominal_heads

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
# Verbs whose subject a cue inherits when it has none of its own.
CLIMB_DEPS = frozenset({"conj", "xcomp", "advcl", "acl", "pcomp", "prep", "pobj", "dobj", "acomp"})
RECIPIENT_VERBS = frozenset({"tell", "ask", "inform", "assure", "urge", "warn", "advise", "order"})
CHANNEL_NOUNS = frozenset(
    {"statement", "interview", "tweet", "post", "email", "letter", "speech", "op", "conference", "briefing", "memo"}
    | {"release"}
)


def subject_of(verb: Token) -> Token | None:
    """The source of a cue verb: its subject or passive agent, climbing to the verb it hangs on."""
    current, came_by = verb, ""
    for _ in range(6):
        children = list(current.children)
        subjects = [c for c in children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            child = _past_dateline(subjects)
            return None if child is None or _no_source(child, current) else child
        for child in children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        passive = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            # "Trump was prompted to say": who was made to speak speaks
            return passive if came_by == "xcomp" and current.i != verb.i else None
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ == "acl" and current.tag_ in ("VBG", "VBN") and speaker_like(current.head):
            return current.head  # "groups advocating a cap", "a group set up to highlight"
        if current.dep_ not in CLIMB_DEPS or current.head.i == current.i:
            return None
        came_by = current.dep_
        current = current.head
    return None


def speaker_like(noun: Token) -> bool:
    """Whether a noun can be someone who speaks: a named person, group or organisation, or a
    common noun for people ("officials", "supporters", "groups")."""
    if noun.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in nominal_heads() or anonymous_kind(lemma) is not None)


def _past_dateline(subjects: list[Token]) -> Token | None:
    """The subject, unless the parser took the dateline opening a story for it ("WASHINGTON
    (AP) — Donald Trump said", "CLEVELAND, July 19 (UPI) — Former Attorney General Michael
    Mukasey told"): then the other subject, or the name after the dash."""
    first = subjects[0]
    dash = _dateline_dash(first)
    if dash is None:
        # two subjects for one verb, a comma between them, are a misparse of a clause before it
        # ("dozens injured in the clashes, the Commission said"): the one after the comma speaks
        verb = first.head
        later = [s for s in subjects[1:] if any(t.text == "," for t in first.doc[first.i : s.i])]
        return later[-1] if later and later[-1].i < verb.i else first
    if len(subjects) > 1:
        return subjects[1]
    return next((c for c in first.children if c.i > dash.i and c.pos_ in ("PROPN", "NOUN")), None)


def _dateline_dash(subject: Token) -> Token | None:
    """The dash ending a dateline that ``subject`` heads: a place opening its line, perhaps
    with a date and an agency in brackets, then a dash."""
    doc = subject.doc
    start = subject.left_edge.i
    if start > 0 and "\n" not in doc[start - 1].text_with_ws and start != subject.sent.start:
        return None
    if not (subject.is_upper or subject.ent_type_ == "GPE"):
        return None
    for token in doc[subject.i + 1 : min(subject.i + 8, len(doc))]:
        if token.text in DATELINE_DASHES:
            return token
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


def _no_source(subject: Token, verb: Token) -> bool:
    """ "There" and the "it" of "it is clear that" stand for no one; the "it" of "It said" or
    "it accused" is the company or agency named before."""
    lower = subject.lower_
    return lower == "there" or (lower == "it" and (verb.lemma_ == "be" or verb.pos_ == "AUX"))


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
    end = min(end, _line_end(head))
    while start < head.i and _loose_edge(head.doc[start], head):
        start += 1  # "Even Rendell said", but "only 49 percent of voters said"
    return start, max(end, head.i + 1)


def _line_start(head: Token, start: int) -> int:
    """The first index from ``start`` on the line that holds ``head``: a source never runs
    over a line break (a headline or a link label above it is not part of the name)."""
    doc = head.doc
    for i in range(head.i - 1, start - 1, -1):
        if "\n" in doc[i].text_with_ws:
            return i + 1
    return start


def _line_end(head: Token) -> int:
    """The index after the last token of ``head``'s line."""
    doc = head.doc
    for i in range(head.i, head.right_edge.i + 1):
        if "\n" in doc[i].text_with_ws:
            return i if doc[i].is_space else i + 1
    return head.right_edge.i + 1


def _loose_edge(token: Token, head: Token) -> bool:
    return token.dep_ in ("cc", "punct") or (token.head == head and token.dep_ == "advmod")


def noun_phrase(head: Token | None) -> tuple[int, int] | None:
    """A source's words: the head with its left modifiers and directly following "of/in/at"
    phrases, but not appositions, relative clauses or anything after a comma."""
    if head is None:
        return None
    start, end = _line_start(head, head.left_edge.i), head.i + 1
    while start < head.i and head.doc[start].ent_type_ in ("DATE", "TIME") and not _owner(head.doc[start]):
        start += 1  # "Last Friday US Ambassador ... told": the date is not the source
    for child in head.rights:
        if child.dep_ in ("prep", "compound", "nummod") and child.left_edge.i == end:
            end = child.right_edge.i + 1
        else:
            break
    return start, end


def _owner(token: Token) -> bool:
    """Whether a date word belongs to a possessive that is part of the source ("Last year's
    FBI statistics", "Monday night's results")."""
    doc = token.doc
    i = token.i
    while i + 1 < len(doc) and doc[i + 1].ent_type_ == token.ent_type_ and doc[i + 1].tag_ != "POS":
        i += 1
    return i + 1 < len(doc) and doc[i + 1].tag_ == "POS"


def recipients(verb: Token) -> list[Token]:
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
