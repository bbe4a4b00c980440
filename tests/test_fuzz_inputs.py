"""Property-based fuzzing of what a person feeds the CLI: bad input never becomes a traceback.

Hypothesis generates arguments (any bytes, as a shell passes them), case files and
audit-form files (valid ones mutated at random places: huge numbers, odd digits, control
characters, bare CRs, byte-order marks, UTF-16, truncation) and runs ``check``, ``import``
and ``audit add`` in-process through :func:`assistant.cli.main`, as the console script does.
The properties: an exit status of 0, 1 or 2, never an exception; at most one line per
problem on stderr; an import that fails leaves the database as it was.

Bounded in time: a fixed number of examples per property, derandomised so CI runs the same
examples every time, with a per-example deadline.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.audit.csvcodec import write_csv
from assistant.audit.redaction import audit_form_from_case
from assistant.cli import main
from assistant.model import Case
from tests.helpers import CONTENT, FIXTURES

FUZZ = settings(max_examples=40, deadline=timedelta(seconds=20), derandomize=True,
                database=None, suppress_health_check=[HealthCheck.too_slow,
                                                      HealthCheck.function_scoped_fixture])
CASE_JSON = (FIXTURES / "case.json").read_text(encoding="utf-8")
CASE = Case.model_validate_json(CASE_JSON)


def argv_text() -> st.SearchStrategy[str]:
    """What the shell hands Python: bytes, with those that are not UTF-8 as surrogates."""
    return st.one_of(
        st.binary(max_size=40).map(lambda b: os.fsdecode(b)),
        st.text(max_size=40),
        st.sampled_from(["\x1b[31mred", "need\u00b2", "9" * 5000, "\r", "\ufeffKayla",
                         "Kayla needs \udcff help"]),
    ).filter(lambda s: "\x00" not in s)


# Stands for a 5,000-digit number, which Python will not even write (see dumps()).
HUGE = "__a number of 5,000 digits__"

# values put in place of a field: the shapes that have crashed readers before
ODD_VALUES = st.one_of(
    st.integers(), st.just(HUGE), st.floats(allow_nan=True), st.booleans(),
    st.none(), st.text(max_size=30), st.sampled_from(["²", "\r", "a\rb", "\x1b[2J", "1e999"]),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(),
                                                         max_size=2),
)


def dumps(value: Any, **kwargs: Any) -> str:
    """JSON text, with each HUGE as a bare 5,000-digit number."""
    return json.dumps(value, **kwargs).replace(json.dumps(HUGE), "9" * 5000)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*prefix, index))
    return found


@st.composite
def mutated_json(draw: st.DrawFn, original: Any) -> Any:
    """``original`` with a few values (or whole branches) replaced by odd ones."""
    data = json.loads(json.dumps(original))
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = draw(ODD_VALUES)
    return data


def encodings(text: str) -> st.SearchStrategy[bytes]:
    """The same text as different editors save it, or cut short, or with a byte flipped."""
    raw = text.encode("utf-8", "surrogatepass")
    return st.one_of(
        st.just(raw),
        st.just(b"\xef\xbb\xbf" + raw),
        st.just(text.encode("utf-16", "surrogatepass")),
        st.integers(0, max(len(raw) - 1, 0)).map(lambda n: raw[:n]),
        st.tuples(st.integers(0, max(len(raw) - 1, 0)), st.integers(0, 255)).map(
            lambda t: raw[:t[0]] + bytes([t[1]]) + raw[t[0] + 1:]),
    )


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(args)  # an exception escaping here is the failure being looked for
    err = capsys.readouterr().err
    assert code in (0, 1, 2), (code, err)
    assert "Traceback" not in err
    return code, err


def _revisions(db: Path) -> list[tuple[Any, ...]]:
    if not db.exists():
        return []
    con = sqlite3.connect(db)
    try:
        return con.execute("select reference, number, body from revisions").fetchall()
    finally:
        con.close()


@settings(FUZZ, max_examples=20)  # each loads the coach's content: fewer, wider examples
@given(st.lists(argv_text(), min_size=1, max_size=4), argv_text())
def test_check_never_crashes_on_any_argument(capsys: pytest.CaptureFixture[str],
                                            statements: list[str], holder: str) -> None:
    statements = [s if s != "-" else "x" for s in statements]
    _run(["check", "--pipeline", "blank", "--holder", holder, "--", *statements], capsys)


@FUZZ
@given(st.data())
def test_import_never_crashes_and_a_failed_import_changes_nothing(
        capsys: pytest.CaptureFixture[str], data: st.DataObject) -> None:
    original = json.loads(CASE_JSON)
    case = data.draw(st.one_of(mutated_json(original), st.just(original)))
    payload = data.draw(encodings(dumps(case, ensure_ascii=False)))
    name = data.draw(argv_text().filter(lambda s: "/" not in s and s not in ("", ".", "..")))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / (name[:60] + ".json")
        try:
            path.write_bytes(payload)
        except OSError:  # a name this file system will not take: the file is another
            path = Path(folder) / "case.json"
            path.write_bytes(payload)
        db = Path(folder) / "cases.db"
        _run(["--db", str(db), "import", str(path)], capsys)  # creates the file
        before = _revisions(db)
        changed = data.draw(mutated_json(original))
        path.write_bytes(data.draw(encodings(dumps(changed))))
        code, err = _run(["--db", str(db), "import", str(path)], capsys)
        if code != 0:
            assert _revisions(db) == before, err


@FUZZ
@given(st.data())
def test_audit_add_never_crashes_on_any_form_file(capsys: pytest.CaptureFixture[str],
                                                 data: st.DataObject) -> None:
    form = audit_form_from_case(CASE, "A. Auditor", date(2026, 11, 20), content=CONTENT)
    if data.draw(st.booleans()):
        text = dumps(data.draw(mutated_json(json.loads(form.model_dump_json()))))
        suffix = ".json"
    else:
        lines = write_csv([form]).split("\r\n")
        header, row = lines[0].split(","), lines[1]
        cells = row.split(",")
        for _ in range(data.draw(st.integers(1, 3))):
            at = data.draw(st.integers(0, len(cells) - 1))
            cell = data.draw(st.one_of(ODD_VALUES.map(lambda v: "9" * 5000 if v == HUGE
                                                      else str(v)), st.just('"a\rb"'),
                                       st.just('"' + "9" * 5000 + '"')))
            cells[at] = cell
        text = "\r\n".join([",".join(header), ",".join(cells), *lines[2:]])
        suffix = ".csv"
    payload = data.draw(encodings(text))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"forms{suffix}"
        path.write_bytes(payload)
        db = Path(folder) / "cases.db"
        _run(["--db", str(db), "audit", "new", "S"], capsys)
        _run(["--db", str(db), "audit", "add", "S", str(path)], capsys)
