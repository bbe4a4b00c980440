"""Dump what ``audit suggest`` stores for each need (its analysis, Need Group theme, reason,
alternatives and the coach's kinds), one JSON line each, so a change meant to make the
suggest step faster can be shown to change no suggestion: dump before and after, then
``diff``.

The needs are the dev Need Group rows (``eval/dev/needgroups.jsonl``) and the audit
benchmark's distinct wordings (``benchmarks/audit.py --unique``), imported as audit forms
and suggested by the path ``audit suggest`` takes (:func:`suggest_sample` with the coach,
its parse shared among processes as ``NEEDS_LED_PROCESSES`` says).

    PYTHONPATH=. .venv/bin/python scripts/dump_suggestions.py OUT.jsonl [--forms 400]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def dev_forms() -> list[dict[str, object]]:
    """The dev Need Group rows as audit forms, five needs a form, each held by a child."""
    texts = [json.loads(line)["text"] for line in
             (ROOT / "eval" / "dev" / "needgroups.jsonl").read_text().splitlines()
             if line.strip()]
    forms: list[dict[str, object]] = []
    for start in range(0, len(texts), 5):
        forms.append({
            "case_reference": f"DEV-{start // 5:05d}", "auditor": "Auditor 1",
            "audit_date": "2026-01-05", "level_of_need": 3,
            "children": [{"label": "Child 1", "age_band": "5-9", "sex": "female"}],
            "needs": [{"holder": "Child 1", "holder_kind": "child", "wording": text,
                       "seriousness": None, "status": "unknown", "services": []}
                      for text in texts[start:start + 5]]})
    return forms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--forms", type=int, default=400,
                        help="the audit benchmark's forms added (five needs each)")
    args = parser.parse_args()
    from assistant.audit.readers import read_forms
    from assistant.audit.repository import AuditStore
    from assistant.content import Content
    from assistant.needgroups import Analyzer, Suggester, load_coach, load_themes, suggest_sample
    from assistant.store import Store
    from benchmarks.audit import generate

    content = Content()
    suggester = Suggester(load_themes(content), Analyzer(None, content))
    coach = load_coach(content)
    with tempfile.TemporaryDirectory() as tmp:
        pooled = Path(tmp) / "pooled.json"
        pooled.write_text(json.dumps(dev_forms() + generate(args.forms, unique=True)),
                          encoding="utf-8")
        with Store(Path(tmp) / "dump.db") as store:
            audit = AuditStore(store)
            sample_id = audit.new_sample("Dump")
            forms, problems = read_forms(str(pooled), pooled.read_bytes())
            assert not problems, problems[:3]
            audit.add_forms(sample_id, forms, pooled.name)
            suggest_sample(audit, sample_id, suggester, coach)
            rows = audit.needs(sample_id)
    with args.out.open("w") as sink:
        for row in rows:
            sink.write(json.dumps({key: row[key] for key in (
                "wording", "tokens", "theme", "reason", "alternatives", "kinds")},
                sort_keys=True, ensure_ascii=False) + "\n")
    print(f"{len(rows)} needs written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
