"""Where a problem is travels in typed fields (path, line, column, field), and the one line
a person reads is built from them in one place (``assistant.errors.located``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.audit.csvcodec import REQUIRED_CSV_COLUMNS, CsvError, forms_from_csv
from assistant.audit.readers import Problem, read_json_forms
from assistant.content import Content, ContentError, Strict, parse_yaml
from assistant.errors import ExportError, InputError, UserError, located, unreadable
from assistant.wording import Coach
from assistant.wording.rules import RuleSet


class Tiny(Strict):
    name: str
    sizes: list[int]


def test_the_one_line_is_built_from_the_fields() -> None:
    assert located("unknown key", "f.yml", 3, 5, "colour") == "f.yml:3: colour: unknown key"
    assert located("missing content file", Path("a/b.yml")) == "a/b.yml: missing content file"
    assert located("cannot read 'x'", line=2, field="children") == \
        "line 2: children: cannot read 'x'"
    assert located("no such file") == "no such file"


def test_a_user_error_keeps_its_place_and_its_exit_status() -> None:
    error = InputError("cannot be read", path="cases.json", line=4, column=2)
    assert (error.path, error.line, error.column, error.field) == ("cases.json", 4, 2, None)
    assert str(error) == "cases.json:4: cannot be read" and error.status == 2
    plain = UserError("a damaged database")
    assert str(plain) == "a damaged database" and plain.line is None and plain.path is None


@pytest.mark.parametrize(("text", "line", "column", "field", "message"), [
    ("name: a\nsizes: [1]\ncolour: red\n", 3, 1, "colour", "unknown key (check its spelling)"),
    ("name: a\nsizes:\n  - 1\n  - two\n", 4, 5, "sizes.1",
     "Input should be a valid integer, unable to parse string as an integer"),
    ("name: a\nsizes: [1\n", 3, 1, None, None),
    ("sizes: []\n", 1, 1, "name", "Field required"),
])
def test_a_content_error_says_where_in_fields(text: str, line: int, column: int,
                                              field: str | None, message: str | None) -> None:
    with pytest.raises(ContentError) as info:
        parse_yaml(Path("f.yml"), text, Tiny)
    error = info.value
    assert (error.path, error.line, error.column, error.field) == (Path("f.yml"), line,
                                                                    column, field)
    if message is not None:
        assert error.message == message
    else:
        assert error.message.startswith("not valid YAML")
    assert "line " not in error.message and "f.yml" not in error.message
    assert str(error).startswith(f"f.yml:{line}: ")


def test_a_csv_error_carries_the_line_and_the_column_it_is_about() -> None:
    header = ",".join(REQUIRED_CSV_COLUMNS)
    row = ",".join("Child 2 aged 14" if c == "children" else "" for c in REQUIRED_CSV_COLUMNS)
    with pytest.raises(CsvError) as info:
        forms_from_csv(f"{header}\n{row}\n")
    error = info.value
    assert (error.line, error.field) == (2, "children")
    assert error.message.startswith("cannot read 'Child 2 aged 14'")
    assert error.detail.startswith("children: cannot read")
    assert str(error).startswith("line 2: children: cannot read")
    with pytest.raises(CsvError) as info:
        forms_from_csv("case_reference\nAUD-1\n")
    assert info.value.line == 1 and info.value.message.startswith("missing column(s): ")


def test_a_json_problem_has_its_line_and_column() -> None:
    _, problems = read_json_forms("forms.json", '[\n  {"case_reference": "A"},\n  {oops}\n]')
    bad = [p for p in problems if p.message.startswith("not valid JSON")]
    assert len(bad) == 1
    assert (bad[0].source, bad[0].line, bad[0].column) == ("forms.json", 3, 4)
    assert str(bad[0]).startswith("forms.json:3: not valid JSON")
    assert str(Problem("f.csv", None, "not UTF-8 text")) == "f.csv: not UTF-8 text"


RULES = """family: extra
rules:
  - id: extra-buddy
    stage: need
    kind: service
    patterns: [[{LOWER: {IN: ["@nope"]}}]]
    message: "{match}"
    why: "why"
    questions: ["q?"]
    rewrites: ["r"]
    examples:
      fail: [{text: "Jo needs a buddy.", match: "buddy"}]
      pass: ["Jo needs a friend."]
"""


def test_a_rule_error_names_the_rule_and_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "framework" / "wording"
    folder.mkdir(parents=True)
    (folder / "extra.yml").write_text(RULES, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        RuleSet.load(Content(tmp_path))
    error = info.value
    assert (error.path.name, error.line, error.field) == ("extra.yml", 3, "rule extra-buddy")
    assert error.message == "unknown lexicon @nope"
    assert str(error).endswith("extra.yml:3: rule extra-buddy: unknown lexicon @nope")


def test_a_bad_regular_expression_in_a_rule_is_one_line_with_its_place(tmp_path: Path) -> None:
    """It was a re.error traceback from spaCy's Matcher; now the file says where."""
    folder = tmp_path / "framework" / "wording"
    folder.mkdir(parents=True)
    body = RULES.replace('[[{LOWER: {IN: ["@nope"]}}]]', '[[{LOWER: {REGEX: "(("}}]]')
    (folder / "extra.yml").write_text(body, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        Coach(Content(tmp_path), pipeline="blank").load()
    error = info.value
    assert (error.path.name, error.line, error.field) == ("extra.yml", 6, "rules.0.patterns")
    assert "'((' is not a regular expression" in error.message


def test_a_bad_pattern_met_when_compiling_names_its_rule_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "framework" / "wording"
    folder.mkdir(parents=True)
    body = RULES.replace('[[{LOWER: {IN: ["@nope"]}}]]', '[[{LOWER: {BOGUS: "x"}}]]')
    (folder / "extra.yml").write_text(body, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        Coach(Content(tmp_path), pipeline="blank").load()
    error = info.value
    assert (error.path.name, error.line, error.field) == ("extra.yml", 3, "rule extra-buddy")
    assert error.message.startswith("bad pattern: ")


def test_a_content_error_met_while_exporting_keeps_its_place() -> None:
    content_error = ContentError("exports/plain-words.yml", "unknown key", 2, column=1,
                                 field="phrase")
    moved = ExportError.moved(content_error)
    assert isinstance(moved, ExportError)
    assert (moved.path, moved.line, moved.column, moved.field) == (
        Path("exports/plain-words.yml"), 2, 1, "phrase")
    assert str(moved) == str(content_error) == "exports/plain-words.yml:2: phrase: unknown key"


def test_an_unreadable_file_is_named_in_a_field(tmp_path: Path) -> None:
    missing = unreadable("cases.json", FileNotFoundError(2, "No such file or directory"))
    assert (missing.path, missing.message) == ("cases.json", "no such file")
    assert str(missing) == "cases.json: no such file" and missing.status == 2
    folder = unreadable(str(tmp_path), IsADirectoryError(21, "Is a directory"))
    assert str(folder) == f"{tmp_path}: is a folder, not a file"
