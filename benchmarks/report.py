"""Figures for "Is anyone better off?" at scale: 10,000 reviewed audit forms (version 2).

Run: .venv/bin/python benchmarks/report.py [--forms N] [--reviewed SHARE]
Generates fictional version 2 forms (benchmarks/audit.py's needs, plus reviews, a plan
result and distance-travelled scores for the family, each child and a parent), imports
them, then times building the Need Groups report with its "Is anyone better off?"
section (plan results and distance travelled by level of need, age band and Need Group)
and rendering it (HTML and CSV). No spaCy: the needs are not analysed, so every need is
"not in a group"; benchmarks/audit.py measures suggesting groups.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from assistant.wordlists import english

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.audit import generate  # noqa: E402

RESULTS = ["wholly", "partly", "not-achieved", "dropped-out"]


def with_reviews(forms: list[dict], share: float, seed: int = 2027) -> list[dict]:
    """Add a review to ``share`` of the forms: result, date and distance travelled."""
    from assistant.content import Content

    distance = Content().distance
    rng = random.Random(seed)
    for form in forms:
        form["form_version"] = 2
        if rng.random() >= share:
            continue
        form["reviews"] = rng.randint(1, 3)
        form["review_date"] = form["audit_date"]
        form["plan_result"] = rng.choice(RESULTS)
        rows = []
        holders = [("Family", "family")] + [(c["label"], "child") for c in form["children"]]
        holders.append(("Mother", "parent"))
        for holder, kind in holders:
            profile = distance.profile(kind)
            for domain in rng.sample(profile.domains, min(3, len(profile.domains))):
                baseline = rng.randint(2, 5)
                rows.append({"holder": holder, "profile": kind, "domain": domain.id,
                             "baseline": baseline,
                             "latest": max(1, min(5, baseline + rng.choice([-2, -1, -1, 0, 1])))})
        form["distance"] = rows
    return forms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", type=int, default=10_000)
    parser.add_argument("--reviewed", type=float, default=0.6,
                        help="the share of forms that carry a review (default 0.6)")
    args = parser.parse_args()

    from assistant.audit.readers import read_forms
    from assistant.audit.repository import AuditStore
    from assistant.content import Content
    from assistant.needgroups import build_report, load_themes, write_report
    from assistant.needgroups.report import better_off
    from assistant.store import Store

    whole = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        pooled = Path(tmp) / "pooled.json"
        forms_data = with_reviews(generate(args.forms), args.reviewed)
        pooled.write_text(json.dumps(forms_data), encoding="utf-8")
        db = Path(tmp) / "bench.db"
        t = time.perf_counter()
        with Store(db) as store:
            audit = AuditStore(store)
            sample_id = audit.new_sample("Benchmark")
            forms, problems = read_forms(str(pooled), pooled.read_bytes())
            assert not problems, problems[:3]
            audit.add_forms(sample_id, forms, pooled.name)
        print(f"import: {time.perf_counter() - t:.2f} s ({args.forms:,} version 2 forms)")

        content = Content()
        themes = load_themes(content)
        t = time.perf_counter()
        with Store(db) as store:
            audit = AuditStore(store)
            report = build_report(audit, sample_id, "Benchmark", content.framework, themes,
                                  None, distance=content.distance,
                                  stop=english(content).need_groups.stop)
        build_s = time.perf_counter() - t
        b = report.better_off
        print(f"build report with 'Is anyone better off?': {build_s:.2f} s "
              f"({b.statement}; {len(b.domains)} domains)")
        with Store(db) as store:
            audit = AuditStore(store)
            forms_rows, needs_rows = audit.forms(sample_id), audit.needs(sample_id)
            groups = audit.groups(sample_id)
        bodies = [json.loads(f["body"]) for f in forms_rows]
        t = time.perf_counter()
        better_off(forms_rows, bodies, needs_rows, groups, content.framework, content.distance)
        print(f"'Is anyone better off?' alone (forms already read): "
              f"{time.perf_counter() - t:.2f} s")
        t = time.perf_counter()
        paths = write_report(report, Path(tmp) / "out", content)
        render_s = time.perf_counter() - t
        sizes = ", ".join(f"{p.name} {p.stat().st_size / 1e6:.2f} MB" for p in paths)
        print(f"render report: {render_s:.2f} s ({sizes})")
    print(f"whole run: {time.perf_counter() - whole:.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
