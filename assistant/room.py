"""A workshop room: the app served to a room's browsers, behind a join code.

The trainer runs ``needs-led room`` on their laptop. Participants open the address it
prints in any browser, type the join code shown on the trainer's screen, and get the app
itself, served by textual-serve (Textual's own way to serve an app): each browser tab runs
the ordinary app in a process of its own, with the participant's own case database in the
room's folder, so no participant can open another's cases. A participant sends an audit
form to the room when they choose; the room adds it to the trainer's pooled audit sample
(the trainer's database), where the trainer's screen sees it arrive and the shuffle sorts it.

Nothing leaves the machine unless the trainer starts a room: the server listens on this
computer only (``127.0.0.1``) unless the trainer names an address, and the pages it serves
load nothing from the internet.

This module is the core of the room (no Textual): the join code, the participants, the
server and the pool. The trainer's screen is :mod:`assistant.tui.roomhost`.
"""

from __future__ import annotations

import contextlib
import hmac
import json
import os
import secrets
import shlex
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant import dates
from assistant.errors import UserError

if TYPE_CHECKING:
    from aiohttp import web

    from assistant.audit.form import AuditForm
    from assistant.redact import Names

#: Letters and digits that cannot be misread from a projector (no O/0, I/1/L).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
COOKIE = "needs_led_room"
TOKEN_HEADER = "X-Needs-Led-Room"
#: Wrong join codes allowed from one address before it must wait.
MAX_WRONG_CODES = 5
LOCKOUT_SECONDS = 30.0
#: Environment of a participant's app: where to send forms, and as whom.
ENV_URL = "NEEDS_LED_ROOM_URL"
ENV_TOKEN = "NEEDS_LED_ROOM_TOKEN"
ENV_LABEL = "NEEDS_LED_ROOM_LABEL"
#: The most a pooled form may weigh: a form is a page of text.
MAX_FORM_BYTES = 512 * 1024


class RoomError(UserError):
    """The room cannot start (the port is taken, the address is not this machine's...)."""


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """What a participant typed, as the code is shown: upper case, no spaces or dashes."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def clean_label(text: str, number: int) -> str:
    """The name a participant gives at the door, made safe to show; a number if none."""
    from assistant.textsafe import clean_text

    label = " ".join(clean_text(text).split())[:30]
    return label or f"Participant {number}"


@dataclass
class Participant:
    """Someone who came in with the join code: their own folder and case database."""

    token: str
    number: int
    label: str
    folder: Path
    joined: datetime
    sessions: int = 0
    forms: int = 0
    #: came in with the trainer's code: their browser shows the shuffle on the pooled
    #: forms (for the projector), not a workspace of their own
    trainer: bool = False

    @property
    def db(self) -> Path:
        return self.folder / "cases.db"


@dataclass
class Arrival:
    """One form reaching the pool, for the trainer's screen."""

    at: datetime
    participant: str
    case: str
    needs: int
    replaced: bool

    def describe(self) -> str:
        """'case X, 1 need' / 'case X, 3 needs': as both screens say it."""
        return f"case {self.case}, {self.needs} need{'' if self.needs == 1 else 's'}"


