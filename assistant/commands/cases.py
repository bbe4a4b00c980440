"""Case commands: list, import, export-json, history, restore, schema."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.cli import add, open_content, open_store
from assistant.errors import InputError, UserError, unreadable


def read_input(name: str) -> bytes:
    """Bytes of a file, or of standard input for '-'; unreadable input is exit status 2."""
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise unreadable(name, exc) from None


def decode_json(name: str, data: bytes) -> str:
    """The text of a case file (UTF-8, with or without a byte-order mark, or UTF-16/32
    with one); anything else is an input error (exit 2)."""
    from assistant.textsafe import decode

    try:
        return decode(data)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{name}: line {line}: not UTF-8 text (save it as UTF-8 and try "
                         "again)") from None


def write_output(path: Path, text: str, force: bool) -> None:
    """Write a file whole and owner-only, never over an existing one without ``force``."""
    from assistant.files import write_all

    write_all(path.parent, [(path, text)], force)


def cmd_cases(args: argparse.Namespace) -> int:
    from assistant.textsafe import printable

    with open_store(args) as store:
        rows = store.cases()
    if args.json:
        print(json.dumps(rows, ensure_ascii=True, indent=2))
        return 0
    if not rows:
        print("No cases yet. Run 'needs-led' to start one, or 'needs-led import FILE.json'.")
        return 0
    # Stored text may come from another tool: cleaned on the way out as well as in.
    shown = [{k: printable(str(v)) for k, v in row.items()} for row in rows]
    width = max(len(r["reference"]) for r in shown)
    for row in shown:
        print(f"{row['reference']:<{width}}  rev {row['revision']:<3}  "
              f"{row['updated_at'][:16].replace('T', ' ')}  {row['summary']}")
    return 0


def _confirm(question: str) -> bool:
    """Ask on the terminal; anything but yes is no."""
    try:
        answer = input(f"{question} [y/N] ")
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes")


def cmd_import(args: argparse.Namespace) -> int:
    """Import case files; a case whose reference is stored already is replaced only when
    the person says so (asked on a terminal, else ``--replace``): a workshop pack's case
    must not silently become the latest revision over a worked copy."""
    from pydantic import ValidationError

    from assistant.model import Case, explain
    from assistant.store import StoreError
    from assistant.textsafe import one_line, printable

    framework = open_content(args).framework
    cases: list[tuple[str, Case]] = []
    for name in args.files:
        data = read_input(name)
        shown = "standard input" if name == "-" else printable(name)
        try:
            cases.append((name, Case.from_json(decode_json(shown, data), framework)))
        except ValidationError as exc:
            lines = explain(exc)
            print(f"needs-led: error: {shown}: {lines[0]}", file=sys.stderr)
            for line in lines[1:]:
                print(f"  {line}", file=sys.stderr)
            print("needs-led: nothing was imported", file=sys.stderr)
            return 1
    ask = sys.stdin.isatty() and "-" not in args.files and not args.replace
    with open_store(args) as store:
        chosen: list[tuple[str, Case, str]] = []
        for name, case in cases:
            latest = store.latest(case.reference)
            if latest is None or (not latest.problem and store.load(case.reference) == case):
                chosen.append((name, case, ""))
                continue
            if latest.problem:
                raise StoreError(f"{latest.problem}; nothing was imported")
            was = (f"revision {latest.number} of {printable(case.reference)}, saved "
                   f"{latest.saved_at[:16].replace('T', ' ')}"
                   + (f" ({printable(latest.note)})" if latest.note else ""))
            if ask:
                if not _confirm(f"{printable(case.reference)} is already stored ({was}). "
                                f"Save {printable(name)} over it as revision "
                                f"{latest.number + 1}? (revision {latest.number} stays in "
                                "its history)"):
                    print(f"skipped {printable(name)}", file=sys.stderr)
                    continue
            elif not args.replace:
                raise UserError(
                    f"{printable(case.reference)} is already stored ({was}); nothing was "
                    f"imported (add --replace to save {printable(name)} as revision "
                    f"{latest.number + 1}; revision {latest.number} stays in its history)")
            chosen.append((name, case, f"; supersedes revision {latest.number}"))
        for name, case, supersedes in chosen:
            label = "standard input" if name == "-" else one_line(Path(name).name, 60)
            number = store.save(case, note=f"imported from {label}")
            print(f"imported {printable(case.reference)} as revision {number}{supersedes}")
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
    from assistant.textsafe import one_line, printable

    with open_store(args) as store:
        revisions = store.history(args.case)
        if args.diff:
            a, b = args.diff
            old, new = store.load(args.case, a), store.load(args.case, b)
            changes = diff(old, new)
            if args.json:
                print(json.dumps([c.__dict__ for c in changes], ensure_ascii=False, indent=2))
                return 0
            print(f"{printable(args.case)}: revision {a} to revision {b}: "
                  f"{len(changes)} change{'s' * (len(changes) != 1)}")
            for change in changes:
                print(f"  {one_line(change.line(), 200)}")
                if change.old:
                    print(f"    was: {one_line(change.old, 100)}")
                if change.new:
                    print(f"    now: {one_line(change.new, 100)}")
            return 0
        labels: list[str] = []
        previous = None
        for r in revisions:
            if r.problem:  # damaged, or from a newer needs-led: listed, never opened
                labels.append(r.summary)
                continue
            case = store.load(args.case, r.number)
            labels.append(label(previous, case))
            previous = case
    damaged = [r.number for r in revisions if r.problem_kind == "damaged"]
    if args.json:
        print(json.dumps([{**r.__dict__, "changes": text} for r, text in zip(revisions, labels,
                                                                            strict=True)],
                         ensure_ascii=True, indent=2))
    else:
        for r, text in zip(revisions, labels, strict=True):
            note = f"  ({one_line(r.note, 40)})" if r.note and r.note != text else ""
            problem = f"  [{printable(r.problem)}]" if r.problem else ""
            print(f"rev {r.number:<3}  {printable(r.saved_at)[:16].replace('T', ' ')}  "
                  f"{one_line(text, 70)}{note}{problem}")
    if damaged:  # listed above; the status tells a script the file needs attention
        numbers = ", ".join(str(n) for n in damaged)
        print(f"needs-led: error: {printable(args.case)}: revision(s) {numbers} damaged; "
              "the database was left untouched", file=sys.stderr)
        return 1
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from assistant.textsafe import printable

    with open_store(args) as store:
        number = store.restore(args.case, args.revision)
    print(f"restored revision {args.revision} of {printable(args.case)} as revision {number}")
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
    p.add_argument("--replace", action="store_true",
                   help="save a case whose reference is already stored as its next revision "
                   "(without this, a terminal asks first and anything else refuses; the "
                   "earlier revisions stay in its history)")

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
