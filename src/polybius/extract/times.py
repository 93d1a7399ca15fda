"""Time expressions: found in the parse, normalised against the publication date, and the
date of an event chosen from its clause, sentence or paragraph.

Recognition takes spaCy's DATE and TIME entities plus the expressions of
``lexicons/time_patterns.tsv`` and the holidays the small model misses ("now", "recently",
weekdays, "every day", "Thanksgiving"), with TimeML extents (approximators in, prepositions
out). Values come from ``polybius.resolve.calendar`` with ``analysis.anchor`` (the
publication date) as the reference; relative expressions look back from it unless their
verb is in the future tense ("will meet on Friday"). Anaphoric ones ("that day", "the next
morning") refer to the last date the text named (``calendar_anaphora``), comparisons in
business news to the reporting quarter (``calendar_context``). "since 2011" runs from 2011
up to the anchor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from functools import cache

from spacy.tokens import Doc, Span, Token

from polybius.analysis import Analysis
from polybius.extract.doc_views import doc_text, entities
from polybius.extract.scope import scopes
from polybius.lexicons import read_words
from polybius.model import EventDate, Time
from polybius.resolve.calendar import MONTHS, UNITS, WEEKDAYS, TimeValue, normalise
from polybius.resolve.calendar_anaphora import Narrative
from polybius.resolve.calendar_context import ReportingPeriod
from polybius.resolve.calendar_holidays import HOLIDAYS

PATTERNS_FILE = "time_patterns.tsv"
TIME_LABELS = frozenset({"DATE", "TIME"})
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
PAST_AUX = frozenset({"had", "has", "have", "did", "was", "were", "'d"})
REPORTING = frozenset({"say", "tell", "report", "be", "have"})
# Words that spaCy puts inside DATE/TIME entities but TimeML leaves outside ("for over a week").
LEADING_JUNK = frozenset({"only", "just", "recently", "as", "long", "over", "under", "within",
                          "between", "and", "since", "until", "by", "from", "than", "to"})
# Adverbs of their own that never join a neighbouring date ("recently" + "last October").
REFERENCES = frozenset({"now", "recently", "currently", "previously", "current"})
POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your", "both"})
ARTICLES = frozenset({"a", "an", "the"})
# Approximators TimeML keeps inside the expression, with a ``mod`` ("nearly two years",
# "at least 30 days", "about 7:15 p.m."); the first word of each, then the whole phrase.
APPROXIMATORS = ("about", "nearly", "almost", "around", "approximately", "roughly", "some",
                 "more than", "less than", "at least", "up to", "no more than", "fewer than")
AGE = re.compile(r"\d+[- ]years?[- ]old|\w+[- ]years?[- ]olds?$", re.IGNORECASE)
# "in his 30s": a decade of someone's life is an age, not a time.
AGE_DECADE = re.compile(r"(?:(?:early|mid|late)[- ])?(?:\d0|twenties|thirties|forties|fifties|sixties|"
                        r"seventies|eighties|nineties)'?s?", re.IGNORECASE)
FRACTION = re.compile(r"(?:(?:more|less) than |about |nearly |almost |roughly )?(?:a|one|three) quarters?")
# "today's world": nouns that make "today's" mean "of our times", no particular day.
TIMES_NOUNS = frozenset({"world", "society", "youth", "generation", "children", "kids", "young",
                         "computers", "technology", "culture", "standards"})
# Common time words capitalised inside a sentence name a programme ("This Week", "60 Minutes",
# "VOA Today"), not a time.
TITLE_WORDS = frozenset({"today", "tonight", "now", "week", "weeks", "day", "days", "minutes", "hours",
                         "month", "year", "morning", "night", "evening", "weekend"})
# Values that do not place an event on the calendar.
UNDATED = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
MODIFIERS = frozenset({"early", "late", "mid", "mid-", "each", "every"})
ENDED = frozenset({"ended", "ending"})
CLOCK_WORDS = re.compile(r"\d\s*[ap]\.?m\b|\bnoon\b|\bmidnight\b", re.IGNORECASE)
UNIT_WORDS = frozenset(word for word in UNITS if " " not in word)
# Frequency adjectives that name a kind of report or payment before a noun ("quarterly
# dividend", "annual sales"), not a recurring time; "daily", "weekly", "hourly" before a noun
# are sets ("her weekly sermon", "hourly wages").
REPORT_RATES = frozenset({"yearly", "annually", "quarterly", "annual"})
DEICTIC = frozenset({"this", "last", "next"})
JOINERS = frozenset({"and", "to", "through", "until", "following", "preceding"})
# Modal auxiliaries speak of what is to come ("would meet Tuesday"), unless perfect
# ("would have met"); "could" and "can" are left out ("could not be reached Friday").
MODALS = frozenset({"would", "might", "may", "should", "must"})
# Verbs whose time lies ahead even in the past tense ("scheduled a news conference Thursday"),
# unless pluperfect ("had been scheduled to expire Friday": that day has passed).
PLANNING = frozenset({"plan", "schedule", "expect", "intend", "due", "hope", "aim"})
# Verbs whose object event lies ahead: "called for a strike on Thursday".
CALLING_FOR = frozenset({"call", "urge", "demand", "propose", "threaten", "vow", "promise",
                         "await"})
# Verbs that push something back "until Tuesday": that day lies ahead.
DEFERRING = frozenset({"postpone", "delay", "defer", "extend", "adjourn", "recess", "suspend",
                       "give"})
# Governors that put an infinitive ahead: "set to resume Monday", "is to meet Tuesday".
AHEAD_OF_INFINITIVE = frozenset({"set", "slate", "likely", "poise"})


def extract_times(analysis: Analysis) -> list[Time]:
    """Every time expression of the document with its normalised value, ids "t1", "t2", ..."""
    doc = analysis.doc
    times: list[Time] = []
    period = ReportingPeriod(analysis.anchor)
    narrative = Narrative(analysis.anchor)
    for span in _expressions(doc):
        value = None
        if analysis.anchor:
            value = narrative.resolve(_with_relation(span)) or period.resolve(span.text)
        if value is None:
            value = normalise(span.text, analysis.anchor, _direction(span))
            period.note(value)
        narrative.note(value)
        if value is None and not _worth_keeping(span):
            continue
        value = _fiscal_span(span, value)
        value = _since(span, value, analysis)
        times.append(_time(f"t{len(times) + 1}", span, value))
    return times


def _with_relation(span: Span) -> str:
    """The expression with a following "before"/"after" that relates it to an earlier date
    ("the day" + "after his death" is the day after the date in focus); in apposition to a
    date ("Oct. 12, the day before the crash") it is that date itself."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    apposition = span.start > 0 and span.doc[span.start - 1].text == ","
    if (following is not None and following.lower_ in ("before", "after") and len(span) <= 2
            and not apposition):
        return f"{span.text} {following.text}"
    return span.text


