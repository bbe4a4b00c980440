"""The audit-form record: no names leave, CSV pools and reads back, the schema is current."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from pydantic import ValidationError

from assistant.audit.csvcodec import CSV_COLUMNS, CsvError, csv_rows, forms_from_csv, write_csv
from assistant.audit.form import AuditForm, json_schema
from assistant.audit.redaction import audit_form_from_case
from assistant.content import Content
from assistant.model import Case, Person
from tests.helpers import CONTENT, FIXTURES, ROOT

DAY = date(2026, 11, 20)


@pytest.fixture
def form(case: Case) -> AuditForm:
    return audit_form_from_case(case, "Auditor (fictional)", DAY, content=CONTENT)


def test_form_from_fixture_case(form: AuditForm) -> None:
    assert form.case_reference == "NL-2026-014"
    assert [(c.label, c.age_band, c.sex) for c in form.children] == [
        ("Child 1", "5-9", "female"),
        ("Child 2", "10-15", "male"),
    ]
    assert form.level_of_need == 3
    assert [(n.holder, n.holder_kind, n.seriousness, n.status) for n in form.needs] == [
        ("Child 1", "child", "high", "partly"),
        ("Child 1", "child", "moderate", "unknown"),
        ("Mother", "parent", "high", "unknown"),
        ("Child 2", "child", "high", "unknown"),
    ]
    assert form.needs[2].wording == (
        "Mother needs to stop drinking in the mornings so she can get the children up "
        "and ready for school."
    )
    assert form.needs[0].services[0] == (
        "Aunt walks Child 1 to school and makes sure she has breakfast — Aunt (family network)"
    )
    assert form.needs[3].services == []


def test_no_name_of_anyone_in_the_case_leaves(case: Case, form: AuditForm) -> None:
    text = form.model_dump_json() + write_csv([form])
    for person in case.people:
        assert person.name.casefold() not in text.casefold()


def test_names_replaced_whole_words_any_case_and_possessive(case: Case) -> None:
    case.needs[0].wording = "kayla's mum and KAYLA need Kaylan to Deem it fine; Dee too."
    form = audit_form_from_case(case, "", DAY, content=CONTENT)
    # "Kaylan" is not Kayla, but it is a name: the second net takes it.
    assert form.needs[0].wording == (
        "Child 1's mum and Child 1 need [name] to Deem it fine; Mother too."
    )


def test_age_bands_from_age_date_of_birth_and_role(case: Case) -> None:
    case.people += [
        Person(id="p4", role="unborn", name="Baby"),
        Person(id="p5", role="sibling", name="Ri", date_of_birth=date(2009, 11, 21)),
        Person(id="p6", role="sibling", name="Jo", date_of_birth=date(2008, 11, 20)),
        Person(id="p7", role="sibling", name="Al"),
    ]
    form = audit_form_from_case(case, "", DAY, content=CONTENT)
    assert [c.age_band for c in form.children] == [
        "5-9", "10-15", "pre-birth", "16-17", "18+", "not known",
    ]
    assert [c.label for c in form.children][-1] == "Child 6"


def test_two_people_with_one_role_are_numbered(case: Case) -> None:
    case.people.append(Person(id="p9", role="mother", name="Bea"))
    case.needs[1].holder = "p9"
    form = audit_form_from_case(case, "", DAY, content=CONTENT)
    assert form.needs[1].holder == "Mother 2"
    assert form.needs[2].holder == "Mother 1"


def test_no_threshold_level_recorded(case: Case) -> None:
    for need in case.needs:
        if need.seriousness:
            need.seriousness.threshold_level = None
    assert audit_form_from_case(case, "", DAY, content=CONTENT).level_of_need is None


def test_csv_rows_one_per_need_with_form_columns_repeated(form: AuditForm) -> None:
    rows = csv_rows(form)
    assert len(rows) == 4
    assert all(list(row) == list(CSV_COLUMNS) for row in rows)
    assert {row["case_reference"] for row in rows} == {"NL-2026-014"}
    assert rows[0]["children"] == "Child 1 (5-9, female); Child 2 (10-15, male)"
    assert rows[0]["services"].count(" | ") == 1


def test_csv_round_trips_several_forms(case: Case, form: AuditForm) -> None:
    other = audit_form_from_case(case, "Second auditor", date(2026, 12, 1), content=CONTENT)
    empty = AuditForm(case_reference="NL-0", audit_date=DAY, auditor="A")
    text = write_csv([form, other, empty])
    assert forms_from_csv(text) == [form, other, empty]


def test_csv_defuses_spreadsheet_formulas_and_reads_them_back(case: Case) -> None:
    case.needs[0].wording = "=HYPERLINK(\"http://x\")"
    case.needs[0].work[0].action = "@SUM(A1)"
    case.needs[1].wording = "-1+2 needs\non two lines"
    case.needs[2].wording = "'=quoted' and 'apostrophes'"
    case.needs[3].wording = "''already doubled"
    form = audit_form_from_case(case, "+auditor", DAY, content=CONTENT)
    text = write_csv([form])
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert "'=HYPERLINK(\"http://x\")" in cells
    assert forms_from_csv(text) == [form]


def test_csv_missing_column_is_a_clear_error() -> None:
    with pytest.raises(CsvError, match="line 1: missing column"):
        forms_from_csv("case_reference,auditor\nX,Y\n")


def test_csv_bad_children_cell_names_the_line(form: AuditForm) -> None:
    text = write_csv([form]).replace("Child 2 (10-15, male)", "Child 2 aged 14", 1)
    with pytest.raises(CsvError, match=r"line 2: children: cannot read 'Child 2 aged 14'"):
        forms_from_csv(text)


def test_csv_bad_status_is_rejected_against_the_framework(form: AuditForm) -> None:
    """The status is an id from the framework's audit_status list: a form is read without
    the framework, and an id not on the list is refused when the form is imported."""
    from assistant.paperforms import check_forms
    from assistant.redact import load_names

    text = write_csv([form]).replace(",partly,", ",half,", 1)
    (read,) = forms_from_csv(text)
    checked = check_forms("f.csv", [read], CONTENT.framework, names=load_names(CONTENT))
    assert checked.forms == []
    assert "status 'half' is not one of met, partly, unmet, closed, unknown" in str(
        checked.problems[0])
    with pytest.raises(ValidationError):  # not an id at all
        forms_from_csv(write_csv([form]).replace(",partly,", ",Half met!,", 1))


def test_json_round_trips_and_rejects_newer_versions(form: AuditForm) -> None:
    text = form.model_dump_json(indent=2)
    assert AuditForm.model_validate_json(text) == form
    data = json.loads(text)
    data["form_version"] = 3
    with pytest.raises(ValidationError):
        AuditForm.model_validate(data)
    data["form_version"] = 1
    data["needs"][0]["holder_kind"] = "sibling"
    with pytest.raises(ValidationError):
        AuditForm.model_validate(data)


def test_case_reference_must_not_look_like_a_name_sentence() -> None:
    with pytest.raises(ValidationError):
        AuditForm(case_reference="<Kayla Smith>", audit_date=DAY)


def test_schema_file_is_current_and_documented() -> None:
    path = ROOT / "exports" / "audit-form.schema.json"
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk == json_schema(CONTENT.framework), (
        "exports/audit-form.schema.json is out of date; regenerate it with "
        "python -c 'import json; from assistant.audit.form import json_schema; "
        "from assistant.content import Content; "
        "print(json.dumps(json_schema(Content().framework), indent=2, ensure_ascii=False))'"
    )
    assert on_disk["$id"].endswith("audit-form-2.json")
    assert "never a name" in on_disk["properties"]["case_reference"]["description"]
    assert set(on_disk["required"]) == {"case_reference", "audit_date"}


def test_schema_matches_what_the_json_export_writes(form: AuditForm) -> None:
    """Every key written is in the schema, and required keys are written."""
    schema = json_schema(CONTENT.framework)
    data = json.loads(form.model_dump_json())
    assert set(data) <= set(schema["properties"])
    need_props = schema["$defs"]["AuditNeed"]["properties"]
    assert set(data["needs"][0]) <= set(need_props)
    assert need_props["status"]["enum"] == ["met", "partly", "unmet", "closed", "unknown"]
    level = schema["properties"]["level_of_need"]["anyOf"][0]
    assert level["enum"] == [1, 2, 3, 4, 5]


def test_status_ids_match_the_framework() -> None:
    framework = Content().framework
    assert set(framework.ids("audit_status")) == {"met", "partly", "unmet", "closed", "unknown"}


def test_injection_case_form_has_no_names() -> None:
    case = Case.from_json((FIXTURES / "injection.json").read_text(encoding="utf-8"))
    form = audit_form_from_case(case, "", DAY, content=CONTENT)
    text = form.model_dump_json()
    assert "Zoe" not in text and "{{ Mo }}" not in text
    assert form.children[1].age_band == "pre-birth"
    assert form.level_of_need == 4


def test_multi_word_names_replaced_whole_and_by_part(case: Case) -> None:
    case.people[2].name = "Mary-Jo B."
    case.people[0].name = "{{ Ki }}"
    case.needs[0].wording = "Mary-Jo B. and Mary-Jo; {{ Ki }} and Ki; {{ 7*7 }}; B. stays."
    form = audit_form_from_case(case, "", DAY, content=CONTENT)
    assert form.needs[0].wording == (
        "Mother and Mother; Child 1 and Child 1; {{ 7*7 }}; B. stays."
    )


def test_a_family_need_is_its_own_kind(case: Case) -> None:
    case.people.append(Person(id="pf", role="family", name="The Family"))
    case.needs[3].holder = "pf"
    form = audit_form_from_case(case, "", DAY, content=CONTENT)
    assert (form.needs[3].holder, form.needs[3].holder_kind) == ("Family", "family")
    assert len(form.children) == 2


def test_every_schema_field_is_described() -> None:
    schema = json_schema(CONTENT.framework)
    for name, model in [("AuditForm", schema), *schema["$defs"].items()]:
        for field, spec in model["properties"].items():
            assert spec.get("description"), f"{name}.{field} has no description"


# --- names however they are typed (review findings 1-3) -------------------------------------


def _wording(case: Case, names: dict[int, str], wording: str) -> str:
    for index, name in names.items():
        case.people[index].name = name
    case.needs[0].wording = wording
    return audit_form_from_case(case, "", DAY, content=CONTENT).needs[0].wording


def test_names_match_across_apostrophes_dashes_accents_and_possessives(case: Case) -> None:
    got = _wording(case, {0: "Zoë", 1: "Ellie-Mae Smith-Jones", 2: "Shay O'Neil"},
                   "Zoe and ZOË; Ellie spoke to Ms Smith; Ellie‑Mae (non-breaking hyphen); "
                   "Mrs O’Neil and O’NEIL’s flat; Zoes bag, Zoe’s coat; Smiths stays? no.")
    assert got == (
        "Child 1 and Child 1; Child 2 spoke to Child 2; Child 2 (non-breaking hyphen); "
        "Mother and Mother’s flat; Child 1's bag, Child 1’s coat; Child 2's stays? no."
    )


def test_a_name_ending_in_s_keeps_a_bare_apostrophe(case: Case) -> None:
    assert _wording(case, {0: "James"}, "James' school and 'James' in quotes") == (
        "Child 1' school and 'Child 1' in quotes")


def test_dotted_capital_i_neither_crashes_nor_leaks(case: Case) -> None:
    got = _wording(case, {0: "Ibrahim"}, "İBRAHİM needs a bed; ibrahim, IBRAHIM’S room.")
    assert got == "Child 1 needs a bed; Child 1, Child 1’S room."


def test_everyday_word_names_replaced_only_where_they_are_names(case: Case) -> None:
    names = {0: "Will", 1: "May"}
    assert _wording(case, names, "Mum will collect him by May 2027, or on 3rd of May.") == (
        "Mum will collect him by May 2027, or on 3rd of May.")
    assert _wording(case, names, "Will needs May's help; may Will's mum say so? May 4: ok") == (
        "Child 1 needs Child 2's help; may Child 1's mum say so? May 4: ok")
    # A capitalised possessive without an apostrophe is the name's; in lower case, a word.
    assert _wording(case, names, "Wills and Mays stay; the wills stay.") == (
        "Child 1's and Child 2's stay; the wills stay.")


def test_spacy_stop_words_are_read_without_importing_spacy() -> None:
    import subprocess
    import sys

    code = ("import sys; from assistant.content import Content; "
            "from assistant.redact import common_words, load_names; "
            "w = common_words(load_names(Content())); "
            "print('spacy' in sys.modules, 'whereas' in w, 'will' in w)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout.split()
    assert out == ["False", "True", "True"]


def test_plain_words_phrase_with_dotted_capital_i_is_swapped_not_a_crash() -> None:
    from assistant.plainwords import PlainWords, make_plain

    plain = make_plain(PlainWords(acronyms={"CIN": "Child in Need"},
                                  phrases={"initial assessment": "first look", "in situ": "there"}))
    assert plain("İNİTİAL ASSESSMENT, then initial assessment; CIN stays in situ.") == (
        "First look, then first look; Child in Need (CIN) stays there.")


def test_every_export_renders_for_a_turkish_name_in_capitals(case: Case) -> None:
    from assistant.exporters import FORMATS, render

    case.people[0].name = "Ibrahim"
    case.needs[0].wording = "İBRAHİM needs to be at school by 8.45 every morning."
    for fmt in FORMATS:
        text = render(case, fmt, auditor="Auditor (fictional)", when=DAY, content=CONTENT)
        if isinstance(text, bytes):
            continue  # Word and PDF: tests/test_export_documents.py reads their text
        if fmt.startswith("audit"):
            assert "İBRAHİM" not in text and "Child 1 needs to be at school" in text
