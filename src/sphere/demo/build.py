"""Builds the demo bundle: the public-domain Voice of America stories of the silk-road-regained corpus.

    python -m sphere.demo.build ../shared/corpora/silk-road-regained

VOA stories are works of the U.S. government (public domain), so they may ship with sphere;
the other outlets of that corpus keep their copyright and are left out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sphere.errors import InputError
from sphere.sources import read_inputs

OUT = Path(__file__).with_name("data") / "voa_belt_and_road.jsonl"


def build(src: Path) -> int:
    files = sorted(str(p) for p in src.glob("*.md") if "-voa-" in p.name)
    n = 0
    with open(OUT, "w", encoding="utf-8") as fh:
        for item in read_inputs(files):
            if isinstance(item, InputError):
                print(f"skipped {item.item}: {item.reason}", file=sys.stderr)
                continue
            rec = {"id": item.id, "title": item.title, "published": item.published.isoformat() if item.published else None,
                   "url": item.url, "source": "Voice of America", "text": item.text}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


if __name__ == "__main__":
    print(build(Path(sys.argv[1])), "stories written to", OUT)
