"""Upload checks and variants on real photos and on images built to be awkward."""

from __future__ import annotations

import hashlib
import io
import struct
import warnings
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from server.images import (
    ImageRejected,
    ProcessedImage,
    heif_supported,
    open_verified,
    process_upload,
    sniff_format,
    strip_gps_jpeg,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
FACES = REPO_ROOT / "tests" / "fixtures" / "faces"

MAX_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 50_000_000
GPS_IFD = 0x8825
EXIF_IFD = 0x8769
ORIENTATION = 0x0112
MAKE, MODEL = 0x010F, 0x0110
DATETIME_ORIGINAL, OFFSET_TIME_ORIGINAL = 0x9003, 0x9011


def process(data: bytes, **limits: int) -> ProcessedImage:
    options = {"max_bytes": MAX_BYTES, "max_pixels": MAX_PIXELS} | limits
    return process_upload(data, **options)


def rejected(data: bytes, **limits: int) -> ImageRejected:
    with pytest.raises(ImageRejected) as caught:
        process(data, **limits)
    return caught.value


def fixture_bytes(name: str) -> bytes:
    return (FACES / name).read_bytes()


def encode(image: Image.Image, image_format: str, **options: object) -> bytes:
    output = io.BytesIO()
    image.save(output, format=image_format, **options)
    return output.getvalue()


def camera_exif(*, orientation: int = 1, with_gps: bool = True) -> Image.Exif:
    """EXIF like a phone writes: make, model, capture time with offset, and coordinates."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[MAKE] = "Fairphone"
    exif[MODEL] = "FP5"
    exif_ifd = exif.get_ifd(EXIF_IFD)
    exif_ifd[DATETIME_ORIGINAL] = "2021:07:14 18:30:05"
    exif_ifd[OFFSET_TIME_ORIGINAL] = "+02:00"
    if with_gps:
        gps = exif.get_ifd(GPS_IFD)
        gps.update({1: "N", 2: (40.0, 25.0, 1.5), 3: "W", 4: (3.0, 42.0, 7.0)})
    return exif


def two_colour_image(size: tuple[int, int] = (300, 200), mode: str = "RGB") -> Image.Image:
    """Top half red, bottom half blue: shows which way an image was turned."""
    image = Image.new("RGB", size, (220, 0, 0))
    image.paste((0, 0, 220), (0, size[1] // 2, size[0], size[1]))
    return image.convert(mode)


def png_with_patched_size(width: int, height: int) -> bytes:
    """A tiny valid PNG whose IHDR claims ``width`` x ``height`` (CRC fixed): a cheap bomb."""
    data = bytearray(encode(Image.new("L", (16, 16)), "PNG"))
    # Signature (8) + IHDR length (4) + b"IHDR" (4), then width and height.
    struct.pack_into(">II", data, 16, width, height)
    struct.pack_into(">I", data, 29, zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def gps_of(data: bytes) -> dict[int, object]:
    return dict(Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD))


def scan_data(jpeg: bytes) -> bytes:
    """Everything from the first start-of-scan marker on: the compressed pixels."""
    return jpeg[jpeg.index(b"\xff\xda") :]


# --- accepted photos --------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(path.name for path in FACES.iterdir()))
def test_every_fixture_photo_is_accepted_with_bounded_variants(name: str) -> None:
    data = fixture_bytes(name)
    result = process(data)

    with Image.open(FACES / name) as source:
        assert (result.width, result.height) == source.size
    preview = Image.open(io.BytesIO(result.preview))
    thumbnail = Image.open(io.BytesIO(result.thumbnail))
    assert preview.format == "JPEG" and thumbnail.format == "JPEG"
    assert max(preview.size) == min(1440, max(result.width, result.height))
    assert max(thumbnail.size) == 256
    assert result.sha256 == hashlib.sha256(result.original).hexdigest()
    assert result.size_bytes == len(result.original)


def test_jpeg_facts_come_from_the_bytes() -> None:
    result = process(fixture_bytes("obama_1.jpg"))

    assert (result.content_type, result.extension) == ("image/jpeg", "jpg")
    assert (result.width, result.height) == (910, 1137)
    assert result.camera == "Canon EOS 5D Mark III"  # make "Canon" is not repeated
    assert result.taken_at == datetime(2012, 12, 6, 15, 46, 1, tzinfo=UTC)
    # No GPS in this photo: the original is stored byte for byte.
    assert result.original == fixture_bytes("obama_1.jpg")


def test_preview_of_a_large_photo_is_1440_and_keeps_the_aspect() -> None:
    result = process(fixture_bytes("group_obama_biden.jpg"))  # 2000 x 1428

    preview = Image.open(io.BytesIO(result.preview))
    thumbnail = Image.open(io.BytesIO(result.thumbnail))
    assert preview.size == (1440, 1028)
    assert thumbnail.size == (256, 183)


def test_variants_carry_no_exif() -> None:
    result = process(encode(two_colour_image(), "JPEG", exif=camera_exif()))

    for variant in (result.preview, result.thumbnail):
        assert b"Exif\x00\x00" not in variant
        assert len(Image.open(io.BytesIO(variant)).getexif()) == 0


def test_rgba_png_is_accepted_and_composited_on_white() -> None:
    data = fixture_bytes("miranda_1.png")
    result = process(data)

    assert (result.content_type, result.extension) == ("image/png", "png")
    assert (result.width, result.height) == (704, 612)
    assert result.original == data
    assert Image.open(io.BytesIO(result.preview)).mode == "RGB"


def test_transparent_pixels_become_white_in_the_preview() -> None:
    image = Image.new("RGBA", (64, 64), (0, 0, 0, 0))
    image.paste((0, 0, 255, 255), (0, 0, 32, 64))
    result = process(encode(image, "PNG"))

    preview = Image.open(io.BytesIO(result.preview)).convert("RGB")
    red, green, blue = preview.getpixel((56, 32))  # type: ignore[misc]
    assert min(red, green, blue) > 240
    red, green, blue = preview.getpixel((8, 32))  # type: ignore[misc]
    assert blue > 200 and red < 40


@pytest.mark.parametrize(
    ("mode", "image_format", "extra"),
    [
        ("CMYK", "JPEG", {}),
        ("L", "JPEG", {}),
        ("LA", "PNG", {}),
        ("P", "PNG", {"transparency": 0}),
        ("I;16", "PNG", {}),
        ("1", "PNG", {}),
        ("RGBA", "WEBP", {"lossless": True}),
    ],
)
def test_other_colour_modes_become_jpeg_previews(
    mode: str, image_format: str, extra: dict[str, object]
) -> None:
    result = process(encode(two_colour_image(mode=mode), image_format, **extra))

    preview = Image.open(io.BytesIO(result.preview))
    assert preview.mode in ("RGB", "L")
    assert preview.size == (300, 200)


def test_sixteen_bit_greyscale_is_scaled_not_clipped() -> None:
    image = Image.new("I;16", (32, 32), 32768)  # mid grey in 16 bits
    result = process(encode(image, "PNG"))

    value = Image.open(io.BytesIO(result.preview)).convert("L").getpixel((16, 16))
    assert isinstance(value, int) and 120 <= value <= 136


def test_webp_is_recognised_by_its_bytes() -> None:
    data = encode(two_colour_image(), "WEBP", quality=80)

    result = process(data)

    assert (result.content_type, result.extension) == ("image/webp", "webp")
    assert result.original == data


# --- orientation ------------------------------------------------------------------------------


def test_exif_orientation_6_swaps_sides_and_turns_the_preview_upright() -> None:
    stored = two_colour_image((300, 200))  # stored sideways: red on top
    data = encode(stored, "JPEG", exif=camera_exif(orientation=6, with_gps=False), quality=95)

    result = process(data)

    assert (result.width, result.height) == (200, 300)
    preview = Image.open(io.BytesIO(result.preview)).convert("RGB")
    thumbnail = Image.open(io.BytesIO(result.thumbnail))
    assert preview.size == (200, 300)
    assert thumbnail.size == (171, 256)
    # Turned 90° clockwise to display: the stored top (red) is now on the right.
    left, right = preview.getpixel((20, 150)), preview.getpixel((180, 150))
    assert isinstance(left, tuple) and isinstance(right, tuple)
    assert left[2] > 150 and left[0] < 60
    assert right[0] > 150 and right[2] < 60
    # The original keeps its orientation tag so viewers turn it too.
    assert Image.open(io.BytesIO(result.original)).getexif()[ORIENTATION] == 6


# --- GPS removal ------------------------------------------------------------------------------


def test_gps_is_removed_from_a_jpeg_without_reencoding() -> None:
    data = encode(two_colour_image(), "JPEG", exif=camera_exif(orientation=3), quality=90)
    assert gps_of(data)

    result = process(data)

    assert gps_of(result.original) == {}
    exif = Image.open(io.BytesIO(result.original)).getexif()
    assert (exif[MAKE], exif[MODEL], exif[ORIENTATION]) == ("Fairphone", "FP5", 3)
    assert exif.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] == "2021:07:14 18:30:05"
    assert scan_data(result.original) == scan_data(data)
    assert result.camera == "Fairphone FP5"
    assert result.taken_at == datetime(2021, 7, 14, 16, 30, 5, tzinfo=UTC)  # +02:00 → UTC
    assert result.sha256 == hashlib.sha256(result.original).hexdigest()
    assert result.sha256 != hashlib.sha256(data).hexdigest()


def test_gps_block_of_a_real_camera_photo_is_removed() -> None:
    data = fixture_bytes("lacamoire_2.jpg")  # Nikon D810 file with a GPS IFD
    assert GPS_IFD in Image.open(io.BytesIO(data)).getexif()

    result = process(data)

    original = Image.open(io.BytesIO(result.original))
    assert GPS_IFD not in original.getexif()
    assert result.camera == "NIKON CORPORATION NIKON D810"
    assert result.taken_at == datetime(2016, 5, 4, 11, 49, 48, tzinfo=UTC)
    assert original.tobytes() == Image.open(io.BytesIO(data)).tobytes()


def test_xmp_with_coordinates_is_dropped_from_a_jpeg() -> None:
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
        b'exif:GPSLatitude="40,25.0N" exif:GPSLongitude="3,42.1W"/></rdf:RDF></x:xmpmeta>'
    )
    data = encode(two_colour_image(), "JPEG", xmp=xmp)
    assert b"GPSLatitude" in data

    original = process(data).original

    assert b"GPSLatitude" not in original
    assert scan_data(original) == scan_data(data)


def test_gps_in_appended_mpf_images_is_removed() -> None:
    output = io.BytesIO()
    two_colour_image().save(
        output,
        format="MPO",
        save_all=True,
        append_images=[Image.new("RGB", (100, 80), "green")],
        exif=camera_exif(),
    )
    data = output.getvalue()
    assert data.count(b"Exif\x00\x00") == 2

    original = process(data).original

    assert gps_of(original) == {}
    assert original.count(b"Exif\x00\x00") == 1
    assert b"MPF\x00" not in original
    assert Image.open(io.BytesIO(original)).size == (300, 200)


def test_jpeg_without_gps_is_returned_unchanged() -> None:
    data = encode(two_colour_image(), "JPEG", exif=camera_exif(with_gps=False))

    assert strip_gps_jpeg(data) is data


def test_gps_is_removed_from_a_png_losslessly() -> None:
    image = two_colour_image(mode="RGBA")
    data = encode(image, "PNG", exif=camera_exif())
    assert gps_of(data)

    result = process(data)

    stored = Image.open(io.BytesIO(result.original))
    assert stored.format == "PNG"
    assert GPS_IFD not in stored.getexif()
    assert stored.getexif()[MAKE] == "Fairphone"
    assert stored.tobytes() == image.tobytes()


def test_gps_is_removed_from_a_lossless_webp_without_changing_pixels() -> None:
    image = two_colour_image()
    data = encode(image, "WEBP", lossless=True, exif=camera_exif())
    assert gps_of(data)

    result = process(data)

    stored = Image.open(io.BytesIO(result.original))
    assert GPS_IFD not in stored.getexif()
    assert stored.getexif()[MODEL] == "FP5"
    assert b"VP8L" in result.original
    assert stored.convert("RGB").tobytes() == image.tobytes()


def test_gps_is_removed_from_a_lossy_webp() -> None:
    data = encode(two_colour_image(), "WEBP", quality=70, exif=camera_exif())

    result = process(data)

    assert gps_of(result.original) == {}
    assert b"VP8 " in result.original
    assert result.taken_at == datetime(2021, 7, 14, 16, 30, 5, tzinfo=UTC)


GPS_XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
    b'exif:GPSLatitude="40,25.0N" exif:GPSLongitude="3,42.1W"/></rdf:RDF></x:xmpmeta>'
)


def with_gps_only_exif() -> dict[str, object]:
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (40.0, 25.0, 1.5)})
    return {"exif": exif.tobytes()}


def with_gps_xmp(image_format: str) -> dict[str, object]:
    if image_format == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_itxt("XML:com.adobe.xmp", GPS_XMP.decode())
        return {"pnginfo": info}
    return {"xmp": GPS_XMP}


@pytest.mark.parametrize("image_format", ["PNG", "WEBP", "HEIF"])
@pytest.mark.parametrize("where", ["exif holding only gps", "xmp"])
def test_no_gps_survives_a_resave(image_format: str, where: str) -> None:
    if image_format == "HEIF" and not heif_supported():
        pytest.skip("pillow_heif is not installed")
    metadata = with_gps_xmp(image_format) if where == "xmp" else with_gps_only_exif()
    data = encode(two_colour_image(), image_format, **metadata)
    assert gps_of(data) or b"GPSLatitude" in data

    original = process(data).original

    assert gps_of(original) == {}
    assert b"GPSLatitude" not in original
    assert Image.open(io.BytesIO(original)).format == image_format


# --- EXIF facts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "offset", "expected"),
    [
        ("2019:01:02 03:04:05", None, datetime(2019, 1, 2, 3, 4, 5, tzinfo=UTC)),
        ("2019:01:02 03:04:05", "-05:00", datetime(2019, 1, 2, 8, 4, 5, tzinfo=UTC)),
        ("2019:01:02 03:04:05", "garbage", datetime(2019, 1, 2, 3, 4, 5, tzinfo=UTC)),
        ("0000:00:00 00:00:00", None, None),
        ("yesterday", None, None),
        ("    :  :     :  :  ", None, None),
    ],
)
def test_taken_at_is_utc_or_none(raw: str, offset: str | None, expected: datetime | None) -> None:
    exif = Image.Exif()
    exif.get_ifd(EXIF_IFD)[DATETIME_ORIGINAL] = raw
    if offset is not None:
        exif.get_ifd(EXIF_IFD)[OFFSET_TIME_ORIGINAL] = offset

    result = process(encode(two_colour_image(), "JPEG", exif=exif))

    assert result.taken_at == expected


def test_photo_without_exif_has_no_date_and_no_camera() -> None:
    result = process(fixture_bytes("obama_small.jpg"))

    assert result.taken_at is None and result.camera is None


# --- rejections -------------------------------------------------------------------------------


def test_empty_file_is_rejected() -> None:
    error = rejected(b"")

    assert (error.code, error.status) == ("empty_file", 400)


def test_file_over_the_byte_limit_is_rejected_before_anything_else() -> None:
    data = fixture_bytes("obama_1.jpg")

    error = rejected(data, max_bytes=len(data) - 1)

    assert (error.code, error.status) == ("file_too_large", 413)
    assert process(data, max_bytes=len(data)).size_bytes == len(data)


def test_text_file_named_jpg_is_an_unsupported_type(tmp_path: Path) -> None:
    fake = tmp_path / "holiday.jpg"
    fake.write_text("This is not a photo, just text with a .jpg name.\n")

    error = rejected(fake.read_bytes())

    assert (error.code, error.status) == ("unsupported_media_type", 415)
    assert error.message.endswith(".") and "image" in error.message


@pytest.mark.parametrize("image_format", ["GIF", "BMP", "TIFF", "AVIF"])
def test_real_images_in_other_formats_are_unsupported(image_format: str) -> None:
    data = encode(two_colour_image(), image_format)

    error = rejected(data)

    assert (error.code, error.status) == ("unsupported_media_type", 415)


def test_truncated_jpeg_is_unreadable() -> None:
    data = fixture_bytes("obama_3.jpg")

    error = rejected(data[: len(data) // 2])

    assert (error.code, error.status) == ("image_unreadable", 422)


def test_truncated_png_is_unreadable() -> None:
    data = fixture_bytes("miranda_1.png")

    error = rejected(data[: len(data) // 2])

    assert (error.code, error.status) == ("image_unreadable", 422)


def test_png_with_a_corrupted_chunk_is_unreadable() -> None:
    data = bytearray(fixture_bytes("miranda_1.png"))
    data[len(data) // 2] ^= 0xFF

    error = rejected(bytes(data))

    assert (error.code, error.status) == ("image_unreadable", 422)


def test_jpeg_signature_followed_by_garbage_is_unreadable() -> None:
    error = rejected(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 10)

    assert (error.code, error.status) == ("image_unreadable", 422)


@pytest.mark.parametrize("size", [(1, 1), (15, 400), (400, 15)])
def test_tiny_images_are_rejected(size: tuple[int, int]) -> None:
    error = rejected(encode(Image.new("RGB", size, "white"), "PNG"))

    assert (error.code, error.status) == ("image_too_small", 422)


def test_a_40000_by_40000_png_is_refused_from_its_header() -> None:
    bomb = png_with_patched_size(40_000, 40_000)
    assert len(bomb) < 200

    error = rejected(bomb)

    assert (error.code, error.status) == ("image_too_large", 413)


def test_pixel_limit_is_checked_before_decoding() -> None:
    # 5000 x 5000 is below Pillow's own bomb limit; only our limit can refuse it. Its pixel
    # data is missing, so any attempt to decode would answer image_unreadable instead.
    header_only = png_with_patched_size(5_000, 5_000)

    error = rejected(header_only, max_pixels=20_000_000)

    assert (error.code, error.status) == ("image_too_large", 413)
    assert "20 megapixels" in error.message


def test_jpeg_claiming_huge_dimensions_is_refused() -> None:
    data = bytearray(fixture_bytes("obama_small.jpg"))
    sof = data.index(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, 40_000, 40_000)  # height, width

    error = rejected(bytes(data))

    assert (error.code, error.status) == ("image_too_large", 413)


def test_decompression_bomb_warning_raised_as_error_is_image_too_large() -> None:
    over_pillow_limit = png_with_patched_size(10_000, 10_000)  # 100 MP > Pillow's 89 MP

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        error = rejected(over_pillow_limit, max_pixels=500_000_000)

    assert (error.code, error.status) == ("image_too_large", 413)


def test_rejection_carries_code_status_and_the_field_it_concerns() -> None:
    error = ImageRejected("Too small.", code="image_too_small")

    assert (str(error), error.status) == ("Too small.", 422)
    assert error.fields == {"file": "image_too_small"}
    moved = ImageRejected("Empty.", code="empty_file", status=400).for_field("photo")
    assert (moved.code, moved.status, moved.fields) == ("empty_file", 400, {"photo": "empty_file"})


# --- open_verified ----------------------------------------------------------------------------


def test_open_verified_returns_a_decoded_image() -> None:
    image = open_verified(fixture_bytes("obama_2.jpg"), max_pixels=MAX_PIXELS)

    assert image.size == (626, 1200)
    assert image.getpixel((10, 10)) is not None


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"plain text", "unsupported_media_type"),
        (b"", "empty_file"),
        (png_with_patched_size(40_000, 40_000), "image_too_large"),
        (fixture_bytes("obama_2.jpg")[:20_000], "image_unreadable"),
    ],
)
def test_open_verified_rejects_like_uploads(data: bytes, code: str) -> None:
    with pytest.raises(ImageRejected) as caught:
        open_verified(data, max_pixels=MAX_PIXELS)

    assert caught.value.code == code


# --- HEIC -------------------------------------------------------------------------------------


@pytest.mark.skipif(not heif_supported(), reason="pillow_heif is not installed")
def test_heic_is_accepted_and_stripped_of_gps() -> None:
    data = encode(two_colour_image((320, 240)), "HEIF", exif=camera_exif().tobytes(), quality=80)
    assert sniff_format(data) == "HEIF"
    assert gps_of(data)

    result = process(data)

    assert (result.content_type, result.extension) == ("image/heic", "heic")
    assert (result.width, result.height) == (320, 240)
    assert gps_of(result.original) == {}
    assert result.camera == "Fairphone FP5"
    assert Image.open(io.BytesIO(result.preview)).size == (320, 240)


def test_sniffing_tells_heic_from_avif() -> None:
    def ftyp(major: bytes, *compatible: bytes) -> bytes:
        body = b"ftyp" + major + b"\x00\x00\x00\x00" + b"".join(compatible)
        return struct.pack(">I", len(body) + 4) + body + b"\x00" * 16

    assert sniff_format(ftyp(b"heic", b"mif1", b"heic")) == "HEIF"
    assert sniff_format(ftyp(b"mif1", b"heic")) == "HEIF"
    assert sniff_format(ftyp(b"avif", b"mif1", b"miaf")) is None
    assert sniff_format(ftyp(b"mif1", b"avif")) is None
    assert sniff_format(ftyp(b"isom", b"mp41")) is None  # an MP4 video
