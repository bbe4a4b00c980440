"""Word and PDF exports, the base template, and what a plan carries.

The .docx files are opened with python-docx and their tables and text checked; the PDFs
are read with pypdf (page count, page size, text) and laid out again with WeasyPrint's own
document API to check that no heading ends a page. Golden copies of what a reader sees are
in tests/golden/*.txt (regenerate with UPDATE_GOLDEN=1 and review the diff).
"""

from __future__ import annotations

import io
import os
import re
from datetime import date
from pathlib import Path

import pytest

from assistant.content import Content
from assistant.documents import WORK_COLUMNS
from assistant.errors import ExportError
from assistant.exporters import export, render
from assistant.formats import FORMATS
from assistant.model import Case
from tests.helpers import CONTENT, FIXTURES, ROOT, run_cli

GOLDEN = Path(__file__).resolve().parent / "golden"
DAY = date(2026, 11, 20)
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
A4 = (595.28, 841.89)  # points
HERE = {"PYTHONPATH": str(ROOT)}  # this checkout's code, from whatever folder a test runs in
DOCX = [f for f in FORMATS if f.endswith("-docx")]
PDF = [f for f in FORMATS if f.endswith("-pdf")]
HTML_TEMPLATES = ("plan.html.j2", "family.html.j2", "audit.html.j2",
                  "practice-feedback.html.j2", "needgroups-report.html.j2", "vignette.html.j2")


# --- reading the documents back ----------------------------------------------------------


def docx_outline(data: bytes) -> str:
    """What a reader sees in a .docx, block by block: headers, styled paragraphs, tables.

    A cell merged with the one above it shows as '^', so the golden copy records where
    the child's plan table writes a need or an outcome once for several rows.
    """
    from docx import Document
    from docx.text.paragraph import Paragraph

    doc = Document(io.BytesIO(data))
    out = [f"[header] {' | '.join(p.text for p in s.header.paragraphs)}" for s in doc.sections]
    for block in doc.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip():
                out.append(f"{block.style.name}: {block.text}")
            continue
        out.append("[table]")
        above: list = []
        for row in block.rows:
            cells = row.cells
            texts = []
            for k, cell in enumerate(cells):
                merged = k < len(above) and above[k]._tc is cell._tc
                texts.append("^" if merged else cell.text.replace("\n", " / "))
            out.append("  | " + " | ".join(texts))
            above = cells
    return "\n".join(out) + "\n"


def pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def document_text(fmt: str, data: str | bytes) -> str:
    """The text of any export, for checks that hold across formats."""
    if isinstance(data, str):
        return data
    if fmt.endswith("-docx"):
        return docx_outline(data)
    return "\n".join(pdf_pages(data))


def _golden(name: str, text: str) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with UPDATE_GOLDEN=1"
    assert text == golden.read_text(encoding="utf-8"), (
        f"{name} differs; if intended, regenerate with UPDATE_GOLDEN=1 and review the diff")


# --- Word ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", DOCX)
def test_docx_golden(case: Case, fmt: str) -> None:
    data = render(case, fmt, when=DAY, auditor="Auditor (fictional)", with_supervision=True,
                  content=CONTENT)
    assert isinstance(data, bytes) and data[:2] == b"PK"
    _golden(f"NL-2026-014-{fmt}.txt", docx_outline(data))


