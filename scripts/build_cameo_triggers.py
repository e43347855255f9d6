#!/usr/bin/env python
"""Build `src/sphere/nlp/data/cameo_triggers.json` from PETRARCH2's CAMEO verb dictionary.

    python scripts/build_cameo_triggers.py [--shared ../shared]

Reads `refdata/events/petrarch2_dictionaries/CAMEO.2.0.txt` (verbs, their irregular forms and
their object patterns) and `refdata/events/plover_CAMEO2PLOVER-2021.txt` (CAMEO code -> PLOVER
type), then applies the reviewed corrections of `src/sphere/nlp/data/cameo_review.json`, where
SCHEMA.md's conventions differ from the CAMEO code (signing is AGREE, imposing sanctions is
SANCTION, ...). Every row keeps its origin (`dictionary:CAMEO.2.0 <code>`) and, when a review
changed it, the review's reason. The built file is committed so that a clone without
../shared still has the lexicon; this script only regenerates it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "sphere" / "nlp" / "data"
_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
_CODE = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{([^}]*)\}")
_LEMMA = re.compile(r"[a-z][a-z -]*[a-z]")
_TABLE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)")


def read_synonyms(lines: list[str]) -> dict[str, list[str]]:
    """`&NAME` sets of `+WORD` lines (nouns the patterns refer to)."""
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        s = line.split("#", 1)[0].strip()
        if s.startswith("&"):
            current = s[1:]
            sets[current] = []
        elif s.startswith("+") and current is not None:
            sets[current].append(s[1:].rstrip("_").replace("_", " ").lower())
        elif not s:
            current = None
    return sets


def read_table(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _TABLE.match(line.strip())
        if m:
            table.setdefault(m.group(1), m.group(2))
    return table


def plover_of(code: str, table: dict[str, str], review: dict) -> tuple[str | None, str | None]:
    """The PLOVER type of a CAMEO code (longest listed prefix) and the review reason if one applies."""
    for k in (code[:4], code[:3], code[:2]):
        row = review["codes"].get(k)
        if row is not None:
            return row["plover"], row["reason"]
    for k in (code[:4], code[:3], code[:2]):
        if k in table:
            return table[k], None
    return None, None


def _code(raw: str) -> str | None:
    code = raw.split(":")[0].strip().rstrip("-")
    return code if code.isdigit() else None


def _words(pattern: str, synonyms: dict[str, list[str]]) -> list[list[str]] | None:
    """Required words after the verb: each a list of alternatives; None for patterns this reader skips
    (words constraining the subject, actor slots, or sets it does not know)."""
    before, _, after = pattern.partition("*")
    if before.strip() or not _:
        return None
    out: list[list[str]] = []
    for raw in re.findall(r"[&A-Z0-9'_-]+", after.upper()):
        if raw in ("$", "^", "%", "+", "_"):
            continue
        if raw.startswith("&"):
            alts = synonyms.get(raw[1:]) or synonyms.get(raw[1:] + "_")
            if not alts:
                return None
            out.append(sorted(set(alts)))  # a multi-word entry needs all its words
        else:
            out.append([raw.strip("_").replace("_", " ").lower()])
    return out or None


def read_verbs(lines: list[str], synonyms: dict[str, list[str]]) -> tuple[dict, dict, dict]:
    """Verb lemmas with their code, their listed irregular forms and the object patterns of each verb."""
    verbs: dict[str, str | None] = {}
    forms: dict[str, str] = {}
    patterns: dict[str, list[dict]] = {}
    block_code: str | None = None
    block_verbs: list[str] = []
    for line in lines:
        text, _, comment = line.partition("#")
        s = text.strip()
        if not s:
            continue
        m = _BLOCK.match(s)
        if m:
            block_code, block_verbs = _code(m.group(2)), []
            continue
        if s.startswith("-"):
            cm = _CODE.search(s)
            code = _code(cm.group(1)) if cm else None
            words = _words(s[1:cm.start()] if cm else s[1:], synonyms)
            if code is None or words is None:
                continue
            owner = comment.strip().split()[0].lower().replace("_", " ") if comment.strip() else None
            for verb in [owner] if owner in block_verbs else block_verbs:
                patterns.setdefault(verb, []).append({"words": words, "code": code})
            continue
        head = _FORMS.sub(" ", s)
        cm = _CODE.search(head)
        code = _code(cm.group(1)) if cm else block_code
        lemma = _CODE.sub(" ", head).strip().lstrip("+").rstrip("_").replace("_", " ").lower()
        if not lemma or " " in lemma and lemma.split()[0] == "re":
            continue
        verbs.setdefault(lemma, code)
        block_verbs.append(lemma)
        fm = _FORMS.search(s)
        for form in (fm.group(1).split() if fm else []):
            forms[form.lstrip("+").rstrip("_").replace("_", " ").lower()] = lemma
    return verbs, forms, patterns


_AGENT = re.compile(r"^([A-Z][A-Z'_-]*?)_?\s.*\[~(GOV[A-Z]*|MIL|COP|LEG|JUD|SPY|BUS)\]")


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s")


def read_agents(path: Path) -> list[str]:
    """State agents (government, military, police, legislature, judiciary, business) as nouns, lower-case, with
    plurals: one-word entries ("MINISTRY [~GOV]") and the heads of at least two multi-word ones
    ("SECURITY_FORCE", "NATIONAL_SECURITY_FORCE" -> "force"). Such a noun acts for the country named with it."""
    single: set[str] = set()
    heads: dict[str, int] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        m = _AGENT.match(line)
        if not m or "!" in m.group(1):
            continue
        parts = m.group(1).lower().split("_")
        if len(parts) == 1:
            single.add(parts[0])
        else:
            heads[parts[-1]] = heads.get(parts[-1], 0) + 1
    words = single | {h for h, n in heads.items() if n >= 2 and len(h) > 3}
    return sorted(words | {_plural(w) for w in words})


def regular_forms(lemma: str) -> set[str]:
    """-s, -ed, -ing forms by the ordinary spelling rules (the pre-filter sees raw words)."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    out = {head}
    if head.endswith("e"):
        out |= {head + "s", head + "d", head[:-1] + "ing"}
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        out |= {head[:-1] + "ies", head[:-1] + "ied", head + "ing"}
    elif head.endswith(("s", "x", "z", "ch", "sh")):
        out |= {head + "es", head + "ed", head + "ing"}
    else:
        out |= {head + "s", head + "ed", head + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", head):
            out |= {head + head[-1] + "ed", head + head[-1] + "ing"}
    return {w + tail for w in out}


def build(shared: Path) -> dict:
    src = shared / "refdata" / "events" / "petrarch2_dictionaries" / "CAMEO.2.0.txt"
    table = read_table(shared / "refdata" / "events" / "plover_CAMEO2PLOVER-2021.txt")
    review = json.loads((DATA / "cameo_review.json").read_text(encoding="utf-8"))
    lines = src.read_text(encoding="latin-1").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    end = next(i for i, line in enumerate(lines) if line.startswith("######## TRANSFORMATIONS"))
    synonyms = read_synonyms(lines[:start])
    verbs, irregular, patterns = read_verbs(lines[start + 1:end], synonyms)
    dropped = set(review["drop_lemmas"])
    bare = set(review["bare"])
    lemmas: dict[str, dict] = {}
    for lemma, code in sorted(verbs.items()):
        if lemma in dropped or not _LEMMA.fullmatch(lemma) or " and " in lemma:
            continue  # dictionary lines that carry a comment or a conjunction rather than one verb
        row: dict = {"code": code, "plover": None, "bare": lemma in bare, "origin": f"dictionary:CAMEO.2.0 {code or '---'}"}
        if code:
            row["plover"], reason = plover_of(code, table, review)
            if reason:
                row["review"] = reason
        if lemma in review["lemmas"]:
            row["plover"], row["review"] = review["lemmas"][lemma]["plover"], review["lemmas"][lemma]["reason"]
        pats = []
        for p in patterns.get(lemma, []):
            plover, reason = plover_of(p["code"], table, review)
            if review["lemmas"].get(lemma, {}).get("patterns") and plover:
                plover, reason = review["lemmas"][lemma]["plover"], review["lemmas"][lemma]["reason"]
            pats.append({"words": p["words"], "code": p["code"], "plover": plover, **({"review": reason} if reason else {})})
        if pats:
            row["patterns"] = sorted(pats, key=lambda p: (-len(p["words"]), p["code"]))
        if not (row["plover"] and row["bare"]) and not any(p["plover"] for p in pats):
            continue
        lemmas[lemma] = row
    for g in review["general"]:
        if g["plover"] is None and g["lemma"] in lemmas and not g.get("expect"):
            # object patterns added to a dictionary verb ("voice * COMPLAINTS"): each keeps its own origin and example
            extra = [{**p, "code": None, "origin": "general", "example": g["example"]} for p in g["patterns"]]
            lemmas[g["lemma"]]["patterns"] = extra + lemmas[g["lemma"]].get("patterns", [])
            continue
        row = {"code": None, "plover": g["plover"], "bare": g["plover"] is not None, "origin": "general", "example": g["example"]}
        if g.get("expect"):
            row["expect"] = g["expect"]  # what the example codes once negation or modality applies
        if g.get("patterns"):
            row["patterns"] = [{**p, "code": None} for p in g["patterns"]]
        lemmas[g["lemma"]] = row
    forms: dict[str, str] = {}
    for lemma in lemmas:
        for form in regular_forms(lemma):
            forms.setdefault(form, lemma)
    for form, lemma in [*irregular.items(), *review.get("forms", {}).items()]:
        if lemma in lemmas:
            forms[form] = lemma
    dropped_agents = set(review["drop_agents"]) | {_plural(w) for w in review["drop_agents"]}
    agents = [a for a in read_agents(shared / "refdata" / "events" / "petrarch2_dictionaries" / "Phoenix.agents.txt")
              if a not in dropped_agents]
    return {
        "agents": agents,
        "about": "CAMEO verb lemmas with their CAMEO code and PLOVER type, built by scripts/build_cameo_triggers.py "
                 "from PETRARCH2's CAMEO.2.0.txt (MIT, Open Event Data Alliance) and PLOVER's CAMEO-to-PLOVER table, "
                 "with the corrections of cameo_review.json; `agents` are the state agents (government, military, police, "
                 "legislature, judiciary, business) of PETRARCH2's Phoenix.agents.txt. Do not edit by hand: rebuild.",
        "lemmas": lemmas,
        "forms": dict(sorted(forms.items())),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, default=DATA / "cameo_triggers.json")
    args = ap.parse_args(argv)
    if not (args.shared / "refdata" / "events").is_dir():
        print(f"error: {args.shared}/refdata/events not found (pass --shared)", file=sys.stderr)
        return 2
    data = build(args.shared)
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    n_pat = sum(len(r.get("patterns", [])) for r in data["lemmas"].values())
    print(f"{len(data['lemmas'])} lemmas, {n_pat} patterns, {len(data['forms'])} forms -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
