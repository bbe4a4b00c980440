"""Benchmark the wording coach; prints figures, asserts nothing (timings are not tests).

For the default pipeline and the blank fallback, each measured in its own process pinned
to one core: cold wall time of `needs-led check "one statement"` (median of 5 processes),
warm per-statement latency p50/p95 without and with a case (and, in the same run, raw spaCy
on one statement and the coach's own work beyond the parse, so a loaded machine shows as
such), batch throughput over 5,000+ statements, peak RSS, and raw spaCy `nlp.pipe`
throughput on the same statements, so the rules' overhead shows as a ratio.

    .venv/bin/python benchmarks/wording.py [--statements 5000] [--pipelines default,blank]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
ONE_CORE = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
TARGETS = {"p95_ms": 5.0, "throughput": 1000.0, "ratio": 0.8, "cold_s": 1.5}


def pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def corpus(n: int) -> list[str]:
    """A realistic mix: rule examples, library statements and the dev sets, repeated."""
    from assistant.content import Content
    from assistant.wording.rules import RuleSet
    from assistant.wording.suggest import Library, fill

    content = Content()
    texts = []
    for rule in RuleSet.load(content).for_stage("need"):
        texts += [f.text for f in rule.examples.fail] + list(rule.examples.pass_)
    library = Library(content)
    for area in library.areas:
        texts += [fill(s.text, "Kayla", library.roles, lists=library.english)
                  for s in area.statements]
    # shared/eval beside the checkout, or beside a parent (git worktrees sit deeper)
    eval_file = next((parent / "shared" / "eval" / "needs-dev.jsonl" for parent in ROOT.parents
                      if (parent / "shared" / "eval").is_dir()),
                     ROOT.parent / "shared" / "eval" / "needs-dev.jsonl")
    if eval_file.exists():
        texts += [json.loads(line)["text"] for line in eval_file.read_text().splitlines()
                  if line.strip()]
    return list(islice(cycle(texts), n))


def cold(pipeline: str | None, runs: int = 5) -> float:
    """Median wall time of a fresh `needs-led check` process."""
    times = []
    env = {**os.environ, **ONE_CORE}
    for _ in range(runs):
        start = time.perf_counter()
        choice = ["--pipeline", pipeline] if pipeline else []
        subprocess.run([sys.executable, "-m", "assistant", "check", *choice,
                        "Kayla needs counselling."], check=True, capture_output=True, env=env,
                       cwd=ROOT)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_case() -> object:
    """An invented family for the statements about Kayla: the coach's case-aware path."""
    from assistant.model import Case, Person

    return Case(reference="BENCH-1", story=(
        "Kayla (9) lives with her mum Dawn and her brother Reece (3). Dawn has low mood since "
        "Kayla's dad left, and Kayla has been missing school and is often hungry."),
        people=[Person(id="k", name="Kayla", role="child", age=9, sex="female"),
                Person(id="r", name="Reece", role="sibling", age=3, sex="male"),
                Person(id="d", name="Dawn", role="mother", age=34, sex="female")])


