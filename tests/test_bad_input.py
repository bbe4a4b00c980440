"""Bad input is one line and an exit status, never a traceback; an import never silently
replaces a stored case; stored text from another tool is cleaned on its way to a terminal.

Everything runs the real CLI in a subprocess, with arguments as raw bytes where a shell
would pass bytes that are not UTF-8.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from assistant.audit.csvcodec import write_csv
from assistant.audit.redaction import audit_form_from_case
from assistant.model import Case
from tests.helpers import CONTENT, FIXTURES, ROOT, run_cli


def run_bytes(*args: str | bytes, db: Path) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "NEEDS_LED_DB": str(db)}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True,
                          env=env, cwd=ROOT, timeout=120)


@pytest.mark.parametrize("args", [
    ("check", b"Kayla needs \xff\xfe help"),
    ("history", b"NL-\xff"),
    ("export-json", b"NL-\xff"),
    ("restore", b"NL-\xff", "1"),
    ("audit", "new", b"sample \xff"),
    ("import", b"/nowhere/\xff.json"),
    ("export", b"\xff", "-f", "all"),
    ("--db", b"/nowhere/\xff/cases.db", "cases"),
])
def test_invalid_utf8_in_any_argument_is_never_a_traceback(
        args: tuple[str | bytes, ...], tmp_path: Path) -> None:
    result = run_bytes(*args, db=tmp_path / "cases.db")
    err = result.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in result.stderr, err
    assert result.returncode in (0, 1, 2)
    if result.returncode:
        assert err.count("\n") == 1, err


def test_a_file_name_that_is_not_utf8_still_imports(tmp_path: Path) -> None:
    """File names are kept as bytes (the file is found); only the note shows U+FFFD."""
    name = os.fsencode(tmp_path) + b"/case-\xff.json"
    with open(name, "wb") as handle:
        handle.write((FIXTURES / "case.json").read_bytes())
    result = run_bytes("import", name, db=tmp_path / "cases.db")
    assert result.returncode == 0, result.stderr
    history = run_cli("history", "NL-2026-014", "--json",
                      env={"NEEDS_LED_DB": str(tmp_path / "cases.db")})
    assert json.loads(history.stdout)[0]["note"] == "imported from case-\ufffd.json"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_case_files_with_a_byte_order_mark_import(encoding: str, tmp_path: Path) -> None:
    text = (FIXTURES / "case.json").read_text(encoding="utf-8")
    path = tmp_path / "case.json"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    result = run_cli("import", str(path), env={"NEEDS_LED_DB": str(tmp_path / "c.db")})
    assert result.returncode == 0, result.stderr
    exported = run_cli("export-json", "NL-2026-014", env={"NEEDS_LED_DB": str(tmp_path / "c.db")})
    assert exported.stdout == text


def test_a_case_file_in_latin1_is_one_line_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes((FIXTURES / "case.json").read_text().replace("Kayla", "Kayl\u00e9")
                     .encode("latin-1"))
    result = run_cli("import", str(path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "not UTF-8 text" in result.stderr


# --- audit add: the three crashes, and files as editors save them ------------------------


@pytest.fixture
def form_csv(case: Case) -> list[str]:
    form = audit_form_from_case(case, "A. Auditor", date(2026, 11, 20), content=CONTENT)
    return write_csv([form]).split("\r\n")


def _audit_add(tmp_path: Path, name: str, data: bytes) -> subprocess.CompletedProcess[str]:
    env = {"NEEDS_LED_DB": str(tmp_path / "audit.db")}
    run_cli("audit", "new", "S", env=env)
    path = tmp_path / name
    path.write_bytes(data)
    return run_cli("audit", "add", "S", str(path), env=env)


def _cell(lines: list[str], column: str, value: str) -> str:
    """The form's first need as CSV, with one cell set to ``value`` (quoted as needed)."""
    header, first = list(csv.reader(io.StringIO("\r\n".join(lines[:2]))))[:2]
    first[header.index(column)] = value
    out = io.StringIO()
    csv.writer(out).writerows([header, first])
    return out.getvalue()


def test_a_need_number_in_superscript_is_read_as_its_position(
        form_csv: list[str], tmp_path: Path) -> None:
    result = _audit_add(tmp_path, "sup.csv", _cell(form_csv, "need_number", "²").encode())
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)


def test_a_5000_digit_level_is_one_problem(form_csv: list[str], case: Case,
                                          tmp_path: Path) -> None:
    result = _audit_add(tmp_path, "big.csv", _cell(form_csv, "level_of_need", "9" * 5000)
                        .encode())
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "big.csv:2:" in result.stderr and "level of need" in result.stderr
    form = audit_form_from_case(case, "A. Auditor", date(2026, 11, 20), content=CONTENT)
    text = re.sub(r'"level_of_need":\s*(null|\d+)', '"level_of_need":' + "9" * 5000,
                  form.model_dump_json())
    result = _audit_add(tmp_path, "big.json", text.encode())
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "big.json:1: not valid JSON (a number too long to read)" in result.stderr


