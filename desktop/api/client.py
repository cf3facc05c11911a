"""HTTP client for the FaceAlbum API v1 (``requests``, no Qt).

Every method maps to one endpoint of ``docs/api.md`` and either returns a typed record
or raises an :class:`~desktop.api.errors.ApiError` subclass. The client is safe to share between
threads for independent calls (each call builds its own request; the token is a plain attribute).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import requests

from desktop.api.errors import ApiError, ConnectionFailed, error_from_response
from desktop.api.models import (
    Album,
    AuthResult,
    DuplicateGroup,
    ExtractedText,
    Face,
    FaceChallenge,
    FaceStatus,
    Language,
    Person,
    Photo,
    PhotoPage,
    SearchPage,
    Translation,
    User,
)
from desktop.api.multipart import FilePart, MultipartBody, ProgressCallback

log = logging.getLogger(__name__)

API_PREFIX = "/api/v1"
ImageSource = Path | bytes
"""An image to send: a path on disk (streamed) or encoded bytes (e.g. a camera JPEG)."""


def _file_part(field: str, source: ImageSource, default_name: str) -> FilePart:
    if isinstance(source, bytes):
        return FilePart(field, default_name, source, "image/jpeg")
    return FilePart(field, source.name, source)


class ApiClient:
    """A FaceAlbum server at ``base_url`` (e.g. ``http://127.0.0.1:8000``), optionally signed in."""

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        connect_timeout: float = 5.0,
        read_timeout: float = 60.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self._local = threading.local()

    # -- plumbing -------------------------------------------------------------------------
    def _session(self) -> requests.Session:
        # One Session per thread: keep-alive without sharing a connection pool across threads.
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["User-Agent"] = "FaceAlbum-desktop/0.1"
            self._local.session = session
        return session

    def _request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        body: MultipartBody | None = None,
        auth: bool = True,
        timeout: float | None = None,
        api: bool = True,
        extra_headers: dict[str, str] | None = None,
    ) -> requests.Response:
        url = f"{self.base_url}{API_PREFIX if api else ''}{path}"
        headers: dict[str, str] = {"Accept": "application/json", **(extra_headers or {})}
        had_token = bool(auth and self.token)
        if had_token:
            headers["Authorization"] = f"Bearer {self.token}"
        data: Any = None
        if body is not None:
            headers["Content-Type"] = body.content_type
            headers["Content-Length"] = str(len(body))
            data = body
        try:
            response = self._session().request(
                method,
                url,
                json=json,
                params=params,
                data=data,
                headers=headers,
                timeout=(self.connect_timeout, timeout or self.read_timeout),
            )
        except requests.Timeout as exc:
            raise ConnectionFailed("timeout", str(exc)) from exc
        except requests.ConnectionError as exc:
            raise ConnectionFailed("connection_failed", str(exc)) from exc
        except requests.RequestException as exc:
            raise ConnectionFailed("connection_failed", str(exc)) from exc
        finally:
            if body is not None:
                body.close()
        if response.status_code >= 400:
            try:
                payload = response.json()
            except ValueError:
                payload = None
            error = error_from_response(
                response.status_code,
                payload,
                had_token=had_token,
                retry_after_header=response.headers.get("Retry-After"),
            )
            log.info("%s %s -> %s %s", method, path, response.status_code, error.code)
            raise error
        return response

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        response = self._request(method, path, **kwargs)
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except ValueError as exc:
            raise ApiError("server_error", "invalid JSON", status=response.status_code) from exc

    # -- health ---------------------------------------------------------------------------
    def check(self, timeout: float = 2.0) -> bool:
        """``GET /check``: True when the server answers ``{"status": "ok"}``."""
        response = self._request("GET", "/check", auth=False, api=False, timeout=timeout)
        try:
            return bool(response.json().get("status") == "ok")
        except ValueError:
            return False

    def info(self) -> dict[str, Any]:
        """``GET /info``: version, engine per capability, translation languages."""
        result: dict[str, Any] = self._json("GET", "/info", auth=False)
        return result

    # -- account --------------------------------------------------------------------------
    def register(
        self,
        *,
        username: str,
        email: str,
        password: str,
        password_confirm: str,
        photo: ImageSource,
        full_name: str = "",
        progress: ProgressCallback | None = None,
    ) -> AuthResult:
        """``POST /auth/register`` (multipart); signs the client in with the new token."""
        fields = {
            "username": username,
            "email": email,
            "password": password,
            "password_confirm": password_confirm,
        }
        if full_name:
            fields["full_name"] = full_name
        body = MultipartBody(fields, [_file_part("photo", photo, "profile.jpg")], progress)
        result = AuthResult.from_json(
            self._json("POST", "/auth/register", body=body, auth=False, timeout=120)
        )
        self.token = result.token
        return result

    def login(self, login: str, password: str) -> AuthResult:
        """``POST /auth/login`` with a username or email; signs the client in."""
        data = self._json(
            "POST", "/auth/login", json={"login": login, "password": password}, auth=False
        )
        result = AuthResult.from_json(data)
        self.token = result.token
        return result

    def face_challenge(self, login: str = "") -> FaceChallenge:
        """``POST /auth/face-challenge``: a fresh script to follow for one face login."""
        data = self._json("POST", "/auth/face-challenge", json={"login": login or None}, auth=False)
        return FaceChallenge.from_json(data)

    def face_login(
        self,
        challenge_id: str,
        frames: Sequence[bytes],
        offsets_ms: Sequence[int],
        login: str = "",
    ) -> AuthResult:
        """``POST /auth/face-login``: the challenge answered with JPEG frames in capture order and
        their capture times (ms from the first), optional username/email."""
        fields = {"challenge_id": challenge_id, "offsets_ms": json.dumps(list(offsets_ms))}
        if login:
            fields["login"] = login
        parts = [
            FilePart("frames", f"frame_{i:02d}.jpg", f, "image/jpeg") for i, f in enumerate(frames)
        ]
        data = self._json(
            "POST", "/auth/face-login", body=MultipartBody(fields, parts), auth=False, timeout=120
        )
        result = AuthResult.from_json(data)
        self.token = result.token
        return result

    def logout(self) -> None:
        """``POST /auth/logout``: the token stops working (forgotten locally either way)."""
        try:
            if self.token:
                self._json("POST", "/auth/logout")
        finally:
            self.token = None

    def me(self) -> User:
        """``GET /me``."""
        return User.from_json(self._json("GET", "/me"))

    def update_me(
        self,
        *,
        current_password: str,
        username: str | None = None,
        email: str | None = None,
        full_name: str | None = None,
        photo: ImageSource | None = None,
    ) -> User:
        """``PATCH /me`` (multipart); only the given fields change."""
        fields = {"current_password": current_password}
        for key, value in (("username", username), ("email", email), ("full_name", full_name)):
            if value is not None:
                fields[key] = value
        files = [] if photo is None else [_file_part("photo", photo, "profile.jpg")]
        return User.from_json(
            self._json("PATCH", "/me", body=MultipartBody(fields, files), timeout=120)
        )

    def change_password(self, current_password: str, new_password: str) -> None:
        """``POST /me/password``."""
        self._json(
            "POST",
            "/me/password",
            json={"current_password": current_password, "new_password": new_password},
        )

    def delete_me(self, current_password: str) -> None:
        """``DELETE /me``: the account and everything in it are removed."""
        self._json("DELETE", "/me", json={"current_password": current_password})
        self.token = None

    def me_tags(self) -> list[dict[str, Any]]:
        """``GET /me/tags``: DetectFaces-style descriptions of the current profile photo.

        The answer may be a list of face records or an object holding them under ``faces`` or
        ``tags``; both are accepted and a list of records is returned.
        """
        data = self._json("GET", "/me/tags")
        if isinstance(data, dict):
            for key in ("faces", "tags", "items", "FaceDetails"):
                if isinstance(data.get(key), list):
                    return list(data[key])
            return [data]
        return list(data or [])

    def face_status(self) -> FaceStatus:
        """``GET /me/face``."""
        return FaceStatus.from_json(self._json("GET", "/me/face"))

    def enrol_face(self, current_password: str, frames: Sequence[bytes]) -> FaceStatus:
        """``PUT /me/face``: enrol (or replace) face login from JPEG frames."""
        parts = [
            FilePart("frames", f"frame_{i:02d}.jpg", f, "image/jpeg") for i, f in enumerate(frames)
        ]
        data = self._json(
            "PUT",
            "/me/face",
            body=MultipartBody({"current_password": current_password}, parts),
            timeout=120,
        )
        return FaceStatus.from_json(data) if isinstance(data, dict) else self.face_status()

    def set_face_identification(self, enabled: bool, current_password: str = "") -> FaceStatus:
        """``PATCH /me/face``: log in by face without typing the username (on needs the password)."""
        body: dict[str, Any] = {"identify_without_username": enabled}
        if current_password:
            body["current_password"] = current_password
        return FaceStatus.from_json(self._json("PATCH", "/me/face", json=body))

    def disable_face(self, current_password: str) -> None:
        """``DELETE /me/face``: face login off, biometric data deleted."""
        self._json("DELETE", "/me/face", json={"current_password": current_password})

    # -- albums ---------------------------------------------------------------------------
    def albums(self) -> list[Album]:
        """``GET /albums``."""
        return [Album.from_json(item) for item in self._json("GET", "/albums")]

    def create_album(self, name: str) -> Album:
        """``POST /albums``."""
        return Album.from_json(self._json("POST", "/albums", json={"name": name}))

    def rename_album(self, album_id: int, name: str) -> Album:
        """``PATCH /albums/{id}``."""
        return Album.from_json(self._json("PATCH", f"/albums/{album_id}", json={"name": name}))

    def delete_album(self, album_id: int) -> None:
        """``DELETE /albums/{id}``: the album and its photos."""
        self._json("DELETE", f"/albums/{album_id}")

    def list_photos(
        self, album_id: int, *, limit: int = 100, cursor: str | None = None
    ) -> PhotoPage:
        """``GET /albums/{id}/photos``: one page; pass ``next_cursor`` back for the next."""
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        return PhotoPage.from_json(self._json("GET", f"/albums/{album_id}/photos", params=params))

    def upload_photo(
        self,
        album_id: int,
        file: ImageSource,
        *,
        name: str = "",
        description: str = "",
        progress: ProgressCallback | None = None,
        idempotency_key: str | None = None,
        allow_duplicate: bool = False,
    ) -> Photo:
        """``POST /albums/{id}/photos`` streaming the file; ``progress`` sees the bytes sent.

        With ``idempotency_key`` a retry of an upload whose answer was lost returns the same
        photo instead of a second one. The same bytes already stored raise ``duplicate_photo``
        (409) unless ``allow_duplicate``."""
        fields = {
            "name": name or (file.stem if isinstance(file, Path) else "foto"),
            "description": description,
        }
        if allow_duplicate:
            fields["allow_duplicate"] = "true"
        body = MultipartBody(fields, [_file_part("file", file, "photo.jpg")], progress)
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else None
        return Photo.from_json(
            self._json(
                "POST", f"/albums/{album_id}/photos", body=body, timeout=300, extra_headers=headers
            )
        )

    def check_photos(self, sha256s: Sequence[str]) -> set[str]:
        """``POST /photos/check``: which of these SHA-256 (lower-case hex) are already stored."""
        found: set[str] = set()
        digests = list(sha256s)
        for start in range(0, len(digests), 1000):
            data = self._json(
                "POST", "/photos/check", json={"sha256": digests[start : start + 1000]}
            )
            found.update(str(item["sha256"]) for item in data.get("existing") or [])
        return found

    def search(
        self,
        query: str,
        *,
        album_id: int | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        has_text: bool | None = None,
        limit: int = 100,
        cursor: str | None = None,
    ) -> SearchPage:
        """``GET /search``: the user's photos matching every word of ``query``, best first."""
        params: dict[str, Any] = {"q": query, "limit": limit}
        if album_id is not None:
            params["album_id"] = album_id
        if date_from:
            params["from"] = date_from
        if date_to:
            params["to"] = date_to
        if has_text is not None:
            params["has_text"] = "true" if has_text else "false"
        if cursor:
            params["cursor"] = cursor
        return SearchPage.from_json(self._json("GET", "/search", params=params))

    def bulk(
        self, action: str, photo_ids: Sequence[int], album_id: int | None = None
    ) -> list[Photo]:
        """``POST /photos/bulk``: move (into ``album_id``), trash or restore, all or none."""
        payload: dict[str, Any] = {"action": action, "ids": list(photo_ids)}
        if album_id is not None:
            payload["album_id"] = album_id
        data = self._json("POST", "/photos/bulk", json=payload)
        return [Photo.from_json(item) for item in data.get("items") or []]

    def trash(self, *, limit: int = 100, cursor: str | None = None) -> PhotoPage:
        """``GET /trash``: photos in the trash."""
        params: dict[str, Any] = {"limit": limit} | ({"cursor": cursor} if cursor else {})
        return PhotoPage.from_json(self._json("GET", "/trash", params=params))

    def empty_trash(self) -> int:
        """``DELETE /trash``: delete every photo in the trash for good."""
        return int(self._json("DELETE", "/trash").get("deleted", 0))

    def duplicates(self, kind: str | None = None) -> list[DuplicateGroup]:
        """``GET /duplicates``: groups of photos that look the same or alike."""
        params = {"kind": kind} if kind else None
        data = self._json("GET", "/duplicates", params=params)
        return [DuplicateGroup.from_json(item) for item in data.get("groups") or []]

    def keep_duplicate(self, keep_id: int, trash_ids: Sequence[int]) -> Photo:
        """``POST /duplicates/keep``: keep one copy, trash the others (keeping the best description)."""
        return Photo.from_json(
            self._json(
                "POST", "/duplicates/keep", json={"keep_id": keep_id, "trash_ids": list(trash_ids)}
            )
        )

    # -- photos ---------------------------------------------------------------------------
    def photo(self, photo_id: int) -> Photo:
        """``GET /photos/{id}``."""
        return Photo.from_json(self._json("GET", f"/photos/{photo_id}"))

    def update_photo(
        self,
        photo_id: int,
        *,
        name: str | None = None,
        description: str | None = None,
        album_id: int | None = None,
    ) -> Photo:
        """``PATCH /photos/{id}``: rename, re-describe or move to another own album."""
        payload: dict[str, Any] = {}
        if name is not None:
            payload["name"] = name
        if description is not None:
            payload["description"] = description
        if album_id is not None:
            payload["album_id"] = album_id
        return Photo.from_json(self._json("PATCH", f"/photos/{photo_id}", json=payload))

    def delete_photo(self, photo_id: int) -> None:
        """``DELETE /photos/{id}``: into the trash (30 days; ``bulk("restore", …)`` undoes it)."""
        self._json("DELETE", f"/photos/{photo_id}")

    # -- people ---------------------------------------------------------------------------
    def people(self, *, include_hidden: bool = False) -> list[Person]:
        """``GET /people``: me first, then named people, then unnamed groups."""
        params = {"hidden": "true"} if include_hidden else None
        return [Person.from_json(item) for item in self._json("GET", "/people", params=params)]

    def person_photos(
        self, person_id: int | None, *, limit: int = 100, cursor: str | None = None
    ) -> PhotoPage:
        """``GET /people/{id}/photos`` (``None``: ``/people/me/photos``)."""
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        who = "me" if person_id is None else str(person_id)
        return PhotoPage.from_json(self._json("GET", f"/people/{who}/photos", params=params))

    def person_faces(self, person_id: int) -> list[Face]:
        """``GET /people/{id}/faces``: the person's faces, suggestions included."""
        return [Face.from_json(item) for item in self._json("GET", f"/people/{person_id}/faces")]

    def update_person(
        self, person_id: int, *, name: str | None = None, hidden: bool | None = None
    ) -> Person:
        """``PATCH /people/{id}``: name or hide a person."""
        payload: dict[str, Any] = {}
        if name is not None:
            payload["name"] = name
        if hidden is not None:
            payload["hidden"] = hidden
        return Person.from_json(self._json("PATCH", f"/people/{person_id}", json=payload))

    def merge_people(self, person_id: int, others: Sequence[int]) -> Person:
        """``POST /people/{id}/merge``: ``others`` join ``person_id``."""
        return Person.from_json(
            self._json("POST", f"/people/{person_id}/merge", json={"person_ids": list(others)})
        )

    def photo_faces(self, photo_id: int) -> list[Face]:
        """``GET /photos/{id}/faces``."""
        return [Face.from_json(item) for item in self._json("GET", f"/photos/{photo_id}/faces")]

    def suggestions(self, limit: int = 50) -> list[Face]:
        """``GET /people/suggestions``: faces waiting to be confirmed or rejected."""
        return [
            Face.from_json(item)
            for item in self._json("GET", "/people/suggestions", params={"limit": limit})
        ]

    def name_face(self, face_id: int, name: str) -> Face:
        """``PATCH /faces/{id}`` ``{name}``: this face is that person (created if new)."""
        return Face.from_json(self._json("PATCH", f"/faces/{face_id}", json={"name": name}))

    def confirm_face(self, face_id: int, person_id: int) -> Face:
        """``PATCH /faces/{id}`` ``{person_id}``: confirm a suggestion or move a face."""
        return Face.from_json(
            self._json("PATCH", f"/faces/{face_id}", json={"person_id": person_id})
        )

    def reject_face(self, face_id: int) -> Face:
        """``PATCH /faces/{id}`` ``{not_person: true}``: not this person."""
        return Face.from_json(self._json("PATCH", f"/faces/{face_id}", json={"not_person": True}))

    def photo_content(self, photo_id: int, variant: str = "thumb") -> bytes:
        """``GET /photos/{id}/content?variant=thumb|preview|original``: the image bytes."""
        response = self._request(
            "GET", f"/photos/{photo_id}/content", params={"variant": variant}, timeout=120
        )
        return response.content

    def profile_photo(self, user: User) -> bytes:
        """The bytes behind ``user.photo_url`` (relative to the server or absolute)."""
        url = user.photo_url
        if not url:
            raise ApiError("not_found", "no profile photo", status=404)
        if url.startswith(("http://", "https://")):
            return self._request_absolute(url).content
        path = url if url.startswith("/") else f"/{url}"
        if path.startswith(API_PREFIX):
            path = path[len(API_PREFIX) :]
            return self._request("GET", path, timeout=60).content
        return self._request("GET", path, api=False, timeout=60).content

    def _request_absolute(self, url: str) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        if not url.startswith(self.base_url):
            headers = {}
        try:
            response = self._session().get(url, headers=headers, timeout=(self.connect_timeout, 60))
        except requests.RequestException as exc:
            raise ConnectionFailed("connection_failed", str(exc)) from exc
        if response.status_code >= 400:
            raise error_from_response(response.status_code, None, had_token=bool(headers))
        return response

    def translation(self, photo_id: int, lang: str) -> Translation:
        """``GET /photos/{id}/translation?lang=xx``: the description in ``lang``."""
        return Translation.from_json(
            self._json("GET", f"/photos/{photo_id}/translation", params={"lang": lang})
        )

    # -- analysis -------------------------------------------------------------------------
    def extract_text(self, image: ImageSource) -> ExtractedText:
        """``POST /analysis/text``: the text in an image (nothing is stored)."""
        body = MultipartBody({}, [_file_part("file", image, "image.jpg")])
        return ExtractedText.from_json(self._json("POST", "/analysis/text", body=body, timeout=120))

    def languages(self) -> list[Language]:
        """``GET /languages``: the translation languages the server offers."""
        data = self._json("GET", "/languages")
        if isinstance(data, dict):
            data = data.get("languages") or data.get("items") or []
        return [Language.from_json(item) for item in data]
