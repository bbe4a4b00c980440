"""The wheel carries the default content: an installed copy works outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.helpers import FIXTURES, ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(out), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    (found,) = out.glob("needs_led-*.whl")
    return found


def test_the_wheel_contains_every_content_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("framework", "prompts", "exports"):
        for path in (ROOT / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                wanted = f"assistant/_content/{path.relative_to(ROOT).as_posix()}"
                assert wanted in names, wanted
    assert not any(n.startswith("tests/") for n in names)


def test_an_installed_wheel_finds_its_content_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(site),
         str(wheel)],
        check=True, capture_output=True, text=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "NEEDS_LED_DB": str(tmp_path / "c.db")}
    probe = subprocess.run(
        [sys.executable, "-c",
         "import assistant.content as c; print(c.default_root()); "
         "print(len(c.Content().framework.concepts))"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )
    root, concepts = probe.stdout.split()
    assert Path(root) == site / "assistant" / "_content"
    assert concepts == "4"
    imported = subprocess.run(
        [sys.executable, "-m", "assistant", "import", str(FIXTURES / "case.json")],
        cwd=elsewhere, env=env, capture_output=True, text=True,
    )
    assert imported.returncode == 0, imported.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "assistant", "cases", "--json"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )
    assert json.loads(listed.stdout)[0]["reference"] == "NL-2026-014"
