"""Figures for the CLI start-up and the case store.

Run: .venv/bin/python benchmarks/store.py
Prints: `needs-led --help` cold time (median of 5 processes), save latency p50/p95 on a
real file, `needs-led cases` time with 1,000 cases, and peak memory of the saving process.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._util import cli, median_ms, percentile, time_command


def main() -> None:
    from assistant.model import Case
    from assistant.store import Store

    fixture = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "case.json"
    base = Case.model_validate_json(fixture.read_text())
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        env = {**os.environ, "NEEDS_LED_DB": str(db)}
        print(f"needs-led --help, cold (median of 5): {median_ms(time_command(cli('--help')))}")
        latencies = []
        with Store(db) as store:
            for i in range(1000):
                case = base.model_copy(update={"reference": f"NL-{i:05d}"})
                start = time.perf_counter()
                store.save(case)
                latencies.append(time.perf_counter() - start)
            for i in range(200):
                case = base.model_copy(update={"reference": "NL-00000", "story": f"v{i}"})
                start = time.perf_counter()
                store.save(case)
                latencies.append(time.perf_counter() - start)
        p50, p95 = percentile(latencies, 50) * 1000, percentile(latencies, 95) * 1000
        print(f"save (1,200 saves, one transaction each): p50 {p50:.2f} ms, p95 {p95:.2f} ms")
        print(f"needs-led cases with 1,000 cases (median of 5): "
              f"{median_ms(time_command(cli('cases'), env=env))}")
        print(f"database size: {db.stat().st_size / 1e6:.1f} MB")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
