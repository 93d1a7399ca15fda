"""Plain text and scraped, Markdown-ish news pages -> ``Document``.

A scraped page has a header (title, "By ..." byline, "Publisher, Month DD, YYYY", tag lines
such as "Region: ..."), a body, then page furniture (copyright, disclaimers, calls to
comment or donate). The rules here are general: they look at the shape of lines, not at
any one site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from polybius.ingest.datelines import read_dateline
from polybius.lexicons import read_table

MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=\S)(.+?)(?<=\S)\1(?![\w*])")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
BYLINE = re.compile(r"^\s*by\s+(.+)$", re.IGNORECASE)
TAG_LINE = re.compile(
    r"^\s*(region|theme|in-depth report|tags?|topics?|categor(?:y|ies)|section|keywords?)\s*:\s*(.+)$",
    re.IGNORECASE,
)
ORIGINAL_SOURCE = re.compile(
    r"^\s*(?:the original source of this article is|this article was originally published (?:on|by|in|at)"
    r"|originally published (?:on|by|in|at))\s+(.+?)\s*\.?\s*$",
    re.IGNORECASE,
)
MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
MONTH = rf"({'|'.join(MONTH_ABBREVIATIONS)})[a-z]*\.?"
MONTH_NUMBER = {m: i for i, m in enumerate(MONTH_ABBREVIATIONS, 1)}
MONTH_DAY_YEAR = re.compile(rf"\b{MONTH} (\d{{1,2}}),? (\d{{4}})\b", re.IGNORECASE)
DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}) {MONTH},? (\d{{4}})\b", re.IGNORECASE)
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")
SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]\s*$")
# A body paragraph is prose: at least this many words. Header lines (title, byline, tags,
# publisher/date) are shorter; 12 words separates them on every page shape we have seen.
MIN_PROSE_WORDS = 12


@dataclass
class ScrapedPage:
    """What a scraped page yields: metadata and the body paragraphs."""

    paragraphs: list[str] = field(default_factory=list)
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: str | None = None
    original_source: str | None = None
    tags: dict[str, list[str]] = field(default_factory=dict)

    @property
    def body(self) -> str:
        """The clean body: paragraphs separated by blank lines."""
        return "\n\n".join(self.paragraphs)


def strip_markup(line: str) -> str:
    """Reduce Markdown links, emphasis and heading marks to their text."""
    line = MARKDOWN_LINK.sub(r"\1", line)
    line = EMPHASIS.sub(r"\2", line)
    return HEADING.sub("", line).strip()


def split_blocks(text: str) -> list[list[str]]:
    """Blocks separated by blank lines, each a list of its non-empty lines."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [[line.strip() for line in b.splitlines() if line.strip()] for b in blocks if b.strip()]


def join_lines(lines: list[str]) -> str:
    """One paragraph from its lines (hard-wrapped prose is rejoined with spaces)."""
    return " ".join(lines)


def find_date(line: str) -> tuple[str, date] | None:
    """The first calendar date written in a line, with the text that expressed it."""
    found = []
    for match in MONTH_DAY_YEAR.finditer(line):
        found.append((match.start(), match.group(0), match.group(1), match.group(2), match.group(3)))
    for match in DAY_MONTH_YEAR.finditer(line):
        found.append((match.start(), match.group(0), match.group(2), match.group(1), match.group(3)))
    for match in ISO_DATE.finditer(line):
        found.append((match.start(), match.group(0), match.group(2), match.group(3), match.group(1)))
    for _, written, month, day, year in sorted(found):
        number = int(month) if month.isdigit() else MONTH_NUMBER[month[:3].lower()]
        try:
            return written, date(int(year), number, int(day))
        except ValueError:
            continue
    return None


def is_prose(paragraph: str) -> bool:
    """Whether a paragraph reads as article prose rather than a header or menu line."""
    return len(paragraph.split()) >= MIN_PROSE_WORDS and bool(re.search(r"[.!?\"”]", paragraph))


def parse_scraped_page(text: str) -> ScrapedPage:
    """Split a scraped page into header metadata, clean body paragraphs and furniture."""
    blocks = split_blocks(text)
    page = ScrapedPage()
    start = next((i for i, b in enumerate(blocks) if is_prose(strip_markup(join_lines(b)))), len(blocks))
    for block in blocks[:start]:
        for line in block:
            read_header_line(page, line)
    page.paragraphs = join_broken_paragraphs(body_paragraphs(page, blocks[start:]))
    if page.paragraphs:
        read_body_dateline(page, page.paragraphs[0])
    return page


def read_body_dateline(page: ScrapedPage, paragraph: str) -> None:
    """Publication date and wire service from a dated dateline opening the body ("BAMAKO, Nov
    12, 2025 (Example Wire) - "), where missing."""
    dateline = read_dateline(paragraph)
    found = find_date(dateline.date) if dateline and dateline.date else None
    if dateline and found:
        page.published = page.published or found[1].isoformat()
        page.publisher = page.publisher or dateline.agency


def read_header_line(page: ScrapedPage, raw_line: str) -> None:
    """Fill one metadata field from a header line, by the line's shape."""
    line = strip_markup(raw_line)
    if tag := TAG_LINE.match(line):
        values = [strip_markup(v) for v in re.split(r"\s*[,;|]\s*", MARKDOWN_LINK.sub(r"\1", tag.group(2)))]
        page.tags.setdefault(tag.group(1).strip(), []).extend(v for v in values if v)
    elif byline := BYLINE.match(line):
        page.authors = split_names(byline.group(1))
    elif (found := find_date(line)) and page.published is None:
        written, day = found
        page.published = day.isoformat()
        publisher = line.replace(written, "").strip(" ,|-–—·")
        page.publisher = publisher or page.publisher
    elif page.title is None:
        page.title = line
    elif raw_line.strip().startswith("[") and page.original_source is None:
        page.original_source = line  # a bare link under the dateline names the republished outlet


def split_names(text: str) -> list[str]:
    """Author names from a byline: "A, B and C" -> [A, B, C]."""
    parts = re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", text.strip())
    return [p.strip() for p in parts if p.strip()]


@lru_cache(maxsize=1)
def boilerplate_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The compiled rules of ``boilerplate.tsv``: (action, pattern)."""
    return tuple((action, re.compile(rx, re.IGNORECASE)) for action, rx in read_table("boilerplate.tsv"))


def classify(text: str) -> str | None:
    """The boilerplate action ("end" or "drop") for a line or paragraph, or None for body."""
    return next((action for action, rule in boilerplate_rules() if rule.search(text)), None)


def body_paragraphs(page: ScrapedPage, blocks: list[list[str]]) -> list[str]:
    """Body paragraphs with boilerplate removed; the original source is noted on the page."""
    kept: list[str] = []
    for block in blocks:
        lines = [strip_markup(line) for line in block]
        for source in filter(None, map(ORIGINAL_SOURCE.match, lines)):
            page.original_source = source.group(1)
        end = next((i for i, line in enumerate(lines) if classify(line) == "end"), None)
        paragraph = join_lines(lines[:end])
        if paragraph and classify(paragraph) is None:
            kept.append(paragraph)
        if end is not None:
            break
    return kept


def join_broken_paragraphs(paragraphs: list[str]) -> list[str]:
    """Join paragraphs that a page break split mid-sentence (no end mark, lower-case next)."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and not SENTENCE_END.search(joined[-1]) and paragraph[:1].islower():
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined
