"""Print the TUI's figures: time to first screen, time until the coach is ready, and
keystroke-to-feedback latency in the need field (p50, p95).

    .venv/bin/python benchmarks/tui.py [--runs 5] [--keys 40]

Start-up is measured in fresh processes (interpreter start included), each with its own
database in a temporary folder. Latency is measured under Pilot (headless): one key at a
time, from the key event reaching the app until the coach's report for exactly that text is
on screen (the keys are posted as the terminal driver posts them, one at a time). The
coach runs on every keystroke in an exclusive worker; a result for older text is dropped.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import asyncio, json, sys, time
from assistant.tui.app import NeedsLedApp

async def main() -> None:
    app = NeedsLedApp(db=sys.argv[1])
    out = {}
    async with app.run_test(size=(100, 30)) as pilot:
        out["first_screen"] = time.time()
        while not app.core_ready and not app.failure:
            await pilot.pause(0.005)
        out["cases"] = time.time()
        while app.coach_status == "loading":
            await pilot.pause(0.01)
        out["coach"] = time.time()
        out["status"] = app.coach_status
    print(json.dumps(out))

asyncio.run(main())
"""


def startup(runs: int) -> tuple[list[float], list[float], list[float], str]:
    first, cases, coach, status = [], [], [], ""
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            start = time.time()
            result = subprocess.run(
                [sys.executable, "-c", CHILD, str(Path(tmp) / "b.db")],
                capture_output=True, text=True, check=True, env={**os.environ},
            )
            data = json.loads(result.stdout.strip().splitlines()[-1])
            first.append(data["first_screen"] - start)
            cases.append(data["cases"] - start)
            coach.append(data["coach"] - start)
            status = data["status"]
    return first, cases, coach, status


async def latency(keys: int) -> tuple[list[float], list[float]]:
    from textual import events

    from assistant.model import Case, Person
    from assistant.store import Store
    from assistant.tui.app import NeedsLedApp
    from assistant.tui.screens.interview import InterviewScreen
    from assistant.tui.widgets.answer import AnswerArea

    text = ("Kayla needs counselling and to be safe at home and to reach her potential "
            "at school every day")[:keys]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "b.db"
        case = Case(reference="BENCH-1", people=[Person(id="p1", name="Kayla", age=9)],
                    story="A fictional case for the benchmark.")
        with Store(db) as store:
            store.save(case)
            store.save_position("BENCH-1", "need_new:p1")
        app = NeedsLedApp(db=str(db))
        times: list[float] = []
        checks: list[float] = []
        async with app.run_test(size=(100, 30)) as pilot:
            while app.coach_status == "loading":
                await pilot.pause(0.01)
            while not app.core_ready:
                await pilot.pause(0.01)
            if app.coach_status not in ("ready", "reduced"):
                raise SystemExit(f"the coach is {app.coach_status}: {app.coach_problem}")
            app.open_case("BENCH-1")
            while not (isinstance(app.screen, InterviewScreen) and app.screen.query("#answer")):
                await pilot.pause(0.01)
            screen = app.screen
            field = screen.query_one("#answer", AnswerArea)
            await pilot.pause(0.2)
            for ch in text:
                # the key goes to the app as a terminal's would; Pilot's press() is not used
                # because it also waits for the whole process to go idle (about 100 ms on a
                # busy machine), which is not part of what the worker waits for
                start = time.perf_counter()
                app.post_message(events.Key("space" if ch == " " else ch, ch))
                while screen.report_text != field.text or not field.text.endswith(ch):
                    await asyncio.sleep(0.0005)
                times.append(time.perf_counter() - start)
                await pilot.pause(0.02)
            for n in range(1, len(text) + 1):
                start = time.perf_counter()
                app.coach.check(text[:n], stage="need", holder="Kayla")
                checks.append(time.perf_counter() - start)
    return times, checks


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keys", type=int, default=40)
    args = parser.parse_args()
    first, cases, coach, status = startup(args.runs)
    print(f"time to first screen (fresh process, {args.runs} runs): "
          f"median {statistics.median(first) * 1000:.0f} ms, max {max(first) * 1000:.0f} ms")
    print(f"time until the cases are listed: "
          f"median {statistics.median(cases) * 1000:.0f} ms, max {max(cases) * 1000:.0f} ms")
    print(f"time until the coach is {status}: "
          f"median {statistics.median(coach) * 1000:.0f} ms, max {max(coach) * 1000:.0f} ms")
    times, checks = asyncio.run(latency(args.keys))
    print(f"keystroke to feedback in the need field ({len(times)} keys, goal p95 <= 50 ms): "
          f"p50 {pct(times, 50) * 1000:.0f} ms, p95 {pct(times, 95) * 1000:.0f} ms")
    print(f"  of which coach.check alone: p50 {pct(checks, 50) * 1000:.1f} ms, "
          f"p95 {pct(checks, 95) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
