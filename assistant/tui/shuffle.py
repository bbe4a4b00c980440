"""The shuffle: an audit group reads the forms one by one and sorts needs into Need Groups.

A standalone Textual app launched by ``needs-led audit shuffle NAME``. Keyboard first:
every operation has a key, shown in the footer and in the help line. All changes go
through :class:`assistant.needgroups.Shuffle`, so they are saved at once and each can be
undone, also after the program was closed.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from assistant.tui.widgets.header import Header

BAR = "█"


class Prompt(ModalScreen[str | None]):
    """Ask for one line of text; Enter keeps it, Escape cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="shuffle.prompt.cancel")]
    DEFAULT_CSS = """
    Prompt { align: center middle; }
    Prompt > Vertical { width: 70; height: auto; border: thick $accent; padding: 1 2;
                        background: $surface; }
    Prompt Label { width: 100%; }  /* a long group's name wraps, not cut at the border */
    """

    def __init__(self, question: str, value: str = "") -> None:
        super().__init__()
        self.question = question
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.question))  # it quotes a group's name: never markup
            yield Input(value=self.value, id="answer")
            yield Label("Enter to keep, Escape to cancel", classes="hint")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


KEYS = """\
Reading        n / p (or → / ←) next and previous form · v view the highlighted group
               (or the needs not in a group) · v again back to the forms · Tab switch lists
Placing        a accept the suggestion · A accept the whole form's suggestions
               1-9 place in group 1-9 · g place in the highlighted group · f place the
               whole form there · x back to unsorted · Space mark needs to move together
Groups         c new · r rename · e agreed description · o notes · m merge into another
               · s split the marked needs into a new group · d delete (needs go unsorted)
               · k mark as not a Need Group (parking: left out of the report), k again
               to make it a Need Group
Forms          R take the form on screen out of the sample (u puts it back)
Undo, redo     u or Ctrl+Z undoes the latest change, also after closing · y or Ctrl+Y
               makes it again · F1 or ? this help · q quit
Groups keep one number everywhere: here, in 'audit groups' and in the report.
Everything is saved as you go."""


