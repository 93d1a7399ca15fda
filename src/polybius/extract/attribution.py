"""Attribution stage: quotations and reported speech, with their sources, chains and outlets.

1. Quotations are found in the text (``quotes``); cues in the parse (``attribution_cues``),
   but none inside quotations, markup left in the text ("<tweet ...>") or an editor's note.
2. A cue whose sentence holds a quotation takes it as its content (``direct``); a quotation
   split by its cue ("X," Renzi stated, "Y.") is one content; a cue with nothing after its
   colon takes the quotation that follows.
3. A quotation no cue claimed continues the speaker of the quotation just before it.
4. Sources link to entities (pronouns to the nearest compatible earlier one); unnamed sources
   get a kind and affiliation; "citing" and "quoted by" make ``via`` chains; "told X" and
   "in an interview with X" name the ``outlet`` when X is a news medium.
The author's own assertions carry no cue and so are never attributions.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from polybius.analysis import Analysis
from polybius.extract.actors import entity_at, speaker_antecedent
from polybius.extract.attribution_claims import find_claims
from polybius.extract.attribution_cues import SUBJECT_DEPS, Claim
from polybius.extract.quotes import find_quotes
from polybius.model import Attribution, Entity, Source, Span
from polybius.resolve.actors import anonymous_kind

Chars = tuple[int, int]
NOT_SOURCES = frozenset({"DATE", "TIME", "MONEY", "QUANTITY"})
# The writer's own "I think" / "you know": an assertion of the author, not an attribution
# (issue 3), although PolNeAR marks it; quoted speakers' beliefs are inside their quotes.
WRITER_PRONOUNS = frozenset({"i", "me", "you"})
# Words that PolNeAR includes in a cue verb's span when they stand right before it.
VERB_GROUP_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
MIN_QUOTE_WORDS = 4  # shorter quotations are mostly scare quotes ("invasion"), not speech
# A speaker's next quotation follows within about 60 words (a short paragraph).
CONTINUATION_GAP = 400
# Markup left in a text (an embedded tweet's "<tweet author=... >"): no cue and no source.
MARKUP = re.compile(r"</?[A-Za-z][^<>\n]{0,400}>")
# An editor's note appended to a story is the publisher's own voice, not reported speech.
EDITORS_NOTE = re.compile(r"^[ \t]*editor[’']?s[’']? note\b[^\n]*", re.IGNORECASE | re.MULTILINE)
# Dependency roles of speech cues that stand as claims of their own inside another content.
NESTED_SPEECH_DEPS = frozenset({"prep", "advcl", "relcl"})
# ... and of any cue that stands on its own inside what someone wants or believes; a clause
# complement ("wants to say", "thinks they should endorse") is part of the belief.
BESIDE_BELIEF_DEPS = frozenset({"advcl", "relcl", "conj", "ROOT", "parataxis"})


def extract_attributions(analysis: Analysis) -> list[Attribution]:
    """Quotations and reported speech of the document, each with source, cue and content."""
    doc, text = analysis.doc, analysis.text
    tags = [m.span() for m in MARKUP.finditer(text)]
    notes = [m.span() for m in EDITORS_NOTE.finditer(text)]
    quotes = [q for q in find_quotes(_blanked(text, tags)) if len(text[q[0] : q[1]].split()) >= MIN_QUOTE_WORDS]
    claims = find_claims(doc, _tokens_inside(doc, quotes) | _tokens_within(doc, tags + notes))
    contents = _assign_quotes(doc, text, claims, quotes)
    contents.update(_continuations(doc, claims, contents, quotes))
    _drop_nested(doc, claims, contents)
    return _records(analysis, claims, contents, tags)


def _blanked(text: str, spans: list[Chars]) -> str:
    """``text`` with the given spans (markup) replaced by spaces, offsets kept."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _tokens_within(doc: Doc, spans: list[Chars]) -> set[int]:
    found: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            found.update(range(span.start, span.end))
    return found


