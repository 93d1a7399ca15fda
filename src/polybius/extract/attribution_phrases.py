"""Attribution cues that are fixed phrases or punctuation: "according to X", "citing X",
"X quoted by Y", and a "Name:" label opening a line ("TAPPER: ...", "Ann Lee: “...”").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from polybius.extract.attribution_cues import Claim, cues_of_kind, noun_phrase
from polybius.extract.attribution_sources import speaker_like, subject_of
from polybius.extract.doc_views import doc_text

LABEL_DASHES = frozenset({"-", "\u2013", "\u2014", "\u2015"})
# All-capitals labels of the writer or editor, not speakers ("CORRECTION:", "UPDATE:").
EDITORIAL_LABELS = frozenset(
    {"CORRECTION", "CLARIFICATION", "UPDATE", "UPDATED", "BREAKING", "WATCH", "VIDEO", "NOTE", "EXCLUSIVE"}
    | {"BYLINE", "EMAIL", "PREVIOUSLY", "LOOK", "READ", "READS", "RELATED", "PHOTO", "PHOTOS", "AUDIO"}
    | {"TRANSCRIPT", "WOW", "BOOM", "BUSTED", "BOMBSHELL", "DEVELOPING", "ANALYSIS", "OPINION"}
)
# Words of a headline's "X:" that make it a series or section title ("The Latest:"), not a speaker.
TITLE_LABEL_WORDS = frozenset({"latest", "update", "updates", "notice", "note", "breaking", "watch", "video", "live"})
HEADLINE_LABEL_WORDS = 4  # "Wash Post Fact-Check:", "Clinton camp:", "Poll:"
# Common nouns for people and groups, whose perspective a "To many, ..." phrase gives.
PERSON_WORDS = frozenset(
    {"many", "some", "others", "critics", "supporters", "voters", "people", "administration", "campaign", "party"}
    | {"president", "candidate", "senator", "governor", "democrats", "republicans", "conservatives", "liberals"}
    | {"chief", "leader", "leaders", "officials", "observers", "analysts", "experts", "investors", "fans"}
)


def phrase_claims(token: Token, by_verb: dict[int, Claim]) -> list[Claim]:
    """Claims of "according to X", "citing X" and "X quoted by Y"."""
    lower = token.lower_
    if lower == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
        return _according(token, by_verb)
    if lower == "citing":
        return _citing(token, by_verb)
    if token.text == ":":
        return _headline(token)
    if token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX"):
        claim = _survey(token) or _viewpoint(token) or _perspective(token)
        return [claim] if claim is not None else []
    return []


def _survey(prep: Token) -> Claim | None:
    """ "In a CNN poll, Clinton led ...", "by the AP's tally, he has 739": the poll is the
    source, the preposition the cue, the rest of the sentence the content."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if prep.lower_ not in ("in", "by") or obj is None or obj.lemma_.lower() not in cues_of_kind("survey"):
        return None
    if obj.tag_ == "NNS" or not any(c.dep_ in ("det", "poss", "compound", "amod", "nmod") for c in obj.children):
        return None  # "by count" is a manner, "in the polls" a standing, not a source
    source = noun_phrase(obj)
    content = _around(prep.sent, prep.i, obj.right_edge.i + 1)
    return Claim(cue=(prep.i, prep.i + 1), source=source, content=content, kind="cited")


def _viewpoint(prep: Token) -> Claim | None:
    """ "In his view, ...", "in the words of a senior adviser": whose view it is."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if prep.lower_ != "in" or obj is None or obj.lemma_.lower() not in cues_of_kind("viewpoint"):
        return None
    owner = next((c for c in obj.children if c.dep_ == "poss"), None)
    if owner is None:
        of = next((c for c in obj.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if owner is None:
        return None
    return Claim(
        cue=(prep.i, obj.i + 1),
        source=noun_phrase(owner),
        content=_around(prep.sent, prep.i, obj.right_edge.i + 1),
        kind="cited",
    )


def _perspective(prep: Token) -> Claim | None:
    """ "To many, he is a provocateur", "But to others, he's ...": a person-like object of
    "to" that opens its sentence and is set off by a comma."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if prep.lower_ not in cues_of_kind("perspective") or obj is None or obj.right_edge.i + 1 >= len(prep.doc):
        return None
    doc = prep.doc
    opens = prep.i == prep.sent.start or (prep.i == prep.sent.start + 1 and doc[prep.sent.start].dep_ == "cc")
    if doc[obj.right_edge.i + 1].text != "," or not opens:
        return None
    persons = ("PERSON", "ORG", "NORP", "GPE")
    if not (obj.ent_type_ in persons or obj.pos_ == "PRON" or obj.lemma_.lower() in PERSON_WORDS):
        return None
    return Claim(
        cue=(prep.i, prep.i + 1),
        source=noun_phrase(obj),
        content=_around(prep.sent, prep.i, obj.right_edge.i + 1),
        kind="cited",
    )


