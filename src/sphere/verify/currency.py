"""Amounts in other currencies, converted to US dollars through a dated exchange-rate series.

The rates are the European Central Bank's euro reference rates as shipped by the `currencyconverter`
package (eurofxref-hist, daily since 1999; the CNY from 2005). A rate X per US dollar is the ECB's X per
euro over its US$ per euro on the same day. An annual figure (a flow over a year, or a sum of such years)
is converted at the year's average of the daily rates, a stock at the rate of the last ECB day of its year.
A currency or year the ECB does not quote cannot be converted: the caller says so in its verdict.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from statistics import fmean

from currency_converter import CurrencyConverter, RateNotFoundError

SOURCE = "ECB euro reference rates (currencyconverter package)"


@dataclass(frozen=True)
class Conversion:
    """How a figure in another currency became US dollars."""

    currency: str
    usd: float
    rate: float  # units of `currency` per US dollar
    basis: str  # "2024 annual average", "2024 year-end (2024-12-31)"

    @property
    def note(self) -> str:
        return f"converted at {self.rate:,.4g} {self.currency} per US$ ({self.basis}, {SOURCE})"


@lru_cache(maxsize=1)
def _converter() -> CurrencyConverter:
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def is_code(unit: str) -> bool:
    """True for what reads as an ISO 4217 code ("CNY"); whether the ECB quotes it is `known` (which loads
    the rates, so it is asked only when a figure is about to be converted)."""
    return len(unit) == 3 and unit.isalpha() and unit.isupper()


def known(currency: str) -> bool:
    """True when the ECB series quotes `currency` (and it is not the US dollar itself)."""
    return currency != "USD" and currency in _converter().currencies


@lru_cache(maxsize=512)
def _daily(currency: str, year: int) -> tuple[tuple[date, float], ...]:
    """(day, units per US$) for every ECB day of `year` that quotes both currencies."""
    converter = _converter()
    out = []
    day = date(year, 1, 1)
    while day.year == year:
        with suppress(RateNotFoundError):  # weekends, holidays, years before the currency is quoted
            out.append((day, converter.convert(1.0, "USD", currency, day)))
        day += timedelta(days=1)
    return tuple(out)


def to_usd(value: float, currency: str, years: list[int], *, stock: bool) -> Conversion | str:
    """`value` in `currency` as US dollars for the reference years, or why it cannot be converted."""
    if not known(currency):
        return f"the ECB reference rates do not quote {currency}, so the figure cannot be converted to US$"
    per_year = {y: _daily(currency, y) for y in years}
    missing = [y for y, days in per_year.items() if not days]
    if missing:
        return f"the ECB reference rates have no {currency} rate in {', '.join(map(str, missing))}"
    if stock:
        year = max(years)
        day, rate = per_year[year][-1]
        basis = f"{year} year-end ({day})"
    else:
        averages = [fmean(r for _, r in per_year[y]) for y in sorted(years)]
        rate = fmean(averages)
        span = f"{min(years)}-{max(years)}" if len(years) > 1 else str(years[0])
        basis = f"{span} annual average" + ("s" if len(years) > 1 else "")
    return Conversion(currency=currency, usd=value / rate, rate=rate, basis=basis)
