"""The wording rules as data: ``framework/wording/*.yml``, validated on load.

Why data: a trainer can read and adapt what the coach says and what it looks for without
touching code, and every rule carries the examples that prove it (must fail / must pass).
Patterns are spaCy Matcher token patterns; a string ``"@name"`` inside an ``IN``/``NOT_IN``
list refers to a lexicon, so word lists live in one place. A pattern that uses POS, TAG,
DEP or MORPH needs a trained pipeline and is skipped on the blank fallback.
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, StrictStr, field_validator, model_validator

from assistant.content import CalendarRef, Content, ContentError, Strict

Stage = Literal["need", "seriousness", "outcome", "work"]
Kind = Literal[
    "universal", "service", "assessment", "vague", "jargon", "compound", "no-holder",
    "no-measure", "no-date", "no-responsible", "no-frequency", "no-start", "no-action",
    "agency-risk",
]
PARSE_KEYS = frozenset({"POS", "TAG", "DEP", "MORPH"})
# Keys the Matcher accepts on a token; anything else in a pattern is a typo.
TOKEN_KEYS = frozenset({
    "ORTH", "TEXT", "LOWER", "LEMMA", "NORM", "SHAPE", "POS", "TAG", "DEP", "MORPH",
    "LENGTH", "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
    "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_SENT_START", "SENT_START", "LIKE_NUM", "LIKE_URL",
    "LIKE_EMAIL", "OP", "ENT_TYPE",
})

Pattern = list[dict[str, Any]]
# What a message, question or rewrite may mention (filled in by suggest.fill). {they},
# {them} and {their} are the holder's pronouns ("she", "him", "their"): use them where no
# verb must agree ("what would {they} be able to do"), since "he" and "they" take different
# verb forms.
PLACEHOLDERS = ("holder", "subject", "possessive", "Holder", "name", "term", "match",
                "expansion", "reason", "they", "them", "their")


class Failing(Strict):
    """A statement the rule must flag, and the exact text of the span it must flag."""

    text: str = Field(min_length=1)
    match: str = Field(min_length=1)

    @model_validator(mode="after")
    def _match_in_text(self) -> Failing:
        if self.match not in self.text:
            raise ValueError(f"match {self.match!r} is not part of {self.text!r}")
        return self


class Examples(Strict):
    fail: list[Failing] = Field(min_length=1)
    pass_: list[str] = Field(min_length=1, alias="pass")


class Rule(Strict):
    """One rule: what it looks for, what it says, and the examples that prove it."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    stage: Stage
    kind: Kind
    severity: Literal["error", "warning", "info"] = "warning"
    # match: flag each span a pattern matches. absent: flag the statement when none matches.
    # structure: flag what the structure reader (wording/structure/) judges to be this rule's
    # kind, where no word rule already flags it; needs the parse, so no patterns.
    mode: Literal["match", "absent", "structure"] = "match"
    patterns: list[Pattern] = []
    # A finding is dropped when any of these matches anywhere in the statement.
    unless: list[Pattern] = []
    # Only flag a span that ends its clause ("needs to be safe." but not "needs to be safe
    # when she walks home"): what follows a universal aim often makes it specific.
    ends_clause: bool = False
    # Findings of these kinds whose span overlaps this rule's span are dropped.
    suppresses: list[Kind] = []
    # For jargon: the short form and its words for a family ({expansion} in the message).
    glossary: dict[str, str] = {}
    message: str = Field(min_length=1)
    why: str = Field(min_length=1)
    questions: list[str] = Field(min_length=1)
    # Questions asking by when ("By when?"), asked after ``questions`` only when the
    # statement gives no date as the coach reads dates (the stage's no-date rule does not
    # flag it): "By the end of the spring term Ellie will be happier" is not asked it.
    date_questions: list[str] = []
    rewrites: list[str] = Field(min_length=1)
    examples: Examples

    @model_validator(mode="after")
    def _patterns_for_mode(self) -> Rule:
        if self.mode == "structure":
            if self.patterns:
                raise ValueError("a structure rule reads the parse: it takes no patterns")
            if self.stage == "need" and self.kind not in ("universal", "service",
                                                          "assessment"):
                raise ValueError("a need-stage structure rule flags universal, service or "
                                 "assessment")
        elif not self.patterns:
            raise ValueError("a match or absent rule needs at least one pattern")
        return self

    @model_validator(mode="after")
    def _known_placeholders(self) -> Rule:
        for text in [self.message, *self.questions, *self.date_questions, *self.rewrites]:
            try:
                text.format_map(dict.fromkeys(PLACEHOLDERS, ""))
            except (KeyError, ValueError, IndexError) as exc:
                raise ValueError(f"{text!r}: unknown placeholder {exc} (use one of "
                                 f"{', '.join('{' + p + '}' for p in PLACEHOLDERS)})") from None
        return self

    @field_validator("patterns", "unless")
    @classmethod
    def _known_keys(cls, patterns: list[Pattern]) -> list[Pattern]:
        for pattern in patterns:
            if not pattern:
                raise ValueError("a pattern needs at least one token")
            for token in pattern:
                unknown = set(token) - TOKEN_KEYS
                if unknown:
                    raise ValueError(f"unknown token key(s) {sorted(unknown)} in a pattern")
                for value in token.values():
                    regex = value.get("REGEX") if isinstance(value, dict) else None
                    if isinstance(regex, str):
                        try:
                            re.compile(regex)
                        except re.error as exc:
                            raise ValueError(f"REGEX {regex!r} is not a regular expression "
                                             f"({exc})") from None
                    words = value.get("IN", []) + value.get("NOT_IN", []) \
                        if isinstance(value, dict) else []
                    if any(isinstance(w, bool) for w in words):
                        raise ValueError("a word list holds true/false: YAML reads bare "
                                         "on/off/yes/no as booleans, so quote them")
        return patterns


