"""Checks every reader applies to what it reads: pure functions that raise `Rejected` with one clear reason.

    decode(data)            bytes -> str: UTF-8 (with or without BOM), UTF-16 with BOM, or cp1252 when the
                            bytes look like cp1252 text; else "not valid UTF-8 text (byte 0x.. at offset N)"
    check_binary(data)      NUL bytes or many control characters: "binary file, not text"
    check_text(text, ...)   "empty text", "text is 3.1 MB, over the 2 MB limit", "not English (looks like ...)"
    check_fields(fields)    "title is not valid UTF-8 text (lone surrogate at offset 4)"

Readers catch `Rejected` and yield `InputError(origin, reason)`, so the reason strings live here only.
"""

from __future__ import annotations

import codecs
from collections.abc import Mapping

from sphere.sources.language import guess_language

SNIFF_BYTES = 8192
MAX_CONTROL_SHARE = 0.10  # share of control characters above which bytes are taken to be binary
MAX_CP1252_SHARE = 0.20  # cp1252 text is mostly ASCII: more high bytes than this is not text
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
# Non-ASCII characters that real cp1252 text is made of, besides letters.
_CP1252_PUNCT = frozenset("‘’‚“”„–—…•·€£¥¢©®™°±×÷§¶«»¿¡ \xa0½¼¾²³µ")


class Rejected(ValueError):  # noqa: N818 - a verdict, not a bug
    """The input was read but cannot be used; `reason` says why in a few words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def format_size(n: int) -> str:
    """Bytes in the units a reader of a message thinks in: 950 bytes, 12.5 kB, 3.1 MB."""
    if n < 1000:
        return f"{n} bytes"
    value, unit = (n / 1e6, "MB") if n >= 1_000_000 else (n / 1e3, "kB")
    return f"{value:.1f}".removesuffix(".0") + f" {unit}"


def too_large(kind: str, size: int, limit: int) -> Rejected:
    shown, shown_limit = format_size(size), format_size(limit)
    if shown == shown_limit:  # rounding hid the difference: show exact counts
        shown, shown_limit = f"{size:,} bytes", f"{limit:,} bytes"
    return Rejected(f"{kind} is {shown}, over the {shown_limit} limit")


def check_binary(data: bytes) -> None:
    """Reject bytes that are not text: any NUL byte, or a high share of control characters."""
    head = data[:SNIFF_BYTES]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    if b"\x00" in head:
        raise Rejected("binary file, not text")
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS) + head.count(b"\x7f")
    if head and controls / len(head) > MAX_CONTROL_SHARE:
        raise Rejected("binary file, not text")


def _looks_like_cp1252(text: str) -> bool:
    high = [ch for ch in text if ord(ch) > 127]
    if len(high) > MAX_CP1252_SHARE * len(text):
        return False
    return all(ch.isalpha() or ch in _CP1252_PUNCT for ch in high)


def decode(data: bytes) -> str:
    """Decode input bytes: UTF-8 (BOM dropped), UTF-16 with a BOM, or plausible cp1252."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise Rejected(f"not valid UTF-16 text (offset {exc.start})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        error = exc
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_like_cp1252(text):
        return text
    offset = error.start + (3 if data.startswith(codecs.BOM_UTF8) else 0)
    raise Rejected(f"not valid UTF-8 text (byte 0x{data[offset]:02x} at offset {offset})")


def check_fields(fields: Mapping[str, object]) -> None:
    """Reject string fields (title, url, source...) that cannot be written as UTF-8: a lone surrogate."""
    for name, value in fields.items():
        if isinstance(value, str):
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise Rejected(f"{name} is not valid UTF-8 text (lone surrogate at offset {exc.start})") from None


def check_text(text: str, *, max_bytes: int) -> None:
    """Reject text that is empty, over `max_bytes` as UTF-8, not encodable, or not English."""
    if not text.strip():
        raise Rejected("empty text")
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        raise Rejected(f"not valid UTF-8 text (lone surrogate at offset {exc.start})") from None
    if size > max_bytes:
        raise too_large("text", size, max_bytes)
    language = guess_language(text)
    if language is not None:
        raise Rejected(f"not English (looks like {language})")
