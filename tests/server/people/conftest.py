"""People test fixtures: the real local face models (loaded once per session), a job runner,
and helpers to upload fixture photos and read what the service found."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from server.app import build_job_runner
from server.config import Settings
from server.deps import AppContext
from server.engines.registry import EngineRegistry
from server.jobs.runner import JobRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))  # people_labelled

pytestmark = pytest.mark.slow


@pytest.fixture(scope="session")
def shared_engines() -> EngineRegistry:
    return EngineRegistry(Settings())


@pytest.fixture
def settings_overrides() -> dict[str, Any]:
    """No tagging: these tests are about faces (and count the index jobs)."""
    return {"labels_engine": "none"}


@pytest.fixture
def app_context(app_context: AppContext, shared_engines: EngineRegistry) -> AppContext:
    if app_context.settings.face_engine == "local":
        app_context.engines = shared_engines
    return app_context


@pytest.fixture
def runner(app_context: AppContext) -> JobRunner:
    return build_job_runner(app_context)


@pytest.fixture
def fixture_bytes(faces_dir: Path) -> Any:
    return lambda name: (faces_dir / name).read_bytes()
