"""Recognise image files by their first bytes (never by the extension)."""

from __future__ import annotations

from pathlib import Path

# The formats the server accepts (JPEG, PNG, WebP, HEIC/HEIF).
ACCEPTED_FORMATS = ("jpeg", "png", "webp", "heic")
# Images the server does not take; recognised to give a precise reason.
OTHER_IMAGE_FORMATS = ("gif", "bmp", "tiff")


def sniff_image_format(head: bytes) -> str | None:
    """The image format of a file from its first 32 bytes, or None when it is not an image."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if (
        len(head) >= 12
        and head[4:8] == b"ftyp"
        and head[8:12]
        in {
            b"heic",
            b"heix",
            b"hevc",
            b"hevx",
            b"mif1",
            b"msf1",
            b"heim",
            b"heis",
        }
    ):
        return "heic"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head.startswith(b"BM"):
        return "bmp"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "tiff"
    return None


def sniff_file(path: Path) -> str | None:
    """The image format of the file at ``path`` (None if not an image or unreadable)."""
    try:
        with open(path, "rb") as handle:
            return sniff_image_format(handle.read(32))
    except OSError:
        return None
