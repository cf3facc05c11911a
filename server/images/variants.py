"""The stored preview and thumbnail: upright JPEGs with only a colour profile kept."""

from __future__ import annotations

import io
import logging
from typing import Any, Final

from PIL import Image, ImageOps

from server.images.opening import DECODE_ERRORS, fit

logger = logging.getLogger(__name__)

PREVIEW_QUALITY: Final = 85
THUMBNAIL_QUALITY: Final = 80
_RESAMPLING: Final = Image.Resampling.BICUBIC


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


def _shrink(image: Image.Image, longest: int) -> Image.Image:
    if max(image.size) <= longest:
        return image
    # reducing_gap lets Pillow box-reduce by an integer factor first: much faster, same look.
    return image.resize(fit(image.size, longest), _RESAMPLING, reducing_gap=2.0)


def make_variants(image: Image.Image, *, preview_px: int, thumb_px: int) -> tuple[bytes, bytes]:
    """Encode the preview and, from it, the thumbnail. Turns ``image`` upright in place."""
    icc_profile = image.info.get("icc_profile")
    try:
        ImageOps.exif_transpose(image, in_place=True)
    except DECODE_ERRORS:
        logger.info("unreadable EXIF orientation; keeping the image as stored")
    preview = _shrink(_to_jpeg_mode(image), preview_px)
    thumbnail = _shrink(preview, thumb_px)
    return (
        _encode_jpeg(preview, PREVIEW_QUALITY, icc_profile),
        _encode_jpeg(thumbnail, THUMBNAIL_QUALITY, icc_profile),
    )
