"""Time expressions: found in the parse, normalised against the publication date, and the
date of an event chosen from its clause, sentence or paragraph.

Recognition takes spaCy's DATE and TIME entities plus the expressions of
``lexicons/time_patterns.tsv`` the small model misses ("now", "recently", weekdays). Values
come from ``polybius.resolve.calendar`` with ``analysis.anchor`` (the publication date) as
the reference; relative expressions look back from it unless their verb is in the future
tense ("will meet on Friday"). "since 2011" runs from 2011 up to the anchor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from spacy.tokens import Doc, Span, Token

from polybius.analysis import Analysis
from polybius.extract.scope import scopes
from polybius.lexicons import read_words
from polybius.model import EventDate, Time
from polybius.resolve.calendar import MONTHS, WEEKDAYS, TimeValue, normalise
from polybius.resolve.calendar_context import ReportingPeriod

PATTERNS_FILE = "time_patterns.tsv"
TIME_LABELS = frozenset({"DATE", "TIME"})
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
PAST_AUX = frozenset({"had", "has", "have", "did", "was", "were", "'d"})
REPORTING = frozenset({"say", "tell", "report", "be", "have"})
# Words that spaCy puts inside DATE/TIME entities but TimeML leaves outside ("about 10 a.m.").
LEADING_JUNK = frozenset({"about", "only", "just", "nearly", "almost", "around", "approximately",
                          "roughly", "some", "more", "less", "than", "at", "least", "recently",
                          "as", "long", "over", "under", "within", "up", "to", "between",
                          "and", "since", "until", "by", "from"})
AGE = re.compile(r"\d+[- ]years?[- ]old|\w+[- ]years?[- ]olds?$", re.IGNORECASE)
# Values that do not place an event on the calendar.
UNDATED = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
MODIFIERS = frozenset({"early", "late", "mid", "mid-", "each", "every"})
ENDED = frozenset({"ended", "ending"})
DEICTIC = frozenset({"this", "last", "next"})
JOINERS = frozenset({"and", "to", "through", "until"})
# Modal auxiliaries speak of what is to come ("would meet Tuesday"), unless perfect
# ("would have met"); "could" and "can" are left out ("could not be reached Friday").
MODALS = frozenset({"would", "might", "may", "should", "must"})
# Verbs whose time lies ahead even in the past tense ("scheduled a news conference Thursday").
PLANNING = frozenset({"plan", "schedule", "expect", "intend", "due", "hope", "aim"})


def extract_times(analysis: Analysis) -> list[Time]:
    """Every time expression of the document with its normalised value, ids "T1", "T2", ..."""
    doc = analysis.doc
    times: list[Time] = []
    period = ReportingPeriod(analysis.anchor)
    for span in _expressions(doc):
        value = period.resolve(span.text) if analysis.anchor else None
        if value is None:
            value = normalise(span.text, analysis.anchor, _direction(span))
            period.note(value)
        if value is None and not _worth_keeping(span):
            continue
        value = _fiscal_span(span, value)
        value = _since(span, value, analysis)
        times.append(_time(f"T{len(times) + 1}", span, value))
    return times


def _expressions(doc: Doc) -> Iterator[Span]:
    """DATE/TIME entities and pattern matches, without overlaps, in text order."""
    spans = [_trim(ent) for ent in doc.ents if ent.label_ in TIME_LABELS]
    taken = {i for span in spans if span is not None for i in range(span.start, span.end)}
    for match in _pattern().finditer(doc.text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if span is not None and len(span) and not taken & set(range(span.start, span.end)):
            spans.append(span)
            taken.update(range(span.start, span.end))
    ordered = sorted((s for s in spans if s is not None), key=lambda s: s.start)
    for span in _merge(doc, [_widen(s) for s in ordered]):
        yield from _split(span)


def _split(span: Span) -> Iterator[Span]:
    """Two expressions in one entity: "the quarter ended Sept. 30", "between 1994 and 1997".

    TimeML marks each side apart; "ended"/"ending" always separate, a conjunction only when
    both sides are times of their own ("Aug. 26 to Oct. 20", not "April 24 and 25").
    """
    for token in span[1:-1]:
        left, right = span.doc[span.start: token.i], span.doc[token.i + 1: span.end]
        if token.lower_ in ENDED or (token.lower_ in JOINERS and _is_time(left)
                                     and _is_time(right)):
            yield from _split(left)
            yield from _split(right)
            return
    yield span


def _is_time(span: Span) -> bool:
    return normalise(span.text, date(2000, 1, 1)) is not None


def _merge(doc: Doc, spans: list[Span]) -> list[Span]:
    """Join expressions that touch ("Monday" + "night")."""
    merged: list[Span] = []
    for span in spans:
        if merged and span.start <= merged[-1].end:
            merged[-1] = doc[merged[-1].start: max(span.end, merged[-1].end)]
        else:
            merged.append(span)
    return merged


def _widen(span: Span) -> Span:
    """Take in a modifier the entity left out: "late last month", "early 2011", "this year"."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in MODIFIERS or (before in DEICTIC and span[0].lower_ in _CALENDAR_WORDS):
        return span.doc[span.start - 1: span.end]
    return span


