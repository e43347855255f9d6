"""The rules of verification, as data: tolerance bands, mirror margin, publisher aliases, and why
a measure cannot be checked. docs/method.md explains each choice; tests pin them.
"""

from __future__ import annotations

import math

# A claim of value v with this `approx` is consistent with a reference value r when
# lo * v <= r <= hi * v (bounds swap for a negative v). News figures are rounded, so even
# "exact" gets +-10%. A bound of None is the stated figure itself, moved by half a step of its last
# significant digit (`rounding_step`): "over $1.7 billion" holds for 1.65 bn and up (1.65 rounds to 1.7),
# never for a reference clearly below the floor.
TOLERANCE: dict[str, tuple[float | None, float | None]] = {
    "exact": (0.90, 1.10),  # "$6 billion": rounded figure
    "about": (0.80, 1.20),  # "around", "some", "roughly"
    "over": (None, 1.50),  # "over", "more than": at least v (beyond rounding), not far above
    "almost": (0.80, None),  # "nearly", "almost": a little below v, not above it beyond rounding
    "under": (0.50, None),  # "less than", "up to": at most v (beyond rounding), not far below
}


ROUNDING_CAP = 0.05  # a trailing zero may or may not be significant ("$70 billion"): at most 5% of v


def rounding_step(value: float) -> float:
    """Half a unit of the last significant digit of a stated figure, at most 5% of it
    (1.7e9 -> 5e7; 430e6 -> 5e6; 70e9 -> 3.5e9)."""
    if value == 0:
        return 0.0
    mantissa, exponent = f"{abs(value):.12e}".split("e")
    digits = mantissa.replace(".", "").rstrip("0") or "0"
    return min(0.5 * 10 ** (int(exponent) - len(digits) + 1), ROUNDING_CAP * abs(value))


def band(value: float, approx: str) -> tuple[float, float]:
    """The range of reference values a figure `value` stated with `approx` allows."""
    lo, hi = TOLERANCE[approx]
    step = rounding_step(value)
    a = value * lo if lo is not None else value - math.copysign(step, value)
    b = value * hi if hi is not None else value + math.copysign(step, value)
    return (min(a, b), max(a, b))


# A mirror flow (the partner's imports from X, standing in for X's exports) may differ from X's
# own figure by this share either way: CIF vs FOB (~6%), timing, re-exports and attribution.
# Brazil -> China 2023: China reports 122.5 bn of imports, Brazil 104.3 bn of exports (+17%).
MIRROR_MARGIN = 0.20

# An article's attributed source -> publisher key; a snapshot publisher -> the same keys.
PUBLISHER_ALIASES: dict[str, tuple[str, ...]] = {
    "World Bank": ("world bank", "worldbank", "international debt statistics", " wdi ", " ids "),
    "IMF": (" imf ", "international monetary fund", "direction of trade"),
    "UN Comtrade": ("comtrade", "united nations", "u.n. ", " un "),
    "AEI/Heritage": ("american enterprise institute", " aei ", "heritage", "china global investment tracker"),
    "AidData": ("aiddata", "william & mary", "william and mary"),
    "BEA": ("bureau of economic analysis", " bea ", "commerce department"),
    "MOFCOM": ("mofcom", "ministry of commerce", "commerce ministry"),
    "U.S. State Department": ("state department", "department of state"),
}

# Measures that no series in the snapshot can check, with the reason given in the verdict.
NO_SERIES: dict[str, str] = {
    "tariff": "a tariff rate is a policy statement, not a statistic: the snapshot holds no tariff series",
    "sanction_value": "no series for the value of goods under sanctions or tariffs in the snapshot",
    "deployment": "no series for troop or police deployments in the snapshot",
    "reserves": "no series for foreign-exchange reserves in the snapshot",
    "aid": "no aid series in the snapshot (AidData GCDF holds Chinese official finance commitments in "
    "constant 2021 US$, not comparable with an aid figure)",
    "loan": "a loan is a single flow; the snapshot holds only country-year totals (IDS debt stocks, AidData "
    "commitments), which cannot confirm one loan",
    "other": "no series for this kind of figure in the snapshot",
}

DEAL_REASON = (
    "the figure is one deal or project, and the snapshot holds national totals only (CGIT's deal rows are "
    "not shipped: AEI/Heritage licence); a single deal is never compared with a national aggregate"
)

# Measures whose figures are levels at a date (a running total of a stock is the stock itself).
STOCKS = frozenset({"debt", "fdi", "reserves"})

COVERAGE_NOTES: dict[str, str] = {
    "ids_debt_china_bilateral": "World Bank IDS bilateral debt owed to China only: China's commercial-bank and "
    "other private lending is not in this series and the snapshot has no creditor table for this debtor "
    "(absence is not zero), so it is a lower bound",
    "creditor_table": "World Bank IDS creditor table: every Chinese creditor, bilateral and private (0 where "
    "the table shows no Chinese private lending), so the figure is the whole PPG debt owed to China",
    "ids_ppg_debt": "public and publicly guaranteed debt only: private non-guaranteed debt is not included",
    "dip_position_mirror": "mirror: the host's own report of the investment it receives, not the "
    "investor's figure; the two commonly differ widely (valuation, immediate vs ultimate investor)",
    "mirror": "mirror flow: the partner's own report of its imports from (or exports to) the country, not "
    "the country's own figure; mirror and own figures commonly differ by up to "
    f"{MIRROR_MARGIN:.0%}",
}


def publisher_key(text: str | None) -> str | None:
    """The publisher key named by a free-text source ('U.N. COMTRADE' -> 'UN Comtrade'), or None."""
    if not text:
        return None
    low = " " + "".join(c if c.isalnum() or c in ".&" else " " for c in text.lower()) + " "
    for key, aliases in PUBLISHER_ALIASES.items():
        if any(alias in low for alias in aliases):
            return key
    return None
