"""Queries for faces and people; every read is scoped to its owner."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import and_, delete, exists, func, select, update
from sqlalchemy.orm import Session

from server.faces.models import UserFace
from server.jobs.models import Job
from server.jobs.repository import INDEX_FACES
from server.people.models import SHOWN_STATES, Face, Person, PhotoFaceScan
from server.photos.models import Photo

# --- people -----------------------------------------------------------------------------------


def get_person(db: Session, *, user_id: int, person_id: int) -> Person | None:
    return db.scalar(select(Person).where(Person.id == person_id, Person.user_id == user_id))


def get_me(db: Session, *, user_id: int) -> Person | None:
    return db.scalar(
        select(Person).where(Person.user_id == user_id, Person.is_me.is_(True)).limit(1)
    )


def find_by_name_key(db: Session, *, user_id: int, name_key: str) -> Person | None:
    return db.scalar(
        select(Person).where(Person.user_id == user_id, Person.name_key == name_key).limit(1)
    )


def list_people(db: Session, *, user_id: int, include_hidden: bool) -> list[Person]:
    query = select(Person).where(Person.user_id == user_id)
    if not include_hidden:
        query = query.where(Person.hidden.is_(False))
    return list(db.scalars(query.order_by(Person.id)))


def people_stats(db: Session, *, user_id: int) -> dict[int, tuple[int, int, int]]:
    """person id -> (faces shown, photos shown, suggestions waiting)."""
    shown = db.execute(
        select(Face.person_id, func.count(Face.id), func.count(func.distinct(Face.photo_id)))
        .where(Face.user_id == user_id, Face.person_id.is_not(None), Face.state.in_(SHOWN_STATES))
        .group_by(Face.person_id)
    )
    stats = {int(p or 0): (int(f), int(ph), 0) for p, f, ph in shown}
    waiting = db.execute(
        select(Face.person_id, func.count(Face.id))
        .where(Face.user_id == user_id, Face.state == "suggested", Face.person_id.is_not(None))
        .group_by(Face.person_id)
    )
    for person_id, count in waiting:
        key = int(person_id or 0)
        faces, photos, _ = stats.get(key, (0, 0, 0))
        stats[key] = (faces, photos, int(count))
    return stats


def cover_faces(db: Session, *, user_id: int) -> dict[int, Face]:
    """The best shown face of each person (largest), for its picture in the list."""
    best: dict[int, Face] = {}
    for face in db.scalars(
        select(Face).where(
            Face.user_id == user_id,
            Face.person_id.is_not(None),
            Face.state.in_(SHOWN_STATES),
        )
    ):
        assert face.person_id is not None
        current = best.get(face.person_id)
        if current is None or face.width_px * face.quality > current.width_px * current.quality:
            best[face.person_id] = face
    return best


def drop_empty_groups(db: Session, *, user_id: int) -> None:
    """Unnamed groups left without faces disappear (named people and "me" stay)."""
    has_faces = exists().where(Face.person_id == Person.id)
    db.execute(
        delete(Person).where(
            Person.user_id == user_id,
            Person.name.is_(None),
            Person.is_me.is_(False),
            ~has_faces,
        )
    )


# --- faces ------------------------------------------------------------------------------------


def get_face(db: Session, *, user_id: int, face_id: int) -> Face | None:
    return db.scalar(select(Face).where(Face.id == face_id, Face.user_id == user_id))


def faces_of_photo(db: Session, *, user_id: int, photo_id: int) -> list[Face]:
    return list(
        db.scalars(
            select(Face)
            .where(Face.photo_id == photo_id, Face.user_id == user_id)
            .order_by(Face.box_left, Face.id)
        )
    )


def faces_of_person(
    db: Session, *, user_id: int, person_id: int, states: Sequence[str]
) -> list[Face]:
    return list(
        db.scalars(
            select(Face)
            .where(Face.user_id == user_id, Face.person_id == person_id, Face.state.in_(states))
            .order_by(Face.id.desc())
        )
    )


def suggestions(db: Session, *, user_id: int, limit: int) -> list[Face]:
    return list(
        db.scalars(
            select(Face)
            .where(Face.user_id == user_id, Face.state == "suggested")
            .order_by(Face.similarity.desc(), Face.id)
            .limit(limit)
        )
    )


def reference_faces(
    db: Session, *, user_id: int, engine: str
) -> list[tuple[int, bytes | None, str | None]]:
    """(person id, embedding, external id) of every face of a named person or "me" that the
    user confirmed or the machine placed inside the auto band."""
    rows = db.execute(
        select(Face.person_id, Face.embedding, Face.external_id)
        .join(Person, Person.id == Face.person_id)
        .where(
            Face.user_id == user_id,
            Face.engine == engine,
            Face.state.in_(("confirmed", "auto")),
            (Person.name.is_not(None)) | Person.is_me.is_(True),
        )
    )
    return [(int(p or 0), e, x) for p, e, x in rows]


def enrolment_templates(db: Session, *, user_id: int, engine: str) -> list[bytes]:
    """The user's face-login templates (the seed of "me")."""
    return [
        t
        for t in db.scalars(
            select(UserFace.template).where(
                UserFace.user_id == user_id,
                UserFace.engine == engine,
                UserFace.template.is_not(None),
            )
        )
        if t is not None
    ]


