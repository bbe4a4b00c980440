"""The case model: validation a worker can read, exact JSON round trips, schema version."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from assistant.content import Content
from assistant.model import (
    SCHEMA_VERSION,
    Case,
    Comment,
    Need,
    Outcome,
    Person,
    Seriousness,
    WorkItem,
    explain,
)


def problems(data: dict, framework=None) -> list[str]:
    with pytest.raises(ValidationError) as info:
        Case.model_validate(data, context={"framework": framework})
    return explain(info.value)


def test_fixture_round_trips_exactly(case_json: str) -> None:
    case = Case.from_json(case_json, Content().framework)
    assert case.to_json() == case_json
    assert Case.from_json(case.to_json()) == case


def test_json_carries_the_schema_version(case: Case) -> None:
    assert json.loads(case.to_json())["schema_version"] == SCHEMA_VERSION


def test_newer_schema_is_refused_with_a_readable_message() -> None:
    lines = problems({"reference": "NL-1", "schema_version": SCHEMA_VERSION + 1})
    assert lines == [
        f"Schema version: this case was written by a newer needs-led (schema "
        f"{SCHEMA_VERSION + 1}); this version reads schema {SCHEMA_VERSION} and older"
    ]


def test_messages_name_the_place_in_worker_terms() -> None:
    data = {
        "reference": "NL-1",
        "people": [{"id": "p1", "name": "Sam"}],
        "needs": [
            {"holder": "p1", "wording": "Sam needs to sit still in circle time",
             "seriousness": {"rating": "high"},
             "outcomes": [{"statement": "Sam sits for 10 minutes", "target_date": "soon"}]}
        ],
    }
    lines = problems(data)
    assert "Need 1, seriousness, what will happen if the need is not met: is required" in lines
    assert "Need 1, outcome 1, target date: is not a date (write it as YYYY-MM-DD)" in lines


def test_empty_wording_asks_for_words() -> None:
    lines = problems({"reference": "NL-1", "people": [{"id": "p1", "name": "Sam"}],
                      "needs": [{"holder": "p1", "wording": "   "}]})
    assert lines == ["Need 1, wording: is empty; please write something here"]


def test_reference_must_not_look_like_a_name_with_punctuation() -> None:
    assert problems({"reference": "Smith, John!"}) == [
        "Case reference: must be 1-40 letters, digits, spaces or . _ / - "
        "(a case reference, not a name)"
    ]


def test_a_need_must_be_held_by_someone_in_the_case() -> None:
    lines = problems({"reference": "NL-1", "people": [{"id": "p1", "name": "Sam"}],
                      "needs": [{"holder": "p9", "wording": "needs to sleep"}]})
    assert len(lines) == 1 and "held by 'p9', who is not one of the people" in lines[0]


def test_work_must_serve_an_outcome_of_the_same_need() -> None:
    with pytest.raises(ValidationError, match="not one of this need's outcomes"):
        Need(holder="p1", wording="x", outcomes=[Outcome(id="o1", statement="y")],
             work=[WorkItem(action="z", outcome_id="o2")])


def test_framework_scales_come_from_content_not_code() -> None:
    framework = Content().framework
    lines = problems(
        {"reference": "NL-1", "people": [{"id": "p1", "name": "Sam", "role": "alien"}]},
        framework,
    )
    assert lines[0].startswith("Person 1, role: 'alien' is not one of: child,")
    # Without a framework in context, the value is not judged by the model.
    assert Person(name="Sam", role="alien").role == "alien"
    assert Seriousness(consequences="x", rating="severe").rating == "severe"
    with pytest.raises(ValidationError, match="not one of: low, moderate, high, severe"):
        Seriousness.model_validate({"consequences": "x", "rating": "dire"},
                                   context={"framework": framework})


def test_threshold_level_is_on_the_frameworks_scale() -> None:
    framework = Content().framework
    assert framework.threshold_scale == [1, 2, 3, 4, 5]
    level = Seriousness.model_validate({"consequences": "x", "threshold_level": 5},
                                       context={"framework": framework})
    assert level.threshold_level == 5
    for bad in (0, 6):
        with pytest.raises(ValidationError, match="not on the threshold scale"):
            Seriousness.model_validate({"consequences": "x", "threshold_level": bad},
                                       context={"framework": framework})
    with pytest.raises(ValidationError):
        Seriousness(consequences="x", threshold_level=-1)
    # Read back without a framework (a stored case), any level recorded stays readable.
    assert Seriousness(consequences="x", threshold_level=6).threshold_level == 6


def test_control_characters_are_neutralised_on_the_way_in() -> None:
    need = Need(holder="p1", wording="Sam\x00 needs\x1b[31m to sleep\r\nat night\x07")
    assert need.wording == "Sam needs[31m to sleep\nat night"


def test_invisible_characters_that_split_words_are_dropped_on_the_way_in() -> None:
    """A zero-width space after a name, pasted from a web page, took the name's place as
    the holder ("Leo\u200b"); a soft hyphen hid "counselling" from the coach."""
    need = Need(holder="p1", wording="Leo\u200b needs counsel\u00adling\ufeff.\u2060")
    assert need.wording == "Leo needs counselling."


def test_a_huge_paste_is_refused_with_a_clear_limit_not_truncated() -> None:
    lines = problems({"reference": "NL-1", "story": "x" * 1_048_576})
    assert lines == ["Story: is too long (the most it can hold is 200,000 characters)"]


def test_unknown_fields_are_rejected() -> None:
    assert problems({"reference": "NL-1", "surname": "Smith"}) == [
        "Surname: is not a field this version knows"
    ]


def test_assignment_is_validated_too(case: Case) -> None:
    with pytest.raises(ValidationError):
        case.needs[0].wording = ""
    assert case.needs[0].wording.startswith("Kayla needs")


def test_a_rejected_assignment_leaves_the_case_as_it_was(case: Case) -> None:
    before = list(case.comments)
    with pytest.raises(ValidationError, match="a comment is about 'nowhere'"):
        case.comments = [*case.comments, Comment(text="Why?", about="nowhere")]
    assert case.comments == before
    with pytest.raises(ValidationError):
        case.needs[0].work = [WorkItem(action="x", outcome_id="o-unknown")]
    assert [w.id for w in case.needs[0].work] == ["w1", "w2"]


def test_helpers(case: Case) -> None:
    need = case.needs[0]
    assert case.holder_name(need) == "Kayla"
    assert case.need(need.id) is need
    assert case.person("nobody") is None
