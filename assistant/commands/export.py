"""`needs-led export`: plans and audit forms (filled in by the exports work)."""

from __future__ import annotations

import argparse
from typing import Any


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    return None
