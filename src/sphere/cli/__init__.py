"""The `sphere` command: a thin layer over the library.

Each module here registers one family of commands and maps sphere's own errors (`sphere.errors`) to one
clear line and an exit code (`cli/common.py`); none holds pipeline logic, and none imports the store, spaCy
or pandas before a command runs, so `sphere --help` answers at once. `main()` is the last guard: anything
unexpected is one line naming the error (SPHERE_DEBUG=1 shows the traceback), never a traceback.

Adding a command: a module with `register(app)`, listed in `MODULES` below.
"""

from __future__ import annotations

import os
import sys

import typer
from typer.main import get_command_name

from sphere.cli import analysis, extract, refdata, serve, store

HELP = "Turn news about great-power competition into sourced, checked, structured data."
SETTINGS: dict = dict(
    name="sphere",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: Rich's help formatter loads a Markdown parser (~0.2 s) for every --help
)
app = typer.Typer(help=HELP, **SETTINGS)

MODULES = [extract, store, refdata, analysis, serve]
for module in MODULES:
    module.register(app)


def app_for(argv: list[str]) -> typer.Typer:
    """The app to run for `argv`: only the command (or command group) it names, when it names one.

    Typer builds every command's options, reading each one's type hints, before it runs any: about 0.03 s
    for sphere's twenty commands, a tenth of a query's start-up. A command needs only its own; `sphere`,
    `sphere --help` and a name sphere does not know get the whole app (which lists the commands)."""
    name = argv[0] if argv else ""
    if not name or name.startswith("-"):
        return app
    commands = [c for c in app.registered_commands
                if (c.name or get_command_name(c.callback.__name__ if c.callback else "")) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not commands and not groups:
        return app
    one = typer.Typer(**SETTINGS)
    one.registered_commands, one.registered_groups = commands, groups
    one.callback(help=HELP)(_no_options)  # a group: `sphere NAME ...` still names the command
    return one


def _no_options() -> None:
    """The whole app's own options: none."""


def main() -> None:
    try:
        app_for(sys.argv[1:])()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except BrokenPipeError:  # `sphere claims | head`: the reader left, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except Exception as exc:  # noqa: BLE001 - the last guard: one line, never a traceback
        if os.environ.get("SPHERE_DEBUG"):
            raise
        reason = (str(exc).strip().splitlines() or [""])[0][:300]
        sys.stderr.write(f"error: {type(exc).__name__}: {reason} (a bug in sphere: please report it; "
                         "SPHERE_DEBUG=1 shows the traceback)\n")
        sys.exit(1)
