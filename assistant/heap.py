"""Keep the garbage collector off what a process loads once and keeps: ``gc.freeze``.

Why: a full collection walks every object the process holds; with the spaCy pipeline,
the content and the word lists loaded that is about a third of a second per 5,000
statements checked, spent finding nothing to free. Standard library only: the CLI calls
:func:`own_process` before it parses its arguments.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Whether this process runs one command or the app from start to end (see own_process).
_owned = False


def own_process() -> None:
    """Say that this process runs one command, or the app, from start to end: called by
    the entry point (``needs-led`` from its command line), never by a caller of the
    core, so :func:`freeze_loaded` freezes only such a process."""
    global _owned
    _owned = True


def freeze_loaded() -> None:
    """Leave every object alive now (the loaded pipeline, content and word lists) out of
    the garbage collector's later passes (``gc.freeze``), in a process that
    :func:`own_process` says runs one command or the app (why: the module's docstring).

    Called at start-up, once what a command or the app loads is loaded; never inside a
    library call such as ``Coach.load``, and never in a process that only calls the core
    (the test suite makes many coaches and apps: it would keep each one's garbage for
    good).
    """
    if _owned:
        gc.freeze()


@contextmanager
def frozen_while() -> Iterator[None]:
    """What is alive now kept out of collections while a long piece of work runs (the
    audit's reading of thousands of wordings, ``forks.map_parts``), in any process: put
    back after it, unless the process had frozen its objects itself, so a process that
    only calls the core keeps no garbage for good. Workers forked meanwhile start with
    the parent's objects frozen too, so their collections never touch (and copy) the
    pages they share with it."""
    already = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not already:
            gc.unfreeze()