def _headline(colon: Token) -> list[Claim]:
    """A label "Name: what they said" opening a line, or after a dash ("POLLS - Ann Lee:
    “...”"), as in headlines and transcripts ("TAPPER: ..."); the content runs to the end of
    the line, or is the next line when the label stands alone ("TAPPER:")."""
    sent, doc = colon.sent, colon.doc
    start = _label_start(doc, sent.start, colon.i)
    words = doc[start : colon.i]
    if start is None or not 1 <= len(words) <= 6 or any(t.pos_ in ("VERB", "AUX") for t in words):
        return []
    if any(t.text.upper() in EDITORIAL_LABELS for t in words):
        return []  # "BREAKING:", "Video Transcript:", "Wow:" are the author's own labels
    if not (_speaker_label(words) or _headline_label(doc, words)):
        return []  # "Editor's note:", "STAT OF THE WEEK:" are the author's own labels
    end = _line_end(doc, colon.i + 1)
    first = colon.i + 1
    if end - colon.i < 3:
        first = next((t.i for t in doc[end:] if not t.is_space), len(doc))
        end = _line_end(doc, first)
    if sum(1 for t in doc[first:end] if t.is_alpha) < 2:
        return []  # "Clinton: 1,769." is a tally, not words
    return [Claim(cue=(colon.i, colon.i + 1), source=(start, colon.i), content=(first, end), kind="headline")]


def _speaker_label(words: Span) -> bool:
    """A name as a transcript or headline label: a person or organisation, or a short
    all-capitals name ("TAPPER", "JAKE TAPPER")."""
    if words.root.ent_type_ in ("PERSON", "ORG") and words.root.pos_ in ("PROPN", "ADJ", "NOUN"):
        return True
    alpha = [t for t in words if t.is_alpha]
    return len(words) <= 2 and len(alpha) == len(words) and all(t.is_upper and len(t) > 2 for t in alpha)


def _headline_label(doc: Doc, words: Span) -> bool:
    """A short capitalised "X:" opening the headline (the text's first line), which in news
    names who says what follows ("Lynch: No outside influence", "Poll: Sanders leads"),
    unless it is a series title ("The Latest:") or holds a verb."""
    if "\n" in doc_text(doc)[: words.start_char] or words[0].pos_ == "DET" or not words[0].text[:1].isupper():
        return False
    alpha = [t for t in words if t.is_alpha]
    if not alpha or len(alpha) > HEADLINE_LABEL_WORDS or any(t.pos_ == "AUX" for t in words):
        return False
    return not any(t.lower_ in TITLE_LABEL_WORDS for t in alpha)


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
    """ "Citing anonymous officials, the Times reported": the officials are the source, relayed
    by the Times. "He declined, citing legal risks": what is cited is no one, so the one who
    cites it is the source and the reasons are the content."""
    obj = next((c for c in token.children if c.dep_ in ("dobj", "pobj")), None)
    if obj is None:
        return []
    if not _cited_party(obj):
        reasons = (obj.left_edge.i, obj.right_edge.i + 1)
        return [Claim(cue=(token.i, token.i + 1), source=noun_phrase(subject_of(token)), content=reasons)]
    source = noun_phrase(obj)
    relay = by_verb.get(token.head.i)
    content = relay.content if relay else _around(token.sent, token.i, obj.right_edge.i + 1)
    claim = Claim(cue=(token.i, token.i + 1), source=source, content=content, kind="cited")
    claim.via = relay
    return [claim]


def _cited_party(obj: Token) -> bool:
    """Whether the object of "citing" can speak or record: a person, group, outlet, unnamed
    source or survey ("citing officials", "citing a CNN poll"), not a reason ("citing fears")."""
    lemma = obj.lemma_.lower()
    if speaker_like(obj) or obj.ent_type_ == "GPE" or (obj.pos_ == "PRON" and lemma != "it"):
        return True
    return lemma in PERSON_WORDS or lemma in cues_of_kind("survey")


def _around(sent, start: int, end: int) -> tuple[int, int] | None:  # type: ignore[no-untyped-def]
    """The rest of a sentence around a phrase [start, end): what follows it if the phrase
    opens the sentence, else what precedes it."""
    after = (end, sent.end)
    before = (sent.start, start)
    lead = [t for t in sent.doc[sent.start : start] if not (t.is_punct or t.is_space)]
    span = after if len(lead) <= 1 else before
    return span if span[1] > span[0] else None
