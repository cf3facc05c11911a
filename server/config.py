"""Service settings: one pydantic-settings object, read from the environment and the command line.

Cloud deployments keep the seed project's variable names (``HOST``, ``PORT``, ``DATABASE``,
``USERDATAB``, ``PASSWORD`` for MySQL; ``BUCKET``, ``REGION``, ``ACCESS_KEY_ID``,
``SECRET_ACCESS_KEY`` for S3), so those are accepted as aliases.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from urllib.parse import quote_plus

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

EngineChoice = Literal["local", "aws", "none"]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="FACEALBUM_", extra="ignore", populate_by_name=True
    )

    data_dir: Path = Path("data")
    database_url: str | None = None

    # The seed project's MySQL variables; used when database_url is not given.
    mysql_host: str | None = Field(
        default=None, validation_alias=AliasChoices("FACEALBUM_MYSQL_HOST", "HOST")
    )
    mysql_port: int = Field(
        default=3306, validation_alias=AliasChoices("FACEALBUM_MYSQL_PORT", "PORT")
    )
    mysql_database: str | None = Field(
        default=None, validation_alias=AliasChoices("FACEALBUM_MYSQL_DATABASE", "DATABASE")
    )
    mysql_user: str | None = Field(
        default=None, validation_alias=AliasChoices("FACEALBUM_MYSQL_USER", "USERDATAB")
    )
    mysql_password: str | None = Field(
        default=None, validation_alias=AliasChoices("FACEALBUM_MYSQL_PASSWORD", "PASSWORD")
    )

    storage_backend: Literal["local", "s3"] = "local"
    s3_bucket: str | None = Field(
        default=None, validation_alias=AliasChoices("FACEALBUM_S3_BUCKET", "BUCKET")
    )
    aws_region: str | None = Field(
        default=None, validation_alias=AliasChoices("FACEALBUM_AWS_REGION", "REGION")
    )
    s3_endpoint_url: str | None = None
    aws_access_key_id: str | None = Field(
        default=None, validation_alias=AliasChoices("FACEALBUM_AWS_ACCESS_KEY_ID", "ACCESS_KEY_ID")
    )
    aws_secret_access_key: str | None = Field(
        default=None,
        validation_alias=AliasChoices("FACEALBUM_AWS_SECRET_ACCESS_KEY", "SECRET_ACCESS_KEY"),
    )
    rekognition_access_key_id: str | None = Field(
        default=None,
        validation_alias=AliasChoices(
            "FACEALBUM_REKOGNITION_ACCESS_KEY_ID", "REKOGNITION_ACCESS_KEY_ID"
        ),
    )
    rekognition_secret_access_key: str | None = Field(
        default=None,
        validation_alias=AliasChoices(
            "FACEALBUM_REKOGNITION_SECRET_ACCESS_KEY", "REKOGNITION_SECRET_ACCESS_KEY"
        ),
    )
    rekognition_region: str | None = Field(
        default=None,
        validation_alias=AliasChoices("FACEALBUM_REKOGNITION_REGION", "REKOGNITION_REGION"),
    )
    # Serve originals through short-lived signed URLs (S3 only) instead of streaming them.
    redirect_to_signed_urls: bool = False
    signed_url_seconds: int = 300

    # Limits
    max_upload_bytes: int = 20 * 1024 * 1024
    # Bodies of routes without a photo (JSON and small forms): login, albums, edits...
    max_json_body_bytes: int = 16 * 1024
    # Request headers (count, and bytes in all); more answers 431.
    max_header_count: int = 100
    max_header_bytes: int = 32 * 1024
    max_image_pixels: int = 50_000_000
    thumbnail_px: int = 256
    preview_px: int = 1440
    album_name_max: int = 45
    photo_name_max: int = 100
    description_max: int = 255
    full_name_max: int = 100
    password_min: int = 8
    page_size_default: int = 50
    page_size_max: int = 200

    # How many reverse proxies (nginx, the load balancer) sit in front: their X-Forwarded-For
    # entries are trusted to find the client address for throttling. 0 = use the socket peer.
    trusted_proxies: int = 0

    # Sessions and login throttling
    session_days: int = 30
    login_max_failures: int = 5
    login_window_seconds: int = 300
    login_max_failures_per_address: int = 20
    # Sign-ups per client address (every attempt counts, valid or not).
    register_max_per_address: int = 20
    register_window_seconds: int = 3600
    # Login attempts are kept this long for the record, then `python -m server sweep` drops them.
    login_attempts_keep_days: int = 30

    # Costly engines: calls running at once per process (more answer 503 with Retry-After),
    # text boxes read per OCR call, wall-clock seconds per OCR call (detection included; the
    # lines read by then come back with complete=false), onnxruntime threads per call (one:
    # on a shared 2-core machine two threads per call were slower, see the issue 10 notes),
    # and OCR calls per user per window.
    text_max_concurrent: int = 2
    text_max_boxes: int = 100
    text_time_budget_seconds: float = 1.5
    text_threads: int = 1
    text_rate_per_user: int = 30
    text_rate_window_seconds: int = 600
    engine_busy_retry_seconds: int = 5

    # Engines (each capability: local, aws or none)
    face_engine: EngineChoice = "local"
    text_engine: EngineChoice = "local"
    labels_engine: EngineChoice = "local"
    translation_engine: EngineChoice = "local"
    face_threshold: float | None = None  # similarity 0–100; None = the engine's calibrated default
    # Login frames (8–24 camera frames answering a challenge) and enrolment frames (3–5 photos).
    face_frames_min: int = 8
    face_frames_max: int = 24
    face_enrol_frames_min: int = 3
    face_enrol_frames_max: int = 5
    face_frame_max_bytes: int = 3 * 1024 * 1024
    # Challenges: valid this long, answerable only this long after issue (a capture takes time).
    face_challenge_seconds: int = 60
    face_challenge_min_seconds: float = 2.0
    # Face logins computed at once per process (the rest wait up to face_queue_seconds, then 503).
    face_concurrency: int = 2
    face_queue_seconds: float = 3.0
    # Successful logins per user whose frame hashes are kept to refuse replays.
    face_replay_keep: int = 20
    face_lockout_failures: int = 5
    face_lockout_window_seconds: int = 300
    face_identify_margin: float = 8.0
    # Find and group the faces in every photo (people, "photos where I appear").
    face_indexing: bool = True
    labels_max: int = 10
    labels_min_confidence: float = 70.0
    # Run a background job worker in this process (every instance may; claims are atomic).
    job_worker: bool = True
    jobs_poll_seconds: float = 1.0
    jobs_max_attempts: int = 3
    # Local tagging runs in this many worker processes (and as many jobs at once); None = one per
    # core, 0 = in the service process, one job at a time.
    tagging_processes: int | None = None
    # Reading a photo's words for search in the background: not a request, so more boxes and a
    # larger budget, but bounded (a poster of small print would otherwise hold a worker for
    # minutes; a job's lease is 5 minutes). The boxes apply to the worker processes; tagging in
    # the service process shares the request engine and its text_max_boxes.
    tagging_text_max_boxes: int = 1000
    tagging_text_time_budget_seconds: float = 30.0

    def resolved_database_url(self) -> str:
        """The SQLAlchemy URL: explicit URL, else the seed's MySQL variables, else SQLite in the data dir."""
        if self.database_url:
            return self.database_url
        if self.mysql_host and self.mysql_database:
            user = quote_plus(self.mysql_user or "")
            password = quote_plus(self.mysql_password or "")
            credentials = f"{user}:{password}@" if user else ""
            return (
                f"mysql+mysqldb://{credentials}{self.mysql_host}:{self.mysql_port}/"
                f"{self.mysql_database}?charset=utf8mb4"
            )
        return f"sqlite:///{(self.data_dir / 'facealbum.sqlite3').resolve()}"

    @property
    def local_store_root(self) -> Path:
        return self.data_dir / "objects"
