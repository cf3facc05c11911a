"""Interface language: Qt Linguist translations (Spanish source), switchable at run time."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop.assets import TRANSLATIONS
from desktop.core import messages

log = logging.getLogger(__name__)

LANGUAGES = ("es", "en")


def system_language() -> str:
    """``es`` when the system speaks Spanish, else ``en``."""
    return "es" if QLocale.system().name().lower().startswith("es") else "en"


class LanguageSwitcher:
    """Installs the translator for a language; widgets retranslate on ``LanguageChange``."""

    def __init__(self) -> None:
        self._translator: QTranslator | None = None
        self.language = "es"

    def apply(self, language: str) -> str:
        """Switch to ``language`` (empty = the system's); returns the language now active."""
        language = language if language in LANGUAGES else system_language()
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        translator = QTranslator()
        if translator.load(str(TRANSLATIONS / f"facealbum_{language}.qm")):
            QCoreApplication.installTranslator(translator)
            self._translator = translator
        else:
            log.warning("no compiled translation for %s", language)
        self.language = language
        messages.set_language(language)
        QLocale.setDefault(QLocale(QLocale.Language.Spanish if language == "es" else QLocale.Language.English))
        return language
