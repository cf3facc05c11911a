"""Face login rules: enrolment and removal (current password), verification with liveness and
lockout, and the profile photo's face tags."""

from __future__ import annotations

import io
import json
import logging
import secrets
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from PIL import Image, ImageOps
from sqlalchemy.orm import Session

from server.auth import service as auth_service
from server.auth import throttle
from server.auth.models import AuthSession
from server.config import Settings
from server.db import utcnow
from server.engines.faces.base import Candidate, FaceRejected
from server.engines.faces.presentation import (
    FINGERPRINT_BYTES,
    ScriptNotFollowed,
    face_fingerprint,
    is_replay,
)
from server.engines.registry import EngineRegistry
from server.errors import AppError, Unavailable, ValidationFailed
from server.faces import repository
from server.faces.models import FaceChallenge, UserFace
from server.faces.schemas import FaceChallengeOut, FaceSettingsIn, FaceStatus, FaceTagsOut
from server.faces.verification import LOGIN_QUALITY, check_enrolment_frames, verify_login
from server.photos import repository as photos
from server.photos.objects import StagedObjects, delete_objects_quietly
from server.storage import ObjectStore
from server.users import repository as users
from server.users import service as users_service
from server.users.models import User

logger = logging.getLogger(__name__)

# code → (HTTP status, what the person should do). Never says whether an account exists.
FACE_ERRORS: dict[str, tuple[int, str]] = {
    "no_face": (
        422,
        "No face was found. Look straight at the camera with your face inside the oval.",
    ),
    "multiple_faces": (
        422,
        "More than one face is in view. Only you should be in front of the camera.",
    ),
    "face_too_small": (422, "Your face is too small in the picture. Move closer to the camera."),
    "face_too_dark": (422, "Your face is too dark. Add light in front of you."),
    "face_blurry": (422, "The picture is blurry. Hold still for a moment."),
    "liveness_failed": (
        401,
        "The camera saw a still picture, not a moving head. Follow the arrows on screen.",
    ),
    "challenge_failed": (
        401,
        "The face check expired or was already used. Start the face login again.",
    ),
    "script_not_followed": (
        401,
        "The head movement did not follow the steps on screen. Turn further and in the order shown.",
    ),
    "not_continuous": (
        401,
        "The frames are not one steady camera recording. Keep your face in view and move smoothly.",
    ),
    "mirror_detected": (401, "A mirrored picture was sent. Use the camera directly."),
    "flat_face": (
        401,
        "The face moved like a flat picture. Turn your real head in front of the camera.",
    ),
    "replay_detected": (
        401,
        "These frames were already used to log in. Start a new face login with the camera.",
    ),
    "not_same_person": (
        422,
        "The frames do not all show the same person. Try again alone in front of the camera.",
    ),
    "image_unreadable": (422, "A frame could not be read as an image."),
    "image_too_large": (413, "A frame is too large."),
    "too_few_frames": (400, "Not enough frames were sent."),
    "too_many_frames": (400, "Too many frames were sent."),
    "not_recognized": (401, "The face was not recognised. Try again or log in with your password."),
    "ambiguous_match": (
        401,
        "The face could not be matched to one account. Type your username and try again.",
    ),
}
BUSY_RETRY_SECONDS = 2


def face_error(exc: FaceRejected) -> AppError:
    status, message = FACE_ERRORS.get(exc.code, (422, "The face could not be checked."))
    fields = {"frames": exc.code}
    if isinstance(exc, ScriptNotFollowed):
        # Which step to do better: the client turns it into "turn further to the left".
        fields["step"] = exc.step
        fields["step_index"] = str(exc.step_index)
    return AppError(message, code=exc.code, status=status, fields=fields)


