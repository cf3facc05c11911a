"""Error envelopes become typed exceptions with human messages in both languages."""

from __future__ import annotations

import pytest

from desktop.api.errors import (
    Conflict,
    NotAuthenticated,
    NotFound,
    ServerError,
    SessionExpired,
    TooManyAttempts,
    Unavailable,
    ValidationFailed,
    error_from_response,
)
from desktop.core import messages


def envelope(
    code: str, message: str = "", fields: dict[str, str] | None = None
) -> dict[str, object]:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


@pytest.fixture(autouse=True)
def spanish() -> object:
    messages.set_language("es")
    yield
    messages.set_language("es")


def test_validation_errors_carry_their_fields() -> None:
    error = error_from_response(
        400, envelope("validation_error", "bad", {"email": "not an email"}), had_token=False
    )
    assert isinstance(error, ValidationFailed)
    assert error.fields == {"email": "not an email"}


def test_401_with_a_token_means_the_session_expired() -> None:
    assert isinstance(
        error_from_response(401, envelope("invalid_token"), had_token=True), SessionExpired
    )
    without = error_from_response(401, envelope("invalid_credentials"), had_token=False)
    assert isinstance(without, NotAuthenticated) and not isinstance(without, SessionExpired)


def test_429_reads_retry_after_from_the_header() -> None:
    error = error_from_response(
        429, envelope("too_many_attempts"), had_token=False, retry_after_header="90"
    )
    assert isinstance(error, TooManyAttempts) and error.retry_after == 90


def test_status_mapping_and_unknown_bodies() -> None:
    assert isinstance(error_from_response(404, None, had_token=True), NotFound)
    assert isinstance(
        error_from_response(409, envelope("album_name_taken"), had_token=True), Conflict
    )
    assert isinstance(
        error_from_response(503, envelope("translation_unavailable"), had_token=True), Unavailable
    )
    assert isinstance(error_from_response(500, "<html>oops</html>", had_token=True), ServerError)


def test_messages_follow_the_language() -> None:
    error = error_from_response(409, envelope("username_taken", "Username taken"), had_token=False)
    assert error.message == "Ese nombre de usuario ya existe."
    messages.set_language("en")
    assert error.message == "That username is already taken."


def test_unknown_codes_fall_back_to_the_server_message_then_the_status() -> None:
    assert (
        error_from_response(400, envelope("brand_new_code", "Server says"), had_token=False).message
        == "Server says"
    )
    assert (
        error_from_response(413, None, had_token=False).message == "La imagen es demasiado grande."
    )
