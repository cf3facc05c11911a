"""Reading uploaded files with a size cap, and an ASGI guard on whole request bodies."""

from __future__ import annotations

import json

from fastapi import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.errors import AppError, error_body


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


class BodySizeLimit:
    """Refuse request bodies over `max_bytes` (declared or streamed) before they are parsed."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                await self._refuse(send)
                return
        received = 0
        response_started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise _BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _BodyTooLarge:
            if not response_started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps(
            error_body(
                "payload_too_large",
                f"The request is larger than {self.max_bytes // (1024 * 1024)} MB.",
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


class _BodyTooLarge(Exception):
    pass
