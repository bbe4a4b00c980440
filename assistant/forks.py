"""Run one function over parts of a long list of work in forked processes, when that is
safe and pays.

Why: reading thousands of wordings (the Need Groups audit) is spaCy work on one core; a
machine with more cores finishes sooner with one process per core. Forked processes
start with the loaded pipeline already in memory, so nothing is loaded twice. A fork is
only safe from a process with one thread (a lock another thread holds would stay locked
in the child for ever), so the app's worker threads, and machines without ``fork``, run
the work here in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from assistant.heap import frozen_while

T = TypeVar("T")
R = TypeVar("R")

ENV_VAR = "NEEDS_LED_PROCESSES"  # a number: at most this many processes (1: this one only)

# The function and parts of the run under way, read by the forked children.
_task: tuple[Callable[[Any], Any], list[Any]] | None = None


def usable_cores() -> int:
    """How many processes to use: ``NEEDS_LED_PROCESSES`` if set, else the cores this
    process may run on (its affinity) that are idle, this one included.

    Why idle ones only: on a machine other work keeps busy, more processes only share the
    same cores and each copies part of the memory; the load average (over a minute, this
    process counted) says how many are taken.
    """
    wanted = os.environ.get(ENV_VAR, "").strip()
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") \
        else os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except OSError:  # no load average here: take the cores as free
        return cores
    return max(1, min(cores, 1 + round(cores - busy)))


def can_fork() -> bool:
    """True when a fork is safe: ``fork`` exists here and this process runs one thread."""
    return "fork" in multiprocessing.get_all_start_methods() and \
        threading.active_count() == 1


def map_parts(function: Callable[[list[T]], R], items: Sequence[T], least: int,
              processes: int | None = None) -> list[R]:
    """``function`` applied to consecutive parts of ``items``, the results in order.

    One part per process, each of at least ``least`` items; this process takes the first
    part while the children take the rest. With one process (few items, one core, or no
    safe fork) the result is ``[function(list(items))]``.
    """
    count = min(processes if processes is not None else usable_cores(),
                len(items) // max(least, 1))
    with frozen_while():
        if count <= 1 or not can_fork() or _task is not None:
            return [function(list(items))]
        return _forked(function, items, count)


def _forked(function: Callable[[list[T]], R], items: Sequence[T], count: int) -> list[R]:
    """:func:`map_parts` over ``count`` processes, this one included."""
    global _task
    size, extra = divmod(len(items), count)
    parts, start = [], 0
    for n in range(count):
        end = start + size + (1 if n < extra else 0)
        parts.append(list(items[start:end]))
        start = end
    _task = (function, parts)
    try:
        with multiprocessing.get_context("fork").Pool(count - 1) as pool:
            pending = pool.map_async(_run_part, range(1, count))
            first = function(parts[0])
            return [first, *pending.get()]
    finally:
        _task = None


def _run_part(index: int) -> Any:
    """In a forked child: the function on part ``index`` of the run under way."""
    assert _task is not None
    function, parts = _task
    return function(parts[index])