def test_a_bare_cr_inside_a_quoted_cell_is_a_line_break(form_csv: list[str],
                                                      tmp_path: Path) -> None:
    text = _cell(form_csv, "wording", "Child 1 needs to sleep.\rShe is tired at school.")
    assert '"Child 1 needs to sleep.\rShe' in text
    result = _audit_add(tmp_path, "cr.csv", text.encode())
    assert result.returncode == 0, result.stderr
    con = sqlite3.connect(tmp_path / "audit.db")
    (wording,) = con.execute("select wording from audit_needs").fetchone()
    assert wording == "Child 1 needs to sleep.\nShe is tired at school."


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_audit_files_with_a_byte_order_mark_import(form_csv: list[str], case: Case,
                                                 encoding: str, tmp_path: Path) -> None:
    form = audit_form_from_case(case, "A. Auditor", date(2026, 11, 20), content=CONTENT)
    result = _audit_add(tmp_path, "bom.json", form.model_dump_json().encode(encoding))
    assert result.returncode == 0, result.stderr
    result = _audit_add(tmp_path, "bom.csv", "\r\n".join(form_csv).encode(encoding))
    assert result.returncode == 0, result.stderr
    assert "1 already in the sample" in result.stdout


# --- import never silently replaces work -------------------------------------------------


def _edited(tmp_path: Path) -> Path:
    data = json.loads((FIXTURES / "case.json").read_text())
    data["story"] = "The workshop pack's version of the story."
    path = tmp_path / "pack.json"
    path.write_text(json.dumps(data))
    return path


def test_import_over_a_stored_case_without_a_terminal_refuses(tmp_path: Path) -> None:
    assert run_cli("import", str(FIXTURES / "case.json")).returncode == 0
    result = run_cli("import", str(_edited(tmp_path)), str(FIXTURES / "case.json"))
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "NL-2026-014 is already stored (revision 1" in result.stderr
    assert "nothing was imported (add --replace" in result.stderr
    history = json.loads(run_cli("history", "NL-2026-014", "--json").stdout)
    assert len(history) == 1


def _with_terminal(args: list[str], answer: bytes, db: Path) -> tuple[int, str, str]:
    """Run the CLI with a real pseudo-terminal as standard input, and answer its question."""
    controller, terminal = pty.openpty()
    env = {**os.environ, "NEEDS_LED_DB": str(db)}
    proc = subprocess.Popen([sys.executable, "-m", "assistant", *args], stdin=terminal,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    os.close(terminal)
    os.write(controller, answer)
    out, err = proc.communicate(timeout=120)
    os.close(controller)
    return proc.returncode, out.decode(), err.decode()


@pytest.mark.parametrize(("answer", "revisions"), [(b"y\n", 2), (b"n\n", 1), (b"\n", 1)])
def test_import_over_a_stored_case_on_a_terminal_asks(
        answer: bytes, revisions: int, tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    assert run_cli("import", str(FIXTURES / "case.json"),
                   env={"NEEDS_LED_DB": str(db)}).returncode == 0
    code, out, err = _with_terminal(["import", str(_edited(tmp_path))], answer, db)
    assert code == 0, err
    assert "NL-2026-014 is already stored (revision 1 of NL-2026-014, saved" in out
    assert "as revision 2? (revision 1 stays in its history) [y/N]" in out
    if revisions == 2:
        assert "imported NL-2026-014 as revision 2; supersedes revision 1" in out
    else:
        assert "skipped" in err
    history = json.loads(run_cli("history", "NL-2026-014", "--json",
                                 env={"NEEDS_LED_DB": str(db)}).stdout)
    assert len(history) == revisions


def test_reimporting_the_same_case_asks_nothing(tmp_path: Path) -> None:
    assert run_cli("import", str(FIXTURES / "case.json")).returncode == 0
    again = run_cli("import", str(FIXTURES / "case.json"))
    assert again.returncode == 0 and "as revision 1" in again.stdout


# --- stored text from another tool is cleaned on the way out -----------------------------


def test_cases_and_history_print_no_escape_sequences_from_the_database(
        tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    env = {"NEEDS_LED_DB": str(db)}
    assert run_cli("import", str(FIXTURES / "case.json"), env=env).returncode == 0
    con = sqlite3.connect(db)
    con.execute("update cases set summary = summary || ?", ["\x1b[2J\x1b]0;title\x07\x9b31m"])
    con.execute("update revisions set note = ?, saved_at = ?",
                ["\x1b[31mred\x1b[0m", "2026-11-20T10:00:00\x1b[5m"])
    con.commit()
    con.close()
    for args in (["cases"], ["cases", "--json"], ["history", "NL-2026-014"],
                 ["history", "NL-2026-014", "--json"]):
        result = run_cli(*args, env=env)
        assert result.returncode == 0, result.stderr
        for control in ("\x1b", "\x07", "\x9b"):
            assert control not in result.stdout, (args, result.stdout)
    assert "[31mred[0m" in run_cli("history", "NL-2026-014", env=env).stdout
