"""Validation of user-typed text: names, descriptions, usernames, emails, passwords."""

from __future__ import annotations

import re
import unicodedata

from server.errors import ValidationFailed

USERNAME_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9_.-]{1,30})[A-Za-z0-9]$")
EMAIL_RE = re.compile(
    r"^[^@\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$"
)


def _has_control_chars(value: str, *, allow_newlines: bool) -> bool:
    for char in value:
        if allow_newlines and char in "\n\t":
            continue
        if unicodedata.category(char) in ("Cc", "Cs"):
            return True
    return False


def clean_text(
    value: str | None,
    *,
    field: str,
    label: str,
    max_length: int,
    required: bool,
    allow_newlines: bool = False,
) -> str:
    """Trim and validate a name or description; raises ValidationFailed naming the field."""
    text = unicodedata.normalize("NFC", (value or "").strip())
    if allow_newlines:
        text = text.replace("\r\n", "\n")
    if required and not text:
        raise ValidationFailed(
            f"{label} cannot be empty.", code="validation_error", fields={field: "required"}
        )
    if len(text) > max_length:
        raise ValidationFailed(
            f"{label} can be at most {max_length} characters.",
            code="validation_error",
            fields={field: f"at most {max_length} characters"},
        )
    if _has_control_chars(text, allow_newlines=allow_newlines):
        raise ValidationFailed(
            f"{label} contains characters that are not allowed.",
            code="validation_error",
            fields={field: "invalid characters"},
        )
    return text


def name_key(name: str) -> str:
    """The case-insensitive identity of a name (albums are unique per user by this key)."""
    return unicodedata.normalize("NFC", name.casefold())


def normalize_login(value: str) -> str:
    """How usernames and emails compare: trimmed, NFC, case-folded (``José``/``jose\u0301``
    and ``KATE``/``kate`` are one name)."""
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", value.strip()).casefold())


def username_key(username: str) -> str:
    return normalize_login(username)


def clean_username(value: str | None) -> str:
    username = (value or "").strip()
    if not USERNAME_RE.match(username):
        raise ValidationFailed(
            "Usernames have 3 to 32 letters, digits, dots, dashes or underscores, "
            "and start and end with a letter or digit.",
            fields={"username": "invalid format"},
        )
    return username


def clean_email(value: str | None) -> str:
    email = normalize_login(value or "")
    if len(email) > 254 or not EMAIL_RE.match(email):
        raise ValidationFailed("Enter a valid email address.", fields={"email": "invalid format"})
    return email


def check_new_password(password: str | None, *, field: str, min_length: int) -> str:
    password = password or ""
    if len(password) < min_length:
        raise ValidationFailed(
            f"The password needs at least {min_length} characters.",
            code="weak_password",
            fields={field: f"at least {min_length} characters"},
        )
    if len(password) > 256:
        raise ValidationFailed(
            "The password can be at most 256 characters.",
            code="weak_password",
            fields={field: "too long"},
        )
    if password.isdigit() or len(set(password)) < 4:
        raise ValidationFailed(
            "That password is too easy to guess: mix letters, digits or symbols.",
            code="weak_password",
            fields={field: "too simple"},
        )
    return password
