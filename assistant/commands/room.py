"""`needs-led room`: serve the app to a workshop's browsers, behind a join code."""

from __future__ import annotations

import argparse
from typing import Any

from assistant.cli import add, require_terminal


def cmd_room(args: argparse.Namespace) -> int:
    from pathlib import Path

    from assistant.room import Room, default_folder, default_sample

    if not args.headless:
        require_terminal("the room's screen")
    room = Room(
        folder=Path(args.folder).expanduser() if args.folder else default_folder(),
        pool_db=getattr(args, "db", None),
        sample=args.sample or default_sample(),
        host=args.host, port=args.port,
        content=getattr(args, "content", None), pipeline=getattr(args, "pipeline", None),
    )
    if args.headless:
        return _serve_headless(room)
    from assistant.tui.roomhost import run

    return run(room)


def _serve_headless(room: Any) -> int:
    """Serve without the trainer's screen (scripts, benchmarks): the code on stdout."""
    import asyncio
    import sys

    from assistant.room import start

    async def serve() -> None:
        runner = await start(room)
        print(f"room {room.url} code {room.code} sample {room.sample!r} folder {room.folder}",
              flush=True)
        try:
            await asyncio.Event().wait()
        finally:
            await runner.cleanup()

    try:
        asyncio.run(serve())
    except KeyboardInterrupt:
        print("room ended; everything is kept", file=sys.stderr)
    return 0


def add_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    p = add(sub, common, "room",
            "run a workshop room: participants join in a browser with a join code",
            cmd_room, description=(
                "Serve the app to a workshop's browsers. Participants open the address "
                "shown and type the join code; each works in their own workspace and "
                "sends their audit forms to the room's pooled sample in your database, "
                "where your screen shows them arrive and the shuffle sorts them. "
                "Listens on this computer only unless you name an address (--host)."))
    p.add_argument("--host", default="127.0.0.1", metavar="ADDRESS",
                   help="the address to listen on (default 127.0.0.1, this computer only; "
                   "0.0.0.0 for the room's network)")
    p.add_argument("--port", type=int, default=8000, help="the port (default 8000)")
    p.add_argument("--sample", metavar="NAME",
                   help="the audit sample the forms pool into (default 'Room DATE')")
    p.add_argument("--folder", metavar="DIR",
                   help="where participants' workspaces are kept (default: your user data "
                   "folder, rooms/DATE-TIME)")
    p.add_argument("--headless", action="store_true",
                   help="serve without the trainer's screen; print the address and code")
    p.add_argument("--pipeline", metavar="NAME|PATH", default=argparse.SUPPRESS)
