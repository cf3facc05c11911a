"""Removing GPS from a JPEG by editing its metadata segments; the image data is copied as is.

Every walk here is bounded: at most ``MAX_SEGMENTS`` metadata segments before the image data
(real cameras write a dozen or two), at most ``MAX_TRAILING_EXIF`` Exif blocks in appended
images, and entropy-coded data is skipped with a regular expression rather than byte by byte.
"""

from __future__ import annotations

import logging
import re
import struct
from typing import Final

from server.errors import ImageRejected
from server.images.metadata import EXIF_HEADER, exif_without_gps, xmp_has_gps
from server.images.opening import unreadable

logger = logging.getLogger(__name__)

MAX_SEGMENTS: Final = 256
MAX_TRAILING_EXIF: Final = 16
_XMP_HEADER: Final = b"http://ns.adobe.com/xap/1.0/\x00"
_MPF_HEADER: Final = b"MPF\x00"
_MAX_SEGMENT_PAYLOAD: Final = 0xFFFF - 2
# A marker inside entropy-coded data: 0xFF followed by anything but a stuffed 00, a restart
# marker (D0-D7) or another fill byte.
_REAL_MARKER: Final = re.compile(rb"\xff[\x01-\xcf\xd8-\xfe]")


def _too_many_segments() -> ImageRejected:
    return ImageRejected(
        f"The image has more than {MAX_SEGMENTS} metadata segments; it is not a camera's JPEG.",
        code="image_unreadable",
    )


def check_segment_count(data: bytes) -> None:
    """Refuse a JPEG with more than ``MAX_SEGMENTS`` segments before its image data.

    Pillow reads every header segment in Python before it decodes anything, so this runs
    first: a few bytes per empty segment would otherwise buy seconds of CPU.
    """
    pos, size, count = 2, len(data), 0
    while pos + 4 <= size:
        if data[pos] != 0xFF:
            return  # malformed; the decoder will say so
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        count += 1
        if count > MAX_SEGMENTS:
            raise _too_many_segments()
        if marker == 0xDA or marker == 0xD9:
            return
        pos += 2 + struct.unpack(">H", data[pos + 2 : pos + 4])[0]


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def _jpeg_end_of_image(data: bytes, pos: int) -> int:
    """Return the offset just after the EOI marker of the image whose scan data starts at ``pos``.

    Skips entropy-coded data and the segments between scans (progressive JPEGs) until EOI;
    ``len(data)`` if the image never ends.
    """
    size = len(data)
    for _ in range(MAX_SEGMENTS):
        found = _REAL_MARKER.search(data, pos)
        if found is None:
            return size
        pos = found.start()
        if data[pos + 1] == 0xD9:
            return pos + 2
        if pos + 4 > size:
            return size
        pos += 2 + struct.unpack(">H", data[pos + 2 : pos + 4])[0]
    return size


def _exif_rewrite(payload: bytes) -> bytes | None:
    return exif_without_gps(payload, max_bytes=_MAX_SEGMENT_PAYLOAD)


def _trailing_images_have_gps(trailing: bytes) -> bool:
    """Whether appended images (MPF secondary images) carry GPS in their own Exif segments.

    More Exif blocks than a camera writes count as GPS: they cannot all be checked cheaply.
    """
    search_from = 0
    for _ in range(MAX_TRAILING_EXIF):
        found = trailing.find(EXIF_HEADER, search_from)
        if found < 0:
            return False
        search_from = found + 1
        if found < 4 or trailing[found - 4 : found - 2] != b"\xff\xe1":
            continue
        length = struct.unpack(">H", trailing[found - 2 : found])[0]
        if _exif_rewrite(trailing[found : found - 2 + length]) is not None:
            return True
    return trailing.find(EXIF_HEADER, search_from) >= 0


def strip_gps_jpeg(data: bytes) -> bytes:
    """Remove GPS from a JPEG's metadata without touching the compressed image data.

    Rewrites Exif APP1 segments that have a GPS IFD, drops XMP packets with coordinates,
    and drops appended MPF images (and the MPF index) when those carry GPS. Returns ``data``
    itself when there is no GPS anywhere.
    """
    parts: list[bytes] = [data[:2]]
    changed = False
    mpf_segment: tuple[int, bytes] | None = None
    pos = 2
    size = len(data)
    segments = 0
    while pos < size:
        if data[pos] != 0xFF:
            raise unreadable()
        while pos < size and data[pos] == 0xFF:  # fill bytes before a marker
            pos += 1
        if pos >= size:
            raise unreadable()
        segments += 1
        if segments > MAX_SEGMENTS:
            raise _too_many_segments()
        marker = data[pos]
        pos += 1
        if marker == 0xD9 or marker == 0x01 or 0xD0 <= marker <= 0xD7:
            parts.append(bytes((0xFF, marker)))
            if marker == 0xD9:
                parts.append(data[pos:])
                break
            continue
        if pos + 2 > size:
            raise unreadable()
        length = struct.unpack(">H", data[pos : pos + 2])[0]
        if length < 2 or pos + length > size:
            raise unreadable()
        payload = data[pos + 2 : pos + length]
        pos += length
        if marker == 0xE1 and payload.startswith(EXIF_HEADER):
            rewritten = _exif_rewrite(payload)
            if rewritten is not None:
                changed = True
                if rewritten:
                    parts.append(_segment(0xE1, rewritten))
                continue
        elif marker == 0xE1 and payload.startswith(_XMP_HEADER) and xmp_has_gps(payload):
            changed = True
            continue
        elif marker == 0xE2 and payload.startswith(_MPF_HEADER):
            mpf_segment = (len(parts), _segment(marker, payload))
        parts.append(_segment(marker, payload))
        if marker == 0xDA:  # start of scan: the rest is image data, copied untouched
            # Only appended images (MPF) can hold more Exif after this point.
            end = _jpeg_end_of_image(data, pos) if data.find(EXIF_HEADER, pos) >= 0 else size
            trailing = data[end:]
            if trailing and _trailing_images_have_gps(trailing):
                changed = True
                parts.append(data[pos:end])
                if mpf_segment is not None:
                    del parts[mpf_segment[0]]
            else:
                parts.append(data[pos:])
            break
    return b"".join(parts) if changed else data
