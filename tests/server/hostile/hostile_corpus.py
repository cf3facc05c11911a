"""Hostile files, built here from their specifications (no fixture could hold them all).

Each builder makes the smallest file that reproduces one attack; the big ones are cached, as
building them costs more than sending them.
"""

from __future__ import annotations

import io
import struct
import zlib
from functools import cache

from PIL import Image

GPS_IFD = 0x8825


def gps_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Fairphone"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (40.0, 25.0, 1.5), 3: "W", 4: (3.0, 42.0, 7.0)})
    return exif


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def _ihdr(width: int, height: int, bit_depth: int = 8, colour_type: int = 0) -> bytes:
    return _png_chunk(
        b"IHDR", struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    )


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@cache
def apng_bomb(side: int = 7000, frames: int = 30) -> bytes:
    """An APNG of ``frames`` grey frames of ``side``² pixels with GPS in its eXIf chunk: each
    frame fits the pixel limit, all of them together are 30 times over it."""
    frame = zlib.compress(b"\x00" * ((side + 1) * side), 9)
    parts = [
        PNG_SIGNATURE,
        _ihdr(side, side),
        _png_chunk(b"acTL", struct.pack(">II", frames, 0)),
        _png_chunk(b"eXIf", gps_exif().tobytes()[6:]),
    ]
    sequence = 0
    for index in range(frames):
        control = struct.pack(">IIIIIHHBB", sequence, side, side, 0, 0, 1, 10, 0, 0)
        parts.append(_png_chunk(b"fcTL", control))
        sequence += 1
        if index == 0:
            parts.append(_png_chunk(b"IDAT", frame))
        else:
            parts.append(_png_chunk(b"fdAT", struct.pack(">I", sequence) + frame))
            sequence += 1
    parts.append(_png_chunk(b"IEND", b""))
    return b"".join(parts)


@cache
def animated_webp_bomb(side: int = 2000, frames: int = 16) -> bytes:
    """An animated WebP with GPS whose frames together pass the pixel limit."""
    images = [
        Image.new("RGB", (side, side), (index * 16, 255 - index * 16, (index % 2) * 255))
        for index in range(frames)
    ]
    output = io.BytesIO()
    images[0].save(
        output, "WEBP", save_all=True, append_images=images[1:], exif=gps_exif(), quality=10
    )
    return output.getvalue()


def small_jpeg(size: tuple[int, int] = (64, 64)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, "steelblue").save(output, "JPEG")
    return output.getvalue()


@cache
def jpeg_with_empty_exif_segments(count: int = 870_000) -> bytes:
    """A 64×64 JPEG whose header carries ``count`` empty APP1 segments (4 bytes each)."""
    data = small_jpeg()
    return data[:2] + b"\xff\xe1\x00\x02" * count + data[2:]


def small_png(size: tuple[int, int] = (64, 64)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, "olive").save(output, "PNG")
    return output.getvalue()


@cache
def png_chunk_flood(count: int = 300_000) -> bytes:
    """A valid PNG with ``count`` tiny text chunks before its image data."""
    data = small_png()
    ihdr_end = len(PNG_SIGNATURE) + 25
    return data[:ihdr_end] + _png_chunk(b"tEXt", b"a\x00b") * count + data[ihdr_end:]


@cache
def png_ztxt_bomb(inflated_bytes: int = 256 * 1024 * 1024) -> bytes:
    """A small PNG with an XMP zTXt chunk that inflates to ``inflated_bytes`` (a zip bomb)."""
    bomb = zlib.compress(b"\x00" * inflated_bytes, 9)
    data = small_png()
    ihdr_end = len(PNG_SIGNATURE) + 25
    chunk = _png_chunk(b"zTXt", b"XML:com.adobe.xmp\x00\x00" + bomb)
    return data[:ihdr_end] + chunk + data[ihdr_end:]


def png_claiming_size(width: int, height: int) -> bytes:
    """A PNG whose header claims ``width``×``height`` with a tiny (bogus) image stream."""
    return b"".join(
        [
            PNG_SIGNATURE,
            _ihdr(width, height, bit_depth=1),
            _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64)),
            _png_chunk(b"IEND", b""),
        ]
    )


def heic_claiming_size(width: int, height: int) -> bytes | None:
    """A real HEIC whose ``ispe`` (image size) boxes claim ``width``×``height``; ``None``
    without pillow-heif."""
    try:
        import pillow_heif
    except ImportError:
        return None
    pillow_heif.register_heif_opener()
    output = io.BytesIO()
    Image.new("RGB", (64, 64), "teal").save(output, "HEIF", quality=50)
    data = bytearray(output.getvalue())
    start = 0
    while (found := data.find(b"ispe", start)) >= 0:
        data[found + 8 : found + 16] = struct.pack(">II", width, height)
        start = found + 4
    return bytes(data)


def heic_with_gps(side: int = 64) -> bytes | None:
    """A real HEIC whose Exif item has a GPS IFD and a camera make; ``None`` without
    pillow-heif."""
    try:
        import pillow_heif
    except ImportError:
        return None
    pillow_heif.register_heif_opener()
    output = io.BytesIO()
    Image.new("RGB", (side, side), "teal").save(
        output, "HEIF", exif=gps_exif().tobytes(), quality=50
    )
    return output.getvalue()


def heic_exif_item(data: bytes) -> tuple[int, int]:
    """(start, end) of the Exif item of a HEIC written by pillow-heif: its bytes are the
    4-byte TIFF offset and the ``Exif\0\0`` block, and they end the file."""
    tiff = data.find(gps_exif().tobytes()[6:16])
    assert tiff > 10 and data[tiff - 10 : tiff] == b"\x00\x00\x00\x06Exif\x00\x00"
    return tiff - 10, len(data)


def heic_with_exif_item_length(length: int) -> bytes | None:
    """``heic_with_gps`` whose ``iloc`` gives the Exif item ``length`` bytes (past the end of
    the file, or too short to hold anything)."""
    data = heic_with_gps()
    if data is None:
        return None
    start, end = heic_exif_item(data)
    # pillow-heif's iloc entry: base offset (4 bytes), one extent at offset 0 of (4 bytes) length.
    entry = struct.pack(">IHII", start, 1, 0, end - start)
    assert data.count(entry) == 1
    return data.replace(entry, struct.pack(">IHII", start, 1, 0, length))


def cursor_for(raw: str) -> str:
    import base64

    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


@cache
def text_page(lines: int = 420, side: int = 1900) -> bytes:
    """A ``side``² PNG page with ``lines`` lines of small print (row 7 of the issue)."""
    from PIL import ImageDraw, ImageFont

    page = Image.new("RGB", (side, side), "white")
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=14)
    per_column = 105
    for index in range(lines):
        column, row = divmod(index, per_column)
        draw.text(
            (20 + column * 470, 10 + row * 18),
            f"linea {index} texto de prueba",
            fill="black",
            font=font,
        )
    output = io.BytesIO()
    page.save(output, "PNG")
    return output.getvalue()