def _drop_nested(doc: Doc, claims: list[Claim], contents: dict[int, Chars]) -> None:
    """Drop claims whose cue lies inside another claim's content: the outer claim already
    carries those words ("X said Y wants Z" is X's claim). A second cue verb coordinated
    with the first ("X said A and said B", parsed as if "said B" were part of A) is kept
    as the outer source's own claim, and the outer content ends before it. Inside what
    someone wants or believes only a complement goes ("wants to say" is one wish); a cue of
    its own there stays ("hopes voters who said no will return")."""
    relaying = ("continued", "inference")
    outer = sorted((c, n) for n, c in contents.items() if claims[n].kind not in relaying)
    for n in list(contents):
        if _reported_within(doc, claims[n]):
            continue
        cue = doc[claims[n].cue[0]].idx
        for c, m in outer:
            if not (c[0] <= cue < c[1] and m != n and claims[m].cue != claims[n].cue):
                continue
            if claims[m].kind == "belief" and doc[claims[n].cue[0]].dep_ in BESIDE_BELIEF_DEPS:
                continue  # "Lee hopes voters who said no will return": the voters said it
            cut = _coordinated_cut(doc, claims[n], c)
            if cut is None:
                del contents[n]
                break
            contents[m] = (c[0], cut)
            claims[n].source = claims[m].source


def _reported_within(doc: Doc, claim: Claim) -> bool:
    """A speech cue PolNeAR marks even inside another claim's content: "according to X", a
    participle ("..., saying that"), a relative clause ("a plan he said would fail")."""
    return claim.kind == "speech" and doc[claim.cue[0]].dep_ in NESTED_SPEECH_DEPS


def _coordinated_cut(doc: Doc, claim: Claim, content: Chars) -> int | None:
    """Where an outer content ends when ``claim`` is a cue verb coordinated with it: a
    subjectless conjunct right after "and"/"but" ("..., and said that ..."); else None."""
    verb = doc[claim.cue[0]]
    if claim.kind != "speech" or verb.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    i = verb.i
    while i > 0 and doc[i - 1].dep_ in ("advmod", "aux", "neg") and doc[i - 1].idx > content[0]:
        i -= 1
    if i == 0 or doc[i - 1].dep_ != "cc":
        return None
    while i > 0 and (doc[i - 1].dep_ == "cc" or doc[i - 1].is_punct) and doc[i - 1].idx > content[0]:
        i -= 1
    last = doc[i - 1]
    end = last.idx + len(last.text)
    return end if end > content[0] else None


def _tokens_inside(doc: Doc, quotes: list[Chars]) -> set[int]:
    inside: set[int] = set()
    for start, end in quotes:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start + 1, span.end - 1))
    return inside


def _chars(doc: Doc, tokens: tuple[int, int] | None) -> Chars | None:
    """Character span of a token span, without edge punctuation other than quote marks."""
    if tokens is None:
        return None
    start, end = tokens
    while start < end and _trimmable(doc[start]):
        start += 1
    while end > start and _trimmable(doc[end - 1]):
        end -= 1
    if end <= start:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _trimmable(token: Token) -> bool:
    """Edge tokens a span does without: spaces, most punctuation, a dangling "and"."""
    return token.is_space or token.dep_ == "cc" or (token.is_punct and not token.is_quote and token.text not in "()")


def _assign_quotes(doc: Doc, text: str, claims: list[Claim], quotes: list[Chars]) -> dict[int, Chars]:
    """Each claim's content in characters, a quotation replacing or filling a clause.

    A cue takes the quotations of its sentence that no other cue stands between ("“X,” Trump
    told a rally, saying Clinton would “Y”": X is told, Y is said).
    """
    cues = sorted({doc[claim.cue[0]].idx for claim in claims})
    contents: dict[int, Chars] = {}
    for n, claim in enumerate(claims):
        content = _chars(doc, claim.content)
        cue = doc[claim.cue[0]]
        sentence = (cue.sent.start_char, cue.sent.end_char)
        around = [
            q
            for q in quotes
            if _overlaps(q, sentence) and not _inside(cue.idx, q) and not _cue_between(cues, q, cue.idx)
        ]
        if around and (content is None or _mostly_quoted(content, around)):
            parts = around + ([content] if content else [])
            content = (min(q[0] for q in parts), max(q[1] for q in parts))
        elif content is None:
            content = _adjacent_quote(text, sentence, quotes) or _chars(doc, claim.fallback)
        if content is not None:
            contents[n] = content
    return contents


def _cue_between(cues: list[int], quote: Chars, position: int) -> bool:
    low, high = (quote[1], position) if quote[1] <= position else (position + 1, quote[0])
    return any(low <= c < high for c in cues)


def _overlaps(a: Chars, b: Chars) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(position: int, span: Chars) -> bool:
    return span[0] <= position < span[1]


