"""The FastAPI application factory: one codebase for the bundled and the cloud service."""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from server import __version__
from server.albums.router import router as albums_router
from server.analysis.label_pool import (
    LabelPool,
    PoolConfig,
    shared_label_pool,
    shutdown_label_pools,
)
from server.analysis.router import router as analysis_router
from server.auth.router import router as auth_router
from server.config import Settings
from server.db import (
    ensure_private_dir,
    hot_read_limiter,
    hot_reads_inline,
    make_async_read_engine,
    make_engine,
    make_session_factory,
)
from server.deps import AppContext
from server.duplicates.router import router as duplicates_router
from server.engines.registry import EngineRegistry
from server.errors import ERROR_RESPONSES, install_error_handlers
from server.faces.router import router as faces_router
from server.headers import HeaderLimits, SecurityHeaders
from server.health import router as health_router
from server.jobs import repository as jobs
from server.jobs.runner import JobRunner
from server.migrate import upgrade
from server.people.jobs import start_backfill
from server.people.router import router as people_router
from server.photos.router import router as photos_router
from server.search.router import router as search_router
from server.storage import ObjectStore, create_object_store
from server.uploads import BodySizeLimit, route_body_limits
from server.users.router import router as users_router

log = logging.getLogger(__name__)


def build_store(settings: Settings) -> ObjectStore:
    return create_object_store(
        backend=settings.storage_backend,
        local_root=settings.local_store_root,
        bucket=settings.s3_bucket,
        region=settings.aws_region,
        endpoint_url=settings.s3_endpoint_url,
        access_key_id=settings.aws_access_key_id,
        secret_access_key=settings.aws_secret_access_key,
    )


def build_context(
    settings: Settings, *, migrate: bool = True, store: ObjectStore | None = None
) -> AppContext:
    ensure_private_dir(settings.data_dir)
    engine = make_engine(settings.resolved_database_url())
    if migrate:
        upgrade(engine)
    return AppContext(
        settings=settings,
        engine=engine,
        session_factory=make_session_factory(engine),
        store=store or build_store(settings),
        engines=EngineRegistry(settings),
        hot_reads=hot_read_limiter(engine),
        hot_reads_inline=hot_reads_inline(engine),
    )


def build_label_pool(settings: Settings) -> LabelPool | None:
    """The worker processes for local tagging, or None to tag in this process."""
    processes = settings.tagging_processes
    if processes is None:
        processes = os.cpu_count() or 1
    if settings.labels_engine != "local" or processes < 1:
        return None
    return shared_label_pool(
        PoolConfig(
            processes=processes,
            use_faces=settings.face_engine == "local",
            use_text=settings.text_engine == "local",
            max_pixels=settings.max_image_pixels,
            text_max_boxes=settings.tagging_text_max_boxes,
            text_time_budget=settings.tagging_text_time_budget_seconds,
        )
    )


def build_job_runner(context: AppContext) -> JobRunner:
    from server.analysis.tagging import IndexPhotoHandler, TagPhotoHandler
    from server.people.jobs import BACKFILL_FACES, BackfillFacesHandler, IndexFacesHandler

    pool = build_label_pool(context.settings)
    return JobRunner(
        context.session_factory,
        {
            jobs.TAG_PHOTO: TagPhotoHandler(context, pool),
            jobs.INDEX_PHOTO: IndexPhotoHandler(context),
            jobs.INDEX_FACES: IndexFacesHandler(context),
            BACKFILL_FACES: BackfillFacesHandler(context),
        },
        poll_seconds=context.settings.jobs_poll_seconds,
        max_attempts=context.settings.jobs_max_attempts,
        concurrency=pool.config.processes if pool is not None else 1,
    )


def create_app(settings: Settings | None = None, *, context: AppContext | None = None) -> FastAPI:
    """Build the app. Pass a ready `context` in tests; otherwise one is built from `settings`
    (creating the data dir and migrating the database)."""
    context = context or build_context(settings or Settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # Opened here, in the loop that will use its connections (see make_async_read_engine).
        app.state.async_reads = make_async_read_engine(context.engine)
        runner = build_job_runner(context) if context.settings.job_worker else None
        if runner is not None:
            if context.settings.face_indexing:
                start_backfill(context)
            runner.start()
        try:
            yield
        finally:
            if runner is not None:
                runner.stop()
                shutdown_label_pools()
            if app.state.async_reads is not None:
                await app.state.async_reads.dispose()
                app.state.async_reads = None
            context.engine.dispose()

    app = FastAPI(
        title="FaceAlbum",
        version=__version__,
        description="Photo albums with webcam face login. Errors use the envelope "
        '`{"error": {"code", "message", "fields"}}`.',
        lifespan=lifespan,
    )
    app.state.context = context
    install_error_handlers(app)
    app.include_router(health_router)
    routers = (
        auth_router,
        faces_router,
        users_router,
        albums_router,
        photos_router,
        search_router,
        duplicates_router,
        analysis_router,
        people_router,
    )
    for router in routers:
        app.include_router(router, responses=ERROR_RESPONSES)
    settings = context.settings
    limit_for = route_body_limits(
        json_max_bytes=settings.max_json_body_bytes,
        upload_max_bytes=settings.max_upload_bytes,
        # Face login sends up to face_frames_max camera frames, enrolment a few photos.
        face_max_bytes=max(
            settings.max_upload_bytes * max(2, settings.face_enrol_frames_max),
            settings.face_frame_max_bytes * settings.face_frames_max,
        ),
    )
    app.add_middleware(BodySizeLimit, limit_for=limit_for)
    app.add_middleware(
        HeaderLimits, max_count=settings.max_header_count, max_bytes=settings.max_header_bytes
    )
    app.add_middleware(SecurityHeaders)
    return app
