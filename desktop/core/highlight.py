"""Mark the words of a text that a search matched (folded as the server folds them)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence

_WORD = re.compile(r"\w+", re.UNICODE)


def fold(word: str) -> str:
    """Lower case without accents, as the server's search index stores words."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def matched_words(text: str, terms: Sequence[str]) -> list[str]:
    """The words of ``text`` that start with one of the (folded) search ``terms``."""
    return [
        m.group(0)
        for m in _WORD.finditer(text)
        if any(fold(m.group(0)).startswith(t) for t in terms)
    ]


def highlight_html(text: str, terms: Sequence[str], style: str = "background:#fff1a8") -> str:
    """``text`` as HTML with every word matching a term wrapped in a highlighted ``<b>``."""
    if not terms:
        return html.escape(text)
    out: list[str] = []
    last = 0
    for match in _WORD.finditer(text):
        word = match.group(0)
        if any(fold(word).startswith(term) for term in terms):
            out.append(html.escape(text[last : match.start()]))
            out.append(f'<b style="{style}">{html.escape(word)}</b>')
            last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out).replace("\n", "<br>")
