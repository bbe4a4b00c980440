"""The SQLite store: migrations, revisions, concurrency, damaged and locked files, file mode."""

from __future__ import annotations

import multiprocessing
import sqlite3
import stat
from pathlib import Path

import pytest

from assistant.model import Case
from assistant.store import Store, StoreError, migrations


def test_a_new_file_is_migrated_to_the_current_schema(db_path: Path) -> None:
    with Store(db_path) as store:
        assert set(store.db.table_names()) >= {"cases", "revisions", "drafts"}
        assert migrations.pending(store.db) == []
        assert store.db.execute("pragma journal_mode").fetchone()[0] == "wal"


def test_a_zero_byte_file_not_created_by_this_run_is_refused_untouched(db_path: Path) -> None:
    """An emptied file (a failed copy, a truncation) must not become a new empty database
    that hides the loss; one this process created and has not yet filled is its own."""
    db_path.touch()
    with pytest.raises(StoreError, match=r"empty \(0 bytes\)") as caught:
        Store(db_path)
    assert caught.value.kind == "damaged"
    assert db_path.stat().st_size == 0
    assert not Path(f"{db_path}-wal").exists()


def test_the_file_is_created_readable_by_its_owner_only(tmp_path: Path, case: Case) -> None:
    path = tmp_path / "new" / "folder" / "cases.db"
    with Store(path) as store:
        store.save(case)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for sidecar in path.parent.glob("cases.db-*"):
        assert stat.S_IMODE(sidecar.stat().st_mode) == 0o600


def test_every_revision_is_kept_and_can_be_restored(db_path: Path, case: Case) -> None:
    with Store(db_path) as store:
        assert store.save(case) == 1
        assert store.save(case) == 1, "an unchanged case adds no revision"
        changed = case.model_copy(deep=True)
        changed.needs[0].wording = "Kayla needs to be at school on time."
        assert store.save(changed, note="reworded") == 2
        assert [r.number for r in store.history(case.reference)] == [1, 2]
        assert store.history(case.reference)[1].note == "reworded"
        assert store.load(case.reference, 1) == case
        assert store.load(case.reference) == changed
        assert store.restore(case.reference, 1) == 3
        assert store.load(case.reference) == case
        assert store.history(case.reference)[2].note == "restored revision 1"
        assert store.cases()[0]["revision"] == 3


def test_missing_cases_and_revisions_are_clear(db_path: Path, case: Case) -> None:
    with Store(db_path) as store:
        with pytest.raises(StoreError, match="no case with reference 'NL-404'"):
            store.load("NL-404")
        store.save(case)
        with pytest.raises(StoreError, match="has no revision 7"):
            store.load(case.reference, 7)


def test_drafts_keep_text_not_yet_submitted(db_path: Path) -> None:
    with Store(db_path) as store:
        store.save_draft("NL-1", "need", "Sam needs to")
        store.save_draft("NL-1", "need", "Sam needs to sleep")
    with Store(db_path) as store:
        assert store.drafts("NL-1") == {"need": "Sam needs to sleep"}
        store.clear_draft("NL-1", "need")
        assert store.drafts("NL-1") == {}


def _save_many(path: str, prefix: str, count: int) -> None:
    with Store(path) as store:
        for i in range(count):
            case = Case(reference=f"{prefix}-{i % 3}", story=f"story {i}")
            store.save(case)


def test_two_processes_saving_different_cases_both_succeed(db_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_save_many, args=(str(db_path), p, 40)) for p in ("A", "B")]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0]
    with Store(db_path) as store:
        refs = {row["reference"]: row["revision"] for row in store.cases()}
    assert refs == {f"{p}-{i}": 14 - (i > 0) for p in "AB" for i in range(3)}


def test_a_corrupt_file_is_reported_and_left_untouched(db_path: Path) -> None:
    junk = b"this is not a database\n" * 200
    db_path.write_bytes(junk)
    with pytest.raises(StoreError, match="not a needs-led database or is damaged"):
        Store(db_path)
    assert db_path.read_bytes() == junk


def test_a_locked_database_is_a_clear_error_and_loses_nothing(db_path: Path, case: Case) -> None:
    with Store(db_path) as store:
        store.save(case)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with Store(db_path, timeout=0.2) as store, pytest.raises(StoreError, match="locked"):
            store.save(Case(reference="NL-2"))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with Store(db_path) as store:
        assert store.load(case.reference) == case
        assert not store.exists("NL-2")


def test_a_read_only_connection_is_a_clear_error(db_path: Path, case: Case) -> None:
    """Works as root too: SQLite's own read-only mode stands in for file permissions."""
    with Store(db_path) as store:
        store.save(case)
        store.db.execute("pragma query_only = 1")
        with pytest.raises(StoreError, match="read-only"):
            store.save(Case(reference="NL-2"))
        store.db.execute("pragma query_only = 0")
        assert store.load(case.reference) == case


def test_a_database_from_a_newer_version_is_refused(db_path: Path, case: Case) -> None:
    with Store(db_path) as store:
        store.save(case)
        store.db["_sqlite_migrations"].insert(
            {"migration_set": "needs-led", "name": "m999_from_the_future",
             "applied_at": "2027-01-05 10:00:00.000000+00:00"}
        )
    with pytest.raises(StoreError, match="written by a newer needs-led"):
        Store(db_path)


def test_a_folder_in_place_of_the_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path)


def test_another_programs_database_is_refused_untouched(db_path: Path) -> None:
    other = sqlite3.connect(db_path)
    other.execute("create table recipes (name text)")
    other.commit()
    other.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="another program's SQLite database"):
        Store(db_path)
    assert db_path.read_bytes() == before


def test_the_case_list_counts_in_words_that_agree() -> None:
    """"1 person, 1 need, 1 outcome, 1 work item", never "1 outcomes"."""
    from assistant.model import Need, Outcome, Person, WorkItem
    from assistant.store import summarise

    one = Case(reference="T-1", people=[Person(id="a", name="Ava", role="child")])
    assert summarise(one) == "1 person, 0 needs, 0 outcomes, 0 work items"
    need = Need(id="n", holder="a", wording="Ava needs to be in bed by nine.",
                outcomes=[Outcome(id="o", statement="By May, Ava will be in bed by nine.")],
                work=[WorkItem(id="w", action="Mum to read with Ava at eight each night.")])
    one.needs = [need]
    assert summarise(one) == "1 person, 1 need, 1 outcome, 1 work item"
