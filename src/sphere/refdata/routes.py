"""Which series answer which measure: the one place that decides it, for verification, scorecards and
scenarios alike.

A *route* is a way of computing one quantity from the snapshot: a signed sum of *parts*, each one series
for one pair of parties. The same quantity usually has several routes: the country's own report (X's
exports to P as X declares them) and the partner's mirror (P's imports from X as P declares them), or a
creditor table next to a bilateral-only series. Each route says which publishers it speaks for
(`sources`, the keys of `sphere.verify.rules.PUBLISHER_ALIASES`), so a verdict can follow the series of the
source an article names, and whether it is the reporter's own figure (`own`).

Coverage is a property of a part: `full`, `partial` (a lower bound: bilateral debt without China's
commercial lending) or `mirror` (the partner's report). Where the World Bank's creditor table covers a
debtor, the debt owed to China is read from it (every Chinese creditor, 0 where it shows none), so bilateral
debt is the whole of it; where no creditor table exists (the Latin American file), bilateral stays a lower
bound: absence of data is not zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

Coverage = Literal["full", "partial", "mirror"]
POWERS = ("CHN", "USA")

# Series -> the publishers a route through it speaks for (an article citing one of them is checked on it).
SERIES_SOURCES: dict[str, tuple[str, ...]] = {
    "dots_exports": ("IMF",),
    "dots_imports": ("IMF",),
    "imts_exports": ("IMF",),
    "comtrade_imports": ("UN Comtrade",),
    "comtrade_exports": ("UN Comtrade",),
    "ids_debt_china_bilateral": ("World Bank",),
    "ids_debt_china_private": ("World Bank",),
    "ids_ppg_debt": ("World Bank",),
    "wdi_gdp": ("World Bank",),
    "wdi_gdp_derived": ("World Bank",),
    "dip_position": ("IMF", "BEA", "MOFCOM"),
    "dip_position_mirror": ("IMF",),
    "cgit_investment": ("AEI/Heritage",),
    "cgit_construction": ("AEI/Heritage",),
}


@dataclass(frozen=True)
class Part:
    sign: int
    series: str
    reporter: str
    partner: str | None
    kind: Coverage = "full"


@dataclass(frozen=True)
class Route:
    parts: tuple[Part, ...]
    label: str

    @property
    def coverage(self) -> Coverage:
        kinds = {p.kind for p in self.parts}
        return "mirror" if "mirror" in kinds else "partial" if "partial" in kinds else "full"

    @property
    def own(self) -> bool:
        """True when every part is the reporter's own figure (no mirror)."""
        return self.coverage != "mirror"

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for p in self.parts for s in SERIES_SOURCES.get(p.series, ())))

    @property
    def series(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(p.series for p in self.parts))


def _one(series: str, reporter: str, partner: str | None, label: str, kind: Coverage = "full") -> Route:
    return Route((Part(1, series, reporter, partner, kind),), label)


def export_routes(x: str, p: str) -> list[Route]:
    """X's exports to P: X's own reports (IMTS 2025, DOTS to 2020, Comtrade), then P's imports from X."""
    return [
        _one("imts_exports", x, p, f"{x}'s exports to {p} as reported by {x} (IMF IMTS)"),
        _one("dots_exports", x, p, f"{x}'s exports to {p} as reported by {x} (IMF DOTS)"),
        _one("comtrade_exports", x, p, f"{x}'s exports to {p} as reported by {x} (UN Comtrade)"),
        _one(
            "comtrade_imports",
            p,
            x,
            f"{p}'s imports from {x} as reported by {p} (UN Comtrade, mirror)",
            "mirror",
        ),
        _one("dots_imports", p, x, f"{p}'s imports from {x} as reported by {p} (IMF DOTS, mirror)", "mirror"),
    ]


def import_routes(x: str, p: str) -> list[Route]:
    """X's imports from P: X's own reports (DOTS, Comtrade), then P's exports to X (IMTS 2025, Comtrade,
    DOTS mirrors)."""
    return [
        _one("dots_imports", x, p, f"{x}'s imports from {p} as reported by {x} (IMF DOTS)"),
        _one("comtrade_imports", x, p, f"{x}'s imports from {p} as reported by {x} (UN Comtrade)"),
        _one("imts_exports", p, x, f"{p}'s exports to {x} as reported by {p} (IMF IMTS, mirror)", "mirror"),
        _one(
            "comtrade_exports",
            p,
            x,
            f"{p}'s exports to {x} as reported by {p} (UN Comtrade, mirror)",
            "mirror",
        ),
        _one("dots_exports", p, x, f"{p}'s exports to {x} as reported by {p} (IMF DOTS, mirror)", "mirror"),
    ]


