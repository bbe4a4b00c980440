"""One date parser for every place a person types a date: the interview, supervision, the
command line and imported files.

Strict on purpose: a date typed into a plan is a commitment a review will check, so
"next week" or "5/6" (which month?) are refused with a message rather than guessed.
Accepted: ISO (2027-02-15), day first with / - or . (15/02/2027, 15-02-27) and the
form the app itself prints (15 Feb 2027, 15 February 2027, Feb 15 2027).
"""

from __future__ import annotations

import calendar
import os
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import TypeVar

from assistant.wordlists import TimeWords, shipped_time

FORMATS = (
    "%Y-%m-%d",
    "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y",
    "%d/%m/%y", "%d-%m-%y", "%d.%m.%y",
    "%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y",
)

#: set to an ISO date (2027-03-01) to make that "today" everywhere: tests, demos, workshops
#: rehearsed ahead of their day. Unset, today is the computer's date.
TODAY_VAR = "NEEDS_LED_TODAY"

#: what to tell a person who typed something else
ACCEPTED = "YYYY-MM-DD, DD/MM/YYYY or 15 Feb 2027"
#: the phrases :func:`read_date` reads too, as a command's help and errors say them
PHRASES = "next Friday, tomorrow, in six weeks, the end of March"


def today() -> date:
    """Today, for every date the app fills in or compares with (a past outcome date, a
    review's date, the date on a document): the one clock, so a test or a rehearsal can
    set it with :data:`TODAY_VAR` instead of depending on the day it runs."""
    pinned = os.environ.get(TODAY_VAR, "").strip()
    if pinned:
        try:
            return parse_date(pinned)
        except ValueError:
            pass  # a mistyped pin is ignored rather than stopping the app
    return date.today()


_the_day = today  # (``phrase_date`` names its argument ``today``, as its callers do)


def parse_date(text: str) -> date:
    """The date ``text`` names, in any of :data:`FORMATS`; ValueError otherwise.

    Commas and repeated spaces are ignored ("15 Feb, 2027"), and so are ordinal endings
    ("15th Feb 2027"); case does not matter.
    """
    cleaned = " ".join(text.replace(",", " ").split())
    words = cleaned.split(" ")
    for i, word in enumerate(words):
        for end in ("st", "nd", "rd", "th"):
            if word[:-2].isdigit() and word.lower().endswith(end):
                words[i] = word[:-2]
    cleaned = " ".join(words)
    for fmt in FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"'{text.strip()}' is not a date I can read: write it as {ACCEPTED}")


def parse_optional(text: str) -> date | None:
    """None for an empty answer, else :func:`parse_date`."""
    return parse_date(text) if text.strip() else None


def show_date(value: date | None) -> str:
    """How the app prints a date ("15 Feb 2027"); :func:`parse_date` reads it back."""
    return f"{value.day} {value.strftime('%b %Y')}" if value else ""


def loose(value: object) -> object:
    """A pydantic before-validator: a typed date string in any accepted form becomes a date;
    anything else is left for the field's own validation (and its message)."""
    if isinstance(value, str) and value.strip():
        try:
            return parse_date(value)
        except ValueError:
            return value
    return value


# --- dates as plans write them ------------------------------------------------------------
# "from 7 December", "next Monday", "by the end of March", "within six weeks": the date a
# statement already gives, resolved against the interview's today so the interview can
# offer it (shown with :func:`show_date`, and taken only through :func:`parse_date`, as a
# typed date is). The English words (month and day names, number words, units, the words
# before a date) are content: framework/words/time.yml (``wordlists.TimeWords``), which
# the phrase readers of assistant/wording/structure/timing.py share.

#: the words the phrase parser below reads as its own grammar, not vocabulary: articles,
#: "next"/"this"/"coming", "mid" (of "mid-March"), "time" (of "in 3 months' time") and the
#: marks a date is written with. A date phrase is made of these and the time words.
PHRASE_GRAMMAR = frozenset({"the", "of", "mid", "next", "this", "coming", "time", "'s", "'",
                            "\u2019", ",", "-", "/", "w", "c"})


def date_words(words: TimeWords | None = None) -> frozenset[str]:
    """Every word a phrase :func:`phrase_date` reads is made of, numbers apart: a reader
    looking for date phrases in a sentence tries only runs of these."""
    words = words or shipped_time()
    found = _date_words.get(id(words))
    if found is None or found[0] is not words:
        found = _date_words[id(words)] = (words, words.date_words | PHRASE_GRAMMAR)
    return found[1]


_date_words: dict[int, tuple[TimeWords, frozenset[str]]] = {}
T = TypeVar("T")

#: how far back a date written without its year may lie: "from 7 November" written on
#: 29 November is the one just past (the work has started); "by the end of March" or "on
#: 14 October" written then is the one to come
RECENT_DAYS = 31


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, kept inside the month ("31 Aug" + 6 months is the
    last day of February)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def easter_sunday(year: int) -> date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the anonymous algorithm, as in
    Meeus's *Astronomical Algorithms*): the days of ``movable_days`` are counted from it."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _number(word: str, words: TimeWords) -> int | None:
    if word.isdigit():
        return int(word)
    return words.numbers.get(word)


