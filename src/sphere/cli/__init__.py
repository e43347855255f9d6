"""The `sphere` command: a thin layer over the library.

Each module here registers one family of commands and maps sphere's own errors
(`sphere.errors`) to one clear line and an exit code; none holds pipeline logic.
"""

from __future__ import annotations

import typer

from sphere.cli import analysis, extract, refdata, store

app = typer.Typer(
    name="sphere",
    help="Turn news about great-power competition into sourced, checked, structured data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for module in (extract, store, refdata, analysis):
    module.register(app)


def main() -> None:
    app()
