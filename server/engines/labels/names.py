"""A tag's name in both UI languages (es, en), so a client shows it in whichever is active.

Tags stored since both names are kept carry them (``names``). Tags stored before name one
language only; their other name is worked out here, on read, from the same words the engines
use: the local engine's vocabulary and the Rekognition glossary. A name neither knows (a word
read in the image, a year, a camera, a label Amazon Translate named) is the same in both.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from server.engines.labels.base import LabelLanguage
from server.engines.labels.glossary import SPANISH_LABELS

LANGUAGES: tuple[LabelLanguage, ...] = ("es", "en")

# The local engine's words (``server.engines.labels.local`` builds its tags from these).
FACT_CONFIDENCE = 100.0  # shape and EXIF tags are facts of the file
MONTHS: dict[LabelLanguage, list[str]] = {
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"],
}  # fmt: skip
VOCABULARY: dict[str, dict[LabelLanguage, str]] = {
    "person": {"es": "Persona", "en": "Person"},
    "people": {"es": "{count} personas", "en": "{count} people"},
    "group": {"es": "Grupo", "en": "Group"},
    "smile": {"es": "Sonrisa", "en": "Smile"},
    "text": {"es": "Texto", "en": "Text"},
    "portrait": {"es": "Vertical", "en": "Portrait"},
    "landscape": {"es": "Horizontal", "en": "Landscape"},
    "square": {"es": "Cuadrada", "en": "Square"},
    "panorama": {"es": "Panorámica", "en": "Panorama"},
    "month": {"es": "{month} de {year}", "en": "{month} {year}"},
}
_SHAPES = ("portrait", "landscape", "square", "panorama")


def vocabulary_names(key: str, **values: object) -> dict[LabelLanguage, str]:
    """A local engine tag (``VOCABULARY[key]``) in both languages."""
    return {language: VOCABULARY[key][language].format(**values) for language in LANGUAGES}


def month_names(month: int, year: int) -> dict[LabelLanguage, str]:
    """The "June 2021" tag (``month`` 1-12) in both languages."""
    return {
        language: VOCABULARY["month"][language].format(
            month=MONTHS[language][month - 1].capitalize(), year=year
        )
        for language in LANGUAGES
    }


_WORDS: dict[LabelLanguage, dict[str, str]] = {"es": {}, "en": {}}  # a name -> its key
for _key, _names in VOCABULARY.items():
    if "{" not in _names["es"]:
        for _language in LANGUAGES:
            _WORDS[_language][_names[_language]] = _key
_ENGLISH_GLOSSARY: dict[str, str] = {}  # Spanish -> English; the first English name wins
for _english, _spanish in SPANISH_LABELS.items():
    _ENGLISH_GLOSSARY.setdefault(_spanish, _english)
_PEOPLE = {"es": re.compile(r"^(\d+) personas$"), "en": re.compile(r"^(\d+) people$")}
_MONTH = {"es": re.compile(r"^(\w+) de (\d{4})$"), "en": re.compile(r"^(\w+) (\d{4})$")}


def inferred_names(name: str, confidence: float, language: str | None) -> dict[LabelLanguage, str]:
    """Both names of a tag stored with only its ``language`` name (rows tagged before)."""
    if language == "en":
        return {"es": _other_name(name, confidence == FACT_CONFIDENCE, "en"), "en": name}
    return {"es": name, "en": _other_name(name, confidence == FACT_CONFIDENCE, "es")}


@lru_cache(maxsize=4096)  # read paths ask again and again for the same few tags
def _other_name(name: str, fact: bool, stored: LabelLanguage) -> str:
    other: LabelLanguage = "es" if stored == "en" else "en"
    key = _WORDS[stored].get(name)
    # "Portrait" and "Landscape" are words of both engines: the local engine's shape tag
    # (Vertical, Horizontal) is a fact, at full confidence; Rekognition's are scenes (Retrato...).
    if key in _SHAPES and fact:
        return VOCABULARY[key][other]
    glossary = SPANISH_LABELS if stored == "en" else _ENGLISH_GLOSSARY
    if name in glossary:
        return glossary[name]
    if key is not None:
        return VOCABULARY[key][other]
    if people := _PEOPLE[stored].match(name):
        return vocabulary_names("people", count=people.group(1))[other]
    month = _MONTH[stored].match(name)
    months = [known.casefold() for known in MONTHS[stored]]
    if month and month.group(1).casefold() in months:
        number = months.index(month.group(1).casefold()) + 1
        return month_names(number, int(month.group(2)))[other]
    return name


def label_names(label: Mapping[str, Any], language: str | None) -> dict[LabelLanguage, str]:
    """A stored tag's name in each UI language (``language``: the row's ``labels_language``)."""
    names = label.get("names")
    if names is not None:  # stored at tagging time
        return dict(names)
    return inferred_names(str(label.get("name", "")), float(label.get("confidence", 0)), language)
