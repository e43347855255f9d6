"""Verification of claims against the snapshot: exact verdicts and numbers from the real data."""

from __future__ import annotations

import json
from datetime import date

import pytest

from sphere.models import Claim
from sphere.refdata.load import load_reference
from sphere.verify import verify_claim
from sphere.verify.files import read_claims, verify_file
from sphere.verify.rules import TOLERANCE, publisher_key

try:  # `tests` is importable when the project root is on sys.path, else conftest is top-level
    from tests.conftest import shared_path
except ImportError:  # pragma: no cover
    from conftest import shared_path

PUBLISHED = date(2025, 2, 20)
EVIDENCE = "figure"


@pytest.fixture(scope="module")
def ref():
    return load_reference()


def claim(**fields) -> Claim:
    return Claim(**{"unit": "USD", "evidence": EVIDENCE, "start": 0, "end": 0, **fields})


# --- seed-bolivia (../shared/eval/dev.jsonl, first line) -----------------------------------------


@pytest.fixture(scope="module")
def bolivia(ref):
    path = shared_path("eval", "dev.jsonl")
    results = list(verify_file(path, ref=ref, only={"seed-bolivia"}))
    assert len(results) == 1
    return results[0]


@pytest.mark.shared
def test_every_seed_bolivia_claim_gets_a_verdict(bolivia):
    assert bolivia.published == PUBLISHED
    assert [v.verdict for v in bolivia.verdicts] == [
        "unverifiable",
        "consistent",
        "inconsistent",
        "unverifiable",
        "unverifiable",
        "unverifiable",
        "unverifiable",
    ]
    assert all(v.reason for v in bolivia.verdicts)


@pytest.mark.shared
def test_seed_bolivia_debt_is_partial_coverage_not_false(bolivia):
    debt = bolivia.verdicts[0]
    assert (debt.measure, debt.approx, debt.value) == ("debt", "over", 1.7e9)
    assert debt.reference_value == 1286820081.0  # IDS DT.DOD.BLAT.CD, Bolivia, China, 2024
    assert debt.reference_year == 2024
    assert debt.series == "ids_debt_china_bilateral"
    assert debt.publisher == "World Bank IDS"
    assert debt.source_file == "debt/ids_lac_ppg_bilateral_debt_owed_to_china_2015_2024_one.csv"
    assert debt.source_row == "121"
    assert debt.coverage == "partial"
    assert "commercial-bank" in debt.coverage_note
    assert debt.source_differs is False  # "World Bank" vs World Bank IDS
    assert debt.difference == pytest.approx(1286820081.0 / 1.7e9 - 1)
    assert "2025-02-20" in debt.year_note


@pytest.mark.shared
def test_seed_bolivia_investment_matches_cgit_cumulative(bolivia):
    inv = bolivia.verdicts[1]
    assert inv.verdict == "consistent"
    assert inv.reference_value == 5_810_000_000.0
    assert inv.reference_year == 2024
    assert inv.series == "cgit_construction + cgit_investment"
    assert inv.publisher == "AEI/Heritage CGIT"
    assert inv.source_differs is False  # "American Enterprise Institute"
    assert inv.difference == pytest.approx(-0.031666, abs=1e-5)
    assert len(inv.components) == 10


@pytest.mark.shared
def test_seed_bolivia_fdi_follows_bea_and_shows_the_hosts_mirror(bolivia):
    # "U.S. State Department data" names no series: the verdict follows the reporter's own figure (BEA),
    # and the host's mirror, which agrees with the article, is shown beside it
    fdi = bolivia.verdicts[2]
    assert (fdi.verdict, fdi.reference_value, fdi.reference_year) == ("inconsistent", 172_000_000.0, 2024)
    assert fdi.series == "dip_position" and fdi.publisher == "IMF DIP"
    assert "the reporter's own figure" in fdi.reason
    [mirror] = fdi.alternatives
    assert (mirror.series, mirror.year, mirror.verdict) == ("dip_position_mirror", 2024, "consistent")
    assert mirror.value == pytest.approx(446_416_055.141553)


@pytest.mark.shared
def test_seed_bolivia_tariff_deployment_say_why(bolivia):
    tariff, deployment = bolivia.verdicts[3], bolivia.verdicts[6]
    assert "tariff" in tariff.reason
    assert "deployment" in deployment.reason
    assert tariff.reference_value is None


@pytest.mark.shared
def test_seed_bolivia_brazil_exports_against_comtrade_mirror(bolivia):
    diff, to_us = bolivia.verdicts[4], bolivia.verdicts[5]
    # China's imports from Brazil 2023 minus US imports from Brazil 2023, as China and the US report them
    assert diff.reference_value == 122490613944.0 - 40998269163.0
    assert diff.reference_year == 2023
    assert diff.coverage == "mirror" and "mirror flow" in diff.coverage_note
    assert [c.reporter for c in diff.components] == ["CHN", "USA"]
    assert diff.source_differs is False  # "U.N. COMTRADE" vs UN Comtrade
    assert to_us.reference_value == 40998269163.0
    assert to_us.series == "comtrade_imports"
    assert to_us.difference == pytest.approx(40998269163.0 / 37e9 - 1)
    assert "does not contradict" in to_us.reason


# --- rules ---------------------------------------------------------------------------------------


def test_tolerance_bands_are_documented_values():
    assert TOLERANCE == {
        "exact": (0.9, 1.1),
        "about": (0.8, 1.2),
        "over": (None, 1.5),
        "almost": (0.8, None),
        "under": (0.5, None),
    }


