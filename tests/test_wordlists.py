"""The English word lists the code reads are content (framework/words/*.yml): validated on
load, read once per content, and overridable file by file."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.content import Content, ContentError
from assistant.model import Case, Person
from assistant.redact import Redactor, load_names
from assistant.wording import Coach
from assistant.wordlists import FOLDER, English, english
from tests.helpers import CONTENT, ROOT

WORDS = ROOT.joinpath(*FOLDER)


def _override(tmp_path: Path, name: str, text: str) -> Content:
    folder = tmp_path.joinpath(*FOLDER)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return Content(tmp_path)


def test_every_shipped_list_loads() -> None:
    lists = English(Content(ROOT))
    assert {"not", "never", "n't"} <= lists.context.negators
    assert lists.context.object_pronoun["she"] == "her"
    assert ("at", "all", "times") in lists.matching.trailing_words
    assert "fulfil" in lists.rewrites.verbs and lists.rewrites.possessive["them"] == "their"
    assert lists.pronouns.agree["is"] == "are" and "herself" in lists.pronouns.female
    assert "mrs" in lists.redaction.titles and lists.redaction.lookalike["a"] == "4"
    assert "need" in lists.need_groups.stop
    assert "able" in lists.practice.frame and "mum" not in lists.practice.frame
    assert "mentor" in lists.need_meaning.phrase.faults["service"]
    assert sorted(p.name for p in WORDS.glob("*.yml")) == [
        "context.yml", "matching.yml", "need-groups.yml", "need-meaning.yml", "practice.yml",
        "pronouns.yml", "redaction.yml", "rewrites.yml", "spelling.yml",
        "time.yml"]  # one file per group


def test_lists_are_read_once_per_content() -> None:
    content = Content(ROOT)
    assert english(content) is english(content)
    assert english(content).pronouns is english(content).pronouns
    assert english(Content(ROOT)) is not english(content)  # another content, its own lists


def test_an_override_holds_only_the_file_it_changes(tmp_path: Path) -> None:
    text = (WORDS / "pronouns.yml").read_text().replace("rarely]", "rarely, seldom]")
    content = _override(tmp_path, "pronouns.yml", text)
    lists = english(content)
    assert "seldom" in lists.pronouns.adverbs
    assert lists.context.negators == english(CONTENT).context.negators  # from the default
    assert content.path(*FOLDER, "context.yml") == WORDS / "context.yml"


@pytest.mark.parametrize(("body", "message"), [
    ("negators: [not, no]\n", "negators.1: .*put the word in quotes"),
    ("negators: [Not]\n", "write it in lower case"),
    ("negators: []\n", "negators: .*at least 1 item"),
    ("negatorz: [not]\n", "negatorz: unknown key"),
    ("negators: [not\n", "not valid YAML"),
])
def test_a_broken_list_is_reported_by_file_and_line(tmp_path: Path, body: str,
                                                     message: str) -> None:
    text = (WORDS / "context.yml").read_text()
    start = text.index("negators:")
    end = text.index("\n", start) + 1
    content = _override(tmp_path, "context.yml", text[:start] + body + text[end:])
    with pytest.raises(ContentError, match=message) as caught:
        english(content).context  # noqa: B018
    assert caught.value.path == tmp_path.joinpath(*FOLDER, "context.yml")
    assert caught.value.line is not None and caught.value.line > 1


def test_the_coach_reads_the_lists_of_its_content(tmp_path: Path) -> None:
    text = (WORDS / "context.yml").read_text().replace("neither]", "neither, hardly]")
    content = _override(tmp_path, "context.yml", text)
    statement = "Kayla hardly needs counselling."
    edited = Coach(content).load().check(statement)
    default = Coach(CONTENT).load().check(statement)
    assert [f.context["negated"] for f in edited.findings if f.kind == "service"] == [True]
    assert [f.context["negated"] for f in default.findings if f.kind == "service"] == [False]


def test_redaction_reads_the_titles_of_its_content(tmp_path: Path) -> None:
    text = (WORDS / "redaction.yml").read_text().replace("master]", "master, prof]")
    content = _override(tmp_path, "redaction.yml", text)
    case = Case(reference="NL-2026-901", people=[Person(id="p1", role="child", name="Kayla")])
    said = "Prof Kayla came to the meeting."
    assert Redactor(case, {"p1": "Child 1"}, load_names(content))(said) == \
        "Child 1 came to the meeting."
    assert Redactor(case, {"p1": "Child 1"}, load_names(CONTENT))(said) == \
        "[name] Child 1 came to the meeting."  # "Prof" taken for an unknown name