def _expressions(doc: Doc) -> Iterator[Span]:
    """DATE/TIME entities and pattern matches, without overlaps, in text order."""
    spans = [_trim(ent) for ent in entities(doc) if ent.label_ in TIME_LABELS and not _is_modifier(ent)]
    taken = {i for span in spans if span is not None for i in range(span.start, span.end)}
    for match in _pattern().finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if (span is not None and len(span) and not taken & set(range(span.start, span.end))
                and not _is_modifier(span)):
            spans.append(span)
            taken.update(range(span.start, span.end))
    ordered = sorted((s for s in spans if s is not None), key=lambda s: s.start)
    for span in _merge(doc, [_widen(s) for s in ordered]):
        if not (_is_title(span) or _is_age_decade(span) or _is_of_our_times(span)
                or _is_greeting(span) or _is_fraction(span)):
            yield from _split(span)


def _is_title(span: Span) -> bool:
    """A capitalised common time word inside a sentence: a programme's name ("ABC's This Week")."""
    if span.text.lower() in HOLIDAYS:
        return False
    for i, token in enumerate(span):
        if token.is_title and token.lower_ in TITLE_WORDS and not token.is_sent_start and (
                i > 0 or (span.start > 0 and span.doc[span.start - 1].is_alpha)):
            return True
    return False


