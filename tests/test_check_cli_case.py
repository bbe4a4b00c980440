"""`needs-led check --case REF --holder NAME` as a supervisor or a script uses it: a case
stored in a real database file (through `needs-led import`), real processes."""

from __future__ import annotations

import json

import pytest

from assistant.model import Case, Person
from tests.helpers import run_cli


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("checkcase")
    case = Case(reference="NL-W6-CLI", story="Bronwen's partner Gethin moved in last year. "
                "Police came after rows. Ifor, 14, is out late with older lads.",
                people=[Person(role="mother", name="Bronwen", age=38),
                        Person(role="child", name="Ifor", age=14, sex="male"),
                        Person(role="grandparent", name="Emrys", age=72, sex="male")])
    path = folder / "case.json"
    path.write_text(case.model_dump_json(), encoding="utf-8")
    env = {"NEEDS_LED_DB": str(folder / "cases.db")}
    done = run_cli("import", str(path), env=env)
    assert done.returncode == 0, done.stderr
    return env


def test_a_stored_case_shapes_the_rewrites_and_the_json_only_gains_fields(
        db: dict[str, str]) -> None:
    done = run_cli("check", "--json", "--case", "NL-W6-CLI", "--holder", "Bronwen",
                   "She needs support.", "Bronwen needs to be up by 7 to walk Ifor to the "
                   "Garth school.", env=db)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) == 2
    for row in rows:  # the contract's fields are all there; new ones only add
        assert {"text", "stage", "kinds", "findings"} <= set(row)
        for f in row["findings"]:
            assert {"rule", "kind", "severity", "start", "end", "match", "message", "why",
                    "questions", "suggestions", "context"} <= set(f)
    offered = [s for f in rows[0]["findings"] for s in f["suggestions"]]
    # a mother of 38: her own statements, nothing the case lacks
    assert offered and all(s.startswith("Bronwen needs") for s in offered), offered
    assert not any(w in s for s in offered for w in ("baby", "died", "death")), offered
    assert rows[1]["kinds"] == [] and rows[1]["note"]


@pytest.mark.parametrize(("args", "says"), [
    (["--case", "NL-NOPE-9", "Ifor needs help."], "no case with reference 'NL-NOPE-9'"),
    (["--case", "NL-W6-CLI", "--holder", "Zed", "Zed needs help."], "not one of the people"),
    (["--case", "NL-W6-CLI", "--holder", "\x1b[31m", "x needs help."], "not one of the people"),
])
def test_a_case_or_holder_that_is_not_there_is_one_line_and_bad_usage(
        db: dict[str, str], args: list[str], says: str) -> None:
    """Exit status 2 on bad usage, as the check contract says (not 1, a damaged file)."""
    done = run_cli("check", *args, env=db)
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert says in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_a_statement_copied_from_coloured_output_is_read_for_its_words() -> None:
    """A statement pasted from a coloured terminal carries escape sequences: removed whole,
    not leaving "[31m" glued to the word the coach must read; nothing else is lost."""
    done = run_cli("check", "--json", "Kai needs \x1b[31mcounselling\x1b[0m.",
                   "Kai needs \x1b]0;title\x07a Varrow\x1b[1;33m mentor\x1b[m.",
                   "Kai needs [31] counselling sessions.")
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["text"] for r in rows] == ["Kai needs counselling.", "Kai needs a Varrow mentor.",
                                         "Kai needs [31] counselling sessions."]
    assert all("service" in r["kinds"] for r in rows), rows
