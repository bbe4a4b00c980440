"""`needs-led check` as a person or a script uses it: real processes, real pipelines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import run_cli


def _json_lines(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def test_statements_as_arguments_print_json_in_input_order() -> None:
    result = run_cli("check", "--json", "Kayla needs counselling.",
                     "Kayla needs to come to terms with the death of her father.",
                     "Child needs a paediatric assessment.")
    assert result.returncode == 0, result.stderr
    rows = _json_lines(result.stdout)
    assert [r["kinds"] for r in rows] == [["service"], [], ["assessment"]]
    assert rows[0]["text"] == "Kayla needs counselling."
    assert rows[0]["stage"] == "need"
    finding = rows[0]["findings"][0]
    assert finding["rule"] == "service-named" and finding["match"] == "needs counselling"
    assert (finding["start"], finding["end"]) == (6, 23)
    assert "What would counselling help Kayla to do, understand or feel?" in finding["questions"]
    assert finding["context"] == {"negated": False, "hypothetical": False, "quoted": False,
                                  "other_person": False}


def test_linter_lines_without_json() -> None:
    result = run_cli("check", "Sam needs to be happy.", "Sam needs his own bed.",
                     "Mum needs a mentor.")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("1:5 universal ")
    assert lines[0].endswith("[universal-state]")
    assert lines[1].startswith("3:5 service ")
    assert len(lines) == 2


def test_at_a_terminal_a_statement_with_nothing_flagged_says_what_it_reads() -> None:
    """Silence reads as approval to a student: at a terminal every statement says
    something (what it reads, or the framework's question); a pipe keeps the linter's
    findings only (the test above)."""
    import os
    import pty
    import subprocess
    import sys

    from tests.helpers import ROOT

    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "assistant", "check", "Sam needs his own bed.",
             "Mum needs a mentor."], stdout=follower, stderr=subprocess.PIPE, cwd=ROOT,
            timeout=120, check=False)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed: everything is read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    lines = b"".join(chunks).decode().splitlines()
    assert done.returncode == 0
    assert lines[0].startswith("1: Reads as specific: it names what Sam needs"), lines
    assert lines[1].startswith("2:5 service "), lines
    assert len(lines) == 2


def test_explain_adds_why_questions_and_rewrites() -> None:
    result = run_cli("check", "--explain", "Kayla needs counselling.")
    assert "    ? What would counselling help Kayla to do, understand or feel?" in result.stdout
    assert "    try: Kayla needs" in result.stdout
    assert "    why: " in result.stdout


def test_a_file_and_standard_input_one_statement_per_line(tmp_path: Path) -> None:
    path = tmp_path / "needs.txt"
    path.write_text("Tyler needs a mentor.\n\nTyler needs to walk away from fights.\n",
                    encoding="utf-8")
    from_file = run_cli("check", "--json", "--file", str(path))
    from_stdin = run_cli("check", "--json", "-", stdin=path.read_text(encoding="utf-8"))
    assert from_file.returncode == from_stdin.returncode == 0
    assert from_file.stdout == from_stdin.stdout
    assert [r["kinds"] for r in _json_lines(from_file.stdout)] == [["service"], []]
    text = run_cli("check", "--file", str(path))
    assert text.stdout.startswith("1:7 service ")
    crlf = run_cli("check", "--json", "-", stdin="Mum needs support.\r\nMum needs a mentor.\r\n")
    assert [r["text"] for r in _json_lines(crlf.stdout)] == ["Mum needs support.",
                                                            "Mum needs a mentor."]


def test_outcome_and_work_stages() -> None:
    outcome = run_cli("check", "--json", "--stage", "outcome",
                      "Dad will attend all sessions of the Freedom Programme.",
                      "By the July review Jackie will have above 90% attendance.")
    rows = _json_lines(outcome.stdout)
    assert "service" in rows[0]["kinds"] and rows[1]["kinds"] == []
    work = run_cli("check", "--json", "--stage", "work", "Weekly sessions on routines.")
    assert set(_json_lines(work.stdout)[0]["kinds"]) == {"no-responsible", "no-start"}


def test_the_blank_pipeline_is_announced_on_stderr_and_still_checks() -> None:
    for args, env in ((["--pipeline", "blank"], None), ([], {"NEEDS_LED_PIPELINE": "blank"})):
        result = run_cli("check", *args, "--json", "Kayla needs counselling.", env=env)
        assert result.returncode == 0
        assert "reduced mode" in result.stderr
        assert _json_lines(result.stdout)[0]["kinds"] == ["service"]
    unknown = run_cli("check", "--pipeline", "not_a_pipeline_zz", "Kayla needs counselling.")
    assert unknown.returncode == 0
    assert "not_a_pipeline_zz" in unknown.stderr and "reduced mode" in unknown.stderr


@pytest.mark.parametrize(("args", "stdin", "message"), [
    ((), None, "give statements"),
    (("--file", "/no/such/file.txt"), None, "no such file"),
    (("--stage", "plan", "x"), None, "invalid choice"),
    (("-", "-"), "x\n", "only once"),
])
def test_bad_usage_or_unreadable_input_exits_2(args: tuple[str, ...], stdin: str | None,
                                               message: str) -> None:
    result = run_cli("check", *args, stdin=stdin)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_a_folder_or_unreadable_file_exits_2_naming_the_line(tmp_path: Path) -> None:
    """A byte neither UTF-8 nor Windows-1252 reads (0x81) stops the check with its line
    named, after the statements before it were checked and shown."""
    assert run_cli("check", "--file", str(tmp_path)).returncode == 2
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Kayla needs counselling.\n\x81 oops\n")
    result = run_cli("check", "--file", str(bad))
    assert result.returncode == 2
    assert "line 2: not UTF-8" in result.stderr and "Traceback" not in result.stderr
    assert "1:" in result.stdout and "counselling" in result.stdout


def test_a_windows_1252_line_is_read_with_a_warning(tmp_path: Path) -> None:
    """Word and Excel on Windows save "plain text" as Windows-1252: the line is read as
    that, and the warning names it."""
    path = tmp_path / "cp1252.txt"
    path.write_bytes("Leo needs counselling.\nJoé needs a mentor.\n".encode("cp1252"))
    result = run_cli("check", "--json", "--file", str(path))
    assert result.returncode == 0, result.stderr
    rows = _json_lines(result.stdout)
    assert [r["line"] for r in rows] == [1, 2]
    assert "Joé" in rows[1]["text"]
    assert "line 2: not UTF-8" in result.stderr and "Windows-1252" in result.stderr


def test_control_characters_are_neutralised() -> None:
    result = run_cli("check", "--json", "Kayla needs counselling \x1b[0m")
    row = _json_lines(result.stdout)[0]
    assert "\x1b" not in row["text"] and row["kinds"] == ["service"]


@pytest.mark.slow
def test_many_lines_stream_through_in_order(tmp_path: Path) -> None:
    lines = [f"Child {n} needs counselling." if n % 3 == 0 else f"Child {n} needs a hug."
             for n in range(3000)]
    result = run_cli("check", "--pipeline", "blank", "--json", "-", stdin="\n".join(lines))
    assert result.returncode == 0
    rows = _json_lines(result.stdout)
    assert [r["text"] for r in rows] == lines
    assert sum(1 for r in rows if r["kinds"] == ["service"]) == 1000


def test_json_objects_carry_their_line_so_blank_lines_do_not_misalign(tmp_path: Path) -> None:
    path = tmp_path / "gaps.txt"
    path.write_text("Kayla needs counselling.\n\n   \nSam needs to be safe.\n", encoding="utf-8")
    rows = [json.loads(line) for line in
            run_cli("check", "--json", "--file", str(path)).stdout.splitlines()]
    assert [(r["line"], r["kinds"]) for r in rows] == [(1, ["service"]), (4, ["universal"])]
    args = run_cli("check", "--json", "Kayla needs counselling.", "", "Sam needs to be safe.")
    assert [json.loads(line)["line"] for line in args.stdout.splitlines()] == [1, 3]


def test_a_megabyte_line_is_read_up_to_the_limit_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "paste.txt"
    path.write_text("Sam needs to be safe. " * 50_000 + "\nKayla needs counselling.\n",
                    encoding="utf-8")
    result = run_cli("check", "--json", "--file", str(path))
    assert result.returncode == 0, result.stderr
    assert "line 1: 1,099,999 characters; only the first 20,000 are checked" in result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["kinds"] for r in rows] == [["universal"], ["service"]]


def test_control_characters_in_the_holder_never_reach_the_terminal() -> None:
    result = run_cli("check", "--explain", "--holder", "\x1b[31mX", "needs counselling")
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "[31mX" in result.stdout


@pytest.mark.parametrize(("args", "stdin"), [(["", "  "], None), (["-"], "\n \n\t\n")])
def test_nothing_but_empty_statements_is_an_error_not_silence(args: list[str],
                                                               stdin: str | None) -> None:
    """An empty answer printed nothing and exited 0: a script read that as "all clear"."""
    result = run_cli("check", *args, stdin=stdin)
    assert result.returncode == 2, result
    assert "nothing to check" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_placeholder_is_said_to_be_one_not_judged_or_read_as_specific() -> None:
    """"see above" read as specific ("it says what the person needs to do") and "TBC" as
    a service: a form's placeholder is not a statement (framework/words/context.yml)."""
    result = run_cli("check", "--json", "see above", "TBC", "n/a.", "Sam needs counselling.")
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    for report in reports[:3]:
        assert report["kinds"] == [] and report["findings"] == [], report
        assert "is a placeholder, not a statement" in report["note"], report
    assert reports[3]["kinds"] == ["service"], "a statement is still judged"
