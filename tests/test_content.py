"""Content folders: found, overridden per folder, validated with file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.content import Content, ContentError, Framework, Strict, default_root, parse_yaml

ROOT = Path(__file__).resolve().parent.parent


def test_the_default_content_is_found_and_valid() -> None:
    content = Content()
    assert content.override is None
    framework = content.framework
    assert [c.id for c in framework.concepts] == ["need", "seriousness", "outcome", "work"]
    assert framework.ids("outcome_domains") == ["child", "family", "rights"]
    assert framework.ids("threshold_levels") == ["1", "2", "3", "4", "5"]
    assert framework.label("seriousness", "high") == "High"


def test_the_default_is_the_packaged_content_if_installed_else_the_checkout(
        tmp_path: Path) -> None:
    """The same code, laid out as a checkout and then as an installed wheel (content copied
    into assistant/_content by the build), finds the content beside it each time."""
    import importlib.util

    assert default_root() == ROOT  # this checkout
    package = tmp_path / "site" / "assistant"
    package.mkdir(parents=True)
    shutil.copy(ROOT / "assistant" / "content.py", package / "content.py")

    def root_seen() -> Path:
        spec = importlib.util.spec_from_file_location("copied_content", package / "content.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module.default_root()

    assert root_seen() == tmp_path / "site"  # a checkout: framework/ beside assistant/
    (package / "_content" / "framework").mkdir(parents=True)
    assert root_seen() == package / "_content"  # a wheel


def test_an_override_replaces_only_the_folders_it_has(tmp_path: Path) -> None:
    (tmp_path / "framework").mkdir()
    text = (ROOT / "framework" / "framework.yml").read_text()
    edited = text.replace("label: High", "label: Hoch")
    (tmp_path / "framework" / "framework.yml").write_text(edited)
    content = Content(tmp_path)
    assert content.framework.label("seriousness", "high") == "Hoch"
    assert content.path("framework", "framework.yml").is_relative_to(tmp_path)
    # No prompts/ in the override: the default prompts are used.
    assert not content.path("prompts").is_relative_to(tmp_path)


def test_the_environment_variable_is_an_override(tmp_path: Path, monkeypatch) -> None:
    shutil.copytree(ROOT / "framework", tmp_path / "framework")
    monkeypatch.setenv("NEEDS_LED_CONTENT", str(tmp_path))
    assert Content().override == tmp_path


def test_a_missing_override_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="content folder not found"):
        Content(tmp_path / "nowhere")
    with pytest.raises(ContentError, match="needs at least one of framework/"):
        Content(tmp_path)


def test_an_override_with_one_file_takes_the_rest_from_the_default(tmp_path: Path) -> None:
    # The README's promise: copy only what you change.
    (tmp_path / "framework").mkdir()
    themes = (ROOT / "framework" / "themes.yml").read_text()
    (tmp_path / "framework" / "themes.yml").write_text(themes)
    content = Content(tmp_path)
    assert content.path("framework", "themes.yml").is_relative_to(tmp_path)
    assert content.path("framework", "framework.yml") == ROOT / "framework" / "framework.yml"
    assert content.framework.label("seriousness", "high") == "High"


def test_a_folder_of_yaml_files_is_merged_file_by_file(tmp_path: Path) -> None:
    library = tmp_path / "framework" / "library"
    library.mkdir(parents=True)
    first = sorted((ROOT / "framework" / "library").glob("*.yml"))[0]
    (library / first.name).write_text(first.read_text())
    (library / "zz-local.yml").write_text(first.read_text())
    names = [p.name for p in Content(tmp_path).iter_yaml("framework", "library")]
    defaults = sorted(p.name for p in (ROOT / "framework" / "library").glob("*.yml"))
    assert names == sorted([*defaults, "zz-local.yml"])
    chosen = dict((p.name, p) for p in Content(tmp_path).iter_yaml("framework", "library"))
    assert chosen[first.name].is_relative_to(tmp_path)


def test_a_file_missing_everywhere_is_named(tmp_path: Path) -> None:
    (tmp_path / "framework").mkdir()
    with pytest.raises(ContentError) as info:
        Content(tmp_path).path("framework", "nowhere.yml")
    assert str(info.value) == f"{ROOT / 'framework' / 'nowhere.yml'}: missing content file"


class Tiny(Strict):
    name: str
    sizes: list[int]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("name: a\nsizes: [1]\ncolour: red\n", "f.yml:3: colour: unknown key (check its spel"),
        ("name: a\nsizes:\n  - 1\n  - two\n", "f.yml:4: sizes.1: Input should be a valid integer"),
        ("name: a\nsizes: [1\n", "f.yml:3: not valid YAML"),
        ("sizes: []\n", "f.yml:1: name: Field required"),
    ],
)
def test_yaml_problems_carry_the_line(text: str, expected: str) -> None:
    with pytest.raises(ContentError) as info:
        parse_yaml(Path("f.yml"), text, Tiny)
    assert str(info.value).startswith(expected)


def test_the_framework_model_rejects_unknown_keys() -> None:
    with pytest.raises(ContentError, match="unknown key"):
        parse_yaml(Path("x.yml"), "concepts: []\nextra: 1\n", Framework)
