"""Roles and scales are content: a trainer's copy of framework.yml changes what the code does.

Each test writes an override folder holding only framework/framework.yml (everything else
comes from the default content, file by file) and checks that the code follows it:
a role added there is labelled, gendered, read as a parent or a child, and counted on the
audit form; a four-level threshold scale and a renamed lowest seriousness are obeyed.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from assistant.content import Content, ContentError
from assistant.interview import Interview
from assistant.model import Case, Need, Person, Seriousness
from assistant.wording.context import forms, is_parent
from assistant.wording.pronouns import target_gender
from assistant.wordlists import english
from tests.helpers import ROOT, WORDS

NEW_ROLES = """\
  - id: godparent
    label: Godparent
    audit_label: Godparent
    female: {words: [godmother], called: [godmum]}
    male: {words: [godfather], called: [goddad]}
  - id: twin
    label: Twin
    audit_label: Twin
    kind: child
    words: [twin]
  - id: expected
    label: Baby on the way
    audit_label: Child
    kind: child
    unborn: true
    words: [expected baby]
"""


def override(tmp_path: Path, edit) -> Content:
    """An override folder with only framework/framework.yml, edited by ``edit``."""
    folder = tmp_path / "framework"
    folder.mkdir(parents=True, exist_ok=True)
    text = (ROOT / "framework" / "framework.yml").read_text(encoding="utf-8")
    edited = edit(text)
    assert edited != text
    (folder / "framework.yml").write_text(edited, encoding="utf-8")
    return Content(tmp_path)


def with_new_roles(text: str) -> str:
    return text.replace("\n# Words for people that name no one role",
                        "\n" + NEW_ROLES + "\n# Words for people that name no one role", 1)


def godparent_case(content: Content) -> Case:
    return Case.model_validate({
        "reference": "NL-2027-501",
        "people": [
            {"id": "c1", "role": "child", "name": "Kayla", "age": 9, "sex": "female"},
            {"id": "g1", "role": "godparent", "name": "Bea"},
            {"id": "t1", "role": "twin", "name": "Kai", "age": 9},
            {"id": "u1", "role": "expected", "name": "Baby"},
        ],
        "needs": [
            {"id": "n1", "holder": "g1",
             "wording": "Bea needs to know how to calm Kayla at bedtime"},
            {"id": "n2", "holder": "t1", "wording": "Kai needs a bed of his own"},
            {"id": "n3", "holder": "c1",
             "wording": "Kayla needs to see her Godmum every Sunday"},
        ],
    }, context={"framework": content.framework})


def test_a_role_added_only_in_content_is_labelled_gendered_and_read(tmp_path: Path) -> None:
    content = override(tmp_path, with_new_roles)
    framework = content.framework
    assert framework.label("roles", "godparent") == "Godparent"
    assert framework.child_roles >= {"twin", "expected"}
    assert framework.unborn_roles == {"unborn", "expected"}
    roles = framework.vocabulary
    # Gendered by the words the role lists, in either gender.
    assert target_gender("Godmum needs a course.", "Godmum", roles, lists=WORDS.pronouns) == "f"
    assert target_gender("Goddad needs a course.", "Goddad", roles, lists=WORDS.pronouns) == "m"
    # A parent or carer for the coach; "the twin" takes "the", "Godmum" is written as a name.
    assert is_parent("Godmum", roles) and is_parent("the godfather", roles)
    assert not is_parent("the twin", roles)
    assert forms("twin", roles, lists=WORDS.context) == ("the twin", "the twin")
    assert forms("Godmum", roles, lists=WORDS.context) == ("Godmum", "Godmum")
    # The default content knows none of it.
    shipped = Content().framework.vocabulary
    assert not is_parent("Godmum", shipped) and target_gender("", "Godmum", shipped,
            lists=WORDS.pronouns) is None


def test_the_interview_finds_a_new_role_by_its_words(tmp_path: Path) -> None:
    content = override(tmp_path, with_new_roles)
    case = Case(reference="NL-2027-502", story="Kayla stays with her godmum on Fridays.",
                people=[Person(id="c1", role="child", name="Kayla", age=9)])
    interview = Interview(case, content)
    assert interview.role_for("godmum") == "godparent"
    assert interview.role_for("the goddad") == "godparent"
    assert interview.person_from("Bea, godmum, 60").role == "godparent"
    assert "godmum" in interview.family_in_story()
    assert Interview(case, Content()).role_for("godmum") is None


def test_the_coach_offers_a_new_roles_holder_parents_statements(tmp_path: Path) -> None:
    from assistant.wording import Coach

    content = override(tmp_path, with_new_roles)
    coach = Coach(content, "blank")
    case = godparent_case(content)
    member = coach.library.family(case).member("Bea")
    assert member is not None and member.role == "godparent" and not member.child
    kai = coach.library.family(case).member("Kai")
    assert kai is not None and kai.child


def test_a_new_role_is_counted_right_on_the_audit_form(tmp_path: Path) -> None:
    from assistant.audit.redaction import audit_form_from_case

    content = override(tmp_path, with_new_roles)
    form = audit_form_from_case(godparent_case(content), "Auditor", date(2027, 3, 1),
                                content=content)
    assert [(c.label, c.age_band) for c in form.children] == [
        ("Child 1", "5-9"), ("Twin 1", "5-9"), ("Child 2", "pre-birth")]
    assert [(n.holder, n.holder_kind) for n in form.needs] == [
        ("Godparent", "parent"), ("Twin 1", "child"), ("Child 1", "child")]
    assert form.needs[0].wording == "Godparent needs to know how to calm Child 1 at bedtime"
    # A role's word is not a name: it stays on the form.
    assert form.needs[2].wording == "Child 1 needs to see her Godmum every Sunday"


def test_a_word_may_name_only_one_role(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="'gran' is a word for both grandparent and godparent"):
        _ = override(tmp_path, lambda t: with_new_roles(t).replace(
            "called: [godmum]", "called: [godmum, gran]")).framework


def test_old_framework_files_with_child_flags_still_load(tmp_path: Path) -> None:
    """A trainer's copy from before roles had a kind said ``child: true``."""
    content = override(tmp_path, lambda t: with_new_roles(t).replace(
        "    kind: child\n    words: [twin]\n", "    child: true\n    words: [twin]\n"))
    assert "twin" in content.framework.child_roles
    assert content.framework.role("twin").kind == "child"


