"""The core never imports Textual, so it can be driven and tested without a screen."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import assistant

CORE = sorted(
    name for _, name, _ in pkgutil.walk_packages(assistant.__path__, "assistant.")
    # __main__ would run the app; it only calls assistant.cli.main, which is checked
    if not name.startswith("assistant.tui") and name != "assistant.__main__"
)


def test_core_modules_are_found() -> None:
    assert {"assistant.interview", "assistant.model", "assistant.store", "assistant.cli"} <= set(
        CORE
    )


def textual_imported_by(modules: list[str]) -> list[str]:
    """The probe: import ``modules`` in a fresh interpreter, list the Textual modules loaded."""
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    return [name for name in result.stdout.strip().split(",") if name]


def test_core_never_imports_textual() -> None:
    bad = textual_imported_by(CORE)
    assert bad == [], f"the core imported {', '.join(bad)}"


def test_the_check_is_real() -> None:
    """The same probe sees Textual once the modules it is given include a TUI one."""
    assert "textual" in textual_imported_by([*CORE, "assistant.tui.screens.help"])


def test_the_coach_reads_shorthand_without_the_need_groups_package() -> None:
    """Shorthand is one core module (assistant.shorthand) that the coach's suggestions,
    the story and the Need Groups share; the coach loading it does not bring in the Need
    Groups package and its start-up cost."""
    code = ("import sys, assistant.wording.suggest, assistant.shorthand\n"
            "print(sorted(m for m in sys.modules if m.startswith('assistant.needgroups')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
