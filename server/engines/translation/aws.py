"""Amazon Translate: ``TranslateText`` with an auto-detected source language.

When Translate is not confident about the source (``DetectedLanguageLowConfidenceException``)
the call is retried with the best guess: the code Translate put in the error, else the local
Apertium detector when one is installed, else the fallback language (Spanish). The language list
comes from ``ListLanguages`` (fetched once per process): Translate's catalogue grows over time
and a static copy would drift from what the account can actually use.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

import boto3
from botocore.exceptions import BotoCoreError, ClientError, NoCredentialsError

from server.engines.aws_client import LazyClient
from server.engines.shapes import EngineUnavailable
from server.engines.translation.base import (
    TRANSLATION_UNAVAILABLE,
    Language,
    Translation,
    Translator,
    UnsupportedLanguage,
    check_texts,
    guessed_source_note,
    language_name,
)

if TYPE_CHECKING:
    from mypy_boto3_translate import TranslateClient

logger = logging.getLogger(__name__)

AUTO = "auto"
CREDENTIALS_HINT = (
    "Amazon Translate needs AWS credentials (an IAM role, or ACCESS_KEY_ID / SECRET_ACCESS_KEY "
    "and REGION) with translate:TranslateText and translate:ListLanguages; or set the "
    "translation engine to 'local'."
)


class AwsTranslator:
    """Translator backed by Amazon Translate."""

    name = "aws"

    def __init__(
        self,
        client: TranslateClient | None = None,
        *,
        region: str | None = None,
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        fallback_language: str = "es",
        local_detector: Translator | None = None,
    ) -> None:
        self._lazy_client: LazyClient[TranslateClient] = LazyClient(
            lambda: boto3.client(
                "translate",
                region_name=region,
                aws_access_key_id=access_key_id,
                aws_secret_access_key=secret_access_key,
            ),
            client,
        )
        self.fallback_language = fallback_language
        self._local_detector = local_detector
        self._languages: list[Language] | None = None
        self._languages_lock = threading.Lock()

    def languages(self) -> list[Language]:
        """Translate's languages (``ListLanguages``), endonyms where known, sorted by code."""
        if self._languages is None:
            with self._languages_lock:
                if self._languages is None:
                    self._languages = self._list_languages()
        return self._languages

    def translate(
        self, texts: list[str], target: str, source: str | None = None
    ) -> list[Translation]:
        """Translate each text with one ``TranslateText`` call (the API takes one text)."""
        check_texts(texts)
        codes = {language.code for language in self.languages()}
        if target not in codes:
            raise UnsupportedLanguage(target)
        if source is not None and source not in codes:
            raise UnsupportedLanguage(source)
        return [self._translate_one(text, target, source) for text in texts]

    def detect_language(self, text: str) -> tuple[str, bool]:
        """The source language Translate detects (by translating into English)."""
        check_texts([text])
        translation = self._translate_one(text, "en", None)
        return translation.source_language, translation.detected

    # -----------------------------------------------------------------------------------------
    def client(self) -> TranslateClient:
        """The boto3 client, created on first use."""
        return self._lazy_client.get()

    def _translate_one(self, text: str, target: str, source: str | None) -> Translation:
        if source == target:
            return Translation(text, source, target, detected=False)
        try:
            answer = self._call(text, source or AUTO, target)
        except ClientError as error:
            if _error_code(error) != "DetectedLanguageLowConfidenceException" or source:
                raise
            guess, origin = self._best_guess(text, error)
            logger.info("Translate unsure of the source language; retrying with %s", guess)
            note = guessed_source_note(guess, f"Amazon Translate was not confident; {origin}")
            if guess == target:
                return Translation(text, guess, target, detected=False, note=note)
            answer = self._call(text, guess, target)
            return Translation(answer["TranslatedText"], guess, target, detected=False, note=note)
        return Translation(
            text=answer["TranslatedText"],
            source_language=answer["SourceLanguageCode"],
            target_language=answer["TargetLanguageCode"],
            detected=source is None,
        )

    def _call(self, text: str, source: str, target: str) -> dict[str, Any]:
        try:
            answer = self.client().translate_text(
                Text=text, SourceLanguageCode=source, TargetLanguageCode=target
            )
        except ClientError as error:
            code = _error_code(error)
            if code == "DetectedLanguageLowConfidenceException":
                raise
            if code == "UnsupportedLanguagePairException":
                raise UnsupportedLanguage(
                    target, f"Amazon Translate cannot translate {source} to {target}."
                ) from error
            raise EngineUnavailable(
                TRANSLATION_UNAVAILABLE, f"Amazon Translate failed ({code}). {CREDENTIALS_HINT}"
            ) from error
        except (NoCredentialsError, BotoCoreError) as error:
            raise EngineUnavailable(
                TRANSLATION_UNAVAILABLE,
                f"Amazon Translate unreachable: {error}. {CREDENTIALS_HINT}",
            ) from error
        return dict(answer)

    def _best_guess(self, text: str, error: ClientError) -> tuple[str, str]:
        """The language to retry with, and where the guess came from (for the note)."""
        detected = error.response.get("DetectedLanguageCode")
        if isinstance(detected, str) and detected:
            return detected, "used its best guess"
        if self._local_detector is not None:
            try:
                language, _ = self._local_detector.detect_language(text)
                return language, "guessed by the local detector"
            except EngineUnavailable:
                logger.info("No local language detector to fall back on")
        return self.fallback_language, "used the default language"

    def _list_languages(self) -> list[Language]:
        languages: list[Language] = []
        request: dict[str, Any] = {"DisplayLanguageCode": "en", "MaxResults": 500}
        try:
            while True:
                page = self.client().list_languages(**request)
                for item in page.get("Languages", []):
                    code = item["LanguageCode"]
                    if code != AUTO:
                        languages.append(Language(code, language_name(code, item["LanguageName"])))
                token = page.get("NextToken")
                if not token:
                    break
                request["NextToken"] = token
        except (ClientError, BotoCoreError) as error:
            raise EngineUnavailable(
                TRANSLATION_UNAVAILABLE,
                f"Amazon Translate could not list its languages: {error}. {CREDENTIALS_HINT}",
            ) from error
        return sorted(languages, key=lambda language: language.code)


def _error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))
