"""The kill harness, one trial of each kind: the real app in a real pseudo-terminal, ended
by real signals (SIGKILL, SIGTERM, and SIGHUP from closing the terminal), then the SQLite
file is read back and the characters lost are counted.

The goals (issue 16): no character of a submitted answer lost (after the next start has
applied the recovery file), and at most one second of unsubmitted typing lost to SIGKILL
(none to SIGTERM or SIGHUP, which write everything before exiting). The many-trial version
with the before/after table is benchmarks/nothing_lost.py.
"""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests import killtrials

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="POSIX signals")

INTERVAL = 0.08  # 12.5 keys a second: a fast typist


def test_sigkill_while_typing_loses_at_most_a_second(tmp_path: Path) -> None:
    out = killtrials.typing_killed(tmp_path, "SIGKILL", interval=INTERVAL, seconds=3.0)
    assert out.exit_code == -signal.SIGKILL
    assert out.typed > 20
    assert out.lost_typed_after <= 1 / INTERVAL, out  # one second of keys at most


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP"])
def test_sigterm_and_a_closed_terminal_write_everything_first(tmp_path: Path,
                                                              how: str) -> None:
    out = killtrials.typing_killed(tmp_path, how, interval=INTERVAL, seconds=2.5)
    assert out.exit_code == 128 + getattr(signal, how), out
    assert out.typed > 20
    # the app writes what it has read; a key still in the terminal's buffer at the signal
    # (sent in the same instant) is the only thing that may be missing
    assert out.lost_typed_direct <= 1, out


def test_an_answer_submitted_just_before_a_kill_is_kept(tmp_path: Path) -> None:
    out = killtrials.submitted_then_killed(tmp_path, "SIGKILL", after=0.05)
    assert out.lost_submitted_after == 0, out


def test_typing_straight_on_after_enter_keeps_every_key(tmp_path: Path) -> None:
    out = killtrials.typed_on_after_enter(tmp_path, "SIGKILL")
    assert out.lost_submitted_after == 0, out
    assert out.lost_typed_after == 0, out


def test_typing_straight_on_past_a_flagged_answer_keeps_every_key(tmp_path: Path) -> None:
    out = killtrials.typed_on_past_a_flag(tmp_path, "SIGKILL")
    assert out.lost_typed_direct == 0, out


def test_a_locked_database_asks_before_quitting_and_loses_nothing(tmp_path: Path) -> None:
    out = killtrials.locked_database(tmp_path, "SIGKILL")
    assert "the 'Not saved' bar was shown" in out.notes, out
    assert "quitting asked first" in out.notes, out
    assert out.lost_submitted_direct == out.submitted, "the lock really held"
    assert out.lost_submitted_after == 0, out


def test_a_removed_wal_file_then_a_kill_loses_nothing(tmp_path: Path) -> None:
    out = killtrials.wal_removed(tmp_path, "SIGKILL")
    assert out.lost_submitted_after == 0, out
