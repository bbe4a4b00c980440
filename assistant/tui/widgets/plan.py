"""The plan as it forms: person -> need -> seriousness -> outcome -> work, as a tree.

Supervision comments sit under the item they are about, and comments on the whole case
and the agreed actions under a last "Supervision" branch, so the worker sees them where
they work.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from assistant.content import Framework
from assistant.dates import show_date
from assistant.model import AgreedAction, Case, Comment, Need, Person
from assistant.supervision import comments_about


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def comment_text(comment: Comment, width: int = 2000) -> Text:
    """A comment whole (the plan scrolls sideways), marked when resolved."""
    who = comment.author or comment.role.capitalize()
    text = Text(f"{who}: ", style="dim" if comment.resolved else "bold magenta")
    text.append(_short(comment.text, width), style="dim italic" if comment.resolved else "italic")
    if comment.resolved:
        text.append(" (resolved)", style="dim")
    return text


def action_text(action: AgreedAction, width: int = 60) -> Text:
    text = Text("Done: " if action.done else "Agreed: ", style="bold magenta")
    text.append(_short(action.action, width))
    details = [action.owner] if action.owner else []
    if action.due:
        details.append(f"by {show_date(action.due)}")
    if action.done and action.done_on:
        details.append(f"done {show_date(action.done_on)}")
    if details:
        text.append(f" ({', '.join(details)})", style="italic")
    return text


def person_label(person: Person, framework: Framework, *, sex: bool = False) -> str:
    """'Kayla (Child, 9)': name, the framework's label for the role, and age if known;
    with ``sex``, the sex too where one is recorded ('Kayla (Child, 9, female)')."""
    age = f", {person.age}" if person.age is not None else ""
    recorded = f", {person.sex}" if sex and person.sex != "not recorded" else ""
    return f"{person.name} ({framework.label('roles', person.role)}{age}{recorded})"


class PlanTree(Tree[str]):
    """Each node's data is the interview step that edits it; selecting it goes there."""

    #: how much of each statement a line shows (the full-width view shows more)
    width = 60

    def show(self, case: Case, framework: Framework, current: str = "") -> None:
        def _short(text: str, width: int = 0) -> str:
            width = width or self.width
            return text if len(text) <= width else text[: width - 1] + "…"

        self.clear()
        self.root.expand()
        # numbered as the exports, history and `supervise --about` number them
        numbers = {need.id: n for n, need in enumerate(case.needs, 1)}
        for person in case.people:
            pnode = self.root.add(person_label(person, framework), data=f"need_new:{person.id}",
                                  expand=True)
            self._comments(pnode, case, person.id, f"need_new:{person.id}")
            for need in (n for n in case.needs if n.holder == person.id):
                ser = need.seriousness
                n = numbers[need.id]
                # the rating before the wording ("Need 1: [High] ..."): the panel cuts a
                # line at its width, and a tag after a long wording was cut off with it;
                # the wording is what gets shortened
                nlabel = Text(f"Need {n}: ", style="bold")
                if ser and ser.rating:
                    nlabel.append(f"[{framework.label('seriousness', ser.rating)}] ")
                nlabel.append(_short(need.wording))
                nnode = pnode.add(nlabel, data=f"need:{need.id}", expand=True)
                self._comments(nnode, case, need.id, f"need:{need.id}")
                child = person.role in framework.child_roles
                # a child too young to say much shows it (the interview asks "say or show")
                young = framework.shows_more_than_says(person.role, person.age)
                # what the holder says, and (for a child) what the parents say, each on
                # its own: a child's words left empty with the parents' views given is
                # still "not recorded", never an empty "In Tia's words:"
                said = need.child_voice if child else need.parent_views
                if said.strip():
                    voice = (f"What {person.name} shows us" if young
                             else f"In {person.name}'s words")
                    nnode.add_leaf(Text(f"{voice}: {_short(said)}",
                                        style="italic"), data=f"voice:{need.id}")
                else:
                    asked = "say or show" if young else "say"
                    nnode.add_leaf(Text(f"What does {person.name} {asked}? Not recorded yet",
                                        style="dim"), data=f"voice:{need.id}")
                if child and need.parent_views.strip():
                    nnode.add_leaf(Text(f"Parents' views: {_short(need.parent_views)}",
                                        style="italic"), data=f"views:{need.id}")
                if ser:
                    nnode.add_leaf(f"If unmet: {_short(ser.consequences)}",
                                   data=f"consequences:{need.id}")
                    if ser.safety:
                        nnode.add_leaf(Text(f"Immediate safety: {_short(ser.safety)}",
                                            style="bold"), data=f"safety:{need.id}")
                else:
                    nnode.add_leaf(Text("Seriousness: not yet", style="dim"),
                                   data=f"consequences:{need.id}")
                # the worker's reason, never the coach's rule id: people read this. One
                # reason kept against several findings is recorded once per finding, and
                # said once here.
                # each reason beside the statement it was kept for (the need, an outcome or
                # a work item, by the wording kept); a reason for wording since changed
                # stays with the need. Three reasons under a need with no saying which
                # statement each was for left the supervisor guessing.
                for reason in self._kept_reasons(need, need.wording, own=True):
                    nnode.add_leaf(Text(f"Kept own wording: {_short(reason)}",
                                        style="italic"), data=f"need:{need.id}")
                for outcome in need.outcomes:
                    when = f" (by {show_date(outcome.target_date)})" if outcome.target_date else ""
                    m = need.outcomes.index(outcome) + 1
                    olabel = Text(f"Outcome {n}.{m}: ", style="bold")
                    olabel.append(_short(outcome.statement) + when)
                    onode = nnode.add(olabel, data=f"outcome:{outcome.id}", expand=True)
                    self._comments(onode, case, outcome.id, f"outcome:{outcome.id}")
                    for reason in self._kept_reasons(need, outcome.statement):
                        onode.add_leaf(Text(f"Kept own wording: {_short(reason)}",
                                            style="italic"), data=f"outcome:{outcome.id}")
                    for item in (w for w in need.work if w.outcome_id == outcome.id):
                        who = f" — {item.who}" if item.who else ""
                        w = need.work.index(item) + 1
                        wnode = onode.add(f"Work {n}.{w}: {_short(item.action)}{who}",
                                          data=f"work:{item.id}", expand=True,
                                          allow_expand=False)
                        self._comments(wnode, case, item.id, f"work:{item.id}")
                        for reason in self._kept_reasons(need, item.action):
                            wnode.add_leaf(Text(f"Kept own wording: {_short(reason)}",
                                                style="italic"), data=f"work:{item.id}")
                for item in (w for w in need.work if w.outcome_id is None):
                    w = need.work.index(item) + 1
                    wnode = nnode.add(Text(f"Work {n}.{w} (no outcome): {_short(item.action)}",
                                           style="yellow"), data=f"work:{item.id}",
                                      expand=True, allow_expand=False)
                    self._comments(wnode, case, item.id, f"work:{item.id}")
        general = comments_about(case, None)
        if general or case.agreed_actions:
            snode = self.root.add(Text("Supervision", style="bold magenta"), expand=True)
            for comment in general:
                snode.add_leaf(comment_text(comment))
            for action in case.agreed_actions:
                snode.add_leaf(action_text(action))
        self._show_current(current)

    @staticmethod
    def _kept_reasons(need: Need, wording: str, *, own: bool = False) -> list[str]:
        """The reasons, each once, for wording kept as ``wording`` reads now; ``own`` (the
        need itself) also takes those whose wording is no longer any of its statements."""
        now = {need.wording.strip()} | {o.statement.strip() for o in need.outcomes} | {
            w.action.strip() for w in need.work}
        return list(dict.fromkeys(
            kept.reason for kept in need.kept_wording
            if kept.wording.strip() == wording.strip()
            or (own and kept.wording.strip() not in now)))

    @staticmethod
    def _comments(node: TreeNode[str], case: Case, item_id: str, step: str) -> None:
        """The comments about one item, as leaves that go to the item when chosen."""
        for comment in comments_about(case, item_id):
            node.add_leaf(comment_text(comment), data=step)

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