def _is_greeting(span: Span) -> bool:
    """"Good evening from Havana": a greeting."""
    return (len(span) == 1 and span[0].lower_ in ("morning", "afternoon", "evening", "night")
            and span.start > 0 and span.doc[span.start - 1].lower_ == "good")


def _is_fraction(span: Span) -> bool:
    """"more than a quarter of the market", "60, or about a quarter, of its mills": a share,
    not three months."""
    after = [t.lower_ for t in span.doc[span.end: span.end + 2]]
    return ((after[:1] == ["of"] or after == [",", "of"])
            and FRACTION.fullmatch(span.text.lower()) is not None)


def _is_of_our_times(span: Span) -> bool:
    """"in today's world", "today's personal computers": the present age, not a date."""
    doc = span.doc
    if span.text.lower() != "today" or span.end >= len(doc) or doc[span.end].lower_ not in ("'s", "\u2019s"):
        return False
    return any(t.lower_ in TIMES_NOUNS for t in doc[span.end + 1: span.end + 4])


def _is_age_decade(span: Span) -> bool:
    """"in his 30s", "their early twenties": an age."""
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in POSSESSIVES and AGE_DECADE.fullmatch(span.text) is not None


def _split(span: Span) -> Iterator[Span]:
    """Two expressions in one entity: "the quarter ended Sept. 30", "between 1994 and 1997".

    TimeML marks each side apart; "ended"/"ending" always separate, a conjunction or
    "following"/"preceding" only when both sides are times of their own ("May 3 to June 9",
    "the day" preceding "last year's vote", not "April 24 and 25"), and
    "of" when a counted length precedes a date ("the first six months" of "2003").
    """
    if len(span) > 1 and span[-1].lower_ == "now" and _is_time(span[:-1]):
        yield from _split(span[:-1])  # "five months now": a length, then the present
        yield span[-1:]
        return
    for token in span[2:]:  # "more than four hours Friday": a length, then the day
        if token.lower_ in WEEKDAYS and _is_counted(span.doc[span.start: token.i]):
            yield span.doc[span.start: token.i]
            yield from _split(span.doc[token.i: span.end])
            return
    for token in span[1:-1]:
        left, right = span.doc[span.start: token.i], span.doc[token.i + 1: span.end]
        if token.lower_ in ENDED or (token.lower_ in JOINERS and _is_time(left)
                                     and _is_time(right) and not _is_a_half(right)) or (
                token.lower_ == "of" and _is_counted_length(left) and _is_time(right)):
            yield from _split(left)
            yield from _split(right)
            return
    yield span


def _is_a_half(span: Span) -> bool:
    """"a half later" of "two hours and a half later": the rest of one length, not a time."""
    return span[0].lower_ == "half" or (len(span) > 1 and span[1].lower_ == "half")


def _is_time(span: Span) -> bool:
    return normalise(span.text, date(2000, 1, 1)) is not None


def _is_counted(span: Span) -> bool:
    """A length of time of its own ("four hours", "more than two days")."""
    value = normalise(span.text, date(2000, 1, 1))
    return value is not None and value.type == "DURATION" and span[-1].lower_ in UNIT_WORDS


def _is_counted_length(span: Span) -> bool:
    """Several months, weeks or days ("the first nine months"), not a week or two quarters."""
    value = normalise(span.text, date(2000, 1, 1))
    return value is not None and re.fullmatch(r"P(?:[2-9]|\d\d+)[MWD]", value.value) is not None


