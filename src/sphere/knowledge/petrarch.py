"""Import officials from PETRARCH / Phoenix (CAMEO) actor dictionaries into actors.csv-format rows.

    python -m sphere.knowledge.petrarch SRC [SRC ...] OUT.csv

SRC is a dictionary file (Phoenix.Countries.actors.txt, Phoenix.International.actors.txt) or a folder of
them. The format (TABARI 0.8 / PETRARCH):

    XI_JINPING                      an actor; words joined by "_", a trailing "_" is a word boundary
    +PRESIDENT_XI_JINPING           a synonym of the actor above
        [CHNGOV >20121115]          a code with a date restriction, on its own indented line ...
    UN_ [IGOUNO] # comment          ... or on the actor's line; "#" starts a comment
    [CODE >d]  from d on            [CODE <d]  until d            [CODE d1-d2]  from d1 until d2

Dates are YYMMDD (00-30 -> 20YY, else 19YY, as in KEDS/TABARI) or YYYYMMDD. The country is the first three
letters of a country code; government terms are codes whose next three letters are GOV (sector codes such
as CHNGOVMED are left out). IGO leaders with dated terms map to sphere's group codes (IGOUNO -> UN,
...WBK -> WORLDBANK). The role is `other` unless a synonym names the office ("PRESIDENT_", "PRIME_MINISTER_",
"FOREIGN_MINISTER_", "SECRETARY_OF_STATE_" ...) and the actor has a single government term.

The Phoenix dictionaries are MIT licensed (Open Event Data Alliance, 2014); the rows written keep
`petrarch2` as their source. The Countries dictionary was generated from CountryInfo.140130, so an open
term (`>d`) means "in office on 2014-01-30": the output header records `as_of: 2014-01-30`.
"""

from __future__ import annotations

import csv
import re
import sys
from datetime import date
from pathlib import Path

from sphere.errors import InputError
from sphere.knowledge.loader import ACTOR_COLUMNS
from sphere.knowledge.records import Official

AS_OF = date(2014, 1, 30)
SOURCE = "petrarch2"
IGO_GROUPS = (
    ("WBK", "WORLDBANK"),
    ("IMF", "IMF"),
    ("WTO", "WTO"),
    ("NAT", "NATO"),
    ("EEC", "EU"),
    ("OPC", "OPEC"),
    ("ASN", "ASEAN"),
    ("UNO", "UN"),
)
TITLES = re.compile(
    r"^(?:(?:THE|FORMER|MR\.?|MRS\.?|MS\.?|DR\.?|US|U\.S\.|AMERICAN|UNITED_STATES|GOV\.|GOVERNOR|GOVENOR|SENATOR|"
    r"SEN\.|PRESIDENT-ELECT|PRESIDENT|PRIME_MINISTER|PREMIER|CHANCELLOR|KING|QUEEN|PRINCE|SHEIKH|SHEIKHA|EMIR|"
    r"GENERAL|GEN\.|FOREIGN_MINISTER|DEFEN[SC]E_MINISTER|FINANCE_MINISTER|SECRETARY(?:_OF_STATE)?|MINISTER|"
    r"VICE_PRESIDENT|CHAIRMAN|ADMIRAL)_)+"
)
ROLE_CUES = (
    ("head_of_government", re.compile(r"(?:^|_)(?:PRIME_MINISTER|PREMIER)_")),
    ("foreign_minister", re.compile(r"(?:^|_)(?:FOREIGN_MINISTER|FOREIGN_SECRETARY|SECRETARY_OF_STATE)_")),
    (
        "defence_minister",
        re.compile(r"(?:^|_)(?:DEFEN[CS]E_(?:MINISTER|SECRETARY)|SECRETARY_OF_DEFEN[CS]E)_"),
    ),
    (
        "finance_minister",
        re.compile(r"(?:^|_)(?:FINANCE_MINISTER|TREASURY_SECRETARY|SECRETARY_OF_THE_TREASURY)_"),
    ),
    ("head_of_state", re.compile(r"(?:^|(?<!VICE)_)(?:PRESIDENT|KING|QUEEN|EMIR)_")),
)
# CAMEO codes that differ from sphere's (ISO 3166 or historic ISO) codes.
CAMEO_TO_SPHERE = {"USR": "SUN", "TMP": "TLS", "KSV": "XKX", "FRY": "YUG", "SCG": "SRB"}
EAST_ASIAN = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM", "MNG"}
CODE_RE = re.compile(r"\[([^\]]*)\]")
# Entries of a GOV code that are bodies, not people ("White House", "Kremlin", "Communist Party Of China").
NOT_A_PERSON = re.compile(
    r"\b(?:Department|Ministry|Ministers?|Council|Party|House|Government|Administration|Office|Army|Forces|"
    r"Agency|Bank|Committee|Commission|Court|Parliament|Senate|Assembly|Cabinet|Kremlin|Reichstag|Palace|"
    r"Presidency|Secretariat|Authority|Police|Guard|Navy|Command|Embassy|Officials?|Spokes\w*|Cia|Fbi)\b",
    re.IGNORECASE,
)


