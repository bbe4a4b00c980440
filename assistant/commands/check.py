"""`needs-led check`: the wording coach on the command line (filled in by the coach)."""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    return None
