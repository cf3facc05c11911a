"""Apertium translation, batching, pivoting and language detection, on the installed pairs."""

from __future__ import annotations

import pytest

from server.engines.shapes import EngineUnavailable
from server.engines.translation import apertium_stream
from server.engines.translation.base import EmptyText, UnsupportedLanguage
from server.engines.translation.local import LocalTranslator


def test_languages_are_the_installed_pairs_without_german(translator: LocalTranslator) -> None:
    codes = [language.code for language in translator.languages()]

    assert {"en", "es", "fr", "pt", "it"} <= set(codes)
    assert "de" not in codes
    assert codes == sorted(codes)
    names = {language.code: language.name for language in translator.languages()}
    assert names["es"] == "Español"


def test_spanish_to_english(translator: LocalTranslator) -> None:
    [result] = translator.translate(["El perro come una manzana roja."], "en", source="es")

    assert result.text == "The dog eats a red apple."
    assert (result.source_language, result.target_language) == ("es", "en")
    assert result.detected is False and result.note is None


def test_english_to_spanish(translator: LocalTranslator) -> None:
    [result] = translator.translate(["The house is red and the dog is happy."], "es", source="en")

    words = result.text.lower()
    assert "casa" in words and "roja" in words and "perro" in words


def test_spanish_to_portuguese(translator: LocalTranslator) -> None:
    [result] = translator.translate(["Mi familia vive en una casa pequeña."], "pt", source="es")

    words = result.text.lower()
    assert "família" in words and "casa" in words and "pequena" in words


def test_english_to_french_goes_through_spanish(translator: LocalTranslator) -> None:
    assert translator.catalog().route("en", "fr") == ["eng-spa", "es-fr"]

    [result] = translator.translate(["The house is red."], "fr", source="en")

    assert result.text == "La maison est rouge."


def test_french_to_english_goes_through_spanish(translator: LocalTranslator) -> None:
    [result] = translator.translate(["Le chat mange une pomme."], "en", source="fr")

    assert result.text == "The cat eats an apple."


def test_batch_splits_back_in_order_with_newlines_and_brackets(
    translator: LocalTranslator,
) -> None:
    texts = [
        "Good morning",
        "The house is red.\nThe dog is big.",
        "My friend [Ana] has a cat {black} <b> x/y ^x$ @home \\ end",
        "Where is the beach?",
        "[<facealbum-text-end/>] is not a separator here",
    ]

    results = translator.translate(texts, "es", source="en")

    assert results[0].text == "Buenos días"
    assert results[1].text.split("\n") == ["La casa es roja.", "El perro es grande."]
    assert "[Ana]" in results[2].text and "{" in results[2].text and "x/y" in results[2].text
    assert "^x$" in results[2].text and "\\" in results[2].text and "gato" in results[2].text
    assert "playa" in results[3].text
    # The separator's spelling in a user's text is escaped, hence translated like any text.
    assert results[4].text.startswith("[<facealbum-") and results[4].text.endswith("aquí")
    assert len(results) == len(texts)


def test_batch_of_many_captions_in_one_call_matches_one_by_one(
    translator: LocalTranslator,
) -> None:
    captions = [f"The {animal} is in the garden" for animal in ("dog", "cat", "horse")] * 10

    batched = translator.translate(captions, "es", source="en")
    single = translator.translate([captions[1]], "es", source="en")

    assert [result.text for result in batched[:3]] == [
        "El perro es en el jardín",
        "El gato es en el jardín",
        "El caballo es en el jardín",
    ]
    assert batched[1].text == single[0].text


def test_same_language_returns_text_unchanged(translator: LocalTranslator) -> None:
    [result] = translator.translate(["Hola, ¿qué tal? [sin cambios]"], "es", source="es")

    assert result.text == "Hola, ¿qué tal? [sin cambios]"


@pytest.mark.parametrize(
    ("caption", "language"),
    [
        ("Fiesta en la playa con amigos", "es"),
        ("Birthday party at the beach", "en"),
        ("Vacances à la plage avec la famille", "fr"),
        ("Férias na praia com a família", "pt"),
        ("Vacanze al mare con gli amici", "it"),
        ("Mi perro", "es"),
        ("My dog", "en"),
        ("Atardecer", "es"),
    ],
)
def test_detects_short_captions(translator: LocalTranslator, caption: str, language: str) -> None:
    assert translator.detect_language(caption) == (language, True)


def test_unsure_detection_falls_back_to_spanish_and_says_so(translator: LocalTranslator) -> None:
    code, confident = translator.detect_language("Paris 2019")
    [result] = translator.translate(["Paris 2019"], "en")

    assert (code, confident) == ("es", False)
    assert result.source_language == "es"
    assert result.detected is False
    assert result.note is not None and "es" in result.note


def test_detected_sources_are_used_per_text(translator: LocalTranslator) -> None:
    results = translator.translate(["La casa es roja", "Le chat noir", "The red house"], "en")

    assert [result.source_language for result in results] == ["es", "fr", "en"]
    assert all(result.detected for result in results)
    assert results[0].text == "The house is red"
    assert results[1].text == "The black cat"
    assert results[2].text == "The red house"


def test_unsupported_language_is_its_own_error(translator: LocalTranslator) -> None:
    with pytest.raises(UnsupportedLanguage) as raised:
        translator.translate(["Hola"], "de")

    assert raised.value.code == "unsupported_language"
    assert raised.value.language == "de"
    with pytest.raises(UnsupportedLanguage):
        translator.translate(["Hola"], "en", source="xx")


@pytest.mark.parametrize("texts", [[""], ["   \n"], [], ["Hola", ""]])
def test_empty_text_is_a_value_error(translator: LocalTranslator, texts: list[str]) -> None:
    with pytest.raises(ValueError) as raised:
        translator.translate(texts, "en")

    assert isinstance(raised.value, EmptyText)


def test_missing_apertium_says_how_to_install_it() -> None:
    translator = LocalTranslator(apertium_binary="/nonexistent/apertium")

    with pytest.raises(EngineUnavailable) as raised:
        translator.languages()

    assert raised.value.code == "translation_unavailable"
    assert "sudo apt-get install apertium apertium-eng-spa" in raised.value.message


def test_stream_format_round_trips_reserved_characters() -> None:
    text = "a [b] {c} <d> ^e$ f/g @h \\i\nnext line"

    stream = apertium_stream.join_texts([text, "second"])

    assert apertium_stream.split_texts(stream, 2) == [text, "second"]
    assert apertium_stream.split_texts(stream, 3) is None


def test_a_stage_that_cannot_run_is_an_error_not_a_silent_passthrough(tmp_path):
    """apertium exits 0 when a stage inside it is missing and echoes the input untranslated."""
    import stat

    from server.engines.shapes import EngineUnavailable
    from server.engines.translation.local import LocalTranslator

    broken = tmp_path / "apertium"
    # Lists the real pairs, but every translation run loses a stage, like a half-installed pair.
    broken.write_text(
        '#!/bin/sh\n[ "$1" = "-l" ] && exec apertium -l\necho "sh: 1: lt-proc: not found" >&2\ncat\nexit 0\n'
    )
    broken.chmod(broken.stat().st_mode | stat.S_IEXEC)
    translator = LocalTranslator(apertium_binary=str(broken))
    with pytest.raises(EngineUnavailable):
        translator.translate(["Hola, ¿cómo estás?"], "en", source="es")
