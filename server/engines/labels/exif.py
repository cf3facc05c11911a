"""Reading a photo's date and camera from its EXIF."""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta, timezone

from PIL import Image

from server.engines.labels.base import PhotoExif

logger = logging.getLogger(__name__)

_EXIF_IFD = 0x8769
_MAKE = 0x010F
_MODEL = 0x0110
_DATE_TIME = 0x0132
_DATE_TIME_ORIGINAL = 0x9003
_DATE_TIME_DIGITIZED = 0x9004
_OFFSET_TIME_ORIGINAL = 0x9011
_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")


def read_photo_exif(image: Image.Image) -> PhotoExif:
    """The capture time and camera recorded in ``image``'s EXIF (None where absent or invalid).

    The time is ``DateTimeOriginal`` (else ``DateTimeDigitized``, else ``DateTime``), aware when
    ``OffsetTimeOriginal`` is recorded and naive (camera local time) otherwise.
    """
    try:
        exif = image.getexif()
        details = exif.get_ifd(_EXIF_IFD)
    except Exception:  # Pillow raises many types on corrupt EXIF; a photo without it is fine.
        logger.debug("Unreadable EXIF", exc_info=True)
        return PhotoExif()
    raw_time = details.get(_DATE_TIME_ORIGINAL) or details.get(_DATE_TIME_DIGITIZED)
    raw_time = raw_time or exif.get(_DATE_TIME)
    return PhotoExif(
        taken_at=_parse_time(raw_time, details.get(_OFFSET_TIME_ORIGINAL)),
        camera=camera_name(exif.get(_MAKE), exif.get(_MODEL)),
    )


def camera_name(make: object, model: object) -> str | None:
    """ "Make Model" without repeating the make when the model already starts with it."""
    make_text = _clean(make)
    model_text = _clean(model)
    if not model_text:
        return make_text or None
    if not make_text or model_text.lower().startswith(make_text.split()[0].lower()):
        return model_text
    return f"{make_text} {model_text}"


def _clean(value: object) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return ""
    return " ".join(value.replace("\x00", " ").split())


def _parse_time(raw: object, raw_offset: object) -> datetime | None:
    text = _clean(raw)
    try:
        taken_at = datetime.strptime(text[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    match = _OFFSET.match(_clean(raw_offset))
    if match:
        sign = -1 if match.group(1) == "-" else 1
        offset = timedelta(hours=int(match.group(2)), minutes=int(match.group(3)))
        taken_at = taken_at.replace(tzinfo=timezone(sign * offset))
    return taken_at