def test_docx_plan_tables(case: Case) -> None:
    """The plan's tables: details, the child's plan table in the seeds/001 shape, signatures."""
    from docx import Document

    doc = Document(io.BytesIO(render(case, "plan-docx", when=DAY, content=CONTENT)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "{{" not in text and "{%" not in text
    assert "Appendix" not in text  # supervision is left out unless chosen
    details = doc.tables[0]
    assert [r.cells[0].text for r in details.rows][:5] == [
        "Case reference", "Date of this plan", "Worker", "How to contact the worker",
        "Review date"]
    work = next(t for t in doc.tables if t.rows[0].cells[0].text == WORK_COLUMNS[0][0])
    assert [c.text for c in work.rows[0].cells] == [title for title, _ in WORK_COLUMNS]
    assert work.rows[0]._tr.trPr is not None  # the heading row repeats on each page
    need1 = [r for r in work.rows[1:] if r.cells[0].text.startswith("Kayla needs to be at")]
    assert len(need1) == 2  # two work items...
    assert need1[0].cells[5]._tc is need1[1].cells[5]._tc  # ...one outcome cell, merged
    assert need1[0].cells[1].text != need1[1].cells[1].text
    signatures = doc.tables[-1]
    assert [c.text for c in signatures.rows[0].cells] == ["Name", "Role", "Signature", "Date"]
    roles = [r.cells[1].text for r in signatures.rows[1:]]
    assert roles[0] == "Worker" and roles[-1] == "Team manager" and "Mother" in roles


def test_docx_supervision_only_when_chosen(case: Case) -> None:
    without = docx_outline(render(case, "plan-docx", when=DAY, content=CONTENT))
    chosen = docx_outline(render(case, "plan-docx", when=DAY, with_supervision=True,
                                 content=CONTENT))
    assert "supervision notes" not in without.casefold()
    assert "What is Tyler's own view" not in without
    assert "What is Tyler's own view" in chosen and "Agreed in supervision" in chosen


def test_docx_escapes_what_was_typed(tmp_path: Path) -> None:
    evil = Case.from_json((FIXTURES / "injection.json").read_text(encoding="utf-8"))
    for fmt in DOCX:
        text = docx_outline(render(evil, fmt, when=DAY, with_supervision=True, content=CONTENT))
        assert "<script>alert(1)</script>" in text or fmt == "audit-docx"
        assert "49" not in text  # {{ 7*7 }} typed by the worker was never run


def test_docx_template_errors_are_one_line(case: Case, tmp_path: Path) -> None:
    exports = tmp_path / "content" / "exports"
    exports.mkdir(parents=True)
    (exports / "plan.docx").write_bytes(b"not a zip")
    with pytest.raises(ExportError, match=r"plan\.docx: not a Word document"):
        render(case, "plan-docx", content=Content(tmp_path / "content"))


# --- PDF -------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", PDF)
def test_pdf_pages_are_a4_with_a_running_header(case: Case, fmt: str) -> None:
    from pypdf import PdfReader

    data = render(case, fmt, when=DAY, with_supervision=True, content=CONTENT)
    assert isinstance(data, bytes) and data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4[0]) < 1 and abs(height - A4[1]) < 1
    pages = pdf_pages(data)
    running = {"plan-pdf": "Child's plan · NL-2026-014", "family-pdf": "Our plan together ·",
               "audit-pdf": "Audit form · NL-2026-014"}[fmt]
    for number, text in enumerate(pages, 1):
        assert running in text, f"page {number} has no running header"
        assert f"Page {number} of {len(pages)}" in text
    expected = {"plan-pdf": 4, "family-pdf": 2, "audit-pdf": 1}[fmt]
    assert len(pages) == expected, f"{fmt}: {len(pages)} pages"
    _golden(f"NL-2026-014-{fmt}.txt", " ".join(" ".join(pages).split()) + "\n")


def test_pdf_repeats_table_headings_and_ends_no_page_on_a_heading(case: Case) -> None:
    from weasyprint import HTML

    html = render(case, "plan-html", when=DAY, with_supervision=True, content=CONTENT)
    document = HTML(string=html).render()
    work_pages = 0
    for page in document.pages:
        boxes = list(page._page_box.descendants())
        tags = [getattr(b, "element_tag", None) for b in boxes]
        if "Identified need" in " ".join(
                getattr(b, "text", "") for b in boxes if type(b).__name__ == "TextBox"):
            work_pages += 1
        headings = [b for b in boxes if getattr(b, "element_tag", None) in ("h2", "h3")
                    and type(b).__name__ == "BlockBox"]
        if not headings:
            continue
        last = max(headings, key=lambda b: b.position_y)
        below = [b for b, tag in zip(boxes, tags, strict=True)
                 if tag in ("p", "td", "li", "dd", "dt") and b.position_y > last.position_y]
        assert below, f"page {page} ends on the heading {last.element.text!r}"
    assert work_pages >= 2, "the child's plan table spans two pages and repeats its headings"


LONG_WORD = "Unbrokenrunofletterswithnospaceatalllikeapastedlinkorastuckkeyboard" * 2


@pytest.mark.parametrize("fmt", ["plan-html", "family-html", "audit-html"])
def test_a_word_longer_than_the_line_breaks_inside_the_page(case: Case, fmt: str) -> None:
    """A run of letters longer than the line (a pasted link, a stuck key) in the need, the
    risks and the story is broken onto the next line, not printed past the right edge of
    the page, where the PDF cut it off (found walking the exports: the plan's need
    heading and its risks ran off the page)."""
    from weasyprint import HTML

    long = case.model_copy(deep=True)
    long.needs[0].wording = f"Kayla needs to be at school by 8.45 {LONG_WORD}"
    long.needs[0].risks = f"Mornings are chaotic. {LONG_WORD}"
    long.story = f"{long.story} {LONG_WORD}"
    html = render(long, fmt, when=DAY, with_supervision=True, content=CONTENT)
    for page in HTML(string=html).render().pages:
        right = page.width - page._page_box.margin_right
        for box in page._page_box.descendants():
            if type(box).__name__ == "TextBox":
                end = box.position_x + box.width
                assert end <= right + 1, f"{fmt}: {box.text[:40]!r} ends at {end:.0f} > {right:.0f}"


def test_audit_pdf_is_one_page_even_when_long(case: Case) -> None:
    long_case = case.model_copy(deep=True)
    extra = [need.model_copy(update={"id": f"x{k}"}) for k in range(3) for need in case.needs]
    long_case.needs = [*long_case.needs, *extra]
    assert len(pdf_pages(render(long_case, "audit-pdf", when=DAY, content=CONTENT))) == 1


# --- the plan carries what plans carry ---------------------------------------------------


def test_plan_carries_the_sections_of_a_plan(case: Case) -> None:
    filled = case.model_copy(deep=True, update={
        "worker_contact": "01632 960000", "review_date": date(2027, 2, 15),
        "contingency": "If Kayla misses two days in a week, we will meet within five days.",
        "distribution": ["Dee (mother)", "Class teacher"]})
    filled.needs[0].child_voice = "Kayla says she likes it when her aunt walks her in."
    filled.needs[0].parent_views = "Dee says mornings are the hardest time."
    for fmt in ("plan-html", "plan-md", "plan-docx", "plan-pdf"):
        text = " ".join(document_text(fmt, render(filled, fmt, when=DAY, content=CONTENT)).split())
        for expected in ("01632 960000", "15 February 2027", "Partly met",
                         "Kayla says she likes it when her aunt walks her in.",
                         "Dee says mornings are the hardest time.",
                         "we will meet within five days", "Class teacher", "Signature",
                         "Team manager"):
            assert expected in text, (fmt, expected)


def test_work_table_writes_each_outcome_once(case: Case) -> None:
    html = str(render(case, "plan-html", when=DAY, content=CONTENT))
    table = html.split('<table class="work">', 1)[1].split("</table>", 1)[0]
    outcome = "By the February review Kayla will attend school"
    assert table.count(outcome) == 1
    assert re.search(r'<td rowspan="2">By the February review', table)
    md = str(render(case, "plan-md", when=DAY, content=CONTENT))
    md = md.split("## The work", 1)[1].split("##", 1)[0]
    assert md.count(outcome) == 1


def test_supervision_and_stale_kept_wording(case: Case) -> None:
    """Kept wording shows only with supervision, with readable advice, and only while the
    wording is still in the plan."""
    from assistant.model import KeptWording

    changed = case.model_copy(deep=True)
    changed.needs[0].kept_wording = [
        KeptWording(rule="service-named", wording=changed.needs[0].wording, reason="Current"),
        KeptWording(rule="service-named", wording="Kayla needs counselling.", reason="Stale"),
    ]
    plain = str(render(changed, "plan-html", when=DAY, content=CONTENT))
    assert "Current" not in plain and "supervision" not in plain.casefold().split("<body")[1]
    chosen = str(render(changed, "plan-html", when=DAY, with_supervision=True, content=CONTENT))
    assert "Current" in chosen and "Stale" not in chosen
    assert "service-named" not in chosen
    assert "a service or a referral rather than the need" in chosen


# --- one base template -------------------------------------------------------------------


def test_every_html_document_extends_the_base() -> None:
    for name in HTML_TEMPLATES:
        text = (ROOT / "exports" / name).read_text(encoding="utf-8")
        assert '{% extends "base.html.j2" %}' in text, name
        assert "Content-Security-Policy" not in text, f"{name} repeats the base's policy"


def test_a_trainers_base_restyles_all_and_one_template_falls_back(case: Case,
                                                                 tmp_path: Path) -> None:
    exports = tmp_path / "content" / "exports"
    exports.mkdir(parents=True)
    base = (ROOT / "exports" / "base.html.j2").read_text(encoding="utf-8")
    (exports / "base.html.j2").write_text(
        base.replace("<body", "<p>Northshire Council</p>\n<body", 1), encoding="utf-8")
    content = Content(tmp_path / "content")
    for fmt in ("plan-html", "family-html", "audit-html"):
        page = str(render(case, fmt, when=DAY, content=content))
        assert "Northshire Council" in page and "default-src 'none'" in page
    (exports / "base.html.j2").unlink()
    (exports / "plan.html.j2").write_text(
        '{% extends "base.html.j2" %}{% block content %}Edited plan{% endblock %}',
        encoding="utf-8")
    assert "Edited plan" in str(render(case, "plan-html", when=DAY, content=content))
    family = str(render(case, "family-html", when=DAY, content=content))
    assert "Our plan together" in family and "@page" in family


# --- no internal labels ----------------------------------------------------------------


def test_no_internal_labels_in_what_a_reader_sees(case: Case) -> None:
    from assistant.wording.rules import RuleSet

    rule_ids = {rule.id for rule in RuleSet.load(CONTENT).rules if "-" in rule.id}
    labelled = case.model_copy(deep=True)
    labelled.needs[0].kept_wording[:] = []
    from assistant.model import KeptWording

    for rule in sorted(rule_ids)[:5]:
        labelled.needs[0].kept_wording.append(
            KeptWording(rule=rule, wording=labelled.needs[0].wording, reason="Kept"))
    for fmt in FORMATS:
        if fmt in ("case-json", "audit-json", "audit-csv"):
            continue  # data files for programs, not documents
        text = document_text(fmt, render(labelled, fmt, when=DAY, with_supervision=True,
                                         content=CONTENT))
        visible = re.sub(r"<[^>]+>", " ", text.split("<body", 1)[-1])
        assert not re.search(r"seeds?[/ ]?0\d\d", visible, re.I), fmt
        found = [r for r in rule_ids if re.search(rf"(?<![\w-]){re.escape(r)}(?![\w-])",
                                                  visible)]
        assert not found, (fmt, found)
        for ident in ("p1", "p2", "n1", "o1", "w1"):
            assert not re.search(rf"(?<!\w){ident}(?!\w)", visible), (fmt, ident)


# --- where files go ----------------------------------------------------------------------


def test_default_folder_is_in_the_users_documents(case_json: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), **HERE}
    done = run_cli("export", str(FIXTURES / "case.json"), "-f", "plan-md", env=env,
                   cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    folder = home / "Documents" / "needs-led" / "NL-2026-014"
    assert done.stderr.startswith(f"Writing to {folder}")
    assert (folder / "NL-2026-014-plan.md").is_file()
    assert not (tmp_path / "NL-2026-014-plan.md").exists()


def test_out_is_relative_to_where_the_command_runs(tmp_path: Path) -> None:
    done = run_cli("export", str(FIXTURES / "case.json"), "-f", "docx,pdf", "--out",
                   "mine", cwd=tmp_path, env=HERE)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in (tmp_path / "mine").iterdir())
    assert names == sorted(f"NL-2026-014-{n}" for n in (
        "plan.docx", "family-plan.docx", "audit-form.docx", "plan.pdf", "family-plan.pdf",
        "audit-form.pdf"))
    assert all(Path(line).is_absolute() for line in done.stdout.splitlines())