def parse_date(text: str) -> date:
    """YYMMDD (00-30 -> 20YY) or YYYYMMDD, as PETRARCH reads them."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(f"bad PETRARCH date {text!r}")
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        return date(year, int(digits[2:4]), int(digits[4:6]))
    return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))


def parse_code(content: str) -> tuple[str, date | None, date | None] | None:
    """ "CHNGOV >20121115" -> ("CHNGOV", 2012-11-15, None); None for role-only codes such as "ELI" or "---"."""
    parts = content.split()
    if not parts or not parts[0].isalpha() or len(parts[0]) < 3:
        return None
    code, rest = parts[0], "".join(parts[1:])
    start = end = None
    if rest.startswith(">"):
        start = parse_date(rest[1:])
    elif rest.startswith("<"):
        end = parse_date(rest[1:])
    elif "-" in rest:
        a, _, b = rest.partition("-")
        start, end = parse_date(a), parse_date(b)
    elif rest:
        raise ValueError(f"bad date restriction {rest!r}")
    return code, start, end


def words(token: str) -> str:
    """XI_JINPING_ -> "Xi Jinping"; AL-SABAH -> "Al-Sabah"."""
    text = " ".join(token.replace("_", " ").split())
    return " ".join(w if any(c.islower() for c in w) else w.title().replace("'S", "'s") for w in text.split())


def _entries(text: str, origin: str):
    """Yield (name, synonyms, codes) per actor, in file order."""
    name: str | None = None
    synonyms: list[str] = []
    codes: list[str] = []
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<!"):
            continue
        if line.startswith("+"):
            if name is None:
                raise InputError(f"{origin}:{n}", "synonym before any actor")
            synonyms.append(line[1:].split("[", 1)[0].strip())
            codes += CODE_RE.findall(line)
        elif line[0].isspace():
            codes += CODE_RE.findall(line)
        else:
            if name is not None:
                yield name, synonyms, codes
            name = line.split("[", 1)[0].strip()
            synonyms, codes = [], CODE_RE.findall(line)
    if name is not None:
        yield name, synonyms, codes


def _country(code: str) -> str | None:
    if code.startswith("IGO"):
        for key, group in IGO_GROUPS:
            if key in code[3:]:
                return group
        return None
    if code[:3] in ("NGO", "MNC", "---") or len(code) < 6:
        return None
    if code[3:6] != "GOV" or len(code) != 6:
        return None
    return CAMEO_TO_SPHERE.get(code[:3], code[:3])


def _role(synonyms: list[str]) -> str:
    for role, cue in ROLE_CUES:
        if any(cue.search(s + "_") for s in synonyms):
            return role
    return "other"


def _short(name: str, code: str, synonyms: list[str]) -> str | None:
    parts = name.split()
    for syn in synonyms:
        bare = TITLES.sub("", syn.rstrip("_") + "_").rstrip("_")
        if bare and "_" not in bare and words(bare) in parts:
            return words(bare)
    if len(parts) < 2:
        return None
    return parts[0] if code in EAST_ASIAN else parts[-1]


def import_petrarch(path: str | Path, known: set[str] | None = None) -> list[Official]:
    """Officials (government terms and dated IGO leadership terms) from one dictionary file.

    With `known`, terms whose country code is not in it are left out (CAMEO has test and defunct codes
    such as KNT, "Kinakuta").
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    out: list[Official] = []
    for raw_name, synonyms, raw_codes in _entries(text, str(path)):
        terms = []
        for content in raw_codes:
            try:
                parsed = parse_code(content)
            except ValueError:
                continue  # a malformed restriction in the source: skip that term, keep the rest
            if parsed is None:
                continue
            code, start, end = parsed
            country = _country(code)
            if country is None or (code.startswith("IGO") and start is None and end is None):
                continue
            if known is not None and country not in known:
                continue
            if start is not None and end is not None and end < start:
                continue  # an inverted range in the source (e.g. 121207-120802): unusable
            terms.append((country, start, end))
        if not terms:
            continue
        name = words(raw_name).strip("()[]{}.,;: ")
        if " " not in name or NOT_A_PERSON.search(name):
            continue  # one-word entries ("Hussein", "Kremlin") are too ambiguous; bodies are not officials
        aliases = []
        for syn in synonyms:
            bare = TITLES.sub("", syn.rstrip("_") + "_").rstrip("_")
            alias = words(bare)
            if " " in alias and alias != name and alias not in aliases and not NOT_A_PERSON.search(alias):
                aliases.append(alias)
        role = _role(synonyms) if len(terms) == 1 else "other"
        for country, start, end in dict.fromkeys(terms):
            out.append(
                Official(
                    name=name,
                    aliases=tuple(aliases),
                    short=_short(name, country, synonyms),
                    code=country,
                    role=role,
                    start=start,
                    end=end,
                    source=SOURCE,
                    as_of=AS_OF,
                )
            )
    return out


