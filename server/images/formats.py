"""Recognising an upload's container from its bytes (never a file name or content type)."""

from __future__ import annotations

import threading
from typing import Final

from server.errors import ImageRejected

JPEG: Final = "JPEG"
PNG: Final = "PNG"
WEBP: Final = "WEBP"
HEIF: Final = "HEIF"

CONTENT_TYPES: Final = {
    JPEG: ("image/jpeg", "jpg"),
    PNG: ("image/png", "png"),
    WEBP: ("image/webp", "webp"),
    HEIF: ("image/heic", "heic"),
}
_HEIF_BRANDS: Final = frozenset(
    {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1"}
)
_HEIF_IMAGE_BRANDS: Final = _HEIF_BRANDS - {b"mif1", b"msf1"}

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


def require_format(data: bytes, max_bytes: int | None) -> str:
    """The container of an upload, refusing empty, too large or unsupported files."""
    if not data:
        raise ImageRejected("The file is empty.", code="empty_file", status=400)
    if max_bytes is not None and len(data) > max_bytes:
        raise ImageRejected(
            f"The file is larger than the limit of {human_size(max_bytes)}.",
            code="file_too_large",
            status=413,
        )
    image_format = sniff_format(data)
    if image_format is None or (image_format == HEIF and not heif_supported()):
        accepted = "JPEG, PNG, WebP or HEIC" if heif_supported() else "JPEG, PNG or WebP"
        raise ImageRejected(
            f"The file is not a {accepted} image.", code="unsupported_media_type", status=415
        )
    return image_format


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    if size >= 1024:
        return f"{size / 1024:g} KB"
    return f"{size} bytes"
