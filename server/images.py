"""Uploaded images: check what the bytes really are, refuse bombs, strip GPS, make the variants.

Everything is decided from the bytes (magic numbers), never from a file name or a client's
content type. The stored "original" is the uploaded file minus its GPS data (for JPEG a
lossless edit of the Exif segment, no re-encode); the preview and thumbnail are JPEGs with
the EXIF orientation applied and no metadata besides a colour profile.
"""

from __future__ import annotations

import hashlib
import io
import logging
import struct
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Final

from PIL import ExifTags, Image, ImageOps

logger = logging.getLogger(__name__)

JPEG: Final = "JPEG"
PNG: Final = "PNG"
WEBP: Final = "WEBP"
HEIF: Final = "HEIF"

_CONTENT_TYPES: Final = {
    JPEG: ("image/jpeg", "jpg"),
    PNG: ("image/png", "png"),
    WEBP: ("image/webp", "webp"),
    HEIF: ("image/heic", "heic"),
}
_HEIF_BRANDS: Final = frozenset(
    {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1"}
)
_HEIF_IMAGE_BRANDS: Final = _HEIF_BRANDS - {b"mif1", b"msf1"}

_ORIENTATION: Final = ExifTags.Base.Orientation.value
_MAKE: Final = ExifTags.Base.Make.value
_MODEL: Final = ExifTags.Base.Model.value
_DATETIME_ORIGINAL: Final = ExifTags.Base.DateTimeOriginal.value
_OFFSET_TIME_ORIGINAL: Final = ExifTags.Base.OffsetTimeOriginal.value
_GPS_IFD: Final = ExifTags.IFD.GPSInfo.value
_EXIF_IFD: Final = ExifTags.IFD.Exif.value
_ORIENTATIONS_SWAPPING_SIDES: Final = frozenset({5, 6, 7, 8})

_EXIF_HEADER: Final = b"Exif\x00\x00"
_XMP_HEADER: Final = b"http://ns.adobe.com/xap/1.0/\x00"
_XMP_GPS_MARKERS: Final = (b"GPSLatitude", b"GPSLongitude")
_MPF_HEADER: Final = b"MPF\x00"
_MAX_SEGMENT_PAYLOAD: Final = 0xFFFF - 2

_RESAMPLING: Final = Image.Resampling.BICUBIC
PREVIEW_QUALITY: Final = 85
THUMBNAIL_QUALITY: Final = 80
_LOSSY_WEBP_QUALITY: Final = 95
_HEIF_QUALITY: Final = 90

_DECODE_ERRORS: Final = (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError)


class ImageRejected(Exception):
    """An upload that is not an acceptable image, with the contract's error code and status."""

    def __init__(
        self, code: str, message: str, status: int, fields: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
        self.fields = fields or {}


@dataclass(frozen=True)
class ProcessedImage:
    """An accepted upload: the three variants to store and the facts to keep in the database."""

    content_type: str  # image/jpeg, image/png, image/webp, image/heic
    extension: str  # jpg, png, webp, heic
    width: int  # after EXIF orientation
    height: int
    size_bytes: int  # of the stored original
    sha256: str  # hex of the stored original
    taken_at: datetime | None  # EXIF DateTimeOriginal in UTC
    camera: str | None  # "Make Model"
    original: bytes  # the upload minus GPS data
    preview: bytes  # JPEG, longest side <= preview_px, upright, no EXIF
    thumbnail: bytes  # JPEG, longest side <= thumb_px, upright, no EXIF


# --- recognising the format -------------------------------------------------------------------

_heif_lock = threading.Lock()
_heif_state: dict[str, bool] = {}


def heif_supported() -> bool:
    """Register pillow_heif's opener on first use; ``False`` if it is not installed."""
    with _heif_lock:
        if "available" not in _heif_state:
            try:
                import pillow_heif
            except ImportError:
                _heif_state["available"] = False
            else:
                pillow_heif.register_heif_opener()
                _heif_state["available"] = True
        return _heif_state["available"]


def sniff_format(data: bytes) -> str | None:
    """Name the container the bytes start with (JPEG, PNG, WEBP or HEIF), or ``None``."""
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if len(data) >= 16 and data[4:8] == b"ftyp":
        box_size = int.from_bytes(data[:4], "big")
        end = min(max(box_size, 16), len(data), 512)
        brands = {data[8:12]} | {data[offset : offset + 4] for offset in range(16, end - 3, 4)}
        # mif1/msf1 alone also start AVIF files; require an HEVC-coded image brand.
        if brands & _HEIF_IMAGE_BRANDS or (data[8:12] in _HEIF_BRANDS and b"avif" not in brands):
            return HEIF
    return None


def _require_format(data: bytes, max_bytes: int | None) -> str:
    if not data:
        raise ImageRejected("empty_file", "The file is empty.", 400)
    if max_bytes is not None and len(data) > max_bytes:
        raise ImageRejected(
            "file_too_large",
            f"The file is larger than the limit of {_human_size(max_bytes)}.",
            413,
        )
    image_format = sniff_format(data)
    if image_format is None or (image_format == HEIF and not heif_supported()):
        accepted = "JPEG, PNG, WebP or HEIC" if heif_supported() else "JPEG, PNG or WebP"
        raise ImageRejected("unsupported_media_type", f"The file is not a {accepted} image.", 415)
    return image_format


def _human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    if size >= 1024:
        return f"{size / 1024:g} KB"
    return f"{size} bytes"


# --- opening safely ---------------------------------------------------------------------------


def _unreadable() -> ImageRejected:
    return ImageRejected(
        "image_unreadable", "The image is damaged or incomplete and cannot be read.", 422
    )


def _too_many_pixels(max_pixels: int) -> ImageRejected:
    return ImageRejected(
        "image_too_large",
        f"The image has too many pixels (the limit is {max_pixels / 1_000_000:g} megapixels).",
        413,
    )


def _open_checked(data: bytes, image_format: str, *, max_pixels: int, min_side: int) -> Image.Image:
    """Open the header only and refuse too many pixels or too short a side, before decoding."""
    try:
        image = Image.open(io.BytesIO(data), formats=[image_format])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_many_pixels(max_pixels) from exc
    except _DECODE_ERRORS as exc:
        raise _unreadable() from exc
    width, height = image.size
    if width * height > max_pixels:
        image.close()
        raise _too_many_pixels(max_pixels)
    if width < min_side or height < min_side:
        image.close()
        raise ImageRejected(
            "image_too_small",
            f"The image is too small; both sides must be at least {min_side} pixels.",
            422,
        )
    return image


def _open_header(data: bytes, image_format: str, *, max_pixels: int, min_side: int) -> Image.Image:
    """Check the header, verify the file's structure, and return it reopened for decoding."""
    image = _open_checked(data, image_format, max_pixels=max_pixels, min_side=min_side)
    try:
        image.verify()  # structure and checksums (e.g. PNG chunk CRCs); unusable afterwards
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_many_pixels(max_pixels) from exc
    except _DECODE_ERRORS as exc:
        raise _unreadable() from exc
    finally:
        image.close()
    return _open_checked(data, image_format, max_pixels=max_pixels, min_side=min_side)


def _decode(image: Image.Image, max_pixels: int) -> None:
    try:
        image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _too_many_pixels(max_pixels) from exc
    except _DECODE_ERRORS as exc:
        raise _unreadable() from exc


def open_verified(data: bytes, *, max_pixels: int) -> Image.Image:
    """Check and fully decode an image from bytes, raising ``ImageRejected`` like uploads do.

    The result is decoded as stored: EXIF orientation is *not* applied (use
    ``PIL.ImageOps.exif_transpose``). Only the first frame of animated images is decoded.
    """
    image_format = _require_format(data, None)
    image = _open_header(data, image_format, max_pixels=max_pixels, min_side=1)
    _decode(image, max_pixels)
    return image


# --- metadata ---------------------------------------------------------------------------------


def _clean_text(value: Any) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return None
    text = " ".join(value.replace("\x00", " ").split())
    return text or None


def _camera(exif: Image.Exif) -> str | None:
    make = _clean_text(exif.get(_MAKE))
    model = _clean_text(exif.get(_MODEL))
    if make and model:
        # Many cameras repeat the make in the model ("Canon" + "Canon EOS 5D").
        return model if model.lower().startswith(make.lower()) else f"{make} {model}"
    return make or model


def _parse_offset(value: Any) -> timezone | None:
    text = _clean_text(value)
    if not text or len(text) != 6 or text[0] not in "+-" or text[3] != ":":
        return None
    try:
        hours, minutes = int(text[1:3]), int(text[4:6])
    except ValueError:
        return None
    if hours > 14 or minutes > 59:
        return None
    sign = 1 if text[0] == "+" else -1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _taken_at(exif: Image.Exif) -> datetime | None:
    try:
        exif_ifd = exif.get_ifd(_EXIF_IFD)
    except _DECODE_ERRORS:
        return None
    text = _clean_text(exif_ifd.get(_DATETIME_ORIGINAL))
    if not text:
        return None
    try:
        taken = datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    offset = _parse_offset(exif_ifd.get(_OFFSET_TIME_ORIGINAL))
    return taken.replace(tzinfo=offset or UTC).astimezone(UTC)


def _safe_exif(image: Image.Image) -> Image.Exif:
    try:
        return image.getexif()
    except _DECODE_ERRORS:
        logger.info("ignoring unreadable EXIF data")
        return Image.Exif()


def _orientation(exif: Image.Exif) -> int:
    value = exif.get(_ORIENTATION, 1)
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


# --- GPS removal ------------------------------------------------------------------------------


def _has_gps(exif: Image.Exif) -> bool:
    return _GPS_IFD in exif


def _xmp_has_gps(xmp: Any) -> bool:
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", errors="replace")
    return isinstance(xmp, bytes) and any(marker in xmp for marker in _XMP_GPS_MARKERS)


def _exif_segment_without_gps(payload: bytes) -> bytes | None:
    """Rewrite an APP1 Exif payload without its GPS IFD; ``None`` if it has no GPS.

    An Exif block Pillow cannot parse is dropped (``b""``): we cannot prove it holds no GPS.
    """
    exif = Image.Exif()
    try:
        exif.load(payload)
        if not _has_gps(exif):
            return None
        del exif[_GPS_IFD]
        rewritten = exif.tobytes()
    except _DECODE_ERRORS:
        logger.info("dropping an Exif segment that cannot be parsed")
        return b""
    if len(rewritten) > _MAX_SEGMENT_PAYLOAD:
        minimal = Image.Exif()
        for tag in (_ORIENTATION, _MAKE, _MODEL):
            if tag in exif:
                minimal[tag] = exif[tag]
        rewritten = minimal.tobytes()
    return rewritten


def _segment(marker: int, payload: bytes) -> bytes:
    return bytes((0xFF, marker)) + struct.pack(">H", len(payload) + 2) + payload


def _jpeg_end_of_image(data: bytes, pos: int) -> int:
    """Return the offset just after the EOI marker of the image whose scan data starts at ``pos``.

    Walks entropy-coded data (skipping stuffed ``FF00`` and restart markers) and the segments
    between scans (progressive JPEGs) until EOI; ``len(data)`` if the image never ends.
    """
    size = len(data)
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= size:
            return size
        marker = data[pos + 1]
        if marker == 0x00 or 0xD0 <= marker <= 0xD7 or marker == 0xFF:
            pos += 1 if marker == 0xFF else 2
            continue
        if marker == 0xD9:
            return pos + 2
        if pos + 4 > size:
            return size
        pos += 2 + struct.unpack(">H", data[pos + 2 : pos + 4])[0]


def _trailing_images_have_gps(trailing: bytes) -> bool:
    """Whether appended images (MPF secondary images) carry GPS in their own Exif segments."""
    search_from = 0
    while True:
        found = trailing.find(_EXIF_HEADER, search_from)
        if found < 0:
            return False
        search_from = found + 1
        if found < 4 or trailing[found - 4 : found - 2] != b"\xff\xe1":
            continue
        length = struct.unpack(">H", trailing[found - 2 : found])[0]
        if _exif_segment_without_gps(trailing[found : found - 2 + length]) is not None:
            return True


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
    while pos < size:
        if data[pos] != 0xFF:
            raise _unreadable()
        while pos < size and data[pos] == 0xFF:  # fill bytes before a marker
            pos += 1
        if pos >= size:
            raise _unreadable()
        marker = data[pos]
        pos += 1
        if marker == 0xD9 or marker == 0x01 or 0xD0 <= marker <= 0xD7:
            parts.append(bytes((0xFF, marker)))
            if marker == 0xD9:
                parts.append(data[pos:])
                break
            continue
        if pos + 2 > size:
            raise _unreadable()
        length = struct.unpack(">H", data[pos : pos + 2])[0]
        if length < 2 or pos + length > size:
            raise _unreadable()
        payload = data[pos + 2 : pos + length]
        pos += length
        if marker == 0xE1 and payload.startswith(_EXIF_HEADER):
            rewritten = _exif_segment_without_gps(payload)
            if rewritten is not None:
                changed = True
                if rewritten:
                    parts.append(_segment(0xE1, rewritten))
                continue
        elif marker == 0xE1 and payload.startswith(_XMP_HEADER) and _xmp_has_gps(payload):
            changed = True
            continue
        elif marker == 0xE2 and payload.startswith(_MPF_HEADER):
            mpf_segment = (len(parts), _segment(marker, payload))
        parts.append(_segment(marker, payload))
        if marker == 0xDA:  # start of scan: the rest is image data, copied untouched
            # Only appended images (MPF) can hold more Exif after this point.
            end = _jpeg_end_of_image(data, pos) if data.find(_EXIF_HEADER, pos) >= 0 else size
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


def _webp_is_lossless(data: bytes) -> bool:
    """Read the RIFF chunk list: a ``VP8L`` bitstream is lossless, ``VP8 `` is lossy."""
    pos = 12
    while pos + 8 <= len(data):
        chunk = data[pos : pos + 4]
        if chunk == b"VP8L":
            return True
        if chunk == b"VP8 ":
            return False
        chunk_size = int.from_bytes(data[pos + 4 : pos + 8], "little")
        pos += 8 + chunk_size + (chunk_size & 1)
    return False


def _resave_without_gps(image: Image.Image, data: bytes, image_format: str) -> bytes:
    """Re-encode a PNG/WebP/HEIF whose EXIF or XMP holds GPS, keeping the rest of the EXIF."""
    exif = _safe_exif(image)
    if _has_gps(exif):
        del exif[_GPS_IFD]
    # Always name exif and xmp: some encoders (pillow_heif) otherwise copy them from the source.
    nothing = None if image_format == HEIF else b""
    options: dict[str, Any] = {"exif": exif.tobytes() if len(exif) else nothing, "xmp": nothing}
    if icc_profile := image.info.get("icc_profile"):
        options["icc_profile"] = icc_profile
    if getattr(image, "n_frames", 1) > 1 and image_format in (PNG, WEBP):
        options["save_all"] = True
    if image_format == PNG:
        for key in ("transparency", "dpi"):
            if key in image.info:
                options[key] = image.info[key]
    elif image_format == WEBP:
        if _webp_is_lossless(data):
            options.update(lossless=True, quality=100, exact=True)
        else:
            options["quality"] = _LOSSY_WEBP_QUALITY
    else:
        options["quality"] = _HEIF_QUALITY
    output = io.BytesIO()
    image.save(output, format=image_format, **options)
    return output.getvalue()


# --- variants ---------------------------------------------------------------------------------


def _icc_matches(icc_profile: Any, mode: str) -> bool:
    if not isinstance(icc_profile, bytes) or len(icc_profile) < 20:
        return False
    colour_space = icc_profile[16:20]
    return colour_space == (b"GRAY" if mode == "L" else b"RGB ")


def _to_jpeg_mode(image: Image.Image) -> Image.Image:
    """Convert any mode to RGB (or keep L) for JPEG; transparency is composited on white."""
    if image.mode in ("RGB", "L"):
        return image
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        # 16-bit greyscale: scale to 8 bits instead of clipping everything above 255 to white.
        return image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if image.mode == "1":
        return image.convert("L")
    has_alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or (
        image.mode == "P" and "transparency" in image.info
    )
    if has_alpha:
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        background.alpha_composite(rgba)
        return background.convert("RGB")
    return image.convert("RGB")


def _encode_jpeg(image: Image.Image, quality: int, icc_profile: Any) -> bytes:
    output = io.BytesIO()
    options: dict[str, Any] = {"quality": quality}
    if _icc_matches(icc_profile, image.mode):
        options["icc_profile"] = icc_profile
    image.save(output, format="JPEG", **options)
    return output.getvalue()


def _fit(size: tuple[int, int], longest: int) -> tuple[int, int]:
    width, height = size
    scale = min(1.0, longest / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def _shrink(image: Image.Image, longest: int) -> Image.Image:
    if max(image.size) <= longest:
        return image
    # reducing_gap lets Pillow box-reduce by an integer factor first: much faster, same look.
    return image.resize(_fit(image.size, longest), _RESAMPLING, reducing_gap=2.0)


def _make_variants(image: Image.Image, *, preview_px: int, thumb_px: int) -> tuple[bytes, bytes]:
    """Encode the preview and, from it, the thumbnail. Turns ``image`` upright in place."""
    icc_profile = image.info.get("icc_profile")
    try:
        ImageOps.exif_transpose(image, in_place=True)
    except _DECODE_ERRORS:
        logger.info("unreadable EXIF orientation; keeping the image as stored")
    preview = _shrink(_to_jpeg_mode(image), preview_px)
    thumbnail = _shrink(preview, thumb_px)
    return (
        _encode_jpeg(preview, PREVIEW_QUALITY, icc_profile),
        _encode_jpeg(thumbnail, THUMBNAIL_QUALITY, icc_profile),
    )


# --- the upload pipeline ----------------------------------------------------------------------


def process_upload(
    data: bytes,
    *,
    max_bytes: int,
    max_pixels: int,
    thumb_px: int = 256,
    preview_px: int = 1440,
    min_side: int = 16,
) -> ProcessedImage:
    """Check an uploaded image and produce what to store, or raise ``ImageRejected``.

    Codes: ``empty_file`` 400, ``file_too_large`` 413, ``unsupported_media_type`` 415,
    ``image_too_large`` 413 (more than ``max_pixels``, refused from the header before
    decoding), ``image_unreadable`` 422 (corrupt or truncated), ``image_too_small`` 422.
    """
    image_format = _require_format(data, max_bytes)
    image = _open_header(data, image_format, max_pixels=max_pixels, min_side=min_side)
    with image:
        width, height = image.size  # before draft(), which changes the decoded size
        if image_format == JPEG:
            # Let libjpeg decode at 1/2, 1/4 or 1/8 scale, as long as it stays >= the preview.
            image.draft("RGB", _fit(image.size, preview_px))
        _decode(image, max_pixels)
        exif = _safe_exif(image)  # after decoding: a PNG's eXIf chunk may follow the pixels
        if _orientation(exif) in _ORIENTATIONS_SWAPPING_SIDES:
            width, height = height, width

        if image_format == JPEG:
            original = strip_gps_jpeg(data)
        elif _has_gps(exif) or _xmp_has_gps(image.info.get("xmp")):
            try:
                original = _resave_without_gps(image, data, image_format)
            except _DECODE_ERRORS as exc:
                raise _unreadable() from exc
        else:
            original = data

        taken_at, camera = _taken_at(exif), _camera(exif)
        try:
            preview, thumbnail = _make_variants(image, preview_px=preview_px, thumb_px=thumb_px)
        except _DECODE_ERRORS as exc:
            raise _unreadable() from exc

    content_type, extension = _CONTENT_TYPES[image_format]
    return ProcessedImage(
        content_type=content_type,
        extension=extension,
        width=width,
        height=height,
        size_bytes=len(original),
        sha256=hashlib.sha256(original).hexdigest(),
        taken_at=taken_at,
        camera=camera,
        original=original,
        preview=preview,
        thumbnail=thumbnail,
    )