def test_format_defaults_to_all(tmp_path: Path) -> None:
    done = run_cli("export", str(FIXTURES / "case.json"), "--out", str(tmp_path),
                   "--with-supervision")
    assert done.returncode == 0, done.stderr
    assert len(list(tmp_path.iterdir())) == len(FORMATS)
    assert "Supervision notes" in (tmp_path / "NL-2026-014-plan.md").read_text("utf-8")


def test_every_format_writes_a_file(case: Case, tmp_path: Path) -> None:
    paths = export(case, FORMATS, tmp_path, when=DAY, content=CONTENT)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in paths)
    for path in paths:
        assert path.stat().st_size > 0 and path.stat().st_mode & 0o077 == 0


def _word_template(path: Path, *paragraphs: str) -> None:
    from docx import Document

    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(path)


def test_a_trainers_word_template_is_used_and_the_rest_fall_back(case: Case,
                                                                 tmp_path: Path) -> None:
    exports = tmp_path / "content" / "exports"
    exports.mkdir(parents=True)
    _word_template(exports / "plan.docx", "Northshire plan for {{ case.reference }}",
                   "{%p for need in case.needs %}", "{{ need.wording }}", "{%p endfor %}",
                   "{{p work_table }}")
    content = Content(tmp_path / "content")
    plan = docx_outline(render(case, "plan-docx", when=DAY, content=content))
    assert "Normal: Northshire plan for NL-2026-014" in plan
    assert "Normal: Tyler needs to be home by 9pm" in plan and "[table]" in plan
    family = docx_outline(render(case, "family-docx", when=DAY, content=content))
    assert "Title: Our plan together" in family


