"""A 64-bit DCT perceptual hash (the pHash of Zauner 2010, as `imagehash.phash` computes it).

The image is reduced to 32x32 grey, transformed with a 2-D DCT-II, and the 8x8 lowest
frequencies are compared with their median: one bit each. Re-encoding, resizing and small
crops move few bits; different pictures differ in about half of them. Computed here with two
small matrix products instead of pulling in scipy and PyWavelets for one function.
"""

from __future__ import annotations

import io

import numpy as np
from numpy.typing import NDArray
from PIL import Image

HASH_SIDE = 8
_SAMPLE_SIDE = 32
_n = np.arange(_SAMPLE_SIDE)
# Rows k = 0..7 of the (unnormalised) DCT-II basis: cos(pi * (2n + 1) * k / 2N).
_DCT_ROWS: NDArray[np.float64] = np.cos(
    np.pi * (2 * _n[None, :] + 1) * np.arange(HASH_SIDE)[:, None] / (2 * _SAMPLE_SIDE)
)
_BIT_WEIGHTS = np.left_shift(np.uint64(1), np.arange(63, -1, -1, dtype=np.uint64))


def phash_image(image: Image.Image) -> int:
    """The unsigned 64-bit pHash of an image (most significant bit = lowest frequency)."""
    grey = image.convert("L").resize((_SAMPLE_SIDE, _SAMPLE_SIDE), Image.Resampling.LANCZOS)
    pixels = np.asarray(grey, dtype=np.float64)
    low = _DCT_ROWS @ pixels @ _DCT_ROWS.T
    bits = (low > np.median(low)).ravel().astype(np.uint64)
    return int(np.bitwise_or.reduce(bits * _BIT_WEIGHTS))


def phash_bytes(data: bytes) -> int:
    with Image.open(io.BytesIO(data)) as image:
        image.draft("L", (_SAMPLE_SIDE * 2, _SAMPLE_SIDE * 2))  # JPEG: decode at a reduced scale
        return phash_image(image)


def to_signed(value: int) -> int:
    """Store as a signed BIGINT (SQLite and MySQL both have signed 64-bit integers)."""
    return value - (1 << 64) if value >= 1 << 63 else value


def to_unsigned(value: int) -> int:
    return value + (1 << 64) if value < 0 else value


def distance(a: int, b: int) -> int:
    return (to_unsigned(a) ^ to_unsigned(b)).bit_count()


def as_array(hashes: list[int]) -> NDArray[np.uint64]:
    """Signed or unsigned hashes as one uint64 array (for distances against many at once)."""
    return np.array([to_unsigned(h) for h in hashes], dtype=np.uint64)


def distances(hashes: NDArray[np.uint64], target: int) -> NDArray[np.uint8]:
    """Hamming distance from `target` to every hash: one XOR and one popcount per hash."""
    return np.bitwise_count(hashes ^ np.uint64(to_unsigned(target)))
