"""Score Need Group suggestions on the fresh dev rows listed in a file (one text a line).

Why: a check set written before the vocabulary was widened says honestly how the
suggestions hold on words no one listed; only those dev rows are printed, never others.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from assistant.content import Content
    from assistant.needgroups.evaluate import score

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("texts", type=Path, nargs="?",
                        default=ROOT / "scripts" / "fresh_needgroups.txt")
    args = parser.parse_args()
    wanted = set(args.texts.read_text(encoding="utf-8").splitlines())
    rows = [r for r in map(json.loads, (ROOT / "eval" / "dev" / "needgroups.jsonl")
                           .read_text(encoding="utf-8").splitlines())
            if r["text"] in wanted]
    result = score(rows, Content())
    print(f"fresh dev rows: {result.right}/{result.total} = {result.accuracy:.3f}")
    for theme in sorted(result.per_theme):
        print(f"  {theme:28} {result.per_theme_right[theme]}/{result.per_theme[theme]}")
    for text, gold, got, reason in result.wrong:
        print(f"- {text}\n    gold {gold}, got {got}: {reason}")


if __name__ == "__main__":
    main()
