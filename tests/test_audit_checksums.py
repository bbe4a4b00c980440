"""A changed byte in a stored audit sample is noticed, like one in a case revision.

Each stored form carries a SHA-256 over its row and the need rows it owns; each sample,
group and undo or redo step over its own row. Damage is made with a separate sqlite3
connection, the way another program (or a bad disk) changes a file: the value changes,
the checksum beside it does not. Reads then refuse with one line naming what is damaged,
and every write (an audit add, a case import) refuses with one line, exit 1, leaving the
file as it was.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from assistant.audit.checksums import audit_damage
from assistant.audit.redaction import audit_form_from_case
from assistant.audit.repository import AuditError, AuditStore
from assistant.model import Case
from assistant.needgroups import Shuffle, load_themes
from assistant.store import Store, StoreError
from tests.helpers import CONTENT, run_cli

DAY = date(2026, 11, 20)


def _forms(case: Case, *references: str) -> list:
    return [audit_form_from_case(case.model_copy(update={"reference": r}), "A. Auditor", DAY,
                                 content=CONTENT)
            for r in references]


@pytest.fixture
def sample_db(tmp_path: Path, case: Case) -> Path:
    """Two forms in sample "S", some needs in a group, one step to undo."""
    path = tmp_path / "audit.db"
    with Store(path) as store:
        audit = AuditStore(store)
        sample_id = audit.new_sample("S")
        audit.add_forms(sample_id, _forms(case, "NL-2026-101", "NL-2026-102"), "forms.json")
        shuffle = Shuffle(audit, sample_id)
        group = shuffle.create("Housing")
        shuffle.place([n["id"] for n in audit.needs(sample_id)][:2], group)
    return path


def _change(path: Path, sql: str, args: list | tuple = ()) -> None:
    con = sqlite3.connect(path)
    try:
        changed = con.execute(sql, args).rowcount
        con.commit()
    finally:
        con.close()
    assert changed == 1, sql


def _flip_one_letter(path: Path, need_id: int) -> None:
    """One character of a need's wording changed, same length: SQLite sees nothing."""
    con = sqlite3.connect(path)
    (wording,) = con.execute("select wording from audit_needs where id = ?",
                             [need_id]).fetchone()
    con.close()
    at = next(i for i, c in enumerate(wording) if c.isalpha() and i > 8)
    other = "x" if wording[at] != "x" else "y"
    _change(path, "update audit_needs set wording = ? where id = ?",
            [wording[:at] + other + wording[at + 1:], need_id])


def _written(path: Path, before: bytes) -> bool:
    wal = Path(f"{path}-wal")
    return path.read_bytes() != before or (wal.exists() and wal.stat().st_size > 0)


