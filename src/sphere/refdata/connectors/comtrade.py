"""UN Comtrade connector through comtradeapicall (needs the user's key, `SPHERE_COMTRADE_KEY`).

It asks China (156) and the United States (842) for their total goods imports from and exports to each
partner: mirror flows of every partner's exports and imports. The API answers
{"elapsedTime": ..., "count": n, "data": [{"reporterISO": "CHN", "partnerISO": "BRA", "flowCode": "M",
"refYear": 2023, "primaryValue": ...}, ...], "error": ""}; comtradeapicall turns `data` into a DataFrame.
"""

from __future__ import annotations

from typing import Any, ClassVar

from sphere.errors import ConnectorError
from sphere.refdata.connectors.base import Connector, Record

REPORTERS = {"156": "CHN", "842": "USA"}


def records(answer: dict[str, Any]) -> list[Record]:
    """The records of one recorded API answer; ConnectorError when the API reported an error."""
    if answer.get("error"):
        raise ConnectorError(f"comtrade: the API answered with an error: {answer['error']}")
    return list(answer.get("data") or [])


class Comtrade(Connector):
    name = "comtrade"
    title = "UN Comtrade, total goods trade (TOTAL) of China and the United States with each partner, annual"
    publisher = "United Nations Statistics Division (UN Comtrade)"
    publisher_short = "UN Comtrade"
    host = "comtradeapi.un.org"
    licence = "UN Comtrade terms of use (cite UN Comtrade)"
    fields: ClassVar[dict[str, str]] = {
        "reporter": "reporterISO",
        "partner": "partnerISO",
        "year": "refYear",
        "value": "primaryValue",
        "series": "flowCode",
    }
    series: ClassVar[dict[str, str]] = {"M": "comtrade_imports", "X": "comtrade_exports"}
    codes: ClassVar[dict[str, str]] = {"W00": "WLD"}

    def __init__(self, key: str | None = None) -> None:
        self.key = key

    def fetch(self, years: range) -> list[Record]:
        if not self.key:
            raise ConnectorError(
                "comtrade: no subscription key; set SPHERE_COMTRADE_KEY (comtradedeveloper.un.org)"
            )
        try:
            import comtradeapicall
        except ImportError as exc:  # pragma: no cover
            raise ConnectorError(
                "comtradeapicall is not installed: pip install 'sphere[connectors]'"
            ) from exc
        out: list[Record] = []
        try:
            for reporter in REPORTERS:
                frame = comtradeapicall.getFinalData(
                    self.key,
                    typeCode="C",
                    freqCode="A",
                    clCode="HS",
                    period=",".join(map(str, years)),
                    reporterCode=reporter,
                    cmdCode="TOTAL",
                    flowCode="M,X",
                    partnerCode=None,
                    partner2Code="0",
                    customsCode="C00",
                    motCode="0",
                    maxRecords=250000,
                    format_output="JSON",
                    includeDesc=True,
                )
                if frame is None:
                    raise ConnectorError("comtrade: the API returned nothing (quota, key or network)")
                out += frame.to_dict("records")
        except ConnectorError:
            raise
        except Exception as exc:
            raise self.network_error(exc) from exc
        return [r for r in out if r.get("partnerISO") not in (None, "", "W00")]