def _pattern() -> re.Pattern[str]:
    words = sorted(read_words(PATTERNS_FILE), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


def _trim(ent: Span) -> Span | None:
    """Drop approximators before, punctuation and possessives after; ages are no times."""
    start, end = ent.start, ent.end
    while end > start and _is_trailing_junk(ent.doc[end - 1]):
        end -= 1
    while end - start > 1 and ent.doc[start].lower_ in LEADING_JUNK:
        start += 1
    span = ent.doc[start:end] if end > start else None
    return None if span is None or AGE.search(span.text) else span


def _is_trailing_junk(token: Token) -> bool:
    return token.is_punct or token.is_space or token.tag_ == "POS"


def _worth_keeping(span: Span) -> bool:
    """A DATE entity we cannot normalise is kept only if it names a calendar word."""
    return any(t.lower_ in _CALENDAR_WORDS or t.lower_ in WEEKDAYS or t.lower_ in MONTHS
               for t in span)


_CALENDAR_WORDS = frozenset({
    "day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
    "century", "hour", "hours", "minute", "minutes", "morning", "afternoon", "evening", "night",
    "weekend", "season", "quarter"})


def _direction(span: Span) -> int:
    """+1 when the governing verb speaks of the future ("will meet", "meets"), else -1."""
    head = span.root.head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.head is head:
            break
        head = head.head
    return _verb_direction(head, 2)


def _verb_direction(head: Token, depth: int) -> int:
    """The direction of one verb; an infinitive ("to meet") takes its governor's."""
    aux = {child.lower_ for child in head.children if child.dep_ in ("aux", "auxpass")}
    if aux & FUTURE_AUX or head.lower_ in FUTURE_AUX or "going" in aux:
        return 1
    if (aux & MODALS and "have" not in aux) or head.lemma_ in PLANNING:
        return 1
    if head.tag_ == "VB" and "to" in aux and depth and head.head is not head:
        return _verb_direction(head.head, depth - 1)
    if aux & PAST_AUX or head.tag_ in ("VBD", "VBN"):
        return -1
    present = head.tag_ in ("VBZ", "VBP")
    return 1 if present and head.lemma_ not in REPORTING else -1


def _fiscal_span(span: Span, value: TimeValue | None) -> TimeValue | None:
    """"the year ended March 31" is a year's length (P1Y), not the calendar year."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if value is None or after is None or after.lower_ not in ENDED:
        return value
    if value.precision == "year":
        return TimeValue("DURATION", "P1Y", None, None, "duration")
    return value


def _since(span: Span, value: TimeValue | None, analysis: Analysis) -> TimeValue | None:
    """"since 2011": the range runs from the expression up to the anchor."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if value is None or before != "since" or value.start is None or analysis.anchor is None:
        return value
    return TimeValue(value.type, value.value, value.start, analysis.anchor, value.precision,
                     value.mod)


def _time(time_id: str, span: Span, value: TimeValue | None) -> Time:
    if value is None:
        kind = "TIME" if span.label_ == "TIME" else "DATE"
        return Time(time_id, span.text, span.start_char, span.end_char, None, None, None,
                    "unknown", kind)
    return Time(
        id=time_id,
        text=span.text,
        start=span.start_char,
        end=span.end_char,
        value=value.value,
        start_date=value.start.isoformat() if value.start else None,
        end_date=value.end.isoformat() if value.end else None,
        precision=value.precision,
        type=value.type,
    )


def date_event(analysis: Analysis, start: int, end: int) -> EventDate | None:
    """When the event whose evidence is ``start``-``end`` happened, or None if not stated.

    The time expression of the event's clause wins, then its sentence, then its paragraph;
    among several, the nearest to the evidence. Durations, sets and vague references ("now",
    "recently") do not date an event, and the publication date is never used silently.
    """
    datable = [t for t in analysis.times if _is_datable(t)]
    if not datable:
        return None
    for scope, (lo, hi) in scopes(analysis.doc, analysis.text, start, end):
        inside = [t for t in datable if lo <= t.start and t.end <= hi]
        if inside:
            best = min(inside, key=lambda t: (abs(t.start - start), t.start))
            return EventDate(best.value or "", best.start_date, best.end_date, best.precision,
                             scope, best.id)
    return None


def _is_datable(time: Time) -> bool:
    return (time.type in ("DATE", "TIME") and time.value is not None
            and time.value not in UNDATED and time.start_date is not None)
