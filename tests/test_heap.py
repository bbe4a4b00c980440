"""``assistant.heap``: the collector is kept off what is loaded only in a process that
runs one command or the app (the CLI says so from its own command line), and a long
piece of work in any other process (this test run) leaves the collector as it found it.
"""

from __future__ import annotations

import gc

import pytest

from assistant import heap


def test_a_process_that_only_calls_the_core_freezes_nothing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    frozen: list[bool] = []
    monkeypatch.setattr(heap, "_owned", False)
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    heap.freeze_loaded()
    assert frozen == []


def test_a_process_running_one_command_freezes_what_it_loaded(
        monkeypatch: pytest.MonkeyPatch) -> None:
    frozen: list[bool] = []
    monkeypatch.setattr(heap, "_owned", False)
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    heap.own_process()
    heap.freeze_loaded()
    assert frozen == [True]


def test_long_work_leaves_the_collector_as_it_found_it() -> None:
    gc.unfreeze()  # as a process that never froze anything is
    with heap.frozen_while():
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_long_work_keeps_a_freeze_made_before_it(monkeypatch: pytest.MonkeyPatch) -> None:
    unfrozen: list[bool] = []
    monkeypatch.setattr(gc, "get_freeze_count", lambda: 1)
    monkeypatch.setattr(gc, "freeze", lambda: None)
    monkeypatch.setattr(gc, "unfreeze", lambda: unfrozen.append(True))
    with heap.frozen_while():
        pass
    assert unfrozen == []


def test_the_command_line_owns_its_process_and_a_caller_of_main_does_not(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.cli import main

    monkeypatch.setattr(heap, "_owned", False)
    with pytest.raises(SystemExit):
        main(["--version"])
    assert heap._owned is False
