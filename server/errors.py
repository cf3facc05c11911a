"""Domain errors and their single mapping to the contract's JSON error envelope."""

from __future__ import annotations

import logging
import secrets
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from server.engines.shapes import EngineUnavailable
from server.storage import StorageError

log = logging.getLogger(__name__)


class ErrorDetail(BaseModel):
    code: str
    message: str
    fields: dict[str, str] | None = None
    retry_after: int | None = None
    log_id: str | None = None
    existing: dict[str, Any] | None = None  # duplicate_photo: the photo already stored


class ErrorEnvelope(BaseModel):
    """The body of every error answer."""

    error: ErrorDetail


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorEnvelope, "description": description}
    for status, description in (
        (400, "Validation failed"),
        (401, "Not authenticated"),
        (403, "Not allowed"),
        (404, "Not found, or not yours"),
        (409, "Conflict"),
        (413, "Too large"),
        (415, "Unsupported media type"),
        (422, "Unprocessable image"),
        (429, "Too many attempts"),
        (431, "Request headers too large"),
        (500, "Unexpected server error"),
        (503, "A dependency is unavailable"),
    )
}


class AppError(Exception):
    """An error the client should see: a stable code, a status and a human sentence."""

    status = 400
    code = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status: int | None = None,
        fields: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        self.fields = fields or {}
        self.headers = headers or {}
        self.existing: dict[str, Any] | None = None


class ValidationFailed(AppError):
    status = 400
    code = "validation_error"


class NotAuthenticated(AppError):
    status = 401
    code = "not_authenticated"


class NotPermitted(AppError):
    status = 403
    code = "forbidden"


class NotFound(AppError):
    status = 404
    code = "not_found"


class Conflict(AppError):
    status = 409
    code = "conflict"


class TooManyAttempts(AppError):
    status = 429
    code = "too_many_attempts"

    def __init__(self, message: str, *, retry_after: int, code: str | None = None) -> None:
        retry_after = max(1, retry_after)
        super().__init__(message, code=code, headers={"Retry-After": str(retry_after)})
        self.retry_after = retry_after


class Unavailable(AppError):
    status = 503
    code = "unavailable"


class ImageRejected(AppError):
    """An image the service will not take: not an image, a bomb, damaged, or refused by an
    engine. ``fields`` names the form field it came in (``file`` unless ``for_field`` says)."""

    status = 422
    code = "image_unreadable"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        status: int | None = None,
        field: str = "file",
    ) -> None:
        super().__init__(message, code=code, status=status)
        self.fields = {field: self.code}

    def for_field(self, field: str) -> ImageRejected:
        """The same rejection, reported against another form field (e.g. ``photo``)."""
        moved = ImageRejected(self.message, code=self.code, status=self.status, field=field)
        moved.__cause__ = self.__cause__
        return moved


def new_log_id() -> str:
    """A short id that ties an answer to its server log line, without revealing details."""
    return secrets.token_hex(6)


def error_body(code: str, message: str, fields: dict[str, str] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    return {"error": body}


_STATUS_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "unprocessable",
    429: "too_many_attempts",
}


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header", "form")]
    return ".".join(parts) or "body"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def _app_error(_request: Request, exc: AppError) -> JSONResponse:
        payload = error_body(exc.code, exc.message, exc.fields)
        if isinstance(exc, TooManyAttempts):
            payload["error"]["retry_after"] = exc.retry_after
        if exc.existing is not None:
            payload["error"]["existing"] = exc.existing
        return JSONResponse(payload, status_code=exc.status, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        fields: dict[str, str] = {}
        for err in exc.errors():
            name = _field_name(tuple(err.get("loc", ())))
            fields.setdefault(name, str(err.get("msg", "invalid")))
        return JSONResponse(
            error_body("validation_error", "Some fields are missing or invalid.", fields),
            status_code=400,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else "Request failed."
        return JSONResponse(
            error_body(code, message),
            status_code=exc.status_code,
            headers=getattr(exc, "headers", None),
        )

    @app.exception_handler(StorageError)
    async def _storage(_request: Request, exc: StorageError) -> JSONResponse:
        log.error("storage failure: %s", exc)
        return JSONResponse(
            error_body(
                "storage_unavailable", "The photo storage is not answering. Try again in a moment."
            ),
            status_code=503,
        )

    @app.exception_handler(EngineUnavailable)
    async def _engine(request: Request, exc: EngineUnavailable) -> JSONResponse:
        if exc.public:
            log.info("engine turned off: %s %s", exc.code, exc.message)
            return JSONResponse(error_body(exc.code, exc.message), status_code=503)
        log_id = new_log_id()
        log.warning(
            "engine failure [log id %s] on %s %s: %s %s",
            log_id,
            request.method,
            request.url.path,
            exc.code,
            exc.message,
        )
        payload = error_body(
            exc.code,
            f"This service is not available right now; try again later (log id {log_id}).",
        )
        payload["error"]["log_id"] = log_id
        return JSONResponse(payload, status_code=503)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Runs outside every middleware (Starlette's ServerErrorMiddleware): set headers here.
        log_id = new_log_id()
        log.exception(
            "unhandled error [log id %s] on %s %s", log_id, request.method, request.url.path
        )
        payload = error_body(
            "internal_error", f"Something went wrong on the server (log id {log_id})."
        )
        payload["error"]["log_id"] = log_id
        return JSONResponse(
            payload,
            status_code=500,
            headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store"},
        )
