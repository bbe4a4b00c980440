"""`needs-led export`: plans, the family's plan, the audit form and the whole case, as files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant.cli import DATE_FORMS, add, iso_date, open_content, open_store
from assistant.formats import FORMATS as FORMAT_NAMES
from assistant.formats import GROUPS

TRACE_FORMATS = ("trace-html", "trace-md")


def _formats(text: str) -> list[str]:
    """'plan-html,audit-csv', 'docx,pdf' or 'all' -> the format names, checked; 'trace'
    is the learning trace in HTML and Markdown (built from the stored revisions)."""
    names = [part.strip() for part in text.split(",") if part.strip()]
    names = [n for name in names for n in (TRACE_FORMATS if name == "trace" else [name])]
    unknown = [n for n in names
               if n not in FORMAT_NAMES and n not in GROUPS and n not in TRACE_FORMATS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown format '{unknown[0] if unknown else text}' "
            f"(choose from: {', '.join(FORMAT_NAMES)}, or {', '.join(GROUPS)}, or trace)"
        )
    return [fmt for name in names for fmt in GROUPS.get(name, (name,))]



def cmd_export(args: argparse.Namespace) -> int:
    from assistant.exporters import export
    from assistant.model import Case

    content = open_content(args)
    formats = [name for group in (args.format or [list(FORMAT_NAMES)]) for name in group]
    traces = [name for name in formats if name in TRACE_FORMATS]
    formats = [name for name in formats if name not in TRACE_FORMATS]
    trace = None
    if args.case.endswith(".json") and Path(args.case).is_file():
        from assistant.commands.cases import decode_json, read_input

        case = Case.from_json(decode_json(args.case, read_input(args.case)), content.framework)
        if traces:
            trace = _trace(content, args, [(1, "", "", case)], case.reference)
    else:
        with open_store(args) as store:
            case = store.load(args.case, args.revision)
            if traces:
                revisions = [(r.number, r.saved_at, r.note, store.load(args.case, r.number))
                             for r in store.history(args.case)
                             if args.revision is None or r.number <= args.revision]
                trace = _trace(content, args, revisions, case.reference)
    from assistant.exporters import default_folder

    # --out is taken from where the command runs; without it, the documents folder.
    folder = Path(args.out).expanduser().absolute() if args.out else default_folder(case)
    if not args.out:  # a folder the user did not name is said before anything is written
        print(f"Writing to {folder}", file=sys.stderr)
    notes: list[str] = []
    if any(name.startswith("audit") for name in formats):  # names the case does not hold
        from assistant.audit.redaction import names_notice

        for line in names_notice(case, content=content):
            print(f"needs-led: {line}", file=sys.stderr)
    # ExportExists is exit 2, any other ExportError exit 1 (assistant.errors.report).
    paths = []
    if formats:
        paths = export(case, formats, folder, content=content, force=args.force,
                       auditor=args.auditor, when=args.date,
                       with_supervision=args.with_supervision, notes=notes)
    if trace is not None:
        from assistant import dates
        from assistant.exporters import safe_stem
        from assistant.files import write_all
        from assistant.trace import TRACE_FILES, render_trace

        files = [(folder / f"{safe_stem(case.reference)}-{TRACE_FILES[fmt][0]}",
                  render_trace(trace, fmt, content, args.date or dates.today()))
                 for fmt in traces]
        paths += write_all(folder, files, args.force)
    for path in paths:
        print(path)
    if notes:
        print(f"The family's plan leaves out {len(notes)} piece(s) of text it could not put "
              "in plain words; add the family's words for these needs in the assistant:",
              file=sys.stderr)
        for note in notes:
            print(f"  {note}", file=sys.stderr)
    return 0


def _trace(content: Any, args: argparse.Namespace, revisions: list[Any],
           reference: str) -> Any:
    """The learning trace, the coach reading every wording it holds."""
    from assistant.trace import build_trace
    from assistant.wording import Coach

    return build_trace(reference, revisions, Coach(content, getattr(args, "pipeline", None)))


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = add(
        sub, common, "export",
        "write a case's plan, family plan, audit form or JSON into a folder",
        cmd_export,
        description=(
            "Write one case in the chosen formats into a folder: the plan, the family's "
            "plan and the audit form in HTML, Word and PDF, the plan in Markdown, the "
            "audit form as JSON and CSV, and the whole case as JSON. File names are the "
            "case reference and the format, e.g. NL-2026-014-plan.pdf; an existing file "
            "is never replaced without --force, and nothing is written if any format fails."
        ),
    )
    p.add_argument("case", metavar="CASE",
                   help="the case reference (or a case .json file written by export-json)")
    p.add_argument(
        "--format", "-f", type=_formats, action="append", metavar="FORMAT",
        help=f"one or more of: {', '.join(FORMAT_NAMES)} (comma-separated or repeated), "
        f"or a group: {', '.join(GROUPS)} (default: all); 'trace' (trace-html, trace-md) "
        "is the learning trace of each need's wording across the stored revisions",
    )
    p.add_argument("--out", "-o", metavar="DIR", default=None,
                   help="the folder to write into, from where you run the command (created "
                   "if missing; default: needs-led/CASE in your documents folder)")
    p.add_argument("--with-supervision", action="store_true",
                   help="add supervision notes, agreed actions and kept-wording reasons to "
                   "the plan (left out unless chosen: the plan goes to the family's team)")
    p.add_argument("--force", action="store_true", help="overwrite files that exist")
    p.add_argument("--auditor", default="", metavar="NAME",
                   help="the auditor named on the audit form")
    p.add_argument("--date", type=iso_date, default=None, metavar="DATE",
                   help=f"the date printed on the documents (default: today; {DATE_FORMS})")
    p.add_argument("--revision", type=int, metavar="N", help="an earlier revision of the case")