def _merge(doc: Doc, spans: list[Span]) -> list[Span]:
    """Join expressions that touch ("Monday" + "night"), and an hour with its day across a
    comma ("5 p.m. EST, Nov. 6")."""
    merged: list[Span] = []
    for span in spans:
        if merged and (span.start <= merged[-1].end and not {merged[-1].text.lower(),
                                                               span.text.lower()} & REFERENCES
                       or _hour_then_day(doc, merged[-1], span)):
            merged[-1] = doc[merged[-1].start: max(span.end, merged[-1].end)]
        else:
            merged.append(span)
    return merged


def _hour_then_day(doc: Doc, hour: Span, day: Span) -> bool:
    gap = doc[hour.end: day.start]
    return (len(gap) <= 2 and all(t.lower_ in (",", "on") for t in gap)
            and CLOCK_WORDS.search(hour.text) is not None
            and (day[0].lower_ in MONTHS or day[0].lower_ in WEEKDAYS))


def _widen(span: Span) -> Span:
    """Take in a modifier the entity left out: "late last month", "early 2011", "this year",
    "nearly two years", "decades-long"."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if before in MODIFIERS or (before in DEICTIC and (span[0].lower_ in _CALENDAR_WORDS
                                                     or span.text.lower() in HOLIDAYS)):
        return doc[span.start - 1: span.end]
    after = doc[span.end] if span.end < len(doc) else None
    if (after is not None and after.text == "-" and span.end + 1 < len(doc)
            and doc[span.end + 1].lower_ == "long" and span[-1].lower_ in UNIT_WORDS):
        return doc[span.start: span.end + 2]  # "a decades-long feud", "a day-long vigil"
    if (before in ("the", "a", "an") and after is not None and after.lower_ == "period"
            and span[0].lower_ not in ("the", "a", "an") and len(span) <= 3):
        # "the 1988 period", "the year-ago period", "a three-year period": the period is the time
        return doc[span.start - 1: span.end + 1]
    if _is_quantity(span[0]):
        for size in (3, 2, 1):
            start = span.start - size
            if start >= 0 and _approximator(doc, start) == size:
                return doc[start: span.end]
    return span


def _approximator(doc: Doc, i: int) -> int:
    """The length in tokens of the approximator phrase starting at token ``i`` (0 if none)."""
    for phrase in APPROXIMATORS:
        words = phrase.split()
        if [t.lower_ for t in doc[i: i + len(words)]] == words:
            return len(words)
    return 0


def _is_quantity(token: Token) -> bool:
    """A number, a clock time or "a"/"an" that an approximator can modify."""
    return token.like_num or token.lower_ in ("a", "an", "half") or token.text[:1].isdigit()


@cache
def _pattern() -> re.Pattern[str]:
    holidays = [re.escape(name).replace("'", "['\u2019]") for name in HOLIDAYS]
    words = sorted([*read_words(PATTERNS_FILE), *holidays], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.IGNORECASE)


def _is_modifier(span: Span) -> bool:
    """A report's frequency before a noun ("quarterly dividend") is no time."""
    return (len(span) == 1 and span[0].lower_ in REPORT_RATES
            and (span[0].pos_ == "ADJ" or span[0].dep_ in ("amod", "compound")))


def _trim(ent: Span) -> Span | None:
    """Drop prepositions, possessives and a modified noun's article before, punctuation and
    possessives after; approximators of a quantity stay ("nearly two years"); ages are no times."""
    start, end = ent.start, ent.end
    while end > start and _is_trailing_junk(ent.doc[end - 1]):
        end -= 1
    while end - start > 1 and _is_leading_junk(ent.doc, start, end):
        start += 1
    span = ent.doc[start:end] if end > start else None
    return None if span is None or AGE.search(span.text) else span


