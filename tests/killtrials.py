"""Kill trials: type into the real app in a pty, end it with a real signal, count what the
database lost. Shared by tests/test_nothing_lost_kill.py (one trial of each) and
benchmarks/nothing_lost.py (many, before and after).

Characters lost are counted twice: in the database as the kill left it ("direct"), and
after the next start has applied the recovery file beside it ("after restart": what the
worker finds when they come back).
"""

from __future__ import annotations

import random
import signal
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from assistant.model import Case
from assistant.store import Store
from tests.ptyapp import ROOT, PtyApp

REFERENCE = "K-1"
ANSWERS = [
    "Kayla needs to be at school by 8.45 every morning",
    "Kayla needs an adult to read with her for ten minutes each evening",
    "Kayla needs to get to sleep by nine on school nights",
]
#: an answer the coach flags (a service named as the need)
FLAGGED = "Kayla needs counselling"
TYPING = ("Kayla needs to have breakfast before school every day so that she can "
          "concentrate in her morning lessons and join in at break time with friends")


@dataclass
class Outcome:
    trial: str
    signal: str
    typed: int = 0                    # characters of unsubmitted text the app was sent
    submitted: int = 0                # characters of submitted answers
    lost_typed_direct: int = 0
    lost_typed_after: int = 0
    lost_submitted_direct: int = 0
    lost_submitted_after: int = 0
    interval: float = 0.0             # seconds between keys
    exit_code: int | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def lost_seconds(self) -> float:
        return self.lost_typed_after * self.interval


