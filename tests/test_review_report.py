"""Audit form version 2 and "Is anyone better off?": version 1 and 2 forms pooled in one
Need Groups report, through the real audit store and the real report template."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from assistant.audit.csvcodec import REQUIRED_CSV_COLUMNS, write_csv
from assistant.audit.form import AuditForm
from assistant.audit.readers import read_forms
from assistant.audit.redaction import audit_form_from_case
from assistant.audit.repository import AuditStore
from assistant.content import Content
from assistant.model import Case
from assistant.needgroups import (
    Analyzer,
    Shuffle,
    Suggester,
    build_report,
    load_themes,
    suggest_sample,
    write_report,
)
from assistant.review import apply_review
from assistant.store import Store
from assistant.wordlists import english
from tests.helpers import CONTENT, FIXTURES

GOLDEN_FORMS = Path(__file__).resolve().parent / "golden" / "needgroups" / "forms.json"
DAY = date(2027, 6, 1)


def reviewed(case: Case, *names: str, reference: str) -> Case:
    content = Content()
    for name in names:
        data = yaml.safe_load((FIXTURES / f"{name}.yml").read_text(encoding="utf-8"))
        case = apply_review(case, data, content).case
    return case.model_copy(update={"reference": reference})


def v1_only_csv(forms: list[AuditForm]) -> str:
    """A pooled CSV as version 1 wrote it: its 13 columns, no review columns."""
    rows = list(csv.DictReader(io.StringIO(write_csv(forms))))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=REQUIRED_CSV_COLUMNS, lineterminator="\r\n",
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def test_a_version_2_form_carries_the_review(case: Case) -> None:
    form = audit_form_from_case(reviewed(case, "review1", "review2", reference="NL-R2"),
                                "", DAY, content=CONTENT)
    assert form.form_version == 2 and form.reviews == 2
    assert form.review_date == date(2027, 5, 17) and form.plan_result == "partly"
    assert [n.status for n in form.needs][:3] == ["closed", "met", "partly"]
    child = [d for d in form.distance if d.holder == "Child 1" and d.domain == "participation"]
    assert (child[0].baseline, child[0].latest, child[0].profile) == (4, 1, "child")
    assert {d.holder for d in form.distance} == {"Family", "Child 1", "Child 2", "Mother"}
    text = form.model_dump_json()
    assert "Kayla" not in text and "Dee" not in text and "Tyler" not in text
    [again], problems = read_forms("one.csv", write_csv([form]).encode())
    assert problems == [] and again == form


def test_a_version_1_form_is_read_and_written_as_version_1() -> None:
    forms, problems = read_forms("forms.json", GOLDEN_FORMS.read_bytes())
    assert problems == [] and {f.form_version for f in forms} == {1}
    assert "reviews" not in json.loads(forms[0].model_dump_json())
    again, problems = read_forms("v1.csv", v1_only_csv(forms).encode())
    assert problems == [] and again == forms
    bad = json.loads(forms[0].model_dump_json()) | {"plan_result": "wholly"}
    _, problems = read_forms("bad.json", json.dumps(bad).encode())
    assert "need form_version 2" in problems[0].message


@pytest.fixture
def pooled(tmp_path: Path, case: Case):
    """Four version 1 forms (JSON and a v1-only CSV) and two version 2 forms, one sample."""
    v1, _ = read_forms("forms.json", GOLDEN_FORMS.read_bytes())
    twice = audit_form_from_case(reviewed(case, "review1", "review2", reference="NL-R2"),
                                 "A", DAY, content=CONTENT)
    once = audit_form_from_case(reviewed(case, "review1", reference="NL-R1"), "A", DAY,
                                content=CONTENT)
    not_yet = audit_form_from_case(case, "A", DAY, content=CONTENT)
    files = [("v1.json", json.dumps([json.loads(f.model_dump_json()) for f in v1[:2]])),
             ("v1.csv", v1_only_csv(v1[2:])),
             ("v2.csv", write_csv([twice, not_yet])),
             ("v2.json", once.model_dump_json())]
    with Store(tmp_path / "audit.db") as store:
        audit = AuditStore(store)
        sample_id = audit.new_sample("Pooled")
        for name, text in files:
            forms, problems = read_forms(name, text.encode())
            assert problems == []
            audit.add_forms(sample_id, forms, name)
        themes = load_themes(CONTENT)
        suggester = Suggester(themes, Analyzer(None, CONTENT))
        suggest_sample(audit, sample_id, suggester)
        Shuffle(audit, sample_id).accept(themes=themes)
        content = Content()
        yield build_report(audit, sample_id, "Pooled", content.framework, themes, suggester,
                           generated=DAY, distance=content.distance,
                           stop=english(content).need_groups.stop)


def test_version_1_and_2_forms_pool_in_one_report(pooled, tmp_path: Path) -> None:
    b = pooled.better_off
    assert (b.forms, b.reviewed, b.measured) == (7, 2, 2)
    assert b.statement.startswith("2 of 7 forms carry a review")
    assert dict(b.results)["Partly achieved"] == 2
    participation = dict((label, mean) for label, mean, _ in b.domains)
    assert participation["Child: Participation in learning, education or work"] == 1.0
    levels = {row.label: row for row in b.breakdowns["By level of need"]}
    assert sum(row.reviewed for row in levels.values()) == 2
    ages = {row.label: row for row in b.breakdowns["By age band"]}
    assert ages["5-9"].reviewed == 2 and ages["5-9"].improved == 2
    groups = b.breakdowns["By Need Group"]
    assert groups and all(row.reviewed <= 2 for row in groups)
    card = dict(pooled.card["Is anyone better off?"])
    assert card["Forms that carry a review"] == "2 of 7"
    html_path = next(p for p in write_report(pooled, tmp_path / "out", content=CONTENT)
                     if p.suffix == ".html")
    html = html_path.read_text(encoding="utf-8")
    assert "2 of 7 forms carry a review" in html
    assert '<svg class="results"' in html and "Distance travelled by domain" in html
    assert "By Need Group" in html
