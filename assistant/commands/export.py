"""`needs-led export`: plans, the family's plan, the audit form and the whole case, as files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from assistant.cli import add, iso_date, open_content, open_store
from assistant.formats import FORMATS as FORMAT_NAMES


def _formats(text: str) -> list[str]:
    """'plan-html,audit-csv' or 'all' -> the format names, checked."""
    names = [part.strip() for part in text.split(",") if part.strip()]
    if names == ["all"]:
        return list(FORMAT_NAMES)
    unknown = [n for n in names if n not in FORMAT_NAMES]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown format '{unknown[0] if unknown else text}' "
            f"(choose from: {', '.join(FORMAT_NAMES)}, or all)"
        )
    return names




def cmd_export(args: argparse.Namespace) -> int:
    from assistant.exporters import export
    from assistant.model import Case

    content = open_content(args)
    if args.case.endswith(".json") and Path(args.case).is_file():
        from assistant.commands.cases import decode_json, read_input

        case = Case.from_json(decode_json(args.case, read_input(args.case)), content.framework)
    else:
        with open_store(args) as store:
            case = store.load(args.case, args.revision)
    formats = [name for group in args.format for name in group]
    # ExportExists is exit 2, any other ExportError exit 1 (assistant.errors.report).
    paths = export(case, formats, Path(args.out), content=content, force=args.force,
                   auditor=args.auditor, when=args.date)
    for path in paths:
        print(path)
    return 0


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = add(
        sub, common, "export",
        "write a case's plan, family plan, audit form or JSON into a folder",
        cmd_export,
        description=(
            "Write one case in the chosen formats into a folder. File names are the case "
            "reference and the format, e.g. NL-2026-014-plan.html; an existing file is "
            "never replaced without --force, and nothing is written if any format fails."
        ),
    )
    p.add_argument("case", metavar="CASE",
                   help="the case reference (or a case .json file written by export-json)")
    p.add_argument(
        "--format", "-f", type=_formats, action="append", required=True, metavar="FORMAT",
        help=f"one or more of: {', '.join(FORMAT_NAMES)} (comma-separated or repeated), "
        "or all",
    )
    p.add_argument("--out", "-o", metavar="DIR", default=".",
                   help="the folder to write into (created if missing; default: here)")
    p.add_argument("--force", action="store_true", help="overwrite files that exist")
    p.add_argument("--auditor", default="", metavar="NAME",
                   help="the auditor named on the audit form")
    p.add_argument("--date", type=iso_date, default=None, metavar="YYYY-MM-DD",
                   help="the date printed on the documents (default: today)")
    p.add_argument("--revision", type=int, metavar="N", help="an earlier revision of the case")
