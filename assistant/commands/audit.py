"""`needs-led audit`: pool audit forms into a sample and sort them into Need Groups.

    audit new NAME                 start a sample
    audit blank --out DIR          a blank A4 form to print, .xlsx and .csv templates
    audit add NAME FILES...        import audit forms (JSON, JSON lines, CSV or .xlsx);
                                   --replace replaces stored forms with corrected ones
    audit list                     the samples, with counts
    audit suggest NAME [--accept]  suggest a theme for every need (and say why)
    audit groups NAME              the groups, by number, and what undo would reverse
    audit undo|redo NAME           reverse the latest grouping operation, or make it again
    audit park NAME NUMBER         mark a group as not a Need Group (--undo to unmark)
    audit remove-form NAME CASE    take a form out of the sample (undo puts it back)
    audit delete|restore NAME      delete a sample, or bring it back
    audit report NAME --out DIR    the Need Groups report, HTML and two CSV files
    audit shuffle NAME             the shuffle, in the terminal interface
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.cli import (
    DATE_FORMS,
    add,
    add_group,
    iso_date,
    open_content,
    open_store,
    require_terminal,
)
from assistant.textsafe import printable


def _open(args: argparse.Namespace) -> tuple[Any, Any]:
    from assistant.audit.repository import AuditStore

    store = open_store(args)
    try:
        return store, AuditStore(store)
    except BaseException:
        store.close()
        raise




def _suggester(args: argparse.Namespace, content: Any) -> Any:
    from assistant.needgroups import Analyzer, Suggester, load_themes

    pipeline = getattr(args, "pipeline", None)
    return Suggester(load_themes(content), Analyzer(pipeline, content))


def cmd_new(args: argparse.Namespace) -> int:
    store, audit = _open(args)
    with store:
        audit.new_sample(args.name)
    print(f"created audit sample '{args.name.strip()}'; add forms with "
          f"'needs-led audit add \"{args.name.strip()}\" FILES...'")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    """Import every readable form; report each problem by file and line; exit 1 if any.

    A form with a bad row is left out whole; ``--replace`` lets the corrected file replace
    a form stored earlier under the same case reference, auditor and date.
    """
    from assistant.audit.readers import Problem, read_forms
    from assistant.audit.repository import ImportResult
    from assistant.commands.cases import read_input
    from assistant.errors import InputError
    from assistant.paperforms import check_forms
    from assistant.redact import load_names

    content = open_content(args)
    framework = content.framework
    names = load_names(content)
    store, audit = _open(args)
    result = ImportResult()
    warnings: list[Problem] = []
    with store:
        sample_id = audit.sample_id(args.name)
        stored = [(f["case_reference"], f["auditor"], f["audit_date"])
                  for f in audit.forms(sample_id)]
        for name in args.files:
            try:
                data = read_input(name)
            except InputError as exc:
                result.problems.append(Problem(printable(name), None,
                                               str(exc).split(": ", 1)[-1]))
                continue
            forms, problems = read_forms(printable(name), data, framework)
            result.problems.extend(problems)
            checked = check_forms(printable(name), forms, framework, stored, names=names)
            result.problems.extend(checked.problems)
            warnings.extend(checked.warnings)
            stored += [(f.case_reference, f.auditor, f.audit_date.isoformat())
                       for f in checked.forms]
            audit.add_forms(sample_id, checked.forms, printable(name), result,
                            replace=args.replace)
    for problem in result.problems:
        print(printable(str(problem)), file=sys.stderr)
    for warning in warnings:
        print(printable(f"warning: {warning}"), file=sys.stderr)
    dup = f", {result.duplicates} already in the sample" if result.duplicates else ""
    new = (f", replaced {result.replaced} (their needs worded as before keep their groups)"
           if result.replaced else "")
    bad = f", {len(result.problems)} problem(s) reported above" if result.problems else ""
    print(f"imported {result.added} form(s) into '{printable(args.name)}'{new}{dup}{bad}")
    return 1 if result.problems else 0


def cmd_blank(args: argparse.Namespace) -> int:
    """The paper route: a blank form to print and a spreadsheet template to fill in."""
    from pathlib import Path

    from assistant.paperforms import write_paper_kit

    for path in write_paper_kit(Path(args.out), open_content(args), force=args.force):
        print(f"wrote {path}", file=sys.stderr)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    store, audit = _open(args)
    with store:
        samples = audit.samples()
    if args.json:
        print(json.dumps([s.__dict__ for s in samples], indent=2))
        return 0
    if not samples:
        print("No audit samples yet. Start one with 'needs-led audit new NAME'.")
    for s in samples:
        print(f"{printable(s.name)}: {s.forms} forms, {s.needs} needs, {s.groups} groups "
              f"(started {s.created_at[:10]})")
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    from assistant.heap import freeze_loaded
    from assistant.needgroups import Shuffle, load_coach, suggest_sample

    content = open_content(args)
    suggester = _suggester(args, content)
    store, audit = _open(args)
    with store:
        sample_id = audit.sample_id(args.name)
        coach = None
        if not args.no_coach:
            coach = load_coach(content, getattr(args, "pipeline", None))
            if coach is None:
                print("note: the wording coach could not be loaded; needs worded as services "
                      "are found from framework/themes.yml service_words only", file=sys.stderr)
        freeze_loaded()  # what is loaded lives as long as the command: no GC walks of it
        counts = suggest_sample(audit, sample_id, suggester, coach)
        if suggester.analyzer.degraded:
            print("note: the spaCy pipeline is not installed; words were matched as written, "
                  "without lemmas", file=sys.stderr)
        if suggester.learned_note:
            print(f"note: {suggester.learned_note}", file=sys.stderr)
        rows = audit.needs(sample_id)
        accepted = None
        if args.accept:
            accepted = Shuffle(audit, sample_id).accept(themes=suggester.themes)
    if args.json:
        for row in rows:
            print(json.dumps({"need": row["id"], "wording": row["wording"],
                              "theme": row["theme"], "reason": row["reason"],
                              "coach": row["kinds"]},
                             ensure_ascii=False))
    elif args.verbose:
        for row in rows:
            print(f"{row['id']:>6}  {row['wording']}\n        {row['reason']}")
    print(f"{counts['needs']} needs: {counts['needs'] - counts['unmatched']} with a suggested "
          f"theme, {counts['unmatched']} left for the group to place"
          + (f"; {accepted} placed in their suggested groups" if accepted is not None else ""),
          file=sys.stderr if args.json else sys.stdout)
    return 0


def cmd_groups(args: argparse.Namespace) -> int:
    from assistant.needgroups import Shuffle

    store, audit = _open(args)
    with store:
        sample_id = audit.sample_id(args.name)
        groups = audit.groups(sample_id)
        needs = audit.needs(sample_id)
        history = Shuffle(audit, sample_id).history()
    count: dict[int | None, int] = {}
    for n in needs:
        count[n["group_id"]] = count.get(n["group_id"], 0) + 1
    for g in groups:
        parking = "  [not a Need Group]" if g["parking"] else ""
        print(f"{g['number']:>4}  {printable(g['name'])}  ({count.get(g['id'], 0)} needs)"
              f"{parking}")
    print(f"      not in a group: {count.get(None, 0)} needs")
    if history:
        print(f"undo would reverse: {printable(history[0])}")
    return 0


def cmd_undo(args: argparse.Namespace) -> int:
    return _undo_or_redo(args, "undo", "undid")


def cmd_redo(args: argparse.Namespace) -> int:
    return _undo_or_redo(args, "redo", "redid")


def _undo_or_redo(args: argparse.Namespace, step: str, done: str) -> int:
    from assistant.needgroups import Shuffle

    store, audit = _open(args)
    with store:
        label = getattr(Shuffle(audit, audit.sample_id(args.name)), step)()
    print(f"{done}: {printable(label)}" if label else f"nothing to {step}")
    return 0


def cmd_park(args: argparse.Namespace) -> int:
    """Mark a group as not a Need Group (or, with --undo, a Need Group again)."""
    from assistant.needgroups import Shuffle

    store, audit = _open(args)
    with store:
        shuffle = Shuffle(audit, audit.sample_id(args.name))
        group = shuffle.group_by_number(args.group)
        shuffle.set_parking(group["id"], not args.undo)
    what = "a Need Group again" if args.undo else "not a Need Group (left out of the report)"
    print(f"group {args.group}, '{printable(group['name'])}', is {what}")
    return 0


def cmd_remove_form(args: argparse.Namespace) -> int:
    """Take one form out of a sample (undo puts it back)."""
    from assistant.audit.repository import AuditError
    from assistant.needgroups import Shuffle

    store, audit = _open(args)
    with store:
        sample_id = audit.sample_id(args.name)
        forms = [f for f in audit.forms(sample_id) if f["case_reference"] == args.case
                 and (args.auditor is None or f["auditor"] == args.auditor)]
        if not forms:
            raise AuditError(f"no form of case '{printable(args.case)}' in this sample")
        if len(forms) > 1:
            who = ", ".join(printable(f["auditor"] or "no auditor") for f in forms)
            raise AuditError(f"case '{printable(args.case)}' has {len(forms)} forms "
                             f"(auditors: {who}); say which with --auditor")
        label = Shuffle(audit, sample_id).remove_form(forms[0]["id"])
    print(f"{printable(label)}; 'needs-led audit undo \"{printable(args.name)}\"' puts it back")
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    store, audit = _open(args)
    with store:
        audit.delete_sample(args.name)
    print(f"deleted the sample '{printable(args.name)}'; 'needs-led audit restore "
          f"\"{printable(args.name)}\"' brings it back")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    store, audit = _open(args)
    with store:
        audit.restore_sample(args.name)
    print(f"restored the sample '{printable(args.name)}'")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from assistant import dates
    from assistant.errors import InputError
    from assistant.needgroups import build_report, write_report
    from assistant.needgroups.services import load_services
    from assistant.wordlists import english

    content = open_content(args)
    suggester = _suggester(args, content)
    store, audit = _open(args)
    with store:
        sample_id = audit.sample_id(args.name)
        report = build_report(audit, sample_id, args.name, content.framework, suggester.themes,
                              suggester, generated=args.date or dates.today(),
                              services=load_services(content), title=args.title or "",
                              area=args.area or "", author=args.author or "",
                              distance=content.distance,
                              stop=english(content).need_groups.stop)
    out = Path(args.out)
    try:
        paths = write_report(report, out, content, force=args.force)
    except OSError as exc:
        raise InputError(f"{out}: cannot be written ({exc.strerror})") from None
    for p in paths:
        print(f"wrote {p}", file=sys.stderr)
    return 0


def cmd_shuffle(args: argparse.Namespace) -> int:
    require_terminal("the shuffle")
    from assistant.tui.shuffle import run

    return run(args.name, db=getattr(args, "db", None), content=getattr(args, "content", None),
               pipeline=getattr(args, "pipeline", None))




def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    _, asub = add_group(
        sub, common, "audit", "pool audit forms and sort them into Need Groups",
        description="The audit exercise: pool audit forms from many workers, sort their "
        "needs into Need Groups, and write a report for commissioners.")

    p = add(asub, common, "new", "start an audit sample", cmd_new)
    p.add_argument("name", metavar="NAME")

    p = add(asub, common, "add",
            "import audit forms (JSON, JSON lines, CSV or the .xlsx template) into a sample",
            cmd_add, description=(
                "Import audit forms into a sample. Dates may be written 2026-11-27, "
                "27/11/2026 or 27 Nov 2026. A form with a value off the framework's scales "
                "is left out, naming the allowed values; the same case audited twice and "
                "words that look like names in need text are warned about."))
    p.add_argument("name", metavar="NAME")
    p.add_argument("files", nargs="+", metavar="FILE", help="audit-form files ('-' for stdin)")
    p.add_argument("--replace", action="store_true",
                   help="replace a stored form that has the same case reference, auditor and "
                   "date but different content (e.g. a corrected file); its needs worded as "
                   "before keep their Need Groups")

    p = add(asub, common, "blank",
            "the paper route: a blank A4 audit form to print and a spreadsheet template "
            "(.xlsx and .csv) that 'audit add' imports; in the templates, several "
            "services in one cell are separated by ' | ' (or ';')", cmd_blank)
    p.add_argument("--out", required=True, metavar="DIR",
                   help="the folder to write into (relative to where you run this)")
    p.add_argument("--force", action="store_true", help="overwrite existing files")

    p = add(asub, common, "list", "list the audit samples", cmd_list)
    p.add_argument("--json", action="store_true", help="print JSON")

    p = add(asub, common, "suggest", "suggest a Need Group theme for every need, saying why",
            cmd_suggest)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--accept", action="store_true",
                   help="also place unsorted needs in their suggested groups (one undo step)")
    p.add_argument("--json", action="store_true", help="one JSON object per need")
    p.add_argument("--no-coach", action="store_true",
                   help="skip the wording coach's reading of each need (faster)")
    p.add_argument("-v", "--verbose", action="store_true", help="print every suggestion")
    p.add_argument("--pipeline", metavar="NAME|PATH", default=argparse.SUPPRESS,
                   help="the spaCy pipeline for lemmas")

    p = add(asub, common, "groups", "list a sample's Need Groups", cmd_groups)
    p.add_argument("name", metavar="NAME")

    p = add(asub, common, "undo", "reverse the latest grouping operation", cmd_undo)
    p.add_argument("name", metavar="NAME")

    p = add(asub, common, "redo", "make again the latest operation undone", cmd_redo)
    p.add_argument("name", metavar="NAME")

    p = add(asub, common, "park", "mark a group as not a Need Group (left out of the report)",
            cmd_park)
    p.add_argument("name", metavar="NAME")
    p.add_argument("group", type=int, metavar="NUMBER", help="the group's number")
    p.add_argument("--undo", action="store_true", help="make it a Need Group again")

    p = add(asub, common, "remove-form", "take one case's form out of a sample (undoable)",
            cmd_remove_form)
    p.add_argument("name", metavar="NAME")
    p.add_argument("case", metavar="CASE", help="the form's case reference")
    p.add_argument("--auditor", help="whose form, when the case was audited twice")

    p = add(asub, common, "delete", "delete a sample (restore brings it back)", cmd_delete)
    p.add_argument("name", metavar="NAME")

    p = add(asub, common, "restore", "bring back a deleted sample", cmd_restore)
    p.add_argument("name", metavar="NAME")

    p = add(asub, common, "report", "write the Need Groups report (HTML and CSV)", cmd_report)
    p.add_argument("name", metavar="NAME")
    p.add_argument("--out", metavar="DIR", required=True, help="folder for the report files")
    p.add_argument("--force", action="store_true", help="overwrite existing report files")
    p.add_argument("--date", type=iso_date, metavar="DATE",
                   help=f"the date printed on the report (default: today; {DATE_FORMS})")
    p.add_argument("--title", help="the report's title (default: 'Need Groups: NAME')")
    p.add_argument("--area", help="the area or service the sample comes from")
    p.add_argument("--author", help="who wrote the report (the audit group, a trainer...)")

    p = add(asub, common, "shuffle", "sort a sample's needs into Need Groups (interactive)",
            cmd_shuffle)
    p.add_argument("name", metavar="NAME")
