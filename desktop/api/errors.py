"""Typed exceptions for the contract's error envelope, with human messages in es/en."""

from __future__ import annotations

from typing import Any

from desktop.core.messages import has_message, message_for


class ApiError(Exception):
    """An error answered by the server (or the lack of one), with a code and a human message."""

    status: int = 0

    def __init__(
        self,
        code: str,
        server_message: str = "",
        *,
        status: int = 0,
        fields: dict[str, str] | None = None,
    ) -> None:
        super().__init__(server_message or code)
        self.code = code
        self.server_message = server_message
        self.status = status
        self.fields: dict[str, str] = dict(fields or {})

    @property
    def field_messages(self) -> dict[str, str]:
        """Why each field was refused; values that are known codes become sentences."""
        return {
            name: message_for(why) if has_message(why) else why for name, why in self.fields.items()
        }

    @property
    def message(self) -> str:
        """A sentence for the user in the current UI language (falls back to the server's)."""
        return message_for(self.code, default=self.server_message, status=self.status or None)

    def __str__(self) -> str:
        return f"{self.code}: {self.server_message or self.message}"


class ConnectionFailed(ApiError):
    """The server could not be reached (refused, timed out, DNS, TLS)."""


class NotAuthenticated(ApiError):
    """401: wrong credentials or no valid token."""


class SessionExpired(NotAuthenticated):
    """401 on a request that carried a token: the session ended, the user must log in again."""


class Forbidden(ApiError):
    """403: not allowed (for example the locked profile album)."""


class NotFound(ApiError):
    """404: missing, or somebody else's."""


class Conflict(ApiError):
    """409: duplicate username, email or album name."""


class ValidationFailed(ApiError):
    """400: the request's fields were refused; ``fields`` says why per field."""


class PayloadTooLarge(ApiError):
    """413: the file is larger than the server accepts."""


class UnsupportedMedia(ApiError):
    """415: not an image type the server accepts."""


class UnprocessableImage(ApiError):
    """422: the image could not be used (no face, truncated, too big in pixels…)."""


class TooManyAttempts(ApiError):
    """429: locked out for a while; ``retry_after`` is in seconds when the server says it."""

    def __init__(self, *args: Any, retry_after: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.retry_after = retry_after


class Unavailable(ApiError):
    """503: an engine or dependency is not available (translation, OCR, face engine)."""


class ServerError(ApiError):
    """5xx other than 503: the server failed."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: ValidationFailed,
    401: NotAuthenticated,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    413: PayloadTooLarge,
    415: UnsupportedMedia,
    422: UnprocessableImage,
    429: TooManyAttempts,
    503: Unavailable,
}

# A few request-validation codes that FastAPI-style servers answer with 422 are field errors.
_VALIDATION_CODES = {"validation_error", "invalid_request", "request_validation"}


def error_from_response(
    status: int,
    payload: Any,
    *,
    had_token: bool,
    retry_after_header: str | None = None,
) -> ApiError:
    """Build the typed exception for an error response (status + decoded JSON body, if any)."""
    code = f"http_{status}"
    server_message = ""
    fields: dict[str, str] = {}
    if isinstance(payload, dict) and isinstance(payload.get("error"), dict):
        envelope = payload["error"]
        code = str(envelope.get("code") or code)
        server_message = str(envelope.get("message") or "")
        raw_fields = envelope.get("fields") or {}
        if isinstance(raw_fields, dict):
            fields = {str(k): str(v) for k, v in raw_fields.items()}
    if status == 401 and had_token:
        return SessionExpired(code, server_message, status=status, fields=fields)
    if status == 429:
        retry_after = _parse_retry_after(retry_after_header, payload)
        return TooManyAttempts(
            code, server_message, status=status, fields=fields, retry_after=retry_after
        )
    if status == 422 and (code in _VALIDATION_CODES or (fields and code.startswith("http_"))):
        return ValidationFailed(code, server_message, status=status, fields=fields)
    cls = _BY_STATUS.get(status)
    if cls is None:
        cls = ServerError if status >= 500 else ApiError
    return cls(code, server_message, status=status, fields=fields)


def _parse_retry_after(header: str | None, payload: Any) -> int | None:
    if header:
        try:
            return max(0, round(float(header)))
        except ValueError:
            pass
    if isinstance(payload, dict):
        envelope = payload.get("error")
        if isinstance(envelope, dict):
            for key in ("retry_after", "retry_after_seconds"):
                value = envelope.get(key)
                if isinstance(value, int | float):
                    return max(0, round(value))
    return None
