"""Typed text made safe for Markdown: shown as typed, never read as markup.

The Markdown templates run every ``{{ }}`` through :func:`md_escape` (Jinja's
``finalize``), the Markdown counterpart of HTML autoescape.
"""

from __future__ import annotations

import re
from typing import Any

_MD_META = re.compile(r"([\\`*_{}\[\]<>#|~&!])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])")


def md_escape(value: Any) -> str:
    """Text that Markdown (CommonMark/GFM) shows as typed, on one line.

    Meta-characters are backslash-escaped, so ``<script>`` and ``[x](javascript:)`` are
    text; a line break becomes ``<br>`` so a value never breaks a table row or starts a
    list or heading of its own.
    """
    if value is None:
        return ""
    text = str(value)
    lines = []
    for line in text.split("\n"):
        line = _MD_META.sub(r"\\\1", line)
        line = _MD_LINE_START.sub(lambda m: m.group(1) + _escape_last(m.group(2)), line)
        lines.append(line)
    return "<br>".join(lines)


def _escape_last(token: str) -> str:
    return token[:-1] + "\\" + token[-1]
