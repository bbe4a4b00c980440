"""`needs-led` and its sub-commands.

Start-up must stay fast: this module imports only the standard library at the top.
Each command imports what it needs when it runs, so `needs-led --help` never pays for
spaCy or Textual.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from assistant import __version__

PROG = "needs-led"

# Modules that add sub-commands: each has `add_commands(subparsers, common)`.
COMMAND_MODULES = (
    "assistant.commands.cases",
    "assistant.commands.check",
    "assistant.commands.export",
    "assistant.commands.practice",
    "assistant.commands.audit",
    "assistant.commands.review",
    "assistant.commands.room",
)


class UsageError(Exception):
    """Bad usage: one line on stderr, exit status 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def common_options() -> argparse.ArgumentParser:
    """Options every command accepts, before or after its name."""
    common = Parser(add_help=False)
    common.add_argument(
        "--db", metavar="PATH", default=argparse.SUPPRESS,
        help="the case database (default: NEEDS_LED_DB, else your user data folder)",
    )
    common.add_argument(
        "--content", metavar="DIR", default=argparse.SUPPRESS,
        help="a folder with edited framework/, prompts/ or exports/ (default: NEEDS_LED_CONTENT)",
    )
    return common


def build_parser() -> Parser:
    common = common_options()
    parser = Parser(
        prog=PROG,
        parents=[common],
        description=(
            "A terminal assistant that helps children's-services workers think a case "
            "through four concepts in order: Need, Seriousness, Outcome and Work to plan "
            "and do. With no command it opens the interactive assistant."
        ),
        epilog="Run 'needs-led COMMAND --help' for a command's own options.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--pipeline", metavar="NAME|PATH", default=None,
        help="the spaCy pipeline for the wording coach (default: NEEDS_LED_PIPELINE, "
        "else the installed English pipeline)",
    )
    sub = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND",
                                parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).add_commands(sub, common)
    return parser


class NoTerminal(UsageError):
    """An interactive screen was asked for without a terminal to draw it on."""


def require_terminal(what: str) -> None:
    """Refuse to start a full-screen app when stdin or stdout is not a terminal.

    Without one, Textual writes escape codes into a pipe or file and waits for keys that
    never come; a clear usage error (exit 2) is what a script or a cron job needs.
    """
    import os

    if os.environ.get("TEXTUAL_DRIVER"):
        return  # served to a browser (a workshop room): the driver is not a terminal's
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise NoTerminal(f"{what} needs a terminal; for scripts, use the commands listed "
                         f"by '{PROG} --help'")


def run_tui(args: argparse.Namespace) -> int:
    require_terminal("the interactive assistant")
    from assistant.tui.app import run

    return run(db=getattr(args, "db", None), content=getattr(args, "content", None),
               pipeline=args.pipeline)


# Arguments that name files: bytes that are not UTF-8 are kept in these (a file can be
# named so); in every other argument they become U+FFFD, so they can be printed and stored.
PATH_ARGS = frozenset({"db", "content", "file", "files", "folder", "out", "pipeline"})


def _safe_streams() -> None:
    """Print what cannot be encoded as escapes, never a UnicodeEncodeError traceback.

    A stream that cannot be reconfigured (the room's forked apps write to a socket that
    refuses the seek it tries) keeps its own rule: what reaches it is cleaned text.
    """
    from contextlib import suppress

    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with suppress(OSError, ValueError):
                reconfigure(errors="backslashreplace")


def _clean_args(args: argparse.Namespace) -> None:
    """Replace undecodable bytes (lone surrogates from the command line) in text args."""
    import os

    from assistant.textsafe import without_surrogates

    for key, value in vars(args).items():
        if key in PATH_ARGS or (key == "case" and isinstance(value, str)
                                and os.path.exists(value)):
            continue
        if isinstance(value, str):
            setattr(args, key, without_surrogates(value))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(args, key, [without_surrogates(v) for v in value])


def main(argv: Sequence[str] | None = None) -> int:
    from assistant.errors import report

    _safe_streams()
    if argv is None:  # the process's own command line: this command is all it runs
        from assistant.heap import own_process

        own_process()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        _clean_args(args)
        func: Callable[[argparse.Namespace], int] = getattr(args, "func", run_tui)
        return func(args)
    except UsageError as exc:
        if isinstance(exc, NoTerminal) and argv is None and len(sys.argv) <= 1:
            build_parser().print_help(sys.stderr)
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`needs-led audit suggest --json | head`): stop quietly.
        # Point stdout at nothing so the interpreter's final flush cannot complain again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:
        code = report(exc)
        if code is None:
            raise
        return code


def open_content(args: argparse.Namespace) -> Any:
    """The content for a command: --content, NEEDS_LED_CONTENT, or the default."""
    from assistant.content import Content

    return Content(getattr(args, "content", None))


def open_store(args: argparse.Namespace) -> Any:
    """The case store for a command: --db, NEEDS_LED_DB, or the user data folder."""
    from assistant.store import Store

    return Store(getattr(args, "db", None))


#: what a command's help says a date may be (the forms ``assistant.dates.read_date`` reads)
DATE_FORMS = ("2027-02-15, 15/02/2027, 15 Feb 2027, or a phrase: next Friday, tomorrow, "
              "in six weeks, the end of March")


def iso_date(text: str) -> Any:
    """An argparse type for dates in any form the app reads, the interview's reading
    (``assistant.dates.read_date``: ISO, DD/MM/YYYY, 15 Feb 2027, "next Friday", "in six
    weeks"), against the app's today, with a message a person can act on."""
    from assistant.dates import read_date

    try:
        return read_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add(sub: Any, common: argparse.ArgumentParser, name: str, help: str, func: Callable,
        **kwargs: Any) -> argparse.ArgumentParser:
    """Add a sub-command that shares the common options."""
    parser = sub.add_parser(name, help=help, description=kwargs.pop("description", help),
                            parents=[common], **kwargs)
    parser.set_defaults(func=func)
    return parser


def add_group(sub: Any, common: argparse.ArgumentParser, name: str, help: str,
              **kwargs: Any) -> tuple[argparse.ArgumentParser, Any]:
    """Add a command group (``audit``, ``practice``, ``workshop``...) and its sub-commands.

    Every group behaves the same when named alone: its help, listing what it can do, on
    stderr, and exit status 2, as for any other incomplete command line.
    """
    parser = add(sub, common, name, help, _show_group_help, **kwargs)
    parser.set_defaults(group_parser=parser)
    subparsers = parser.add_subparsers(title=f"{name} commands", metavar="COMMAND",
                                       parser_class=Parser)
    return parser, subparsers


def _show_group_help(args: argparse.Namespace) -> int:
    args.group_parser.print_help(sys.stderr)
    return 2

