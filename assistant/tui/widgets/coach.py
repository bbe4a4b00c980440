"""The coach's advice on the statement being typed: flagged words, why, questions, rewrites."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static


def render_report(text: str, findings: list[Any], report: Any = None) -> Text:
    """The statement with flagged spans highlighted, then each finding's advice.

    With nothing to raise, the coach's note (prompts/coach.yml): what it reads, or the
    framework's question. Never "no problems found": silence is not approval.
    """
    out = Text()
    if not findings:
        note = (getattr(report, "note", "") or getattr(report, "quiet", "")) if report else ""
        out.append(note)
        return out
    shown = Text(text)
    for finding in findings:
        start, end = int(finding.start), int(finding.end)
        if 0 <= start < end <= len(text):
            shown.stylize("bold black on yellow", start, end)
    out.append_text(shown)
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
    if number:
        out.append("\nCtrl+R takes the next rewrite into your answer.", style="dim")
    return out


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
