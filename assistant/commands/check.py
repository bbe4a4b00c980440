"""`needs-led check`: the wording coach on the command line.

Statements come as arguments, from ``--file``, or from standard input with ``-``, one per
line. They stream through the coach in batches, so 100,000 lines use the memory of one
batch. Exit status 0 when it ran, whatever it found; 2 on bad usage or unreadable input.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import deque
from collections.abc import Iterator
from typing import Any

from assistant.cli import add, open_content
from assistant.errors import InputError, unreadable

BATCH = 512


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    parser = add(
        sub, common, "check", "check the wording of need, outcome or work statements",
        cmd_check,
        description=(
            "Check statements with the wording coach: flags needs written in universal, "
            "service or assessment terms (and outcomes that are vague or a service), and "
            "suggests specific wordings. Statements are arguments, lines of --file, or "
            "lines of standard input with '-'."
        ),
        epilog="Exit status: 0 when the check ran (whatever it found), 2 on bad usage or "
               "unreadable input.",
    )
    parser.add_argument("statements", nargs="*", metavar="STATEMENT",
                        help="statements to check; '-' reads standard input, one per line")
    parser.add_argument("-f", "--file", metavar="PATH", default=None,
                        help="read statements from a UTF-8 file, one per line (a line in "
                             "Windows-1252 is read as that, with a warning)")
    parser.add_argument("--stage", choices=("need", "seriousness", "outcome", "work"),
                        default="need",
                        help="what the statements are (default: need)")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object per statement, in input order, with "
                             "its line number (or argument number) as 'line'")
    parser.add_argument("--holder", metavar="NAME", default=None,
                        help="whose need it is, for tailored questions (default: inferred)")
    parser.add_argument("--case", metavar="REF", default=None,
                        help="a stored case: rewrites then fit its people (role, age, sex) "
                             "and its story; with --holder, NAME is one of its people")
    parser.add_argument("--explain", action="store_true",
                        help="also print the why, questions and suggested wordings")
    parser.add_argument("--pipeline", metavar="NAME|PATH", default=argparse.SUPPRESS,
                        help="the spaCy pipeline (default: NEEDS_LED_PIPELINE, else the "
                             "installed English pipeline; 'blank' for reduced mode)")




def _statement(number: int, raw: str, name: str) -> str:
    """A cleaned statement; a very long one is read only up to the coach's limit (warned)."""
    from assistant.textsafe import pasted_text
    from assistant.wording import MAX_CHARS

    text = pasted_text(raw).strip()
    if len(text) > MAX_CHARS:
        print(f"needs-led: warning: {name} {number}: {len(text):,} characters; only the "
              f"first {MAX_CHARS:,} are checked", file=sys.stderr)
    return text


def _decoded(raw: bytes, number: int, name: str) -> str:
    """One line of input as text: UTF-8 (a byte-order mark on the first line dropped), else
    Windows-1252, as Word and Excel on Windows save "plain text", with a warning naming the
    line; a line neither can read is an input error naming it, after the lines before it
    were checked."""
    try:
        return raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(f"{name} line {number}: not UTF-8 text (byte "
                             f"0x{raw[exc.start]:02x} at column {exc.start + 1}); save the "
                             "file as UTF-8 and try again") from None
        print(f"needs-led: warning: {name} line {number}: not UTF-8 (byte "
              f"0x{raw[exc.start]:02x} at column {exc.start + 1}); read as Windows-1252. "
              "Save the file as UTF-8 if any letter looks wrong", file=sys.stderr)
        return text


def _lines(stream: Any, name: str) -> Iterator[tuple[int, str]]:
    """Numbered non-blank lines of a binary ``stream``, read lazily (:func:`_decoded`)."""
    for number, raw in enumerate(stream, start=1):
        line = _decoded(raw, number, name).rstrip("\r\n")
        text = _statement(number, line, f"{name} line")
        if text:
            yield number, text


def _sources(args: argparse.Namespace) -> Iterator[tuple[int, str]]:
    if args.file is not None:
        try:
            handle = open(args.file, "rb")  # noqa: SIM115 - closed below
        except OSError as exc:
            raise unreadable(args.file, exc) from None
        with handle:
            yield from _lines(handle, args.file)
    number = 0
    for statement in args.statements:
        if statement == "-":
            stdin = open(sys.stdin.fileno(), "rb", closefd=False)  # noqa: SIM115
            yield from _lines(stdin, "standard input")
            continue
        number += 1
        text = _statement(number, statement, "statement")
        if text:
            yield number, text


