"""Every command and every setting is documented in the README (a user should never have to read code)."""

from __future__ import annotations

import typer
from tests.conftest import ROOT

from sphere.cli import app
from sphere.config import Settings

README = (ROOT / "README.md").read_text()


def _commands(typer_app: typer.Typer, prefix: str = "sphere") -> list[str]:
    out = []
    for cmd in typer_app.registered_commands:
        name = cmd.name or cmd.callback.__name__.replace("_", "-")
        out.append(f"{prefix} {name}")
    for group in typer_app.registered_groups:
        out.append(f"{prefix} {group.name}")
    return out


def test_every_command_is_in_the_readme():
    missing = [c for c in _commands(app) if c not in README]
    assert missing == []


def test_every_setting_is_in_the_readme():
    missing = [f"SPHERE_{name.upper()}" for name in Settings.model_fields if f"SPHERE_{name.upper()}" not in README]
    assert missing == []


def test_every_setting_has_a_description():
    assert all(field.description for field in Settings.model_fields.values())
