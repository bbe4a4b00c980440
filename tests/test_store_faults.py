"""A damaged, full, locked, unreadable or newer database is never written to, and says so.

Faults are made in a real SQLite file the way they happen: bytes overwritten inside a page,
a changed digit in stored text, a page limit reached, a revision from a newer needs-led.
An independent oracle (a fresh SQLite connection's integrity_check and a dump of every
row) says whether the bytes hit anything; if they did, every write must be refused with
one line and leave the file exactly as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest

from assistant.model import Case
from assistant.store import (
    CASE_COLUMNS,
    REVISION_META,
    Store,
    StoreError,
    checksum,
    row_checksum,
)
from tests.helpers import CONTENT, ROOT, run_cli


def _build(path: Path, case: Case, count: int = 20) -> None:
    with Store(path) as store:
        for i in range(1, count + 1):
            store.save(case.model_copy(update={"reference": f"NL-2026-{i:03d}"}))
        store.save(case.model_copy(update={"reference": "NL-2026-002", "story": "Later."}))


def _dump(path: Path) -> list[str] | str:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = [r[0] for r in con.execute("pragma integrity_check")]
            return list(con.iterdump()) if verdict == ["ok"] else f"integrity {verdict}"
        finally:
            con.close()
    except sqlite3.Error as exc:
        return f"unreadable {exc}"


def _written(path: Path, before: bytes) -> bool:
    wal = Path(f"{path}-wal")
    return path.read_bytes() != before or (wal.exists() and wal.stat().st_size > 0)


@pytest.fixture
def base(tmp_path: Path, case: Case) -> Path:
    path = tmp_path / "base.db"
    _build(path, case)
    return path


def _page_types(data: bytes) -> dict[int, int]:
    size = int.from_bytes(data[16:18], "big")
    return {n: data[(n - 1) * size] for n in range(2, len(data) // size + 1)}


@pytest.mark.parametrize("how", ["zeros", "random"])
def test_every_damaged_page_is_refused_for_writes_and_left_untouched(
        base: Path, tmp_path: Path, case: Case, how: str) -> None:
    """Each page of a 20-case file in turn, wiped or overwritten in part: open, save,
    restore and load either work (the bytes hit nothing) or raise one StoreError, and a
    refused write leaves every byte as it was."""
    data = base.read_bytes()
    size = int.from_bytes(data[16:18], "big")
    rng = random.Random(16)
    clean = _dump(base)
    refused = 0
    for page in _page_types(data):
        db = tmp_path / f"p{page}.db"
        damaged = bytearray(data)
        start = (page - 1) * size
        if how == "zeros":
            damaged[start:start + size] = bytes(size)
        else:
            at = start + rng.randrange(0, size - 64)
            damaged[at:at + 64] = rng.randbytes(64)
        db.write_bytes(bytes(damaged))
        broken = _dump(db) != clean
        before = db.read_bytes()
        new = case.model_copy(update={"reference": "NL-2026-999"})
        try:
            with Store(db) as store:
                store.save(new)
                store.restore("NL-2026-002", 1)
                store.load("NL-2026-010")
        except StoreError as exc:
            assert "\n" not in str(exc)
            if broken:
                assert not _written(db, before), f"page {page}: written although damaged"
                assert "damaged" in str(exc) or "not a needs-led database" in str(exc)
                refused += 1
        else:
            assert not broken, f"page {page} ({how}) is damaged, yet writes went in"
    assert refused > 0


def test_a_changed_digit_in_stored_text_is_reported_by_case_and_revision(
        base: Path, case: Case) -> None:
    """SQLite cannot see a same-length change inside a text; the checksum does."""
    data = bytearray(base.read_bytes())
    at = data.find(b'"reference":"NL-2026-007"')
    story = data.find(b"Kayla (9)", at)
    data[story + 7] = ord("8")
    base.write_bytes(bytes(data))
    before = base.read_bytes()
    with Store(base) as store:
        assert store.load("NL-2026-006").reference == "NL-2026-006"  # others still read
        with pytest.raises(StoreError, match="case 'NL-2026-007' revision 1 is damaged"):
            store.load("NL-2026-007")
        [revision] = store.history("NL-2026-007")
        assert "does not match its checksum" in revision.problem
        assert revision.problem_kind == "damaged"
        with pytest.raises(StoreError, match="NL-2026-007' revision 1 does not match") as err:
            store.save(case.model_copy(update={"reference": "NL-2026-999"}))
        assert err.value.kind == "damaged"
    assert not _written(base, before)


def _make_newer(path: Path, reference: str) -> None:
    con = sqlite3.connect(path)
    rid, body = con.execute("select id, body from revisions where reference = ? order by "
                            "number desc limit 1", [reference]).fetchone()
    data = json.loads(body) | {"schema_version": 3, "from_the_future": True}
    text = json.dumps(data)
    con.execute("update revisions set body = ?, checksum = ? where id = ?",
                [text, hashlib.sha256(text.encode()).hexdigest(), rid])
    con.commit()
    con.close()


def test_a_revision_from_a_newer_needs_led_is_refused_never_overwritten(
        base: Path, case: Case) -> None:
    _make_newer(base, "NL-2026-002")
    with Store(base) as store:
        with pytest.raises(StoreError, match="revision 2 was written by a newer needs-led"):
            store.load("NL-2026-002")
        history = store.history("NL-2026-002")
        assert history[0].problem == "" and "newer needs-led" in history[1].problem
        for attempt in (lambda: store.save(case.model_copy(update={"reference": "NL-2026-002"})),
                        lambda: store.restore("NL-2026-002", 1)):
            with pytest.raises(StoreError, match="newer needs-led") as caught:
                attempt()
            assert caught.value.kind == "newer"
        assert [r.number for r in store.history("NL-2026-002")] == [1, 2]
        assert store.load("NL-2026-002", 1).story == case.story


def test_revisions_stored_before_checksums_get_one(tmp_path: Path, case: Case) -> None:
    """A file from before migration m003 is migrated: its revisions are checked from then."""
    path = tmp_path / "old.db"
    _build(path, case, count=2)
    con = sqlite3.connect(path)
    # as a file from then: the later migrations are not recorded either
    con.execute("delete from _sqlite_migrations where name in ('m003_revision_checksums', "
                "'m004_positions', 'm005_revision_meta_checksums')")
    con.execute("alter table revisions drop column checksum")
    con.execute("alter table revisions drop column meta_checksum")
    con.execute("alter table cases drop column checksum")
    con.execute("drop table positions")
    con.commit()
    con.close()
    with Store(path) as store:
        sums = store.db.execute("select body, checksum from revisions").fetchall()
        assert sums and all(checksum(body) == stored for body, stored in sums)
        listed = store.db.execute(f"select {CASE_COLUMNS}, checksum from cases").fetchall()
        assert listed and all(row_checksum(row[:-1]) == row[-1] for row in listed)
        store.check()


def test_a_changed_case_list_entry_or_audit_form_is_damage(base: Path, case: Case) -> None:
    """Text SQLite cannot vouch for outside the revisions: the case list's summary and an
    audit form's stored body (its digest is its checksum)."""
    from assistant.audit.redaction import audit_form_from_case
    from assistant.audit.repository import AuditStore

    with Store(base) as store:
        audit = AuditStore(store)
        form = audit_form_from_case(case, "A. Auditor", date(2026, 11, 20), content=CONTENT)
        audit.add_forms(audit.new_sample("S"), [form], "form.json")
    for table, column, what in (("cases", "summary", "list entry of case"),
                                ("audit_forms", "body", "audit form of case")):
        copy = base.with_name(f"{table}.db")
        shutil.copyfile(base, copy)
        con = sqlite3.connect(copy)
        # one character more, as a same-length change inside a page would be
        con.execute(f"update {table} set {column} = {column} || ' ' where rowid = "
                    f"(select min(rowid) from {table})")
        assert con.total_changes == 1
        con.commit()
        con.close()
        before = copy.read_bytes()
        with Store(copy) as store, pytest.raises(StoreError, match=what):
            store.save(case.model_copy(update={"reference": "NL-2026-999"}))
        assert not _written(copy, before)


