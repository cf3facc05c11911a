"""GPS leaves PNG, APNG and animated WebP uploads by editing their chunks: the image data
is kept byte for byte (re-encoding an animation decoded every frame, row 1 of issue 10)."""

from __future__ import annotations

import io
import struct
import zlib

import hostile_corpus as corpus
from PIL import Image

from server.images import process_upload

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000
GPS_IFD = 0x8825


def _chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    position, found = 8, []
    while position < len(png):
        length = struct.unpack(">I", png[position : position + 4])[0]
        kind = png[position + 4 : position + 8]
        found.append((kind, png[position + 8 : position + 8 + length]))
        position += 12 + length
    return found


def _frames(data: bytes) -> list[bytes]:
    with Image.open(io.BytesIO(data)) as image:
        frames = []
        for index in range(getattr(image, "n_frames", 1)):
            image.seek(index)
            frames.append(image.convert("RGB").tobytes())
        return frames


def test_png_keeps_its_image_chunks_and_loses_only_the_location() -> None:
    source = Image.new("RGB", (64, 48), "olive")
    output = io.BytesIO()
    source.save(output, "PNG", exif=corpus.gps_exif())
    data = output.getvalue()

    stored = process_upload(data, max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS).original

    before, after = _chunks(data), _chunks(stored)
    assert [c for c in before if c[0] == b"IDAT"] == [c for c in after if c[0] == b"IDAT"]
    with Image.open(io.BytesIO(stored)) as image:
        exif = image.getexif()
        assert GPS_IFD not in exif and exif[0x010F] == "Fairphone"
    for kind, body in after:  # every chunk's CRC is right (a viewer would refuse it)
        crc = struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        assert crc in stored


def test_apng_within_the_limit_keeps_every_frame_without_gps() -> None:
    data = corpus.apng_bomb(side=200, frames=4)

    stored = process_upload(data, max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS).original

    assert _frames(stored) == _frames(data)
    assert [c for c in _chunks(stored) if c[0] in (b"IDAT", b"fdAT")] == [
        c for c in _chunks(data) if c[0] in (b"IDAT", b"fdAT")
    ]
    with Image.open(io.BytesIO(stored)) as image:
        assert GPS_IFD not in image.getexif()


def test_animated_webp_within_the_limit_keeps_its_frames_without_gps() -> None:
    data = corpus.animated_webp_bomb(side=120, frames=5)
    with Image.open(io.BytesIO(data)) as image:
        assert image.n_frames == 5 and GPS_IFD in image.getexif()

    stored = process_upload(data, max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS).original

    assert _frames(stored) == _frames(data)
    assert len(data) - len(stored) < 200  # only the location's bytes went
    with Image.open(io.BytesIO(stored)) as image:
        exif = image.getexif()
        assert GPS_IFD not in exif and exif[0x010F] == "Fairphone"


def test_png_xmp_with_coordinates_is_dropped() -> None:
    source = io.BytesIO()
    Image.new("RGB", (32, 32), "red").save(source, "PNG")
    png = source.getvalue()
    xmp = b'<x:xmpmeta><rdf:Description exif:GPSLatitude="40,25N"/></x:xmpmeta>'
    body = b"XML:com.adobe.xmp" + b"\x00\x00\x00\x00\x00" + xmp
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body
    chunk += struct.pack(">I", zlib.crc32(b"iTXt" + body) & 0xFFFFFFFF)
    data = png[:33] + chunk + png[33:]

    stored = process_upload(data, max_bytes=MAX_BYTES, max_pixels=MAX_PIXELS).original

    assert b"GPSLatitude" not in stored
    assert stored == png


def _heic_exif(data: bytes) -> Image.Exif:
    with Image.open(io.BytesIO(data)) as image:
        return image.getexif()


def _heic_pixels(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB").tobytes()


def test_heic_loses_its_location_in_place_through_upload_and_download(api):
    data = corpus.heic_with_gps(side=96)
    assert data is not None, "pillow-heif is a dependency of the server"
    assert GPS_IFD in _heic_exif(data)
    account = api.register("heic")
    album = api.create_album(account)

    photo = api.upload(account, album["id"], data, filename="IMG_0001.HEIC")
    stored = api.client.get(
        f"/api/v1/photos/{photo['id']}/content",
        params={"variant": "original"},
        headers=account.headers,
    )

    assert stored.status_code == 200 and stored.headers["content-type"] == "image/heic"
    original = stored.content
    assert len(original) == len(data)
    exif_start, exif_end = corpus.heic_exif_item(data)
    changed = [n for n, (a, b) in enumerate(zip(data, original, strict=True)) if a != b]
    assert changed and exif_start <= changed[0] and changed[-1] < exif_end  # only Exif bytes
    assert original[:exif_start] == data[:exif_start]  # boxes and coded image untouched
    exif = _heic_exif(original)
    assert GPS_IFD not in exif and exif[0x010F] == "Fairphone"
    assert _heic_pixels(original) == _heic_pixels(data)


def test_heic_exif_item_past_the_end_of_the_file_is_unreadable(api):
    account = api.register("heicmala")
    album = api.create_album(account)
    for length in (0x7FFF_FFF0, 3):
        data = corpus.heic_with_exif_item_length(length)
        assert data is not None

        response = api.client.post(
            f"/api/v1/albums/{album['id']}/photos",
            files={"file": ("IMG_0002.HEIC", data, "image/heic")},
            headers=account.headers,
        )

        assert response.status_code == 422, response.text
        assert response.json()["error"]["code"] == "image_unreadable"
