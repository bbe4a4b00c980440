"""The labelled statement sets in eval/ stay well-formed, so the measure cannot rot.

Every row has a text, known gold kinds and a source; no statement appears twice (within a
file, across dev and held-out, or in the shared dev sets); every row sits in the part the
deterministic split assigns it, so nobody can quietly move a held-out statement into dev to
tune on it; the sets keep their minimum sizes and most statements come from published
material rather than being written for the set.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "eval"
WRITTEN = "written for this set"

_spec = importlib.util.spec_from_file_location("eval_script", ROOT / "scripts" / "eval.py")
assert _spec and _spec.loader
evalscript = importlib.util.module_from_spec(_spec)
sys.modules["eval_script"] = evalscript  # dataclasses look their module up
_spec.loader.exec_module(evalscript)

FILES = sorted(evalscript.REPO_SETS)
MINIMUM = {"needs.jsonl": 320, "outcomes.jsonl": 170, "work.jsonl": 55,
           "seriousness.jsonl": 35, "real-plans.jsonl": 60}


def rows(part: str, name: str) -> list[dict]:
    path = EVAL / part / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def both(name: str) -> list[tuple[str, dict]]:
    return [(part, row) for part in ("dev", "heldout") for row in rows(part, name)]


@pytest.mark.parametrize("name", FILES)
def test_rows_are_well_formed(name: str) -> None:
    fixed = evalscript.REPO_SETS[name]
    for part, row in both(name):
        where = f"{part}/{name}: {row.get('text')!r}"
        expected = {"text", "gold", "src"} | ({"stage"} if fixed is None else set())
        assert set(row) == expected, where
        assert isinstance(row["text"], str) and row["text"].strip() == row["text"] != "", where
        assert isinstance(row["src"], str) and row["src"].strip(), where
        stage = fixed or row["stage"]
        assert stage in evalscript.KINDS, where
        assert isinstance(row["gold"], list), where
        assert len(set(row["gold"])) == len(row["gold"]), where
        assert set(row["gold"]) <= set(evalscript.KINDS[stage]), where


def test_no_statement_appears_twice() -> None:
    """Across every file and both parts, and against the shared dev sets when present."""
    seen: dict[str, str] = {}
    shared = evalscript.SHARED_DIR
    sources = [(f"{part}/{name}", row["text"]) for name in FILES for part, row in both(name)]
    if shared.is_dir():
        sources += [(f"shared/{path.name}", json.loads(line)["text"])
                    for path in sorted(shared.glob("*.jsonl"))
                    for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for where, text in sources:
        key = evalscript.normalise(text)
        assert key not in seen, f"{text!r} is in {where} and {seen[key]}"
        seen[key] = where


@pytest.mark.parametrize("name", FILES)
def test_every_row_sits_in_its_assigned_part(name: str) -> None:
    for part, row in both(name):
        assert evalscript.is_heldout(row["text"]) == (part == "heldout"), (
            f"{row['text']!r} belongs in {'heldout' if part == 'dev' else 'dev'}: "
            "run scripts/eval.py --resplit")


@pytest.mark.parametrize("name", FILES)
def test_sizes_split_and_sources(name: str) -> None:
    every = [row for _, row in both(name)]
    held = rows("heldout", name)
    assert len(every) >= MINIMUM[name]
    assert 0.3 <= len(held) / len(every) <= 0.5
    written = sum(1 for row in every if row["src"].startswith(WRITTEN))
    assert written / len(every) < 0.25, f"{written}/{len(every)} written for the set"
    stages = {evalscript.REPO_SETS[name] or row["stage"] for row in every}
    for stage in stages:
        of_stage = [row for row in every if (evalscript.REPO_SETS[name] or row["stage"]) == stage]
        # Each scored kind has examples, and so do specific statements (the hard negatives).
        if name != "real-plans.jsonl":
            for kind in evalscript.KINDS[stage]:
                assert any(kind in row["gold"] for row in of_stage), (name, kind)
        assert any(not row["gold"] for row in of_stage), (name, stage)


def test_split_is_deterministic_and_near_forty_percent() -> None:
    texts = [f"Statement number {n} about a child." for n in range(2000)]
    share = sum(map(evalscript.is_heldout, texts)) / len(texts)
    assert 0.37 <= share <= 0.43
    assert [evalscript.is_heldout(t) for t in texts[:50]] == \
        [evalscript.is_heldout(t.upper() + "  ") for t in texts[:50]]


def test_scoring_counts_precision_recall_and_false_alarms() -> None:
    Row = evalscript.Row
    result = evalscript.score([
        Row("a", "need", {"service"}, {"service"}),
        Row("b", "need", {"service"}, set()),
        Row("c", "need", set(), {"service"}),
        Row("d", "need", set(), set()),
    ], ("service", "universal"))
    service = result["per_kind"]["service"]
    assert (service["precision"], service["recall"]) == (0.5, 0.5)
    assert result["macro_f1"] == 0.5  # universal has no support and no flag: not averaged
    assert len(result["false_alarms"]) == 1 and result["specific"] == 2


def test_scorer_runs_without_the_shared_sets(tmp_path: Path, capsys) -> None:
    """CI cannot see ../shared: the scorer says so and still scores the repo's sets."""
    code = evalscript.main(["--pipeline", "blank", "--shared-dir", str(tmp_path / "absent")])
    out = capsys.readouterr().out
    assert code in (0, 1)
    assert "not found; scoring the repo's sets only" in out
    assert "== summary (dev)" in out and "dev/needs.jsonl" in out
    assert "macro-F1" in out and "false alarms" in out


def test_heldout_run_hides_the_statements(capsys) -> None:
    """Held-out figures are printed; the statements the coach got wrong are not."""
    assert evalscript.main(["--heldout", "--pipeline", "blank"]) in (0, 1)
    out = capsys.readouterr().out
    assert "== summary (heldout)" in out and "shared/" not in out
    assert "MISCLASSIFIED" not in out