def measure(pipeline: str, n: int) -> dict[str, float | str]:
    """Warm figures for one pipeline, in this (pinned) process."""
    from assistant.content import Content
    from assistant.heap import freeze_loaded, own_process
    from assistant.wording import Coach

    pin_one_core()
    texts = corpus(n)
    coach = Coach(Content(), None if pipeline == "default" else pipeline).load()
    nlp = coach._engine.nlp
    case = bench_case()
    for text in texts[:200]:  # warm up
        coach.check(text)
        coach.check(text, case=case)
    # As `needs-led check` does once the coach is loaded (assistant.heap): the loaded
    # pipeline and rules are left out of the collector's passes, raw spaCy's too.
    own_process()
    freeze_loaded()
    latencies, with_case, raw_one, beyond = [], [], [], []
    engine, family = coach._engine, coach.library.family(case)
    # Each report whole, as a screen shows it: its JSON builds the suggestions too.
    for text in texts[:2000]:
        start = time.perf_counter()
        coach.check(text).to_dict()
        latencies.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        coach.check(text, case=case).to_dict()
        with_case.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        doc = nlp(text)
        raw_one.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        coach._noted(doc, engine.report(doc, "need", None, family), family).to_dict()
        beyond.append((time.perf_counter() - start) * 1000)
    for values in (latencies, with_case, raw_one, beyond):
        values.sort()
    # Raw spaCy and ours, alternately on each 1,000 statements, three rounds; the median
    # of each is reported, so a burst of load on this shared machine falls on both alike.
    # "ours" reads each report's kinds, as the evaluation, the audit, the workshop and
    # `needs-led check` into a pipe do (a finding's suggestions are built only when read,
    # and what is said of a statement with nothing flagged is not asked for); "full" also
    # builds every report's JSON, suggestions and notes included, as `check --json` does.
    raws, ourses, ratios, fulls = [], [], [], []
    chunk = 1000
    for _ in range(3):
        raw_s = ours_s = full_s = 0.0
        flagged = 0
        for at in range(0, len(texts), chunk):
            part = texts[at:at + chunk]
            start = time.perf_counter()
            for _ in nlp.pipe(part, batch_size=512):
                pass
            raw_s += time.perf_counter() - start
            start = time.perf_counter()
            flagged += sum(1 for r in coach.check_many(part, batch_size=512, notes=False)
                           if r.kinds)
            ours_s += time.perf_counter() - start
            start = time.perf_counter()
            for report in coach.check_many(part, batch_size=512):
                report.to_dict()
            full_s += time.perf_counter() - start
        raws.append(len(texts) / raw_s)
        ourses.append(len(texts) / ours_s)
        ratios.append(raw_s / ours_s)
        fulls.append(raw_s / full_s)
    raw, ours = statistics.median(raws), statistics.median(ourses)
    return {
        "pipeline": coach.pipeline_name or pipeline, "statements": len(texts),
        "flagged": flagged,
        "p50_ms": latencies[len(latencies) // 2],
        "p95_nocase_ms": latencies[int(len(latencies) * 0.95)],
        "p50_case_ms": with_case[len(with_case) // 2],
        "p95_ms": with_case[int(len(with_case) * 0.95)],
        "p95_raw_ms": raw_one[int(len(raw_one) * 0.95)],
        "p50_beyond_ms": beyond[len(beyond) // 2],
        "p95_beyond_ms": beyond[int(len(beyond) * 0.95)],
        "throughput": ours, "raw_throughput": raw, "ratio": statistics.median(ratios),
        "ratio_full": statistics.median(fulls),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--statements", type=int, default=5000)
    parser.add_argument("--pipelines", default="default,blank")
    parser.add_argument("--one", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.statements)))
        return 0
    print(f"wording coach benchmark: {args.statements} statements, one core, "
          f"{os.cpu_count()} cores on this machine")
    for pipeline in args.pipelines.split(","):
        child = subprocess.run(
            [sys.executable, __file__, "--one", pipeline, "--statements", str(args.statements)],
            capture_output=True, text=True, env={**os.environ, **ONE_CORE}, check=True)
        figures = json.loads(child.stdout.splitlines()[-1])
        figures["cold_s"] = cold(None if pipeline == "default" else pipeline)
        print(f"\n== {pipeline} ({figures['pipeline']})")
        print(f"cold `needs-led check \"one statement\"` (median of 5): "
              f"{figures['cold_s']:.2f} s")
        print(f"warm latency per statement: p50 {figures['p50_ms']:.2f} ms, "
              f"p95 {figures['p95_nocase_ms']:.2f} ms; with a case: p50 "
              f"{figures['p50_case_ms']:.2f} ms, p95 {figures['p95_ms']:.2f} ms")
        print(f"  same run: raw spaCy on one statement p95 {figures['p95_raw_ms']:.2f} ms; "
              f"the coach's work beyond the parse (with a case) p50 "
              f"{figures['p50_beyond_ms']:.2f} ms, p95 {figures['p95_beyond_ms']:.2f} ms")
        print(f"batch throughput: {figures['throughput']:.0f} statements/s "
              f"(raw spaCy nlp.pipe {figures['raw_throughput']:.0f}/s, "
              f"ratio {figures['ratio']:.2f}; with every report's JSON, suggestions "
              f"included, ratio {figures['ratio_full']:.2f})")
        print(f"peak RSS: {figures['peak_rss_mb']:.0f} MB   "
              f"({figures['flagged']}/{figures['statements']} statements flagged)")
        if pipeline == "default":
            missed = [k for k, target in TARGETS.items()
                      if (figures[k] > target if k in ("p95_ms", "cold_s")
                          else figures[k] < target)]
            print("targets (p95 with a case <= 5 ms, >= 1000/s, ratio >= 0.8, cold <= 1.5 s): "
                  + ("met" if not missed else "missed: " + ", ".join(missed)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
