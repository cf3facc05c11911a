"""Opaque page cursors: a tagged, bounded integer in URL-safe base64."""

from __future__ import annotations

import base64
import binascii

from server.errors import ValidationFailed


def encode_cursor(tag: str, value: int) -> str:
    return base64.urlsafe_b64encode(f"{tag}{value}".encode()).decode().rstrip("=")


def decode_cursor(tag: str, cursor: str, *, maximum: int) -> int:
    """The integer behind ``cursor``; any tampering (other tag, non-digits, a value outside
    1..maximum) answers 400 ``invalid_cursor`` rather than reaching the database."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        digits = raw[len(tag) :] if raw.startswith(tag) else ""
        if not digits.isascii() or not digits.isdigit() or len(digits) > len(str(maximum)):
            raise ValueError(raw)
        value = int(digits)
        if not 0 < value <= maximum:
            raise ValueError(raw)
        return value
    except (ValueError, UnicodeDecodeError, binascii.Error) as exc:
        raise ValidationFailed(
            "The page cursor is not valid; start from the first page.",
            code="invalid_cursor",
            fields={"cursor": "invalid"},
        ) from exc
