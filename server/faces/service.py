"""Face login rules: enrolment and removal (current password), verification with liveness and
lockout, and the profile photo's face tags."""

from __future__ import annotations

import io
import uuid
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
from server.engines.registry import EngineRegistry
from server.errors import AppError, ValidationFailed
from server.faces import repository
from server.faces.models import UserFace
from server.faces.schemas import FaceStatus, FaceTagsOut
from server.faces.verification import QualityLimits, check_enrolment_frames, verify_login
from server.photos import repository as photos
from server.photos.objects import StagedObjects, delete_objects_quietly
from server.storage import ObjectStore
from server.users import repository as users
from server.users.models import User

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
        422,
        "The movement was not seen. Follow the prompt (turn your head or blink) and try again.",
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
# Refusals that say something about who is in front of the camera count toward the lockout;
# poor pictures (no face, too dark…) do not.
COUNTED_FAILURES = {"not_recognized", "ambiguous_match", "liveness_failed", "not_same_person"}


def face_error(exc: FaceRejected) -> AppError:
    status, message = FACE_ERRORS.get(exc.code, (422, "The face could not be checked."))
    return AppError(message, code=exc.code, status=status, fields={"frames": exc.code})


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
    )


def _check_frame_limits(settings: Settings, frames: list[bytes]) -> None:
    if not frames:
        raise ValidationFailed(
            "Send the camera frames.", code="too_few_frames", fields={"frames": "required"}
        )
    if len(frames) > settings.face_frames_max:
        raise ValidationFailed(
            f"Send at most {settings.face_frames_max} frames.",
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
    _check_frame_limits(settings, frames)
    engine = engines.faces
    try:
        enrolment = check_enrolment_frames(
            engine, frames, min_frames=settings.face_frames_min, max_frames=settings.face_frames_max
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
    user.face_enrolled_at = None
    db.commit()
    delete_objects_quietly(store, keys)


def login(
    db: Session,
    settings: Settings,
    engines: EngineRegistry,
    *,
    login: str | None,
    frames: list[bytes],
    challenge: str | None,
    address: str,
) -> tuple[str, AuthSession, User]:
    """Face login: 1:1 when `login` names an account, else 1:N among enrolled users."""
    policy = face_policy(settings)
    key = auth_service.account_key(login) if login and login.strip() else None
    throttle.ensure_not_locked(db, policy, account_key=key, address=address, now=utcnow())
    _check_frame_limits(settings, frames)
    engine = engines.faces
    challenge = challenge or "turn_either"
    if settings.face_liveness and challenge not in engine.supported_challenges:
        raise ValidationFailed(
            "That liveness challenge is not supported.",
            code="unsupported_challenge",
            fields={"challenge": "one of " + ", ".join(sorted(engine.supported_challenges))},
        )
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
        match = verify_login(
            engine,
            frames,
            candidates,
            challenge=challenge if settings.face_liveness else None,
            threshold=settings.face_threshold,
            margin=settings.face_identify_margin,
            liveness_required=settings.face_liveness,
            min_frames=settings.face_frames_min,
            max_frames=settings.face_frames_max,
            limits=QualityLimits(),
        )
    except FaceRejected as exc:
        if exc.code in COUNTED_FAILURES:
            throttle.record(db, policy, account_key=key, address=address, success=False)
        raise face_error(exc) from exc
    matched = db.get(User, int(match.user_id))
    if matched is None:  # deleted while we compared
        throttle.record(db, policy, account_key=key, address=address, success=False)
        raise face_error(FaceRejected("not_recognized", "not recognised"))
    throttle.record(
        db, policy, account_key=key or matched.username_key, address=address, success=True
    )
    token, auth_session = auth_service.start_session(
        db, settings, user_id=matched.id, method="face"
    )
    db.commit()
    return token, auth_session, matched


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
