"""Live connectors that refresh the snapshot: `run_update(source, snapshot=..., years="2015-2024")`.

wdi       World Bank WDI through wbgapi (GDP)
ids       World Bank International Debt Statistics through wbgapi (debt owed to China, all creditors)
comtrade  UN Comtrade through comtradeapicall (China's and the US's trade with every partner; needs a key)
imf       IMF Direction of Trade Statistics (SDMX-JSON)
"""

from __future__ import annotations

from pathlib import Path

from sphere.errors import ConfigError
from sphere.refdata.connectors.base import Connector
from sphere.refdata.load import SNAPSHOT, load_reference

SOURCES = ("wdi", "ids", "comtrade", "imf")


def connector(name: str) -> Connector:
    """The connector called `name`; ConfigError listing the valid names otherwise."""
    from sphere.config import get_settings
    from sphere.refdata.connectors.comtrade import Comtrade
    from sphere.refdata.connectors.imf import IMF
    from sphere.refdata.connectors.worldbank import IDS, WDI

    makers = {"wdi": WDI, "ids": IDS, "imf": IMF, "comtrade": lambda: Comtrade(get_settings().comtrade_key)}
    if name not in makers:
        raise ConfigError(f"unknown source {name!r}", valid=SOURCES)
    return makers[name]()  # type: ignore[operator]


def parse_years(text: str) -> range:
    try:
        first, _, last = text.partition("-")
        lo, hi = int(first), int(last or first)
    except ValueError as exc:
        raise ConfigError(f"years must look like 2015-2024, not {text!r}") from exc
    if not 1960 <= lo <= hi <= 2100:
        raise ConfigError(f"years {text!r} are outside 1960-2100 or reversed")
    return range(lo, hi + 1)


def run_update(source: str, *, snapshot: Path | None = None, years: str = "2015-2024") -> int:
    """Refresh one source into the snapshot folder; returns the rows written."""
    written = connector(source).update(parse_years(years), snapshot=snapshot or SNAPSHOT)
    load_reference.cache_clear()
    return written
