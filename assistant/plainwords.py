"""Plain words for the family's plan: acronyms spelled out, professional phrases swapped.

Families read the plan at home, without a worker to ask what "CAMHS" or "PLO" means. The
acronyms come from the wording coach's jargon glossary (``framework/wording/jargon.yml``,
rules of kind ``jargon``), so there is one list; ``exports/plain-words.yml`` adds local acronyms
(or overrides an expansion) and the everyday words for professional phrases. Both are
content an authority can edit without touching Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, Field

from assistant.content import Content, ContentError, Strict, parse_yaml

M = TypeVar("M", bound=BaseModel)
JARGON_FILE = "jargon.yml"


class PlainWords(Strict):
    """exports/plain-words.yml."""

    acronyms: dict[str, str] = Field(default={})
    phrases: dict[str, str] = Field(default={})


def _whole(words: list[str], flags: int = 0) -> tuple[re.Pattern[str] | None, list[str]]:
    """A whole-word pattern with one group per word (longest first), and the words in order.

    The word a match stands for is ``ordered[match.lastindex - 1]``: looking the matched
    text up by ``casefold()`` fails where a case-insensitive match and casefolding
    disagree (the regex matches "İ" for "i", but "İ".casefold() is "i̇").
    """
    if not words:
        return None, []
    ordered = sorted(words, key=len, reverse=True)
    alternatives = "|".join(f"({re.escape(word)})" for word in ordered)
    return re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)", flags), ordered


def make_plain(words: PlainWords) -> Callable[[str], str]:
    """A function that makes one piece of text plainer.

    An acronym is spelled out the first time it appears in the text, with the short form
    kept in brackets so the family can match it to letters they receive; later mentions
    stay short. Acronyms match case-sensitively ("CP", not "cp"); phrases match any case.
    """
    acronyms, _ = _whole(list(words.acronyms))
    phrases, phrase_keys = _whole(list(words.phrases), re.IGNORECASE)
    phrase_values = [words.phrases[key] for key in phrase_keys]

    def plain(text: str) -> str:
        if phrases is not None:
            text = phrases.sub(_keep_capital(phrase_values), text)
        if acronyms is None:
            return text
        seen: set[str] = set()

        def expand(match: re.Match[str]) -> str:
            short = match.group(0)
            long = words.acronyms[short]
            if short in seen or long.casefold() in text.casefold():
                return short
            seen.add(short)
            return f"{long} ({short})"

        return acronyms.sub(expand, text)

    return plain


def _keep_capital(values: list[str]) -> Callable[[re.Match[str]], str]:
    """The plain words for the alternative that matched, capitalised like the original."""

    def swap(match: re.Match[str]) -> str:
        found = match.group(0)
        plain = values[(match.lastindex or 1) - 1]
        return plain[:1].upper() + plain[1:] if found[:1].isupper() else plain

    return swap


@lru_cache(maxsize=32)
def _parse(path: Path, stamp: tuple[int, int], model: type[M]) -> M:
    """A content file parsed once per version of it (``stamp`` is its mtime and size)."""
    return parse_yaml(path, path.read_text(encoding="utf-8"), model)


def parse_file(path: Path, model: type[M]) -> M:
    try:
        info = path.stat()
        return _parse(path, (info.st_mtime_ns, info.st_size), model)
    except OSError as exc:
        raise ContentError(path, f"cannot be read ({exc.strerror})") from None
    except UnicodeDecodeError as exc:
        raise ContentError(path, f"not UTF-8 text ({exc.reason})") from None


def coach_glossary(content: Content) -> dict[str, str]:
    """The wording coach's acronym glossary: rules of kind "jargon" in its jargon file."""
    from assistant.wording.rules import RuleFile

    try:
        path = content.path("framework", "wording", JARGON_FILE)
    except ContentError:
        return {}
    glossary: dict[str, str] = {}
    for rule in parse_file(path, RuleFile).rules:
        if rule.kind == "jargon":
            glossary |= rule.glossary
    return glossary


def load(content: Content, path: Path) -> Callable[[str], str]:
    """plain() from the coach's jargon glossary and the plain-words file at ``path``."""
    own = parse_file(path, PlainWords)
    acronyms = coach_glossary(content) | own.acronyms
    return make_plain(PlainWords(acronyms=acronyms, phrases=own.phrases))
