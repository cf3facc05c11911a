"""Removing GPS from PNG and WebP by rewriting their metadata chunks; pixels are copied as is.

Animated files in particular are never re-encoded (that decoded every frame). Walks are
bounded to ``MAX_CHUNKS`` chunks; compressed XMP is inflated to at most ``MAX_XMP_BYTES``,
and a packet larger than that is dropped (it cannot be shown to hold no location).
"""

from __future__ import annotations

import struct
import zlib
from typing import Final

from server.errors import ImageRejected
from server.images.metadata import EXIF_HEADER, exif_without_gps, xmp_has_gps
from server.images.opening import unreadable

MAX_CHUNKS: Final = 20_000
MAX_XMP_BYTES: Final = 1024 * 1024
_PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
_PNG_XMP_KEY: Final = b"XML:com.adobe.xmp"
# ImageMagick writes EXIF into text chunks as hex under these keys.
_PNG_RAW_PROFILE_KEYS: Final = (b"Raw profile type exif", b"Raw profile type APP1")
_WEBP_EXIF_FLAG: Final = 0x08
_WEBP_XMP_FLAG: Final = 0x04


def _too_many_chunks() -> ImageRejected:
    return ImageRejected(
        f"The image has more than {MAX_CHUNKS} chunks; it is not an ordinary image file.",
        code="image_unreadable",
    )


def _inflate_limited(data: bytes) -> bytes | None:
    """zlib data inflated, or ``None`` when it is broken or inflates past ``MAX_XMP_BYTES``."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_XMP_BYTES + 1)
    except zlib.error:
        return None
    return None if len(out) > MAX_XMP_BYTES else out


def _png_text_has_gps(chunk_type: bytes, body: bytes) -> bool:
    """Whether a tEXt/zTXt/iTXt chunk holds (or may hold) a location."""
    key, _, rest = body.partition(b"\x00")
    if key in _PNG_RAW_PROFILE_KEYS:
        return True  # hex-coded EXIF that Pillow does not read back: drop it
    if key != _PNG_XMP_KEY:
        return False
    if chunk_type == b"tEXt":
        return xmp_has_gps(rest)
    if chunk_type == b"zTXt":
        text = _inflate_limited(rest[1:])
        return text is None or xmp_has_gps(text)
    # iTXt: compression flag, method, language\0, translated keyword\0, text
    if len(rest) < 2:
        return False
    compressed = rest[0] == 1
    tail = rest[2:].split(b"\x00", 2)
    if len(tail) < 3:
        return False
    text = _inflate_limited(tail[2]) if compressed else tail[2]
    return text is None or xmp_has_gps(text)


def _png_chunk(chunk_type: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(chunk_type + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + chunk_type + body + struct.pack(">I", crc)


def strip_gps_png(data: bytes) -> bytes:
    """``data`` with GPS removed from its eXIf chunk and XMP/EXIF text chunks with locations
    dropped; ``data`` itself when there is nothing to remove."""
    if not data.startswith(_PNG_SIGNATURE):
        raise unreadable()
    parts = [_PNG_SIGNATURE]
    changed = False
    pos, size = len(_PNG_SIGNATURE), len(data)
    for _ in range(MAX_CHUNKS):
        if pos + 12 > size:
            break
        length = struct.unpack(">I", data[pos : pos + 4])[0]
        chunk_type = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if end > size:
            raise unreadable()
        body = data[pos + 8 : pos + 8 + length]
        keep = data[pos:end]
        if chunk_type == b"eXIf":
            rewritten = exif_without_gps(body, max_bytes=2**31 - 1)
            if rewritten is not None:
                changed = True
                keep = (
                    _png_chunk(b"eXIf", rewritten.removeprefix(EXIF_HEADER)) if rewritten else b""
                )
        elif chunk_type in (b"tEXt", b"zTXt", b"iTXt") and _png_text_has_gps(chunk_type, body):
            changed = True
            keep = b""
        parts.append(keep)
        pos = end
        if chunk_type == b"IEND":
            changed = changed or pos < size  # bytes after the end may hide anything
            break
    else:
        raise _too_many_chunks()
    return b"".join(parts) if changed else data


def strip_gps_webp(data: bytes) -> bytes:
    """``data`` with GPS removed from its EXIF chunk and an XMP chunk with a location dropped
    (the VP8X flags and the RIFF size follow); ``data`` itself when there is nothing to remove."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WEBP":
        raise unreadable()
    chunks: list[tuple[bytes, bytes]] = []
    changed = False
    dropped_flags = 0
    pos, size = 12, len(data)
    riff_end = min(size, 8 + int.from_bytes(data[4:8], "little"))
    for _ in range(MAX_CHUNKS):
        if pos + 8 > riff_end:
            break
        fourcc = data[pos : pos + 4]
        length = int.from_bytes(data[pos + 4 : pos + 8], "little")
        end = pos + 8 + length
        if end > riff_end:
            raise unreadable()
        body = data[pos + 8 : end]
        pos = end + (length & 1)
        if fourcc == b"EXIF":
            rewritten = exif_without_gps(body, max_bytes=2**31 - 1)
            if rewritten is not None:
                changed = True
                if not rewritten:
                    dropped_flags |= _WEBP_EXIF_FLAG
                    continue
                body = rewritten.removeprefix(EXIF_HEADER)
        elif fourcc == b"XMP " and xmp_has_gps(body):
            changed = True
            dropped_flags |= _WEBP_XMP_FLAG
            continue
        chunks.append((fourcc, body))
    else:
        raise _too_many_chunks()
    if not changed:
        return data
    out = bytearray()
    for fourcc, body in chunks:
        if fourcc == b"VP8X" and body:
            body = bytes((body[0] & ~dropped_flags & 0xFF,)) + body[1:]
        out += fourcc + len(body).to_bytes(4, "little") + body + (b"\x00" if len(body) & 1 else b"")
    return b"RIFF" + (len(out) + 4).to_bytes(4, "little") + b"WEBP" + bytes(out)
