"""Shorthand in plans (DV, CAMHS, EHCP...) spelled out before a need is read.

Why: an audit group reads "Mum needs to understand the impact of DV on the children" as
a need about domestic abuse, and "Child 1 needs an EHCP" as a plan asked for, not a need;
the coach's suggestions read "needs SALT" as speech and language; the story's reflection
reads "DV flagged" as domestic abuse. Spelling the shorthand out lets each of them see
the same thing. The list is data (``framework/shorthand.yml``), validated on load, and
read here, in the core, so that the coach does not import the Need Groups package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from pydantic import Field, model_validator

from assistant.content import Content, Strict


class Term(Strict):
    short: str = Field(pattern=r"^[A-Za-z][A-Za-z&/]*$", max_length=12)
    means: str = Field(min_length=2)
    kind: Literal["service", "assessment", "term"] = "term"


@dataclass(frozen=True)
class Expansion:
    """Where a shorthand was spelled out: its span in the expanded text."""

    short: str
    means: str
    kind: str
    start: int
    end: int


class Shorthand(Strict):
    """framework/shorthand.yml."""

    terms: list[Term] = Field(min_length=1)

    @model_validator(mode="after")
    def _once_each(self) -> Shorthand:
        seen: set[str] = set()
        for term in self.terms:
            key = term.short.lower()
            if key in seen:
                raise ValueError(f"shorthand {term.short!r} is listed twice")
            seen.add(key)
        return self

    @cached_property
    def _pattern(self) -> re.Pattern[str]:
        # Three letters or more: any case ("camhs"). Shorter: as written, so that "da" or
        # "ap" inside ordinary prose is left alone.
        parts = []
        for term in sorted(self.terms, key=lambda t: len(t.short), reverse=True):
            word = re.escape(term.short)
            parts.append(f"(?i:{word})" if len(term.short) >= 3 else word)
        return re.compile(r"(?<![\w&/])(?:" + "|".join(parts) + r")(?![\w&/])")

    @cached_property
    def _by_key(self) -> dict[str, Term]:
        return {t.short.lower(): t for t in self.terms}

    def expand(self, text: str) -> tuple[str, list[Expansion]]:
        """``text`` with each shorthand spelled out, and where each now sits."""
        out: list[str] = []
        spans: list[Expansion] = []
        last = 0
        length = 0
        for match in self._pattern.finditer(text):
            term = self._by_key[match.group(0).lower()]
            out.append(text[last:match.start()])
            length += match.start() - last
            spans.append(Expansion(match.group(0), term.means, term.kind, length,
                                   length + len(term.means)))
            out.append(term.means)
            length += len(term.means)
            last = match.end()
        if not spans:
            return text, []
        out.append(text[last:])
        return "".join(out), spans


    def term_of(self, word: str) -> Term | None:
        """The term ``word`` is, written whole as the list matches it (any case from three
        letters, as written below), else None: "SW" in "SW to visit" is a social worker."""
        match = self._pattern.fullmatch(word)
        return None if match is None else self._by_key[word.lower()]

    def spelled(self, text: str) -> str:
        """``text`` with each shorthand's meaning after it ("SLT (speech and language
        therapy)"), for reading what a statement or a story is about while keeping its
        words."""
        return self._pattern.sub(
            lambda m: f"{m.group(0)} ({self._by_key[m.group(0).lower()].means})", text)


def load_shorthand(content: Content) -> Shorthand:
    from assistant.wording.casefit import load_or_default

    return load_or_default(content, Shorthand, "framework", "shorthand.yml")
