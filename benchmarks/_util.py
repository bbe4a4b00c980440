"""Small helpers shared by the benchmark scripts: percentiles and timing subprocesses."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Sequence


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile: good enough for printing figures."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def time_command(args: Sequence[str], runs: int = 5, **kwargs: object) -> list[float]:
    """Wall time of ``runs`` fresh processes (the first use of files is included)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(list(args), check=True, capture_output=True, **kwargs)  # type: ignore[call-overload]
        times.append(time.perf_counter() - start)
    return times


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "assistant", *args]


def median_ms(values: Sequence[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms"