# --- scales ---------------------------------------------------------------------------------

FOUR_LEVELS = """threshold_levels:
  - {id: "1", label: "Level 1: universal"}
  - {id: "2", label: "Level 2: early help"}
  - {id: "3", label: "Level 3: targeted"}
  - {id: "4", label: "Level 4: specialist"}
"""


def four_levels_minor(text: str) -> str:
    start = text.index("threshold_levels:")
    end = text.index("audit_status:")
    text = text[:start] + FOUR_LEVELS + "\n" + text[end:]
    return (text.replace("  - id: low\n    label: Low\n    adds_up: true\n",
                         "  - id: minor\n    label: Minor\n    adds_up: true\n")
            .replace("  - id: moderate\n", "  - id: moderate\n    adds_up: true\n", 1))


def test_the_threshold_scale_comes_from_the_framework(tmp_path: Path) -> None:
    content = override(tmp_path, four_levels_minor)
    framework = content.framework
    assert framework.threshold_scale == [1, 2, 3, 4]
    data = {"consequences": "x", "threshold_level": 4}
    assert Seriousness.model_validate(data, context={"framework": framework}).threshold_level == 4
    with pytest.raises(ValidationError,
                       match=r"level 5 is not on the threshold scale \(1, 2, 3, 4\)"):
        Seriousness.model_validate({**data, "threshold_level": 5},
                                   context={"framework": framework})
    with pytest.raises(ValidationError, match="level 5 is not on the threshold scale"):
        Case.model_validate({"reference": "NL-1", "level_of_need": 5},
                            context={"framework": framework})
    # A stored case read without the framework keeps the level it was saved with.
    assert Case.model_validate({"reference": "NL-1", "level_of_need": 5}).level_of_need == 5


def test_a_threshold_id_that_is_not_a_number_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="threshold_levels: each id is a whole number"):
        _ = override(tmp_path, lambda t: t.replace('{id: "1", label: "Level 1',
                                                   '{id: "one", label: "Level 1')).framework


def test_the_needs_that_add_up_follow_the_flag_not_the_id(tmp_path: Path) -> None:
    content = override(tmp_path, four_levels_minor)
    assert content.framework.low_ratings == {"minor", "moderate"}
    ratings = ["minor", "moderate", "minor"]
    case = Case(reference="NL-2027-503",
                people=[Person(id="c1", role="child", name="Kayla", age=9)],
                needs=[Need(id=f"n{i}", holder="c1", wording=f"Kayla needs to read {i}",
                            seriousness=Seriousness(consequences="x", rating=rating))
                       for i, rating in enumerate(ratings)])
    kinds = [g.kind for g in Interview(case, content).gaps()]
    assert "low_adds_up" in kinds
    # With the shipped scale only "low" adds up, and "minor" is no rating there at all.
    shipped = Content().framework
    assert shipped.low_ratings == {"low"} and shipped.safety_ratings == {"severe"}


