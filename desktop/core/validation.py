"""Client-side checks for the account forms: password strength, username and email shape."""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_LENGTH = 8
_COMMON = {"password", "contraseña", "12345678", "123456789", "qwertyui", "facealbum", "iloveyou"}


@dataclass(frozen=True)
class Strength:
    """A score from 0 (unusable) to 4 (strong), and the key of the advice to show."""

    score: int
    advice: str  # too_short | common | add_variety | good | strong


def password_strength(password: str, *, username: str = "") -> Strength:
    """Score a password by length and variety; too short or common ones score 0."""
    if len(password) < MIN_LENGTH:
        return Strength(0, "too_short")
    lowered = password.lower()
    if lowered in _COMMON or (username and username.lower() in lowered):
        return Strength(1, "common")
    classes = sum(
        bool(re.search(pattern, password))
        for pattern in (r"[a-záéíóúñü]", r"[A-ZÁÉÍÓÚÑÜ]", r"\d", r"[^\w\s]")
    )
    score = (
        1
        + (classes >= 2)
        + (classes >= 3 or len(password) >= 14)
        + (len(password) >= 12 and classes >= 3)
    )
    score = min(score, 4)
    if score <= 2:
        return Strength(score, "add_variety")
    return Strength(score, "good" if score == 3 else "strong")


USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9_.-]{3,32}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