def write_actors(officials: list[Official], out: Path, *, header: dict[str, str]) -> int:
    """Write officials in actors.csv format (with `# key: value` header lines); returns the row count."""
    unique = {(o.code, o.name, o.start or date.min, o.end or date.max): o for o in officials}
    rows = [unique[key] for key in sorted(unique)]
    with out.open("w", encoding="utf-8", newline="") as fh:
        for key, value in header.items():
            fh.write(f"# {key}: {value}\n")
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(ACTOR_COLUMNS)
        for o in rows:
            writer.writerow(
                [
                    o.name,
                    "|".join(o.aliases),
                    o.short or "",
                    o.code,
                    o.role,
                    o.start.isoformat() if o.start else "",
                    o.end.isoformat() if o.end else "",
                    o.source,
                ]
            )
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print(__doc__)
        return 2
    *sources, target = args
    files: list[Path] = []
    for src in map(Path, sources):
        files += sorted(src.glob("*.actors.txt")) if src.is_dir() else [src]
    from sphere.knowledge.loader import load_knowledge

    kb = load_knowledge()
    known = set(kb.countries) | set(kb.groups)
    officials: list[Official] = []
    for f in files:
        officials += import_petrarch(f, known)
    n = write_actors(
        officials,
        Path(target),
        header={
            "version": "2026.11.1",
            "source": "Phoenix/PETRARCH2 actor dictionaries (" + ", ".join(f.name for f in files) + "), "
            "Open Event Data Alliance, MIT licence; generated by python -m sphere.knowledge.petrarch",
            "as_of": AS_OF.isoformat(),
            "note": "empty end = open term in the 2014 dictionary (only known to hold up to as_of); role is "
            "inferred from synonyms, otherwise other",
        },
    )
    print(f"wrote {n} officials from {len(files)} files to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
