"""Reviews and distance travelled: applying a review, the exported plan's chart (golden),
the review command from a file and its one-line errors."""

from __future__ import annotations

import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.content import Content
from assistant.exporters import export
from assistant.model import Case
from assistant.review import ReviewError, apply_review, distance_travelled, sparkline
from assistant.store import Store
from tests.helpers import CONTENT, FIXTURES, run_cli

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def review_data(name: str) -> dict:
    return yaml.safe_load((FIXTURES / f"{name}.yml").read_text(encoding="utf-8"))


@pytest.fixture
def reviewed_twice(case: Case) -> Case:
    content = Content()
    for name in ("review1", "review2"):
        case = apply_review(case, review_data(name), content).case
    return case


def test_a_review_records_results_status_and_the_plan_carried_forward(case: Case) -> None:
    applied = apply_review(case, review_data("review1"), Content())
    new = applied.case
    review = new.reviews[-1]
    assert review.number == 1 and review.on == date(2027, 2, 15)
    assert [r.result for r in review.outcomes] == ["achieved", "partly", "not-achieved"]
    assert new.needs[0].status == "met" and new.needs[2].status == "unmet"
    assert new.needs[2].seriousness.rating == "high"
    assert new.needs[1].outcomes[0].statement.startswith("By the May review")
    assert review.outcomes[1].statement.startswith("By the end of March")  # as it was reviewed
    assert len(new.needs) == len(case.needs) + 1 and review.new_needs == [new.needs[-1].id]
    assert new.review_date == date(2027, 5, 15)
    assert case.reviews == []  # the case given is not changed


def test_ended_outcomes_and_work_leave_the_plan(reviewed_twice: Case) -> None:
    first = reviewed_twice.needs[0]
    assert first.outcomes == [] and first.work == []
    assert reviewed_twice.needs[0].status == "closed"
    assert [c.decision for c in reviewed_twice.reviews[1].carried].count("ended") == 3


def test_distance_travelled_names_improvements_and_setbacks(case: Case) -> None:
    once = apply_review(case, review_data("review1"), Content()).case
    travelled = distance_travelled(once, Content())
    assert travelled.columns == ["Baseline", "Review 1"]
    assert ("Tyler: Participation in learning, education or work from Moderate (3) to "
            "Significant (4)") in travelled.setbacks
    assert ("Kayla: Participation in learning, education or work from Significant (4) to "
            "Minor (2)") in travelled.improvements
    assert len(travelled.improvements) == 7 and travelled.unchanged == 4


def test_distance_travelled_is_baseline_to_latest(reviewed_twice: Case) -> None:
    travelled = distance_travelled(reviewed_twice, Content())
    tyler = [r for r in travelled.rows if r.who_label == "Tyler" and r.domain == "participation"]
    assert tyler[0].series == [3, 4, 3] and tyler[0].change == 0
    assert travelled.setbacks == []
    assert sparkline([5, 3, 1]) == "█▅▁"


def test_the_exported_plan_carries_the_chart_and_table_golden(reviewed_twice: Case,
                                                              tmp_path: Path) -> None:
    paths = export(reviewed_twice, ["plan-html", "plan-md"], tmp_path, when=date(2027, 5, 18),
                   content=CONTENT)
    for path in paths:
        golden = GOLDEN / path.name.replace("-plan.", "-reviewed-plan.")
        if UPDATE:
            shutil.copyfile(path, golden)
        assert path.read_bytes() == golden.read_bytes(), (
            f"{path.name} differs from {golden.name}; regenerate with UPDATE_GOLDEN=1")
    text = paths[0].read_text(encoding="utf-8")
    assert '<svg class="distance"' in text and "Review 2" in text
    assert "better by 3" in text  # Kayla's participation, 4 to 1


@pytest.mark.parametrize(("change", "message"), [
    ({"outcomes": [{"outcome": "9.1", "result": "achieved"}]}, "need '9' is not in this case"),
    ({"outcomes": [{"outcome": "1.1", "result": "done"}]}, "'done' is not one of"),
    ({"needs": [{"need": 1, "status": "fine"}]}, "'fine' is not one of: met, partly"),
    ({"scores": {"Kayla": {"housing": 2}}}, "'housing' is not a domain of the child profile"),
    ({"scores": {"Kayla": {"general-health": 7}}}, "'7' is not a score (1-5)"),
    ({"scores": {"Zed": {"housing": 2}}}, "'Zed' is not a person in this case"),
    ({"date": "15/02/2027"}, "is not a date"),
    ({"outcomes": [{"outcome": "2.1", "result": "partly", "carry": "changed"}]},
     "'change_to' (the new wording) is empty"),
    ({"colour": "blue"}, "'colour' is not part of a review"),
])
def test_a_bad_review_is_one_line(case: Case, change: dict, message: str) -> None:
    with pytest.raises(ReviewError) as info:
        apply_review(case, change, Content())
    assert message in str(info.value) and "\n" not in str(info.value)


def test_vague_evidence_is_flagged_by_the_coach(case: Case, coach) -> None:
    applied = apply_review(case, review_data("review1"), Content(), coach)
    assert any("Kayla seems better" in w and "not yet evidence" in w for w in applied.warnings)
    assert not any("register" in w for w in applied.warnings)