def _text_lines(number: int, report: Any, explain: bool, notes: bool) -> list[str]:
    """The linter-style lines for one statement; with ``notes``, a statement with nothing
    flagged says what it reads or asks the framework's question, as the interview does:
    silence would read as approval."""
    out = []
    if (explain or notes) and report.note:  # what it reads, or the framework's question
        out.append(f"{number}: {report.note}")
    elif explain:  # a sentence of several flagged nothing itself: what it reads
        out.extend(f"{number}: sentence {k}: {s.note}"
                   for k, s in enumerate(report.sentences, start=1) if s.note)
    tried: set[str] = set()  # a rewrite offered for two findings is printed once
    for f in report.findings:
        flags = [name.replace("_", " ") for name, on in f.context.items() if on]
        note = f" ({', '.join(flags)})" if flags else ""
        out.append(f"{number}:{f.start + 1} {f.kind} {f.message}{note} [{f.rule}]")
        if explain:
            out.append(f"    why: {' '.join(f.why.split())}")
            out.extend(f"    ? {q}" for q in f.questions)
            out.extend(f"    try: {s}" for s in f.suggestions if s not in tried)
            tried.update(f.suggestions)
    return out


def _case(args: argparse.Namespace) -> Any:
    """The stored case for --case, or None without it."""
    args.case_loaded = None
    if args.case is None:
        return None
    from assistant.cli import open_store
    from assistant.store import StoreError

    with open_store(args) as store:
        try:
            args.case_loaded = store.load(args.case)
        except StoreError as exc:
            if exc.kind != "missing":
                raise
            # a reference that names no case is bad usage (status 2, as an unknown --holder),
            # not a damaged database
            raise InputError(str(exc)) from None
    return args.case_loaded


def _check_holder(coach: Any, case: Any, holder: str | None) -> None:
    """With --case, --holder must name one of its people (by name or by role: "Mum")."""
    if case is None or holder is None or coach.library.family(case).member(holder):
        return
    names = ", ".join(p.name for p in case.people) or "no one yet"
    raise InputError(f"--holder {holder!r} is not one of the people in case "
                     f"{case.reference} ({names})")


def cmd_check(args: argparse.Namespace) -> int:
    if not args.statements and args.file is None:
        raise InputError("give statements to check, --file PATH, or '-' for standard input")
    if args.statements.count("-") > 1:
        raise InputError("'-' (standard input) can be given only once")
    from assistant.heap import freeze_loaded
    from assistant.textsafe import clean_text
    from assistant.wording import Coach

    if args.holder is not None:
        args.holder = clean_text(args.holder).strip() or None
    case = _case(args)
    coach = Coach(open_content(args),
                  pipeline=getattr(args, "pipeline", None))
    _check_holder(coach, case, args.holder)
    source = _sources(args)
    first = next(source, None)  # surface unreadable input before loading spaCy
    if first is None:
        # an empty answer is not a statement with nothing wrong in it: say so
        raise InputError("nothing to check: every statement given is empty")
    coach.load()
    freeze_loaded()  # the pipeline and rules live as long as the command: no GC walks
    if coach.notice:
        print(f"needs-led: {coach.notice}", file=sys.stderr)
    try:
        return _report(coach, args, first, source)
    except BrokenPipeError:  # the reader (e.g. `head`) stopped: not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _report(coach: Any, args: argparse.Namespace, first: tuple[int, str],
            source: Iterator[tuple[int, str]]) -> int:
    """Check every statement and print as results arrive, in input order."""
    from assistant.wording.report import TOLD  # (not at import: `--help` loads no pydantic)

    write = sys.stdout.write
    found = 0
    numbers: deque[int] = deque()  # line numbers of statements read but not yet reported
    # A person at a terminal is told what each statement reads as; a pipe or a file gets
    # only the findings, as a linter's output.
    notes = sys.stdout.isatty()

    unread: list[InputError] = []  # input that cannot be read, said after what came before

    def texts() -> Iterator[str]:
        numbers.append(first[0])
        yield first[1]
        try:
            for number, text in source:
                numbers.append(number)
                yield text
        except InputError as exc:  # the statements before it are still checked and shown
            unread.append(exc)

    stream = coach.check_many(texts(), stage=args.stage, batch_size=BATCH, holder=args.holder,
                              case=args.case_loaded,
                              notes=args.json or args.explain or notes)
    for report in stream:
        number = numbers.popleft()
        if args.json:
            # "line" pairs each object with its input (blank lines are not statements).
            write(json.dumps({**report.to_dict(), "line": number}, ensure_ascii=False) + "\n")
        else:
            lines = _text_lines(number, report, args.explain, notes)
            found += any(f.kind not in TOLD for f in report.findings)  # told: not flagged
            if lines:
                write("\n".join(lines) + "\n")
    if not args.json and sys.stderr.isatty():
        print(f"needs-led: {found} statement{'s' if found != 1 else ''} flagged",
              file=sys.stderr)
    if unread:
        sys.stdout.flush()
        raise unread[0]
    return 0
