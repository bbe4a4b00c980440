"""One date parser for every place a person types a date: the interview, supervision, the
command line and imported files.

Strict on purpose: a date typed into a plan is a commitment a review will check, so
"next week" or "5/6" (which month?) are refused with a message rather than guessed.
Accepted: ISO (2027-02-15), day first with / - or . (15/02/2027, 15-02-27) and the
form the app itself prints (15 Feb 2027, 15 February 2027, Feb 15 2027).
"""

from __future__ import annotations

import os
from datetime import date, datetime

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
