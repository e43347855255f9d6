"""Regenerate data/groups.json from the curated tables below plus membership snapshots.

    python -m sphere.knowledge.build_groups SHARED_REFDATA_DIR [OUT.json]

SHARED_REFDATA_DIR is ../shared/refdata: BRICS members and partners come from
membership/brics_members_partners_2025_curated.csv, Belt and Road signatories from
membership/bri_countries_greenfdc_2025-05.csv (Nedopil 2025, GFDC), UN membership years from
country_converter's country_data.tsv. Every other membership date is curated here (treaty / accession
dates as publicly recorded; `curated` in the sources).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

VERSION = "2026.11.1"

GROUPS: dict[str, dict[str, Any]] = {
    "BRICS": {"name": "BRICS", "aliases": ["BRICS", "BRIC", "BRICS+", "BRICS Plus", "BRICS bloc"]},
    "BRI": {
        "name": "Belt and Road Initiative",
        "aliases": [
            "Belt and Road Initiative",
            "Belt and Road",
            "Belt-and-Road",
            "Belt and Road initiative",
            "BRI",
            "One Belt, One Road",
            "One Belt One Road",
            "OBOR",
            "Silk Road Economic Belt",
            "21st Century Maritime Silk Road",
            "New Silk Road",
            "Belt and Road Forum",
        ],
    },
    "EU": {
        "name": "European Union",
        "aliases": [
            "European Union",
            "EU",
            "E.U.",
            "European Community",
            "European Communities",
            "European Economic Community",
            "EEC",
            "E.E.C.",
            "EC",
            "E.C.",
            "European Commission",
            "Common Market",
            "the Twelve",
            "Brussels",
        ],
        "ambiguous": ["EC", "Common Market", "the Twelve", "Brussels"],
    },
    "OPEC": {
        "name": "Organization of the Petroleum Exporting Countries",
        "aliases": [
            "OPEC",
            "Organization of the Petroleum Exporting Countries",
            "Organisation of the Petroleum Exporting Countries",
            "Organization of Petroleum Exporting Countries",
            "OPEC+",
            "OPEC Plus",
        ],
        "ambiguous": ["OPEC+", "OPEC Plus"],
    },
    "G7": {
        "name": "Group of Seven",
        "aliases": ["G7", "G-7", "Group of Seven", "G7 countries", "Group of Five", "G-5", "G5"],
        "ambiguous": ["G-5", "G5", "Group of Five"],
    },
    "G20": {"name": "Group of Twenty", "aliases": ["G20", "G-20", "Group of 20", "Group of Twenty"]},
    "ASEAN": {
        "name": "Association of Southeast Asian Nations",
        "aliases": [
            "ASEAN",
            "Association of Southeast Asian Nations",
            "Association of South East Asian Nations",
        ],
    },
    "MERCOSUR": {
        "name": "Mercosur",
        "aliases": ["Mercosur", "MERCOSUR", "Mercosul", "Southern Common Market"],
    },
    "NATO": {
        "name": "North Atlantic Treaty Organization",
        "aliases": [
            "NATO",
            "North Atlantic Treaty Organization",
            "North Atlantic Treaty Organisation",
            "Atlantic Alliance",
            "North Atlantic Alliance",
        ],
    },
    "UN": {"name": "United Nations", "aliases": ["United Nations", "UN", "U.N.", "the UN", "the U.N."]},
    "WTO": {
        "name": "World Trade Organization",
        "aliases": [
            "World Trade Organization",
            "World Trade Organisation",
            "WTO",
            "GATT",
            "General Agreement on Tariffs and Trade",
        ],
    },
    "IMF": {
        "name": "International Monetary Fund",
        "aliases": ["International Monetary Fund", "IMF", "I.M.F."],
    },
    "WORLDBANK": {
        "name": "World Bank",
        "aliases": [
            "World Bank",
            "world bank",
            "World Bank Group",
            "International Bank for Reconstruction and Development",
            "IBRD",
            "International Development Association",
            "IDA",
            "International Finance Corporation",
            "IFC",
        ],
        "ambiguous": ["IDA", "IFC"],
    },
    # Further groups with codes of sphere's own (not in SCHEMA.md; no clash with ISO3 or the codes above).
    "APEC": {
        "name": "Asia-Pacific Economic Cooperation",
        "aliases": ["APEC", "Asia-Pacific Economic Cooperation"],
    },
    "AU": {
        "name": "African Union",
        "aliases": [
            "African Union",
            "AU",
            "Organisation of African Unity",
            "Organization of African Unity",
            "OAU",
        ],
        "ambiguous": ["AU"],
    },
    "CELAC": {
        "name": "Community of Latin American and Caribbean States",
        "aliases": ["CELAC", "Community of Latin American and Caribbean States"],
    },
    "OAS": {
        "name": "Organization of American States",
        "aliases": ["Organization of American States", "OAS", "Organisation of American States"],
    },
    "SCO": {
        "name": "Shanghai Cooperation Organisation",
        "aliases": ["Shanghai Cooperation Organisation", "Shanghai Cooperation Organization", "SCO"],
    },
    "GCC": {
        "name": "Gulf Cooperation Council",
        "aliases": ["Gulf Cooperation Council", "GCC", "Cooperation Council for the Arab States of the Gulf"],
    },
}

EU = [
    ("BEL", "1958-01-01"),
    ("FRA", "1958-01-01"),
    ("DEU", "1958-01-01"),
    ("ITA", "1958-01-01"),
    ("LUX", "1958-01-01"),
    ("NLD", "1958-01-01"),
    ("DNK", "1973-01-01"),
    ("IRL", "1973-01-01"),
    ("GBR", "1973-01-01", "2020-01-31"),
    ("GRC", "1981-01-01"),
    ("ESP", "1986-01-01"),
    ("PRT", "1986-01-01"),
    ("AUT", "1995-01-01"),
    ("FIN", "1995-01-01"),
    ("SWE", "1995-01-01"),
    ("CYP", "2004-05-01"),
    ("CZE", "2004-05-01"),
    ("EST", "2004-05-01"),
    ("HUN", "2004-05-01"),
    ("LVA", "2004-05-01"),
    ("LTU", "2004-05-01"),
    ("MLT", "2004-05-01"),
    ("POL", "2004-05-01"),
    ("SVK", "2004-05-01"),
    ("SVN", "2004-05-01"),
    ("BGR", "2007-01-01"),
    ("ROU", "2007-01-01"),
    ("HRV", "2013-07-01"),
]
OPEC = [
    ("IRN", "1960-09-14"),
    ("IRQ", "1960-09-14"),
    ("KWT", "1960-09-14"),
    ("SAU", "1960-09-14"),
    ("VEN", "1960-09-14"),
    ("QAT", "1961-01-01", "2019-01-01"),
    ("IDN", "1962-01-01", "2009-01-01"),
    ("IDN", "2016-01-01", "2016-11-30"),
    ("LBY", "1962-01-01"),
    ("ARE", "1967-01-01"),
    ("DZA", "1969-01-01"),
    ("NGA", "1971-07-01"),
    ("ECU", "1973-11-01", "1992-12-31"),
    ("ECU", "2007-10-01", "2020-01-01"),
    ("GAB", "1975-01-01", "1995-01-01"),
    ("GAB", "2016-07-01"),
    ("AGO", "2007-01-01", "2024-01-01"),
    ("GNQ", "2017-05-25"),
    ("COG", "2018-06-22"),
]
G7 = [
    ("USA", "1975-11-15"),
    ("GBR", "1975-11-15"),
    ("FRA", "1975-11-15"),
    ("DEU", "1975-11-15"),
    ("ITA", "1975-11-15"),
    ("JPN", "1975-11-15"),
    ("CAN", "1976-06-27"),
]
G20 = [
    (c, "1999-09-26")
    for c in (
        "ARG",
        "AUS",
        "BRA",
        "CAN",
        "CHN",
        "FRA",
        "DEU",
        "IND",
        "IDN",
        "ITA",
        "JPN",
        "KOR",
        "MEX",
        "RUS",
        "SAU",
        "ZAF",
        "TUR",
        "GBR",
        "USA",
        "EU",
    )
] + [("AU", "2023-09-09")]
ASEAN = [(c, "1967-08-08") for c in ("IDN", "MYS", "PHL", "SGP", "THA")] + [
    ("BRN", "1984-01-07"),
    ("VNM", "1995-07-28"),
    ("LAO", "1997-07-23"),
    ("MMR", "1997-07-23"),
    ("KHM", "1999-04-30"),
    ("TLS", "2025-10-26"),
]
MERCOSUR = [(c, "1991-03-26") for c in ("ARG", "BRA", "PRY", "URY")] + [
    ("VEN", "2012-07-31", "2016-12-01"),
    ("BOL", "2024-07-08"),
]
NATO = (
    [
        (c, "1949-08-24")
        for c in ("BEL", "CAN", "DNK", "FRA", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT", "GBR", "USA")
    ]
    + [
        ("GRC", "1952-02-18"),
        ("TUR", "1952-02-18"),
        ("DEU", "1955-05-06"),
        ("ESP", "1982-05-30"),
        ("CZE", "1999-03-12"),
        ("HUN", "1999-03-12"),
        ("POL", "1999-03-12"),
    ]
    + [(c, "2004-03-29") for c in ("BGR", "EST", "LVA", "LTU", "ROU", "SVK", "SVN")]
    + [
        ("ALB", "2009-04-01"),
        ("HRV", "2009-04-01"),
        ("MNE", "2017-06-05"),
        ("MKD", "2020-03-27"),
        ("FIN", "2023-04-04"),
        ("SWE", "2024-03-07"),
    ]
)
SCO = [(c, "2001-06-15") for c in ("CHN", "RUS", "KAZ", "KGZ", "TJK", "UZB")] + [
    ("IND", "2017-06-09"),
    ("PAK", "2017-06-09"),
    ("IRN", "2023-07-04"),
    ("BLR", "2024-07-04"),
]
APEC = (
    [
        (c, "1989-11-06")
        for c in ("AUS", "BRN", "CAN", "IDN", "JPN", "KOR", "MYS", "NZL", "PHL", "SGP", "THA", "USA")
    ]
    + [(c, "1991-11-12") for c in ("CHN", "HKG", "TWN")]
    + [("MEX", "1993-11-17"), ("PNG", "1993-11-17"), ("CHL", "1994-11-11")]
    + [(c, "1998-11-14") for c in ("PER", "RUS", "VNM")]
)
GCC = [(c, "1981-05-25") for c in ("SAU", "KWT", "BHR", "QAT", "ARE", "OMN")]
LAC33 = (
    "ATG",
    "ARG",
    "BHS",
    "BRB",
    "BLZ",
    "BOL",
    "BRA",
    "CHL",
    "COL",
    "CRI",
    "CUB",
    "DMA",
    "DOM",
    "ECU",
    "SLV",
    "GRD",
    "GTM",
    "GUY",
    "HTI",
    "HND",
    "JAM",
    "MEX",
    "NIC",
    "PAN",
    "PRY",
    "PER",
    "KNA",
    "LCA",
    "VCT",
    "SUR",
    "TTO",
    "URY",
    "VEN",
)
CELAC = [(c, "2011-12-03") for c in LAC33]
OAS = [(c, "1951-12-13") for c in LAC33 + ("USA", "CAN") if c not in ("VEN", "NIC", "CAN", "CUB")] + [
    ("CAN", "1990-01-08"),
    ("VEN", "1951-12-13", "2019-04-27"),
    ("NIC", "1951-12-13", "2023-11-19"),
]
AFRICA_UNION = (
    "DZA",
    "AGO",
    "BEN",
    "BWA",
    "BFA",
    "BDI",
    "CPV",
    "CMR",
    "CAF",
    "TCD",
    "COM",
    "COG",
    "COD",
    "CIV",
    "DJI",
    "EGY",
    "GNQ",
    "ERI",
    "SWZ",
    "ETH",
    "GAB",
    "GMB",
    "GHA",
    "GIN",
    "GNB",
    "KEN",
    "LSO",
    "LBR",
    "LBY",
    "MDG",
    "MWI",
    "MLI",
    "MRT",
    "MUS",
    "MOZ",
    "NAM",
    "NER",
    "NGA",
    "RWA",
    "ESH",
    "STP",
    "SEN",
    "SYC",
    "SLE",
    "SOM",
    "ZAF",
    "SDN",
    "TZA",
    "TGO",
    "TUN",
    "UGA",
    "ZMB",
    "ZWE",
)
AU = [(c, "2002-07-09") for c in AFRICA_UNION] + [("SSD", "2011-07-27"), ("MAR", "2017-01-30")]

CURATED: dict[str, Sequence[tuple[str, ...]]] = {
    "EU": EU,
    "OPEC": OPEC,
    "G7": G7,
    "G20": G20,
    "ASEAN": ASEAN,
    "MERCOSUR": MERCOSUR,
    "NATO": NATO,
    "SCO": SCO,
    "GCC": GCC,
    "APEC": APEC,
    "CELAC": CELAC,
    "OAS": OAS,
    "AU": AU,
}
NOTES = {
    "EU": "European Economic Community from 1958 (Treaty of Rome), the Union from 1993; the UK left 2020-01-31.",
    "OPEC": "Indonesia and Ecuador had two stints; Gabon left 1995 and rejoined 2016; Angola left 2024-01-01.",
    "G20": "19 countries plus the EU (1999) and the African Union (2023-09-09).",
    "MERCOSUR": "Venezuela suspended from 2016-12-01 (recorded as the end of its membership); Bolivia full member "
    "from 2024-07-08.",
    "OAS": "Founding date used for members that joined later is the Charter's entry into force; Caribbean states "
    "joined later (dates not curated). Cuba excluded 1962-2009 and does not take part: not listed.",
    "UN": "Admission year from country_converter (day not recorded; stored as 1 January of that year).",
    "APEC": "Members are economies (Hong Kong and Taiwan included); dates are the ministerial meetings that admitted them.",
    "BRICS": "From the curated 2025 CSV: `member` rows are members; partners and unconfirmed/invited states are "
    "under `associates` with their status. Saudi Arabia is member_unconfirmed.",
    "BRI": "MoU signatories (Nedopil 2025); 'uncertain' join dates are stored as null.",
    "WTO": "Members not curated.",
    "IMF": "Members not curated.",
    "WORLDBANK": "Members not curated.",
    "CELAC": "All 33 Latin American and Caribbean states since 2011-12-03 (Brazil's 2020-22 suspension ignored).",
    "AU": "Founding 2002-07-09; suspensions ignored.",
}


def _iso(value: str) -> str | None:
    value = value.strip()
    if len(value) == 4 and value.isdigit():
        return f"{value}-01-01"
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def load_sources(refdata: Path) -> dict[str, list[dict[str, str]]]:
    import country_converter

    out = {}
    for key, rel in (
        ("brics", "membership/brics_members_partners_2025_curated.csv"),
        ("bri", "membership/bri_countries_greenfdc_2025-05.csv"),
    ):
        with (refdata / rel).open(encoding="utf-8") as fh:
            out[key] = list(csv.DictReader(fh))
    tsv = Path(country_converter.__file__).with_name("country_data.tsv")
    with tsv.open(encoding="utf-8") as fh:
        out["cc"] = list(csv.DictReader(fh, delimiter="\t"))
    return out


def build(src: dict[str, list[dict[str, str]]]) -> dict[str, Any]:
    members: dict[str, list[dict[str, Any]]] = {}
    associates: dict[str, list[dict[str, Any]]] = {"BRICS": []}
    for code, rows in CURATED.items():
        members[code] = [{"code": r[0], "joined": r[1], "left": r[2] if len(r) > 2 else None} for r in rows]
    members["BRICS"] = []
    for row in src["brics"]:
        item = {"code": row["iso3"], "joined": _iso(row["date_joined"]), "left": None}
        if row["status"] == "member":
            members["BRICS"].append(item)
        else:
            associates["BRICS"].append({**item, "status": row["status"]})
    members["BRI"] = [
        {
            "code": r["iso3"],
            "joined": _iso(r["likely_date_joining"]),
            "left": _iso(r["likely_date_exit"]) if r["likely_date_exit"] else None,
        }
        for r in src["bri"]
    ]
    members["UN"] = [
        {"code": r["ISO3"], "joined": _iso(r["UNmember"]), "left": None}
        for r in src["cc"]
        if r["UNmember"].strip().isdigit() and r["ISO3"] != "SUN"
    ]
    members["UN"].append({"code": "SUN", "joined": "1945-10-24", "left": "1991-12-24"})
    groups = []
    for code, meta in GROUPS.items():
        entry: dict[str, Any] = {"code": code, "name": meta["name"], "aliases": meta["aliases"]}
        if meta.get("ambiguous"):
            entry["ambiguous"] = meta["ambiguous"]
        entry["members"] = sorted(members.get(code, []), key=lambda m: (m["code"], m["joined"] or ""))
        if associates.get(code):
            entry["associates"] = associates[code]
        if code in NOTES:
            entry["note"] = NOTES[code]
        groups.append(entry)
    return {
        "version": VERSION,
        "generated": date.today().isoformat(),
        "sources": [
            "shared/refdata/membership/brics_members_partners_2025_curated.csv (BRICS)",
            "shared/refdata/membership/bri_countries_greenfdc_2025-05.csv (BRI; Nedopil 2025, GFDC, Fudan)",
            "country_converter 1.3 country_data.tsv (UN membership years)",
            "curated by sphere (sphere/knowledge/build_groups.py tables: treaty and accession dates)",
        ],
        "groups": groups,
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__)
        return 2
    out = Path(args[1]) if len(args) > 1 else Path(__file__).with_name("data") / "groups.json"
    data = build(load_sources(Path(args[0])))
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(data['groups'])} groups to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
