"""The upload pipeline: check the bytes, open safely, strip GPS, read the EXIF, make variants."""

from __future__ import annotations

import hashlib
import io
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from PIL import Image

from server.images import metadata
from server.images.chunk_gps import strip_gps_png, strip_gps_webp
from server.images.formats import CONTENT_TYPES, HEIF, JPEG, PNG, WEBP, require_format
from server.images.heif_gps import strip_gps_heif
from server.images.jpeg_gps import check_segment_count, strip_gps_jpeg
from server.images.opening import DECODE_ERRORS, decode, fit, open_header, unreadable
from server.images.variants import make_variants

logger = logging.getLogger(__name__)

_HEIF_QUALITY: Final = 90


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


def _resave_heif_without_gps(image: Image.Image) -> bytes:
    """Re-encode a HEIF whose EXIF or XMP holds GPS (its boxes are not edited in place)."""
    exif = metadata.safe_exif(image)
    if metadata.has_gps(exif):
        del exif[metadata.GPS_IFD]
    # Always name exif and xmp: pillow_heif otherwise copies them from the source.
    options: dict[str, Any] = {
        "exif": exif.tobytes() if len(exif) else None,
        "xmp": None,
        "quality": _HEIF_QUALITY,
    }
    if icc_profile := image.info.get("icc_profile"):
        options["icc_profile"] = icc_profile
    output = io.BytesIO()
    image.save(output, format=HEIF, **options)
    return output.getvalue()


def _heif_has_gps(data: bytes) -> bool:
    try:
        with Image.open(io.BytesIO(data)) as image:
            xmp = image.info.get("xmp")
            return metadata.has_gps(image.getexif()) or metadata.xmp_has_gps(xmp)
    except DECODE_ERRORS:
        return True  # cannot show it is gone


def _without_gps(
    data: bytes, image_format: str, image: Image.Image, exif: Image.Exif, edited: bytes | None
) -> bytes:
    """A JPEG or HEIF original without location data. For a HEIF, ``edited`` is the upload
    with its GPS blanked in place (``None``: not editable that way); it is used when it reads
    back without GPS, else the image is re-encoded."""
    if image_format == JPEG:
        return strip_gps_jpeg(data)
    if metadata.has_gps(exif) or metadata.xmp_has_gps(image.info.get("xmp")):
        if edited is not None and edited is not data and not _heif_has_gps(edited):
            return edited
        logger.info("HEIF GPS not editable in place; re-encoding the original")
        try:
            return _resave_heif_without_gps(image)
        except DECODE_ERRORS as exc:
            raise unreadable() from exc
    return data


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
    ``image_too_large`` 413 (more than ``max_pixels``, all frames of an animation counted,
    refused from the header before decoding), ``image_unreadable`` 422 (corrupt, truncated, or
    with more metadata segments or chunks than an image file has), ``image_too_small`` 422.
    Only the first frame of an animation is decoded (for the preview and thumbnail).
    """
    image_format = require_format(data, max_bytes)
    # Walk the segments or chunks (bounded) before Pillow does: floods of them are refused.
    original: bytes | None = None
    if image_format == JPEG:
        check_segment_count(data)
    elif image_format == PNG:
        original = strip_gps_png(data)
    elif image_format == WEBP:
        original = strip_gps_webp(data)
    heif_edited = strip_gps_heif(data) if image_format == HEIF else None
    image = open_header(data, image_format, max_pixels=max_pixels, min_side=min_side)
    with image:
        width, height = image.size  # before draft(), which changes the decoded size
        if image_format == JPEG:
            # Let libjpeg decode at 1/2, 1/4 or 1/8 scale, as long as it stays >= the preview.
            image.draft("RGB", fit(image.size, preview_px))
        decode(image, max_pixels)
        exif = metadata.safe_exif(image)  # after decoding: a PNG's eXIf chunk may follow the pixels
        if metadata.orientation(exif) in metadata.ORIENTATIONS_SWAPPING_SIDES:
            width, height = height, width
        if original is None:
            original = _without_gps(data, image_format, image, exif, heif_edited)
        taken_at, camera = metadata.taken_at(exif), metadata.camera(exif)
        try:
            preview, thumbnail = make_variants(image, preview_px=preview_px, thumb_px=thumb_px)
        except DECODE_ERRORS as exc:
            raise unreadable() from exc

    content_type, extension = CONTENT_TYPES[image_format]
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
