"""Write the starting Word templates in exports/: plan.docx, family-plan.docx, audit-form.docx.

The templates are content: a trainer opens them in Word and changes fonts, colours, the
logo in the header or the wording, keeping the {{ ... }} and {%p ... %} tags (docxtpl's
Jinja2; see exports/README.md). This script is how the defaults were first made, kept so
they can be rebuilt; once a template has been edited in Word, edit it there instead.

    .venv/bin/python scripts/make_docx_templates.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

EXPORTS = Path(__file__).resolve().parent.parent / "exports"
ACCENT = RGBColor(0x24, 0x52, 0x7A)


def new_document(running: str, landscape: bool = False) -> Any:
    """An A4 document with the house styles, a running header and page numbers."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    section.top_margin, section.bottom_margin = Cm(1.8), Cm(1.6)
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    for name, size in (("Title", 22), ("Heading 1", 14), ("Heading 2", 12)):
        style = doc.styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT
        style.paragraph_format.keep_with_next = True  # no heading alone at a page's foot
    header = section.header.paragraphs[0]
    header.text = running
    header.runs[0].font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = 2  # right
    _run(footer, "Page ")
    _field(footer, "PAGE")
    _run(footer, " of ")
    _field(footer, "NUMPAGES")
    return doc


def _run(paragraph: Any, text: str) -> None:
    paragraph.add_run(text).font.size = Pt(8)