def test_a_full_disk_is_named_and_nothing_is_saved(base: Path, case: Case) -> None:
    """SQLite's own page limit raises the same SQLITE_FULL a full disk does."""
    with Store(base) as store:
        pages = store.db.execute("pragma page_count").fetchone()[0]
        store.db.execute(f"pragma max_page_count = {pages}")
        big = case.model_copy(update={"reference": "NL-2026-999", "story": "x" * 40000})
        with pytest.raises(StoreError, match="disk is full") as caught:
            store.save(big)
        assert caught.value.kind == "full"
        assert not store.exists("NL-2026-999")


def test_a_locked_database_is_named_by_its_code_not_its_message(base: Path, case: Case) -> None:
    holder = sqlite3.connect(base, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store(base, timeout=0.1) as store, pytest.raises(StoreError) as caught:
            store.save(case.model_copy(update={"reference": "NL-2026-999"}))
        assert caught.value.kind == "locked" and "locked" in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# --- as an ordinary user: permissions ----------------------------------------------------


def _as_user(args: list[str], db: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI as an ordinary user: as root, setpriv drops to 'nobody' (root may
    read anything, so a permission test run as root would test nothing)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.fail("setpriv is needed to test file permissions as root")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    env = {**os.environ, "NEEDS_LED_DB": str(db), "PYTHONPATH": str(ROOT)}
    return subprocess.run([*prefix, sys.executable, "-m", "assistant", *args], env=env,
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


@pytest.fixture
def open_folder(base: Path):
    """A folder every user can enter (pytest's own tmp folders are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="needs-led-perm-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_a_file_you_may_not_open_says_permission_not_missing_folder(
        base: Path, open_folder: Path) -> None:
    db = open_folder / "cases.db"
    shutil.copyfile(base, db)
    db.chmod(0o000 if os.geteuid() != 0 else 0o600)  # root's 0600 file: nobody may not read
    result = _as_user(["cases"], db)
    assert result.returncode == 1, result.stderr
    assert "permission denied" in result.stderr and "folder" not in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_read_only_file_refuses_writes_and_says_why(
        base: Path, open_folder: Path, tmp_path: Path) -> None:
    db = open_folder / "cases.db"
    shutil.copyfile(base, db)
    db.chmod(0o644 if os.geteuid() == 0 else 0o444)
    case_file = open_folder / "new.json"
    case_file.write_text(Case(reference="NL-2026-999").to_json(), encoding="utf-8")
    case_file.chmod(0o644)
    before = db.read_bytes()
    result = _as_user(["import", str(case_file)], db)
    assert result.returncode == 1, result.stderr
    assert "permission denied" in result.stderr or "read-only" in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert db.read_bytes() == before


def test_cli_writes_into_a_damaged_file_fail_with_one_line(base: Path, tmp_path: Path) -> None:
    """The commands a worker runs, on a file whose stored text was changed: exit 1, one
    line, file unchanged (import, restore, audit new)."""
    data = bytearray(base.read_bytes())
    at = data.find(b"Kayla (9)", data.find(b'"reference":"NL-2026-001"'))
    data[at + 7] = ord("8")
    base.write_bytes(bytes(data))
    before = base.read_bytes()
    case_file = tmp_path / "new.json"
    case_file.write_text(Case(reference="NL-2026-999").to_json(), encoding="utf-8")
    for args in (["import", str(case_file)], ["restore", "NL-2026-002", "1"],
                 ["audit", "new", "S"], ["export-json", "NL-2026-001"]):
        result = run_cli(*args, "--db", str(base))
        assert result.returncode == 1, (args, result.stderr)
        assert "damaged" in result.stderr and result.stderr.count("\n") == 1, result.stderr
        assert "Kayla (8)" not in result.stdout
        assert not _written(base, before), args
    listed = run_cli("history", "NL-2026-001", "--db", str(base))
    assert listed.returncode == 1 and "rev 1" in listed.stdout
    assert "[case 'NL-2026-001' revision 1 is damaged" in listed.stdout
    assert "revision(s) 1 damaged" in listed.stderr


def test_a_changed_byte_in_a_revisions_note_or_date_is_damage(base: Path, case: Case) -> None:
    """The history and the learning trace read a revision's note and date: a changed byte
    there is reported by case and revision, and nothing is written over it."""
    con = sqlite3.connect(base)
    con.execute("update revisions set saved_at = replace(saved_at, '2', '3') "
                "where reference = 'NL-2026-003' and number = 1")
    con.commit()
    con.close()
    before = base.read_bytes()
    with Store(base) as store, \
            pytest.raises(StoreError, match="'NL-2026-003' revision 1's date or note") as err:
        store.save(case.model_copy(update={"reference": "NL-2026-998"}))
    assert err.value.kind == "damaged"
    assert not _written(base, before)


def test_revisions_stored_before_their_own_row_had_a_checksum_get_one(
        tmp_path: Path, case: Case) -> None:
    path = tmp_path / "old.db"
    _build(path, case, count=2)
    con = sqlite3.connect(path)
    con.execute("delete from _sqlite_migrations where name = 'm005_revision_meta_checksums'")
    con.execute("alter table revisions drop column meta_checksum")
    con.commit()
    con.close()
    with Store(path) as store:
        rows = store.db.execute(f"select {REVISION_META}, meta_checksum from revisions")
        assert all(row_checksum(row[:-1]) == row[-1] for row in rows)
        store.check()


@pytest.mark.parametrize(("column", "value"), [
    ("name", "m003_revision_checksumz"), ("migration_set", "needs-lad"),
    ("applied_at", "2026-11-2\x019 10:00:00")])
def test_a_changed_byte_in_the_record_of_migrations_is_damage(
        base: Path, case: Case, column: str, value: str) -> None:
    """A changed migration record would make the next open apply a migration again, so it
    is damage: one line, and nothing is written."""
    con = sqlite3.connect(base)
    con.execute(f"update _sqlite_migrations set {column} = ? where id = 3", [value])
    con.commit()
    con.close()
    before = base.read_bytes()
    with pytest.raises(StoreError, match="record of migrations") as err, Store(base) as store:
        store.save(case.model_copy(update={"reference": "NL-2026-997"}))
    assert err.value.kind == "damaged"
    assert not _written(base, before)