@dataclass
class Room:
    """A room's state: its code, its participants and the pooled sample they send to.

    ``pool_db`` is the trainer's database; the sample ``sample`` in it receives the forms.
    ``folder`` holds each participant's workspace (kept when the room ends).
    """

    folder: Path
    pool_db: Path | None
    sample: str
    host: str = "127.0.0.1"
    port: int = 8000
    code: str = field(default_factory=new_code)
    #: the trainer's own code: a browser that gives it gets the shuffle on the pooled forms
    trainer_code: str = field(default_factory=new_code)
    content: str | None = None
    pipeline: str | None = None
    #: the pre-forking server's socket, once it runs (see :mod:`assistant.prefork`)
    prefork_socket: str | None = None
    participants: dict[str, Participant] = field(default_factory=dict)
    arrivals: list[Arrival] = field(default_factory=list)
    #: called (from the server's thread or loop) whenever something changes
    on_change: Callable[[], None] | None = None
    _wrong: dict[str, tuple[int, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        from assistant.audit.repository import AuditStore
        from assistant.store import Store

        with Store(self.pool_db) as store:
            audit = AuditStore(store)
            if self.sample not in {s.name for s in audit.samples()}:
                audit.new_sample(self.sample)

    # --- the door ---------------------------------------------------------------------

    def join(self, attempt: str, name: str, remote: str) -> Participant | None:
        """A participant at the door: a new workspace if the code is right, else None.

        Wrong codes from one address are counted; after :data:`MAX_WRONG_CODES` the
        address waits :data:`LOCKOUT_SECONDS` before it may try again (a code of six
        characters from 31 cannot be guessed at that pace in a workshop's day).
        """
        with self._lock:
            count, since = self._wrong.get(remote, (0, 0.0))
            if count >= MAX_WRONG_CODES and time.monotonic() - since < LOCKOUT_SECONDS:
                return None
            typed = normalise_code(attempt)
            trainer = hmac.compare_digest(typed, self.trainer_code)
            if not (trainer or hmac.compare_digest(typed, self.code)):
                self._wrong[remote] = (count + 1, time.monotonic())
                return None
            self._wrong.pop(remote, None)
            number = len(self.participants) + 1
            token = secrets.token_urlsafe(24)
            folder = self.folder / f"participant-{number:03d}"
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            label = "Trainer (projector)" if trainer else clean_label(name, number)
            person = Participant(token, number, label, folder, datetime.now(UTC),
                                 trainer=trainer)
            self.participants[token] = person
        self._changed()
        return person

    def locked_out(self, remote: str) -> bool:
        count, since = self._wrong.get(remote, (0, 0.0))
        return count >= MAX_WRONG_CODES and time.monotonic() - since < LOCKOUT_SECONDS

    def participant(self, token: str | None) -> Participant | None:
        if not token:
            return None
        for known, person in self.participants.items():
            if hmac.compare_digest(known, token):
                return person
        return None

    # --- a participant's app ----------------------------------------------------------

    @property
    def url(self) -> str:
        host = self.host
        if host in ("0.0.0.0", "::", ""):
            host = lan_address()
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    @property
    def local_url(self) -> str:
        """Where the participants' apps send forms: this machine, never the network."""
        ipv6_only = ":" in self.host and self.host != "::"  # "::" takes IPv4 too
        return f"http://{'[::1]' if ipv6_only else '127.0.0.1'}:{self.port}"

    def command(self, person: Participant) -> str:
        """The shell command that runs ``person``'s app: their database, the room's pool."""
        env = {ENV_URL: f"{self.local_url}/pool", ENV_TOKEN: person.token,
               ENV_LABEL: person.label}
        args = ["--db", str(person.db)]
        if person.trainer:  # the projector: the shuffle on the pooled sample
            args = ["audit", "shuffle", self.sample]
            if self.pool_db is not None:
                args += ["--db", str(self.pool_db)]
        if self.content:
            args += ["--content", self.content]
        if self.pipeline:
            args += ["--pipeline", self.pipeline]
        if self.prefork_socket:
            start = [sys.executable, "-m", "assistant.prefork", "run", self.prefork_socket,
                     "--"]
        else:
            start = [sys.executable, "-m", "assistant"]
        prefix = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        return f"{prefix} exec {shlex.join(start + args)}"

    # --- the pool ---------------------------------------------------------------------

    def pool(self, person: Participant, body: bytes) -> Arrival:
        """Add ``person``'s form to the pooled sample; a form sent again replaces theirs.

        Raises ValueError with a message for the participant if the form is not valid.
        """
        from pydantic import ValidationError

        from assistant.audit.form import AuditForm
        from assistant.audit.repository import AuditStore
        from assistant.store import Store

        if len(body) > MAX_FORM_BYTES:
            raise ValueError("the form is too large to be an audit form")
        try:
            form = AuditForm.model_validate_json(body)
        except ValidationError as exc:
            raise ValueError(f"not a valid audit form ({exc.error_count()} problems)") from None
        if not form.needs:
            # Found walking a workshop: F10 on a case begun but with no need written yet
            # pooled an empty form ("0 needs arrived"), which the report then counts as a
            # case audited. Nothing is pooled until there is a need to group.
            raise ValueError("this case has no needs yet: write at least one need, then "
                             "send it again")
        # The room decides who sent it: a participant cannot pose as another.
        form = form.model_copy(update={"auditor": person.label})
        form = self._without_names(form)
        with self._lock, Store(self.pool_db) as store:
            audit = AuditStore(store)
            result = audit.add_forms(audit.sample_id(self.sample), [form],
                                     source=f"room: {person.label}", replace=True)
            person.forms += 1
            arrival = Arrival(datetime.now(UTC), person.label, form.case_reference,
                              len(form.needs), replaced=bool(result.replaced))
            self.arrivals.append(arrival)
        self._changed()
        return arrival

    @cached_property
    def _name_net(self) -> tuple[Names, frozenset[str]]:
        """The name lists and role-label words of the room's content, read once."""
        from assistant.audit.redaction import label_words
        from assistant.content import Content
        from assistant.redact import load_names

        content = Content(self.content)
        return load_names(content), label_words(content.framework)

    def _without_names(self, form: AuditForm) -> AuditForm:
        """The redaction's second net on a posted form: the app sends forms with names
        replaced, but anything can be posted to the room, and the pool feeds a report."""
        from assistant.audit.redaction import form_without_names

        return form_without_names(form, *self._name_net)[0]

    def pooled(self) -> int:
        """How many forms the pooled sample holds now."""
        from assistant.audit.repository import AuditStore
        from assistant.store import Store

        with Store(self.pool_db) as store:
            audit = AuditStore(store)
            return len(audit.forms(audit.sample_id(self.sample)))

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()


def lan_address() -> str:
    """This machine's address on the local network, for the address the trainer reads out.

    A UDP socket "connected" to a private address sends nothing; it only asks the kernel
    which interface it would use.
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            return str(probe.getsockname()[0])
    except OSError:
        return "127.0.0.1"


# --- the participant's side -------------------------------------------------------------


def neutral_reference(reference: str) -> str:
    """A stable reference with no name in it, for a case whose reference holds one: the
    same reference gives the same answer, so a resent form replaces the first."""
    import hashlib

    return "CASE-" + hashlib.sha256(reference.encode("utf-8")).hexdigest()[:8].upper()


def in_room() -> bool:
    """True in a participant's app (started by a room)."""
    return bool(os.environ.get(ENV_URL) and os.environ.get(ENV_TOKEN))


def room_label() -> str:
    return os.environ.get(ENV_LABEL, "")


def send_form(form: AuditForm, timeout: float = 10.0) -> str:
    """Send an audit form to the room this app was started by; the room's answer.

    Raises RoomError with a message for the participant when the room cannot take it.
    """
    url, token = os.environ.get(ENV_URL, ""), os.environ.get(ENV_TOKEN, "")
    if not (url and token):
        raise RoomError("this app was not started by a workshop room")
    request = urllib.request.Request(
        url, data=form.model_dump_json().encode("utf-8"), method="POST",
        headers={"Content-Type": "application/json", TOKEN_HEADER: token})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:400]
        # the room answers {"message": ...}: say the message, not the JSON around it
        with contextlib.suppress(ValueError, AttributeError):
            detail = str(json.loads(detail).get("message") or detail)
        raise RoomError(f"the room refused the form: {detail}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise RoomError(f"the room cannot be reached ({exc}); the form was not sent") from None
    return str(answer.get("message", "sent"))


# --- the server -------------------------------------------------------------------------


def _room_server_class() -> type:
    from aiohttp import web
    from textual_serve.app_service import AppService
    from textual_serve.server import Server, to_int

    class _RoomServer(Server):
        """textual-serve's server, with a join code at the door and a pool for forms."""

        def __init__(self, room: Room) -> None:
            from assistant.content import Content

            # The pages participants read are content: a trainer may edit them.
            pages = Content(room.content).path("exports", "room")
            super().__init__(command="", host=room.host, port=room.port,
                             title="needs-led workshop room",
                             public_url=room.url, templates_path=pages)
            self.room = room

        async def _make_app(self) -> web.Application:
            import aiohttp_jinja2
            import jinja2

            app = web.Application(client_max_size=MAX_FORM_BYTES)
            aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path),
                                 autoescape=jinja2.select_autoescape(default=True))
            app.add_routes([
                web.get("/", self.handle_index, name="index"),
                web.post("/join", self.handle_join, name="join"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.post("/pool", self.handle_pool, name="pool"),
                web.get("/favicon.ico", self.handle_no_icon),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
            ])
            app.on_response_prepare.append(self._headers)
            return app

        @staticmethod
        async def _headers(request: web.Request, response: web.StreamResponse) -> None:
            response.headers.setdefault("X-Frame-Options", "DENY")
            response.headers.setdefault("Referrer-Policy", "no-referrer")
            response.headers.setdefault("Cache-Control", "no-store")

        @staticmethod
        async def handle_no_icon(request: web.Request) -> web.StreamResponse:
            return web.Response(status=204)

        def _person(self, request: web.Request) -> Participant | None:
            return self.room.participant(request.cookies.get(COOKIE))

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            import aiohttp_jinja2

            person = self._person(request)
            if person is None:
                return aiohttp_jinja2.render_template(
                    "join.html", request, {"problem": "", "name": ""})
            context = {
                "font_size": to_int(request.query.get("fontsize", "16"), 16),
                "websocket_url": self._ws_url(request),
                "static_url": "/static/",
                "person": person,
            }
            return aiohttp_jinja2.render_template("app.html", request, context)

        def _ws_url(self, request: web.Request) -> str:
            host = request.headers.get("Host", f"{self.room.host}:{self.room.port}")
            return f"ws://{host}/ws"

        async def handle_join(self, request: web.Request) -> web.StreamResponse:
            import aiohttp_jinja2

            remote = request.remote or "?"
            form = await request.post()
            attempt, name = str(form.get("code", "")), str(form.get("name", ""))
            if self.room.locked_out(remote):
                problem = ("Too many wrong codes from this computer: wait half a minute, "
                           "then type the code on the trainer's screen.")
                return aiohttp_jinja2.render_template(
                    "join.html", request, {"problem": problem, "name": name}, status=429)
            person = self.room.join(attempt, name, remote)
            if person is None:
                problem = ("That is not the room's join code. Type the six letters and "
                           "digits shown on the trainer's screen.")
                return aiohttp_jinja2.render_template(
                    "join.html", request, {"problem": problem, "name": name}, status=403)
            response = web.Response(status=303, headers={"Location": "/"})
            response.set_cookie(COOKIE, person.token, httponly=True, samesite="Strict",
                                path="/")
            return response

        async def handle_pool(self, request: web.Request) -> web.StreamResponse:
            person = self.room.participant(request.headers.get(TOKEN_HEADER))
            if person is None:
                return web.json_response({"message": "not a participant of this room"},
                                         status=403)
            import asyncio

            body = await request.read()
            try:
                arrival = await asyncio.get_running_loop().run_in_executor(
                    None, self.room.pool, person, body)
            except ValueError as exc:
                return web.json_response({"message": str(exc)}, status=400)
            except UserError as exc:
                return web.json_response({"message": str(exc)}, status=503)
            verb = "replaced your earlier form" if arrival.replaced else "added to the pool"
            said = arrival.describe()
            return web.json_response({"message": f"{said[:1].upper()}{said[1:]}: {verb}."})

        async def handle_websocket(  # type: ignore[override]  # may answer 403 instead
                self, request: web.Request) -> web.StreamResponse:
            """One browser tab: the participant's own app, if they came through the door."""
            import asyncio

            person = self._person(request)
            origin = request.headers.get("Origin", "")
            host = request.headers.get("Host", "")
            if person is None or (origin and origin.split("//", 1)[-1] != host):
                raise web.HTTPForbidden(text="join the room first")
            websocket = web.WebSocketResponse(heartbeat=15)
            width = to_int(request.query.get("width", "80"), 80)
            height = to_int(request.query.get("height", "24"), 24)
            service: AppService | None = None
            person.sessions += 1
            self.room._changed()
            try:
                await websocket.prepare(request)

                async def close() -> None:  # AppService awaits it and wants nothing back
                    await websocket.close()

                service = AppService(
                    self.room.command(person), write_bytes=websocket.send_bytes,
                    write_str=websocket.send_str, close=self._closer(websocket),
                    download_manager=self.download_manager, debug=self.debug)
                await service.start(width, height)
                try:
                    await self._process_messages(websocket, service)
                finally:
                    await service.stop()
            except asyncio.CancelledError:
                await websocket.close()
            finally:
                person.sessions -= 1
                self.room._changed()
            return websocket

        @staticmethod
        def _closer(websocket: web.WebSocketResponse) -> Any:
            """textual-serve's "close the browser's socket" callback, as it expects it."""

            async def close() -> None:
                await websocket.close()

            return close

        async def on_startup(self, app: web.Application) -> None:
            """Quiet: the trainer's screen shows the address and the code."""

    return _RoomServer


_server_class: type | None = None


def make_server(room: Room) -> Any:
    """A textual-serve server for ``room``, with the door and the pool added.

    textual-serve runs one process per browser tab from a command; the room gives each
    participant's tab their own command (their database), and only to a browser that came
    through the door with the code. The class is built on first use, so importing this
    module does not import aiohttp.
    """
    global _server_class
    if _server_class is None:
        _server_class = _room_server_class()
    return _server_class(room)


class Serving:
    """A room being served: the web server, and the pre-forking server starting behind it."""

    def __init__(self, runner: Any, prefork: Any = None) -> None:
        self.runner = runner
        self.prefork = prefork  # the task that starts the pre-forking server

    async def cleanup(self) -> None:
        """End the room: close every participant's app, stop serving; nothing is deleted."""
        await self.runner.cleanup()
        if self.prefork is not None:
            self.prefork.cancel()
            with contextlib.suppress(BaseException):
                await self.prefork


async def start(room: Room, prefork: bool = True) -> Serving:
    """Start serving ``room`` on the running event loop; the door opens at once.

    With ``prefork`` (the default), a pre-forking server (:mod:`assistant.prefork`) loads
    the app and the coach once, in the background; from when it is ready, participants'
    apps are forked from it. Until then, or if it cannot start, each app starts on its
    own, more slowly. Raises RoomError when the address cannot be used (taken, or not
    this machine's).
    """
    import asyncio

    from aiohttp import web

    server = make_server(room)
    runner = web.AppRunner(await server._make_app(), handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, room.host, room.port)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        raise RoomError(f"cannot listen on {room.host}:{room.port}: {exc.strerror}") from None
    if room.port == 0:  # an ephemeral port: read back the one the kernel chose
        sockets = getattr(site._server, "sockets", None) or []
        if sockets:
            room.port = sockets[0].getsockname()[1]
    task = asyncio.create_task(_run_prefork(room)) if prefork else None
    return Serving(runner, task)


async def _run_prefork(room: Room) -> None:
    """Start the pre-forking server, point the room at it once ready, stop it at the end."""
    import asyncio

    path = _socket_path(room.folder)
    args = [sys.executable, "-m", "assistant.prefork", "serve", path]
    if room.content:
        args += ["--content", room.content]
    if room.pipeline:
        args += ["--pipeline", room.pipeline]
    process = await asyncio.create_subprocess_exec(
        *args, stdout=asyncio.subprocess.PIPE, stdin=asyncio.subprocess.DEVNULL)
    try:
        assert process.stdout is not None
        line = await asyncio.wait_for(process.stdout.readline(), 300)
        if line.strip() == b"ready":
            room.prefork_socket = path
            room._changed()
        await process.wait()
    except TimeoutError:
        pass  # the slow way still works: every app loads on its own
    finally:
        room.prefork_socket = None
        if process.returncode is None:
            process.terminate()
            with contextlib.suppress(BaseException):
                await asyncio.shield(process.wait())


def _socket_path(folder: Path) -> str:
    """A Unix socket path under the room's folder, or a private temporary folder when
    the room's path is too long for a socket address (about 100 bytes)."""
    path = folder / "apps.sock"
    if len(os.fsencode(path)) < 100:
        return str(path)
    import tempfile

    return str(Path(tempfile.mkdtemp(prefix="needs-led-room-")) / "apps.sock")


def default_folder(when: datetime | None = None) -> Path:
    """Where a room keeps its participants' workspaces: the user data folder, by date."""
    from platformdirs import user_data_path

    stamp = (when or datetime.now()).strftime("%Y-%m-%d-%H%M%S")
    return user_data_path("needs-led", appauthor=False) / "rooms" / stamp


def default_sample(today: date | None = None) -> str:
    return f"Room {(today or dates.today()).isoformat()}"