def _field(paragraph: Any, code: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def tag(doc: Any, text: str) -> None:
    """A paragraph holding only a docxtpl block tag ({%p ... %}); it leaves no line."""
    doc.add_paragraph(text)


def table(doc: Any, rows: list[list[str]], header: bool = True,
          widths: list[float] | None = None) -> Any:
    """A grid table; the first row is a heading row that repeats on every page."""
    t = doc.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = t.cell(r, c)
            cell.text = value
            if header and r == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            if widths:
                cell.width = Cm(widths[c])
    if header:
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        t.rows[0]._tr.get_or_add_trPr().append(repeat)
    return t


def details(doc: Any, rows: list[tuple[str, str]]) -> None:
    t = table(doc, [list(r) for r in rows], header=False, widths=[5.0, 12.4])
    for row in t.rows:
        for run in row.cells[0].paragraphs[0].runs:
            run.bold = True


def plan() -> Any:
    doc = new_document("Child's plan · {{ case.reference }} · {{ when|nice_date }}")
    doc.add_paragraph("Child's plan", style="Title")
    details(doc, [
        ("Case reference", "{{ case.reference }}"),
        ("Date of this plan", "{{ when|nice_date }}"),
        ("Worker", "{{ case.worker }}"),
        ("How to contact the worker", "{{ case.worker_contact }}"),
        ("Review date", "{{ case.review_date|nice_date }}"),
        ("Level of need", '{% if case.level_of_need %}{{ label("threshold_levels", '
                          'case.level_of_need|string) }}{% else %}Not recorded{% endif %}'),
    ])
    doc.add_heading("The story in brief", 1)
    doc.add_paragraph('{{ case.story or "No story recorded." }}')
    doc.add_heading("The child and family", 2)
    tag(doc, "{%p for p in case.people %}")
    doc.add_paragraph("{{ p.name }}: {{ role(p.id) }}{% if p.age is not none %}, "
                      "{{ p.age }}{% endif %}", style="List Bullet")
    tag(doc, "{%p endfor %}")

    doc.add_heading("Needs", 1)
    tag(doc, "{%p for need in case.needs %}")
    doc.add_heading("Need {{ loop.index }}: {{ holder(need) }} ({{ role(need.holder) }})", 2)
    doc.add_paragraph().add_run("{{ need.wording }}").bold = True
    details(doc, [
        ("Status", '{{ label("audit_status", need.status) }}'),
        ("What {{ holder(need) }} {{ 'shows us' if young(need.holder) else 'says' }}",
         '{{ own_words(need) or "Not recorded" }}'),
        ("{%tr if is_child(need.holder) %}", ""),
        ("What the parents say", '{{ need.parent_views or "Not recorded" }}'),
        ("{%tr elif need.child_voice %}", ""),
        ("What the child says", "{{ need.child_voice }}"),
        ("{%tr endif %}", ""),
        ("Strengths", '{{ need.strengths or "None recorded" }}'),
        ("Risks", '{{ need.risks or "None recorded" }}'),
        ("If not met", '{{ need.seriousness.consequences if need.seriousness '
                       'else "Not yet considered" }}'),
        ("Seriousness", '{{ label("seriousness", need.seriousness.rating) if need.seriousness '
                        'and need.seriousness.rating else "Not rated" }}'),
        ("How soon", '{{ label("urgency", need.seriousness.urgency) if need.seriousness '
                     'and need.seriousness.urgency else "Not recorded" }}'),
    ])
    tag(doc, "{%p if need.outcomes %}")
    doc.add_paragraph()
    table(doc, [
        ["Outcome", "Whose", "How we will know", "By"],
        ["{%tr for outcome in need.outcomes %}", "", "", ""],
        ["{{ outcome.statement }}", '{{ label("outcome_domains", outcome.whose) }}',
         '{{ outcome.measure or "Not recorded" }}',
         '{{ outcome.target_date|nice_date("No date") }}'],
        ["{%tr endfor %}", "", "", ""],
    ], widths=[7.0, 3.0, 4.9, 2.5])
    tag(doc, "{%p else %}")
    doc.add_paragraph("No outcome agreed yet.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not case.needs %}")
    doc.add_paragraph("No needs recorded yet.")
    tag(doc, "{%p endif %}")

    doc.add_heading("The work: the child's plan", 1)
    doc.add_paragraph("{{p work_table }}")

    doc.add_heading("If the plan is not working", 1)
    doc.add_paragraph('{{ case.contingency or "Not yet agreed." }}')
    doc.add_heading("Who this plan goes to", 1)
    tag(doc, "{%p for who in case.distribution %}")
    doc.add_paragraph("{{ who }}", style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not case.distribution %}")
    doc.add_paragraph("Not yet agreed.")
    tag(doc, "{%p endif %}")

    doc.add_heading("Signatures", 1)
    doc.add_paragraph("By signing, each person says they have read this plan and agree to "
                      "their part in it.")
    signatures = table(doc, [
        ["Name", "Role", "Signature", "Date"],
        ["{%tr for s in signatories %}", "", "", ""],
        ["{{ s.name }}", "{{ s.role }}", "", ""],
        ["{%tr endfor %}", "", "", ""],
    ], widths=[4.5, 3.9, 6.0, 3.0])
    signatures.rows[2].height = Cm(1.2)

    tag(doc, "{%p if with_supervision %}")
    doc.add_heading("Appendix: supervision notes and kept wording", 1)
    doc.add_heading("Supervision notes", 2)
    table(doc, [
        ["When", "Who", "About", "Note"],
        ["{%tr for c in case.comments %}", "", "", ""],
        ["{{ c.at|short_date }}", "{{ c.author or c.role|capitalize }}",
         '{{ item_label(c.about) or "The whole case" }}',
         "{{ c.text }}{% if c.resolved %} (resolved){% endif %}"],
        ["{%tr endfor %}", "", "", ""],
    ], widths=[2.4, 3.0, 3.0, 9.0])
    doc.add_heading("Agreed actions", 2)
    table(doc, [
        ["Action", "Who", "By", "Done"],
        ["{%tr for a in case.agreed_actions %}", "", "", ""],
        ["{{ a.action }}", '{{ a.owner or "Not recorded" }}', '{{ a.due|nice_date("No date") }}',
         '{% if a.done %}Yes{% else %}Not yet{% endif %}'],
        ["{%tr endfor %}", "", "", ""],
    ], widths=[8.4, 3.5, 3.0, 2.5])
    doc.add_heading("Wording kept against the coach's advice", 2)
    table(doc, [
        ["Need", "Wording kept", "The coach's advice", "Reason", "When"],
        ["{%tr for need in case.needs %}", "", "", "", ""],
        ["{%tr for k in kept(need) %}", "", "", "", ""],
        ["Need {{ need_number[need.id] }}", "{{ k.wording }}", "{{ advice(k.rule) }}",
         "{{ k.reason }}", "{{ k.at|nice_date }}"],
        ["{%tr endfor %}", "", "", "", ""],
        ["{%tr endfor %}", "", "", "", ""],
    ], widths=[1.8, 4.6, 4.6, 4.0, 2.4])
    tag(doc, "{%p endif %}")
    return doc


def family() -> Any:
    doc = new_document("Our plan together · {{ when|nice_date }}")
    doc.styles["Normal"].font.size = Pt(12)
    doc.add_paragraph("Our plan together", style="Title")
    doc.add_paragraph('This is the plan for {% if case.people|length > 1 %}'
                      '{{ case.people[:-1]|map(attribute="name")|join(", ") }} and '
                      '{{ case.people[-1].name }}{% elif case.people %}{{ case.people[0].name }}'
                      '{% else %}your family{% endif %}.')
    doc.add_paragraph("It says what each of you needs. It says who will help, and how. "
                      "It says how we will know it is working.")
    doc.add_paragraph("We wrote it on {{ when|nice_date }}.{% if case.worker %} Your worker is "
                      "{{ case.worker }}.{% endif %}{% if case.worker_contact %} You can reach "
                      "them on {{ case.worker_contact }}.{% endif %}")
    tag(doc, "{%p if case.review_date %}")
    doc.add_paragraph("We will meet to check the plan on {{ case.review_date|nice_date }}.")
    tag(doc, "{%p endif %}")

    tag(doc, "{%p for need in case.needs %}")
    tag(doc, '{%p set where = "Need " ~ loop.index %}')
    doc.add_heading("What {{ holder(need) }} needs", 1)
    doc.add_paragraph().add_run(
        '{% if need.family_words %}{{ family_words(need.family_words) }}{% else %}'
        '{{ plain(need.wording, where ~ ", the need") or "We will talk with you about this." }}'
        '{% endif %}').bold = True
    tag(doc, '{%p set going_well = plain(need.strengths, where ~ ", what is going well") %}')
    tag(doc, "{%p if going_well %}")
    doc.add_heading("What is going well", 2)
    doc.add_paragraph("{{ going_well }}")
    tag(doc, "{%p endif %}")
    doc.add_heading("What we hope to see", 2)
    tag(doc, "{%p for outcome in need.outcomes %}")
    doc.add_paragraph('{{ plain(outcome.statement, where ~ ", outcome " ~ loop.index) or '
                      '"We will agree this with you." }}{% if outcome.target_date %} We will '
                      'check by {{ outcome.target_date|nice_date }}.{% endif %}',
                      style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not need.outcomes %}")
    doc.add_paragraph("We will agree this with you.")
    tag(doc, "{%p endif %}")
    doc.add_heading("Who will help, and how", 2)
    tag(doc, "{%p for item in need.work %}")
    doc.add_paragraph('{{ plain(item.action, where ~ ", work " ~ loop.index) or '
                      '"We will explain this part with you." }}'
                      '{% if item.who %} Who: {{ plain_words(item.who) }}.{% endif %}'
                      '{% if item.frequency %} How often: {{ plain_words(item.frequency, true) }}.'
                      '{% endif %}{% if item.start_date %} Starts: '
                      '{{ item.start_date|nice_date }}.{% endif %}', style="List Bullet")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not need.work %}")
    doc.add_paragraph("We will agree this with you.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p if not case.needs %}")
    doc.add_paragraph("We have not written down any needs yet. We will do this with you.")
    tag(doc, "{%p endif %}")

    tag(doc, '{%p set backup = plain(case.contingency, "If the plan is not working") %}')
    tag(doc, "{%p if backup %}")
    doc.add_heading("If the plan is not working", 1)
    doc.add_paragraph("{{ backup }}")
    tag(doc, "{%p endif %}")
    doc.add_heading("If something is wrong", 1)
    doc.add_paragraph('This is your plan too. If something is wrong, or hard to understand, '
                      'please tell {{ case.worker or "your worker" }}. You can ask someone to '
                      'help you read it.')
    return doc


