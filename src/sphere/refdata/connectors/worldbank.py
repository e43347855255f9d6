"""World Bank connectors through wbgapi: WDI (GDP) and International Debt Statistics (debt owed to China,
to the United States and to all creditors).

wbgapi flattens each API record ({"variable": [{"concept": "Country", "id": "BOL"}, ...], "value": v})
into {"economy": "BOL", "series": ..., "time": "YR2023", "counterpart_area": "730", "value": v};
`flatten()` does the same for a recorded API page, so tests map the exact documented JSON offline.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sphere.refdata.connectors.base import Connector, Record

CONCEPTS = {"country": "economy", "series": "series", "time": "time", "counterpart-area": "counterpart_area"}


def flatten(page: dict[str, Any]) -> list[Record]:
    """Records of one page of the API's `sources/{db}/.../data?format=json` answer, keyed like wbgapi."""
    out: list[Record] = []
    for row in page["source"]["data"]:
        record = {CONCEPTS.get(v["concept"].lower(), v["concept"].lower()): v["id"] for v in row["variable"]}
        record["value"] = row["value"]
        out.append(record)
    return out


def _wbgapi():  # type: ignore[no-untyped-def]
    try:
        import wbgapi
    except ImportError as exc:  # pragma: no cover - wbgapi is in the connectors extra
        from sphere.errors import ConnectorError

        raise ConnectorError("wbgapi is not installed: pip install 'sphere[connectors]'") from exc
    return wbgapi


class WDI(Connector):
    name = "wdi"
    title = "World Bank World Development Indicators, GDP (current US$)"
    publisher = "World Bank"
    publisher_short = "World Bank WDI"
    host = "api.worldbank.org (source 2, WDI)"
    licence = "CC BY 4.0"
    fields: ClassVar[dict[str, str]] = {
        "reporter": "economy",
        "year": "time",
        "value": "value",
        "series": "series",
    }
    series: ClassVar[dict[str, str]] = {"NY.GDP.MKTP.CD": "wdi_gdp"}

    def fetch(self, years: range) -> list[Record]:
        wb = _wbgapi()
        try:
            return list(wb.data.fetch(list(self.series), economy="all", time=years, db=2, skipAggs=True))
        except Exception as exc:  # requests/wbgapi raise many kinds; all mean the source is unreachable
            raise self.network_error(exc) from exc


class IDS(Connector):
    name = "ids"
    title = (
        "World Bank International Debt Statistics: PPG debt stocks by creditor (China, United States, world)"
    )
    publisher = "World Bank"
    publisher_short = "World Bank IDS"
    host = "api.worldbank.org (source 6, IDS)"
    licence = "CC BY 4.0"
    fields: ClassVar[dict[str, str]] = {
        "reporter": "economy",
        "partner": "counterpart_area",
        "year": "time",
        "value": "value",
        "series": "series",
    }
    series: ClassVar[dict[str, str]] = {
        "DT.DOD.BLAT.CD": "ids_debt_china_bilateral",
        "DT.DOD.PCBK.CD": "ids_debt_china_private",
        "DT.DOD.DPPG.CD": "ids_ppg_debt",
    }
    # IDS counterpart-area codes (World Bank DRS creditor codes); WLD is all creditors
    codes: ClassVar[dict[str, str]] = {"730": "CHN", "WLD": "WLD"}
    counterparts: ClassVar[dict[str, tuple[str, ...]]] = {
        "DT.DOD.BLAT.CD": ("730",),
        "DT.DOD.PCBK.CD": ("730",),
        "DT.DOD.DPPG.CD": ("730", "WLD"),
    }

    def fetch(self, years: range) -> list[Record]:
        wb = _wbgapi()
        out: list[Record] = []
        try:
            for indicator, parts in self.counterparts.items():
                for part in parts:
                    out += wb.data.fetch(
                        indicator, economy="all", time=years, db=6, skipAggs=True, counterpart_area=part
                    )
        except Exception as exc:
            raise self.network_error(exc) from exc
        return out