class _FaceSlots:
    """Per-process limit on face logins computed at once (memory and CPU stay bounded)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._semaphores: dict[int, threading.BoundedSemaphore] = {}

    @contextmanager
    def slot(self, settings: Settings) -> Iterator[None]:
        with self._lock:
            semaphore = self._semaphores.setdefault(
                settings.face_concurrency, threading.BoundedSemaphore(settings.face_concurrency)
            )
        if not semaphore.acquire(timeout=max(settings.face_queue_seconds, 0.0)):
            raise Unavailable(
                "The server is busy with other face logins. Try again in a moment.",
                code="face_busy",
                headers={"Retry-After": str(BUSY_RETRY_SECONDS)},
            )
        try:
            yield
        finally:
            semaphore.release()


face_slots = _FaceSlots()


def face_policy(settings: Settings) -> throttle.ThrottlePolicy:
    return throttle.ThrottlePolicy(
        method="face",
        max_failures_per_account=settings.face_lockout_failures,
        max_failures_per_address=settings.face_lockout_failures,
        window=timedelta(seconds=settings.face_lockout_window_seconds),
        code="face_login_locked",
        message="Face login is locked for a few minutes after several failed attempts. "
        "You can still log in with your password.",
    )


def status(db: Session, user: User) -> FaceStatus:
    samples = repository.list_for_user(db, user_id=user.id) if user.face_enrolled_at else []
    return FaceStatus(
        enabled=user.face_enrolled_at is not None,
        enrolled_at=user.face_enrolled_at,
        samples=len(samples),
        engine=samples[0].engine if samples else None,
        identify_without_username=user.face_identify_without_username,
    )


def _check_frame_limits(
    settings: Settings, frames: list[bytes], max_frames: int | None = None
) -> None:
    most = settings.face_frames_max if max_frames is None else max_frames
    if not frames:
        raise ValidationFailed(
            "Send the camera frames.", code="too_few_frames", fields={"frames": "required"}
        )
    if len(frames) > most:
        raise ValidationFailed(
            f"Send at most {most} frames.",
            code="too_many_frames",
            fields={"frames": "too many"},
        )


def enrol(
    db: Session,
    store: ObjectStore,
    settings: Settings,
    engines: EngineRegistry,
    user: User,
    frames: list[bytes],
) -> FaceStatus:
    """Turn face login on (or replace it) from several frames of one face."""
    _check_frame_limits(settings, frames, settings.face_enrol_frames_max)
    engine = engines.faces
    try:
        enrolment = check_enrolment_frames(
            engine,
            frames,
            min_frames=settings.face_enrol_frames_min,
            max_frames=settings.face_enrol_frames_max,
        )
    except FaceRejected as exc:
        raise face_error(exc) from exc
    old_keys = [
        face.image_key for face in repository.list_for_user(db, user_id=user.id) if face.image_key
    ]
    image_key = f"users/{user.id}/face/{uuid.uuid4().hex}.jpg"
    with StagedObjects(store) as staged:
        staged.put(image_key, enrolment.face_jpeg, "image/jpeg")
        repository.delete_for_user(db, user_id=user.id)
        for index, template in enumerate(enrolment.templates):
            db.add(
                UserFace(
                    user_id=user.id,
                    engine=enrolment.engine,
                    template=template,
                    image_key=image_key if index == 0 else None,
                )
            )
        user.face_enrolled_at = utcnow()
        db.commit()
    delete_objects_quietly(store, old_keys)
    return status(db, user)


def disable(db: Session, store: ObjectStore, user: User) -> None:
    """Turn face login off and delete every biometric row and object."""
    keys = [
        face.image_key for face in repository.list_for_user(db, user_id=user.id) if face.image_key
    ]
    repository.delete_for_user(db, user_id=user.id)
    repository.delete_fingerprints(db, user_id=user.id)
    user.face_enrolled_at = None
    user.face_identify_without_username = False
    db.commit()
    delete_objects_quietly(store, keys)


def issue_challenge(
    db: Session, settings: Settings, *, login: str | None, address: str
) -> FaceChallengeOut:
    """A fresh random script for one face login, stored so any instance can verify it."""
    policy = face_policy(settings)
    key = auth_service.account_key(login) if login and login.strip() else None
    now = utcnow()
    throttle.ensure_not_locked(
        db, policy, account_key=_lock_key(db, key, login), address=address, now=now
    )
    turn = secrets.choice(("left", "right"))
    steps = ["center", turn, "center"]
    if secrets.randbelow(2):
        steps.append("right" if turn == "left" else "left")
    challenge = FaceChallenge(
        id=secrets.token_hex(16),
        login_key=key,
        steps=",".join(steps),
        issued_at=now,
        expires_at=now + timedelta(seconds=settings.face_challenge_seconds),
        min_seconds=settings.face_challenge_min_seconds,
    )
    repository.delete_expired_challenges(db, before=now - timedelta(hours=1))
    repository.add_challenge(db, challenge)
    db.commit()
    return FaceChallengeOut(
        challenge_id=challenge.id,
        steps=steps,
        expires_at=challenge.expires_at,
        min_seconds=challenge.min_seconds,
    )


def _lock_key(db: Session, key: str | None, login: str | None) -> str | None:
    """The lockout key of a typed login: its account, so the username and the email share one
    count (as for passwords); None for 1:N, which the address alone limits."""
    if key is None:
        return None
    return auth_service.lockout_key(users.find_by_login(db, key), login or "")


def _challenge_failed(reason: str) -> AppError:
    logger.info("face challenge refused: %s", reason)
    return AppError(
        FACE_ERRORS["challenge_failed"][1],
        code="challenge_failed",
        status=401,
        fields={"challenge_id": reason},
    )


def _take_challenge(
    db: Session, *, challenge_id: str | None, key: str | None, offsets_ms: list[int]
) -> list[str]:
    """Consume the challenge (whatever happens next) and return its steps, or refuse it."""
    if not challenge_id:
        raise _challenge_failed("missing")
    now = utcnow()
    challenge = repository.consume_challenge(db, challenge_id=challenge_id[:64], now=now)
    if challenge is None:
        raise _challenge_failed("unknown or already used")
    issued_at = challenge.issued_at
    if now >= challenge.expires_at:
        raise _challenge_failed("expired")
    elapsed = (now - issued_at).total_seconds()
    if elapsed < challenge.min_seconds:
        raise _challenge_failed("answered too early")
    # The capture cannot have lasted longer than the challenge has existed (a prepared batch).
    if offsets_ms and offsets_ms[-1] / 1000.0 > elapsed + 0.5:
        raise _challenge_failed("capture longer than the challenge")
    if challenge.login_key != key:
        raise _challenge_failed("issued for another login")
    return challenge.steps.split(",")


def parse_offsets(raw: str | None, frame_count: int) -> list[int]:
    """``offsets_ms``: a JSON list of integers, one per frame."""
    try:
        offsets = json.loads(raw) if raw else None
    except ValueError:
        offsets = None
    if (
        not isinstance(offsets, list)
        or len(offsets) != frame_count
        or not all(isinstance(o, int) and not isinstance(o, bool) for o in offsets)
    ):
        raise ValidationFailed(
            "Send offsets_ms: a JSON list with the capture time (ms) of each frame.",
            code="validation_error",
            fields={"offsets_ms": "invalid"},
        )
    return offsets


def login(
    db: Session,
    settings: Settings,
    engines: EngineRegistry,
    *,
    challenge_id: str | None,
    login: str | None,
    frames: list[bytes],
    offsets_ms: str | None,
    address: str,
) -> tuple[str, AuthSession, User]:
    """Face login answering a challenge: 1:1 when `login` names an account, else 1:N among
    the users who opted in. Every failure, whatever its reason, counts toward the lockout."""
    policy = face_policy(settings)
    key = auth_service.account_key(login) if login and login.strip() else None
    lock_key = _lock_key(db, key, login)
    throttle.ensure_not_locked(db, policy, account_key=lock_key, address=address, now=utcnow())
    with face_slots.slot(settings):
        try:
            matched = _verify(
                db,
                settings,
                engines,
                challenge_id=challenge_id,
                key=key,
                login=login,
                frames=frames,
                offsets_ms=offsets_ms,
            )
        except AppError:
            db.rollback()
            throttle.record(db, policy, account_key=lock_key, address=address, success=False)
            raise
    throttle.record(
        db,
        policy,
        account_key=auth_service.lockout_key(matched, matched.username_key),
        address=address,
        success=True,
    )
    token, auth_session = auth_service.start_session(
        db, settings, user_id=matched.id, method="face"
    )
    db.commit()
    return token, auth_session, matched


def _verify(
    db: Session,
    settings: Settings,
    engines: EngineRegistry,
    *,
    challenge_id: str | None,
    key: str | None,
    login: str | None,
    frames: list[bytes],
    offsets_ms: str | None,
) -> User:
    offsets = parse_offsets(offsets_ms, len(frames)) if frames else []
    steps = _take_challenge(db, challenge_id=challenge_id, key=key, offsets_ms=offsets)
    _check_frame_limits(settings, frames)
    engine = engines.faces
    if key is not None:
        user = users.find_by_login(db, login or "")
        found = (
            repository.templates_by_user(db, engine=engine.name, user_id=user.id) if user else {}
        )
    else:
        found = repository.templates_by_user(db, engine=engine.name)
    candidates = [
        Candidate(user_id=owner, templates=templates) for owner, templates in found.items()
    ]
    try:
        match, samples = verify_login(
            engine,
            frames,
            candidates,
            steps=steps,
            offsets_ms=offsets,
            threshold=settings.face_threshold,
            margin=settings.face_identify_margin,
            min_frames=settings.face_frames_min,
            max_frames=settings.face_frames_max,
            limits=LOGIN_QUALITY,
        )
        matched = db.get(User, int(match.user_id))
        if matched is None:  # deleted while we compared
            raise FaceRejected("not_recognized", "not recognised")
        fingerprints = [face_fingerprint(sample) for sample in samples]
        stored = repository.recent_fingerprints(
            db, user_id=matched.id, limit=settings.face_replay_keep
        )
        if is_replay(fingerprints, [_split_hashes(h) for h in stored]):
            raise FaceRejected("replay_detected", "these frames were already used to log in")
    except FaceRejected as exc:
        raise face_error(exc) from exc
    repository.add_fingerprints(
        db, user_id=matched.id, hashes=b"".join(fingerprints), keep=settings.face_replay_keep
    )
    return matched


def _split_hashes(packed: bytes) -> list[bytes]:
    return [packed[i : i + FINGERPRINT_BYTES] for i in range(0, len(packed), FINGERPRINT_BYTES)]


def set_identification(
    db: Session, settings: Settings, user: User, change: FaceSettingsIn, *, address: str
) -> FaceStatus:
    """Opt in or out of face login without a username (opting in needs the password)."""
    if change.identify_without_username and not user.face_identify_without_username:
        if not change.current_password:
            raise ValidationFailed(
                "Type your current password to turn this on.",
                code="validation_error",
                fields={"current_password": "required"},
            )
        users_service.check_current_password(
            db, settings, user, change.current_password, address=address
        )
    user.face_identify_without_username = change.identify_without_username
    db.commit()
    return status(db, user)


def profile_tags(
    db: Session, store: ObjectStore, engines: EngineRegistry, user: User
) -> FaceTagsOut:
    """Face tags of the current profile photo, computed once per photo and stored on it."""
    photo = photos.current_profile_photo(db, user_id=user.id)
    if photo is None:
        return FaceTagsOut(photo_id=None, engine=None, face_count=0, faces=[])
    if photo.face_tags is None:
        image = ImageOps.exif_transpose(
            Image.open(io.BytesIO(store.get(photo.preview_key)))
        ).convert("RGB")
        photo.face_tags = engines.faces.describe(image).as_dict()
        db.commit()
    tags = photo.face_tags or {}
    return FaceTagsOut(
        photo_id=photo.id,
        engine=tags.get("engine"),
        face_count=int(tags.get("face_count", 0)),
        faces=[detect_faces_detail(face) for face in tags.get("faces", [])],
    )


def _camel(snake: str) -> str:
    return "".join(part.capitalize() for part in snake.split("_"))


def detect_faces_detail(description: dict[str, Any]) -> dict[str, Any]:
    """One stored face description in Rekognition's ``FaceDetail`` shape (what DetectFaces with
    ALL attributes answers), with only the fields the engine measured."""
    face = description.get("face", {})
    box = face.get("box", {})
    detail: dict[str, Any] = {
        "BoundingBox": {
            "Left": box.get("left"),
            "Top": box.get("top"),
            "Width": box.get("width"),
            "Height": box.get("height"),
        },
        "Confidence": face.get("confidence"),
        "Quality": {"Brightness": face.get("brightness"), "Sharpness": face.get("sharpness")},
    }
    pose = face.get("pose")
    if pose:
        detail["Pose"] = {
            key.capitalize(): value for key, value in pose.items() if value is not None
        }
    if face.get("smiling") is not None:
        detail["Smile"] = {"Value": face["smiling"], "Confidence": face.get("confidence")}
    if face.get("eyes_open") is not None:
        detail["EyesOpen"] = {"Value": face["eyes_open"], "Confidence": face.get("confidence")}
    for name, measured in (description.get("attributes") or {}).items():
        detail[_camel(name)] = {"Value": measured["value"], "Confidence": measured["confidence"]}
    age = description.get("age_range")
    if age:
        detail["AgeRange"] = {"Low": age[0], "High": age[1]}
    if description.get("gender"):
        detail["Gender"] = {"Value": description["gender"]}
    if description.get("emotions"):
        detail["Emotions"] = [
            {"Type": e["type"], "Confidence": e["confidence"]} for e in description["emotions"]
        ]
    return detail