def audit() -> Any:
    doc = new_document("Audit form · {{ form.case_reference }} · {{ form.audit_date|nice_date }}")
    doc.styles["Normal"].font.size = Pt(9)
    doc.add_paragraph("Audit form: needs identified and services provided", style="Title")
    details(doc, [
        ("Case reference", "{{ form.case_reference }}"),
        ("Audit date", "{{ form.audit_date|nice_date }}"),
        ("Auditor", "{{ form.auditor }}"),
        ("Level of need", '{% if form.level_of_need %}{{ label("threshold_levels", '
                          'form.level_of_need|string) }}{% else %}Not recorded{% endif %}'),
        ("Children", "{% for c in form.children %}{{ c.label }}: {{ c.age_band }}, {{ c.sex }}"
                     "{% if not loop.last %}; {% endif %}{% else %}None recorded{% endfor %}"),
    ])
    for kind, title in (("child", "Needs of the children"),
                        ("parent", "Needs of the parents and carers"),
                        ("family", "Needs of the family as a whole")):
        select = f'form.needs|selectattr("holder_kind", "equalto", "{kind}")|list'
        if kind == "family":
            tag(doc, f"{{%p if {select} %}}")
        doc.add_heading(title, 2)
        table(doc, [
            ["No.", "Whose", "Need, as specifically worded", "Seriousness",
             "Services provided or planned", "Met?"],
            [f"{{%tr for n in {select} %}}", "", "", "", "", ""],
            ["{{ form.needs.index(n) + 1 }}", "{{ n.holder }}", "{{ n.wording }}",
             '{{ label("seriousness", n.seriousness) if n.seriousness else "Not rated" }}',
             '{{ n.services|join("; ") or "None recorded" }}',
             '{{ label("audit_status", n.status) }}'],
            ["{%tr endfor %}", "", "", "", "", ""],
        ], widths=[1.0, 2.0, 5.6, 2.3, 4.7, 1.8])
        if kind == "family":
            tag(doc, "{%p endif %}")
    doc.add_paragraph('No names: people are shown by role. Met? is one of: '
                      '{{ framework.audit_status|map(attribute="label")|join(", ") }}. '
                      'Audit form version {{ form.form_version }}.')
    return doc


def main() -> int:
    for name, build in (("plan.docx", plan), ("family-plan.docx", family),
                        ("audit-form.docx", audit)):
        path = EXPORTS / name
        build().save(path)
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
