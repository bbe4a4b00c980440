"""Dates as documents print them: unambiguous for families and across countries.

Jinja filters (``nice_date``, ``short_date``) shared by the HTML, Markdown and Word
templates, so every document writes a date the same way.
"""

from __future__ import annotations

from datetime import date, datetime

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)



def nice_date(value: date | datetime | None, empty: str = "") -> str:
    """'15 February 2027': unambiguous for families and across countries."""
    if value is None:
        return empty
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def short_date(value: date | datetime | None, empty: str = "") -> str:
    """'9 Nov 2026', for narrow table columns."""
    if value is None:
        return empty
    return f"{value.day} {MONTHS[value.month - 1][:3]} {value.year}"
