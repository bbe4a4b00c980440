"""Dump the coach's full verdicts (``check --json``'s dictionaries, holder and quiet too)
for the wording benchmark's statements and the dev rows, one JSON line each, so a change
meant to make the coach faster can be shown to change no verdict: dump before and after,
then ``diff``.

Each statement is read four ways: ``check`` without and with the benchmark's case,
``check_many`` (the batch path, notes on) and ``check_many(notes=False)`` (kinds only),
at the row's own stage (the benchmark's statements at "need").

    PYTHONPATH=. .venv/bin/python scripts/dump_verdicts.py OUT.jsonl [--shared-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rows(shared: Path) -> list[tuple[str, str]]:
    """(stage, text) for the benchmark's distinct statements and every dev row."""
    from benchmarks.wording import corpus

    seen: set[tuple[str, str]] = set()
    out: list[tuple[str, str]] = []

    def add(stage: str, text: str) -> None:
        if (stage, text) not in seen:
            seen.add((stage, text))
            out.append((stage, text))

    for text in corpus(10_000):
        add("need", text)
    stages = {"needs": "need", "outcomes": "outcome", "work": "work",
              "seriousness": "seriousness", "real-plans": ""}
    files = [(ROOT / "eval" / "dev" / f"{name}.jsonl", stage) for name, stage in stages.items()]
    files += [(shared / "needs-dev.jsonl", "need"), (shared / "outcomes-dev.jsonl", "outcome")]
    for path, stage in files:
        if not path.exists():
            continue
        for line in path.read_text().splitlines():
            if line.strip():
                row = json.loads(line)
                add(row.get("stage") or stage or "need", row["text"])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared-dir", type=Path, default=Path("/work/shared/eval"))
    args = parser.parse_args()
    from assistant.content import Content
    from assistant.wording import Coach
    from benchmarks.wording import bench_case

    coach = Coach(Content()).load()
    case = bench_case()
    todo = rows(args.shared_dir)

    def full(report: object) -> dict[str, object]:
        out = report.to_dict()  # type: ignore[attr-defined]
        out["holder"] = report.holder  # type: ignore[attr-defined]
        out["quiet"] = report.quiet  # type: ignore[attr-defined]
        return out

    with args.out.open("w") as sink:
        for stage in ("need", "seriousness", "outcome", "work"):
            texts = [text for s, text in todo if s == stage]
            batch = list(coach.check_many(texts, stage=stage, case=case))
            kinds = list(coach.check_many(texts, stage=stage, notes=False))
            for text, many, bare in zip(texts, batch, kinds, strict=True):
                line = {"stage": stage, "text": text,
                        "check": full(coach.check(text, stage=stage)),
                        "case": full(coach.check(text, stage=stage, case=case)),
                        "many": full(many), "bare": [bare.kinds, bare.holder,
                                                     [f.to_dict() for f in bare.findings]]}
                sink.write(json.dumps(line, sort_keys=True) + "\n")
    print(f"{len(todo)} statements written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