class Help(ModalScreen[None]):
    """The keys, on one screen."""

    BINDINGS = [Binding("escape,question_mark,q,f1", "close", "Close", id="shuffle.help.close")]
    DEFAULT_CSS = """
    Help { align: center middle; }
    Help > VerticalScroll { width: 96; max-width: 100%; height: auto; max-height: 100%;
                            border: thick $accent; background: $surface; }
    Help Static { padding: 1 2; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Text(KEYS))

    def action_close(self) -> None:
        self.dismiss(None)


def bar_chart(rows: list[tuple[str, int]], width: int = 20) -> list[Text]:
    """Each row's whole label (never cut: a projector shows the room what it named), then
    on the next line the bar scaled to the largest value, then the value."""
    top = max((v for _, v in rows), default=0)
    out = []
    for label, value in rows:
        filled = round(width * value / top) if top else 0
        line = Text(label + "\n")
        line.append(BAR * filled, style="bold blue")
        line.append(f" {value}")
        out.append(line)
    return out


class ShuffleApp(App[None]):
    """Read forms, place needs (or whole forms) in groups, shape the groups, undo."""

    TITLE = "needs-led: the audit shuffle"
    CSS = """
    #groups-pane { width: 46%; }
    #groups, #needs { height: 1fr; }
    #form-title, #groups-title { text-style: bold; padding: 0 1; }
    #detail { height: auto; max-height: 8; padding: 0 1; color: $text-muted; }
    #status { height: 1; padding: 0 1; background: $boost; }
    """
    BINDINGS = [
        # The footer shows the keys a room needs most, and fits 90 columns on a projector;
        # every key is on the F1 screen.
        Binding("f1,question_mark", "help", "Keys", id="shuffle.help"),
        Binding("n,right", "next_form", "Next", id="shuffle.next_form"),
        Binding("p,left", "previous_form", "Prev", show=False, id="shuffle.previous_form"),
        Binding("a", "accept", "Accept", id="shuffle.accept"),
        Binding("A", "accept_form", "Accept form", show=False, id="shuffle.accept_form"),
        Binding("g", "place", "Place", id="shuffle.place"),
        Binding("f", "place_form", "Place form", show=False, id="shuffle.place_form"),
        Binding("x", "unplace", "Unsort", show=False, id="shuffle.unplace"),
        Binding("space", "mark", "Mark", show=False, id="shuffle.mark"),
        Binding("c", "create", "New group", show=False, id="shuffle.create"),
        Binding("r", "rename", "Rename", show=False, id="shuffle.rename"),
        Binding("e", "describe", "Describe", show=False, id="shuffle.describe"),
        Binding("o", "notes", "Notes", show=False, id="shuffle.notes"),
        Binding("m", "merge", "Merge", show=False, id="shuffle.merge"),
        Binding("s", "split", "Split", show=False, id="shuffle.split"),
        Binding("d", "delete", "Delete", show=False, id="shuffle.delete"),
        Binding("k", "park", "Not a group", show=False, id="shuffle.park"),
        Binding("R", "remove_form", "Remove form", show=False, id="shuffle.remove_form"),
        Binding("v", "view_group", "View", id="shuffle.view_group"),
        Binding("u,ctrl+z", "undo", "Undo", id="shuffle.undo"),
        Binding("y,ctrl+y", "redo", "Redo", id="shuffle.redo"),
        Binding("q", "quit", "Quit", id="shuffle.quit"),
        *[Binding(str(k), f"place_number({k})", f"Place in {k}", show=False,
                   id=f"shuffle.place_{k}")
          for k in range(1, 10)],
    ]

    def __init__(self, sample: str, db: str | None = None, content: str | None = None,
                 pipeline: str | None = None) -> None:
        super().__init__()
        self.sample = sample
        self.db_path = db
        self.content_dir = content
        self.pipeline = pipeline
        self.form_index = 0
        self.marked: set[int] = set()
        # False: a form; None: unsorted; "discuss": the needs worded as a service, aim...
        self.viewing_group: int | bool | str | None = False
        self.store: Any = None

    # --- setup --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal():
            with Vertical(id="groups-pane"):
                yield Static("Need Groups", id="groups-title")
                yield OptionList(id="groups")
            with Vertical(id="form-pane"):
                yield Static("", id="form-title")
                yield OptionList(id="needs")
                yield Static("", id="detail")
        yield Static("", id="status")
        yield Footer()

    def on_mount(self) -> None:
        from assistant.audit.repository import AuditStore
        from assistant.content import Content
        from assistant.needgroups import Shuffle, load_themes
        from assistant.store import Store

        self.store = Store(self.db_path)
        self.audit = AuditStore(self.store)
        self.sample_id = self.audit.sample_id(self.sample)
        self.shuffle = Shuffle(self.audit, self.sample_id)
        self.content = Content(self.content_dir)
        self.themes = load_themes(self.content)
        self.forms = self.audit.forms(self.sample_id)
        self.sub_title = self.sample
        self.refresh_all()
        self.query_one("#needs", OptionList).focus()
        if any(n["tokens"] is None for n in self.audit.needs(self.sample_id)):
            self.say("Reading the needs to suggest themes…")
            self.analyse()

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    @work(thread=True, exclusive=True)
    def analyse(self) -> None:
        """Run spaCy off the UI thread, then show the suggestions.

        The worker has its own database connection, so a change made on screen meanwhile
        is its own transaction (SQLite queues the two writers) rather than nested in ours.
        """
        from assistant.audit.repository import AuditStore
        from assistant.needgroups import Analyzer, Suggester, load_coach, suggest_sample
        from assistant.store import Store

        suggester = Suggester(self.themes, Analyzer(self.pipeline, self.content))
        coach = load_coach(self.content, self.pipeline)
        with Store(self.db_path) as store:
            counts = suggest_sample(AuditStore(store), self.sample_id, suggester, coach)
        self.call_from_thread(self._analysed, counts)

    def _analysed(self, counts: dict[str, int]) -> None:
        self.refresh_all()
        self.say(f"Suggestions ready: {counts['needs'] - counts['unmatched']} of "
                 f"{counts['needs']} needs have a theme; press a to accept one, A for the form.")

    # --- drawing ------------------------------------------------------------------------

    def say(self, message: str) -> None:
        self.query_one("#status", Static).update(Text(message))

    def group_rows(self) -> list[dict[str, Any]]:
        # cases, not forms: a case audited twice counts once, as in the report
        counts = self.audit.cases_per_group(self.sample_id)
        rows = self.audit.groups(self.sample_id)
        for row in rows:
            row["cases"] = counts.get(row["id"], 0)
        self.unsorted_cases = counts.get(None, 0)
        return rows

    def refresh_all(self) -> None:
        self.refresh_groups()
        self.refresh_needs()

    def refresh_groups(self) -> None:
        widget = self.query_one("#groups", OptionList)
        keep = widget.highlighted
        self.groups = self.group_rows()
        bars = bar_chart([(f"{g['number']}. {g['name']}"
                           + (" (not a Need Group)" if g["parking"] else ""), g["cases"])
                          for g in self.groups])
        options = [Option(line, id=f"g{g['id']}")
                   for line, g in zip(bars, self.groups, strict=True)]
        options.append(Option(Text(f"   (not in a group: {self.unsorted_cases} "
                                   f"case{'' if self.unsorted_cases == 1 else 's'})",
                                   style="italic"), id="g-none"))
        from assistant.needgroups import to_discuss

        pile = sum(1 for n in self.audit.needs(self.sample_id, unsorted=True)
                   if to_discuss(n))
        options.append(Option(Text(f"   (to discuss: {pile} needs worded as a service, "
                                   "an assessment or an aim)", style="italic"), id="g-discuss"))
        widget.set_options(options)
        if options:
            widget.highlighted = min(keep or 0, len(options) - 1)
        total = len({f["case_reference"] for f in self.forms})
        self.query_one("#groups-title", Static).update(
            f"Need Groups ({len(self.groups)}), cases in each, of {total}")

    def group_name(self, group_id: int | None) -> str:
        return next((g["name"] for g in self.groups if g["id"] == group_id), "not in a group")

    def refresh_needs(self) -> None:
        widget = self.query_one("#needs", OptionList)
        keep = widget.highlighted
        title = self.query_one("#form-title", Static)
        if self.viewing_group == "discuss":
            from assistant.needgroups import to_discuss

            self.needs = [n for n in self.audit.needs(self.sample_id, unsorted=True)
                          if to_discuss(n)]
            title.update(Text(f"To discuss ({len(self.needs)}): worded as a service, an "
                              "assessment or an aim. What need stands behind each? (v: back)"))
        elif self.viewing_group is not False:
            gid = self.viewing_group if isinstance(self.viewing_group, int) else None
            self.needs = self.audit.needs(self.sample_id, group_id=gid, unsorted=gid is None)
            # Text, not a str: a str is parsed as markup, and names are typed by people
            # ("Housing (B&B) [urgent]", "Sam [/red] Jones").
            title.update(Text(f"Group: {self.group_name(gid)} ({len(self.needs)} needs; "
                              "v: back)"))
        elif not self.forms:
            self.needs = []
            title.update("No forms in this sample yet: add some with 'needs-led audit add'.")
        else:
            form = self.forms[self.form_index]
            self.needs = self.audit.needs(self.sample_id, form_id=form["id"])
            level = form["level_of_need"]
            title.update(Text(
                f"Form {self.form_index + 1} of {len(self.forms)}: {form['case_reference']}"
                f"{f' · level {level}' if level else ''} · auditor {form['auditor'] or '-'}"))
        options = []
        viewing_forms = self.viewing_group is False
        case_of = {f["id"]: f["case_reference"] for f in self.forms}
        for need in self.needs:
            line = Text("● " if need["id"] in self.marked else "  ")
            if not viewing_forms:  # a group gathers needs from many forms: say whose
                line.append(f"[{case_of.get(need['form_id'], '?')}] ", style="dim")
            line.append(f"{need['holder']}: ", style="bold")
            line.append(need["wording"])
            line.append(f"\n    [{self.group_name(need['group_id'])}]", style="cyan")
            options.append(Option(line, id=f"n{need['id']}"))
        widget.set_options(options)
        if options:
            widget.highlighted = min(keep or 0, len(options) - 1)
        self.show_detail()

    def show_detail(self) -> None:
        need = self.current_need()
        detail = self.query_one("#detail", Static)
        if need is None:
            detail.update("")
            return
        theme = self.themes.get(need["theme"])
        lines = [f"Suggested: {theme.label if theme else '-'} ({need['reason'] or 'not yet read'})"]
        lines.append("Services: " + ("; ".join(need["services"]) or "none recorded"))
        lines.append(f"Seriousness: {need['seriousness'] or 'not rated'} · status: "
                     f"{need['status']}")
        if need["kinds"]:
            lines.append("Wording coach: worded as " + ", ".join(need["kinds"]))
        detail.update(Text("\n".join(lines)))

    @on(OptionList.OptionHighlighted, "#needs")
    def _need_highlighted(self) -> None:
        self.show_detail()

    # --- what is selected -----------------------------------------------------------------

    def current_need(self) -> dict[str, Any] | None:
        index = self.query_one("#needs", OptionList).highlighted
        if index is None or not (0 <= index < len(self.needs)):
            return None
        return self.needs[index]

    def current_group(self) -> dict[str, Any] | None:
        index = self.query_one("#groups", OptionList).highlighted
        if index is None or not (0 <= index < len(self.groups)):
            return None
        return self.groups[index]

    def _need_or_say(self) -> dict[str, Any] | None:
        need = self.current_need()
        if need is None:
            self.say("No need selected.")
        return need

    def _group_or_say(self) -> dict[str, Any] | None:
        group = self.current_group()
        if group is None:
            self.say("Highlight a group on the left first (Tab to move there).")
        return group

    def _do(self, message: str, fn: Any, *args: Any) -> Any:
        """Run one grouping operation; a refused one is explained, nothing is lost."""
        from assistant.needgroups import GroupError

        try:
            result = fn(*args)
        except GroupError as exc:
            self.say(str(exc))
            return None
        self.refresh_all()
        self.say(message)
        return result

    # --- reading ------------------------------------------------------------------------

    def action_next_form(self) -> None:
        if self.forms:
            self.viewing_group = False
            self.form_index = min(self.form_index + 1, len(self.forms) - 1)
            self.query_one("#needs", OptionList).highlighted = 0
            self.refresh_needs()

    def action_previous_form(self) -> None:
        if self.forms:
            self.viewing_group = False
            self.form_index = max(self.form_index - 1, 0)
            self.query_one("#needs", OptionList).highlighted = 0
            self.refresh_needs()

    def action_view_group(self) -> None:
        if self.viewing_group is not False:
            self.viewing_group = False
        else:
            group = self.current_group()
            pile = self.query_one("#groups", OptionList).highlighted == len(self.groups) + 1
            self.viewing_group = "discuss" if pile else (group["id"] if group else None)
        self.query_one("#needs", OptionList).highlighted = 0
        self.refresh_needs()

    def action_mark(self) -> None:
        need = self._need_or_say()
        if need:
            self.marked ^= {need["id"]}
            self.refresh_needs()

    # --- placing ------------------------------------------------------------------------

    def action_accept(self) -> None:
        need = self._need_or_say()
        if need is None:
            return
        if not need["theme"]:
            self.say("This need has no suggestion: place it yourself (g, or a number).")
            return
        self._do(f"Placed in its suggested group ({need['reason']}).",
                 lambda: self.shuffle.accept([need["id"]], themes=self.themes))

    def action_accept_form(self) -> None:
        ids = [n["id"] for n in self.needs if n["theme"]]
        if ids:
            self._do(f"Accepted {len(ids)} suggestion(s).",
                     lambda: self.shuffle.accept(ids, themes=self.themes))

    def _place(self, group: dict[str, Any] | None) -> None:
        need = self._need_or_say()
        if need is None or group is None:
            return
        ids = sorted(self.marked) if self.marked else [need["id"]]
        self.marked.clear()
        self._do(f"Placed {len(ids)} need(s) in '{group['name']}'.",
                 self.shuffle.place, ids, group["id"])

    def action_place(self) -> None:
        self._place(self._group_or_say())

    def action_place_number(self, number: int) -> None:
        if number > len(self.groups):
            self.say(f"There is no group {number}.")
            return
        self._place(self.groups[number - 1])

    def action_place_form(self) -> None:
        group = self._group_or_say()
        if group is None or self.viewing_group is not False or not self.forms:
            return
        form = self.forms[self.form_index]
        self._do(f"Placed the whole form in '{group['name']}'.",
                 self.shuffle.place_form, form["id"], group["id"])

    def action_unplace(self) -> None:
        need = self._need_or_say()
        if need:
            self._do("Back to unsorted.", self.shuffle.place, [need["id"]], None)

    # --- shaping groups -----------------------------------------------------------------

    def action_create(self) -> None:
        def made(name: str | None) -> None:
            if name:
                self._do(f"Created '{name}'.", self.shuffle.create, name)
        self.push_screen(Prompt("Name of the new Need Group:"), made)

    def action_rename(self) -> None:
        group = self._group_or_say()
        if group is None:
            return

        def renamed(name: str | None) -> None:
            if name:
                self._do(f"Renamed to '{name}'.", self.shuffle.rename, group["id"], name)
        self.push_screen(Prompt(f"New name for '{group['name']}':", group["name"]), renamed)

    def action_describe(self) -> None:
        group = self._group_or_say()
        if group is None:
            return

        def described(text: str | None) -> None:
            if text is not None:
                self._do("Description saved.", self.shuffle.describe, group["id"], text)
        self.push_screen(Prompt(f"The agreed description of '{group['name']}':",
                                group["description"] or ""), described)

    def action_notes(self) -> None:
        group = self._group_or_say()
        if group is None:
            return

        def noted(text: str | None) -> None:
            if text is not None:
                self._do("Notes saved.", self.shuffle.describe, group["id"], None, text)
        self.push_screen(Prompt(f"Notes on '{group['name']}':", group["notes"] or ""), noted)

    def action_merge(self) -> None:
        group = self._group_or_say()
        if group is None:
            return

        def merged(answer: str | None) -> None:
            if not answer:
                return
            if not answer.strip().isdigit() or not 1 <= int(answer) <= len(self.groups):
                self.say(f"'{answer}' is not a group number.")
                return
            target = self.groups[int(answer) - 1]
            self._do(f"Merged '{group['name']}' into '{target['name']}'.",
                     self.shuffle.merge, [group["id"]], target["id"])
        self.push_screen(Prompt(f"Merge '{group['name']}' into group number:"), merged)

    def action_split(self) -> None:
        ids = sorted(self.marked)
        if not ids:
            self.say("Mark the needs to split off with Space first.")
            return
        groups = {n["group_id"] for n in self.audit.needs(self.sample_id) if n["id"] in ids}
        if len(groups) != 1 or None in groups:
            self.say("The marked needs must all be in the same group to split them off.")
            return
        (source,) = groups

        def split(name: str | None) -> None:
            if name and self._do(f"Split {len(ids)} need(s) into '{name}'.",
                                 self.shuffle.split, source, ids, name) is not None:
                self.marked.clear()
                self.refresh_needs()
        self.push_screen(Prompt(f"Name of the new group for the {len(ids)} marked need(s):"),
                         split)

    def action_delete(self) -> None:
        group = self._group_or_say()
        if group:
            self._do(f"Deleted '{group['name']}'; its needs are unsorted (u to undo).",
                     self.shuffle.delete, group["id"])

    def action_help(self) -> None:
        self.push_screen(Help())

    def action_undo(self) -> None:
        label = self.shuffle.undo()
        self._reload_forms()
        self.say(f"Undid: {label} (y to redo)." if label else "Nothing to undo.")

    def action_redo(self) -> None:
        label = self.shuffle.redo()
        self._reload_forms()
        self.say(f"Redid: {label}." if label else "Nothing to redo.")

    def _reload_forms(self) -> None:
        """After undo or redo a form may have come back or gone: read the forms again."""
        self.forms = self.audit.forms(self.sample_id)
        self.form_index = min(self.form_index, max(len(self.forms) - 1, 0))
        self.refresh_all()

    def action_park(self) -> None:
        group = self._group_or_say()
        if group:
            parking = not group["parking"]
            what = ("not a Need Group: left out of the report" if parking
                    else "a Need Group again")
            self._do(f"'{group['name']}' is {what} (u to undo).",
                     self.shuffle.set_parking, group["id"], parking)

    def action_remove_form(self) -> None:
        if self.viewing_group is not False or not self.forms:
            self.say("Show a form first (v goes back to the forms), then R removes it.")
            return
        form = self.forms[self.form_index]

        def removed(answer: str | None) -> None:
            if (answer or "").strip().lower() != "yes":
                self.say("The form stays in the sample.")
                return
            label = self._do("", self.shuffle.remove_form, form["id"])
            if label:
                self._reload_forms()
                self.say(f"Done: {label} (u puts it back).")

        self.push_screen(Prompt(f"Take the form of case {form['case_reference']} out of this "
                                "sample? Type yes to remove it (u puts it back)."), removed)


def run(sample: str, db: str | None = None, content: str | None = None,
        pipeline: str | None = None) -> int:
    # Fail before the screen opens if the sample does not exist.
    from assistant.audit.repository import AuditStore
    from assistant.store import Store

    with Store(db) as store:
        AuditStore(store).sample_id(sample)
    ShuffleApp(sample, db=db, content=content, pipeline=pipeline).run()
    return 0