def _words(text: str) -> list[str]:
    """The phrase's words, lower-cased, with commas, "'s" and ordinal endings gone and
    "mid-March" read as "mid march"."""
    out: list[str] = []
    for raw in text.lower().replace(",", " ").replace("\u2019", "'").split():
        word = raw.strip(".()")
        if word.endswith(("'s", "'")) and not word[:1].isdigit():
            word = word.rstrip("s").rstrip("'")
        if word.startswith("mid-") and len(word) > 4:
            out += ["mid", word[4:]]
            continue
        for end in ("st", "nd", "rd", "th"):
            if word.endswith(end) and word[:-2].isdigit():
                word = word[:-2]
        if word:
            out.append(word)
    return out


class _Phrase:
    """A date phrase read word by word (see :func:`phrase_date`)."""

    def __init__(self, words: list[str], today: date, lists: TimeWords) -> None:
        self.words = words
        self.at = 0
        self.today = today
        self.lists = lists

    def peek(self, ahead: int = 0) -> str:
        spot = self.at + ahead
        return self.words[spot] if spot < len(self.words) else ""

    def take(self, *options: str) -> str:
        word = self.peek()
        if word and word in options:
            self.at += 1
            return word
        return ""

    def phrase(self, table: Mapping[str, T]) -> T | None:
        """What ``table`` gives for the words here, the longest entry first ("straight
        away", "christmas day"), taking them; None when no entry starts here."""
        for key in sorted(table, key=lambda k: -len(k.split())):
            parts = key.split()
            if self.words[self.at:self.at + len(parts)] == parts:
                self.at += len(parts)
                return table[key]
        return None

    def year(self) -> int | None:
        word = self.peek()
        if word.isdigit() and len(word) == 4 and 1900 < int(word) < 2200:
            self.at += 1
            return int(word)
        return None

    def placed(self, month: int, day: int | None, year: int | None,
               end: bool = False) -> date | None:
        """The date in ``year``, or the first one since a short while ago."""
        def make(y: int) -> date:
            if day is None:
                return _month_end(y, month) if end else date(y, month, 1)
            return date(y, month, day)

        try:
            if year is not None:
                return make(year)
            found = make(self.today.year - 1)
            while found < self.today - timedelta(days=RECENT_DAYS):
                found = make(found.year + 1)
            return found
        except ValueError:  # "31 June"
            return None

    def month_day(self) -> tuple[int, int | None] | None:
        """"7 December", "the 7th of December", "December 7": (month, day)."""
        start = self.at
        self.take("the")
        day = self.peek()
        if day.isdigit() and 1 <= int(day) <= 31:
            self.at += 1
            self.take("of")
            month = self.lists.month_number.get(self.peek())
            if month is not None:
                self.at += 1
                return month, int(day)
        self.at = start
        month = self.lists.month_number.get(self.peek())
        if month is None:
            return None
        self.at += 1
        self.take("the")
        day = self.peek()
        if day.isdigit() and 1 <= int(day) <= 31:
            self.at += 1
            return month, int(day)
        return month, None

    def period(self, edge: str) -> date | None:
        """The start, middle or end of a month, week or year: "March 2027", "the
        year", "next month", "this week", "2027"."""
        year = self.year()
        if year is not None:
            return date(year, 12, 31) if edge == "end" else (
                date(year, 7, 1) if edge == "mid" else date(year, 1, 1))
        which = self.take("the", "this", "next", "the next")
        unit = self.take("week", "month", "year")
        today = self.today
        if unit:
            ahead = 1 if which == "next" else 0
            if unit == "week":
                monday = today - timedelta(days=today.weekday()) + timedelta(weeks=ahead)
                return monday + timedelta(days={"end": 4, "mid": 2}.get(edge, 0))
            if unit == "month":
                first = _add_months(today.replace(day=1), ahead)
                return _month_end(first.year, first.month) if edge == "end" else \
                    first.replace(day=15) if edge == "mid" else first
            year = today.year + ahead
            return date(year, 12, 31) if edge == "end" else (
                date(year, 7, 1) if edge == "mid" else date(year, 1, 1))
        if which not in ("", "the"):
            return None
        month = self.lists.month_number.get(self.peek())
        if month is None:
            return None
        self.at += 1
        year = self.year()
        if edge == "mid":
            return self.placed(month, 15, year)
        return self.placed(month, None, year, end=edge == "end")

    def body(self, lead: set[str]) -> date | None:
        today = self.today
        word = self.peek()
        if len(self.words) - self.at == 1:
            try:
                found = parse_date(word)  # "14/03/2027", "2027-03-14"
                self.at += 1
                return found
            except ValueError:
                pass
        ahead = self.phrase(self.lists.days_from_today)
        if ahead is not None:  # "immediately", "straight away", "tomorrow"
            return today + timedelta(days=ahead)
        # a count of time from today: "within six weeks", "in 3 months' time"
        count = _number(word, self.lists)
        unit = self.peek(1).rstrip("s")
        unit = self.lists.unit_of_short.get(unit, unit)
        if count is not None and unit in self.lists.unit_length and (
                lead & self.lists.from_today or self.peek(2) in ("time", "from")):
            self.at += 2
            if self.take("time") or (self.take("from") and self.take("now", "today")):
                pass
            days, months = self.lists.unit_length[unit]
            return _add_months(today, months * count) + timedelta(days=days * count)
        # the start, middle or end of a period
        edge = ""
        if self.take("mid"):
            edge = "mid"
        else:
            start = self.at
            self.take("the")
            edge = self.lists.edges.get(self.peek(), "")
            if edge and self.peek(1) == "of":
                self.at += 2
            else:
                self.at, edge = start, ""
        if edge:
            return self.period(edge)
        which = self.take("next", "this", "coming")
        if which:
            if self.peek() in self.lists.weekday_number:
                weekday = self.lists.weekday_number[self.words[self.at]]
                self.at += 1
                if which == "next":  # the one in next week (British "next Friday")
                    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1)
                    return monday + timedelta(days=weekday)
                return today + timedelta(days=(weekday - today.weekday()) % 7)
            if self.peek() in ("week", "month", "year") and which != "coming":
                if which == "next":  # "next week": its Monday; "next month": its first
                    self.at -= 1
                    return self.period("start")
                self.at += 1
                return today  # "this week"
            return None
        fixed = self.phrase(self.lists.fixed_days)
        if fixed is not None:  # "by Christmas"
            return self.placed(fixed[0], fixed[1], self.year())
        moved = self.phrase(self.lists.movable_days)
        if moved is not None:  # "by Easter", "by Whitsun"
            year = self.year()
            if year is not None:
                return easter_sunday(year) + timedelta(days=moved)
            found = easter_sunday(self.today.year - 1) + timedelta(days=moved)
            while found < self.today - timedelta(days=RECENT_DAYS):
                found = easter_sunday(found.year + 1) + timedelta(days=moved)
            return found
        named = self.lists.weekday_number.get(self.peek())
        if named is not None:
            self.at += 1
            if self.at == len(self.words):  # "on Monday": the next one
                return today + timedelta(days=(named - today.weekday() - 1) % 7 + 1)
        read = self.month_day()
        if read is None:
            return None
        month, day = read
        return self.placed(month, day, self.year())