def make_db(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "cases.db"
    with Store(db) as store:
        store.save(Case(reference=REFERENCE, story="A fictional family: Kayla, 9, and her dad.",
                        people=[{"id": "p1", "name": "Kayla", "age": 9}]),  # type: ignore[list-item]
                   note="new case")
        if hasattr(store, "save_position"):  # start at Kayla's first need, not the name
            store.save_position(REFERENCE, "need_new:p1")
    return db


def open_interview(app: PtyApp) -> None:
    """From the first screen, open the case once the app is ready (the cases listed, the
    coach loaded), as a worker would; one Enter, retried only if nothing happened (an
    extra Enter would answer the first question)."""
    app.wait_for(REFERENCE, timeout=60)
    app.wait_for("Wording coach: ready", "Wording coach: reduced",
                 "Wording coach: not available", timeout=90)
    time.sleep(0.3)
    markers = ("Gaps", "No gaps", "Enter sends")
    for _ in range(3):
        mark = app.mark()
        app.press("enter")
        end = time.monotonic() + 20.0
        while time.monotonic() < end:
            if any(n in app.drawn_since(mark) for n in markers):
                time.sleep(0.5)
                return
            time.sleep(0.05)
    raise AssertionError("the case never opened")


def read_back(db: Path) -> tuple[str, list[str]]:
    """(the latest revision's JSON, every draft's text) for the case, read-only."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        row = conn.execute("select body from revisions where reference = ? "
                           "order by number desc limit 1", [REFERENCE]).fetchone()
        drafts = [r[0] for r in conn.execute("select text from drafts where reference = ?",
                                             [REFERENCE])]
    finally:
        conn.close()
    return (row[0] if row else ""), drafts


def restart(db: Path) -> list[str]:
    """What the next start does before showing anything: apply the recovery files."""
    from assistant.recovery import recover

    with Store(db) as store:
        return recover(store)


def lost_of(typed: str, drafts: list[str]) -> int:
    """Characters of ``typed`` missing from the best draft (its longest common prefix)."""
    best = 0
    for text in drafts:
        n = 0
        for a, b in zip(typed, text, strict=False):
            if a != b:
                break
            n += 1
        best = max(best, n)
    return len(typed) - best


def _submitted_lost(body: str, answers: list[str]) -> int:
    """Characters of answers not stored exactly (as a whole JSON string: an answer with
    the next one's first keys glued on counts as lost)."""
    import json

    return sum(len(a) for a in answers if json.dumps(a) not in body)


def _count(db: Path, out: Outcome, typed: str, answers: list[str]) -> None:
    body, drafts = read_back(db)
    out.lost_typed_direct = lost_of(typed, drafts) if typed else 0
    out.lost_submitted_direct = _submitted_lost(body, answers)
    if out.lost_typed_direct > 1 or out.lost_submitted_direct:
        out.notes.append(f"drafts as killed: {drafts!r}")
    out.notes.extend(restart(db))
    body, drafts = read_back(db)
    out.lost_typed_after = lost_of(typed, drafts) if typed else 0
    out.lost_submitted_after = _submitted_lost(body, answers)


def _end(app: PtyApp, how: str) -> int | None:
    if how == "SIGHUP":
        app.hang_up()
    else:
        app.kill(getattr(signal, how))
    return app.wait(15)


def typing_killed(folder: Path, how: str, *, code_root: Path = ROOT, interval: float = 0.08,
                  seconds: float | None = None, seed: int = 0) -> Outcome:
    """Steady typing, never pausing, then the signal mid-word."""
    rng = random.Random(seed)
    seconds = seconds if seconds is not None else rng.uniform(2.0, 4.0)
    db = make_db(folder)
    out = Outcome("typing, then killed", how, interval=interval)
    with PtyApp(db, code_root=code_root, pipeline="blank") as app:
        open_interview(app)
        stop = threading.Event()
        sent: list[int] = []
        typer = threading.Thread(target=lambda: sent.append(app.type(TYPING, interval, stop)))
        typer.start()
        time.sleep(seconds)
        stop.set()
        typer.join()
        out.exit_code = _end(app, how)
    out.typed = sent[0]
    _count(db, out, TYPING[:sent[0]], [])
    return out


def submitted_then_killed(folder: Path, how: str = "SIGKILL", *, code_root: Path = ROOT,
                          after: float = 0.05) -> Outcome:
    """An answer submitted with Enter, the signal ``after`` seconds later. Enter is pressed
    once the app shows the whole answer (a key the app has not read yet was never
    submitted; under load the app may read keys a second or more late)."""
    db = make_db(folder)
    answer = ANSWERS[0]
    out = Outcome("answer submitted, then killed", how, interval=0.02)
    with PtyApp(db, code_root=code_root, pipeline="blank") as app:
        open_interview(app)
        mark = app.mark()
        app.type(answer, 0.02)
        end = time.monotonic() + 20
        while time.monotonic() < end and answer[-12:] not in app.drawn_since(mark):
            time.sleep(0.02)
        app.press("enter")
        time.sleep(after)
        out.exit_code = _end(app, how)
    out.submitted = len(answer)
    _count(db, out, "", [answer])
    return out


def _typed_on(folder: Path, out: Outcome, first: str, second: str, code_root: Path,
              pipeline: str | None) -> Path:
    """A new database; ``first``, Enter and ``second`` typed in one go at 30 ms a key;
    the app ended as ``out`` says 1.5 s later. Returns the database."""
    db = make_db(folder)
    with PtyApp(db, code_root=code_root, pipeline=pipeline) as app:
        open_interview(app)
        app.type(first + "\n" + second, 0.03)
        time.sleep(1.5)
        out.exit_code = _end(app, out.signal)
    return db


def typed_on_after_enter(folder: Path, how: str = "SIGKILL", *, code_root: Path = ROOT,
                         pipeline: str | None = None) -> Outcome:
    """Answer, Enter, and straight on with the next answer while the first is checked."""
    first, second = ANSWERS[1], ANSWERS[2]
    out = Outcome("typing straight on after Enter", how, interval=0.03)
    db = _typed_on(folder, out, first, second, code_root, pipeline)
    out.typed, out.submitted = len(second), len(first)
    _count(db, out, second, [first])
    return out


def typed_on_past_a_flag(folder: Path, how: str = "SIGKILL", *, code_root: Path = ROOT,
                         pipeline: str | None = None) -> Outcome:
    """An answer the coach flags, Enter, and straight on with the next answer while the
    keep-my-wording dialog opens under the fingers: the keys typed on belong to the
    answers, not to the dialog's reason field."""
    first, second = FLAGGED, ANSWERS[2]
    out = Outcome("typing straight on past a flagged answer", how, interval=0.03)
    db = _typed_on(folder, out, first, second, code_root, pipeline)
    out.typed = len(second)
    _body, drafts = read_back(db)
    # The flagged answer waits for the worker's decision: it stays the question's draft,
    # with what was typed on after it on a line of its own.
    kept = [d.split("\n", 1) for d in drafts if d.startswith(first + "\n")]
    out.lost_typed_direct = lost_of(second, [rest for _, rest in kept])
    out.notes.append(f"drafts as killed: {drafts!r}")
    return out


def locked_database(folder: Path, how: str = "SIGKILL", *, code_root: Path = ROOT,
                    hold: float = 15.0) -> Outcome:
    """Another program holds the database locked while an answer is submitted; the worker
    tries to quit (it must ask), then the app is killed."""
    db = make_db(folder)
    answer = ANSWERS[0]
    out = Outcome(f"database locked {hold:.0f} s, submit, quit, kill", how, interval=0.02)
    locker = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    with PtyApp(db, code_root=code_root, pipeline="blank") as app:
        open_interview(app)
        locker.execute("BEGIN EXCLUSIVE")
        locked_at = time.monotonic()
        try:
            app.type(answer + "\n", 0.02)
            mark = app.mark()
            try:
                app.wait_for("Not saved", timeout=8)
                out.notes.append("the 'Not saved' bar was shown")
            except AssertionError:
                out.notes.append("no 'Not saved' bar")
            app.press("ctrl+q")
            end = time.monotonic() + 5
            while time.monotonic() < end and "Quit needs-led?" not in app.drawn_since(mark):
                time.sleep(0.05)
            asked = "Quit needs-led?" in app.drawn_since(mark)
            out.notes.append("quitting asked first" if asked else "quit without asking")
            out.exit_code = _end(app, how)
        finally:
            time.sleep(max(0.0, hold - (time.monotonic() - locked_at)) if how != "SIGKILL"
                       else 0)
            locker.execute("ROLLBACK")
            locker.close()
    out.submitted = len(answer)
    _count(db, out, "", [answer])
    return out


def wal_removed(folder: Path, how: str = "SIGKILL", *, code_root: Path = ROOT) -> Outcome:
    """The -wal file is deleted mid-session (another program, a clean-up script); then two
    answers are submitted and the app is killed."""
    db = make_db(folder)
    out = Outcome("-wal removed mid-session, kill", how, interval=0.02)
    with PtyApp(db, code_root=code_root, pipeline="blank") as app:
        open_interview(app)
        app.type(ANSWERS[0] + "\n", 0.02)
        time.sleep(1.0)
        Path(f"{db}-wal").unlink(missing_ok=True)
        app.type(ANSWERS[1] + "\n", 0.02)
        time.sleep(1.0)
        out.exit_code = _end(app, how)
    out.submitted = len(ANSWERS[0]) + len(ANSWERS[1])
    _count(db, out, "", ANSWERS[:2])
    return out


def draft_latency(folder: Path, *, code_root: Path = ROOT, interval: float = 0.08,
                  keys: int = 60) -> list[float]:
    """Seconds from each key being sent to its text being in the database, while typing
    goes on without a pause (the database is polled every 20 ms, read-only)."""
    db = make_db(folder)
    sent_at: list[float] = []
    seen_at: dict[int, float] = {}
    with PtyApp(db, code_root=code_root, pipeline="blank") as app:
        open_interview(app)
        done = threading.Event()

        def poll() -> None:
            while not done.is_set():
                try:
                    _, drafts = read_back(db)
                except sqlite3.Error:
                    drafts = []
                moment = time.monotonic()
                best = max((len(TYPING) - lost_of(TYPING, [d]) for d in drafts), default=0)
                for n in range(1, best + 1):
                    seen_at.setdefault(n, moment)
                time.sleep(0.02)

        poller = threading.Thread(target=poll)
        poller.start()
        for ch in TYPING[:keys]:
            app.press(ch)
            sent_at.append(time.monotonic())
            time.sleep(max(0.0, interval - 0.02))
        time.sleep(2.0)
        done.set()
        poller.join()
    end = time.monotonic()
    return [seen_at.get(n, end) - sent_at[n - 1] for n in range(1, len(sent_at) + 1)]
