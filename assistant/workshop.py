"""Workshops for trainers: the participants' pack, and the room's wording at a glance.

The pack holds each vignette as printable HTML and as an importable case file (story and
people filled in, ready for the interview). The wording view runs the coach over every
need the room wrote (from audit forms or case files) and counts the universal, service
and assessment phrasings, most common first, for the trainer to discuss.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from assistant import dates
from assistant.content import Content
from assistant.practice import Feedback, Vignette, practice_case

SCORED_KINDS = ("universal", "service", "assessment")


def pack(vignettes: Sequence[Vignette], out_dir: Path, *, content: Content,
         answers: bool = False, force: bool = False) -> list[Path]:
    """Write the participants' workshop pack into ``out_dir``: ``workshop-pack.html`` and
    ``.pdf`` (agenda, vignettes, the blank audit form) and each vignette as ``<id>.html``
    and ``<id>.case.json``. None of these holds a model answer, so a trainer can hand the
    whole folder out.

    With ``answers`` it writes the trainer's copy instead: ``facilitator-notes.html`` and
    ``.pdf`` (the facilitator's notes, and each vignette's model analysis, teaching notes
    and traps) and ``<id>.answers.html``. Everything is rendered first, and nothing is
    written if any file is in the way.
    """
    from assistant.files import write_all
    from assistant.rendering.templates import render_template
    from assistant.workshoppack import notes_files, pack_files

    # One print-ready document (HTML and PDF) beside the separate files: the participants'
    # pack, or the trainer's notes.
    files: list[tuple[Path, str | bytes]] = (
        notes_files if answers else pack_files)(vignettes, out_dir, content)
    for vignette in vignettes:
        case_file = f"{vignette.id}.case.json"
        html = render_template(
            "vignette.html.j2",
            {"vignette": vignette, "answers": answers, "case_file": case_file}, content)
        if answers:
            files.append((out_dir / f"{vignette.id}.answers.html", html))
            continue
        files.append((out_dir / f"{vignette.id}.html", html))
        files.append((out_dir / case_file, practice_case(vignette).to_json()))
    return write_all(out_dir, files, force)


def write_feedback(feedback: Feedback, folder: Path, *, content: Content,
                   force: bool = False, when: date | None = None) -> Path:
    """Write the feedback as ``<reference>-feedback.html`` into ``folder``."""
    from assistant.exporters import safe_stem
    from assistant.files import write_all

    html = render_feedback(feedback, content=content, when=when)
    path = folder / f"{safe_stem(feedback.reference)}-feedback.html"
    (written,) = write_all(folder, [(path, html)], force)
    return written


def render_feedback(feedback: Feedback, *, content: Content,
                    when: date | None = None) -> str:
    from assistant.rendering.templates import render_template

    return render_template("practice-feedback.html.j2",
                           {"feedback": feedback, "when": when or dates.today()}, content)


# --- the room's wording --------------------------------------------------------------------


def statements_from_files(paths: Iterable[Path]) -> tuple[list[str], list[str]]:
    """Need wordings from audit forms (JSON or CSV) and case files (JSON), with problems.

    A file or row that cannot be read is reported by file (and line) and skipped, so one
    participant's broken file does not spoil the room's view.
    """
    from pydantic import ValidationError

    from assistant.audit.readers import read_forms
    from assistant.model import Case, explain

    statements: list[str] = []
    problems: list[str] = []
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            problems.append(f"{path}: cannot be read ({exc.strerror})")
            continue
        if path.suffix.lower() == ".json" and b'"schema_version"' in data[:200]:
            try:
                case = Case.model_validate_json(data)
            except ValidationError as exc:
                problems.append(f"{path}: {explain(exc)[0]}")
                continue
            statements += [need.wording for need in case.needs]
            continue
        forms, form_problems = read_forms(str(path), data)
        problems += [str(problem) for problem in form_problems]
        statements += [need.wording for form in forms for need in form.needs]
    return statements, problems


@dataclass(frozen=True)
class Phrasing:
    kind: str
    phrase: str
    count: int
    examples: tuple[str, ...]


def room_wording(statements: Iterable[str], coach: Any, top: int = 10) -> list[Phrasing]:
    """The most common flagged phrasings per scored kind, with example statements."""
    counts: Counter[tuple[str, str]] = Counter()
    examples: dict[tuple[str, str], list[str]] = {}
    for report in coach.check_many(statements, "need", notes=False):
        seen: set[tuple[str, str]] = set()
        for finding in report.findings:
            if finding.kind not in SCORED_KINDS or any(finding.context.values()):
                continue
            key = (finding.kind, finding.match.lower().strip(" .,"))
            if key in seen:
                continue
            seen.add(key)
            counts[key] += 1
            examples.setdefault(key, [])
            if len(examples[key]) < 3:
                examples[key].append(report.text)
    result = []
    for kind in SCORED_KINDS:
        ranked = sorted(((c, p) for (k, p), c in counts.items() if k == kind),
                        key=lambda cp: (-cp[0], cp[1]))
        result += [Phrasing(kind, p, c, tuple(examples[(kind, p)])) for c, p in ranked[:top]]
    return result
