"""Uploaded images, one module per job.

- ``formats``: what the bytes really are (magic numbers, never a file name or content type);
- ``opening``: open safely, refusing pixel and frame bombs from the header before decoding;
- ``metadata``: capture time, camera, orientation and location from the EXIF;
- ``jpeg_gps`` / ``chunk_gps``: GPS removed by editing metadata segments or chunks in place;
- ``variants``: the upright preview and thumbnail JPEGs;
- ``upload``: the pipeline that ties them together.

Every rejection is a ``server.errors.ImageRejected`` with the contract's code and status.
"""

from server.errors import ImageRejected
from server.images.formats import heif_supported, sniff_format
from server.images.jpeg_gps import strip_gps_jpeg
from server.images.opening import open_verified
from server.images.upload import ProcessedImage, process_upload

__all__ = [
    "ImageRejected",
    "ProcessedImage",
    "heif_supported",
    "open_verified",
    "process_upload",
    "sniff_format",
    "strip_gps_jpeg",
]
