"""Regenerate data/countries.json from pycountry, country_converter and countryinfo plus the curation below.

    python -m sphere.knowledge.build_countries COUNTRYINFO_DATA_DIR [OUT.json]

COUNTRYINFO_DATA_DIR is the `countryinfo/data` folder of the countryinfo 1.0.1 wheel (MIT; capitals,
demonyms, currencies), e.g. unpacked from `pip download countryinfo==1.0.1 --no-deps`. It is only needed to
rebuild the file; sphere reads the generated JSON. Everything sphere adds by hand lives in the tables of
this module, so a rebuild is reproducible and every curated fact can be found here.

Load / process / save: `load_sources` reads the three inputs, `build` merges them with the curation and
`main` writes the JSON.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

VERSION = "2026.11.1"

# --- curation: names as English news writes them --------------------------------------------------
EXTRA_ALIASES: dict[str, list[str]] = {
    "USA": [
        "United States",
        "United States of America",
        "U.S.",
        "US",
        "USA",
        "U.S.A.",
        "America",
        "the United States",
        "the U.S.",
        "the US",
    ],
    "GBR": ["Britain", "Great Britain", "United Kingdom", "UK", "U.K.", "the United Kingdom", "England"],
    "CHN": [
        "China",
        "People's Republic of China",
        "PRC",
        "P.R.C.",
        "mainland China",
        "Mainland China",
        "Red China",
        "Communist China",
    ],
    "TWN": ["Taiwan", "Republic of China", "Chinese Taipei", "Formosa"],
    "HKG": ["Hong Kong", "Hong Kong SAR"],
    "MAC": ["Macau", "Macao"],
    "KOR": ["South Korea", "Republic of Korea", "ROK", "Korea"],
    "PRK": ["North Korea", "DPRK", "D.P.R.K.", "Democratic People's Republic of Korea"],
    "RUS": ["Russia", "Russian Federation"],
    "IRN": ["Iran", "Islamic Republic of Iran", "Persia"],
    "VNM": ["Vietnam", "Viet Nam", "Socialist Republic of Vietnam"],
    "BOL": ["Bolivia", "Plurinational State of Bolivia"],
    "VEN": ["Venezuela", "Bolivarian Republic of Venezuela"],
    "TUR": ["Turkey", "Türkiye", "Turkiye", "Republic of Turkey"],
    "CZE": ["Czech Republic", "Czechia"],
    "MMR": ["Myanmar", "Burma"],
    "DEU": ["Germany", "West Germany", "Federal Republic of Germany", "FRG"],
    "DDR": ["East Germany", "German Democratic Republic", "GDR"],
    "SUN": ["Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"],
    "YUG": ["Yugoslavia"],
    "CSK": ["Czechoslovakia"],
    "NLD": ["Netherlands", "the Netherlands", "The Netherlands", "Holland"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Cote D'Ivoire"],
    "COD": [
        "Democratic Republic of the Congo",
        "Democratic Republic of Congo",
        "DR Congo",
        "DRC",
        "D.R.C.",
        "Congo-Kinshasa",
        "Zaire",
    ],
    "COG": ["Republic of the Congo", "Republic of Congo", "Congo-Brazzaville", "Congo"],
    "ARE": ["United Arab Emirates", "UAE", "U.A.E.", "the Emirates", "Emirates"],
    "SAU": ["Saudi Arabia", "Kingdom of Saudi Arabia", "KSA"],
    "SYR": ["Syria"],
    "LAO": ["Laos", "Lao PDR"],
    "TZA": ["Tanzania"],
    "MDA": ["Moldova"],
    "MKD": ["North Macedonia", "Macedonia"],
    "SWZ": ["Eswatini", "Swaziland"],
    "CPV": ["Cape Verde", "Cabo Verde"],
    "TLS": ["East Timor", "Timor-Leste", "Timor Leste"],
    "PSE": [
        "Palestine",
        "State of Palestine",
        "Palestinian territories",
        "Palestinian Territories",
        "West Bank",
        "Gaza",
        "Gaza Strip",
    ],
    "VAT": ["Vatican", "Holy See", "Vatican City"],
    "FSM": ["Micronesia", "Federated States of Micronesia"],
    "BHS": ["Bahamas", "the Bahamas", "The Bahamas"],
    "GMB": ["Gambia", "the Gambia", "The Gambia"],
    "PHL": ["Philippines", "the Philippines"],
    "BRN": ["Brunei", "Brunei Darussalam"],
    "BEN": ["Benin", "Dahomey"],
    "BFA": ["Burkina Faso", "Upper Volta"],
    "ZWE": ["Zimbabwe", "Rhodesia"],
    "LKA": ["Sri Lanka", "Ceylon"],
    "KHM": ["Cambodia", "Kampuchea"],
    "THA": ["Thailand", "Siam"],
    "STP": ["Sao Tome and Principe", "São Tomé and Príncipe"],
    "KNA": ["St. Kitts and Nevis", "St Kitts and Nevis", "Saint Kitts and Nevis", "St. Kitts"],
    "LCA": ["St. Lucia", "St Lucia", "Saint Lucia"],
    "VCT": [
        "St. Vincent and the Grenadines",
        "St Vincent and the Grenadines",
        "Saint Vincent and the Grenadines",
        "St. Vincent",
    ],
    "ATG": ["Antigua and Barbuda", "Antigua"],
    "TTO": ["Trinidad and Tobago", "Trinidad"],
    "BIH": ["Bosnia and Herzegovina", "Bosnia-Herzegovina", "Bosnia"],
    "KGZ": ["Kyrgyzstan", "Kyrgyz Republic"],
    "SVK": ["Slovakia", "Slovak Republic"],
    "CUW": ["Curaçao", "Curacao"],
    "REU": ["Réunion", "Reunion"],
    "FLK": ["Falkland Islands", "Falklands", "Malvinas"],
    "VGB": ["British Virgin Islands"],
    "VIR": ["U.S. Virgin Islands", "US Virgin Islands"],
    "GNB": ["Guinea-Bissau", "Guinea Bissau"],
    "GNQ": ["Equatorial Guinea"],
    "PNG": ["Papua New Guinea", "PNG"],
    "NZL": ["New Zealand"],
    "VUT": ["Vanuatu", "New Hebrides"],
    "ESH": ["Western Sahara"],
    "SSD": ["South Sudan"],
    "XKX": ["Kosovo"],
}

# Demonyms (adjectives and nouns for people); plurals of -an/-i/-er/-o forms are added by `plurals`.
DEMONYMS: dict[str, list[str]] = {
    "USA": ["American", "U.S.", "US"],
    "GBR": ["British", "Briton", "English", "Scottish", "Welsh"],
    "ARG": ["Argentine", "Argentinian", "Argentinean"],
    "ATG": ["Antiguan", "Barbudan"],
    "BIH": ["Bosnian", "Herzegovinian"],
    "CHE": ["Swiss"],
    "CPV": ["Cape Verdean"],
    "COD": ["Congolese"],
    "COG": ["Congolese"],
    "KOR": ["South Korean", "Korean"],
    "PRK": ["North Korean"],
    "SUN": ["Soviet", "Soviets"],
    "DDR": ["East German"],
    "DEU": ["German", "West German"],
    "YUG": ["Yugoslav", "Yugoslavian"],
    "CSK": ["Czechoslovak", "Czechoslovakian"],
    "KAZ": ["Kazakh", "Kazakhstani"],
    "KGZ": ["Kyrgyz", "Kirghiz"],
    "TJK": ["Tajik", "Tajikistani"],
    "UZB": ["Uzbek", "Uzbekistani"],
    "TKM": ["Turkmen"],
    "LAO": ["Lao", "Laotian"],
    "MMR": ["Burmese", "Myanmar"],
    "NLD": ["Dutch"],
    "PHL": ["Filipino", "Philippine"],
    "SAU": ["Saudi", "Saudi Arabian"],
    "ARE": ["Emirati"],
    "MDV": ["Maldivian"],
    "SVN": ["Slovenian", "Slovene"],
    "SVK": ["Slovak", "Slovakian"],
    "ECU": ["Ecuadorian", "Ecuadorean"],
    "SLV": ["Salvadoran", "Salvadorean"],
    "SUR": ["Surinamese"],
    "TLS": ["Timorese", "East Timorese"],
    "VNM": ["Vietnamese"],
    "TUR": ["Turkish"],
    "IRN": ["Iranian", "Persian"],
    "CIV": ["Ivorian"],
    "GNB": ["Bissau-Guinean"],
    "TWN": ["Taiwanese"],
    "HKG": ["Hongkonger"],
    "MAC": ["Macanese"],
    "NZL": ["New Zealander", "Kiwi"],
    "DOM": ["Dominican"],
    "DMA": ["Dominican", "Dominicans of Dominica"],
    "KNA": ["Kittitian", "Nevisian"],
    "VCT": ["Vincentian"],
    "LCA": ["St. Lucian", "Saint Lucian"],
    "TTO": ["Trinidadian", "Tobagonian"],
    "CZE": ["Czech"],
    "SWZ": ["Swazi", "Eswatini"],
    "LSO": ["Basotho", "Mosotho"],
    "BWA": ["Botswanan", "Motswana"],
    "MKD": ["Macedonian", "North Macedonian"],
    "MDA": ["Moldovan"],
    "STP": ["Santomean", "Sao Tomean"],
    "BLR": ["Belarusian", "Belarussian"],
    "SYR": ["Syrian"],
    "PSE": ["Palestinian"],
    "XKX": ["Kosovar", "Kosovan"],
    "GRL": ["Greenlandic", "Greenlander"],
    "ISL": ["Icelandic", "Icelander"],
    "LUX": ["Luxembourgish", "Luxembourger"],
    "PNG": ["Papua New Guinean"],
    "SLB": ["Solomon Islander"],
    "MHL": ["Marshallese"],
    "KIR": ["I-Kiribati"],
    "FJI": ["Fijian"],
    "GUY": ["Guyanese"],
    "BRB": ["Barbadian", "Bajan"],
    "HTI": ["Haitian"],
    "NER": ["Nigerien"],
    "NGA": ["Nigerian"],
    "COM": ["Comoran", "Comorian"],
    "DJI": ["Djiboutian"],
    "GIB": ["Gibraltarian"],
    "FRO": ["Faroese"],
    "BHS": ["Bahamian"],
    "MUS": ["Mauritian"],
    "YEM": ["Yemeni"],
    "AFG": ["Afghan", "Afghani"],
    "BGD": ["Bangladeshi"],
    "NPL": ["Nepali", "Nepalese"],
    "ESH": ["Sahrawi", "Saharawi"],
    "GMB": ["Gambian"],
    "BFA": ["Burkinabe", "Burkinabé"],
    "CAF": ["Central African"],
    "MNE": ["Montenegrin"],
    "SRB": ["Serbian", "Serb"],
    "HRV": ["Croatian", "Croat"],
    "POL": ["Polish", "Pole"],
    "DNK": ["Danish", "Dane"],
    "SWE": ["Swedish", "Swede"],
    "FIN": ["Finnish", "Finn"],
    "ESP": ["Spanish", "Spaniard"],
    "TCD": ["Chadian"],
    "SOM": ["Somali", "Somalian"],
    "IRQ": ["Iraqi"],
    "ISR": ["Israeli"],
    "JOR": ["Jordanian"],
    "QAT": ["Qatari"],
    "BHR": ["Bahraini"],
    "KWT": ["Kuwaiti"],
    "OMN": ["Omani"],
    "LBN": ["Lebanese"],
    "IDN": ["Indonesian"],
    "MYS": ["Malaysian"],
    "SGP": ["Singaporean"],
    "THA": ["Thai"],
    "KHM": ["Cambodian"],
    "MNG": ["Mongolian"],
    "BTN": ["Bhutanese"],
    "LKA": ["Sri Lankan"],
    "IND": ["Indian"],
    "PAK": ["Pakistani"],
    "JPN": ["Japanese"],
    "CHN": ["Chinese"],
    "RUS": ["Russian"],
    "UKR": ["Ukrainian"],
    "GEO": ["Georgian"],
    "ARM": ["Armenian"],
    "AZE": ["Azerbaijani", "Azeri"],
    "WSM": ["Samoan"],
    "TON": ["Tongan"],
    "VUT": ["Vanuatuan", "Ni-Vanuatu"],
    "TUV": ["Tuvaluan"],
    "NRU": ["Nauruan"],
    "PLW": ["Palauan"],
    "FSM": ["Micronesian"],
    "GNQ": ["Equatoguinean", "Equatorial Guinean"],
    "SLE": ["Sierra Leonean"],
    "ZAF": ["South African"],
    "SSD": ["South Sudanese"],
    "SDN": ["Sudanese"],
    "EGY": ["Egyptian"],
    "MAR": ["Moroccan"],
    "DZA": ["Algerian"],
    "TUN": ["Tunisian"],
    "LBY": ["Libyan"],
    "GRC": ["Greek"],
    "CYP": ["Cypriot"],
    "MLT": ["Maltese"],
    "PRT": ["Portuguese"],
    "FRA": ["French"],
    "ITA": ["Italian"],
    "BEL": ["Belgian"],
    "IRL": ["Irish"],
    "NOR": ["Norwegian"],
    "AUT": ["Austrian"],
    "HUN": ["Hungarian"],
    "ROU": ["Romanian"],
    "BGR": ["Bulgarian"],
    "ALB": ["Albanian"],
    "EST": ["Estonian"],
    "LVA": ["Latvian"],
    "LTU": ["Lithuanian"],
    "CAN": ["Canadian"],
    "MEX": ["Mexican"],
    "AUS": ["Australian"],
    "BRA": ["Brazilian"],
    "PER": ["Peruvian"],
    "COL": ["Colombian"],
    "CHL": ["Chilean"],
    "URY": ["Uruguayan"],
    "PRY": ["Paraguayan"],
    "BOL": ["Bolivian"],
    "VEN": ["Venezuelan"],
    "PAN": ["Panamanian"],
    "CRI": ["Costa Rican"],
    "NIC": ["Nicaraguan"],
    "HND": ["Honduran"],
    "GTM": ["Guatemalan"],
    "BLZ": ["Belizean"],
    "CUB": ["Cuban"],
    "JAM": ["Jamaican"],
    "GRD": ["Grenadian"],
    "PRI": ["Puerto Rican"],
    "KEN": ["Kenyan"],
    "ETH": ["Ethiopian"],
    "ERI": ["Eritrean"],
    "UGA": ["Ugandan"],
    "TZA": ["Tanzanian"],
    "RWA": ["Rwandan"],
    "BDI": ["Burundian"],
    "ZMB": ["Zambian"],
    "ZWE": ["Zimbabwean"],
    "MOZ": ["Mozambican"],
    "AGO": ["Angolan"],
    "NAM": ["Namibian"],
    "MWI": ["Malawian"],
    "MDG": ["Malagasy"],
    "SYC": ["Seychellois"],
    "GHA": ["Ghanaian"],
    "SEN": ["Senegalese"],
    "MLI": ["Malian"],
    "GIN": ["Guinean"],
    "LBR": ["Liberian"],
    "TGO": ["Togolese"],
    "BEN": ["Beninese"],
    "CMR": ["Cameroonian"],
    "GAB": ["Gabonese"],
    "MRT": ["Mauritanian"],
}
# Words that are demonyms but too ambiguous to tag at all (languages, names, ordinary words).
DROP_DEMONYMS = {
    "Djibouti",
    "Gibraltar",
    "Christmas Island",
    "Channel Islander",
    "Indian:IOT",
    "French:ATF",
    "French:MYT",
    "French:REU",
    "French:SPM",
    "French:MTQ",
    "Chinese:HKG",
    "Chinese:MAC",
    "American:MNP",
    "Norwegian:SJM",
    "Serbian/Montenegrin",
    "Cape Verdian",
    "Maldivan",
    "Tadzhik",
    "Surinamer",
    "Guinea-Bissauan",
    "Dominicans of Dominica",
    "Eswatini",
    "Myanmar",
    "English",
    "Scottish",
    "Welsh",
    "US",
    "U.S.",
    "Kiwi",
    "Persian",
}

CAPITALS: dict[str, list[str]] = {
    "USA": ["Washington", "Washington, D.C.", "Washington D.C."],
    "BOL": ["La Paz", "Sucre"],
    "BRA": ["Brasilia", "Brasília"],
    "COL": ["Bogota", "Bogotá"],
    "PRY": ["Asuncion", "Asunción"],
    "CRI": ["San Jose", "San José"],
    "CIV": ["Yamoussoukro", "Abidjan"],
    "ZAF": ["Pretoria", "Cape Town"],
    "NLD": ["Amsterdam", "The Hague"],
    "KAZ": ["Astana", "Nur-Sultan"],
    "MMR": ["Naypyitaw", "Naypyidaw", "Nay Pyi Taw"],
    "DEU": ["Berlin", "Bonn"],
    "DDR": ["East Berlin"],
    "SUN": ["Moscow"],
    "YUG": ["Belgrade"],
    "CSK": ["Prague"],
    "LKA": ["Colombo", "Sri Jayawardenepura Kotte"],
    "MYS": ["Kuala Lumpur", "Putrajaya"],
    "KIR": ["Tarawa", "South Tarawa"],
    "IND": ["New Delhi"],
    "UKR": ["Kyiv", "Kiev"],
    "MDA": ["Chisinau", "Chișinău"],
    "MDV": ["Malé"],
    "CMR": ["Yaounde", "Yaoundé"],
    "TGO": ["Lome", "Lomé"],
    "HKG": [],
    "MAC": [],
    "VAT": ["Vatican City"],
    "YEM": ["Sanaa", "Sana'a"],
    "MNG": ["Ulaanbaatar", "Ulan Bator"],
    "BGD": ["Dhaka", "Dacca"],
    "ISL": ["Reykjavik", "Reykjavík"],
    "ESH": [],
    "SWZ": ["Mbabane", "Lobamba"],
    "TZA": ["Dodoma", "Dar es Salaam"],
    "NGA": ["Abuja"],
    "BEN": ["Porto-Novo", "Cotonou"],
    "PLW": ["Ngerulmud", "Melekeok"],
    "PYF": ["Papeete"],
    "TCD": ["N'Djamena", "Ndjamena"],
    "SMR": ["San Marino"],
    "MCO": ["Monaco"],
    "LUX": ["Luxembourg"],
    "SGP": ["Singapore"],
    "KWT": ["Kuwait City"],
    "PAN": ["Panama City"],
    "GTM": ["Guatemala City"],
    "MEX": ["Mexico City"],
    "BHS": ["Nassau"],
    "PSE": ["Ramallah"],
    "ISR": ["Jerusalem", "Tel Aviv"],
    "TWN": ["Taipei"],
    "ARE": ["Abu Dhabi"],
    "BLR": ["Minsk"],
    "HRV": ["Zagreb"],
    "CUW": ["Willemstad"],
    "SXM": ["Philipsburg"],
    "BES": ["Kralendijk"],
    "VGB": ["Road Town"],
    "VIR": ["Charlotte Amalie"],
    "TCA": ["Cockburn Town"],
    "MAF": ["Marigot"],
    "BLM": ["Gustavia"],
    "ALA": ["Mariehamn"],
    "GGY": ["St. Peter Port"],
    "NFK": [],
    "GIB": [],
    "SJM": [],
    "ATF": [],
    "HMD": [],
    "IOT": [],
    "UMI": [],
    "BVT": [],
    "SGS": [],
    "CXR": [],
    "CCK": [],
    "DJI": ["Djibouti"],
    "SYC": ["Victoria"],
    "XKX": ["Pristina", "Priština"],
    "TKL": [],
    "PCN": [],
}

CURRENCY: dict[str, str | None] = {
    "BLR": "BYN",
    "HRV": "EUR",
    "VEN": "VES",
    "ZMB": "ZMW",
    "MRT": "MRU",
    "STP": "STN",
    "SLE": "SLE",
    "ZWE": "ZWG",
    "CUB": "CUP",
    "CHE": "CHF",
    "CHL": "CLP",
    "URY": "UYU",
    "BOL": "BOB",
    "USA": "USD",
    "PAN": "PAB",
    "SLV": "USD",
    "HTI": "HTG",
    "BTN": "BTN",
    "LSO": "LSL",
    "NAM": "NAD",
    "ESH": "MAD",
    "SCG": None,
    "SUN": "SUR",
    "DDR": "DDM",
    "YUG": "YUN",
    "CSK": "CSK",
    "XKX": "EUR",
    "BES": "USD",
    "CUW": "ANG",
    "SXM": "ANG",
    "TCA": "USD",
    "VGB": "USD",
    "VIR": "USD",
    "MAF": "EUR",
    "BLM": "EUR",
    "ALA": "EUR",
    "BVT": "NOK",
    "UMI": "USD",
    "ATA": None,
    "MAC": "MOP",
    "GUF": "EUR",
    "SSD": "SSP",
    "AFG": "AFN",
    "TWN": "TWD",
}

# Aliases that are ordinary words, person or place names elsewhere, or parts of longer names: a matcher
# must check context (capital letter is not enough).
AMBIGUOUS: dict[str, list[str]] = {
    "GEO": ["Georgia", "Georgian"],
    "JOR": ["Jordan"],
    "TCD": ["Chad"],
    "TUR": ["Turkey"],
    "NER": ["Niger"],
    "GIN": ["Guinea", "Guinean"],
    "COG": ["Congo", "Congolese"],
    "COD": ["Congolese"],
    "KOR": ["Korea", "Korean"],
    "DOM": ["Dominican"],
    "DMA": ["Dominica", "Dominican"],
    "MEX": ["Mexico"],
    "USA": ["America", "US", "Washington"],
    "GBR": ["England"],
    "TWN": ["Republic of China"],
    "MDV": ["Malé"],
    "SYC": ["Victoria"],
    "LBN": ["Lebanon"],
    "PRY": [],
    "CHL": ["Santiago"],
    "JAM": ["Kingston"],
    "GUY": ["Georgetown"],
    "BMU": ["Hamilton"],
    "ATG": ["Antigua", "Saint John's"],
    "GRC": ["Athens"],
    "FRA": ["Paris"],
    "NZL": ["Wellington", "Kiwi"],
    "BOL": ["Sucre"],
    "CRI": ["San Jose"],
    "DZA": ["Algiers"],
    "PAN": ["Panama"],
    "MCO": ["Monaco"],
    "LUX": ["Luxembourg"],
    "SGP": ["Singapore"],
    "DJI": ["Djibouti"],
    "KWT": ["Kuwait"],
    "SMR": ["San Marino"],
    "PSE": ["Gaza", "West Bank"],
    "ARE": ["Emirates"],
    "CHN": ["Chinese"],
    "SUN": ["Moscow"],
    "RUS": ["Moscow"],
    "YUG": ["Belgrade"],
    "SRB": ["Belgrade"],
    "CSK": ["Prague"],
    "CZE": ["Prague"],
    "DEU": ["Berlin", "Bonn"],
    "MMR": ["Myanmar"],
    "TTO": ["Trinidad"],
    "NLD": ["Holland"],
    "IRN": ["Persia"],
    "LKA": ["Ceylon"],
    "CHE": ["Bern"],
    "MLT": ["Valletta"],
    "BHS": ["Nassau"],
    "PHL": ["Manila"],
    "CAN": ["Ottawa"],
}

# One surface form, two codes, on purpose (SCHEMA: codes of the time). The extractor decides by date/context.
SHARED_FORMS: list[dict[str, Any]] = [
    {
        "form": "Moscow",
        "codes": ["RUS", "SUN"],
        "reason": "capital of the USSR until 1991-12-26, of Russia since",
    },
    {
        "form": "Belgrade",
        "codes": ["SRB", "YUG"],
        "reason": "capital of Yugoslavia until 2003, of Serbia since",
    },
    {
        "form": "Prague",
        "codes": ["CZE", "CSK"],
        "reason": "capital of Czechoslovakia until 1992-12-31, of Czechia since",
    },
    {"form": "Congolese", "codes": ["COD", "COG"], "reason": "demonym of both Congos; context decides"},
    {
        "form": "Brussels",
        "codes": ["BEL", "EU"],
        "reason": "capital of Belgium; also stands for the EU institutions",
    },
    {
        "form": "Dominican",
        "codes": ["DOM", "DMA"],
        "reason": "demonym of the Dominican Republic and of Dominica",
    },
    {"form": "Dominicans", "codes": ["DOM", "DMA"], "reason": "plural of Dominican"},
]

HISTORIC: dict[str, dict[str, Any]] = {
    "SUN": {"name": "Soviet Union", "iso2": "SU", "until": "1991-12-26", "successor": "RUS"},
    "DDR": {"name": "East Germany", "iso2": "DD", "until": "1990-10-03", "successor": "DEU"},
    "YUG": {"name": "Yugoslavia", "iso2": "YU", "until": "2003-02-04", "successor": "SRB"},
    "CSK": {"name": "Czechoslovakia", "iso2": "CS", "until": "1993-01-01", "successor": "CZE"},
}
EXTRA_CODES: dict[str, dict[str, Any]] = {  # user-assigned codes in wide use
    "XKX": {"name": "Kosovo", "iso2": "XK"},
}
NAME_OVERRIDES = {
    "USA": "United States",
    "GBR": "United Kingdom",
    "BOL": "Bolivia",
    "VEN": "Venezuela",
    "IRN": "Iran",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "RUS": "Russia",
    "VNM": "Vietnam",
    "TWN": "Taiwan",
    "SYR": "Syria",
    "LAO": "Laos",
    "TZA": "Tanzania",
    "MDA": "Moldova",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "FSM": "Micronesia",
    "PSE": "Palestine",
    "CIV": "Ivory Coast",
    "TUR": "Turkey",
    "CZE": "Czech Republic",
    "MKD": "North Macedonia",
    "BRN": "Brunei",
    "CPV": "Cape Verde",
    "SWZ": "Eswatini",
    "VAT": "Vatican",
    "TLS": "East Timor",
    "SHN": "Saint Helena",
    "VGB": "British Virgin Islands",
    "VIR": "U.S. Virgin Islands",
    "BES": "Caribbean Netherlands",
    "NLD": "Netherlands",
    "BHS": "Bahamas",
    "GMB": "Gambia",
    "CHN": "China",
    "HKG": "Hong Kong",
    "MAC": "Macau",
}

# Regions: fixed vocabulary; derived from the UN M49 sub-region, then the overrides below.
REGIONS = ("latam", "africa", "asia", "europe", "mena", "north_america", "oceania", "central_asia")
UNREGION_TO: dict[str, tuple[str, ...]] = {
    "Caribbean": ("latam",),
    "South America": ("latam",),
    "Central America": ("latam",),
    "Eastern Africa": ("africa",),
    "Middle Africa": ("africa",),
    "Southern Africa": ("africa",),
    "Western Africa": ("africa",),
    "Northern Africa": ("africa", "mena"),
    "Northern Europe": ("europe",),
    "Southern Europe": ("europe",),
    "Eastern Europe": ("europe",),
    "Western Europe": ("europe",),
    "Eastern Asia": ("asia",),
    "South-eastern Asia": ("asia",),
    "Southern Asia": ("asia",),
    "Central Asia": ("central_asia", "asia"),
    "Western Asia": ("mena",),
    "Northern America": ("north_america",),
    "Australia and New Zealand": ("oceania",),
    "Melanesia": ("oceania",),
    "Micronesia": ("oceania",),
    "Polynesia": ("oceania",),
    "Antarctica": (),
}
REGION_OVERRIDES: dict[str, tuple[str, ...]] = {
    "MEX": ("latam", "north_america"),
    "IRN": ("mena", "asia"),
    "TUR": ("europe", "mena"),
    "CYP": ("europe",),
    "ARM": ("europe", "central_asia"),
    "AZE": ("europe", "central_asia"),
    "GEO": ("europe", "central_asia"),
    "RUS": ("europe", "asia"),
    "AFG": ("asia", "central_asia"),
    "SDN": ("africa", "mena"),
    "MRT": ("africa", "mena"),
    "DJI": ("africa", "mena"),
    "SOM": ("africa", "mena"),
    "SUN": ("europe", "asia", "central_asia"),
    "DDR": ("europe",),
    "YUG": ("europe",),
    "CSK": ("europe",),
    "XKX": ("europe",),
    "FLK": ("latam",),
    "SGS": ("latam",),
    "BVT": (),
    "ATF": (),
    "HMD": (),
    "IOT": ("asia",),
    "UMI": ("oceania",),
    "GRL": ("north_america", "europe"),
}


def plurals(words: list[str]) -> list[str]:
    """Plural nouns for demonyms used as nouns ("Bolivians", "Israelis"); others are their own plural."""
    out = []
    for w in words:
        if w.endswith(("ese", "ish", "ch", "ss", "Lao", "Thai", "Swiss")) or " " in w and w.endswith("ese"):
            continue
        if w.endswith(
            ("an", "i", "er", "o", "ot", "on", "in", "ite", "ek", "ak", "az", "ay", "ab", "e", "ar")
        ):
            out.append(w + "s")
    return out


def load_sources(countryinfo_dir: Path) -> tuple[dict[str, dict[str, Any]], Any]:
    import country_converter
    import pandas as pd

    info: dict[str, dict[str, Any]] = {}
    for path in sorted(countryinfo_dir.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        iso3 = (record.get("ISO") or {}).get("alpha3")
        if iso3:
            info[iso3] = record
    tsv = Path(country_converter.__file__).with_name("country_data.tsv")
    cc = pd.read_csv(tsv, sep="\t", keep_default_na=False, dtype=str)
    return info, cc


def _dedupe(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        item = item.strip()
        if item and item not in seen:
            seen[item] = None
    return list(seen)


def build(info: dict[str, dict[str, Any]], cc: Any) -> dict[str, Any]:
    import pycountry

    ccrows = {row["ISO3"]: row for _, row in cc.iterrows()}
    entries: list[dict[str, Any]] = []
    base: list[tuple[str, str, str | None, list[str]]] = []
    for c in pycountry.countries:
        names = [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")]
        base.append(
            (c.alpha_3, NAME_OVERRIDES.get(c.alpha_3, getattr(c, "common_name", c.name)), c.alpha_2, names)
        )
    for code, meta in {**HISTORIC, **EXTRA_CODES}.items():
        base.append((code, meta["name"], meta["iso2"], [meta["name"]]))
    for code, name, iso2, names in base:
        ci = info.get(code, {})
        ccrow = ccrows.get(code)
        if ccrow is not None:
            names += [ccrow["name_short"], ccrow["name_official"]]
        names += [ci.get("name", "")] if ci.get("name", "").isascii() or code in ("CUW", "REU") else []
        names = [n for n in names if n and "," not in n and "(" not in n]
        aliases = _dedupe([name, *names, *EXTRA_ALIASES.get(code, [])])
        dem = list(DEMONYMS.get(code, []))
        for d in (ci.get("demonym") or "").split(","):
            if d and d not in DROP_DEMONYMS and f"{d}:{code}" not in DROP_DEMONYMS:
                dem.append(d)
        dem = [d for d in _dedupe(dem) if d not in DROP_DEMONYMS and f"{d}:{code}" not in DROP_DEMONYMS]
        dem = _dedupe(dem + plurals(dem))
        if code in CAPITALS:
            capitals = CAPITALS[code]
        else:
            cap = ci.get("capital") or ""
            capitals = [cap] if cap else []
        if code in CURRENCY:
            currency = CURRENCY[code]
        else:
            currencies = ci.get("currencies") or []
            currency = currencies[0] if currencies else None
        cur = pycountry.currencies.get(alpha_3=currency) if currency else None
        dollar = bool(cur and "dollar" in cur.name.lower())
        if code in REGION_OVERRIDES:
            regions = REGION_OVERRIDES[code]
        else:
            regions = UNREGION_TO[ccrow["UNregion"]] if ccrow is not None and ccrow["UNregion"] else ()
        entry: dict[str, Any] = {
            "code": code,
            "name": name,
            "iso2": iso2,
            "aliases": aliases,
            "demonyms": dem,
            "capitals": _dedupe(capitals),
            "currency": currency,
            "dollar": dollar,
            "regions": list(regions),
        }
        amb = [a for a in AMBIGUOUS.get(code, []) if a in aliases or a in dem or a in capitals]
        if amb:
            entry["ambiguous"] = amb
        if code in HISTORIC:
            entry["until"] = HISTORIC[code]["until"]
            entry["successor"] = HISTORIC[code]["successor"]
        entries.append(entry)
    entries.sort(key=lambda e: e["code"])
    return {
        "version": VERSION,
        "generated": date.today().isoformat(),
        "sources": [
            "pycountry (ISO 3166-1 names, official names, alpha-2; LGPL-2.1 package, ISO data)",
            "country_converter 1.3 country_data.tsv (short/official names, UN M49 sub-regions; GPL-3 package)",
            "countryinfo 1.0.1 data (capitals, demonyms, currencies; MIT)",
            "curated by sphere (sphere/knowledge/build_countries.py tables)",
        ],
        "regions": list(REGIONS),
        "shared_forms": SHARED_FORMS,
        "countries": entries,
    }


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print(__doc__)
        return 2
    out = Path(args[1]) if len(args) > 1 else Path(__file__).with_name("data") / "countries.json"
    info, cc = load_sources(Path(args[0]))
    data = build(info, cc)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(data['countries'])} countries to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
