"""Tailored questions and rewrites: the holder's name, the service reached for, and
specific statements from the curated library in ``framework/library/``.

Why: telling a worker "this is a service" is only half the help. The coach asks what the
service would change for this person and shows specific wordings in the same area to
build on, so the worker can find the need behind the service.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import Field, field_validator

from assistant.content import Content, Strict
from assistant.wording.context import forms, is_parent
from assistant.wording.pronouns import fit, names_someone_else, target_gender

STRIP_LEADING = frozenset({"need", "needs", "needed", "require", "requires", "required",
                           "to", "will", "have", "has", "also", "just", "really", "urgently"})
VERBS = frozenset({"attend", "complete", "engage", "access", "receive", "see", "go", "get",
                   "have", "take", "undertake", "accept", "participate", "start", "finish",
                   "do", "work", "use", "join", "continue", "be", "remain", "stay", "keep",
                   "reach", "achieve", "fulfil", "realise", "make", "feel"})
_DOUBLE = frozenset({"get", "sit", "stop", "put", "run", "plan", "set", "let", "begin"})
_WORD = re.compile(r"[a-z0-9']+")
PLURAL = frozenset({"parents", "carers", "children", "grandparents", "twins", "boys", "girls",
                    "siblings", "adults", "they", "we", "brothers", "sisters", "kids"})
POSSESSIVE = {"her": "her", "him": "his", "them": "their", "me": "my", "us": "our",
              "you": "your", "it": "its"}


class Statement(Strict):
    """A specific need statement; ``{name}`` stands for the person who holds it and, in a
    parent's statement, ``{child}`` for their child (never a real or example name, so a
    rewrite taken into a plan cannot carry another family's child)."""

    text: str = Field(min_length=10)

    @field_validator("text")
    @classmethod
    def _placeholders(cls, text: str) -> str:
        unknown = set(re.findall(r"\{(\w*)\}", text)) - {"name", "child"}
        if unknown:
            raise ValueError(f"unknown placeholder(s) {', '.join(sorted(unknown))}: a "
                             "statement may use {name} and {child}")
        return text
    holder: Literal["child", "parent"] = "child"


class Area(Strict):
    """One area of the library (e.g. bereavement and loss) with words that point to it."""

    area: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    keywords: list[str] = Field(min_length=1)
    statements: list[Statement] = Field(min_length=5)


def gerund(verb: str) -> str:
    """attend -> attending, be -> being, engage -> engaging, get -> getting."""
    low = verb.lower()
    if low == "be":
        return "being"
    if low in _DOUBLE:
        return low + low[-1] + "ing"
    if low.endswith("ie"):
        return low[:-2] + "ying"
    if low.endswith("e") and not low.endswith(("ee", "ye", "oe")):
        return low[:-1] + "ing"
    return low + "ing"


def term_of(span: Any) -> str:
    """What the worker reached for, said so it reads after "What would ...":
    "counselling", "a family support worker", "being referred to CAMHS"."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in STRIP_LEADING:
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in ("and", "or")):
        tokens = tokens[:-1]
    if not tokens:
        return span.text
    words = [t.text_with_ws for t in tokens]
    if tokens[0].lower_ in VERBS:
        words[0] = gerund(tokens[0].lower_) + tokens[0].whitespace_
    return "".join(words).strip()


class Library:
    """The curated specific statements, by area, from ``framework/library/*.yml``."""

    def __init__(self, content: Content) -> None:
        self.areas: list[Area] = [area for _, area in content.load_all(Area, "framework",
                                                                       "library")]
        # Each area's statements for a child and for a parent, with their words, ready.
        self._by_holder: dict[tuple[str, str], list[tuple[Statement, frozenset[str]]]] = {}
        for area in self.areas:
            for wanted in ("child", "parent"):
                chosen = [s for s in area.statements if s.holder == wanted] or area.statements
                self._by_holder[(area.area, wanted)] = [
                    (s, frozenset(_WORD.findall(s.text.lower()))) for s in chosen]
        # Single words are matched as a set (fast); phrases by substring.
        self._keywords = [
            (area, frozenset(k.lower() for k in area.keywords if _WORD.fullmatch(k.lower())),
             [" ".join(_WORD.findall(k.lower())) for k in area.keywords
              if not _WORD.fullmatch(k.lower())])
            for area in self.areas
        ]

    def __len__(self) -> int:
        return sum(len(area.statements) for area in self.areas)

    def area_for(self, text: str) -> Area | None:
        """The area whose keywords the statement uses most (first listed wins a tie)."""
        found = _WORD.findall(text.lower())
        words = set(found)
        low = " " + " ".join(found) + " "
        best, best_score = None, 0
        for area, singles, phrases in self._keywords:
            score = len(words & singles) + sum(1 for k in phrases if f" {k}" in low)
            if score > best_score:
                best, best_score = area, score
        return best

    def pick(self, text: str, holder: str | None, limit: int = 3) -> list[str]:
        """Up to ``limit`` specific statements in the statement's area, for its holder."""
        area = self.area_for(text)
        if area is None:
            return []
        chosen = self._by_holder[(area.area, "parent" if is_parent(holder) else "child")]
        words = set(_WORD.findall(text.lower()))
        ranked = sorted(chosen, key=lambda item: -len(words & item[1]))
        gender = target_gender(text, holder)
        out: list[str] = []
        for statement, _ in ranked:
            filled = fill(statement.text, holder)
            # Pronouns in a statement about someone else (a named person, or the parent's
            # child) may be that person's, so they stay as written.
            if "{child}" not in statement.text and not names_someone_else(filled, holder):
                filled = fit(filled, gender)
            if holder and filled.count(holder) > 1:
                continue  # "Dad needs to agree with Dad...": written for someone else
            out.append(filled)
            if len(out) == limit:
                break
        return out


def fill(template: str, holder: str | None, term: str = "", match: str = "",
         expansion: str = "") -> str:
    """Fill ``{holder}`` (object: "help her"), ``{subject}`` ("she"), ``{possessive}``
    ("her", "Kayla's"), ``{Holder}`` and ``{name}`` (sentence start: "She"), ``{term}``,
    ``{match}``, ``{expansion}``."""
    obj, subj = forms(holder)
    start = subj[:1].upper() + subj[1:]
    possessive = POSSESSIVE.get(obj, obj + ("'" if obj.endswith("s") else "'s"))
    values = {"holder": obj, "subject": subj, "Holder": start, "name": start,
              "possessive": possessive, "child": "the child",
              "term": term or "this", "match": match, "expansion": expansion}
    out = template.format_map(values)
    if subj.split()[-1].lower() in PLURAL and template.startswith(("{name} needs ",
                                                                     "{Holder} needs ")):
        out = out.replace(" needs ", " need ", 1)  # "The parents need to ..."
    return out[:1].upper() + out[1:] if out else out