def test_a_flipped_letter_in_a_need_row_refuses_reads_and_writes_in_one_line(
        sample_db: Path, case: Case, tmp_path: Path) -> None:
    form_file = tmp_path / "more.json"
    form_file.write_text(_forms(case, "NL-2026-103")[0].model_dump_json(), encoding="utf-8")
    case_file = tmp_path / "case.json"
    case_file.write_text(case.model_copy(update={"reference": "NL-2026-104"}).to_json(),
                         encoding="utf-8")
    _flip_one_letter(sample_db, need_id=2)
    before = sample_db.read_bytes()
    env = {"NEEDS_LED_DB": str(sample_db)}
    for args in (("audit", "groups", "S"), ("audit", "add", "S", str(form_file)),
                 ("import", str(case_file))):
        result = run_cli(*args, env=env)
        assert result.returncode == 1, (args, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (args, result.stderr)
        assert "audit form 1 (case 'NL-2026-101')" in lines[0], lines[0]
        assert "damaged" in lines[0] or "does not match its checksum" in lines[0]
        assert "Traceback" not in result.stderr
        assert not _written(sample_db, before), args


@pytest.mark.parametrize("sql", [
    "update audit_needs set wording = 'Child 1 needs a home.' where id = 3",
    "update audit_needs set group_id = 99 where id = 1",
    "update audit_needs set services = '[]' where id = 1",
    "update audit_needs set status = 'met' where id = 3",
    "update audit_needs set form_id = 2, position = 99 where id = 1",  # to the other form
    "delete from audit_needs where id = 3",
    "update audit_forms set level_of_need = 1 where id = 1",
    "update audit_forms set checksum = null where id = 1",
])
def test_damage_to_a_form_or_its_need_rows_names_the_form(sample_db: Path, sql: str) -> None:
    _change(sample_db, sql)
    before = sample_db.read_bytes()
    with Store(sample_db) as store:
        audit = AuditStore(store)
        with pytest.raises(AuditError, match=r"audit form 1 \(case 'NL-2026-101'\) is "
                                             "damaged") as read:
            audit.needs(audit.sample_id("S"))
        assert read.value.kind == "damaged" and "\n" not in str(read.value)
        with pytest.raises(StoreError, match="audit form 1") as write:
            store.check()
        assert write.value.kind == "damaged"
    assert not _written(sample_db, before)


@pytest.mark.parametrize(("sql", "what"), [
    ("update audit_samples set name = 'T' where id = 1", "audit sample 'T'"),
    ("update audit_groups set name = 'Housinf' where id = 1", "audit group 1"),
    ("update audit_undo set before = replace(before, 'null', '1 ') where id = 2",
     "undo step 2"),
])
def test_damage_to_a_sample_group_or_undo_step_is_named(sample_db: Path, sql: str,
                                                        what: str) -> None:
    _change(sample_db, sql)
    with Store(sample_db) as store:
        with pytest.raises(AuditError, match=f"{what}.* is damaged"):
            AuditStore(store).samples()
        with pytest.raises(StoreError, match=what):
            store.check()


def test_every_shuffle_operation_and_analysis_keeps_the_sample_whole(
        sample_db: Path, case: Case) -> None:
    """The other half of the promise: nothing the program itself writes reads as damage."""
    with Store(sample_db) as store:
        audit = AuditStore(store)
        sample_id = audit.sample_id("S")
        shuffle = Shuffle(audit, sample_id)
        ids = [n["id"] for n in audit.needs(sample_id)]
        other = shuffle.create("School")
        shuffle.place(ids[2:4], other)
        shuffle.merge([other], 1)
        shuffle.undo()
        shuffle.redo()
        shuffle.undo()
        shuffle.split(1, ids[:1], "Health")
        shuffle.set_parking(other, True)
        shuffle.rename(other, "Later")
        shuffle.describe(other, "To talk about", "Notes")
        shuffle.remove_form(audit.forms(sample_id)[0]["id"])
        shuffle.undo()
        shuffle.redo()
        shuffle.undo()
        shuffle.delete(other)
        shuffle.undo()
        shuffle.accept(themes=load_themes(CONTENT))
        audit.save_analyses([n | {"theme": "housing", "reason": "matched 'home'",
                                  "kinds": []} for n in audit.needs(sample_id)])
        # a corrected form replaces the stored one, keeping its needs' groups
        corrected = _forms(case, "NL-2026-101")[0].model_copy(update={"level_of_need": 5})
        assert audit.add_forms(sample_id, [corrected], "again.json", replace=True).replaced
        audit.delete_sample("S")
        audit.restore_sample("S")
        assert audit_damage(store.db) is None
    with Store(sample_db) as store:
        store.check()
        assert len(AuditStore(store).needs(sample_id)) == len(ids)


def test_a_file_from_before_audit_checksums_gets_them(sample_db: Path) -> None:
    """Migration m004 seals what an older file holds; from then on a change is caught."""
    con = sqlite3.connect(sample_db)
    con.execute("delete from _sqlite_migrations where name = 'm004_checksums'")
    for table in ("audit_forms", "audit_samples", "audit_groups", "audit_undo",
                  "audit_redo"):
        con.execute(f"alter table {table} drop column checksum")
    con.commit()
    con.close()
    with Store(sample_db) as store:
        audit = AuditStore(store)
        assert "checksum" in store.db.table("audit_forms").columns_dict
        assert audit_damage(store.db) is None
        assert len(audit.forms(audit.sample_id("S"))) == 2
    con = sqlite3.connect(sample_db)
    (last,) = con.execute("select max(id) from audit_needs where form_id = 2").fetchone()
    con.close()
    _flip_one_letter(sample_db, need_id=last)
    with Store(sample_db) as store, pytest.raises(StoreError, match="audit form 2"):
        store.check()
