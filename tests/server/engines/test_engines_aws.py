"""AWS adapters against botocore's Stubber: request parameters and response mapping."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

import boto3
import numpy as np
import pytest
from botocore.stub import ANY, Stubber
from PIL import Image

from server.analysis.tagging import stored_labels
from server.engines.labels.aws import AwsLabelEngine
from server.engines.shapes import BoundingBox, EngineUnavailable
from server.engines.text.aws import AwsTextEngine, rekognition_image_bytes
from server.engines.translation.aws import AwsTranslator
from server.engines.translation.base import UnsupportedLanguage
from server.engines.translation.local import LocalTranslator
from server.errors import ImageRejected

REGION = "eu-west-1"


@pytest.fixture
def rekognition() -> Iterator[tuple[Any, Stubber]]:
    client = boto3.client(
        "rekognition",
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    with Stubber(client) as stubber:
        yield client, stubber
        stubber.assert_no_pending_responses()


@pytest.fixture
def translate() -> Iterator[tuple[Any, Stubber]]:
    client = boto3.client(
        "translate",
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    with Stubber(client) as stubber:
        yield client, stubber
        stubber.assert_no_pending_responses()


def photo(mode: str = "RGB", size: tuple[int, int] = (640, 480)) -> Image.Image:
    return Image.new(mode, size, "white" if mode != "P" else 0)


# --- DetectText ------------------------------------------------------------------------------
def test_detect_text_keeps_lines_only_and_maps_boxes(rekognition: tuple[Any, Stubber]) -> None:
    client, stubber = rekognition
    box = {"Width": 0.2, "Height": 0.05, "Left": 0.1, "Top": 0.3}
    stubber.add_response(
        "detect_text",
        {
            "TextDetections": [
                {
                    "DetectedText": "Second line",
                    "Type": "LINE",
                    "Id": 1,
                    "Confidence": 97.5,
                    "Geometry": {
                        "BoundingBox": {"Width": 0.3, "Height": 0.05, "Left": 0.1, "Top": 0.5}
                    },
                },
                {
                    "DetectedText": "¿Dónde está?",
                    "Type": "LINE",
                    "Id": 0,
                    "Confidence": 99.123,
                    "Geometry": {"BoundingBox": box},
                },
                {
                    "DetectedText": "¿Dónde",
                    "Type": "WORD",
                    "Id": 2,
                    "ParentId": 0,
                    "Confidence": 99.0,
                    "Geometry": {"BoundingBox": box},
                },
            ]
        },
        {"Image": {"Bytes": ANY}},
    )

    result = AwsTextEngine(client).detect_text(photo("RGBA"))

    assert result.text == "¿Dónde está?\nSecond line"
    assert result.lines[0].confidence == 99.12
    assert result.lines[0].box == BoundingBox(left=0.1, top=0.3, width=0.2, height=0.05)


def test_detect_text_sends_jpeg_and_filters_when_asked(rekognition: tuple[Any, Stubber]) -> None:
    client, stubber = rekognition
    sent: dict[str, bytes] = {}

    def capture(params: dict[str, Any], **_: Any) -> None:
        sent["bytes"] = params["Image"]["Bytes"]

    client.meta.events.register("before-parameter-build.rekognition.DetectText", capture)
    stubber.add_response(
        "detect_text",
        {"TextDetections": []},
        {"Image": {"Bytes": ANY}, "Filters": {"WordFilter": {"MinConfidence": 80.0}}},
    )

    result = AwsTextEngine(client, min_confidence=80.0).detect_text(photo("P"))

    assert result.lines == []
    assert Image.open(io.BytesIO(sent["bytes"])).format == "JPEG"


def test_bad_image_and_service_errors_are_told_apart(rekognition: tuple[Any, Stubber]) -> None:
    client, stubber = rekognition
    stubber.add_client_error("detect_text", "InvalidImageFormatException", "bad image")
    stubber.add_client_error("detect_text", "AccessDeniedException", "no", http_status_code=403)
    engine = AwsTextEngine(client)

    with pytest.raises(ImageRejected) as rejected:
        engine.detect_text(photo())
    assert (rejected.value.code, rejected.value.status) == ("unprocessable_image", 422)
    with pytest.raises(EngineUnavailable) as raised:
        engine.detect_text(photo())
    assert raised.value.code == "text_unavailable"
    assert "REKOGNITION_ACCESS_KEY_ID" in raised.value.message


def test_large_images_are_scaled_under_the_limit() -> None:
    noise = np.random.default_rng(7).integers(0, 256, (1500, 2000, 3), dtype=np.uint8)
    image = Image.fromarray(noise)

    encoded = rekognition_image_bytes(image, max_bytes=400_000)

    assert len(encoded) <= 400_000
    decoded = Image.open(io.BytesIO(encoded))
    assert decoded.format == "JPEG"
    assert decoded.width < 2000
    assert abs(decoded.width / decoded.height - 2000 / 1500) < 0.01


# --- DetectLabels ----------------------------------------------------------------------------
LABELS_RESPONSE = {
    "Labels": [
        {"Name": "Human", "Confidence": 98.1},
        {"Name": "Person", "Confidence": 99.4},
        {"Name": "Lighthouse", "Confidence": 75.25},
        {"Name": "Beach", "Confidence": 88.0},
    ],
    "LabelModelVersion": "3.0",
}


def test_detect_labels_parameters_and_english_names(rekognition: tuple[Any, Stubber]) -> None:
    client, stubber = rekognition
    stubber.add_response(
        "detect_labels",
        LABELS_RESPONSE,
        {"Image": {"Bytes": ANY}, "MaxLabels": 10, "MinConfidence": 70.0},
    )

    labels = AwsLabelEngine(client).detect_labels(photo(), language="en")

    # Person and Human are both "Persona": one tag, the surest, in either language.
    assert [(label.name, label.confidence) for label in labels] == [
        ("Person", 99.4),
        ("Beach", 88.0),
        ("Lighthouse", 75.25),
    ]
    # Without a translator a name outside the glossary has no Spanish: English in both.
    assert [label.name_in("es") for label in labels] == ["Persona", "Playa", "Lighthouse"]


def test_english_tags_get_their_spanish_names_from_translate(
    rekognition: tuple[Any, Stubber], translate: tuple[Any, Stubber]
) -> None:
    """An English account's tags carry Spanish names too (the glossary's, else Translate's), so
    the desktop can show them when its UI is switched to Spanish."""
    client, stubber = rekognition
    stubber.add_response(
        "detect_labels", LABELS_RESPONSE, {"Image": ANY, "MaxLabels": 10, "MinConfidence": 70.0}
    )
    translate_client, translate_stubber = translate
    expect_languages(translate_stubber)
    translate_stubber.add_response(  # one call, only for the name the glossary lacks
        "translate_text",
        {"TranslatedText": "faro", "SourceLanguageCode": "en", "TargetLanguageCode": "es"},
        {"Text": "Lighthouse", "SourceLanguageCode": "en", "TargetLanguageCode": "es"},
    )
    engine = AwsLabelEngine(client, translator=AwsTranslator(translate_client))

    labels = engine.detect_labels(photo(), language="en")

    assert [(label.name, label.names) for label in labels] == [
        ("Person", {"es": "Persona", "en": "Person"}),
        ("Beach", {"es": "Playa", "en": "Beach"}),
        ("Lighthouse", {"es": "Faro", "en": "Lighthouse"}),
    ]
    assert stored_labels(labels, max_labels=10, min_confidence=70.0)[2] == {
        "name": "Lighthouse",
        "confidence": 75.25,
        "names": {"es": "Faro", "en": "Lighthouse"},
    }


def test_detect_labels_in_spanish_glossary_then_translator(
    rekognition: tuple[Any, Stubber], translator: LocalTranslator
) -> None:
    client, stubber = rekognition
    stubber.add_response(
        "detect_labels",
        LABELS_RESPONSE,
        {"Image": {"Bytes": ANY}, "MaxLabels": 5, "MinConfidence": 80.0},
    )
    engine = AwsLabelEngine(client, max_labels=5, min_confidence=80.0, translator=translator)

    labels = engine.detect_labels(photo(), language="es")

    # Person and Human are both "Persona": one tag, the surest.
    assert [(label.name, label.confidence) for label in labels] == [
        ("Persona", 99.4),
        ("Playa", 88.0),
        ("Faro", 75.25),
    ]
    assert [label.name_in("en") for label in labels] == ["Person", "Beach", "Lighthouse"]


def test_detect_labels_without_translator_keeps_unknown_names_in_english(
    rekognition: tuple[Any, Stubber],
) -> None:
    client, stubber = rekognition
    stubber.add_response(
        "detect_labels", LABELS_RESPONSE, {"Image": ANY, "MaxLabels": 10, "MinConfidence": 70.0}
    )

    labels = AwsLabelEngine(client).detect_labels(photo(), language="es")

    assert [label.name for label in labels] == ["Persona", "Playa", "Lighthouse"]


def test_detect_labels_service_error_is_labels_unavailable(
    rekognition: tuple[Any, Stubber],
) -> None:
    client, stubber = rekognition
    stubber.add_client_error("detect_labels", "ThrottlingException", "slow down")

    with pytest.raises(EngineUnavailable) as raised:
        AwsLabelEngine(client).detect_labels(photo(), language="en")
    assert raised.value.code == "labels_unavailable"


# --- TranslateText ---------------------------------------------------------------------------
LANGUAGES_RESPONSE = {
    "Languages": [
        {"LanguageName": "Auto", "LanguageCode": "auto"},
        {"LanguageName": "Spanish", "LanguageCode": "es"},
        {"LanguageName": "English", "LanguageCode": "en"},
        {"LanguageName": "German", "LanguageCode": "de"},
        {"LanguageName": "Swahili", "LanguageCode": "sw"},
    ],
    "DisplayLanguageCode": "en",
}


def expect_languages(stubber: Stubber) -> None:
    stubber.add_response(
        "list_languages", LANGUAGES_RESPONSE, {"DisplayLanguageCode": "en", "MaxResults": 500}
    )


def test_languages_come_from_list_languages(translate: tuple[Any, Stubber]) -> None:
    client, stubber = translate
    expect_languages(stubber)
    translator = AwsTranslator(client)

    languages = translator.languages()
    again = translator.languages()  # fetched once per process: no second stubbed call

    assert [(language.code, language.name) for language in languages] == [
        ("de", "Deutsch"),
        ("en", "English"),
        ("es", "Español"),
        ("sw", "Swahili"),
    ]
    assert again == languages


def test_translate_text_with_auto_source(translate: tuple[Any, Stubber]) -> None:
    client, stubber = translate
    expect_languages(stubber)
    stubber.add_response(
        "translate_text",
        {"TranslatedText": "Party at the beach", "SourceLanguageCode": "es",
         "TargetLanguageCode": "en"},
        {"Text": "Fiesta en la playa", "SourceLanguageCode": "auto", "TargetLanguageCode": "en"},
    )  # fmt: skip

    [result] = AwsTranslator(client).translate(["Fiesta en la playa"], "en")

    assert result.text == "Party at the beach"
    assert (result.source_language, result.target_language) == ("es", "en")
    assert result.detected is True and result.note is None


def test_low_confidence_retries_with_the_language_in_the_error(
    translate: tuple[Any, Stubber],
) -> None:
    client, stubber = translate
    expect_languages(stubber)
    stubber.add_client_error(
        "translate_text",
        service_error_code="DetectedLanguageLowConfidenceException",
        service_message="low confidence",
        modeled_fields={"DetectedLanguageCode": "de"},
        expected_params={"Text": "Hallo", "SourceLanguageCode": "auto", "TargetLanguageCode": "en"},
    )
    stubber.add_response(
        "translate_text",
        {"TranslatedText": "Hello", "SourceLanguageCode": "de", "TargetLanguageCode": "en"},
        {"Text": "Hallo", "SourceLanguageCode": "de", "TargetLanguageCode": "en"},
    )

    [result] = AwsTranslator(client).translate(["Hallo"], "en")

    assert result.text == "Hello"
    assert result.source_language == "de"
    assert result.detected is False
    assert result.note is not None and "(de)" in result.note


def test_low_confidence_without_a_guess_asks_the_local_detector(
    translate: tuple[Any, Stubber], translator: LocalTranslator
) -> None:
    client, stubber = translate
    expect_languages(stubber)
    stubber.add_client_error(
        "translate_text",
        service_error_code="DetectedLanguageLowConfidenceException",
        service_message="low confidence",
        expected_params={
            "Text": "My dog",
            "SourceLanguageCode": "auto",
            "TargetLanguageCode": "es",
        },
    )
    stubber.add_response(
        "translate_text",
        {"TranslatedText": "Mi perro", "SourceLanguageCode": "en", "TargetLanguageCode": "es"},
        {"Text": "My dog", "SourceLanguageCode": "en", "TargetLanguageCode": "es"},
    )

    [result] = AwsTranslator(client, local_detector=translator).translate(["My dog"], "es")

    assert (result.text, result.source_language, result.detected) == ("Mi perro", "en", False)


def test_low_confidence_without_any_detector_assumes_spanish(
    translate: tuple[Any, Stubber],
) -> None:
    client, stubber = translate
    expect_languages(stubber)
    stubber.add_client_error(
        "translate_text",
        service_error_code="DetectedLanguageLowConfidenceException",
        service_message="low confidence",
        expected_params={"Text": "OK", "SourceLanguageCode": "auto", "TargetLanguageCode": "en"},
    )
    stubber.add_response(
        "translate_text",
        {"TranslatedText": "OK", "SourceLanguageCode": "es", "TargetLanguageCode": "en"},
        {"Text": "OK", "SourceLanguageCode": "es", "TargetLanguageCode": "en"},
    )

    [result] = AwsTranslator(client).translate(["OK"], "en")

    assert result.source_language == "es" and result.detected is False


def test_translate_rejects_unsupported_codes_and_empty_text(
    translate: tuple[Any, Stubber],
) -> None:
    client, stubber = translate
    expect_languages(stubber)
    translator = AwsTranslator(client)

    with pytest.raises(UnsupportedLanguage):
        translator.translate(["Hola"], "xx")
    with pytest.raises(ValueError):
        translator.translate([" "], "en")


def test_translate_service_error_is_translation_unavailable(
    translate: tuple[Any, Stubber],
) -> None:
    client, stubber = translate
    expect_languages(stubber)
    stubber.add_client_error("translate_text", "ServiceUnavailableException", "down", 503)

    with pytest.raises(EngineUnavailable) as raised:
        AwsTranslator(client).translate(["Hola"], "en")
    assert raised.value.code == "translation_unavailable"
