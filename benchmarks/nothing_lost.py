"""The kill harness, many trials, before (main) and after (this tree): the table for issue 16.

Run: .venv/bin/python benchmarks/nothing_lost.py [--trials N] [--before PATH] [--after PATH]
Each trial runs `python -m assistant --db FILE` in a real pseudo-terminal, types as a worker
does and ends it with a real signal (SIGKILL; SIGTERM; SIGHUP by closing the terminal), or
locks the database, or removes its -wal file; then reads the SQLite file back. "Lost" counts
characters: of submitted answers (goal 0) and of text typed but not submitted (goal: at
most 1 s of typing to SIGKILL, nothing to SIGTERM or SIGHUP). Lost is counted after the
next start has applied the recovery file (what the worker finds); "direct" is the file as
the kill left it. Draft latency: seconds from a key to its text being in the database
while typing goes on without a pause.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._util import percentile
from tests import killtrials
from tests.killtrials import Outcome

INTERVAL = 0.08


Trial = Callable[[Path, Path, int], Outcome]


def trials() -> list[tuple[str, Trial, Callable[[Outcome], bool]]]:
    """(name, run(folder, code_root, seed), failed(outcome))."""
    def typing(how: str) -> Trial:
        return lambda f, root, seed: killtrials.typing_killed(
            f, how, code_root=root, interval=INTERVAL, seed=seed)

    kill_goal = lambda o: o.lost_submitted_after > 0 or o.lost_seconds > 1.0  # noqa: E731
    flush_goal = lambda o: o.lost_submitted_after > 0 or o.lost_typed_after > 1  # noqa: E731
    return [
        ("typing 2-4 s, SIGKILL", typing("SIGKILL"), kill_goal),
        ("typing 2-4 s, SIGTERM", typing("SIGTERM"), flush_goal),
        ("typing 2-4 s, terminal closed (SIGHUP)", typing("SIGHUP"), flush_goal),
        ("answer + Enter, SIGKILL 50 ms later",
         lambda f, root, seed: killtrials.submitted_then_killed(f, code_root=root), flush_goal),
        ("typing straight on after Enter, SIGKILL",
         lambda f, root, seed: killtrials.typed_on_after_enter(f, code_root=root), flush_goal),
        ("database locked, submit, Ctrl+Q, SIGKILL",
         lambda f, root, seed: killtrials.locked_database(f, code_root=root), flush_goal),
        ("-wal removed mid-session, SIGKILL",
         lambda f, root, seed: killtrials.wal_removed(f, code_root=root), flush_goal),
    ]


def run(root: Path, n: int,
        only: str = "") -> list[tuple[str, int, int, int, int, int, float, list[str]]]:
    rows = []
    for name, trial, failed in trials():
        if only and only.lower() not in name.lower():
            continue
        outcomes = []
        for seed in range(n):
            with tempfile.TemporaryDirectory() as tmp:
                try:
                    outcomes.append(trial(Path(tmp), root, seed))
                except AssertionError as exc:  # the app never got to the question
                    out = Outcome(name, "-")
                    out.notes.append(f"trial did not run: {str(exc).splitlines()[0]}")
                    out.lost_submitted_after = -1
                    outcomes.append(out)
        notes = sorted({note for o in outcomes for note in o.notes
                        if not note.startswith("drafts as killed")})
        codes = sorted({str(o.exit_code) for o in outcomes})
        notes.append(f"exit codes: {', '.join(codes)}; load average "
                     f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        rows.append((
            name, len(outcomes), sum(failed(o) or o.lost_submitted_after < 0 for o in outcomes),
            sum(max(o.lost_submitted_after, 0) for o in outcomes),
            sum(o.lost_submitted_direct for o in outcomes),
            sum(o.lost_typed_after for o in outcomes),
            max((o.lost_seconds for o in outcomes), default=0.0),
            notes,
        ))
    return rows


def latency(root: Path) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        waits = killtrials.draft_latency(Path(tmp), code_root=root, interval=INTERVAL)
    return (f"p50 {percentile(waits, 50):.2f} s, p95 {percentile(waits, 95):.2f} s, "
            f"max {max(waits):.2f} s over {len(waits)} keys")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--before", type=Path, default=Path("/work/main"),
                        help="the tree to compare with (default /work/main); '' to skip")
    parser.add_argument("--after", type=Path, default=killtrials.ROOT)
    parser.add_argument("--only", default="", help="run the tests whose name contains this")
    args = parser.parse_args()
    sides = [("after", args.after)]
    if str(args.before) and args.before.is_dir() and args.before.resolve() != args.after.resolve():
        sides.insert(0, ("before", args.before))
    for label, root in sides:
        print(f"\n== {label}: {root} ({args.trials} trials each, a key every {INTERVAL} s)")
        if not args.only:
            print(f"draft latency while typing: {latency(root)}", flush=True)
        print(f"{'test':44} {'trials':>6} {'fail':>4} {'submitted lost':>14} "
              f"{'(direct)':>8} {'typed lost':>10} {'max s lost':>10}")
        rows = run(root, args.trials, args.only)
        for name, count, fails, sub, sub_direct, typed, secs, notes in rows:
            print(f"{name:44} {count:>6} {fails:>4} {sub:>14} {sub_direct:>8} {typed:>10} "
                  f"{secs:>10.2f}", flush=True)
            for note in notes:
                print(f"{'':6}· {note[:110]}")


if __name__ == "__main__":
    main()
