"""Verification: each claim checked against the reference snapshot (`check.verify_claim`), with a
typed `Verdict` (`model.py`), the rules as data (`rules.py`), and verdicts in the store (`store.py`:
`store_verdicts`, which the store's ingest calls after writing an article's claims)."""

from sphere.verify.check import verify_claim
from sphere.verify.model import Verdict
from sphere.verify.store import store_verdicts

__all__ = ["Verdict", "store_verdicts", "verify_claim"]
