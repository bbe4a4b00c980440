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


def test_core_never_imports_textual() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"the core imported {result.stdout.strip()}"


def test_the_check_is_real() -> None:
    """The same probe sees Textual when a TUI module is imported."""
    code = "import assistant.tui.app, sys; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.stdout.strip() == "True", result.stderr
