"""The streaming multipart body: exact length, correct parts, progress, abort."""

from __future__ import annotations

from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path

import pytest

from desktop.api.multipart import FilePart, MultipartBody


def read_all(body: MultipartBody, block: int) -> bytes:
    chunks = []
    while chunk := body.read(block):
        chunks.append(chunk)
    return b"".join(chunks)


def test_length_is_exact_and_parts_parse(tmp_path: Path) -> None:
    photo = tmp_path / "café.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 100)
    body = MultipartBody(
        {"name": "Señal", "description": "línea"}, [FilePart("file", photo.name, photo)]
    )
    data = read_all(body, 1000)
    assert len(data) == len(body)
    message = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {body.content_type}\r\n\r\n".encode() + data
    )
    parts = {
        part.get_param("name", header="content-disposition"): part for part in message.iter_parts()
    }
    assert parts["name"].get_payload(decode=True).decode("utf-8") == "Señal"
    assert parts["file"].get_payload(decode=True) == photo.read_bytes()
    assert parts["file"].get_content_type() == "image/jpeg"


def test_progress_reaches_the_total_and_can_abort() -> None:
    seen: list[tuple[int, int]] = []
    body = MultipartBody(
        {}, [FilePart("file", "a.jpg", b"x" * 50_000)], lambda s, t: seen.append((s, t))
    )
    read_all(body, 8192)
    assert seen[-1] == (len(body), len(body))
    assert [s for s, _ in seen] == sorted(s for s, _ in seen)

    class Stop(Exception):
        pass

    def abort(sent: int, total: int) -> None:
        if sent > 10_000:
            raise Stop

    aborting = MultipartBody({}, [FilePart("file", "a.jpg", b"x" * 50_000)], abort)
    with pytest.raises(Stop):
        read_all(aborting, 8192)