def test_review_command_from_a_file_saves_one_labelled_revision(tmp_path: Path) -> None:
    db = tmp_path / "cases.db"
    assert run_cli("--db", str(db), "import", str(FIXTURES / "case.json")).returncode == 0
    result = run_cli("--db", str(db), "review", "NL-2026-014", "--from",
                     str(FIXTURES / "review1.yml"))
    assert result.returncode == 0, result.stderr
    assert "Review 1 on 2027-02-15 saved (revision 2)" in result.stdout
    assert "worse:  Tyler: Participation" in result.stdout
    assert "not yet evidence" in result.stderr
    with Store(db) as store:
        assert store.history("NL-2026-014")[-1].note == "Review 1 on 2027-02-15"
        assert store.load("NL-2026-014").reviews[0].plan_result == "partly"
    bad = tmp_path / "bad.yml"
    bad.write_text("outcomes: [\n", encoding="utf-8")
    result = run_cli("--db", str(db), "review", "NL-2026-014", "--from", str(bad))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_the_prompts_ask_again_and_build_the_same_review(case: Case, coach) -> None:
    """The terminal prompts (scripted here): a wrong choice is asked again, vague evidence
    is read back with the coach's words, and the answers make a review that applies."""
    from assistant.commands.review import Prompter, interview

    answers = iter([
        "2027-02-30", "2027-02-15",                    # not a date, asked again
        "done", "ach", "Kayla seems better", "Register: 19 of 20 days by 8.45", "", "",
        "", "",                                          # work 1.1 and 1.2 kept
        "met", "",                                       # need 1 status, seriousness same
        "", "", "",                                      # need 2: outcome, work, status
        "", "",                                          # need 3: outcome skipped, work kept
        "unmet", "higher", "high",                       # need 3 status and seriousness
        "",                                              # need 4 status skipped
        "Kayla", "Kayla needs to sleep through the night.", "",   # one new need
        "Mornings are calmer", "partly",
        "housing=3", "participation=4", "", "",          # baseline: family, Kayla, Tyler, Dee
        "housing=2", "participation=2", "", "",          # now
        "",                                              # next review
    ])
    said: list[str] = []
    data = interview(case, Content(), coach, Prompter(ask=lambda q: next(answers),
                                                      say=said.append))
    assert any("'2027-02-30' is not a date" in s for s in said)
    assert any("'done' is not one of" in s for s in said)
    assert any(s.strip().startswith("Not yet evidence") for s in said)
    assert data["outcomes"][0]["evidence"] == "Register: 19 of 20 days by 8.45"
    applied = apply_review(case, data, Content(), coach)
    assert applied.warnings == []
    assert applied.case.needs[2].seriousness.rating == "high"
    assert distance_travelled(applied.case, Content()).improvements == [
        "The family: Housing from Moderate (3) to Minor (2)",
        "Kayla: Participation in learning, education or work from Significant (4) to "
        "Minor (2)"]


def test_a_trainer_replaces_the_domains_and_a_broken_file_names_its_line(
        case: Case, tmp_path: Path) -> None:
    from assistant.content import ContentError

    folder = tmp_path / "framework"
    folder.mkdir()
    (folder / "distance.yml").write_text(
        "scale:\n  - {score: 1, label: Fine}\n  - {score: 2, label: Worry}\n"
        "  - {score: 3, label: Serious}\n"
        "profiles:\n  - id: family\n    label: Household\n    domains:\n"
        "      - {id: money, label: Money}\n", encoding="utf-8")
    content = Content(tmp_path)
    applied = apply_review(case, {"date": "2027-01-10", "baseline": {"family": {"money": 3}},
                                  "scores": {"family": {"Money": 1}}}, content)
    travelled = distance_travelled(applied.case, content)
    assert travelled.improvements == ["The family: Money from Serious (3) to Fine (1)"]
    with pytest.raises(ReviewError, match=re.escape("'4' is not a score (1-3)")):
        apply_review(case, {"scores": {"family": {"money": 4}}}, content)
    with pytest.raises(ReviewError, match="is not a domain of the child profile"):
        apply_review(case, {"scores": {"Kayla": {"general-health": 2}}}, content)
    (folder / "distance.yml").write_text(
        "scale:\n  - {score: 1, label: Fine}\n  - {score: 1, label: Again}\n"
        "profiles:\n  - id: family\n    label: Household\n    domains:\n"
        "      - {id: money, label: Money, colour: red}\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"distance\.yml:\d+: .*colour"):
        _ = Content(tmp_path).distance


def test_an_ended_outcome_leaves_its_kept_work_unlinked_not_broken(case: Case) -> None:
    """Found reviewing in the app: ending an outcome whose work is kept must not fail."""
    applied = apply_review(case, {"outcomes": [{"outcome": "1.1", "result": "achieved",
                                                "evidence": "Register: 38 of 40 days",
                                                "carry": "ended"}]}, Content())
    need = applied.case.needs[0]
    assert need.outcomes == [] and len(need.work) == 2
    assert all(item.outcome_id is None for item in need.work)
    with pytest.raises(ReviewError, match="too long"):
        apply_review(case, {"outcomes": [{"outcome": "1.1", "result": "partly",
                                          "carry": "changed", "change_to": "x" * 3000}]},
                     Content())
