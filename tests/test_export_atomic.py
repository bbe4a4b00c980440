"""Multi-file exports are all or nothing, whatever fails: a full disk part way, a file that
appears meanwhile, a folder that cannot be written.

The disk fills at the OS boundary: ``os.write`` is the call every export byte goes through
(:func:`assistant.files._stage`), and it raises ENOSPC after a budget of bytes, as a
full disk does, at every point from the first byte to the last.
"""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import pytest

from assistant.errors import ExportError, ExportExists
from assistant.exporters import FORMATS, export
from assistant.files import write_all
from assistant.model import Case
from tests.helpers import CONTENT

DAY = date(2026, 11, 20)


def _fill_disk_after(monkeypatch: pytest.MonkeyPatch, budget: int) -> list[int]:
    """Make os.write fail with ENOSPC once ``budget`` bytes have been written."""
    real_write = os.write
    written = [0]

    def write(fd: int, data: bytes) -> int:
        room = budget - written[0]
        if room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        count = real_write(fd, bytes(data[:room]))
        written[0] += count
        return count

    monkeypatch.setattr(os, "write", write)
    return written


def _everything(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_disk_that_fills_at_any_point_leaves_nothing(
        case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes = [len(p.read_bytes())
             for p in export(case, FORMATS, tmp_path / "full", when=DAY, content=CONTENT)]
    total = sum(sizes)
    budgets = sorted({0, 1, sizes[0] - 1, sizes[0], sizes[0] + 1, total // 2, total - 1})
    for budget in budgets:
        out = tmp_path / f"out-{budget}" / "inner"
        with monkeypatch.context() as patch:
            _fill_disk_after(patch, budget)
            with pytest.raises(ExportError, match=r"No space left on device.*nothing was written"):
                export(case, FORMATS, out, when=DAY, content=CONTENT)
        assert not out.exists(), f"budget {budget}: {_everything(out.parent)}"
        assert not out.parent.exists(), "a folder the export made is removed again"
    with monkeypatch.context() as patch:
        _fill_disk_after(patch, total)  # exactly enough room: everything is written
        written = export(case, FORMATS, tmp_path / "exact", when=DAY, content=CONTENT)
    assert sorted(_everything(tmp_path / "exact")) == sorted(p.name for p in written)
    assert len(written) == len(FORMATS)


def test_a_forced_export_that_fails_keeps_the_files_it_would_replace(
        case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    export(case, FORMATS, tmp_path, when=DAY, content=CONTENT)
    (tmp_path / "keep.txt").write_text("not ours")
    before = _everything(tmp_path)
    changed = case.model_copy(update={"story": "A different story, at length. " * 50})
    with monkeypatch.context() as patch:
        _fill_disk_after(patch, 3000)
        with pytest.raises(ExportError, match="nothing was written"):
            export(changed, FORMATS, tmp_path, force=True, when=DAY, content=CONTENT)
    assert _everything(tmp_path) == before
    # with room: replaced, no leftovers
    export(changed, FORMATS, tmp_path, force=True, when=DAY, content=CONTENT)
    assert sorted(_everything(tmp_path)) == sorted(before)
    assert _everything(tmp_path) != before


def test_a_failure_while_moving_files_into_place_puts_back_what_was_there(
        tmp_path: Path) -> None:
    """The last target appears between the check and the move (another program): the
    files already moved into place are removed, and the other program's file is kept."""
    targets = [tmp_path / f"{n}.txt" for n in "abc"]

    class Racing(list):
        """Create c.txt once the targets have been checked, as another program might."""

        def __iter__(self):  # type: ignore[no-untyped-def]
            if not targets[2].exists() and getattr(self, "checked", False):
                targets[2].write_text("theirs")
            self.checked = True
            return super().__iter__()

    files = Racing([(path, f"ours {path.name}") for path in targets])
    with pytest.raises(ExportExists, match=r"c\.txt: already exists"):
        write_all(tmp_path, files, force=False)
    assert _everything(tmp_path) == {"c.txt": b"theirs"}


def test_cli_export_all_onto_a_full_disk_is_one_line_and_nothing(
        case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from assistant.cli import main
    from assistant.store import Store

    with Store(tmp_path / "cases.db") as store:
        store.save(case)
    out = tmp_path / "out"
    _fill_disk_after(monkeypatch, 5000)
    code = main(["--db", str(tmp_path / "cases.db"), "export", case.reference,
                 "-f", "all", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "nothing was written" in err
    assert not out.exists()
