"""Case commands: list, import, export-json, history, restore, schema."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.cli import add, open_content, open_store
from assistant.errors import unreadable


def read_input(name: str) -> bytes:
    """Bytes of a file, or of standard input for '-'; unreadable input is exit status 2."""
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise unreadable(name, exc) from None


def write_output(path: Path, text: str, force: bool) -> None:
    """Write a file whole and owner-only, never over an existing one without ``force``."""
    from assistant.files import write_all

    write_all(path.parent, [(path, text)], force)


def cmd_cases(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        rows = store.cases()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("No cases yet. Run 'needs-led' to start one, or 'needs-led import FILE.json'.")
        return 0
    width = max(len(r["reference"]) for r in rows)
    for row in rows:
        print(f"{row['reference']:<{width}}  rev {row['revision']:<3}  "
              f"{row['updated_at'][:16].replace('T', ' ')}  {row['summary']}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from assistant.model import Case, explain
    from assistant.textsafe import one_line

    framework = open_content(args).framework
    cases: list[tuple[str, Case]] = []
    for name in args.files:
        data = read_input(name)
        try:
            cases.append((name, Case.from_json(data, framework)))
        except ValidationError as exc:
            lines = explain(exc)
            print(f"needs-led: error: {name}: {lines[0]}", file=sys.stderr)
            for line in lines[1:]:
                print(f"  {line}", file=sys.stderr)
            print("needs-led: nothing was imported", file=sys.stderr)
            return 1
    with open_store(args) as store:
        for name, case in cases:
            label = "standard input" if name == "-" else one_line(Path(name).name, 60)
            number = store.save(case, note=f"imported from {label}")
            print(f"imported {case.reference} as revision {number}")
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        case = store.load(args.case, args.revision)
    text = case.to_json()
    if args.out:
        write_output(Path(args.out), text, args.force)
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    from assistant.revisions import diff, label
    from assistant.textsafe import one_line

    with open_store(args) as store:
        revisions = store.history(args.case)
        if args.diff:
            a, b = args.diff
            old, new = store.load(args.case, a), store.load(args.case, b)
            changes = diff(old, new)
            if args.json:
                print(json.dumps([c.__dict__ for c in changes], ensure_ascii=False, indent=2))
                return 0
            print(f"{args.case}: revision {a} to revision {b}: "
                  f"{len(changes)} change{'s' * (len(changes) != 1)}")
            for change in changes:
                print(f"  {change.line()}")
                if change.old:
                    print(f"    was: {one_line(change.old, 100)}")
                if change.new:
                    print(f"    now: {one_line(change.new, 100)}")
            return 0
        labels: list[str] = []
        previous = None
        for r in revisions:
            case = store.load(args.case, r.number)
            labels.append(label(previous, case))
            previous = case
    if args.json:
        print(json.dumps([{**r.__dict__, "changes": text} for r, text in zip(revisions, labels,
                                                                            strict=True)],
                         ensure_ascii=False, indent=2))
        return 0
    for r, text in zip(revisions, labels, strict=True):
        note = f"  ({one_line(r.note, 40)})" if r.note and r.note != text else ""
        print(f"rev {r.number:<3}  {r.saved_at[:16].replace('T', ' ')}  "
              f"{one_line(text, 70)}{note}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        number = store.restore(args.case, args.revision)
    print(f"restored revision {args.revision} of {args.case} as revision {number}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from assistant.model import SCHEMA_VERSION, Case

    schema: dict[str, Any] = Case.model_json_schema()
    schema["$id"] = f"https://needs-led.invalid/schema/case-{SCHEMA_VERSION}.json"
    schema["description"] = (
        f"A needs-led case, schema version {SCHEMA_VERSION}. "
        + (schema.get("description") or "")
    ).strip()
    print(json.dumps(schema, indent=2))
    return 0


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = add(sub, common, "cases", "list the cases in the database", cmd_cases)
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add(sub, common, "import", "import cases from JSON files (as written by export-json)",
            cmd_import)
    p.add_argument("files", nargs="+", metavar="FILE.json", help="case files ('-' for stdin)")

    p = add(sub, common, "export-json", "write a case as JSON", cmd_export_json)
    p.add_argument("case", metavar="CASE", help="the case reference")
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--revision", type=int, metavar="N", help="an earlier revision")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    p = add(sub, common, "history", "list a case's revisions and what each changed",
            cmd_history)
    p.add_argument("case", metavar="CASE")
    p.add_argument("--diff", nargs=2, type=int, metavar=("A", "B"),
                   help="show what changed from revision A to revision B")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add(sub, common, "restore", "make an earlier revision the latest (nothing is lost)",
            cmd_restore)
    p.add_argument("case", metavar="CASE")
    p.add_argument("revision", type=int, metavar="N")

    add(sub, common, "schema", "print the JSON Schema of a case", cmd_schema)
