"""Reading uploaded files with a size cap, and an ASGI guard on whole request bodies."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from fastapi import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.errors import AppError, error_body
from server.images.formats import human_size


def file_too_large(max_bytes: int, field: str) -> AppError:
    return AppError(
        f"The file is larger than the limit of {max_bytes // (1024 * 1024)} MB.",
        code="file_too_large",
        status=413,
        fields={field: "too large"},
    )


def read_upload(upload: UploadFile, *, max_bytes: int, field: str) -> bytes:
    """Read an uploaded file (already spooled by the form parser; called from a worker thread),
    refusing it as soon as it passes `max_bytes`."""
    upload.file.seek(0)
    data = upload.file.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise file_too_large(max_bytes, field)
    return data


# Routes whose bodies carry photos; every other route takes a small JSON (or form) body.
_PHOTO_ROUTES = re.compile(r"^/api/v1/(auth/register|albums/[^/]+/photos|analysis/text|me)/?$")
_FACE_ROUTES = re.compile(r"^/api/v1/(auth/face-login|me/face)/?$")
# JSON routes that take lists of up to 1000 ids or SHA-256 digests (issue 12's bulk actions).
_LIST_ROUTES = re.compile(r"^/api/v1/photos/(check|bulk)/?$")
LIST_BODY_BYTES = 128 * 1024
# Room for the form fields and multipart framing around the file(s).
FORM_OVERHEAD_BYTES = 64 * 1024


def route_body_limits(
    *, json_max_bytes: int, upload_max_bytes: int, face_frames_max: int
) -> Callable[[str, str], int]:
    """The body limit of each route: photo uploads one file, face routes up to
    ``face_frames_max`` frames, everything else ``json_max_bytes``."""
    photo_limit = upload_max_bytes + FORM_OVERHEAD_BYTES
    face_limit = upload_max_bytes * max(2, face_frames_max) + FORM_OVERHEAD_BYTES

    def limit_for(method: str, path: str) -> int:
        if method in ("POST", "PUT") and _FACE_ROUTES.match(path):
            return face_limit
        if method in ("POST", "PATCH") and _PHOTO_ROUTES.match(path):
            return photo_limit
        if method == "POST" and _LIST_ROUTES.match(path):
            return max(json_max_bytes, LIST_BODY_BYTES)
        return json_max_bytes

    return limit_for


class BodySizeLimit:
    """Refuse request bodies over the route's limit (declared or streamed) before they are
    parsed: 413 ``payload_too_large``."""

    def __init__(self, app: ASGIApp, *, limit_for: Callable[[str, str], int]) -> None:
        self.app = app
        self.limit_for = limit_for

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_bytes = self.limit_for(scope.get("method", "GET"), scope.get("path", ""))
        for name, value in scope.get("headers", []):
            if name == b"content-length" and (not value.isdigit() or int(value) > max_bytes):
                await self._refuse(send, max_bytes)
                return
        received = 0
        response_started = False
        refused = False

        async def limited_receive() -> Message:
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_bytes:
                    # Answer now, and tell the app the client went away: raising instead would
                    # be caught by the body parser and turned into a 400.
                    refused = True
                    if not response_started:
                        await self._refuse(send, max_bytes)
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if refused:
                return  # the 413 has been sent; whatever the app answers is dropped
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except Exception:
            if not refused:
                raise
            # The app failed on the disconnect we simulated (e.g. ClientDisconnect).

    async def _refuse(self, send: Send, max_bytes: int) -> None:
        body = json.dumps(
            error_body(
                "payload_too_large",
                f"The request is larger than this route accepts ({human_size(max_bytes)}).",
            )
        ).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
