"""Analysis endpoints: text in an uploaded image, and the translator's languages."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile

from server.analysis import service
from server.analysis.schemas import LanguageOut, TextOut
from server.deps import ContextDep, CurrentUser, DbDep, SettingsDep
from server.uploads import read_upload

router = APIRouter(prefix="/api/v1", tags=["analysis"])


@router.post("/analysis/text", response_model=TextOut)
def extract_text(
    user: CurrentUser,
    db: DbDep,
    context: ContextDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="JPEG, PNG or WebP (HEIC when supported)")],
) -> TextOut:
    """The printed text in an image: the lines joined by newlines, and each line with its
    confidence (0-100) and box (ratios of the image). Nothing is stored."""
    data = read_upload(file, max_bytes=settings.max_upload_bytes, field="file")
    return service.extract_text(db, context.engines, settings, user=user, data=data)


@router.get("/languages", response_model=list[LanguageOut])
def list_languages(context: ContextDep) -> list[LanguageOut]:
    """The languages the configured translator offers. Public, like `/api/v1/info`, which lists
    them too: a client may show its language picker before logging in."""
    return service.offered_languages(context.engines)
