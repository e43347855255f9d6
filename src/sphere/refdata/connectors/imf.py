"""IMF trade connector: Direction of Trade Statistics through the IMF's SDMX-JSON CompactData service.

The service answers {"CompactData": {"DataSet": {"Series": [{"@REF_AREA": "BR", "@INDICATOR": "TXG_FOB_USD",
"@COUNTERPART_AREA": "CN", "@UNIT_MULT": "6", "Obs": [{"@TIME_PERIOD": "2020", "@OBS_VALUE": "67788.1"}]}]}}}
(a single series or observation comes as an object, not a list). Values are US$ millions. The IMF moved
DOTS to IMTS on api.imf.org in 2025; `base_url` may need to point there (same series codes, SDMX 3.0).
"""

from __future__ import annotations

from typing import Any, ClassVar

from sphere.refdata.connectors.base import Connector, Record

ISO2 = {"CN": "CHN", "US": "USA", "W00": "WLD"}


def flatten(answer: dict[str, Any]) -> list[Record]:
    """One record per observation of a CompactData answer."""
    series = answer["CompactData"]["DataSet"].get("Series", [])
    out: list[Record] = []
    for s in series if isinstance(series, list) else [series]:
        obs = s.get("Obs", [])
        for o in obs if isinstance(obs, list) else [obs]:
            out.append(
                {
                    "REF_AREA": s.get("@REF_AREA"),
                    "COUNTERPART_AREA": s.get("@COUNTERPART_AREA"),
                    "INDICATOR": s.get("@INDICATOR"),
                    "TIME_PERIOD": o.get("@TIME_PERIOD"),
                    "OBS_VALUE": o.get("@OBS_VALUE"),
                    "UNIT_MULT": s.get("@UNIT_MULT"),
                }
            )
    return out


def iso2_table() -> dict[str, str]:
    """ISO2 -> ISO3 for every country pycountry knows, plus the IMF's own codes used here."""
    import pycountry

    return {**{c.alpha_2: c.alpha_3 for c in pycountry.countries}, **ISO2}


class IMF(Connector):
    name = "imf"
    title = "IMF Direction of Trade Statistics, exports FOB and imports CIF with China, the United States and the world"
    publisher = "International Monetary Fund"
    publisher_short = "IMF DOTS"
    host = "dataservices.imf.org"
    base_url = "http://dataservices.imf.org/REST/SDMX_JSON.svc/CompactData/DOT"
    licence = "IMF terms of use (free reuse with attribution)"
    fields: ClassVar[dict[str, str]] = {
        "reporter": "REF_AREA",
        "partner": "COUNTERPART_AREA",
        "year": "TIME_PERIOD",
        "value": "OBS_VALUE",
        "series": "INDICATOR",
    }
    series: ClassVar[dict[str, str]] = {"TXG_FOB_USD": "dots_exports", "TMG_CIF_USD": "dots_imports"}
    iso3_passthrough = False
    scale = 10**6

    def __init__(self) -> None:
        self.codes = iso2_table()  # type: ignore[misc]

    def fetch(self, years: range) -> list[Record]:
        import httpx

        from sphere.config import get_settings

        url = (
            f"{self.base_url}/A..TXG_FOB_USD+TMG_CIF_USD.CN+US+W00"
            f"?startPeriod={years.start}&endPeriod={years.stop - 1}"
        )
        try:
            response = httpx.get(url, timeout=get_settings().url_timeout)
            response.raise_for_status()
            return flatten(response.json())
        except (httpx.HTTPError, ValueError, KeyError) as exc:
            raise self.network_error(exc) from exc