def test_a_mistake_in_a_word_template_is_one_line(case: Case, tmp_path: Path) -> None:
    exports = tmp_path / "content" / "exports"
    exports.mkdir(parents=True)
    _word_template(exports / "plan.docx", "{{ case.reference }")
    with pytest.raises(ExportError, match=r"^plan\.docx: "):
        render(case, "plan-docx", content=Content(tmp_path / "content"))
    _word_template(exports / "plan.docx", "{{ case.nedds }}")
    with pytest.raises(ExportError, match=r"^plan\.docx: .*nedds"):
        render(case, "plan-docx", content=Content(tmp_path / "content"))


# --- what a child too young to speak shows -----------------------------------------------


def _with_a_toddler(case: Case, age: int | None, role: str = "child") -> tuple[Case, str]:
    """The case's first child's need, with their voice recorded, the child made ``age``."""
    child = next(p for p in case.people if p.role == "child")
    child.age = age
    child.role = role
    need = next(n for n in case.needs if n.holder == child.id)
    need.child_voice = "Hides behind the sofa when voices are raised; settles with her gran."
    return case, child.name


@pytest.mark.parametrize("fmt", ["plan-html", "plan-md", "plan-docx", "plan-pdf"])
@pytest.mark.parametrize(("age", "role", "verb"), [
    (2, "child", "shows us"), (4, "child", "shows us"), (5, "child", "says"),
    (11, "child", "says"), (None, "child", "says"), (None, "unborn", "shows us")])
