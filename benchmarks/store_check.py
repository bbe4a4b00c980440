"""What checking the database before its first write costs (Store.check).

Run: .venv/bin/python benchmarks/store_check.py
Prints, for a 20-case and a 1,000-case file (two revisions a case), the median of 7 fresh
connections (the operating system's file cache warm, SQLite's own cache cold) of:
PRAGMA quick_check, PRAGMA integrity_check (what Store.check runs: it also compares each
index with its table), the SHA-256 checksum pass over every revision, and Store.check
whole; and the time of `needs-led import` of one new case into each, which includes it.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._util import cli, median_ms, time_command


def fresh(db: Path, action: Callable[[sqlite3.Connection], object], runs: int = 7) -> str:
    times = []
    for _ in range(runs):
        con = sqlite3.connect(db)
        start = time.perf_counter()
        action(con)
        times.append(time.perf_counter() - start)
        con.close()
    return f"{statistics.median(times) * 1000:.1f} ms"


def checksums(con: sqlite3.Connection) -> None:
    import hashlib

    for body, stored in con.execute("select cast(body as blob), checksum from revisions"):
        assert hashlib.sha256(body).hexdigest() == stored


def main() -> None:
    from assistant.model import Case
    from assistant.store import Store

    fixture = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "case.json"
    base = Case.model_validate_json(fixture.read_text())
    with tempfile.TemporaryDirectory() as tmp:
        new_case = Path(tmp) / "new.json"
        new_case.write_text(base.model_copy(update={"reference": "NL-NEW"}).to_json())
        for count in (20, 1000):
            db = Path(tmp) / f"{count}.db"
            with Store(db) as store:
                for i in range(count):
                    case = base.model_copy(update={"reference": f"NL-{i:05d}"})
                    store.save(case)
                    store.save(case.model_copy(update={"story": case.story + " Later."}))
            size = db.stat().st_size / 1e6
            print(f"{count} cases, {2 * count} revisions, {size:.1f} MB:")
            print(f"  quick_check      "
                  f"{fresh(db, lambda c: c.execute('pragma quick_check').fetchall())}")
            print(f"  integrity_check  "
                  f"{fresh(db, lambda c: c.execute('pragma integrity_check').fetchall())}")
            print(f"  checksums        {fresh(db, checksums)}")

            def whole(_: sqlite3.Connection, db: Path = db) -> None:
                with Store(db) as store:
                    store.check()

            print(f"  Store.check      {fresh(db, whole)} (includes opening the store)")
            env = {**os.environ, "NEEDS_LED_DB": str(db)}
            times = []
            for run in range(5):
                data = new_case.read_text().replace("NL-NEW", f"NL-NEW-{run}")
                new_case.write_text(data)
                times += time_command(cli("import", str(new_case)), runs=1, env=env)
                new_case.write_text(data.replace(f"NL-NEW-{run}", "NL-NEW"))
            print(f"  needs-led import of one case (median of 5): {median_ms(times)}")


if __name__ == "__main__":
    main()
