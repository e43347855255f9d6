"""The demo prints what it read as text, never as Rich markup: a source or evidence with square brackets
("[red]", "[/bold]") is shown as written."""

from __future__ import annotations

import io

from rich.console import Console

from sphere.demo import _digest, bundled_documents
from sphere.nlp.pipeline import extract_documents
from sphere.refdata.load import load_reference
from sphere.verify import verify_claim


def test_digest_shows_bracketed_user_text_as_written():
    doc = next(d for d in bundled_documents() if "Djibouti" in d.text)
    (result,) = extract_documents([doc])
    claim = result.claims[0].model_copy(update={"source": "[red]IMF[/red]"})
    event = result.events[0].model_copy(update={"evidence": "Beijing [bold]agreed[/bold] to [/] lend."})
    result = result.model_copy(update={"claims": [claim], "events": [event]})
    verdicts = {(result.id, 0): verify_claim(claim, published=result.published, ref=load_reference())}
    out = io.StringIO()
    _digest([result], verdicts, Console(file=out, width=200, color_system=None), "stored in [x]: 1 new article")
    text = out.getvalue()
    assert "[red]IMF[/red]" in text
    assert "Beijing [bold]agreed[/bold] to [/] lend." in text
    assert "stored in [x]: 1 new article" in text