def test_a_child_too_young_to_speak_shows_us_in_every_plan(
        case: Case, fmt: str, age: int | None, role: str, verb: str) -> None:
    """A two-year-old's recorded voice is what she shows us, not what she says: the same
    age as the interview's "say or show" question (framework young_child_below), in
    every format of the plan; a child of five or more, or of no recorded age, says."""
    case, name = _with_a_toddler(case, age, role)
    text = document_text(fmt, render(case, fmt, when=DAY, auditor="Auditor (fictional)",
                                     content=CONTENT))
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))
    assert f"What {name} {verb}" in text
    other = "says" if verb == "shows us" else "shows us"
    assert f"What {name} {other}" not in text


def test_the_age_a_child_shows_more_than_says_is_one_setting(case: Case, tmp_path: Path) -> None:
    """framework.yml's young_child_below moves the interview's question and the plan's
    label together; a prompts file of old that still gives young_below is told where it
    went, in one line."""
    from assistant.content import ContentError
    from assistant.interview import Interview
    from assistant.interview.prompts import load_prompts

    (tmp_path / "framework").mkdir()
    text = CONTENT.read_text("framework", "framework.yml")
    assert "young_child_below: 5\n" in text
    (tmp_path / "framework" / "framework.yml").write_text(
        text.replace("young_child_below: 5\n", "young_child_below: 8\n"), encoding="utf-8")
    content = Content(tmp_path)
    case, name = _with_a_toddler(case, 6)
    plan = render(case, "plan-md", when=DAY, auditor="Auditor (fictional)", content=content)
    assert f"What {name} shows us" in plan
    iv = Interview(case, content)
    child = next(p for p in case.people if p.name == name)
    iv.goto(f"voice:{next(n.id for n in case.needs if n.holder == child.id)}")
    assert "say or show" in iv.question().text

    (tmp_path / "prompts").mkdir()
    old = CONTENT.read_text("prompts", "interview.yml").replace(
        "    ask_young:", "    young_below: 5\n    ask_young:", 1)
    (tmp_path / "prompts" / "interview.yml").write_text(old, encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_prompts(Content(tmp_path))
    assert "young_child_below" in str(err.value) and "\n" not in str(err.value).strip()


def test_an_emoji_the_worker_typed_is_printed_with_a_font_that_has_it(case: Case) -> None:
    """A story quoting a child's message ("she texted 😢 at 2am") prints the emoji, not an
    empty box: the PDF embeds a font that has it (``make pdf-libs`` installs Noto Color
    Emoji). Found walking the exports: the boxes were all that was left of what was typed."""
    from pypdf import PdfReader

    quoted = case.model_copy(deep=True)
    quoted.story = f"{quoted.story} Kayla texted her mum 😢 at 2am."
    pdf = PdfReader(io.BytesIO(render(quoted, "plan-pdf", when=DAY, content=CONTENT)))
    fonts = {str(font.get_object()["/BaseFont"]) for page in pdf.pages
             for font in page["/Resources"].get("/Font", {}).values()}
    assert any("Emoji" in font for font in fonts), fonts
