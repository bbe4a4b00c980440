"""Score the wording coach on the labelled dev sets (``make eval``).

Prints per-kind precision, recall and F1, the macro-F1 over the scored kinds, false
alarms (specific statements given any scored flag) and every misclassified statement.
Exit status 1 when a target is missed (macro-F1 >= 0.95, no false alarm), so a regression
is hard to miss; 2 when the sets cannot be read.

    .venv/bin/python scripts/eval.py [--pipeline blank] [--eval-dir ../shared/eval]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SETS = (("needs-dev.jsonl", "need", ("universal", "service", "assessment")),
        ("outcomes-dev.jsonl", "outcome", ("vague", "service")))
TARGET_F1 = 0.95


def default_eval_dir() -> Path:
    for candidate in (ROOT.parent / "shared" / "eval", ROOT / "eval"):
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared" / "eval"


def score(rows: list[tuple[str, set[str], set[str]]], kinds: tuple[str, ...]) -> dict:
    """Per-kind precision/recall/F1 and macro-F1 over ``(text, gold, predicted)`` rows."""
    per: dict[str, dict[str, float]] = {}
    for kind in kinds:
        tp = sum(1 for _, g, p in rows if kind in g and kind in p)
        fp = sum(1 for _, g, p in rows if kind not in g and kind in p)
        fn = sum(1 for _, g, p in rows if kind in g and kind not in p)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per[kind] = {"precision": precision, "recall": recall, "f1": f1,
                     "support": tp + fn}
    macro = sum(v["f1"] for v in per.values()) / len(per)
    specific = [r for r in rows if not r[1]]
    alarms = [r for r in specific if r[2]]
    return {"per_kind": per, "macro_f1": macro, "specific": len(specific),
            "false_alarms": alarms,
            "wrong": [r for r in rows if r[1] != r[2]]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pipeline", default=None, help="spaCy pipeline (default: auto)")
    parser.add_argument("--eval-dir", type=Path, default=default_eval_dir())
    args = parser.parse_args(argv)

    from assistant.wording import Coach

    coach = Coach(pipeline=args.pipeline).load()
    print(f"pipeline: {coach.pipeline_name}{' (reduced mode)' if coach.reduced else ''}")
    ok = True
    for name, stage, kinds in SETS:
        path = args.eval_dir / name
        try:
            items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip()]
        except (OSError, ValueError) as exc:
            print(f"cannot read {path}: {exc}", file=sys.stderr)
            return 2
        texts = [item["text"] for item in items]
        rows = []
        for item, report in zip(items, coach.check_many(texts, stage=stage), strict=True):
            gold = set(item["gold"]) & set(kinds)
            rows.append((item["text"], gold, set(report.kinds) & set(kinds)))
        result = score(rows, kinds)
        print(f"\n== {name} ({len(rows)} statements, stage {stage})")
        print(f"{'kind':<12} {'P':>6} {'R':>6} {'F1':>6} {'n':>4}")
        for kind, v in result["per_kind"].items():
            print(f"{kind:<12} {v['precision']:>6.2f} {v['recall']:>6.2f} {v['f1']:>6.2f} "
                  f"{v['support']:>4}")
        print(f"macro-F1 {result['macro_f1']:.3f}   false alarms "
              f"{len(result['false_alarms'])}/{result['specific']} specific statements")
        for text, gold, predicted in result["wrong"]:
            print(f"  MISCLASSIFIED gold={sorted(gold)} got={sorted(predicted)}: {text}")
        ok = ok and result["macro_f1"] >= TARGET_F1 and not result["false_alarms"]
    print(f"\ntargets (macro-F1 >= {TARGET_F1}, no false alarm): {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
