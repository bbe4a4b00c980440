"""The Textual app: first screen, the interview, help, export, practice and supervision.

The first screen must appear at once, so this module imports only Textual: once the
first screen is painted, a thread worker imports the core (content, store: pydantic and
sqlite-utils take a few hundred milliseconds), lists the cases, then loads the wording
coach (spaCy, about a second). ``core_ready`` and ``coach_status`` tell every screen when
each is ready; the UI stays live throughout. The core does the work; this is its face.

Nothing typed is lost (:mod:`assistant.tui.drafts`): every field's text and every save go
through a journal that a thread worker writes to the database, with a recovery file beside
it; SIGTERM and SIGHUP write everything before exiting, and quitting with work the
database does not have asks first.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import suppress
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.reactive import reactive
from textual.widgets import Input, TextArea

from assistant.tui.drafts import Keeper
from assistant.tui.messages import OpenCase, StartPractice
from assistant.tui.typeahead import TypeAhead, handled

if TYPE_CHECKING:
    from assistant.content import Content
    from assistant.interview import InterviewPrompts
    from assistant.model import Case
    from assistant.store import Store


class CaseCommands(Provider):
    """Command palette entries: new case, open or supervise a case, practice, export, help."""

    @property
    def needs_led(self) -> NeedsLedApp:
        """The app, typed (a provider is not a DOM node, so ``getters.app`` does not fit)."""
        app = self.app
        assert isinstance(app, NeedsLedApp)
        return app

    def _commands(self) -> list[tuple[str, Any, str]]:
        app = self.needs_led
        commands: list[tuple[str, Any, str]] = [
            ("New case", app.action_new_case, "Start a case: reference and people"),
            ("Export this case", app.action_export, "Write the plan and audit form to files"),
            ("Help", app.action_help, "The four concepts, with examples, and the keys"),
            ("Practice", app.action_practice,
             "Work a fictional family's story, then see feedback against a model analysis"),
            ("Supervise this case", app.action_supervise_current,
             "Walk the case's needs with reflective questions; comment and agree actions"),
            ("Trainer's view: the room's wording", app.action_room_wording,
             "The most common universal, service and assessment phrasings in audit forms"),
        ]
        from assistant.store import StoreError

        try:
            rows = app.store.cases() if app.store is not None else []
        except StoreError:  # the first screen says why, in one line
            rows = []
        for row in rows:
            ref = row["reference"]
            summary = str(row.get("summary", ""))
            commands.append((f"Open case {ref}", partial(app.open_case, ref), summary))
            commands.append((f"Supervise case {ref}", partial(app.supervise, ref), summary))
            commands.append((f"Review case {ref}", partial(app.review, ref),
                             "Outcome results, need status, distance travelled"))
            commands.append((f"Learning trace of case {ref}", partial(app.trace, ref),
                             "How each need's wording changed, with what the coach said"))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield Hit(1.0, name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class NeedsLedApp(App[None]):
    TITLE = "needs-led"
    SUB_TITLE = "Need · Seriousness · Outcome · Work"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {CaseCommands}
    BINDINGS = [
        Binding("f1", "help", "Help", id="app.help"),
        Binding("ctrl+t", "change_theme", "Theme", id="app.theme"),
        Binding("ctrl+q", "quit", "Quit", priority=True, id="app.quit"),
        Binding("ctrl+s", "save_now", "Save now", show=False, id="app.save_now"),
        Binding("f10", "send_to_room", "Send to room", priority=True, id="app.send_to_room"),
    ]

    #: the content and the case store are loaded
    core_ready: reactive[bool] = reactive(False)
    #: loading, ready, reduced (blank pipeline) or unavailable
    coach_status: reactive[str] = reactive("loading")

    def __init__(self, db: str | None = None, content: str | None = None,
                 pipeline: str | None = None) -> None:
        super().__init__()
        self.db_path = db
        self.content_dir = content
        self.pipeline = pipeline
        self.content: Content = None  # type: ignore[assignment]
        self.prompts: InterviewPrompts = None  # type: ignore[assignment]
        self.store: Store | None = None
        self.coach: Any = None
        self.coach_problem = ""
        self.failure = ""
        self._matching: tuple[Any, dict[str, str]] | None = None
        self.keeper = Keeper(self)
        self.typeahead = TypeAhead(self)
        self._old_handlers: dict[int, Any] = {}

    def on_mount(self) -> None:
        from assistant.tui.screens.home import HomeScreen

        self._catch_signals()
        self.push_screen(HomeScreen())
        self.call_after_refresh(self.load_core)

    def on_unmount(self) -> None:
        self.keeper.close()
        if self.store is not None:
            self.store.close()
        for signum, handler in self._old_handlers.items():
            signal.signal(signum, handler)

    # --- nothing typed is lost ------------------------------------------------------------

    def _catch_signals(self) -> None:
        """A closed terminal (SIGHUP) or a polite kill (SIGTERM) writes everything first."""
        if threading.current_thread() is not threading.main_thread():
            return
        for signum in (signal.SIGTERM, signal.SIGHUP):
            self._old_handlers[signum] = signal.signal(signum, self._on_signal)

    def _on_signal(self, signum: int, _frame: Any) -> None:
        self.keeper.flush_now(wait=1.5)
        # the terminal may be gone (SIGHUP): if closing the screen hangs, end anyway
        watchdog = threading.Timer(3.0, os._exit, [128 + signum])
        watchdog.daemon = True
        watchdog.start()
        self.exit(return_code=128 + signum)

    async def on_event(self, event: events.Event) -> None:
        """Keys (and pastes) read while a key before them (Enter, Tab, Backspace...) is
        still being handled wait for it, then go to the field focused after it
        (:mod:`assistant.tui.typeahead`)."""
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if self.typeahead.hold(event) or self.typeahead.diverted(event):
                return
            await super().on_event(event)
            self.typeahead.handed_on(event)
            return
        await super().on_event(event)

    async def on_type_ahead_release(self, _message: TypeAhead.Release) -> None:
        for key in self.typeahead.released():
            await super().on_event(key)
            self.typeahead.handed_on(key)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.keeper.changed(event.input)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        self.keeper.changed(event.text_area)

    def action_save_now(self) -> None:
        self.keeper.retry()

    async def action_quit(self) -> None:
        """Quit, asking first when the database does not have everything, or a dialog or
        the new-case form holds text."""
        from assistant.tui.screens.saving import QuitScreen

        if isinstance(self.screen, QuitScreen):
            return
        await handled(self.focused)  # the keys typed just before Ctrl+Q are in the field
        self.keeper.flush_now(wait=2.0)
        journal = self.keeper.journal
        problems = []
        if journal is not None and journal.unsaved():
            count = journal.unsaved()
            what = f"{count} change{' is' if count == 1 else 's are'} not in the database"
            if journal.file_error:
                them = "it" if count == 1 else "them"
                where = ("and the recovery file cannot be written either "
                         f"({journal.file_error}): quitting now loses {them}")
            else:
                where = f"kept in {journal.in_use} and saved when needs-led next starts"
            problems.append(f"{what} ({journal.error or 'still writing'}); {where}.")
        for screen in self.keeper.holding_text():
            problems.append(f"{getattr(screen, 'draft_title', 'A form')} holds what you "
                            "typed: it is kept as a draft and comes back when you return.")
        if not problems:
            self.exit(return_code=1 if self.failure else 0)
            return

        def chosen(choice: str | None) -> None:
            if choice == "quit":
                self.exit()
            elif choice == "retry":
                self.keeper.retry()

        self.push_screen(QuitScreen(problems, can_retry=bool(journal and journal.unsaved())),
                         chosen)

    @work(thread=True, exclusive=True, group="core-load")
    def load_core(self) -> None:
        """Import and open the core, then the coach, off the UI thread."""
        from assistant.content import Content, ContentError
        from assistant.interview import load_prompts
        from assistant.recovery import recover
        from assistant.store import Store, StoreError

        try:
            content = Content(self.content_dir)
            prompts = load_prompts(content)
            content.framework  # noqa: B018 - validate it now, not on the first question
            content.keymap  # noqa: B018 - a mistake in the keys is said at start, in one line
            store = Store(self.db_path)
        except (ContentError, StoreError) as exc:
            self.call_from_thread(self._fail, str(exc))
            return
        try:
            # Damage is found now, before the recovery file or a draft writes anything,
            # not at the first save (a damaged database is never written to).
            store.check()
        except StoreError as exc:
            store.close()
            self.call_from_thread(self._fail, str(exc))
            return
        try:
            recovered = recover(store)
        except StoreError as exc:
            recovered = [f"The recovery file could not be applied yet: {exc}"]
        self.call_from_thread(self._core_loaded, content, prompts, store)
        for line in recovered:
            self.call_from_thread(self.notify, line, title="Recovered", timeout=20)
        self._load_coach(content)

    def _core_loaded(self, content: Content, prompts: InterviewPrompts, store: Store) -> None:
        self.content, self.prompts, self.store = content, prompts, store
        keys = dict(content.keymap.keys)
        # the interview's footer place for the app's F10 (InterviewScreen.BINDINGS) is the
        # same key: moved with it unless moved on its own
        if "app.send_to_room" in keys:
            keys.setdefault("interview.send_to_room", keys["app.send_to_room"])
        self.set_keymap(keys)
        self.keeper.start(str(store.path))
        self.core_ready = True  # the first screen lists the cases (and then hands on the
        # keys typed meanwhile: HomeScreen.refresh_cases)

    def _fail(self, message: str) -> None:
        """The database or the content cannot be used: say so in one line, on the first
        screen, until the worker quits (exit status 1, and the line again on the terminal):
        an app started from a menu must not vanish before its reason can be read."""
        from assistant.tui.screens.home import HomeScreen

        self.failure = " ".join(message.split())
        self.coach_problem = "not loaded: the cases cannot be opened"
        self.coach_status = "unavailable"
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_problem(self.failure)
        self.typeahead.opened()

    def _load_coach(self, content: Content) -> None:
        """Load spaCy and the rules off the UI thread; the UI stays live meanwhile."""
        try:
            from assistant.wording import Coach
        except ImportError as exc:
            self.call_from_thread(self._coach_failed, f"not available in this version ({exc})")
            return
        try:
            coach = Coach(content=content, pipeline=self.pipeline)
            coach.load()
        except Exception as exc:  # the coach is optional: the interview works without it
            self.call_from_thread(self._coach_failed, str(exc).splitlines()[0][:200])
            return
        # here, not at the first rewrite; if it fails, the rewrite loads it then
        with suppress(Exception):
            from assistant.wording.morphology import warm

            warm()
        from assistant.heap import freeze_loaded

        freeze_loaded()  # the core and the pipeline live as long as the app: no GC walks
        self.call_from_thread(self._coach_loaded, coach)

    def _coach_loaded(self, coach: Any) -> None:
        self.coach = coach
        self.coach_status = "reduced" if getattr(coach, "reduced", False) else "ready"

    def _coach_failed(self, problem: str) -> None:
        self.coach_problem = problem
        self.coach_status = "unavailable"

    # --- actions ------------------------------------------------------------------------

    def action_help(self) -> None:
        from assistant.tui.screens.help import HelpScreen

        if self._wait_for_core():
            return
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def _wait_for_core(self) -> bool:
        if self.failure:
            self.notify(self.failure, title="Cannot open your cases", severity="error",
                        timeout=10)
        elif not self.core_ready:
            self.notify("Just a moment: opening your cases…")
        return not self.core_ready

    def action_new_case(self) -> None:
        from assistant.tui.screens.newcase import NewCaseScreen

        if self._wait_for_core():
            return
        self._to_home()
        self.push_screen(NewCaseScreen())

    @property
    def case_store(self) -> Store:
        """The case store, for screens: they open only once the core is loaded, so a
        missing store is a one-line :class:`StoreError` like any other store problem."""
        if self.store is None:
            from assistant.store import StoreError

            raise StoreError("your cases are not open yet: try again in a moment", "missing")
        return self.store

    def store_problem(self, error: Exception, doing: str) -> None:
        """Show a store error as one lasting line (never a traceback): ``doing`` says
        what could not be done, the error says why."""
        from assistant.textsafe import printable

        self.notify(f"{doing}: {printable(str(error))}", title="Cases", severity="error",
                    timeout=15)

    def save_case(self, case: Case, note: str,
                  done: tuple[tuple[str, str], ...] = ()) -> None:
        """Save a revision off the UI thread. It is in the recovery file before this
        returns; if the database refuses, a lasting bar says so and it is retried.
        ``done``: the (case, field) drafts this answer used up."""
        self.keeper.submit(case.reference, case.model_dump_json(), note, done)

    def reopen(self, reference: str) -> None:
        """Show the case again as the database has it (after a conflict was settled)."""
        from assistant.tui.screens.interview import InterviewScreen
        from assistant.tui.screens.supervision import SupervisionScreen

        for screen in self.screen_stack:
            case = getattr(screen, "case", None)
            if case is not None and case.reference == reference:
                if isinstance(screen, SupervisionScreen):
                    self.supervise(reference)
                elif isinstance(screen, InterviewScreen):
                    self.open_case(reference)
                return

    def on_open_case(self, message: OpenCase) -> None:
        """A screen asked for a case in one of its views."""
        show = {"interview": self.open_case, "supervision": self.supervise,
                "review": self.review, "trace": self.trace}[message.view]
        show(message.reference)

    def on_start_practice(self, message: StartPractice) -> None:
        self.start_practice(message.vignette_id)

    def open_case(self, reference: str) -> None:
        from assistant.tui.screens.interview import InterviewScreen

        case = self._load_case(reference)
        if case is None:
            return
        self._to_home()
        self.push_screen(InterviewScreen(case))

    def _load_case(self, reference: str) -> Case | None:
        """The case, or None after saying in one line why it cannot be opened."""
        if self._wait_for_core() or self.store is None:
            return None
        from pydantic import ValidationError

        from assistant.model import Case
        from assistant.store import StoreError

        journal = self.keeper.journal
        pending = journal.pending_body(reference) if journal is not None else None
        try:
            if pending is not None:  # submitted, not in the database yet: the newest
                return Case.model_validate_json(pending)
            latest = self.store.latest_revision(reference)
            case = self.store.load(reference, latest or None)
            if journal is not None:
                journal.set_base(reference, latest)
            return case
        except (StoreError, ValidationError) as exc:
            self.notify(f"Case {reference} cannot be opened: {str(exc).splitlines()[0]}",
                        severity="error", timeout=10)
            return None

    def action_practice(self) -> None:
        from assistant.content import ContentError
        from assistant.tui.screens.practice import PracticeScreen

        if self._wait_for_core():
            return
        self._to_home()
        try:
            screen = PracticeScreen()
        except ContentError as exc:
            self.notify(f"The vignettes cannot be read: {exc}", severity="error", timeout=10)
            return
        self.push_screen(screen)

    def start_practice(self, vignette_id: str) -> None:
        """Reopen the student's practice case for this vignette, or start it."""
        from assistant.practice import PRACTICE_PREFIX, find_vignette, practice_case
        from assistant.store import StoreError

        if self._wait_for_core() or self.store is None:
            return
        try:
            vignette = find_vignette(vignette_id, self.content)
        except LookupError as exc:
            self.notify(f"Practice not started: {exc}", severity="error", timeout=10)
            return
        reference = vignette.reference(PRACTICE_PREFIX)
        journal = self.keeper.journal
        try:
            started = self.store.exists(reference) or (
                journal is not None and journal.pending_body(reference) is not None)
            if not started:
                case = practice_case(vignette)
                if journal is not None:
                    journal.set_base(reference, 0)
                self.save_case(case, "practice started")
        except StoreError as exc:
            self.notify(f"Practice not started: {exc}", severity="error", timeout=10)
            return
        self.open_case(reference)

    def practice_matching(self) -> tuple[Any, dict[str, str]]:
        """The lemmatizer and synonyms for practice feedback, loaded once (call off the UI
        thread: it loads the spaCy pipeline)."""
        if self._matching is None:
            from assistant.practice import load_synonyms, spacy_lemmatizer

            self._matching = (spacy_lemmatizer(self.pipeline), load_synonyms(self.content))
        return self._matching

    def supervise(self, reference: str) -> None:
        from assistant.tui.screens.supervision import SupervisionScreen

        case = self._load_case(reference)
        if case is None:
            return
        self._to_home()
        self.push_screen(SupervisionScreen(case))

    def review(self, reference: str) -> None:
        """The review screen for a case: results, status, distance travelled."""
        from assistant.tui.screens.review import ReviewScreen

        case = self._load_case(reference)
        if case is None:
            return
        self._to_home()
        self.push_screen(ReviewScreen(case))

    def trace(self, reference: str) -> None:
        """The learning trace of a case's needs, from its stored revisions."""
        from assistant.tui.screens.review import TraceScreen

        if self._load_case(reference) is None:
            return
        self._to_home()
        self.push_screen(TraceScreen(reference))

    def action_supervise_current(self) -> None:
        from assistant.tui.screens.home import HomeScreen
        from assistant.tui.screens.interview import InterviewScreen

        screen = self.screen
        if isinstance(screen, InterviewScreen):
            screen.flush_draft()
            self.supervise(screen.case.reference)
        elif isinstance(screen, HomeScreen):
            screen.action_supervise_selected()
        else:
            self.notify("Open or highlight a case first.", severity="warning")

    def action_room_wording(self) -> None:
        from assistant.tui.screens.room import RoomWordingScreen

        if self._wait_for_core():
            return
        self.push_screen(RoomWordingScreen())

    def _to_home(self) -> None:
        from assistant.tui.screens.home import HomeScreen

        while len(self.screen_stack) > 2 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()

    def action_export(self) -> None:
        from assistant.tui.screens.export import ExportScreen
        from assistant.tui.screens.interview import InterviewScreen

        screen = self.screen
        if isinstance(screen, InterviewScreen):
            self.push_screen(ExportScreen(screen.interview.case))
        else:
            self.notify("Open a case first, then export it.", severity="warning")


    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "send_to_room":
            from assistant.room import in_room

            return in_room()  # only in a participant's app, started by a workshop room
        return True

    def action_send_to_room(self) -> None:
        """Send the open case's audit form to the workshop room that started this app."""
        from assistant.tui.screens.interview import InterviewScreen

        # The case on screen, even under a dialog: F10 is a priority key.
        screen = next((s for s in reversed(self.screen_stack)
                       if isinstance(s, InterviewScreen)), None)
        if screen is None:
            self.notify("Open a case first, then send its audit form to the room.",
                        severity="warning")
            return
        screen.flush_draft()
        self._send_form(screen.interview.case)

    @work(thread=True, exclusive=True, group="room")
    def _send_form(self, case: Case) -> None:
        from assistant import dates
        from assistant.audit.redaction import audit_form_from_case
        from assistant.errors import UserError
        from assistant.redact import NameInReference
        from assistant.room import neutral_reference, room_label, send_form

        renamed = ""
        try:
            try:
                form = audit_form_from_case(case, room_label(), dates.today(),
                                            content=self.content)
            except NameInReference:
                # A practice family's reference carries its name ("PRACTICE-jordan-..."):
                # the room's form takes a reference without it, the same for everyone
                # who works that family, so the report counts the family once.
                renamed = neutral_reference(case.reference)
                form = audit_form_from_case(case.model_copy(update={"reference": renamed}),
                                            room_label(), dates.today(),
                                            content=self.content)
            message = send_form(form)
        except UserError as exc:
            self.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            return
        if renamed:
            message += f" (sent as {renamed}: the case reference holds a name)"
        self.call_from_thread(self.notify, f"Sent to the room. {message}", timeout=6)


def run(db: str | None = None, content: str | None = None, pipeline: str | None = None) -> int:
    app = NeedsLedApp(db=db, content=content, pipeline=pipeline)
    app.run()
    if app.failure:
        print(f"needs-led: error: {app.failure}", file=sys.stderr)
        return 1
    return app.return_code or 0
