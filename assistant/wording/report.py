"""What the coach found: a ``Report`` per statement holding ``Finding`` objects.

The dictionaries are the ``needs-led check --json`` contract in design.md, so scripts and
the TUI read the same shape.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

CONTEXT_FLAGS = ("negated", "hypothetical", "quoted", "other_person")
# A finding in these contexts is shown but does not make the statement that kind:
# "she does not need counselling" is not a service-led need.
DISCOUNTING = ("negated", "hypothetical", "quoted")
# Kinds the coach only tells the worker of, which never make a statement that kind:
# "'referal' read as 'referral'" (assistant/spelling.py) is no fault of the wording.
TOLD = ("spelling",)


@dataclass(slots=True)
class Finding:
    """One thing the coach noticed, with the character span it covers in the text."""

    rule: str
    kind: str
    severity: str
    start: int
    end: int
    match: str
    message: str
    why: str
    questions: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    context: dict[str, bool] = field(default_factory=dict)

    @property
    def counts(self) -> bool:
        """False when the wording is negated, hypothetical or someone else's words, and
        for what the coach only tells (:data:`TOLD`)."""
        return self.kind not in TOLD and not any(self.context.get(flag)
                                                 for flag in DISCOUNTING)

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.rule, "kind": self.kind, "severity": self.severity,
            "start": self.start, "end": self.end, "match": self.match,
            "message": self.message, "why": self.why, "questions": list(self.questions),
            "suggestions": list(self.suggestions), "context": dict(self.context),
        }


class Later:
    """A value not built yet: a field made lazy by :func:`_lazy` builds it on first read
    and keeps it. Why: a finding's suggestions (choosing library statements that fit the
    holder and the case) and its message and questions (filling in the holder's name and
    pronouns) cost about a quarter of a check beyond the parse, and most batch readers
    (the evaluation, the Need Groups audit, the workshop's tallies) read only the kinds.
    ``make`` must read only what is fixed when the finding is made (never the document,
    which a held report would keep alive)."""

    __slots__ = ("make",)

    def __init__(self, make: Callable[[], Any]) -> None:
        self.make = make


def _lazy(cls: type, name: str) -> None:
    """Make ``cls.name`` (a slot the dataclass made) build a :class:`Later` when read:
    every reader (``to_dict``, equality, pickling, the screens) sees the built value."""
    slot = cls.__dict__[name]

    def read(obj: Any) -> Any:
        value = slot.__get__(obj, cls)
        if value.__class__ is Later:
            value = value.make()
            slot.__set__(obj, value)
        return value

    setattr(cls, name, property(read, slot.__set__, doc=f"{cls.__name__}.{name}, built "
                                                         "when first read"))


#: a finding's fields built when first read (see :class:`Later`)
LATER = ("message", "questions", "suggestions")
for _name in LATER:
    _lazy(Finding, _name)


@dataclass(slots=True)
class Report:
    """The coach's reading of one statement at one stage."""

    text: str
    stage: str
    findings: list[Finding] = field(default_factory=list)
    holder: str | None = None
    # What the coach says when it flags nothing that counts (never "no problems found").
    note: str = ""
    # The framework's question for the stage, kept for a screen that raises none of the
    # findings now (some are asked about at a later step); not part of the JSON.
    quiet: str = ""
    # An answer of more than one sentence: each sentence's own verdict, as if it had been
    # checked alone (empty for one sentence). Why: two statements in one answer box are
    # two needs, and a specific one is not made a fault by the other.
    sentences: list[SentenceVerdict] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        """The distinct kinds flagged, in order of first finding; discounted ones excluded."""
        seen: list[str] = []
        for finding in self.findings:
            if finding.counts and finding.kind not in seen:
                seen.append(finding.kind)
        return seen

    def built(self) -> Report:
        """This report with every finding's wording built now, not when it is first read.
        Why: building a rewrite can load the morphology tables (seconds, once per run); a
        screen that read the rewrites first did it on its UI thread, which meanwhile read
        no keys and wrote no drafts (the first flagged answer froze the app; a kill then
        lost every key typed since). A thread calls this before handing the report over."""
        for finding in self.findings:
            for name in LATER:
                getattr(finding, name)
        return self

    def to_dict(self) -> dict[str, Any]:
        out = {
            "text": self.text, "stage": self.stage, "kinds": self.kinds,
            "findings": [f.to_dict() for f in self.findings], "note": self.note,
            # whom the findings are about as read (a work item's owner), as each
            # sentence's verdict says it; None when no one is named
            "holder": self.holder,
        }
        if self.sentences:  # only for an answer of several sentences (a new field)
            out["sentences"] = [s.to_dict() for s in self.sentences]
        return out


@dataclass(slots=True)
class SentenceVerdict:
    """One sentence of an answer read as its own statement: where it is, the kinds its
    own findings raise, whose it is, and what the coach says of it when it raises none."""

    text: str
    start: int
    end: int
    kinds: list[str] = field(default_factory=list)
    holder: str | None = None
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "kinds": list(self.kinds), "holder": self.holder, "note": self.note}
