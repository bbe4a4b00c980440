"""Practice, supervision and workshop commands for students, supervisors and trainers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.cli import DATE_FORMS, add, add_group, iso_date, open_content, open_store
from assistant.errors import InputError
from assistant.textsafe import printable


def _vignettes(content: Any, names: list[str]) -> list[Any]:
    from assistant.practice import find_vignette, load_vignettes

    vignettes = load_vignettes(content)
    if names == ["all"]:
        return vignettes
    try:
        return [find_vignette(name, content, vignettes) for name in names]
    except LookupError as exc:
        raise InputError(str(exc)) from None


def cmd_practice_list(args: argparse.Namespace) -> int:
    from assistant.practice import load_vignettes

    for v in load_vignettes(open_content(args)):
        print(f"{v.id:<20} {v.ages:<10} {v.summary}")
    return 0


def cmd_practice_start(args: argparse.Namespace) -> int:
    from assistant.practice import practice_case

    (vignette,) = _vignettes(open_content(args), [args.vignette])
    case = practice_case(vignette)
    with open_store(args) as store:
        if store.exists(case.reference) and not args.again:
            raise InputError(f"{case.reference} already exists: open it with 'needs-led', "
                             "or add --again to start afresh (the old work stays in its history)")
        number = store.save(case, note="practice started")
    print(f"started {case.reference} (revision {number}); open it with 'needs-led' to work it")
    return 0


def cmd_practice_feedback(args: argparse.Namespace) -> int:
    from assistant.practice import (
        chain_gaps,
        feedback,
        load_synonyms,
        spacy_lemmatizer,
        vignette_of,
    )
    from assistant.wording import Coach
    from assistant.workshop import write_feedback

    content = open_content(args)
    with open_store(args) as store:
        case = store.load(args.case)
    vignette = vignette_of(case, content)
    if vignette is None:
        raise InputError(f"{args.case} is not a practice case (practice cases start with "
                         "'PRACTICE-': see 'needs-led practice start')")
    pipeline = getattr(args, "pipeline", None)
    gaps = chain_gaps(case, content)
    result = feedback(case, vignette, Coach(content, pipeline), spacy_lemmatizer(pipeline),
                      gaps, load_synonyms(content), framework=content.framework)
    print(f"{vignette.title}: you found {result.score} model needs.")
    for model, student, _ in result.found:
        print(f"  found   {model.wording}\n          you: {student}")
    for model in result.missed:
        print(f"  missed  {model.wording}")
    for item in result.wording:
        if item.kinds:
            print(f"  wording {item.student} [{', '.join(item.kinds)}]")
    for student, trap in result.traps.items():
        print(f"  trap    {student}\n          (the vignette's trap: {trap})")
    for chain in result.chains:
        if not chain.seriousness_ok:
            print(f"  serious {chain.student}\n          {chain.seriousness}")
        for part in [*chain.outcomes, *chain.work]:
            if part.kinds:
                kept = f" (kept: {part.kept})" if part.kept else ""
                print(f"  chain   {part.text} [{', '.join(part.kinds)}]{kept}")
    for gap in result.gaps:
        print(f"  gap     {gap}")
    if args.out:
        path = write_feedback(result, Path(args.out), content=content, force=args.force)
        print(f"wrote {path}", file=sys.stderr)
    return 0


def cmd_supervise(args: argparse.Namespace) -> int:
    from assistant import supervision
    from assistant.dates import show_date

    content = open_content(args)
    with open_store(args) as store:
        case = store.load(args.case)
        changed = []
        from pydantic import ValidationError

        from assistant.model import explain

        try:
            if args.comment:
                about = supervision.resolve_about(case, args.about) if args.about else None
                supervision.add_comment(case, args.comment, about=about,
                                        author=args.author, role=args.role)
                changed.append("comment added")
            if args.action:
                supervision.add_action(case, args.action, owner=args.owner, due=args.due)
                changed.append("agreed action added")
                _say_if_owned_by_no_one(args, case)
            for ref in args.done or []:
                supervision.mark_done(case, ref, on=args.on)
                changed.append(f"agreed action {ref} done")
            for ref in args.resolve or []:
                supervision.resolve_comment(case, ref)
                changed.append(f"comment {ref} resolved")
            if args.edit_comment:
                ref, text = args.edit_comment
                supervision.resolve_comment(case, ref, resolved=False, text=text)
                changed.append(f"comment {ref} edited")
        except ValidationError as exc:
            raise InputError(explain(exc)[0]) from None
        except ValueError as exc:
            raise InputError(str(exc)) from None
        if changed:
            number = store.save(case, note=f"supervision: {'; '.join(changed)}")
            print(f"{case.reference}: {'; '.join(changed)} (revision {number})")
            return 0
    prompts = supervision.load_prompts(content)
    current = None
    shown: set[str] = set()
    for question in supervision.agenda(case, prompts, content.framework):
        if question.concept != current:
            current = question.concept
            print(f"\n{current.upper()}")
        print(f"  - {question.text}")
        if question.about and question.about not in shown:
            shown.add(question.about)
            for comment in supervision.comments_about(case, question.about):
                number = case.comments.index(comment) + 1
                state = " (resolved)" if comment.resolved else ""
                print(f"      > [comment {number}] {comment.author or comment.role}: "
                      f"{comment.text}{state}")
    general = supervision.comments_about(case, None)
    if general:
        print("\nCOMMENTS ON THE WHOLE CASE")
        for comment in general:
            state = " (resolved)" if comment.resolved else ""
            print(f"  - [comment {case.comments.index(comment) + 1}] "
                  f"{comment.author or comment.role}: {comment.text}{state}")
    if case.agreed_actions:
        print("\nAGREED ACTIONS")
        for number, action in enumerate(case.agreed_actions, 1):
            due = f", by {show_date(action.due)}" if action.due else ""
            done = f"  DONE {show_date(action.done_on)}".rstrip() if action.done else ""
            print(f"  {number}. {action.action} ({action.owner or 'no owner'}{due}){done}")
    return 0


def _say_if_owned_by_no_one(args: argparse.Namespace, case: Any) -> None:
    """A note on stderr when the coach reads the agreed action's owner as naming no one
    ("TBC", "someone", "the team"), as the interview reads "Who will do this?"; the action
    is recorded as typed either way."""
    if not args.owner.strip():
        return
    from assistant.wording import Coach

    coach = Coach(open_content(args), getattr(args, "pipeline", None))
    if "no-responsible" in coach.read_answer(args.owner, "who", case):
        print(f"note: '{printable(args.owner.strip())}' names no one who will do it; the "
              "action is recorded as typed: say who will with --owner when it is known",
              file=sys.stderr)


def cmd_workshop_pack(args: argparse.Namespace) -> int:
    from assistant.workshop import pack

    content = open_content(args)
    written = pack(_vignettes(content, args.vignettes), Path(args.out), content=content,
                   answers=args.answers, force=args.force)
    for path in written:
        print(path)
    if not args.answers:
        print("needs-led: the participants' pack holds no model answers; the facilitator's "
              "notes are written with --answers", file=sys.stderr)
    return 0


def cmd_workshop_wording(args: argparse.Namespace) -> int:
    from assistant.wording import Coach
    from assistant.workshop import room_wording, statements_from_files

    statements, problems = statements_from_files(Path(f) for f in args.files)
    for problem in problems:
        print(f"needs-led: warning: {problem}", file=sys.stderr)
    coach = Coach(open_content(args), getattr(args, "pipeline", None))
    rows = room_wording(statements, coach, top=args.top)
    if args.json:
        print(json.dumps([r.__dict__ for r in rows], ensure_ascii=False, indent=2))
        return 0
    print(f"{len(statements)} need statements read.")
    kind = None
    for row in rows:
        if row.kind != kind:
            kind = row.kind
            print(f"\n{kind.upper()}")
        print(f"  {row.count:>4}  {row.phrase}   e.g. {row.examples[0]}")
    if not rows:
        print("No universal, service or assessment wording found.")
    return 0


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    _, psub = add_group(sub, common, "practice", "practice vignettes for students")
    p = add(psub, common, "list", "list the practice vignettes", cmd_practice_list)
    p = add(psub, common, "start", "start working a vignette as a practice case",
            cmd_practice_start)
    p.add_argument("vignette", metavar="VIGNETTE", help="a vignette id (see 'practice list')")
    p.add_argument("--again", action="store_true", help="start afresh if already started")
    p = add(psub, common, "feedback", "feedback on a worked practice case",
            cmd_practice_feedback)
    p.add_argument("case", metavar="CASE", help="the practice case reference")
    p.add_argument("--out", metavar="DIR", help="also write the feedback as HTML into DIR")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.add_argument("--pipeline", metavar="NAME|PATH", default=argparse.SUPPRESS)

    p = add(sub, common, "supervise",
            "reflective supervision: the questions, or add a comment or agreed action",
            cmd_supervise)
    p.add_argument("case", metavar="CASE")
    p.add_argument("--comment", metavar="TEXT", help="a question or comment to add")
    p.add_argument("--about", metavar="ITEM",
                   help="what the comment is about: 'need 2', 'outcome 2.1', 'work 2.3', "
                        "a person's name, or an id")
    p.add_argument("--author", default="", help="who is commenting")
    p.add_argument("--role", choices=("supervisor", "worker"), default="supervisor")
    p.add_argument("--action", metavar="TEXT", help="an agreed action to record")
    p.add_argument("--owner", default="", help="who will do the agreed action")
    p.add_argument("--due", type=iso_date, metavar="DATE",
                   help=f"when it is due ({DATE_FORMS})")
    p.add_argument("--done", action="append", metavar="N",
                   help="mark agreed action N (as listed) done; repeatable")
    p.add_argument("--on", type=iso_date, metavar="DATE",
                   help=f"the date it was done (default today; {DATE_FORMS})")
    p.add_argument("--resolve", action="append", metavar="N",
                   help="mark comment N (as listed) resolved; repeatable")
    p.add_argument("--edit-comment", nargs=2, metavar=("N", "TEXT"),
                   help="change the text of comment N")

    _, wsub = add_group(sub, common, "workshop", "workshop materials and the room's wording")
    p = add(wsub, common, "pack",
            "write the participants' pack (agenda, vignettes, blank form; no answers)",
            cmd_workshop_pack)
    p.add_argument("vignettes", nargs="+", metavar="VIGNETTE", help="vignette ids, or 'all'")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--answers", action="store_true",
                   help="the trainer's copy instead: the facilitator's notes "
                        "(facilitator-notes.html/.pdf) and each vignette's model "
                        "analysis and teaching notes")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p = add(wsub, common, "wording",
            "the most common universal, service and assessment phrasings in the room",
            cmd_workshop_wording)
    p.add_argument("files", nargs="+", metavar="FILE",
                   help="audit forms (JSON or CSV) or case files (JSON)")
    p.add_argument("--top", type=int, default=10, help="how many per kind (default 10)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--pipeline", metavar="NAME|PATH", default=argparse.SUPPRESS)
