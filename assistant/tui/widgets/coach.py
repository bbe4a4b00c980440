"""The coach's advice on the statement being typed: flagged words, why, questions, rewrites."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from assistant.wording.report import TOLD


def render_report(text: str, findings: list[Any], report: Any = None) -> Text:
    """The statement with flagged spans highlighted, then each finding's advice.

    With nothing to raise, the coach's note (prompts/coach.yml): what it reads, or the
    framework's question. Never "no problems found": silence is not approval.
    """
    out = Text()
    # A word the coach read another way ("'referal' read as 'referral'") is told, under
    # the note or the flags, and underlined where the worker typed it: it flags nothing.
    told = [f for f in findings if f.kind in TOLD]
    findings = [f for f in findings if f.kind not in TOLD]
    if not findings:
        note = (getattr(report, "note", "") or getattr(report, "quiet", "")) if report else ""
        out.append(note)
        if told:
            out.append("\n\n" if note else "")
            out.append_text(_shown(text, [], told))
            out.append("\n")
            _tell(out, told)
        return out
    out.append_text(_shown(text, findings, told))
    out.append("\n")
    number = 0
    offered: set[str] = set()
    for finding in findings:
        out.append(f"\n{finding.kind}: ", style="bold")
        out.append(f"{finding.message}\n")
        if finding.why:
            out.append("Why: ", style="italic")
            out.append(f"{finding.why}\n")
        for question in finding.questions or []:
            out.append(f"  ? {question}\n")
        for suggestion in finding.suggestions or []:
            if suggestion in offered:
                continue  # offered for another finding on the statement: one list
            offered.add(suggestion)
            number += 1
            out.append(f"  {number}. ", style="bold")
            out.append(f"{suggestion}\n")
    # An answer of several sentences: what the coach reads in each one it flags nothing in
    for k, sentence in enumerate(getattr(report, "sentences", None) or [], start=1):
        if sentence.note:
            out.append(f"\nSentence {k}: ", style="bold")
            out.append(f"{sentence.note}\n")
    _tell(out, told)
    if number:
        out.append("\nCtrl+R takes the next rewrite into your answer.", style="dim")
    return out


def _shown(text: str, flagged: list[Any], told: list[Any]) -> Text:
    """The statement as typed: flagged spans highlighted, words read another way
    underlined."""
    shown = Text(text)
    for findings, style in ((flagged, "bold black on yellow"), (told, "underline")):
        for finding in findings:
            start, end = int(finding.start), int(finding.end)
            if 0 <= start < end <= len(text):
                shown.stylize(style, start, end)
    return shown


def _tell(out: Text, told: list[Any]) -> None:
    """The words the coach read another way, on one line."""
    if told:
        out.append("\nSpelling: ", style="bold")
        out.append(" ".join(f.message for f in told) + "\n")


def suggestions(findings: list[Any]) -> list[str]:
    """The rewrites of all the findings, in the order shown, each once (a need both vague
    and a service is offered one list, not the same rewrites twice)."""
    return list(dict.fromkeys(s for f in findings for s in (f.suggestions or [])))


class CoachPanel(VerticalScroll):
    """Scrolls when the advice is longer than the space beside the question."""

    def compose(self) -> ComposeResult:
        yield Static(id="coach-text")

    def show(self, content: Text | str) -> None:
        self.query_one("#coach-text", Static).update(content)
