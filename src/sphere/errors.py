"""One error hierarchy for sphere, so the CLI and the API can map each failure to a clean message.

    SphereError                     base: every error sphere raises on purpose
    ├── InputError                  one input item could not be read (names the item and the reason)
    │   └── NotEnglish              the text is in another language (`language`), which sphere declines
    ├── ModelError                  the spaCy model is missing or the wrong version
    ├── ConfigError                 a setting or option has an invalid value (lists the valid ones)
    ├── StoreError                  the knowledge store failed
    │   ├── DatabaseUnavailable     the database cannot be reached
    │   └── SchemaOutdated          the database schema is older than this sphere (run `sphere db upgrade`)
    ├── RefdataError                reference data problems
    │   ├── UnknownCode             a country or group code that sphere does not know (lists valid codes)
    │   ├── NoData                  the reference data has a gap for what was asked
    │   └── ConnectorError          a live source could not be reached or mapped
    └── EvaluationError             a gold file is malformed

Bad input never becomes a traceback: readers raise `InputError`, batches catch it, report it and go on.
"""

from __future__ import annotations

from collections.abc import Iterable


class SphereError(Exception):
    """Base class of every error sphere raises on purpose."""


class InputError(SphereError):
    """An input item (file, line, URL) that cannot be processed, with the reason."""

    def __init__(self, item: str, reason: str) -> None:
        super().__init__(f"{item}: {reason}")
        self.item = item
        self.reason = reason


class NotEnglish(InputError):
    """The text is in another language than English; sphere declines it, and says which it looks like."""

    def __init__(self, item: str, language: str) -> None:
        super().__init__(item, f"not English (looks like {language}); sphere reads English news only")
        self.language = language


class ModelError(SphereError):
    """The English spaCy model could not be loaded."""


class ConfigError(SphereError):
    """An option or setting has a value that sphere cannot use."""

    def __init__(self, message: str, valid: Iterable[str] | None = None) -> None:
        self.valid = sorted(valid) if valid is not None else None
        if self.valid:
            shown = ", ".join(self.valid[:60]) + (" ..." if len(self.valid) > 60 else "")
            message = f"{message} (valid: {shown})"
        super().__init__(message)


class StoreError(SphereError):
    """The knowledge store failed."""


class DatabaseUnavailable(StoreError):
    """The database named by --db / SPHERE_DATABASE_URL cannot be reached."""


class SchemaOutdated(StoreError):
    """The database was made by an older sphere; `sphere db upgrade` brings it up to date."""


class RefdataError(SphereError):
    """Reference data problems."""


class UnknownCode(RefdataError, ConfigError):
    """A country or group code that sphere does not know."""


class NoData(RefdataError):
    """The reference data has a gap where a value was asked for."""


class ConnectorError(RefdataError):
    """A live public source could not be reached, or its answer could not be mapped."""


class EvaluationError(SphereError):
    """A gold annotation file is malformed."""
