"""A claimed figure written as a reader should see it: "over $1.7 bn", "$70 bn more than USA", "100% (threatened)".

Tables use these human units; JSON and CSV keep the exact numbers. Pure functions, no I/O.
"""

from __future__ import annotations

SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "BRL": "R$", "INR": "₹"}
SCALES = ((1e12, "tn"), (1e9, "bn"), (1e6, "mn"))
APPROX_WORDS = {"exact": "", "over": "over ", "under": "under ", "about": "about ", "almost": "almost "}
UNIT_WORDS = {"percent": "%", "persons": " people", "barrels_per_day": " barrels a day"}


def _number(value: float) -> str:
    """1.7 -> "1.7", 142.0 -> "142", 1.234 -> "1.23": three significant figures at most, no trailing zeros."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    text = f"{value:,.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return text


def amount(value: float, unit: str) -> str:
    """`value` in `unit` in human units: 1.7e9 USD -> "$1.7 bn", 3e6 EUR -> "€3 mn", 25 percent -> "25%"."""
    if unit in UNIT_WORDS:
        return f"{_number(value)}{UNIT_WORDS[unit]}"
    scaled, suffix = value, ""
    for size, word in SCALES:
        if abs(value) >= size:
            scaled, suffix = value / size, f" {word}"
            break
    number = _number(round(scaled, 3) if suffix else scaled) + suffix
    is_money = len(unit) == 3 and unit.isupper()
    if is_money and unit in SYMBOLS:
        return f"{'-' if value < 0 else ''}{SYMBOLS[unit]}{number.lstrip('-')}"
    return f"{number} {unit}" if is_money else f"{number} {unit.replace('_', ' ')}"


def period_words(period: str | None, since: int | None = None) -> list[str]:
    """How the figure is meant, when not a plain annual flow: "since 2013 (cumulative)", "(stock)", "(one deal)".

    >>> period_words("cumulative", 2013)
    ['since', '2013', '(cumulative)']
    """
    if period == "cumulative":
        return ["since", str(since), "(cumulative)"] if since else ["(cumulative)"]
    return {"stock": ["(stock)"], "deal": ["(one", "deal)"]}.get(period or "", [])


def route(label: str, value: float, unit: str, year: int, verdict: str) -> str:
    """Another route to the quantity in one phrase: "partner mirror: $1.2 bn in 2023 (inconsistent)"."""
    return f"{label}: {amount(value, unit)} in {year} ({verdict})"


def figure(value: float, unit: str, *, approx: str = "exact", relative_to: str | None = None,
           modality: str = "actual", value_max: float | None = None) -> str:
    """The whole figure: approximation, amount (or range), comparison and modality.

    >>> figure(1.7e9, "USD", approx="over")
    'over $1.7 bn'
    >>> figure(7e10, "USD", relative_to="USA", modality="planned")
    '$70 bn more than USA (planned)'
    """
    return " ".join(figure_parts(value, unit, approx=approx, relative_to=relative_to, modality=modality,
                                 value_max=value_max))


def figure_parts(value: float, unit: str, *, approx: str = "exact", relative_to: str | None = None,
                 modality: str = "actual", value_max: float | None = None) -> list[str]:
    """The figure as the pieces a table may wrap between: an amount ("$1.4 bn") is never split."""
    parts = [APPROX_WORDS.get(approx, f"{approx} ").strip(), amount(value, unit)]
    if value_max is not None and value_max != value:
        parts += ["to", amount(value_max, unit)]
    if relative_to:
        parts += ["more", "than", relative_to]
    if modality and modality != "actual":
        parts.append(f"({modality})")
    return [part for part in parts if part]


def parties(first: str | None, second: str | None) -> str:
    """ "BOL→CHN": holder (or actor) to counterpart (or target); "-" for a side the text does not name."""
    return f"{first or '-'}→{second or '-'}"
