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

from sphere.cli import analysis, extract, refdata, serve, store

app = typer.Typer(
    name="sphere",
    help="Turn news about great-power competition into sourced, checked, structured data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: Rich's help formatter loads a Markdown parser (~0.2 s) for every --help
)

MODULES = [extract, store, refdata, analysis, serve]
for module in MODULES:
    module.register(app)


def main() -> None:
    try:
        app()
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