# Exports and imports routes that are read together for total trade or a balance (same family of reports):
# DOTS own, Comtrade own, IMTS (own exports, partner's exports as imports), Comtrade mirror, DOTS mirror.
_TRADE_PAIRS = ((1, 0), (2, 1), (0, 2), (3, 3), (4, 4))  # (export route, import route) by index


def trade_routes(measure: str, x: str, p: str) -> list[Route]:
    """X's total trade (exports + imports) or balance (exports - imports) with P."""
    sign = -1 if measure == "trade_balance" else 1
    what = "balance" if sign < 0 else "total trade"
    exports, imports = export_routes(x, p), import_routes(x, p)
    out = []
    for e, i in _TRADE_PAIRS:
        parts = exports[e].parts + tuple(
            Part(sign * q.sign, q.series, q.reporter, q.partner, q.kind) for q in imports[i].parts
        )
        out.append(Route(parts, f"{x}'s {what} with {p}: {exports[e].label}; {imports[i].label}"))
    return out


def flow_routes(measure: str, x: str, p: str) -> list[Route]:
    """Routes for X's exports to, imports from, total trade or balance with P (own figures first)."""
    if measure == "exports":
        return export_routes(x, p)
    if measure == "imports":
        return import_routes(x, p)
    if measure in ("trade", "trade_balance"):
        return trade_routes(measure, x, p)
    raise ValueError(f"not a flow measure: {measure!r}")


def debt_routes(holder: str, counterpart: str | None) -> list[Route]:
    """Debt owed by `holder`: to China from the creditor table, bilateral + private, or bilateral only."""
    if counterpart == "CHN":
        return [
            _one(
                "ids_ppg_debt",
                holder,
                "CHN",
                f"{holder}'s PPG debt owed to every Chinese creditor (World Bank IDS creditor table)",
            ),
            Route(
                (
                    Part(1, "ids_debt_china_bilateral", holder, "CHN"),
                    Part(1, "ids_debt_china_private", holder, "CHN"),
                ),
                f"{holder}'s PPG debt owed to China, bilateral and private (World Bank IDS)",
            ),
            _one(
                "ids_debt_china_bilateral",
                holder,
                "CHN",
                f"{holder}'s PPG bilateral debt owed to China (World Bank IDS)",
                "partial",
            ),
        ]
    partner = counterpart or "WLD"
    return [
        _one(
            "ids_ppg_debt",
            holder,
            partner,
            f"{holder}'s PPG external debt owed to {partner} (World Bank IDS)",
            "partial",
        )
    ]


def position_routes(investor: str, host: str) -> list[Route]:
    """A power's direct-investment position in a host: the investor's own report, then the host's mirror."""
    reporter = {"USA": "BEA", "CHN": "MOFCOM"}.get(investor, investor)
    return [
        _one(
            "dip_position",
            investor,
            host,
            f"{investor}'s direct-investment position in {host} as reported by {reporter} (IMF DIP)",
        ),
        _one(
            "dip_position_mirror",
            investor,
            host,
            f"{investor}'s direct-investment position in {host} from {host}'s inward figures (IMF DIP, mirror)",
            "mirror",
        ),
    ]


def gdp_routes(holder: str) -> list[Route]:
    return [
        _one("wdi_gdp", holder, None, f"{holder}'s GDP (WDI NY.GDP.MKTP.CD)"),
        _one("wdi_gdp_derived", holder, None, f"{holder}'s GDP (WDI, per capita x population)"),
    ]


CGIT_SERIES = ("cgit_investment", "cgit_construction")


def cgit_route(host: str) -> Route:
    """Chinese investment and construction deals in a host (AEI/Heritage CGIT); a year without deals is 0."""
    return Route(
        tuple(Part(1, s, "CHN", host) for s in CGIT_SERIES),
        f"Chinese investment and construction in {host} (AEI/Heritage CGIT)",
    )


def routes_for(measure: str, holder: str, counterpart: str | None) -> list[Route] | str:
    """The routes for a measure and parties, or the reason there is none."""
    if measure in ("exports", "imports", "trade", "trade_balance"):
        return flow_routes(measure, holder, counterpart or "WLD")
    if measure == "debt":
        return debt_routes(holder, counterpart)
    if measure == "gdp":
        return gdp_routes(holder)
    if measure in ("fdi", "investment") and holder in POWERS and counterpart:
        return position_routes(holder, counterpart)
    if measure in ("fdi", "investment"):
        return (
            f"no series for direct investment by {holder} in the snapshot (IMF DIP positions of the "
            "United States and China only)"
        )
    return f"no series for {measure} in the snapshot"


class _Years(Protocol):
    def years(self, series: str, reporter: str, partner: str | None = None) -> list[int]: ...


def route_years(route: Route, ref: _Years) -> list[int]:
    """Years in which every part has a value (a part missing in a year is a gap for the route)."""
    sets = [set(ref.years(p.series, p.reporter, p.partner)) for p in route.parts]
    return sorted(set.intersection(*sets)) if sets else []