@pytest.mark.parametrize(
    ("approx", "value", "verdict"),
    [
        ("exact", 68e9, "consistent"),  # DOTS 2020: 68.38 bn
        ("exact", 60e9, "inconsistent"),  # +14%
        ("about", 60e9, "consistent"),
        ("over", 65e9, "consistent"),
        ("over", 80e9, "inconsistent"),  # reference is below "over 80"
        ("almost", 70e9, "consistent"),
        ("almost", 60e9, "inconsistent"),
        ("under", 70e9, "consistent"),
    ],
)
def test_approx_bands_on_own_figures(ref, approx, value, verdict):
    result = verify_claim(
        claim(measure="exports", holder="BRA", counterpart="CHN", value=value, approx=approx, year=2020),
        published=PUBLISHED,
        ref=ref,
    )
    assert result.verdict == verdict
    assert result.reference_value == 68376571000.0
    assert result.coverage == "full"
    assert result.series == "dots_exports"


def test_inconsistent_says_how_far_off(ref):
    result = verify_claim(
        claim(measure="exports", holder="BRA", counterpart="CHN", value=60e9, year=2020),
        published=PUBLISHED,
        ref=ref,
    )
    assert "off by +14.0%" in result.reason
    assert result.difference == pytest.approx(68376571000.0 / 60e9 - 1)


def test_year_without_data_is_unverifiable_with_years(ref):
    result = verify_claim(
        claim(measure="exports", holder="BOL", counterpart="CHN", value=1e9, year=2023),
        published=PUBLISHED,
        ref=ref,
    )
    assert result.verdict == "unverifiable"
    assert "no data for 2023" in result.reason and "1991-2020" in result.reason and "2025" in result.reason


def test_mirror_flow_for_chinas_exports(ref):
    # China's exports to Bolivia: DOTS has China only with the US and the world, so Bolivia's imports stand in
    result = verify_claim(
        claim(measure="exports", holder="CHN", counterpart="BOL", value=1.6e9, year=2019),
        published=PUBLISHED,
        ref=ref,
    )
    assert result.coverage == "mirror"
    assert result.series == "dots_imports"
    assert result.components[0].reporter == "BOL"


def test_source_differs_when_article_cites_a_publisher_with_no_such_series(ref):
    # the World Bank publishes no bilateral trade in the snapshot: the reporter's own figure is followed
    result = verify_claim(
        claim(measure="exports", holder="BRA", counterpart="CHN", value=68e9, year=2020, source="World Bank"),
        published=PUBLISHED,
        ref=ref,
    )
    assert result.publisher == "IMF DOTS"
    assert result.source_differs is True


def test_unverifiable_cases(ref):
    cases = [
        (claim(measure="exports", holder="BRA", counterpart="CHN", value=1e9, unit="FRF"), "FRF"),
        (claim(measure="exports", holder="BRICS", counterpart="USA", value=1e9), "group"),
        (
            claim(measure="investment", holder="CHN", counterpart="BOL", value=1e9, modality="planned"),
            "planned",
        ),
        (claim(measure="investment", holder="JPN", counterpart="BOL", value=1e9), "United States and China only"),
        (claim(measure="gdp", holder="BOL", counterpart=None, value=2.5, unit="percent"), "percent"),
    ]
    for item, words in cases:
        result = verify_claim(item, published=PUBLISHED, ref=ref)
        assert result.verdict == "unverifiable", item
        assert words in result.reason, result.reason


def test_african_debt_sums_bilateral_and_private(ref):
    result = verify_claim(
        claim(measure="debt", holder="AGO", counterpart="CHN", value=21e9, year=2022),
        published=PUBLISHED,
        ref=ref,
    )
    assert result.reference_value == 4039806000.0 + 16885037000.0
    assert result.series == "ids_ppg_debt"  # the creditor table: every Chinese creditor
    assert result.coverage == "full"
    assert result.verdict == "consistent"


def test_gdp_and_trade_balance(ref):
    gdp = verify_claim(
        claim(measure="gdp", holder="BRA", counterpart=None, value=1.9e12, year=2022),
        published=PUBLISHED,
        ref=ref,
    )
    assert gdp.series == "wdi_gdp" and gdp.verdict == "consistent"
    bal = verify_claim(
        claim(measure="trade_balance", holder="BRA", counterpart="CHN", value=33e9, year=2020),
        published=PUBLISHED,
        ref=ref,
    )
    assert bal.reference_value == pytest.approx(
        68376571000.0 - ref.get("dots_imports", "BRA", "CHN", 2020).value
    )


def test_publisher_key():
    assert publisher_key("U.N. COMTRADE") == "UN Comtrade"
    assert publisher_key("World Bank data") == "World Bank"
    assert publisher_key("American Enterprise Institute") == "AEI/Heritage"
    assert publisher_key("a government spokesman") is None


def test_read_claims_accepts_gold_and_rejects_junk(tmp_path):
    line = json.dumps(
        {
            "id": "x",
            "published": "2024-01-02",
            "claims": [
                {
                    "measure": "gdp",
                    "holder": "BOL",
                    "counterpart": None,
                    "value": 1.0,
                    "unit": "USD",
                    "evidence": "e",
                }
            ],
        }
    )
    article_id, published, claims = read_claims(line, "f:1")
    assert (article_id, published, claims[0].measure) == ("x", date(2024, 1, 2), "gdp")
    from sphere.errors import InputError

    with pytest.raises(InputError, match="f:2"):
        read_claims("{not json", "f:2")


@pytest.mark.shared
def test_seed_bolivia_membership_events(bolivia):
    assert [(m.country, m.group, m.membership, m.verdict) for m in bolivia.memberships] == [
        ("BOL", "BRICS", "join", "consistent"),
        ("PAN", "BRI", "leave", "consistent"),
    ]
    assert bolivia.memberships[0].status == "partner" and bolivia.memberships[1].date_to == "2025-05-04"
