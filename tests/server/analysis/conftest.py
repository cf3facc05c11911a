"""Analysis test fixtures: the real local engines, loaded once per session and shared by every
app context whose engine choices are the defaults; a job runner; text rendering."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageDraw, ImageFont

from server.app import build_job_runner
from server.config import Settings
from server.deps import AppContext
from server.engines.registry import EngineRegistry
from server.jobs.runner import JobRunner

FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _engine_choices(settings: Settings) -> tuple[str, ...]:
    return (
        settings.face_engine,
        settings.text_engine,
        settings.labels_engine,
        settings.translation_engine,
    )


@pytest.fixture(scope="session")
def shared_engines() -> EngineRegistry:
    """The default (all local) engines; models load on first use, once per session."""
    return EngineRegistry(Settings())


@pytest.fixture
def app_context(app_context: AppContext, shared_engines: EngineRegistry) -> AppContext:
    """The server conftest's context, with the session's engines when the choices match."""
    if _engine_choices(app_context.settings) == _engine_choices(shared_engines.settings):
        app_context.engines = shared_engines
    return app_context


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    """These tests count tagging jobs: face indexing (the people domain's jobs) stays off."""
    return {"face_indexing": False}


@pytest.fixture
def runner(app_context: AppContext) -> JobRunner:
    """The service's own job runner (tag_photo handler included), run by hand in tests."""
    return build_job_runner(app_context)


def render_text(
    lines: Sequence[str], *, size: int = 44, background: str = "white", fill: str = "black"
) -> Image.Image:
    """``lines`` drawn with DejaVuSans on a plain background."""
    font = ImageFont.truetype(str(FONT_PATH), size)
    margin = size
    width = max(int(font.getlength(line)) for line in lines) + 2 * margin
    height = int(len(lines) * size * 1.8) + 2 * margin
    image = Image.new("RGB", (width, height), background)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((margin, margin + int(index * size * 1.8)), line, font=font, fill=fill)
    return image


def encode(image: Image.Image, image_format: str = "PNG", **options: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, format=image_format, **options)
    return out.getvalue()


@pytest.fixture(scope="session")
def rendered() -> Callable[..., Image.Image]:
    return render_text


@pytest.fixture(scope="session")
def encoded() -> Callable[..., bytes]:
    return encode


@pytest.fixture
def fixture_bytes(faces_dir: Path) -> Iterator[Callable[[str], bytes]]:
    yield lambda name: (faces_dir / name).read_bytes()
