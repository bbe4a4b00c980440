"""Neutralise control characters in anything a person typed or pasted.

Text reaches terminals, HTML, CSV and SQLite. A pasted ANSI escape or a NUL must arrive
as harmless text, so every user-facing string passes through :func:`clean_text` on its
way into the model.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls except tab and newline, DEL, and the C1 range. ESC (0x1b) is among them.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional overrides can make text display differently from what it is.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Characters that print as nothing but split a word: a zero-width space, a word joiner, a
# zero-width no-break space (a byte-order mark inside text) and a soft hyphen, as pasted from
# web pages and Word. "Leo\u200b needs counselling" must read as Leo's need, and
# "counsel\u00adling" as counselling. (The zero-width joiners are kept: emoji and some scripts
# need them.)
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
# Lone surrogates: how Python carries bytes that were not UTF-8 (an argument or file name
# typed in another encoding); they cannot be printed, stored or exported as they are.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Return ``value`` with line endings normalised and control and invisible characters
    removed.

    A carriage return becomes a newline; an escape sequence loses its ESC byte, so
    ``\\x1b[31m`` is kept as the visible text ``[31m`` rather than colouring a terminal;
    a byte that was not UTF-8 becomes the replacement character U+FFFD.
    """
    value = without_surrogates(value)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    value = _BIDI.sub("", value)
    value = _INVISIBLE.sub("", value)
    return unicodedata.normalize("NFC", value)


# A terminal's escape sequence whole (colour "ESC[31m", a title "ESC]0;...BEL"): in text
# copied from coloured output or pasted through a terminal it is no one's words, and with
# only its ESC byte removed "[31mcounselling" was no longer read as "counselling".
_ESCAPE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?")


def pasted_text(value: str) -> str:
    """Text pasted or piped in from a terminal: its escape sequences dropped whole, then
    :func:`clean_text`."""
    return clean_text(_ESCAPE.sub("", value))


def without_surrogates(value: str) -> str:
    """``value`` with each byte that was not UTF-8 (a lone surrogate) as U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


def printable(value: str) -> str:
    """User text safe to echo on one terminal line: control characters removed, runs of
    white space (line breaks too) folded to one space."""
    return " ".join(clean_text(value).split())


def one_line(value: str, limit: int = 80) -> str:
    """A single-line preview for lists and messages."""
    flat = printable(value)
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


# Byte-order marks, longest first (UTF-32 LE starts with UTF-16 LE's mark).
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"),
         (b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def decode(data: bytes) -> str:
    """The text of a file: UTF-8 with or without a byte-order mark, or UTF-16/32 with one
    (as Windows editors and spreadsheets save them). The mark itself is dropped.

    Raises UnicodeDecodeError (with the failing offset) for anything else.
    """
    codec = next((codec for bom, codec in _BOMS if data.startswith(bom)), "utf-8")
    return data.decode(codec)