def open_faces(db: Session, *, user_id: int, engine: str) -> list[Face]:
    """Faces the machine may still move: unassigned, grouped, or suggested."""
    return list(
        db.scalars(
            select(Face)
            .where(
                Face.user_id == user_id,
                Face.engine == engine,
                Face.state.in_(("unassigned", "grouped", "suggested")),
            )
            .order_by(Face.id)
        )
    )


def external_ids_of_photo(db: Session, *, user_id: int, photo_id: int) -> list[str]:
    return [
        x
        for x in db.scalars(
            select(Face.external_id)
            .where(Face.photo_id == photo_id, Face.user_id == user_id)
            .order_by(Face.id)
        )
        if x is not None
    ]


def external_ids_of_photos(db: Session, *, photo_ids: Sequence[int]) -> dict[int, list[str]]:
    """The cloud engine's face ids of these photos, by owner."""
    by_user: dict[int, list[str]] = {}
    if not photo_ids:
        return by_user
    rows = db.execute(
        select(Face.user_id, Face.external_id)
        .where(Face.photo_id.in_(photo_ids), Face.external_id.is_not(None))
        .order_by(Face.id)
    )
    for user_id, external_id in rows:
        by_user.setdefault(user_id, []).append(str(external_id))
    return by_user


def external_ids_by_face(
    db: Session, *, user_id: int, external_ids: Sequence[str]
) -> dict[str, Face]:
    if not external_ids:
        return {}
    rows = db.scalars(
        select(Face).where(Face.user_id == user_id, Face.external_id.in_(list(external_ids)))
    )
    return {face.external_id: face for face in rows if face.external_id is not None}


def move_faces(
    db: Session, *, user_id: int, from_ids: Sequence[int], to_id: int, named: bool
) -> None:
    """Merge: faces of ``from_ids`` join ``to_id``; grouped faces count as placed once named."""
    db.execute(
        update(Face)
        .where(Face.user_id == user_id, Face.person_id.in_(list(from_ids)))
        .values(person_id=to_id)
    )
    if named:
        db.execute(
            update(Face)
            .where(Face.user_id == user_id, Face.person_id == to_id, Face.state == "grouped")
            .values(state="auto")
        )


# --- photos -----------------------------------------------------------------------------------


def photo_ids_with_person(db: Session, *, user_id: int, person_id: int) -> list[int]:
    """Ids of the user's photos showing that person (for search filters such as ``person:me``)."""
    return [
        int(x)
        for x in db.scalars(
            select(Face.photo_id)
            .where(
                Face.user_id == user_id,
                Face.person_id == person_id,
                Face.state.in_(SHOWN_STATES),
            )
            .distinct()
            .order_by(Face.photo_id.desc())
        )
    ]


def photos_with_person_page(
    db: Session, *, user_id: int, person_id: int, limit: int, before_id: int | None
) -> list[Photo]:
    showing = exists().where(
        Face.photo_id == Photo.id,
        Face.person_id == person_id,
        Face.state.in_(SHOWN_STATES),
    )
    query = select(Photo).where(Photo.user_id == user_id, showing)
    if before_id is not None:
        query = query.where(Photo.id < before_id)
    return list(db.scalars(query.order_by(Photo.id.desc()).limit(limit + 1)))


def mark_scanned(db: Session, *, photo_id: int, user_id: int, engine: str, face_count: int) -> None:
    scan = db.get(PhotoFaceScan, photo_id)
    if scan is None:
        db.add(
            PhotoFaceScan(photo_id=photo_id, user_id=user_id, engine=engine, face_count=face_count)
        )
    else:
        scan.engine, scan.face_count = engine, face_count


def unscanned_photo_ids(db: Session, *, limit: int) -> list[int]:
    """Photos nobody looked at yet, and with no index job waiting (the backfill's work list)."""
    scanned = exists().where(PhotoFaceScan.photo_id == Photo.id)
    queued = exists().where(
        and_(
            Job.photo_id == Photo.id, Job.kind == INDEX_FACES, Job.state.in_(("pending", "running"))
        )
    )
    return [
        int(x)
        for x in db.scalars(
            select(Photo.id).where(~scanned, ~queued).order_by(Photo.id).limit(limit)
        )
    ]


def index_jobs_waiting(db: Session, *, user_id: int, except_job_id: int) -> bool:
    """Whether more of the user's photos wait to be indexed (grouping then waits for the last).

    Only pending jobs count: two workers finishing the last two photos at once both group
    (the second pass keeps the first's groups) rather than each waiting for the other."""
    return (
        db.scalar(
            select(Job.id)
            .join(Photo, Photo.id == Job.photo_id)
            .where(
                Photo.user_id == user_id,
                Job.kind == INDEX_FACES,
                Job.state == "pending",
                Job.id != except_job_id,
            )
            .limit(1)
        )
        is not None
    )
