"""Interface language: Qt Linguist translations (Spanish source), switchable at run time."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.assets import TRANSLATIONS
from desktop.core import messages

log = logging.getLogger(__name__)

LANGUAGES = ("es", "en")


def system_language() -> str:
    """``es`` when the system speaks Spanish, else ``en``."""
    return "es" if QLocale.system().name().lower().startswith("es") else "en"


class LanguageSwitcher:
    """Installs the translator for a language; widgets retranslate on ``LanguageChange``."""

    # Translators are global to the application: whichever switcher installed them, the next
    # switch removes them (several windows in one process must not stack two languages).
    _installed: list[QTranslator] = []  # noqa: RUF012

    def __init__(self) -> None:
        self.language = "es"

    def apply(self, language: str) -> str:
        """Switch to ``language`` (empty = the system's); returns the language now active."""
        language = language if language in LANGUAGES else system_language()
        for old in LanguageSwitcher._installed:
            QCoreApplication.removeTranslator(old)
        LanguageSwitcher._installed.clear()
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Qt's own strings (dialog buttons, the file dialog, context menus of text fields) and ours.
        for name, folder in (
            (f"qtbase_{language}", qt_folder),
            (f"facealbum_{language}", str(TRANSLATIONS)),
        ):
            translator = QTranslator()
            if translator.load(name, folder):
                QCoreApplication.installTranslator(translator)
                LanguageSwitcher._installed.append(translator)
            elif name.startswith("facealbum") or language != "en":
                log.warning("no compiled translation %s in %s", name, folder)
        self.language = language
        messages.set_language(language)
        QLocale.setDefault(
            QLocale(QLocale.Language.Spanish if language == "es" else QLocale.Language.English)
        )
        return language
