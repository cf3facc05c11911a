"""The ``Translator`` protocol, its result shapes and its errors.

Language codes are ISO 639-1 (``en``, ``es``, ``fr``, ``pt``, ``it`` ...), as Amazon Translate
uses them. ``Translation`` mirrors TranslateText's answer (translated text plus the source
language it used) and adds whether that source was detected with confidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

TRANSLATION_UNAVAILABLE = "translation_unavailable"

# Endonyms: a language picker shows each language in its own name, whatever the UI language.
LANGUAGE_ENDONYMS: dict[str, str] = {
    "ar": "العربية",
    "ca": "Català",
    "de": "Deutsch",
    "en": "English",
    "es": "Español",
    "eu": "Euskara",
    "fr": "Français",
    "gl": "Galego",
    "it": "Italiano",
    "ja": "日本語",
    "nl": "Nederlands",
    "pt": "Português",
    "ru": "Русский",
    "zh": "中文",
}


@dataclass(frozen=True)
class Language:
    code: str
    name: str


@dataclass(frozen=True)
class Translation:
    """One translated text.

    ``detected`` is True when ``source_language`` was detected with confidence; it is False when
    the caller gave the source, and False with a ``note`` when the source was a guess.
    """

    text: str
    source_language: str
    target_language: str
    detected: bool
    note: str | None = None


class UnsupportedLanguage(Exception):
    """A language code (or a pair) the configured translator does not offer (HTTP 400)."""

    code = "unsupported_language"

    def __init__(self, language: str, message: str | None = None) -> None:
        self.language = language
        self.message = message or f"Language '{language}' is not offered by this translator."
        super().__init__(self.message)


class EmptyText(ValueError):
    """A text to translate is empty or only whitespace (HTTP 400)."""

    code = "empty_text"


class Translator(Protocol):
    """Translates short texts (photo descriptions) between languages."""

    name: str

    def languages(self) -> list[Language]:
        """Languages this translator can translate into and from, sorted by code."""
        ...

    def translate(
        self, texts: list[str], target: str, source: str | None = None
    ) -> list[Translation]:
        """Translate every text into ``target``; ``source=None`` detects each text's language.

        Raises ``EmptyText`` for an empty text, ``UnsupportedLanguage`` for a code (or pair) not
        offered, ``EngineUnavailable`` when the engine cannot run.
        """
        ...

    def detect_language(self, text: str) -> tuple[str, bool]:
        """The most likely language of ``text`` and whether the guess is confident."""
        ...


def language_name(code: str, fallback: str | None = None) -> str:
    """The endonym of ``code`` when known, else ``fallback`` or the code itself."""
    return LANGUAGE_ENDONYMS.get(code, fallback or code)


def check_texts(texts: list[str]) -> None:
    """Raise ``EmptyText`` when there is nothing to translate in one of ``texts``."""
    if not texts:
        raise EmptyText("No text to translate.")
    for index, text in enumerate(texts):
        if not text or not text.strip():
            raise EmptyText(f"Text {index} is empty: there is nothing to translate.")


def guessed_source_note(language: str, reason: str) -> str:
    """The note attached to a translation whose source language was assumed, not detected."""
    return (
        f"The source language could not be detected reliably ({reason}); "
        f"assumed {language_name(language)} ({language})."
    )