def phrase_date(text: str, today: date | None = None,
                words: TimeWords | None = None) -> date | None:
    """The date a phrase of a plan gives, or None when it gives none this can be sure of.

    Why: a statement such as "Family support worker to visit every Tuesday from 7
    December" already says when the work starts; the interview offers that date rather
    than asking for it again. Read: a date in :data:`FORMATS`; a day and month with or
    without a year ("7 December", "Tuesday 8th December 2026"); a month ("from January");
    the start, middle or end of a month, week or year ("by the end of March 2027",
    "mid-March", "the end of next month"); "next Monday", "this Friday", "next week";
    today, tomorrow, "immediately"; a count of time from today ("within six weeks", "in 3
    months' time"). Words before the date that say how it is meant ("from", "starting",
    "by", "w/c", "no later than") are read; "before 1 April" is 31 March. A date written
    without its year is the next one, or the one just past if it was less than
    :data:`RECENT_DAYS` ago; so is a day whose date moves with Easter ("by Easter", "by
    Whitsun", ``movable_days``). Anything else ("by half term", "at the next review", "as
    needed") gives None: a guess would be a date the worker did not write.

    ``words``: the time words of the content in use (framework/words/time.yml); the
    shipped ones when not given.
    """
    today = today or _the_day()
    lists = words or shipped_time()
    said = _words(text)
    lead: set[str] = set()
    before = False
    moved = True
    while moved and said:
        moved = False
        for option in lists.leads:
            if tuple(said[:len(option)]) == option and len(said) > len(option):
                lead.update(option)
                before = before or " ".join(option) in lists.day_before
                said = said[len(option):]
                moved = True
                break
    if not said:
        return None
    phrase = _Phrase(said, today, lists)
    try:
        found = phrase.body(lead)
    except (ValueError, OverflowError):
        return None
    if found is None or phrase.at != len(said):
        return None
    return found - timedelta(days=1) if before else found


def read_date(text: str, today: date | None = None, words: TimeWords | None = None) -> date:
    """A date as a person types it anywhere in the app: in one of :data:`FORMATS`, or a
    phrase :func:`phrase_date` reads ("next Friday", "the end of March", "in six
    weeks"), against ``today`` (the app's today when not given); ValueError, naming
    both, otherwise.

    Why: the interview read "next Monday" while ``needs-led supervise --due "next
    friday"`` was refused; one reading for every date typed, at a question or on a
    command line, so what works in one place works in the other."""
    try:
        return parse_date(text)
    except ValueError:
        said = phrase_date(text, today, words) if text.strip() else None
        if said is not None:
            return said
        raise ValueError(f"'{text.strip()}' is not a date I can read: write it as "
                         f"{ACCEPTED}, or as {PHRASES}") from None
