"""The CLI as a person uses it: real subprocesses, a real database file, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.model import SCHEMA_VERSION
from tests.helpers import FIXTURES, ROOT, run_cli

FIXTURE = str(FIXTURES / "case.json")


def test_help_lists_commands_and_imports_neither_spacy_nor_textual() -> None:
    code = (
        "import sys\n"
        "from assistant.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit as e:\n    assert e.code == 0\n"
        "heavy = sorted(m for m in ('spacy', 'textual', 'pydantic', 'sqlite_utils') "
        "if m in sys.modules)\n"
        "print('HEAVY', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stdout
    for command in ("cases", "import", "export-json", "history", "schema"):
        assert command in result.stdout


def test_version() -> None:
    from assistant import __version__

    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"needs-led {__version__}"


def test_usage_errors_exit_2_with_one_line() -> None:
    for args in (["frobnicate"], ["history"], ["restore", "NL-1", "three"], ["cases", "--bogus"]):
        result = run_cli(*args)
        assert result.returncode == 2, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("needs-led: error: "), result.stderr
        assert "Traceback" not in result.stderr


def test_import_list_export_round_trip(tmp_path: Path) -> None:
    result = run_cli("import", FIXTURE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "imported NL-2026-014 as revision 1"

    listed = run_cli("cases", "--json")
    rows = json.loads(listed.stdout)
    assert [(r["reference"], r["revision"]) for r in rows] == [("NL-2026-014", 1)]
    assert "NL-2026-014" in run_cli("cases").stdout

    out = tmp_path / "out.json"
    assert run_cli("export-json", "NL-2026-014", "--out", str(out)).returncode == 0
    assert out.read_text() == Path(FIXTURE).read_text()
    assert run_cli("export-json", "NL-2026-014").stdout == Path(FIXTURE).read_text()


def test_export_never_overwrites_without_force(tmp_path: Path) -> None:
    run_cli("import", FIXTURE)
    out = tmp_path / "keep.json"
    out.write_text("precious")
    result = run_cli("export-json", "NL-2026-014", "--out", str(out))
    assert result.returncode == 2
    assert "already exists (use --force" in result.stderr
    assert out.read_text() == "precious"
    assert run_cli("export-json", "NL-2026-014", "--out", str(out), "--force").returncode == 0
    assert out.read_text().startswith("{")


def test_history_and_restore(tmp_path: Path) -> None:
    run_cli("import", FIXTURE)
    edited = json.loads(Path(FIXTURE).read_text())
    edited["story"] = "A shorter story."
    second = tmp_path / "edited.json"
    second.write_text(json.dumps(edited))
    refused = run_cli("import", str(second))
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert "NL-2026-014 is already stored (revision 1 of NL-2026-014, saved" in refused.stderr
    assert "add --replace to save" in refused.stderr and "as revision 2" in refused.stderr
    assert run_cli("import", str(FIXTURE)).stdout.strip() == "imported NL-2026-014 as revision 1"
    assert (run_cli("import", "--replace", str(second)).stdout.strip()
            == "imported NL-2026-014 as revision 2; supersedes revision 1")

    history = json.loads(run_cli("history", "NL-2026-014", "--json").stdout)
    assert [h["number"] for h in history] == [1, 2]
    assert history[1]["note"] == "imported from edited.json"

    restored = run_cli("restore", "NL-2026-014", "1")
    assert restored.stdout.strip() == "restored revision 1 of NL-2026-014 as revision 3"
    assert run_cli("export-json", "NL-2026-014").stdout == Path(FIXTURE).read_text()


def test_unreadable_input_is_exit_2(tmp_path: Path) -> None:
    result = run_cli("import", str(tmp_path / "missing.json"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"needs-led: error: {tmp_path / 'missing.json'}: no such file"


def test_an_invalid_case_file_is_explained_and_nothing_is_saved(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    data = json.loads(Path(FIXTURE).read_text())
    data["needs"][0]["outcomes"][0]["target_date"] = "next spring"
    data["people"][0]["role"] = "cousin-in-law"
    bad.write_text(json.dumps(data))
    result = run_cli("import", FIXTURE, str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Need 1, outcome 1, target date: is not a date" in result.stderr
    assert "Person 1, role: 'cousin-in-law' is not one of" in result.stderr
    assert json.loads(run_cli("cases", "--json").stdout) == []

    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json")
    result = run_cli("import", str(garbage))
    assert result.returncode == 1 and "Invalid JSON" in result.stderr


def test_a_damaged_database_is_one_line_and_exit_1(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"\x00garbage" * 500)
    result = run_cli("--db", str(damaged), "cases")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "damaged" in result.stderr
    assert damaged.read_bytes() == b"\x00garbage" * 500


def test_db_option_and_environment(tmp_path: Path) -> None:
    chosen = tmp_path / "chosen.db"
    assert run_cli("import", FIXTURE, "--db", str(chosen)).returncode == 0
    assert chosen.exists()
    via_env = run_cli("cases", "--json", env={"NEEDS_LED_DB": str(chosen)})
    assert len(json.loads(via_env.stdout)) == 1


def test_schema_is_json_schema_with_the_version() -> None:
    result = run_cli("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "Case"
    assert "schema_version" in schema["properties"]
    assert f"schema version {SCHEMA_VERSION}" in schema["description"]


def test_a_broken_content_file_is_reported_by_path_and_line(tmp_path: Path) -> None:
    framework = tmp_path / "content" / "framework"
    framework.mkdir(parents=True)
    source = (Path(__file__).parent.parent / "framework" / "framework.yml").read_text()
    broken = source.replace("  - id: moderate", "  - idd: moderate")
    (framework / "framework.yml").write_text(broken)
    result = run_cli("--content", str(tmp_path / "content"), "import", FIXTURE)
    assert result.returncode == 1
    line = source.splitlines().index("  - id: moderate") + 1
    assert f"framework.yml:{line}: seriousness.1.idd: unknown key" in result.stderr


def test_export_json_writes_an_owner_only_file(tmp_path: Path) -> None:
    run_cli("import", FIXTURE)
    out = tmp_path / "case.json"
    assert run_cli("export-json", "NL-2026-014", "--out", str(out)).returncode == 0
    assert out.stat().st_mode & 0o777 == 0o600
    folder = tmp_path / "folder.json"
    folder.mkdir()
    into_folder = run_cli("export-json", "NL-2026-014", "--out", str(folder / "x" / "y.json"))
    assert into_folder.returncode == 0, into_folder.stderr


def test_an_invalid_file_among_several_is_named(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run_cli("import", FIXTURE, str(empty))
    assert result.returncode == 1
    assert result.stderr.startswith(f"needs-led: error: {empty}: Invalid JSON")
    assert "nothing was imported" in result.stderr
    assert json.loads(run_cli("cases", "--json").stdout) == []


def test_without_a_terminal_the_app_does_not_start() -> None:
    # stdin and stdout are pipes here: the TUI would hang writing escape codes.
    result = run_cli(stdin="")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "needs a terminal" in result.stderr
    assert "commands:" in result.stderr  # the help says what to run instead
    shuffle = run_cli("audit", "shuffle", "May", stdin="")
    assert shuffle.returncode == 2
    assert "the shuffle needs a terminal" in shuffle.stderr


@pytest.mark.parametrize("group", ["audit", "practice", "workshop"])
def test_a_group_named_alone_lists_its_commands_the_same_way(group: str) -> None:
    result = run_cli(group)
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"{group} commands:" in result.stderr


def test_a_closed_pipe_ends_quietly() -> None:
    # `needs-led practice list | head -0`: the reader has gone before the first line.
    process = subprocess.Popen(
        [sys.executable, "-m", "assistant", "schema"], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait() == 141
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_history_labels_what_changed_and_diffs_any_two_revisions(tmp_path: Path) -> None:
    run_cli("import", FIXTURE)
    edited = json.loads(Path(FIXTURE).read_text())
    edited["needs"][1]["wording"] = "Tyler needs to be home by 9pm on school nights."
    edited["needs"][0]["outcomes"][0]["target_date"] = "2027-03-01"
    second = tmp_path / "edited.json"
    second.write_text(json.dumps(edited))
    assert run_cli("import", "--replace", str(second)).returncode == 0

    history = run_cli("history", "NL-2026-014").stdout.splitlines()
    assert "case started" in history[0]
    assert "Outcome 1.1 date changed; Need 2 reworded" in history[1]

    result = run_cli("history", "NL-2026-014", "--diff", "1", "2")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "NL-2026-014: revision 1 to revision 2: 2 changes"
    assert "  Need 2 reworded" in lines
    assert "    now: Tyler needs to be home by 9pm on school nights." in lines
    assert "    was: 15 Feb 2027" in lines and "    now: 1 Mar 2027" in lines
    same = run_cli("history", "NL-2026-014", "--diff", "2", "2")
    assert "0 changes" in same.stdout
    missing = run_cli("history", "NL-2026-014", "--diff", "1", "9")
    assert missing.returncode == 1 and "has no revision 9" in missing.stderr