def _is_leading_junk(doc: Doc, i: int, end: int) -> bool:
    """A preposition or adverb before the expression, a possessive ("its fourth quarter"), or
    the article of a noun the time modifies ("an Aug. 10 meeting"); approximators of a
    quantity stay."""
    size = _approximator(doc, i)
    if size and i + size < end and _is_quantity(doc[i + size]):
        return False
    token = doc[i]
    if token.lower_ in POSSESSIVES or (token.lower_ in ARTICLES and (
            not i < token.head.i < end or doc[i + 1].lower_ in MONTHS)):
        return True
    return token.lower_ in LEADING_JUNK or token.lower_ in _APPROXIMATOR_WORDS


_APPROXIMATOR_WORDS = frozenset(word for phrase in APPROXIMATORS for word in phrase.split())


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
    """+1 when the governing verb speaks of the future ("meets", "would meet"), +2 when it is
    a future tense of its own ("will meet"), -2 when it is a simple past ("met"), else -1.

    A time of an event noun that a verb calls for lies ahead ("called for a strike on
    Thursday", "threatened a walkout Monday") whatever that verb's tense, as does "as early
    as Tuesday" and a deadline pushed back "until Tuesday".
    """
    before = " ".join(t.lower_ for t in span.doc[max(0, span.start - 3): span.start])
    if before in ("as early as", "as soon as"):
        return 1
    if before.endswith(("until", "till")) and span.root.head.head.lemma_ in DEFERRING:
        return 1
    head = span.root.head
    via_noun = False
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        via_noun = via_noun or head.pos_ == "NOUN"
        head = head.head
    if head.lemma_ in CALLING_FOR and (via_noun or _object_before(head, span.start)):
        return 1
    # "On Monday, the council planned to cut ...": a time fronted before the planning verb
    # dates the planning, not what was planned.
    return _verb_direction(head, 2, planned=not span.end <= head.i)


def _object_before(verb: Token, position: int) -> bool:
    """Whether the verb's object ("for a strike", "a walkout") stands between it and ``position``."""
    for child in verb.children:
        objects = [child] if child.dep_ == "dobj" else [
            grandchild for grandchild in child.children
            if child.lower_ == "for" and grandchild.dep_ == "pobj"]
        if any(verb.i < obj.i < position and obj.pos_ == "NOUN" for obj in objects):
            return True
    return False


def _verb_direction(head: Token, depth: int, planned: bool = True) -> int:
    """The direction of one verb; an infinitive ("to meet") takes its governor's. A verb of
    planning points ahead only when the time is ``planned``, not the planning's own."""
    aux = {child.lower_ for child in head.children if child.dep_ in ("aux", "auxpass")}
    if aux & FUTURE_AUX or head.lower_ in FUTURE_AUX or "going" in aux:
        return 2  # a future of its own ("will launch in December"): that month is still to come
    if (aux & MODALS and "have" not in aux) or (planned and head.lemma_ in PLANNING and "had" not in aux
                                                and not _pluperfect_complement(head)):
        return 1
    if head.tag_ == "VB" and "to" in aux and depth and head.head.i != head.i:
        governor = head.head
        if governor.lemma_ in AHEAD_OF_INFINITIVE or (governor.tag_ in ("VBZ", "VBP")
                                                      and governor.lemma_ == "be"):
            return 1
        return _verb_direction(governor, depth - 1, planned)
    if head.tag_ == "VBD" and not aux and depth == 2:
        return -2  # a simple past of its own ("bought it in February"): that month has passed
    if aux & PAST_AUX or head.tag_ in ("VBD", "VBN"):
        return -1
    present = head.tag_ in ("VBZ", "VBP")
    return 1 if present and head.lemma_ not in REPORTING else -1


def _pluperfect_complement(word: Token) -> bool:
    """"had been due to run out": a complement of a pluperfect "been" (that time has passed)."""
    governor = word.head
    return (word.dep_ in ("acomp", "xcomp", "oprd") and governor.lower_ == "been"
            and any(child.lower_ == "had" for child in governor.children if child.dep_ == "aux"))


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
