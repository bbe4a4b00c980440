"""The plan as it forms: person -> need -> seriousness -> outcome -> work, as a tree."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree

from assistant.content import Framework
from assistant.model import Case


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class PlanTree(Tree[str]):
    """Each node's data is the interview step that edits it; selecting it goes there."""

    def show(self, case: Case, framework: Framework, current: str = "") -> None:
        self.clear()
        self.root.expand()
        roles = {r.id: r.label for r in framework.roles}
        for person in case.people:
            age = f", {person.age}" if person.age is not None else ""
            label = f"{person.name} ({roles.get(person.role, person.role)}{age})"
            pnode = self.root.add(label, data=f"need_new:{person.id}", expand=True)
            for need in (n for n in case.needs if n.holder == person.id):
                ser = need.seriousness
                tag = ""
                if ser and ser.rating:
                    tag = f" [{framework.label('seriousness', ser.rating)}]"
                nlabel = Text("Need: ", style="bold")
                nlabel.append(_short(need.wording) + tag)
                nnode = pnode.add(nlabel, data=f"need:{need.id}", expand=True)
                if ser:
                    nnode.add_leaf(f"If unmet: {_short(ser.consequences)}",
                                   data=f"consequences:{need.id}")
                else:
                    nnode.add_leaf(Text("Seriousness: not yet", style="dim"),
                                   data=f"consequences:{need.id}")
                for kept in need.kept_wording:
                    nnode.add_leaf(Text(f"Kept wording ({kept.rule}): {_short(kept.reason)}",
                                        style="italic"), data=f"need:{need.id}")
                for outcome in need.outcomes:
                    when = f" (by {outcome.target_date.isoformat()})" if outcome.target_date else ""
                    olabel = Text("Outcome: ", style="bold")
                    olabel.append(_short(outcome.statement) + when)
                    onode = nnode.add(olabel, data=f"outcome:{outcome.id}", expand=True)
                    for item in (w for w in need.work if w.outcome_id == outcome.id):
                        who = f" — {item.who}" if item.who else ""
                        onode.add_leaf(f"Work: {_short(item.action)}{who}",
                                       data=f"work:{item.id}")
                for item in (w for w in need.work if w.outcome_id is None):
                    nnode.add_leaf(Text(f"Work (no outcome): {_short(item.action)}",
                                        style="yellow"), data=f"work:{item.id}")
        self._show_current(current)

    def _show_current(self, current: str) -> None:
        """Put the tree's cursor on the item the current question is about."""
        target = current.split(":", 1)[-1]
        if not target:
            return
        for line in range(self.last_line + 1):
            node = self.get_node_at_line(line)
            if node is not None and node.data and node.data.split(":", 1)[1] == target:
                self.cursor_line = line
                self.scroll_to_node(node, animate=False)
                return
