"""The workshop pack: one print-ready document for the day (HTML and PDF).

The participants' pack (agenda, the vignettes with the participants' task, the blank
audit form) is one file a trainer prints or shares; the facilitator's notes (the general
notes and each vignette's model analysis, teaching notes and traps) are a file of their
own, so handing the pack out never gives the exercise away. The words are content
(``prompts/workshop.yml`` and the vignettes), validated on load.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pydantic import Field

from assistant.content import Content, Strict
from assistant.practice import Vignette

PACK_STEM = "workshop-pack"
NOTES_STEM = "facilitator-notes"
#: Blank rows per holder group on the pack's audit form (one A4 page within the pack's
#: wider margins and running header).
PACK_FORM_ROWS = {"child": 7, "parent": 5, "family": 2}


class AgendaItem(Strict):
    at: str = Field(min_length=1)
    item: str = Field(min_length=1)


class WorkshopText(Strict):
    """prompts/workshop.yml."""

    title: str = Field(min_length=1)
    purpose: str = ""
    agenda: list[AgendaItem] = Field(min_length=1)
    facilitator_notes: list[str] = []


def load_workshop_text(content: Content) -> WorkshopText:
    return content.load(WorkshopText, "prompts", "workshop.yml")


def render_pack(vignettes: Sequence[Vignette], content: Content) -> str:
    """The participants' pack as one HTML document (A4, a page per part)."""
    from assistant.rendering.templates import render_template

    return render_template(
        "workshop-pack.html.j2",
        lambda: {"workshop": load_workshop_text(content), "vignettes": list(vignettes),
                 "framework": content.framework, "rows": PACK_FORM_ROWS}, content)


def render_notes(vignettes: Sequence[Vignette], content: Content) -> str:
    """The facilitator's notes as one HTML document (the trainer's own)."""
    from assistant.rendering.templates import render_template

    return render_template(
        "facilitator-notes.html.j2",
        lambda: {"workshop": load_workshop_text(content), "vignettes": list(vignettes)},
        content)


def pack_files(vignettes: Sequence[Vignette], out_dir: Path,
               content: Content) -> list[tuple[Path, str | bytes]]:
    """The participants' pack as HTML and as PDF (the same HTML laid out by WeasyPrint)."""
    return _html_and_pdf(out_dir / PACK_STEM, render_pack(vignettes, content))


def notes_files(vignettes: Sequence[Vignette], out_dir: Path,
                content: Content) -> list[tuple[Path, str | bytes]]:
    """The facilitator's notes as HTML and as PDF."""
    return _html_and_pdf(out_dir / NOTES_STEM, render_notes(vignettes, content))


def _html_and_pdf(stem: Path, html: str) -> list[tuple[Path, str | bytes]]:
    from assistant.documents import html_to_pdf

    return [(stem.with_name(f"{stem.name}.html"), html),
            (stem.with_name(f"{stem.name}.pdf"), html_to_pdf(html))]