def test_with_no_flag_the_lowest_rating_adds_up(tmp_path: Path) -> None:
    content = override(tmp_path, lambda t: t.replace("    adds_up: true\n", "")
                       .replace("    asks_safety: true\n", ""))
    assert content.framework.low_ratings == {"low"}
    assert content.framework.safety_ratings == {"severe"}


# --- an override with one file: every command takes the rest from the default ------------


def test_every_command_runs_with_an_override_holding_only_the_themes(tmp_path: Path) -> None:
    """The README's promise, through the CLI: copy only what you change."""
    from tests.helpers import FIXTURES, run_cli

    override_dir = tmp_path / "local"
    (override_dir / "framework").mkdir(parents=True)
    themes = (ROOT / "framework" / "themes.yml").read_text(encoding="utf-8")
    (override_dir / "framework" / "themes.yml").write_text(themes, encoding="utf-8")
    env = {"NEEDS_LED_DB": str(tmp_path / "cases.db"), "NEEDS_LED_CONTENT": str(override_dir)}
    out = tmp_path / "out"
    commands = [
        ("import", str(FIXTURES / "case.json")),
        ("cases",),
        ("schema",),
        ("check", "--stage", "need", "Sam needs counselling."),
        ("export", "NL-2026-014", "--format", "plan-html,plan-md,family-html,audit-json",
         "--out", str(out), "--date", "2027-01-10"),
        ("supervise", "NL-2026-014"),
        ("review", "NL-2026-014", "--from", str(FIXTURES / "review1.yml")),
        ("practice", "list"),
        ("audit", "new", "Local"),
        ("audit", "add", "Local", str(out / "NL-2026-014-audit-form.json")),
        ("audit", "suggest", "Local", "--no-coach", "--pipeline", "blank"),
        ("audit", "report", "Local", "--out", str(tmp_path / "report"), "--date", "2027-01-11"),
        ("audit", "blank", "--out", str(tmp_path / "paper")),
    ]
    for command in commands:
        result = run_cli(*command, env=env)
        assert result.returncode == 0, (command, result.stderr)
        assert "missing content file" not in result.stderr
    assert (tmp_path / "report" / "needgroups-report.html").is_file()


def test_the_report_and_the_import_follow_a_four_level_scale(tmp_path: Path) -> None:
    from assistant.audit.form import AuditForm
    from assistant.audit.repository import AuditStore
    from assistant.needgroups import Analyzer, Suggester, build_report, load_themes
    from assistant.paperforms import check_forms
    from assistant.redact import load_names
    from assistant.store import Store

    content = override(tmp_path / "content", four_levels_minor)
    framework = content.framework

    def form(reference: str, level: int | None, rating: str) -> AuditForm:
        return AuditForm.model_validate({
            "case_reference": reference, "audit_date": "2027-01-10", "level_of_need": level,
            "needs": [{"holder": "Child 1", "holder_kind": "child", "seriousness": rating,
                       "wording": "Child 1 needs to get to school on time"}]})

    forms = [form("C-1", 4, "minor"), form("C-2", 2, "moderate"), form("C-3", None, "minor"),
             form("C-4", 5, "minor"), form("C-5", 1, "low")]
    checked = check_forms("f.json", forms, framework, names=load_names(content))
    problems = [str(p) for p in checked.problems]
    assert [f.case_reference for f in checked.forms] == ["C-1", "C-2", "C-3"]
    assert any("level of need 5 is not on the scale (1, 2, 3, 4)" in p for p in problems)
    assert any("seriousness 'low' is not one of minor, moderate, high, severe" in p
               for p in problems)
    themes = load_themes(content)
    with Store(tmp_path / "audit.db") as store:
        audit = AuditStore(store)
        sample_id = audit.new_sample("Four levels")
        # A form from another area's scale, pooled without the check, is still counted.
        audit.add_forms(sample_id, [*checked.forms, forms[3]], "f.json")
        report = build_report(audit, sample_id, "Four levels", framework, themes,
                              Suggester(themes, Analyzer("blank", content)),
                              stop=english(content).need_groups.stop)
    assert report.levels == [("Level 1", 0), ("Level 2", 1), ("Level 3", 0), ("Level 4", 1),
                             ("Level 5", 1), ("Not recorded", 1)]
    assert report.seriousness_labels[0] == "Minor"


def test_a_parent_holder_is_read_whatever_its_case_or_ending() -> None:
    """Only a possessive or plural ending comes off a holder's word: a leading "s" stays
    ("stepdad" once read as "tepdad"), so a lower-case step-parent is a parent."""
    roles = Content().framework.vocabulary
    for holder in ("stepdad", "Stepdad", "stepmum", "Mum's", "the carers'", "grandparents"):
        assert is_parent(holder, roles), holder
    for holder in ("sister", "sisters", "Son", "Miss"):
        assert not is_parent(holder, roles), holder