def _mostly_quoted(content: Chars, quotes: list[Chars]) -> bool:
    quoted = sum(max(0, min(q[1], content[1]) - max(q[0], content[0])) for q in quotes)
    return quoted * 2 >= content[1] - content[0]


def _adjacent_quote(text: str, sentence: Chars, quotes: list[Chars]) -> Chars | None:
    """The quotation right after a cue sentence ending in a colon, or right before it."""
    for quote in quotes:
        gap_after = text[sentence[1] : quote[0]]
        colon = text[: sentence[1]].rstrip()[-1:] == ":"
        if quote[0] >= sentence[1] and not gap_after.strip() and colon:
            return quote
        gap_before = text[quote[1] : sentence[0]]
        if quote[1] <= sentence[0] and not gap_before.strip() and "\n\n" not in gap_before:
            return quote
    return None


def _continuations(doc: Doc, claims: list[Claim], contents: dict[int, Chars], quotes: list[Chars]) -> dict[int, Chars]:
    """Quotations no cue claimed, attached (as new claims) to the claim just before them."""
    added: dict[int, Chars] = {}
    claimed = sorted(contents.values())
    for quote in quotes:
        if any(_overlaps(quote, c) for c in claimed):
            continue
        previous = _previous_claim(claims, {**contents, **added}, quote)
        if previous is None:
            continue
        claims.append(Claim(cue=previous.cue, source=previous.source, content=None, recipients=[], kind="continued"))
        added[len(claims) - 1] = quote
    return added


def _previous_claim(claims: list[Claim], contents: dict[int, Chars], quote: Chars) -> Claim | None:
    """The claim whose content ends nearest before ``quote``, less than ``CONTINUATION_GAP``
    characters before it: a quotation that follows someone's words is theirs ("Ortiz said the
    bridge would reopen. “We are ready.”")."""
    before = [(c[1], n) for n, c in contents.items() if c[1] <= quote[0]]
    if not before:
        return None
    end, n = max(before)
    return claims[n] if quote[0] - end < CONTINUATION_GAP else None


def _records(
    analysis: Analysis, claims: list[Claim], contents: dict[int, Chars], tags: list[Chars]
) -> list[Attribution]:
    """Attribution records in text order; claims without content or a valid source dropped."""
    order = sorted(contents, key=lambda n: (contents[n][0], claims[n].cue[0]))
    ids = {id(claims[n]): f"a{i}" for i, n in enumerate(order, 1)}
    records = []
    for n in order:
        claim = claims[n]
        source = _source(analysis, claim, tags)
        content = _without_markup(analysis.text, contents[n], tags)
        if source is None or content is None:
            continue
        records.append(
            Attribution(
                id=ids[id(claim)],
                source=source,
                cue=_cue(analysis, claim, content),
                content=_span(analysis, content),
                direct=_is_direct(analysis.text, content),
                via=ids.get(id(claim.via)) if claim.via is not None else None,
                outlet=_outlet(analysis, claim),
            )
        )
    return _renumber(records)


def _cue(analysis: Analysis, claim: Claim, content: Chars) -> Span | None:
    if claim.kind == "continued":
        return None
    cue = _with_preposition(analysis.doc, _with_auxiliaries(analysis.doc, claim.cue), content)
    return _span(analysis, _token_chars(analysis.doc, cue))


def _with_preposition(doc: Doc, cue: tuple[int, int], content: Chars) -> tuple[int, int]:
    """A cue with the preposition right after it whose object is the content ("responded to
    the remarks", "talked about the deal"), as PolNeAR marks cues."""
    end = cue[1]
    if end + 1 >= len(doc) or doc[end + 1].idx != content[0]:
        return cue
    return (cue[0], end + 1) if doc[end].dep_ == "prep" and doc[end].head.i == end - 1 else cue


def _with_auxiliaries(doc: Doc, cue: tuple[int, int]) -> tuple[int, int]:
    """A cue verb with the auxiliaries, negation and adverbs right before it ("has not yet
    responded"), as PolNeAR marks cues."""
    verb, start = doc[cue[0]], cue[0]
    if verb.pos_ not in ("VERB", "AUX"):
        return cue
    while start > 0 and doc[start - 1].head.i == verb.i and doc[start - 1].dep_ in VERB_GROUP_DEPS:
        start -= 1
    return start, cue[1]


