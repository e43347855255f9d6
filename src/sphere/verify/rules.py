"""The rules of verification, as data: tolerance bands, mirror margin, publisher aliases, and why
a measure cannot be checked. docs/method.md explains each choice; tests pin them.
"""

from __future__ import annotations

# A claim of value v with this `approx` is consistent with a reference value r when
# lo * v <= r <= hi * v (bounds swap for a negative v). News figures are rounded, so even
# "exact" gets +-10%.
TOLERANCE: dict[str, tuple[float, float]] = {
    "exact": (0.90, 1.10),  # "$6 billion": rounded figure
    "about": (0.80, 1.20),  # "around", "some", "roughly"
    "over": (0.90, 1.50),  # "over", "more than": at least v (10% slack for revisions), not far above
    "almost": (0.80, 1.02),  # "nearly", "almost": a little below v
    "under": (0.50, 1.10),  # "less than", "up to": at most v (10% slack), not far below
}

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

FDI_REASON = (
    "no series for {holder} FDI position by country in the snapshot (BEA not bundled; CGIT tracks "
    "Chinese deals of US$100m or more, not an FDI position)"
)

COVERAGE_NOTES: dict[str, str] = {
    "ids_debt_china_bilateral": "World Bank IDS bilateral debt owed to China only: China's commercial-bank and "
    "other private lending is not in this series, so it is a lower bound",
    "ids_ppg_debt": "public and publicly guaranteed debt only: private non-guaranteed debt is not included",
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