class RuleFile(Strict):
    """One family of rules: ``framework/wording/<family>.yml``."""

    family: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    description: str = ""
    lexicons: dict[str, Annotated[list[StrictStr], CalendarRef]] = {}
    rules: list[Rule] = []




def line_of(path: Path, pattern: str) -> int | None:
    """The 1-based line of ``path`` that first matches the regex ``pattern``: the place of
    a problem found after validation (a rule id used twice), or None."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return None
    found = re.search(pattern, text, re.MULTILINE)
    return text.count("\n", 0, found.start()) + 1 if found else None


def needs_parse(pattern: Pattern) -> bool:
    """True when the pattern relies on tags or dependencies (not available on blank)."""
    return any(PARSE_KEYS & set(token) for token in pattern)


def reads_structure(rule: Rule) -> bool:
    """True for a rule judged by the structure reader (it needs the parse)."""
    return rule.mode == "structure"


class RuleSet:
    """Every rule and lexicon from ``framework/wording``, with lexicon references resolved."""

    def __init__(self, files: list[tuple[Path, RuleFile]],
                 calendar: dict[str, list[str]] | None = None) -> None:
        # the calendar's lists (framework/words/time.yml) a pattern names as "@months":
        # exactly those words, never inflected ("@days" is not "Mondays": "@days_plural" is)
        self.calendar: dict[str, list[str]] = dict(calendar or {})
        self.lexicons: dict[str, list[str]] = dict(self.calendar)
        self.rules: list[Rule] = []
        self.source: dict[str, Path] = {}
        for path, data in files:
            for name, words in data.lexicons.items():
                if name in self.calendar:
                    raise ContentError(path, f"lexicon {name!r} is a list of the calendar's "
                                       f"(framework/words/time.yml): name it \"@{name}\" "
                                       "instead of defining it",
                                       line_of(path, rf"^\s+['\"]?{re.escape(name)}['\"]?\s*:"),
                                       field=f"lexicons.{name}")
                if name in self.lexicons:
                    raise ContentError(path, f"lexicon {name!r} is defined twice",
                                       line_of(path, rf"^\s+['\"]?{re.escape(name)}['\"]?\s*:"),
                                       field=f"lexicons.{name}")
                self.lexicons[name] = words
        for path, data in files:
            for rule in data.rules:
                if rule.id in self.source:
                    raise ContentError(path, f"rule id {rule.id!r} is used twice",
                                       self.line_of(rule.id, path), field=f"rule {rule.id}")
                self.source[rule.id] = path
                self.rules.append(rule)
                try:
                    for pattern in [*rule.patterns, *rule.unless]:
                        self.resolve(pattern, path, inflect=False)  # a bad lexicon fails now
                except ContentError as exc:
                    raise ContentError(path, exc.message, self.line_of(rule.id, path),
                                       field=f"rule {rule.id}") from None

    def line_of(self, rule_id: str, path: Path | None = None) -> int | None:
        """The line of rule ``rule_id`` in its file (where its ``id:`` is), for an error."""
        path = path or self.source.get(rule_id)
        pattern = rf"^\s*-?\s*id:\s*['\"]?{re.escape(rule_id)}['\"]?\s*(?:#.*)?$"
        return line_of(path, pattern) if path is not None else None

    @cached_property
    def resolved(self) -> dict[str, tuple[list[Pattern], list[Pattern]]]:
        """Each rule's patterns and unless-patterns with lexicons resolved, ready to compile.

        Made when the matcher is compiled, not on load: a lexicon's word forms come from
        lemminflect, which imports spaCy, and constructing the coach must not.
        """
        return {rule.id: ([self.resolve(p, self.source[rule.id]) for p in rule.patterns],
                          [self.resolve(p, self.source[rule.id]) for p in rule.unless])
                for rule in self.rules}

    @classmethod
    def load(cls, content: Content) -> RuleSet:
        from assistant.wordlists import english

        calendar = english(content).time.calendar
        return cls(content.load_all(RuleFile, "framework", "wording",
                                    context={"calendar": calendar}), calendar)

    def resolve(self, pattern: Pattern, path: Path | None = None,
                inflect: bool = True) -> Pattern:
        """A copy of ``pattern`` with ``@lexicon`` references replaced by their words (and,
        matched on ``LOWER`` with ``inflect``, each word's "-s" forms)."""
        return [
            {key: self._value(key, value, path, inflect) for key, value in token.items()}
            for token in pattern
        ]

    def _value(self, key: str, value: Any, path: Path | None, inflect: bool) -> Any:
        if isinstance(value, dict):
            return {k: self._value(key, v, path, inflect) for k, v in value.items()}
        if isinstance(value, list):
            out: list[Any] = []
            for item in value:
                out.extend(self._words(key, item, path, inflect))
            return out
        if isinstance(value, str) and value.startswith("@"):
            raise ContentError(path or "framework/wording",
                               f"lexicon {value} must be used inside IN or NOT_IN")
        return value

    def _words(self, key: str, item: Any, path: Path | None, inflect: bool) -> list[Any]:
        if not (isinstance(item, str) and item.startswith("@")):
            return [item]
        name = item[1:]
        if name not in self.lexicons:
            raise ContentError(path or "framework/wording", f"unknown lexicon {item}")
        words = self.lexicons[name]
        if key == "LOWER" and inflect and name not in self.calendar:
            # Plurals and "-s" verb forms come free ("diagnosis" also matches "diagnoses",
            # "go" also "goes"), so a lexicon lists the singular and plain verb only.
            from assistant.wording.morphology import s_forms_of

            forms = [w.lower() for w in words]
            return sorted({*forms, *(f for found in s_forms_of(forms).values()
                                     for f in found)})
        return list(words)

    def attributes(self) -> set[str]:
        """The token attributes the patterns use, so the pipeline loads only what they need."""
        used: set[str] = set()
        for rule in self.rules:
            for pattern in [*rule.patterns, *rule.unless]:
                for token in pattern:
                    used.update(token)
        return used

    def for_stage(self, stage: str) -> list[Rule]:
        return [rule for rule in self.rules if rule.stage == stage]
