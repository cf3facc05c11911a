"""Account rules: registration (all-or-nothing), profile edits, password change, deletion."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server.albums import service as album_service
from server.auth import repository as auth_repository
from server.auth import service as auth_service
from server.auth import throttle
from server.auth.models import AuthSession
from server.auth.security import hash_password, verify_password
from server.config import Settings
from server.db import utcnow
from server.errors import Conflict, NotPermitted, ValidationFailed
from server.photos import repository as photos
from server.photos import service as photo_service
from server.photos.objects import StagedObjects, delete_objects_quietly, user_prefix
from server.search import repository as search_repository
from server.storage import ObjectStore, StorageError
from server.users import repository
from server.users.models import User
from server.users.schemas import UserOut
from server.validation import (
    check_new_password,
    clean_email,
    clean_text,
    clean_username,
    normalize_login,
    username_key,
)

LANGUAGES = ("es", "en")


def to_out(db: Session, user: User) -> UserOut:
    photo = photos.current_profile_photo(db, user_id=user.id)
    return UserOut(
        id=user.id,
        username=user.username,
        email=user.email,
        full_name=user.full_name,
        language=user.language,
        photo_url=f"/api/v1/photos/{photo.id}/content?variant=preview" if photo else None,
        profile_photo_id=photo.id if photo else None,
        face_login_enabled=user.face_enrolled_at is not None,
        created_at=user.created_at,
    )


def _username_conflict() -> Conflict:
    return Conflict(
        "That username is already taken.", code="username_taken", fields={"username": "taken"}
    )


def _email_conflict() -> Conflict:
    return Conflict(
        "An account with that email already exists.", code="email_taken", fields={"email": "taken"}
    )


def _clean_language(language: str | None) -> str | None:
    if language is None or language == "":
        return None
    if language not in LANGUAGES:
        raise ValidationFailed("The language must be es or en.", fields={"language": "es|en"})
    return language


@dataclass(frozen=True)
class Registration:
    username: str
    email: str
    full_name: str
    password: str
    password_confirm: str
    language: str | None
    photo: bytes
    photo_filename: str | None


def register(
    db: Session,
    store: ObjectStore,
    settings: Settings,
    form: Registration,
    *,
    address: str,
) -> tuple[str, AuthSession, User]:
    """Create the user, the "Fotos de perfil" album holding the photo, and a session — or nothing.

    Every attempt counts toward the address's sign-up limit. The photo is checked and the
    password hashed *before* the username and email are looked up, so "taken" costs as much
    as a sign-up and cannot be used to list accounts cheaply.
    """
    throttle.take(
        db,
        auth_service.register_policy(settings),
        [throttle.address_bucket(auth_service.register_policy(settings), address)],
        now=utcnow(),
    )
    username = clean_username(form.username)
    email = clean_email(form.email)
    full_name = clean_text(
        form.full_name,
        field="full_name",
        label="The full name",
        max_length=settings.full_name_max,
        required=False,
    )
    password = check_new_password(form.password, field="password", min_length=settings.password_min)
    if form.password != form.password_confirm:
        raise ValidationFailed(
            "The passwords do not match.",
            code="passwords_do_not_match",
            fields={"password_confirm": "mismatch"},
        )
    language = _clean_language(form.language) or "es"
    image = photo_service.process(settings, form.photo, field="photo")
    password_hash = hash_password(password)
    if repository.username_taken(db, username_key(username)):
        raise _username_conflict()
    if repository.email_taken(db, email):
        raise _email_conflict()
    user = User(
        username=username,
        username_key=username_key(username),
        email=email,
        full_name=full_name,
        password_hash=password_hash,
        language=language,
    )
    try:
        with StagedObjects(store) as staged:
            db.add(user)
            db.flush()
            album = album_service.create_profile_album(db, user_id=user.id)
            photo_service.add_photo(
                db,
                staged,
                settings,
                user_id=user.id,
                album=album,
                image=image,
                name=photo_service.default_name(form.photo_filename),
                description="",
            )
            token, auth_session = auth_service.start_session(
                db, settings, user_id=user.id, method="password"
            )
            db.commit()
    except IntegrityError as exc:  # a concurrent registration took the username or email
        db.rollback()
        if repository.email_taken(db, email):
            raise _email_conflict() from exc
        raise _username_conflict() from exc
    except BaseException:
        db.rollback()
        raise
    return token, auth_session, user


def check_current_password(
    db: Session, settings: Settings, user: User, password: str | None, *, address: str
) -> None:
    """Sensitive changes need the current password; failures count toward the login lockout."""
    policy = auth_service.password_policy(settings)
    reservation = throttle.reserve(
        db, policy, account_key=auth_service.lockout_key(user, ""), address=address, now=utcnow()
    )
    if not password or not verify_password(user.password_hash, password):
        auth_repository.record_attempt(
            db, method="password", account_key=user.username_key, address=address, success=False
        )
        db.commit()
        raise NotPermitted(
            "The current password is not correct.",
            code="wrong_password",
            fields={"current_password": "wrong"},
        )
    throttle.settle(db, reservation, success=True)
    db.commit()


@dataclass(frozen=True)
class ProfileChanges:
    username: str | None = None
    email: str | None = None
    full_name: str | None = None
    language: str | None = None
    photo: bytes | None = None
    photo_filename: str | None = None


def update_profile(
    db: Session, store: ObjectStore, settings: Settings, user: User, changes: ProfileChanges
) -> User:
    if changes.username is not None and changes.username.strip() != user.username:
        username = clean_username(changes.username)
        if repository.username_taken(db, username_key(username), except_user_id=user.id):
            raise _username_conflict()
        user.username, user.username_key = username, username_key(username)
    if changes.email is not None and normalize_login(changes.email) != user.email:
        email = clean_email(changes.email)
        if repository.email_taken(db, email, except_user_id=user.id):
            raise _email_conflict()
        user.email = email
    if changes.full_name is not None:
        user.full_name = clean_text(
            changes.full_name,
            field="full_name",
            label="The full name",
            max_length=settings.full_name_max,
            required=False,
        )
    language = _clean_language(changes.language)
    if language:
        user.language = language
    image = (
        photo_service.process(settings, changes.photo, field="photo")
        if changes.photo is not None
        else None
    )
    try:
        with StagedObjects(store) as staged:
            if image is not None:
                album = album_service.profile_album_for(db, user_id=user.id)
                photo_service.add_photo(
                    db,
                    staged,
                    settings,
                    user_id=user.id,
                    album=album,
                    image=image,
                    name=photo_service.default_name(changes.photo_filename),
                    description="",
                )
            db.commit()
    except IntegrityError as exc:
        db.rollback()
        raise Conflict("That username or email is already taken.", code="conflict") from exc
    except BaseException:
        db.rollback()
        raise
    return user


def change_password(
    db: Session,
    settings: Settings,
    user: User,
    auth_session: AuthSession,
    *,
    current: str,
    new: str,
    address: str,
) -> None:
    """Set a new password and close every other session of the user."""
    check_current_password(db, settings, user, current, address=address)
    password = check_new_password(new, field="new_password", min_length=settings.password_min)
    if password == current:
        raise ValidationFailed(
            "The new password must differ from the current one.",
            code="validation_error",
            fields={"new_password": "same as current"},
        )
    user.password_hash = hash_password(password)
    auth_repository.revoke_sessions(
        db, user_id=user.id, now=utcnow(), keep_session_id=auth_session.id
    )
    db.commit()


def delete_account(
    db: Session, store: ObjectStore, settings: Settings, user: User, *, current: str, address: str
) -> None:
    """Delete every row (cascades) and then every object under the user's prefix."""
    check_current_password(db, settings, user, current, address=address)
    user_id = user.id
    keys = photos.object_keys_for_user(db, user_id=user_id)
    search_repository.remove_for_user(db, user_id=user_id)  # FTS5 rows have no foreign key
    db.delete(user)
    db.commit()
    with contextlib.suppress(StorageError):  # what is left is removed by the sweeper
        keys.extend(store.iter_keys(user_prefix(user_id)))
    delete_objects_quietly(store, sorted(set(keys)))
