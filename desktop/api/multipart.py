"""A streaming multipart/form-data body with a known length and an upload-progress callback.

``requests`` sends a file-like body by calling ``read`` in blocks and takes its length from
``__len__``, so a file is never loaded whole into memory and each block sent can be reported.
"""

from __future__ import annotations

import io
import mimetypes
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

ProgressCallback = Callable[[int, int], None]
"""Called with (bytes sent so far, total bytes); may raise to abort the upload."""


@dataclass(frozen=True)
class FilePart:
    """A file field: a path on disk or bytes in memory, with the file name and type to send."""

    field: str
    filename: str
    content: Path | bytes
    content_type: str = ""

    def size(self) -> int:
        if isinstance(self.content, bytes):
            return len(self.content)
        return os.path.getsize(self.content)

    def open(self) -> BinaryIO:
        if isinstance(self.content, bytes):
            return io.BytesIO(self.content)
        return open(self.content, "rb")

    def guessed_type(self) -> str:
        if self.content_type:
            return self.content_type
        guessed, _ = mimetypes.guess_type(self.filename)
        return guessed or "application/octet-stream"


def _quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', "%22").replace("\r", "").replace("\n", "")


class MultipartBody:
    """File-like multipart body: ``len(body)`` is exact, ``read(n)`` streams the parts in order."""

    def __init__(
        self,
        fields: dict[str, str],
        files: list[FilePart],
        progress: ProgressCallback | None = None,
    ) -> None:
        self.boundary = f"facealbum-{uuid.uuid4().hex}"
        self._progress = progress
        self._segments: list[bytes | FilePart] = []
        for name, value in fields.items():
            header = (
                f"--{self.boundary}\r\n"
                f'Content-Disposition: form-data; name="{_quote(name)}"\r\n\r\n'
            ).encode()
            self._segments.append(header + value.encode("utf-8") + b"\r\n")
        for part in files:
            header = (
                f"--{self.boundary}\r\n"
                f'Content-Disposition: form-data; name="{_quote(part.field)}"; '
                f'filename="{_quote(part.filename)}"\r\n'
                f"Content-Type: {part.guessed_type()}\r\n\r\n"
            ).encode()
            self._segments.extend([header, part, b"\r\n"])
        self._segments.append(f"--{self.boundary}--\r\n".encode())
        self._length = sum(
            seg.size() if isinstance(seg, FilePart) else len(seg) for seg in self._segments
        )
        self._index = 0
        self._buffer = b""
        self._open_file: BinaryIO | None = None
        self._sent = 0

    @property
    def content_type(self) -> str:
        return f"multipart/form-data; boundary={self.boundary}"

    def __len__(self) -> int:
        return self._length

    def read(self, size: int = -1) -> bytes:
        """Return up to ``size`` bytes of the body (all that is left when ``size`` < 0)."""
        want = self._length if size is None or size < 0 else size
        chunks: list[bytes] = []
        got = 0
        while got < want:
            piece = self._next_piece(want - got)
            if not piece:
                break
            chunks.append(piece)
            got += len(piece)
        data = b"".join(chunks)
        if data:
            self._sent += len(data)
            if self._progress is not None:
                self._progress(self._sent, self._length)
        return data

    def _next_piece(self, limit: int) -> bytes:
        while self._index < len(self._segments):
            segment = self._segments[self._index]
            if isinstance(segment, bytes):
                if not self._buffer:
                    self._buffer = segment
                piece, self._buffer = self._buffer[:limit], self._buffer[limit:]
                if not self._buffer:
                    self._index += 1
                return piece
            if self._open_file is None:
                self._open_file = segment.open()
            piece = self._open_file.read(limit)
            if piece:
                return piece
            self._open_file.close()
            self._open_file = None
            self._index += 1
        return b""

    def close(self) -> None:
        """Close the file being streamed, if any."""
        if self._open_file is not None:
            self._open_file.close()
            self._open_file = None
