"""What the EXIF says: capture time, camera, orientation, and whether it holds a location."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta, timezone
from typing import Any, Final

from PIL import ExifTags, Image

from server.images.opening import DECODE_ERRORS

logger = logging.getLogger(__name__)

ORIENTATION: Final = ExifTags.Base.Orientation.value
MAKE: Final = ExifTags.Base.Make.value
MODEL: Final = ExifTags.Base.Model.value
GPS_IFD: Final = ExifTags.IFD.GPSInfo.value
_DATETIME_ORIGINAL: Final = ExifTags.Base.DateTimeOriginal.value
_OFFSET_TIME_ORIGINAL: Final = ExifTags.Base.OffsetTimeOriginal.value
_EXIF_IFD: Final = ExifTags.IFD.Exif.value
ORIENTATIONS_SWAPPING_SIDES: Final = frozenset({5, 6, 7, 8})

EXIF_HEADER: Final = b"Exif\x00\x00"
XMP_GPS_MARKERS: Final = (b"GPSLatitude", b"GPSLongitude")


def _clean_text(value: Any) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if not isinstance(value, str):
        return None
    text = " ".join(value.replace("\x00", " ").split())
    return text or None


def camera(exif: Image.Exif) -> str | None:
    """ "Make Model" as the camera wrote them, or ``None``."""
    make = _clean_text(exif.get(MAKE))
    model = _clean_text(exif.get(MODEL))
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


def taken_at(exif: Image.Exif) -> datetime | None:
    """EXIF DateTimeOriginal in UTC (its offset when given, else read as UTC), or ``None``."""
    try:
        exif_ifd = exif.get_ifd(_EXIF_IFD)
    except DECODE_ERRORS:
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


def safe_exif(image: Image.Image) -> Image.Exif:
    """The image's EXIF, or an empty one when it cannot be parsed."""
    try:
        return image.getexif()
    except DECODE_ERRORS:
        logger.info("ignoring unreadable EXIF data")
        return Image.Exif()


def orientation(exif: Image.Exif) -> int:
    value = exif.get(ORIENTATION, 1)
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def has_gps(exif: Image.Exif) -> bool:
    return GPS_IFD in exif


def xmp_has_gps(xmp: Any) -> bool:
    if isinstance(xmp, str):
        xmp = xmp.encode("utf-8", errors="replace")
    return isinstance(xmp, bytes) and any(marker in xmp for marker in XMP_GPS_MARKERS)


def exif_without_gps(payload: bytes, *, max_bytes: int) -> bytes | None:
    """An Exif block (with or without the ``Exif\\0\\0`` prefix) rewritten without its GPS IFD,
    with the prefix; ``None`` if it has no GPS.

    A block Pillow cannot parse is dropped (``b""``): we cannot prove it holds no GPS. When the
    rewritten block would not fit ``max_bytes``, only orientation, make and model are kept.
    """
    exif = Image.Exif()
    try:
        exif.load(payload)
        if not has_gps(exif):
            return None
        del exif[GPS_IFD]
        rewritten = exif.tobytes()
    except DECODE_ERRORS:
        logger.info("dropping an Exif block that cannot be parsed")
        return b""
    if len(rewritten) > max_bytes:
        minimal = Image.Exif()
        for tag in (ORIENTATION, MAKE, MODEL):
            if tag in exif:
                minimal[tag] = exif[tag]
        rewritten = minimal.tobytes()
    return rewritten
