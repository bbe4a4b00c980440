"""Common misspellings read as the word meant, before the wording coach reads a statement,
with a map back to the worker's own text.

Why: "Lexi would benifit from a referal to the Ed Psych" and "Mum needs an ECHP
assesment" passed the coach silently, since every rule knows "benefit", "referral",
"EHCP" and "assessment" and none knows their slips. The coach now reads the corrected
text; every finding's span, every sentence and the holder it reports are mapped back
onto what the worker typed (the screen highlights the worker's own characters), and the
worker is told, as an info-level finding of its own, of each word read another way, so
a student learns the spelling too.

The list is data (``framework/words/spelling.yml``, :class:`SpellingWords`). The step is
one precompiled scan for letter runs and a dict lookup on each: a statement with no
listed slip is handed on as it is, with no further work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from assistant.wording.report import CONTEXT_FLAGS, Finding, Report
from assistant.wordlists import SpellingWords

#: A word as the list matches it: a run of ASCII letters not joined to other letters,
#: digits, or the marks of an address, a path or an e-mail ("www.benifit.org").
_WORD = re.compile(r"(?<![\w@/\\.])[A-Za-z]+(?![\w@/\\]|\.\w)")
#: The kind and rule of the finding that tells the worker of a word read another way.
KIND = "spelling"
RULE = "spelling"
_WHY = ("The coach read the word as it is usually spelled, so that what it says about the "
        "statement is about what you meant. Nothing in your answer was changed.")


@dataclass(frozen=True, slots=True)
class Correction:
    """One word read another way: ``wrong`` at ``start:end`` of the worker's text,
    ``right`` at ``at`` of the corrected text."""

    wrong: str
    right: str
    start: int
    end: int
    at: int

    @property
    def after(self) -> int:
        """Where ``right`` ends in the corrected text."""
        return self.at + len(self.right)

    @property
    def shift(self) -> int:
        """How much longer the corrected text is after this word."""
        return len(self.right) - len(self.wrong)


@dataclass(frozen=True, slots=True)
class Corrected:
    """A statement as typed (``original``) and as the coach reads it (``text``)."""

    original: str
    text: str
    corrections: tuple[Correction, ...] = ()

    def start_of(self, pos: int) -> int:
        """The worker's offset of a span starting at ``pos`` of the corrected text: a span
        that starts inside a corrected word starts at the worker's word."""
        shift = 0
        for c in self.corrections:
            if pos < c.at:
                break
            if pos < c.after:
                return c.start
            shift += c.shift
        return pos - shift

    def end_of(self, pos: int) -> int:
        """The worker's offset of a span ending at ``pos`` of the corrected text: a span
        that ends inside a corrected word ends where the worker's word does."""
        shift = 0
        for c in self.corrections:
            if pos <= c.at:
                break
            if pos <= c.after:
                return c.end
            shift += c.shift
        return pos - shift

    def said(self, words: str | None) -> str | None:
        """``words`` the coach took from the corrected text (a holder, "the educational
        psychologist") as the worker wrote them; anything else as it is."""
        if not words:
            return words
        found = self.text.find(words)
        if found >= 0:
            start, end = self.start_of(found), self.end_of(found + len(words))
            return self.original[start:end]
        for c in self.corrections:  # words made up from the text ("Lisa (Mum)")
            words = re.sub(rf"(?<!\w){re.escape(c.right)}(?!\w)", c.wrong, words)
        return words

    def restore(self, report: Report) -> Report:
        """``report`` of the corrected text made a report of the worker's: its text, its
        findings' spans and matched words, its sentences and its holder are the worker's,
        and each correction is told as an info-level finding."""
        if not self.corrections:
            return report
        report.text = self.original
        for finding in report.findings:
            start, end = self.start_of(finding.start), self.end_of(finding.end)
            if (start, end) != (finding.start, finding.end) or any(
                    finding.start < c.after and c.at < finding.end for c in self.corrections):
                finding.match = self.original[start:end].strip()
            finding.start, finding.end = start, end
        for sentence in report.sentences:
            sentence.start = self.start_of(sentence.start)
            sentence.end = self.end_of(sentence.end)
            sentence.text = self.original[sentence.start:sentence.end]
            sentence.holder = self.said(sentence.holder)
        report.holder = self.said(report.holder)
        report.findings.extend(told(c) for c in self.corrections)
        report.findings.sort(key=lambda f: (f.start, f.end))
        return report


def told(correction: Correction) -> Finding:
    """The finding that tells the worker a word was read another way."""
    return Finding(rule=RULE, kind=KIND, severity="info", start=correction.start,
                   end=correction.end, match=correction.wrong,
                   message=f"'{correction.wrong}' read as '{correction.right}'.",
                   why=_WHY, context=dict.fromkeys(CONTEXT_FLAGS, False))


def _cased(written: str, right: str) -> str:
    """``right`` in the case ``written`` has: "Referal" -> "Referral", "REFERAL" ->
    "REFERRAL"; a right form with capitals of its own (EHCP) is always written so."""
    if right != right.lower():
        return right
    if len(written) > 1 and written.isupper():
        return right.upper()
    if written[:1].isupper():
        return right[:1].upper() + right[1:]
    return right


class Speller:
    """Reads the slips of ``framework/words/spelling.yml`` as the words meant."""

    def __init__(self, words: SpellingWords) -> None:
        self.wrong = words.wrong

    def correct(self, text: str, keep: Iterable[str] = ()) -> Corrected:
        """``text`` with each listed slip read as meant; ``keep``: names (of the case's
        people, of the holder), whose words are never corrected, in any case."""
        wrong = self.wrong
        # the common case, no listed slip, in one scan and a set test (a few microseconds)
        if wrong.keys().isdisjoint(_WORD.findall(text.lower())):
            return Corrected(text, text)
        found = [m for m in _WORD.finditer(text) if m.group().lower() in wrong]
        kept = {w.lower() for name in keep for w in _WORD.findall(name)} if keep else set()
        out: list[str] = []
        corrections: list[Correction] = []
        last = shift = 0
        for match in found:
            written = match.group()
            if written.lower() in kept:
                continue
            right = _cased(written, wrong[written.lower()])
            start, end = match.span()
            out.append(text[last:start])
            out.append(right)
            corrections.append(Correction(written, right, start, end, start + shift))
            shift += len(right) - len(written)
            last = end
        if not corrections:
            return Corrected(text, text)
        out.append(text[last:])
        return Corrected(text, "".join(out), tuple(corrections))


def names_of(case: Any, holder: str | None = None) -> list[str]:
    """The names never corrected in a statement: the case's people's and the holder's."""
    names = [str(p.name) for p in getattr(case, "people", None) or ()]
    return [*names, holder] if holder else names
