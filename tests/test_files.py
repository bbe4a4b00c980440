"""assistant.files: every file is written whole, owner-only, and never over another by accident."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from assistant.errors import ExportError, ExportExists, InputError
from assistant.files import check_targets, write_all, write_new


def test_write_new_writes_text_and_bytes_owner_only_leaving_no_temporary_file(tmp_path: Path):
    write_new(tmp_path / "a.txt", "Sam needs a\r\nquiet corner", force=False)
    write_new(tmp_path / "b.pdf", b"%PDF-1.7\x00", force=False)
    assert (tmp_path / "a.txt").read_bytes() == b"Sam needs a\r\nquiet corner"  # no newline change
    assert (tmp_path / "b.pdf").read_bytes() == b"%PDF-1.7\x00"
    for name in ("a.txt", "b.pdf"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.pdf"]


def test_write_new_refuses_an_existing_file_without_force_and_replaces_it_with(tmp_path: Path):
    target = tmp_path / "plan.md"
    target.write_text("the worker's own edits")
    with pytest.raises(ExportExists, match=r"plan\.md: already exists \(use --force"):
        write_new(target, "new", force=False)
    assert target.read_text() == "the worker's own edits"
    write_new(target, "new", force=True)
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]


def test_write_all_writes_nothing_when_one_target_is_in_the_way(tmp_path: Path):
    (tmp_path / "b.csv").write_text("kept")
    files = [(tmp_path / "a.html", "<p>a</p>"), (tmp_path / "b.csv", "x")]
    with pytest.raises(ExportExists) as info:
        write_all(tmp_path, files, force=False)
    assert isinstance(info.value, InputError)  # exit status 2 on the command line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.csv"]
    assert write_all(tmp_path, files, force=True) == [path for path, _ in files]
    assert (tmp_path / "b.csv").read_text() == "x"


def test_write_all_makes_the_folder_and_names_a_file_in_the_way_of_it(tmp_path: Path):
    out = tmp_path / "new" / "deeper"
    assert write_all(out, [(out / "r.txt", "r")], force=False) == [out / "r.txt"]
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    with pytest.raises(ExportError, match=r"blocker: is a file, not a folder"):
        check_targets(blocker, [blocker / "x"], force=True)


def test_a_folder_that_cannot_be_made_is_one_line_naming_it(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("")
    out = tmp_path / "notes.txt" / "exports"  # under a file: no folder can be made there
    with pytest.raises(ExportError, match=r"notes\.txt/exports: cannot be written \(Not a dir"):
        write_all(out, [(out / "x.txt", "x")], force=False)