def _renumber(records: list[Attribution]) -> list[Attribution]:
    """Number records a1.. in order, keeping ``via`` links pointing at the renumbered ids."""
    mapping = {r.id: f"a{i}" for i, r in enumerate(records, 1)}
    for record in records:
        record.id = mapping[record.id]
        record.via = mapping.get(record.via) if record.via else None
    return records


def _token_chars(doc: Doc, tokens: tuple[int, int]) -> Chars:
    return doc[tokens[0]].idx, doc[tokens[1] - 1].idx + len(doc[tokens[1] - 1].text)


def _span(analysis: Analysis, chars: Chars) -> Span:
    return Span(chars[0], chars[1], analysis.text[chars[0] : chars[1]])


def _is_direct(text: str, content: Chars) -> bool:
    return text[content[0]] in "\"\u201c`'" and text[content[1] - 1] in "\"\u201d'"


def _source(analysis: Analysis, claim: Claim, tags: list[Chars]) -> Source | None:
    """Who stands behind a claim; None when the would-be source is a date or the writer.

    A name the place finder took for a town still speaks ("“Look at what you did,” Franken
    said"; on PolNeAR train nine in ten such subjects are the speakers)."""
    if claim.source is None or claim.kind == "inference":
        # "it was reported that": a speech cue without a source; a bare "seeking to" is no
        # claim; "X seems to ..." is the writer's reading, with no source of its own
        return None if claim.kind == "belief" else Source(text="", anonymous=True)
    doc = analysis.doc
    chars = _after_markup(_chars(doc, claim.source), tags)
    if chars is None:
        return Source(text="", anonymous=True)
    chars = _closing_comma(analysis.text, chars)
    phrase = doc[claim.source[0] : claim.source[1]]
    head = phrase.root
    if head.lower_ in WRITER_PRONOUNS and claim.kind in ("belief", "stance"):
        return None
    if head.ent_type_ in NOT_SOURCES and not phrase.text.endswith("-old"):
        return None  # "last week showed ...", but "the 46-year-old said" is a person
    if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl":
        head = head.head.head  # "officials, who said": the officials stand behind it
    entity = (
        speaker_antecedent(analysis.entities, head)
        if head.pos_ == "PRON"
        else entity_at(analysis, head.idx, head.idx + len(head.text))
    )
    return _describe(analysis.text, chars, head, entity)


def _without_markup(text: str, content: Chars, tags: list[Chars]) -> Chars | None:
    """A content without the markup at its edges ("you all!</tweet>" is "you all!")."""
    start, end = content
    for begin, finish in tags:
        if begin <= start < finish:
            start = finish
        elif start < begin < end:
            end = begin
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _after_markup(chars: Chars | None, tags: list[Chars]) -> Chars | None:
    """A source span without the markup it overlaps ("<tweet author=...>I" is "I")."""
    if chars is None:
        return None
    start = max([chars[0], *(end for begin, end in tags if begin < chars[1] and end > chars[0])])
    return (start, chars[1]) if start < chars[1] else None


def _closing_comma(text: str, chars: Chars) -> Chars:
    """A source set off by commas keeps the one that closes it ("Ann Lee, a senator, said"),
    as PolNeAR marks sources."""
    if "," in text[chars[0] : chars[1]] and text[chars[1] : chars[1] + 1] == ",":
        return chars[0], chars[1] + 1
    return chars


def _describe(text: str, chars: Chars, head: Token, entity: Entity | None) -> Source:
    kind = anonymous_kind(head.lemma_) if entity is None or entity.nominal else None
    anonymous = kind is not None and head.ent_type_ not in ("PERSON", "ORG")
    phrase = text[chars[0] : chars[1]]
    return Source(
        text=phrase,
        start=chars[0],
        end=chars[1],
        entity=entity.id if entity else None,
        anonymous=anonymous,
        kind=kind if anonymous else None,
        affiliation=_affiliation(phrase) if anonymous else None,
    )


def _affiliation(phrase: str) -> str:
    words = phrase.split(",")[0].split()  # "officials, who spoke on condition of anonymity"
    if words and words[0].lower() in ("a", "an", "the", "one", "some", "two", "several"):
        words = words[1:]
    return " ".join(words)


def _outlet(analysis: Analysis, claim: Claim) -> str | None:
    """The news medium the words were given to, when a recipient is one."""
    for token in claim.recipients:
        entity = entity_at(analysis, token.idx, token.idx + len(token.text))
        if entity is not None and entity.sector == "MED":
            return entity.id
    return None
