"""Fault-injection probe for the store's promises: run the real CLI against broken files.

Each class of fault is injected into a copy of a real 20-case database, then the commands
a worker runs (import, restore, audit add, history, export...) are run as a person would,
in a subprocess. A trial fails when the promise does not hold: a write into a damaged,
empty or newer file, a traceback, a misleading message, a partial export. "Data lost"
counts the trials where a file was changed that should not have been (written into while
damaged, work superseded without asking) or left half-written.

    python scripts/fault_probe.py                 # the code in this checkout
    python scripts/fault_probe.py --repo /other   # another checkout (e.g. main, "before")
    python scripts/fault_probe.py --only damage-index,zero-byte --trials 10
    # the audit store: 20 forms in sample S, suggested and grouped, damage only in its pages
    python scripts/fault_probe.py --only damage-table --audit-forms 20 --pages-of audit_

Damage is judged by an oracle that needs no trust in needs-led: a fresh SQLite connection
runs ``PRAGMA integrity_check`` and dumps every row; bytes that land in unused space change
neither, and then the command is expected to work as usual.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
NOBODY = 65534


@dataclass
class Row:
    name: str
    trials: int = 0
    failures: int = 0
    lost: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, ok: bool, lost: bool = False, note: str = "") -> None:
        self.trials += 1
        self.failures += not ok
        self.lost += lost
        if not ok and note and len(self.notes) < 3:
            self.notes.append(note)


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.err


class Probe:
    def __init__(self, repo: Path, work: Path, seed: int, trials: int,
                 audit_forms: int = 0, pages_of: str = "") -> None:
        self.repo, self.work, self.trials = repo, work, trials
        self.audit_forms, self.pages_of = audit_forms, pages_of
        self.only_pages: set[int] | None = None
        self.rng = random.Random(seed)
        self.python = sys.executable
        self.base = work / "base.db"
        self.cases = work / "cases"
        self.cases.mkdir()

    # --- running the CLI ------------------------------------------------------------

    def cli(self, *args: str | bytes, db: Path | None = None, user: int | None = None,
            limit: int | None = None, stdin: bytes = b"") -> Run:
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEEDS_LED")}
        env["NEEDS_LED_DB"] = str(db or self.work / "unused.db")
        env["PYTHONPATH"] = str(self.repo)

        def limits() -> None:
            if limit is not None:
                signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        prefix: list[str] = []
        if user is not None:  # setpriv: the exec itself then runs as the ordinary user
            prefix = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups"]
        proc = subprocess.run(
            [*prefix, self.python, "-m", "assistant", *args], input=stdin,
            # cwd is the probe's own folder: a relative name in the arguments (the
            # invalid-UTF-8 "\xff\xfe.db" below) is made there, never in the checkout
            capture_output=True, env=env, cwd=self.work, timeout=120,
            preexec_fn=limits if limit is not None else None,
        )
        return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"),
                   proc.stderr.decode("utf-8", "replace"))

    # --- the 20-case database -------------------------------------------------------

    def case_file(self, reference: str, story_suffix: str = "") -> Path:
        data = json.loads((HERE / "tests" / "fixtures" / "case.json").read_text("utf-8"))
        data["reference"] = reference
        data["story"] += story_suffix
        path = self.cases / f"{reference}{hashlib.md5(story_suffix.encode()).hexdigest()[:6]}.json"
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
        return path

    def build(self) -> None:
        files = [str(self.case_file(f"NL-2026-{i:03d}")) for i in range(1, 21)]
        run = self.cli("import", *files, db=self.base)
        assert run.code == 0, run.err
        for i in (1, 2, 3):  # a second revision for restore to go back from
            run = self.cli("import", "--replace", str(self.case_file(
                f"NL-2026-{i:03d}", " A later note.")), db=self.base)
            if run.code != 0:  # a checkout without --replace imports over the case anyway
                run = self.cli("import", str(self.case_file(
                    f"NL-2026-{i:03d}", " A later note.")), db=self.base)
            assert run.code == 0, run.err
        assert self.cli("audit", "new", "S", db=self.base).code == 0
        out = self.work / "form"
        run = self.cli("export", "NL-2026-004", "-f", "audit-json", "-o", str(out),
                       db=self.base)
        assert run.code == 0, run.err
        self.form = next(out.iterdir())
        self.new_case = self.case_file("NL-2026-999")
        self.existing_case = self.case_file("NL-2026-005", " Edited in the workshop.")
        if self.audit_forms:
            self.fill_sample()
        if self.pages_of:
            con = sqlite3.connect(self.base)
            try:
                self.only_pages = {n for (n,) in con.execute(
                    "select pageno from dbstat where name like ? or name like ?",
                    [f"{self.pages_of}%", f"idx_{self.pages_of}%"])}
            finally:
                con.close()
            assert self.only_pages, f"no pages of tables named {self.pages_of}*"
        self.base_dump = dump(self.base)

    def fill_sample(self) -> None:
        """Sample S holds the audit forms of the first ``audit_forms`` cases, each need
        with a suggested theme and placed in its group: every audit table has rows."""
        out = self.work / "forms"
        for i in range(1, min(self.audit_forms, 20) + 1):
            run = self.cli("export", f"NL-2026-{i:03d}", "-f", "audit-json", "-o",
                           str(out / str(i)), db=self.base)
            assert run.code == 0, run.err
        files = [str(f) for f in sorted(out.rglob("*.json"))]
        run = self.cli("audit", "add", "S", *files, db=self.base)
        assert run.code == 0, run.err
        run = self.cli("audit", "suggest", "S", "--accept", "--no-coach", db=self.base)
        assert run.code == 0, run.err

    def copy(self, name: str) -> Path:
        path = self.work / name
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(self.base, path)
        return path

    def writes(self, db: Path) -> list[tuple[str, Callable[[], Run]]]:
        """The commands that write, as (label, run)."""
        return [
            ("import", lambda: self.cli("import", str(self.new_case), db=db)),
            ("restore", lambda: self.cli("restore", "NL-2026-002", "1", db=db)),
            ("audit add", lambda: self.cli("audit", "add", "S", str(self.form), db=db)),
        ]

    # --- the probes -----------------------------------------------------------------

    def damage(self, kinds: set[int], label: str) -> tuple[Row, Row]:
        """Random bytes over part of a page of ``kinds`` (SQLite b-tree page types)."""
        real, harmless = Row(f"{label}: write refused"), Row(f"{label}, unused bytes: works")
        attempts = 0
        while real.trials < self.trials and attempts < self.trials * 6:
            attempts += 1
            db = self.copy("damaged.db")
            data = bytearray(db.read_bytes())
            size = int.from_bytes(data[16:18], "big") or 65536
            pages = [n for n in range(2, len(data) // size + 1)
                     if data[(n - 1) * size] in kinds
                     and (self.only_pages is None or n in self.only_pages)]
            page = self.rng.choice(pages)
            count = self.rng.randint(4, 48)
            at = (page - 1) * size
            # b-tree pages hold their cells at the end: aim at the header, the cell
            # pointers or the cells, where damage hits something (overflow pages: anywhere)
            used = int.from_bytes(data[at + 5:at + 7], "big") or size
            low = self.rng.choice([0, min(used, size - count - 1)]) if data[at] else 0
            start = at + self.rng.randrange(low, size - count)
            data[start:start + count] = self.rng.randbytes(count)
            db.write_bytes(bytes(data))
            before = db.read_bytes()
            broken = dump(db) != self.base_dump
            label_, run_write = self.rng.choice(self.writes(db))
            run = run_write()
            changed = changed_file(db, before)
            if broken:
                ok = run.code != 0 and not run.traceback and not changed
                real.add(ok, lost=changed, note=f"page {page} +{count}B, {label_}: exit "
                         f"{run.code}, changed={changed}, {last(run.err)}")
            elif harmless.trials < self.trials:
                harmless.add(not run.traceback and run.code == 0,
                             note=f"{label_}: exit {run.code} {last(run.err)}")
        return real, harmless

    def flipped_digit(self) -> Row:
        """One digit changed inside a stored case: same length, so SQLite sees no damage."""
        row = Row("a digit changed in a stored case: noticed")
        commands = [
            ("export-json", lambda db: self.cli("export-json", "NL-2026-007", db=db)),
            ("history", lambda db: self.cli("history", "NL-2026-007", db=db)),
            ("import", lambda db: self.cli("import", str(self.new_case), db=db)),
            ("export", lambda db: self.cli("export", "NL-2026-007", "-f", "case-json", "-o",
                                          str(self.work / f"x{time.time_ns()}"), db=db)),
        ]
        for i in range(self.trials):
            db = self.copy("flipped.db")
            data = bytearray(db.read_bytes())
            marker = b'"reference":"NL-2026-007"'
            at = data.find(marker)
            story = data.find(b"Kayla (9)", at)
            data[story + 7] = ord("8")
            db.write_bytes(bytes(data))
            before = db.read_bytes()
            label_, run = commands[i % len(commands)]
            result = run(db)
            changed = changed_file(db, before)
            ok = (result.code != 0 and not result.traceback and "Kayla (8)" not in result.out
                  and not changed)
            row.add(ok, lost=changed or "Kayla (8)" in result.out,
                    note=f"{label_}: exit {result.code} {last(result.err)}")
        return row

    def zero_byte(self) -> Row:
        row = Row("zero-byte file: refused, left empty")
        db = self.work / "empty.db"
        commands = [("import", str(self.new_case)), ("restore", "NL-2026-002", "1"),
                    ("audit", "new", "T"), ("cases",), ("history", "NL-2026-001")]
        for i in range(self.trials):
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
            db.touch()
            run = self.cli(*commands[i % len(commands)], db=db)
            changed = db.stat().st_size != 0
            row.add(run.code != 0 and not run.traceback and not changed, lost=changed,
                    note=f"{commands[i % len(commands)][0]}: exit {run.code} {last(run.err)}")
        return row

    def locked(self) -> Row:
        row = Row("locked (write lock held): one line, nothing lost")
        for i in range(min(self.trials, 3)):
            db = self.copy("locked.db")
            holder = sqlite3.connect(db, isolation_level=None)
            holder.execute("BEGIN IMMEDIATE")
            label_, run_write = self.writes(db)[i % 3]
            try:
                run = run_write()
            finally:
                holder.execute("ROLLBACK")
                holder.close()
            intact = dump(db) == self.base_dump
            ok = (run.code == 1 and not run.traceback and "lock" in run.err.lower()
                  and run.err.count("\n") == 1 and intact)
            row.add(ok, lost=not intact, note=f"{label_}: exit {run.code} {last(run.err)}")
        return row

    def private_copy(self, name: str, mode: int) -> Path:
        folder = self.work / name
        folder.mkdir(mode=0o755)
        os.chmod(folder, 0o755)
        db = folder / "cases.db"
        shutil.copyfile(self.base, db)
        os.chmod(db, mode)
        return db

    def permissions(self) -> tuple[Row, Row]:
        """As an ordinary user (nobody), a file it may only read, and one it may not open."""
        ro, none = Row("read-only file: writes refused (why)"), Row("no permission: says so")
        if os.geteuid() != 0 or not shutil.which("setpriv"):
            ro.notes.append("needs root and setpriv to switch to the nobody user; not run")
            return ro, none
        os.chmod(self.work, 0o755)
        os.chmod(self.form, 0o644)
        os.chmod(self.new_case, 0o644)
        for i in range(self.trials):
            db = self.private_copy(f"ro{i}", 0o644)
            before = db.read_bytes()
            label_ = self.writes(db)[i % 3][0]
            run = self.cli(*_args_of(label_, self, db), db=db, user=NOBODY)
            changed = changed_file(db, before)
            says = any(w in run.err.lower() for w in ("read-only", "permission"))
            ro.add(run.code == 1 and not run.traceback and says and not changed, lost=changed,
                   note=f"{label_}: exit {run.code} {last(run.err)}")
            db = self.private_copy(f"none{i}", 0o000)
            run = self.cli(*(("cases",), ("history", "NL-2026-001"),
                             ("import", str(self.new_case)))[i % 3], db=db, user=NOBODY)
            ok = (run.code == 1 and not run.traceback and "permission" in run.err.lower()
                  and "folder exists" not in run.err)
            none.add(ok, note=f"exit {run.code} {last(run.err)}")
        return ro, none

    def newer_schema(self) -> Row:
        row = Row("newer schema_version revision: refused, kept")
        commands = [
            ("history", ("history", "NL-2026-006"), (0, 1)),
            ("import", ("import", "--replace", "__existing__"), (1,)),
            ("export-json", ("export-json", "NL-2026-006"), (1,)),
            ("restore", ("restore", "NL-2026-006", "1"), (1,)),
        ]
        existing = self.case_file("NL-2026-006", " Later.")
        for i in range(self.trials):
            db = self.copy("newer.db")
            con = sqlite3.connect(db)
            body_row = con.execute("select id, body from revisions where reference = ? "
                                   "order by number desc limit 1", ["NL-2026-006"]).fetchone()
            body = json.loads(body_row[1])
            body["schema_version"] = 3
            body["a_field_from_the_future"] = "kept"
            text = json.dumps(body, separators=(",", ":"))
            columns = {r[1] for r in con.execute("pragma table_info(revisions)")}
            if "checksum" in columns:
                con.execute("update revisions set body = ?, checksum = ? where id = ?",
                            [text, hashlib.sha256(text.encode()).hexdigest(), body_row[0]])
            else:
                con.execute("update revisions set body = ? where id = ?", [text, body_row[0]])
            con.commit()
            con.close()
            label_, args, allowed = commands[i % len(commands)]
            args = tuple(str(existing) if a == "__existing__" else a for a in args)
            if label_ == "import":
                probe = self.cli("import", "--help", db=db)
                if "--replace" not in probe.out:
                    args = ("import", str(existing))
            before = revision_count(db, "NL-2026-006")
            run = self.cli(*args, db=db)
            superseded = revision_count(db, "NL-2026-006") != before
            ok = run.code in allowed and not run.traceback and not superseded
            row.add(ok, lost=superseded, note=f"{label_}: exit {run.code} {last(run.err)}")
        return row

    def import_existing(self) -> Row:
        row = Row("import over an existing case (no tty): refused")
        for _ in range(self.trials):
            db = self.copy("existing.db")
            before = revision_count(db, "NL-2026-005")
            run = self.cli("import", str(self.existing_case), db=db)
            superseded = revision_count(db, "NL-2026-005") != before
            row.add(run.code == 1 and not run.traceback and not superseded, lost=superseded,
                    note=f"exit {run.code} {last(run.err) or last(run.out)}")
        return row

    def full_disk(self) -> Row:
        """export --format all onto a small file system that fills part way: all or nothing.

        A real full disk: a tmpfs of a few pages, mounted per trial (needs root). Without
        mount, the file-size limit stands in (each file, not the total: a weaker probe).
        """
        row = Row("export all onto a disk that fills: all or nothing")
        mount = self.work / "small"
        for _ in range(self.trials):
            out = mount / "out"
            mount.mkdir(exist_ok=True)
            size = self.rng.choice([8, 12, 16, 20, 24, 28, 32, 36, 40])
            mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}k", "tmpfs",
                                      str(mount)], capture_output=True).returncode == 0
            try:
                run = self.cli("export", "NL-2026-008", "-f", "all", "-o", str(out),
                               db=self.base, limit=None if mounted else size * 1024)
                files = [p.name for p in out.iterdir()] if out.exists() else []
            finally:
                if mounted:
                    subprocess.run(["umount", str(mount)], check=True)
                else:
                    shutil.rmtree(mount)
            ok = not run.traceback and ((run.code == 0 and len(files) == 7)
                                         or (run.code != 0 and not files))
            partial = run.code != 0 and bool(files)
            row.add(ok, lost=partial, note=f"{'tmpfs' if mounted else 'rlimit'} {size}k: "
                    f"exit {run.code}, {len(files)} files left, {last(run.err)}")
        return row

    def full_disk_db(self) -> Row:
        """import into a database on a small file system that fills: named, nothing lost."""
        row = Row("import onto a full disk: says full, keeps data")
        mount = self.work / "smalldb"
        big = self.case_file("NL-2026-998", " More." * 1500)
        for _ in range(min(self.trials, 4)):
            mount.mkdir(exist_ok=True)
            room = self.base.stat().st_size // 1024 + 24  # the copy, and a little more
            if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={room}k", "tmpfs",
                               str(mount)],
                              capture_output=True).returncode != 0:
                row.notes.append("mount not permitted; not run")
                break
            try:
                db = mount / "cases.db"
                shutil.copyfile(self.base, db)
                run = self.cli("import", str(big), db=db)
                kept = self.work / "after-full.db"
                for suffix in ("", "-wal"):  # read it back off the full disk
                    Path(f"{kept}{suffix}").unlink(missing_ok=True)
                    if Path(f"{db}{suffix}").exists():
                        shutil.copyfile(f"{db}{suffix}", f"{kept}{suffix}")
            finally:
                subprocess.run(["umount", str(mount)], check=True)
            intact = dump(kept) == self.base_dump
            ok = run.code == 1 and not run.traceback and "full" in run.err.lower() and intact
            row.add(ok, lost=not intact, note=f"exit {run.code} {last(run.err)}")
        return row

    def bad_argv(self) -> Row:
        row = Row("invalid UTF-8 in arguments: no traceback")
        bad = b"\xff\xfe"
        db = self.copy("argv.db")
        commands: list[tuple[bytes | str, ...]] = [
            ("check", b"Kayla needs " + bad),
            ("import", bad + b".json"),
            ("history", bad),
            ("export-json", bad),
            ("restore", bad, "1"),
            ("audit", "new", bad),
            ("audit", "add", "S", bad + b".csv"),
            ("export", bad, "-f", "all"),
            ("--db", bad + b".db", "cases"),
            ("cases", "--db", b"/nonexistent/" + bad + b"/x.db"),
        ]
        for i in range(self.trials):
            args = commands[i % len(commands)]
            run = self.cli(*args, db=db)
            row.add(not run.traceback, note=f"{args[0]!r}: {last(run.err)}")
        return row

    def escapes(self) -> Row:
        """A database written by another tool, with escape sequences in stored text."""
        row = Row("escape sequences stored by another tool: not printed")
        db = self.copy("escapes.db")
        con = sqlite3.connect(db)
        con.execute("update cases set summary = summary || ?, reference = reference "
                    "where reference = 'NL-2026-009'", ["\x1b[2J\x1b]0;pwned\x07"])
        con.execute("update revisions set note = ? where reference = 'NL-2026-009'",
                    ["\x1b[31mred\x1b[0m"])
        con.commit()
        con.close()
        commands = [("cases",), ("history", "NL-2026-009"), ("cases", "--json")]
        for i in range(self.trials):
            run = self.cli(*commands[i % len(commands)], db=db)
            ok = not run.traceback and "\x1b" not in run.out and "\x07" not in run.out
            row.add(ok, note=f"{commands[i % len(commands)]}: exit {run.code}")
        return row

    def bad_files(self) -> Row:
        """Audit-form and case files with BOMs, UTF-16, huge numbers, odd digits, bare CR."""
        row = Row("odd audit-form and case files: no traceback")
        form = json.loads(self.form.read_text("utf-8"))
        csv_run = self.cli("export", "NL-2026-004", "-f", "audit-csv", "-o",
                           str(self.work / "csvform"), db=self.base)
        csv_text = next((self.work / "csvform").iterdir()).read_text("utf-8") \
            if csv_run.code == 0 else ""
        lines = csv_text.splitlines()
        header = lines[0].split(",") if lines else []
        samples: list[tuple[str, str, bytes]] = []
        big = dict(form, level_of_need=int("9" * 5000) if False else None)
        big_text = json.dumps(big).replace('"level_of_need": null', '"level_of_need": '
                                           + "9" * 5000)
        samples.append(("audit", "big.json", big_text.encode()))
        if "need_number" in header:
            col = header.index("need_number")
            cells = lines[1].split(",")
            cells[col] = "²"
            samples.append(("audit", "sup.csv", "\n".join([lines[0], ",".join(cells)]).encode()))
            cells = lines[1].split(",")
            cells[-1] = '"a\rb"'
            samples.append(("audit", "cr.csv", "\n".join([lines[0], ",".join(cells)]).encode()))
            lvl = header.index("level_of_need")
            cells = lines[1].split(",")
            cells[lvl] = "9" * 5000
            samples.append(("audit", "biglvl.csv",
                            "\n".join([lines[0], ",".join(cells)]).encode()))
        samples.append(("audit", "bom.json", b"\xef\xbb\xbf" + self.form.read_bytes()))
        samples.append(("audit", "utf16.json", self.form.read_text("utf-8").encode("utf-16")))
        case_bytes = self.new_case.read_bytes()
        samples.append(("case", "bom-case.json", b"\xef\xbb\xbf" + case_bytes))
        samples.append(("case", "utf16-case.json", case_bytes.decode().encode("utf-16")))
        for i in range(self.trials):
            kind, name, data = samples[i % len(samples)]
            path = self.work / f"{i}-{name}"
            path.write_bytes(data)
            db = self.copy("files.db")
            run = (self.cli("audit", "add", "S", str(path), db=db) if kind == "audit"
                   else self.cli("import", str(path), db=db))
            ok = not run.traceback and run.code in (0, 1, 2)
            if name.startswith(("bom", "utf16")):
                ok = ok and run.code == 0  # a BOM or UTF-16 file is still the same file
            row.add(ok, note=f"{name}: exit {run.code} {last(run.err)}")
        return row


def _args_of(label: str, probe: Probe, db: Path) -> tuple[str, ...]:
    return {"import": ("import", str(probe.new_case)),
            "restore": ("restore", "NL-2026-002", "1"),
            "audit add": ("audit", "add", "S", str(probe.form))}[label]


def dump(db: Path) -> list[str] | str:
    """Every row and the integrity verdict, read without needs-led; a string if unreadable."""
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            verdict = [r[0] for r in con.execute("pragma integrity_check")]
            rows = list(con.iterdump())
        finally:
            con.close()
    except sqlite3.Error as exc:
        return f"unreadable: {exc}"
    return rows if verdict == ["ok"] else f"integrity: {verdict[:2]}"


def changed_file(db: Path, before: bytes) -> bool:
    wal = Path(f"{db}-wal")
    return db.read_bytes() != before or (wal.exists() and wal.stat().st_size > 0)


def revision_count(db: Path, reference: str) -> int:
    con = sqlite3.connect(db)
    try:
        return int(con.execute("select count(*) from revisions where reference = ?",
                               [reference]).fetchone()[0])
    finally:
        con.close()


def last(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:150] if lines else ""


PROBES = ("damage-index", "damage-table", "damage-any", "flipped-digit", "zero-byte",
          "locked", "permissions", "newer-schema", "import-existing", "full-disk", "full-disk-db",
          "bad-argv", "escapes", "bad-files")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repo", type=Path, default=HERE, help="the checkout to probe")
    parser.add_argument("--trials", type=int, default=10, help="trials per probe")
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--only", default="", help="comma-separated probe names")
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="show failure notes")
    parser.add_argument("--audit-forms", type=int, default=0, metavar="N",
                        help="put the audit forms of N cases (at most 20) in sample S, "
                             "suggested and grouped, so the audit tables have rows")
    parser.add_argument("--pages-of", default="", metavar="PREFIX",
                        help="damage only pages of tables (and their indexes) whose name "
                             "starts with PREFIX, e.g. audit_")
    args = parser.parse_args()
    chosen = [p for p in args.only.split(",") if p] or list(PROBES)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="needs-led-probe-") as tmp:
        probe = Probe(args.repo.resolve(), Path(tmp), args.seed, args.trials,
                      audit_forms=args.audit_forms, pages_of=args.pages_of)
        probe.build()
        table = {
            "damage-index": lambda: probe.damage({2, 10}, "damaged index page"),
            "damage-table": lambda: probe.damage({5, 13}, "damaged table page"),
            "damage-any": lambda: probe.damage({0, 2, 5, 10, 13}, "random bytes, any page"),
            "flipped-digit": probe.flipped_digit, "zero-byte": probe.zero_byte,
            "locked": probe.locked, "permissions": probe.permissions,
            "newer-schema": probe.newer_schema, "import-existing": probe.import_existing,
            "full-disk": probe.full_disk, "full-disk-db": probe.full_disk_db,
            "bad-argv": probe.bad_argv,
            "escapes": probe.escapes, "bad-files": probe.bad_files,
        }
        for name in chosen:
            started = time.monotonic()
            result = table[name]()
            got = list(result) if isinstance(result, tuple) else [result]
            rows.extend(got)
            print(f"  {name}: {time.monotonic() - started:.0f} s", file=sys.stderr)
    if args.json:
        print(json.dumps([r.__dict__ for r in rows], indent=2))
        return 0
    print(f"{'test':<52} {'trials':>6} {'failures':>8} {'data lost':>9}")
    for r in rows:
        print(f"{r.name:<52} {r.trials:>6} {r.failures:>8} {r.lost:>9}")
        if args.verbose:
            for note in r.notes:
                print(f"    {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
