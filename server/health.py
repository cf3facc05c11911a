"""Health checks for the load balancer and operators, and what serves each capability."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from server import __version__
from server.config import Settings
from server.deps import ContextDep
from server.errors import error_body
from server.storage import StorageError

log = logging.getLogger(__name__)
router = APIRouter(tags=["health"])


@router.get("/check")
def check() -> dict[str, str]:
    """Liveness for the load balancer: the process answers."""
    return {"status": "ok"}


@router.get("/health/ready", responses={503: {"description": "database or storage not answering"}})
def ready(context: ContextDep) -> JSONResponse:
    """Readiness: the database and the object store both answer."""
    failed: dict[str, str] = {}
    try:
        with context.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception:
        log.warning("readiness: database check failed", exc_info=True)
        failed["database"] = "not answering"
    try:
        context.store.check()
    except StorageError:
        log.warning("readiness: storage check failed", exc_info=True)
        failed["storage"] = "not answering"
    if failed:
        body = error_body("not_ready", "Some dependencies are not answering.", failed)
        return JSONResponse(body, status_code=503)
    return JSONResponse({"status": "ready", "database": "ok", "storage": "ok"})


# What serves each capability, per engine choice ("none" has no provider).
PROVIDERS: dict[str, dict[str, str]] = {
    "faces": {"local": "dlib (HOG detector, ResNet embeddings)", "aws": "Amazon Rekognition"},
    "text": {"local": "rapidocr (onnxruntime)", "aws": "Amazon Rekognition DetectText"},
    "labels": {
        "local": "tags from what the local engines see (faces, text, shape, EXIF)",
        "aws": "Amazon Rekognition DetectLabels",
    },
    "translation": {"local": "Apertium", "aws": "Amazon Translate"},
}


def capabilities(settings: Settings, translation_languages: list[Any]) -> dict[str, Any]:
    """Per capability: the engine choice, what serves it, and whether it can answer."""
    choices = {
        "faces": settings.face_engine,
        "text": settings.text_engine,
        "labels": settings.labels_engine,
        "translation": settings.translation_engine,
    }
    described: dict[str, Any] = {}
    for capability, choice in choices.items():
        described[capability] = {
            "engine": choice,
            "provider": PROVIDERS[capability].get(choice),
            "available": choice != "none",
        }
    if settings.labels_engine == "local":
        # The local tagger only sees through the other local engines.
        described["labels"]["sees"] = [
            seen for seen in ("faces", "text") if choices[seen] == "local"
        ] + ["shape", "exif"]
    described["translation"]["available"] = bool(translation_languages)
    return described


@router.get("/api/v1/info")
def info(context: ContextDep) -> dict[str, Any]:
    """Version, limits, and which engine serves each capability (`engines`: the choice per
    capability; `capabilities`: the choice, what serves it and whether it can answer — translation
    is unavailable when its engine offers no language, e.g. Apertium not installed)."""
    settings = context.settings
    payload: dict[str, Any] = {
        "version": __version__,
        "storage": settings.storage_backend,
        "database": context.engine.dialect.name,
        "engines": {
            "faces": settings.face_engine,
            "text": settings.text_engine,
            "labels": settings.labels_engine,
            "translation": settings.translation_engine,
        },
        "limits": {
            "max_upload_bytes": settings.max_upload_bytes,
            "max_image_pixels": settings.max_image_pixels,
            "album_name_max": settings.album_name_max,
            "photo_name_max": settings.photo_name_max,
            "description_max": settings.description_max,
            "face_frames_min": settings.face_frames_min,
            "face_frames_max": settings.face_frames_max,
        },
    }
    if context.engines is not None:
        payload.update(context.engines.describe())
    payload["capabilities"] = capabilities(settings, payload.get("translation_languages", []))
    return payload
