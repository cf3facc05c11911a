"""Language identification of short captions from evidence Apertium already has.

No language-identification model ships with Debian or pip without a download, so each candidate
language's morphological analyser (the first stage of its Apertium pairs) says which words it
knows; function words and a few letters unique to one language break ties between close
languages (Spanish, Portuguese, Italian share many word forms). A guess is only called confident
when one language clearly beats the others; callers fall back to a default language otherwise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# The most frequent function words of each language; short lists on purpose: a caption is short.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": _word_set(
        "the a an and of to in on at with for from my our your his her their is are was were "
        "this that these those it we you they i me us by be been have has"
    ),
    "es": _word_set(
        "el la los las un una unos unas y de del al en con por para mi mis tu tus su sus es son "
        "está están fue este esta estos estas que se nos yo muy sin"
    ),
    "fr": _word_set(
        "le la les un une des et de du au aux en avec pour par mon ma mes ton ta tes son sa ses "
        "est sont était ce cette ces qui que nous vous je sur dans chez"
    ),
    "pt": _word_set(
        "o a os as um uma uns umas e de do da dos das no na nos nas em com por para meu minha "
        "meus minhas seu sua é são foi este esta isso que nós eu muito sem"
    ),
    "it": _word_set(
        "il lo la i gli le un uno una e di del della dei delle al alla in con per mio mia miei "
        "mie suo sua è sono era questo questa che noi io molto sul nel"
    ),
}

# Letters that only one candidate language writes.
_DISTINCTIVE_LETTERS: dict[str, str] = {"ñ": "es", "¿": "es", "¡": "es", "ã": "pt", "õ": "pt"}

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# Decision thresholds, chosen on captions of two to eight words.
MIN_KNOWN_RATIO = 0.5
MIN_MARGIN = 0.15


@dataclass(frozen=True)
class WordCoverage:
    """How many of a text's words one language's analyser knows."""

    known: int
    total: int

    @property
    def ratio(self) -> float:
        return self.known / self.total if self.total else 0.0


@dataclass(frozen=True)
class LanguageGuess:
    language: str
    confident: bool
    scores: dict[str, float]


def words_of(text: str) -> list[str]:
    """The words of ``text`` (letters only, apostrophe contractions kept together)."""
    return _WORD.findall(text)


def score_languages(text: str, coverage: dict[str, WordCoverage]) -> dict[str, float]:
    """A score per candidate language: known-word ratio plus function-word and letter evidence."""
    words = [word.lower() for word in words_of(text)]
    lowered = text.lower()
    scores: dict[str, float] = {}
    for language, covered in coverage.items():
        stopword_hits = sum(1 for word in words if word in STOPWORDS.get(language, frozenset()))
        stopword_ratio = stopword_hits / len(words) if words else 0.0
        letter_bonus = 0.3 * sum(
            1
            for letter, owner in _DISTINCTIVE_LETTERS.items()
            if owner == language and letter in lowered
        )
        scores[language] = covered.ratio + 0.5 * stopword_ratio + letter_bonus
    return scores


def decide(text: str, coverage: dict[str, WordCoverage], fallback: str) -> LanguageGuess:
    """The best-scoring language, confident only with enough known words and a clear margin.

    When unsure, ``fallback`` is preferred if it scores about as well as the best language (a
    caption of names or numbers says nothing); a clearly better language is still preferred.
    """
    scores = score_languages(text, coverage)
    if not scores or not words_of(text):
        return LanguageGuess(fallback, False, scores)
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    best_language, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if coverage[best_language].ratio >= MIN_KNOWN_RATIO and best_score - runner_up >= MIN_MARGIN:
        return LanguageGuess(best_language, True, scores)
    fallback_score = scores.get(fallback)
    if fallback_score is not None and best_score - fallback_score < MIN_MARGIN:
        return LanguageGuess(fallback, False, scores)
    return LanguageGuess(best_language, False, scores)
