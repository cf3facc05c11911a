"""Removing GPS from a HEIF/HEIC in place: the Exif item's GPS IFD is blanked, same length.

A HEIF keeps its metadata as items of the ``meta`` box: ``iinf`` names each item's type
(``Exif``, or ``mime`` with a content type for XMP) and ``iloc`` says where its bytes are (in
``mdat`` or ``idat``). Since nothing changes length, every offset in the file stays right and
the image items are byte for byte the upload's. In the Exif item the GPS entry is taken out of
IFD0 (the later entries move up 12 bytes, the count drops by one) and the GPS IFD and the values
it points to are zeroed; an XMP item with coordinates becomes an empty XMP packet padded with
spaces.

Every walk is bounded (boxes, items, extents, IFD entries). ``None`` means "not this way": a
layout this does not edit (an item split over several extents, items built from other items)
or an edit that does not read back cleanly; the caller then re-encodes. References outside the
file raise ``image_unreadable``.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Final

from PIL import Image

from server.images.metadata import GPS_IFD, xmp_has_gps
from server.images.opening import DECODE_ERRORS, unreadable

MAX_BOXES: Final = 1024
MAX_ITEMS: Final = 4096
MAX_IFD_ENTRIES: Final = 1024
_XMP_TYPES: Final = (b"application/rdf+xml",)
_EMPTY_XMP: Final = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"/>'
# Bytes per value of each TIFF field type (1 BYTE ... 13 IFD).
_TYPE_SIZES: Final = {
    1: 1,
    2: 1,
    3: 2,
    4: 4,
    5: 8,
    6: 1,
    7: 1,
    8: 2,
    9: 4,
    10: 8,
    11: 4,
    12: 8,
    13: 4,
}


class _Layout(Exception):
    """A valid file laid out in a way this module does not edit in place."""


@dataclass(frozen=True)
class _Item:
    item_type: bytes
    content_type: bytes = b""


def _boxes(data: bytes | bytearray, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """``(type, body start, box end)`` of the boxes in ``data[start:end]``."""
    found: list[tuple[bytes, int, int]] = []
    pos = start
    while pos + 8 <= end:
        if len(found) >= MAX_BOXES:
            raise unreadable()
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        header = 8
        if size == 1:
            if pos + 16 > end:
                raise unreadable()
            size = struct.unpack(">Q", data[pos + 8 : pos + 16])[0]
            header = 16
        elif size == 0:
            size = end - pos
        if size < header or pos + size > end:
            raise unreadable()
        found.append((kind, pos + header, pos + size))
        pos += size
    return found


def _uint(data: bytes | bytearray, pos: int, size: int, end: int) -> int:
    if size == 0:
        return 0
    if pos + size > end:
        raise unreadable()
    return int.from_bytes(data[pos : pos + size], "big")


def _items(data: bytes | bytearray, start: int, end: int) -> dict[int, _Item]:
    """``iinf``: item id → type (and content type for ``mime`` items)."""
    version = data[start] if start < end else 0
    pos = start + 4 + (2 if version == 0 else 4)
    items: dict[int, _Item] = {}
    for kind, body, box_end in _boxes(data, pos, end):
        if kind != b"infe":
            continue
        if len(items) >= MAX_ITEMS:
            raise unreadable()
        infe_version = data[body]
        if infe_version < 2:
            continue  # old item entries carry no type; nothing of ours is written that way
        id_size = 2 if infe_version == 2 else 4
        item_id = _uint(data, body + 4, id_size, box_end)
        type_at = body + 4 + id_size + 2
        item_type = bytes(data[type_at : type_at + 4])
        content_type = b""
        if item_type == b"mime":
            name_end = data.find(b"\x00", type_at + 4, box_end)
            name_end = box_end if name_end < 0 else name_end
            content_at = data.find(b"\x00", name_end + 1, box_end)
            content_type = bytes(data[name_end + 1 : box_end if content_at < 0 else content_at])
        items[item_id] = _Item(item_type, content_type)
    return items


def _locations(
    data: bytes | bytearray, start: int, end: int, idat: int | None
) -> dict[int, tuple[int, int]]:
    """``iloc``: item id → (file offset, length) of items stored in one extent."""
    version = data[start]
    pos = start + 4
    sizes = _uint(data, pos, 2, end)
    offset_size, length_size = sizes >> 12, (sizes >> 8) & 0xF
    base_offset_size, index_size = (sizes >> 4) & 0xF, sizes & 0xF if version in (1, 2) else 0
    pos += 2
    count_size = 2 if version < 2 else 4
    count = _uint(data, pos, count_size, end)
    pos += count_size
    if count > MAX_ITEMS:
        raise unreadable()
    found: dict[int, tuple[int, int]] = {}
    for _ in range(count):
        item_id = _uint(data, pos, count_size, end)
        pos += count_size
        method = 0
        if version in (1, 2):
            method = _uint(data, pos, 2, end) & 0xF
            pos += 2
        pos += 2  # data_reference_index
        base = _uint(data, pos, base_offset_size, end)
        pos += base_offset_size
        extents = _uint(data, pos, 2, end)
        pos += 2
        if extents > MAX_ITEMS:
            raise unreadable()
        spans = []
        for _ in range(extents):
            pos += index_size
            offset = _uint(data, pos, offset_size, end)
            pos += offset_size
            length = _uint(data, pos, length_size, end)
            pos += length_size
            spans.append((offset, length))
        if method == 2 or len(spans) != 1:
            found[item_id] = (-1, -1)  # not one plain extent: a layout we do not edit
            continue
        offset, length = spans[0]
        origin = base + offset
        if method == 1:
            if idat is None:
                raise unreadable()
            origin += idat
        found[item_id] = (origin, length)
    return found


def _blank_gps(block: bytearray) -> bool:
    """Take the GPS IFD out of a TIFF block in place; False if it has none."""
    order = bytes(block[:2])
    if order not in (b"MM", b"II"):
        raise _Layout
    endian = ">" if order == b"MM" else "<"
    size = len(block)

    def read(fmt: str, pos: int) -> int:
        if pos < 0 or pos + struct.calcsize(fmt) > size:
            raise _Layout
        value: int = struct.unpack(endian + fmt, block[pos : pos + struct.calcsize(fmt)])[0]
        return value

    def zero(start: int, length: int) -> None:
        if start >= 0 and start + length <= size:
            block[start : start + length] = bytes(length)

    ifd0 = read("I", 4)
    count = read("H", ifd0)
    if count > MAX_IFD_ENTRIES:
        raise _Layout
    entries = ifd0 + 2
    index = next(
        (n for n in range(count) if read("H", entries + 12 * n) == GPS_IFD),
        None,
    )
    if index is None:
        return False
    gps = read("I", entries + 12 * index + 8)
    gps_count = read("H", gps)
    if gps_count > MAX_IFD_ENTRIES:
        raise _Layout
    for n in range(gps_count):
        entry = gps + 2 + 12 * n
        field_type, values = read("H", entry + 2), read("I", entry + 4)
        length = _TYPE_SIZES.get(field_type, 1) * values
        if length > 4:
            zero(read("I", entry + 8), length)
    zero(gps, 2 + 12 * gps_count + 4)
    # IFD0 without the entry: the later entries and the next-IFD offset move up 12 bytes.
    tail_end = entries + 12 * count + 4
    if tail_end > size:
        raise _Layout
    removed = entries + 12 * index
    block[removed : tail_end - 12] = block[removed + 12 : tail_end]
    block[tail_end - 12 : tail_end] = bytes(12)
    block[ifd0 : ifd0 + 2] = struct.pack(endian + "H", count - 1)
    return True


def _reads_without_gps(tiff: bytes) -> bool:
    exif = Image.Exif()
    try:
        exif.load(b"Exif\x00\x00" + tiff)
    except DECODE_ERRORS:
        return False
    return GPS_IFD not in exif


def strip_gps_heif(data: bytes) -> bytes | None:
    """``data`` with its Exif GPS and XMP coordinates blanked in place (same length), ``data``
    itself when it has none, or ``None`` when this file is not edited this way."""
    size = len(data)
    meta = next(((body, end) for kind, body, end in _boxes(data, 0, size) if kind == b"meta"), None)
    if meta is None:
        return data
    children = _boxes(data, meta[0] + 4, meta[1])
    idat = next((body for kind, body, _ in children if kind == b"idat"), None)
    iinf = next(((body, end) for kind, body, end in children if kind == b"iinf"), None)
    iloc = next(((body, end) for kind, body, end in children if kind == b"iloc"), None)
    if iinf is None or iloc is None:
        return data
    items = _items(data, *iinf)
    locations = _locations(data, *iloc, idat)
    edited = bytearray(data)
    changed = False
    try:
        for item_id, item in items.items():
            is_xmp = item.item_type == b"mime" and item.content_type in _XMP_TYPES
            if item.item_type != b"Exif" and not is_xmp:
                continue
            start, length = locations.get(item_id, (-1, -1))
            if start < 0:
                raise _Layout
            if length == 0:
                raise _Layout  # "to the end of the file": legal, and not edited here
            if start + length > size:
                raise unreadable()
            if is_xmp:
                if xmp_has_gps(data[start : start + length]):
                    blank = _EMPTY_XMP if length >= len(_EMPTY_XMP) else b""
                    edited[start : start + length] = blank.ljust(length, b" ")
                    changed = True
                continue
            if length < 4:
                raise unreadable()
            tiff_at = start + 4 + int.from_bytes(data[start : start + 4], "big")
            if data[tiff_at : tiff_at + 6] == b"Exif\x00\x00":
                tiff_at += 6  # some writers keep the JPEG prefix and point before it
            if tiff_at >= start + length:
                raise unreadable()
            tiff = edited[tiff_at : start + length]
            if _blank_gps(tiff):
                if not _reads_without_gps(bytes(tiff)):
                    raise _Layout
                edited[tiff_at : start + length] = tiff
                changed = True
    except _Layout:
        return None
    return bytes(edited) if changed else data
