"""Acuity from dates: the interval from a dated injury to the dated visit (docs/annotation.md C10).

"injured on November 16, 2004" ... "examined on December 1, 2004" gives a course of about two weeks, so
`acute`. The injury's date is an injury_date fact (a date in a sentence that tells the traumatic event);
the visit's date is a full date with a visit word shortly before it ("DATE OF EXAMINATION:", "seen on",
"taken to the operating room on") and no word of another visit ("last seen", "tentative date for the
surgery"). Month names and both word lists are data (patterns/facts/durations.yaml).
"""

import datetime
import re
from collections.abc import Set

from spacy.tokens import Doc, Span

from notecheck.ruleset.models import DurationTable

_NUMERIC = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_WORDS = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")


def parse_date(text: str, months: dict[str, int]) -> datetime.date | None:
    """A full date ('08/27/03', '11/16/2004', 'November 16, 2004'), or None for a partial or an unknown one."""
    text = text.strip()
    try:
        if match := _NUMERIC.match(text):
            year = int(match[3])
            if year < 100:  # a two-digit year: 00-29 this century, else the last
                year += 2000 if year < 30 else 1900
            return datetime.date(year, int(match[1]), int(match[2]))
        if (match := _WORDS.match(text)) and match[1].lower() in months:
            return datetime.date(int(match[3]), months[match[1].lower()], int(match[2]))
    except ValueError:
        return None
    return None


def visit_interval_weeks(
    doc: Doc,
    injuries: list[Span],
    dates: list[Span],
    table: DurationTable,
    visit_words: Set[str],
    other_visit: Set[str],
) -> tuple[Span, float] | None:
    """The latest visit date after the earliest dated injury, and the weeks between them; `visit_words` and
    `other_visit` are the table's visit_date_words and other_visit_words in lower case."""
    injured = [d for d in (parse_date(s.text, table.months) for s in injuries) if d is not None]
    if not injured:
        return None
    start = min(injured)
    best: tuple[datetime.date, Span] | None = None
    for span in dates:
        when = parse_date(span.text, table.months)
        if when is None or when <= start:
            continue
        before = {t.lower_ for t in doc[max(span.start - table.visit_window, 0) : span.start]}
        if before & visit_words and not before & other_visit and (best is None or when > best[0]):
            best = (when, span)
    if best is None:
        return None
    return best[1], (best[0] - start).days / 7
