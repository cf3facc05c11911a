"""Opening uploads safely: every size and frame check is made from the header, before decoding."""

from __future__ import annotations

import io
import struct
from typing import Final

from PIL import Image

from server.errors import ImageRejected
from server.images.formats import JPEG, require_format

DECODE_ERRORS: Final = (OSError, SyntaxError, ValueError, EOFError, struct.error, IndexError)
_BOMB_ERRORS: Final = (Image.DecompressionBombError, Image.DecompressionBombWarning)

# Animated images are decoded for their first frame only, but stored and served whole: a
# client showing them decodes every frame, so the frames' pixels together must fit the limit.
MAX_FRAMES: Final = 300


def unreadable() -> ImageRejected:
    return ImageRejected(
        "The image is damaged or incomplete and cannot be read.", code="image_unreadable"
    )


def too_many_pixels(max_pixels: int) -> ImageRejected:
    return ImageRejected(
        f"The image has too many pixels (the limit is {max_pixels / 1_000_000:g} megapixels).",
        code="image_too_large",
        status=413,
    )


def _too_many_frames(max_pixels: int) -> ImageRejected:
    return ImageRejected(
        f"The animation is too large: its frames together may have at most "
        f"{max_pixels / 1_000_000:g} megapixels and there may be at most {MAX_FRAMES} frames.",
        code="image_too_large",
        status=413,
    )


def _frame_count(image: Image.Image) -> int:
    try:
        frames = int(getattr(image, "n_frames", 1))
    except DECODE_ERRORS as exc:
        raise unreadable() from exc
    return max(1, frames)


def _open_checked(data: bytes, image_format: str, *, max_pixels: int, min_side: int) -> Image.Image:
    """Open the header only and refuse too many pixels (all frames counted) or too short a side."""
    try:
        image = Image.open(io.BytesIO(data), formats=[image_format])
    except _BOMB_ERRORS as exc:
        raise too_many_pixels(max_pixels) from exc
    except DECODE_ERRORS as exc:
        raise unreadable() from exc
    width, height = image.size
    if width * height > max_pixels:
        image.close()
        raise too_many_pixels(max_pixels)
    if width < min_side or height < min_side:
        image.close()
        raise ImageRejected(
            f"The image is too small; both sides must be at least {min_side} pixels.",
            code="image_too_small",
        )
    frames = _frame_count(image)
    if frames > MAX_FRAMES or frames * width * height > max_pixels:
        image.close()
        raise _too_many_frames(max_pixels)
    return image


def open_header(data: bytes, image_format: str, *, max_pixels: int, min_side: int) -> Image.Image:
    """Check the header, verify the file's structure, and return it reopened for decoding."""
    image = _open_checked(data, image_format, max_pixels=max_pixels, min_side=min_side)
    try:
        image.verify()  # structure and checksums (e.g. PNG chunk CRCs); unusable afterwards
    except _BOMB_ERRORS as exc:
        raise too_many_pixels(max_pixels) from exc
    except DECODE_ERRORS as exc:
        raise unreadable() from exc
    finally:
        image.close()
    return _open_checked(data, image_format, max_pixels=max_pixels, min_side=min_side)


def decode(image: Image.Image, max_pixels: int) -> None:
    """Decode the (first frame's) pixels, turning decoder failures into ``ImageRejected``."""
    try:
        image.load()
    except _BOMB_ERRORS as exc:
        raise too_many_pixels(max_pixels) from exc
    except DECODE_ERRORS as exc:
        raise unreadable() from exc


def fit(size: tuple[int, int], longest: int) -> tuple[int, int]:
    """``size`` scaled down (never up) so its longest side is at most ``longest``."""
    width, height = size
    scale = min(1.0, longest / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def open_verified(data: bytes, *, max_pixels: int, longest_side: int | None = None) -> Image.Image:
    """Check and decode an image from bytes, raising ``ImageRejected`` like uploads do.

    The result is decoded as stored: EXIF orientation is *not* applied (use
    ``PIL.ImageOps.exif_transpose``). Only the first frame of animated images is decoded. With
    ``longest_side``, a JPEG is decoded at the smallest 1/2, 1/4 or 1/8 scale that keeps its
    longest side at least that long (the caller does not need more).
    """
    image_format = require_format(data, None)
    image = open_header(data, image_format, max_pixels=max_pixels, min_side=1)
    if longest_side is not None and image_format == JPEG:
        image.draft("RGB", fit(image.size, longest_side))
    decode(image, max_pixels)
    return image
