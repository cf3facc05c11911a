"""The words a photo is found by, folded the same way for the index and for queries.

Folding happens here in Python (not in the database's collation or tokenizer) so SQLite and
MySQL/MariaDB index and match exactly the same tokens: lower case, no accents (``canción`` and
``CUMPLEAÑOS`` become ``cancion`` and ``cumpleanos``), anything that is not a letter or digit a
separator.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime

from server.engines.labels.names import label_names

# MySQL's innodb_ft_min_token_size is 3: shorter words are not indexed there, so they are not
# searched on either database (the result would differ between them otherwise).
MIN_TERM_LENGTH = 3
MAX_TERMS = 8

_SEPARATORS = re.compile(r"[^0-9a-z]+")

MONTHS = {
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "en": [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
}


def fold(text: str) -> str:
    """Lower case, accents removed, runs of non-alphanumerics turned into one space."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub(" ", bare).strip()


def words(text: str) -> list[str]:
    return fold(text).split()


def label_names_both_languages(
    labels: Iterable[dict[str, object]], language: str | None
) -> list[str]:
    """Each tag in both UI languages (es, en): the names the photo view shows."""
    names: list[str] = []
    for label in labels:
        if label.get("name"):
            names.extend(dict.fromkeys(label_names(label, language).values()))
    return names


def date_words(moment: datetime | None) -> list[str]:
    if moment is None:
        return []
    return [str(moment.year), MONTHS["es"][moment.month - 1], MONTHS["en"][moment.month - 1]]


def build_search_text(
    *,
    name: str,
    description: str,
    album_name: str,
    labels: Iterable[dict[str, object]] | None,
    labels_language: str | None,
    ocr_text: str | None,
    camera: str | None,
    taken_at: datetime | None,
    created_at: datetime | None,
) -> str:
    """The photo's searchable words, folded, each distinct word once (first occurrence order)."""
    parts = [
        name,
        description,
        album_name,
        " ".join(label_names_both_languages(labels or [], labels_language)),
        ocr_text or "",
        camera or "",
        " ".join(date_words(taken_at or created_at)),
    ]
    seen: dict[str, None] = {}
    for part in parts:
        for word in words(part):
            seen.setdefault(word, None)
    return " ".join(seen)


def query_terms(query: str) -> list[str]:
    """The distinct folded words of a query that can be searched (at least MIN_TERM_LENGTH)."""
    seen: dict[str, None] = {}
    for word in words(query):
        if len(word) >= MIN_TERM_LENGTH:
            seen.setdefault(word, None)
    return list(seen)[:MAX_TERMS]
