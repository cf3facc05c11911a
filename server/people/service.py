"""People rules: indexing a photo's faces, placing them (assign, suggest, group), and what the
user says about them (names, merges, "not this person", hiding)."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
from sqlalchemy.orm import Session

from server.albums.models import Album
from server.config import Settings
from server.deps import AppContext
from server.engines.faces.local import decode_embedding
from server.engines.registry import EngineRegistry
from server.errors import Conflict, NotFound, ValidationFailed
from server.images import open_verified
from server.people import repository
from server.people.assignment import (
    GROUP_DISTANCE,
    GROUP_NEIGHBOURS,
    Decision,
    ReferenceSet,
    chinese_whispers_labels,
    decide,
    knn_edges,
)
from server.people.indexer import FaceIndexer, RekognitionFaceIndexer, indexer_for
from server.people.models import SHOWN_STATES, Face, Person
from server.people.schemas import (
    BoxOut,
    CoverOut,
    FaceOut,
    FacePatch,
    PersonBrief,
    PersonOut,
    PersonPatch,
)
from server.photos import service as photo_service
from server.photos.models import Photo
from server.photos.schemas import PhotoPage
from server.validation import clean_text, name_key

log = logging.getLogger(__name__)

PERSON_NAME_MAX = 100


def person_not_found() -> NotFound:
    return NotFound("That person does not exist.", code="person_not_found")


def face_not_found() -> NotFound:
    return NotFound("That face does not exist.", code="face_not_found")


# --- indexing (background job) ------------------------------------------------------------------


def index_photo_faces(context: AppContext, db: Session, photo_id: int, *, job_id: int = 0) -> int:
    """Find, store and place the faces of one photo; returns how many were kept.

    The caller (the job runner) commits. A photo indexed again (a retried job) has its old
    faces replaced. When it was the last of the user's photos waiting, faces nobody named are
    grouped again.
    """
    photo = db.get(Photo, photo_id)
    if photo is None:
        return 0
    indexer = indexer_for(context.engines)
    old = repository.faces_of_photo(db, user_id=photo.user_id, photo_id=photo.id)
    stale_ids = [f.external_id for f in old if f.external_id]
    for face in old:
        db.delete(face)
    if stale_ids:
        indexer.forget(user_id=photo.user_id, external_ids=stale_ids)
    data = context.store.get(photo.preview_key)
    with open_verified(data, max_pixels=context.settings.max_image_pixels) as image:
        found = indexer.index(image, user_id=photo.user_id, photo_id=photo.id)
    faces = [
        Face(
            user_id=photo.user_id,
            photo_id=photo.id,
            state="unassigned",
            box_left=f.box.left,
            box_top=f.box.top,
            box_width=f.box.width,
            box_height=f.box.height,
            width_px=f.width_px,
            confidence=f.confidence,
            quality=f.quality,
            engine=indexer.engine_name,
            embedding=f.embedding,
            external_id=f.external_id,
        )
        for f in found
    ]
    db.add_all(faces)
    album = db.get(Album, photo.album_id)
    if faces and album is not None and album.kind == "profile":
        # The profile photo shows its owner: its largest face seeds "me".
        me = ensure_me(db, user_id=photo.user_id)
        faces[0].person_id, faces[0].state = me.id, "confirmed"
    db.flush()
    # The last photo waiting places every open face at once (the new ones included) and groups
    # again; earlier ones only place their own faces.
    is_last = not repository.index_jobs_waiting(db, user_id=photo.user_id, except_job_id=job_id)
    if not is_last:
        place_faces(db, indexer, user_id=photo.user_id, faces=faces)
    repository.mark_scanned(
        db,
        photo_id=photo.id,
        user_id=photo.user_id,
        engine=indexer.engine_name,
        face_count=len(faces),
    )
    db.flush()
    if is_last:
        reassess(db, indexer, user_id=photo.user_id)
        regroup(db, indexer, user_id=photo.user_id)
    return len(faces)


def ensure_me(db: Session, *, user_id: int) -> Person:
    me = repository.get_me(db, user_id=user_id)
    if me is None:
        me = Person(user_id=user_id, is_me=True, hidden=False)
        db.add(me)
        db.flush()
    return me


# --- placing faces ------------------------------------------------------------------------------


class _Matcher:
    """Best similarity of a face to each named person, whatever the engine."""

    def __init__(self, db: Session, indexer: FaceIndexer, *, user_id: int) -> None:
        self.db, self.indexer, self.user_id = db, indexer, user_id
        self.references: ReferenceSet | None = None
        if isinstance(indexer, RekognitionFaceIndexer):
            return
        rows = repository.reference_faces(db, user_id=user_id, engine=indexer.engine_name)
        vectors = [decode_embedding(e) for _, e, _ in rows if e is not None]
        owners = [p for p, e, _ in rows if e is not None]
        templates = repository.enrolment_templates(db, user_id=user_id, engine=indexer.engine_name)
        if templates:
            me = ensure_me(db, user_id=user_id)
            vectors.extend(decode_embedding(t) for t in templates)
            owners.extend([me.id] * len(templates))
        matrix = np.stack(vectors) if vectors else np.zeros((0, 128))
        self.references = ReferenceSet(matrix, np.asarray(owners, dtype=np.int64))

    def best_by_person(self, face: Face) -> dict[int, float]:
        if self.references is not None:
            if face.embedding is None:
                return {}
            return self.references.best_by_person(
                decode_embedding(face.embedding), top=2 + len(face.rejected)
            )
        assert isinstance(self.indexer, RekognitionFaceIndexer)
        if face.external_id is None:
            return {}
        matches = self.indexer.search(
            user_id=self.user_id, external_id=face.external_id, floor=self.indexer.bands.suggest
        )
        known = repository.external_ids_by_face(
            self.db, user_id=self.user_id, external_ids=[m for m, _ in matches]
        )
        named = _named_people(self.db, user_id=self.user_id)
        best: dict[int, float] = {}
        for external_id, similarity in matches:
            other = known.get(external_id)
            if (
                other is None
                or other.id == face.id
                or other.person_id not in named
                or other.state not in ("confirmed", "auto")
            ):
                continue
            best[other.person_id] = max(best.get(other.person_id, 0.0), similarity)
        return best


def _named_people(db: Session, *, user_id: int) -> set[int]:
    return {
        p.id for p in repository.list_people(db, user_id=user_id, include_hidden=True) if p.is_named
    }


def _apply(face: Face, decision: Decision) -> None:
    if decision.state == "unassigned":
        if face.state == "suggested":
            face.state, face.person_id, face.similarity = "unassigned", None, None
        return
    face.state, face.person_id, face.similarity = (
        decision.state,
        decision.person_id,
        decision.similarity,
    )


def place_faces(db: Session, indexer: FaceIndexer, *, user_id: int, faces: Sequence[Face]) -> None:
    """Assign or suggest each face to a named person by the engine's bands (confirmed faces and
    faces already placed by the machine are left where they are)."""
    if not faces:
        return
    matcher = _Matcher(db, indexer, user_id=user_id)
    for face in faces:
        if face.state in ("confirmed", "auto"):
            continue
        _apply(face, decide(matcher.best_by_person(face), indexer.bands, face.rejected))


def reassess(db: Session, indexer: FaceIndexer, *, user_id: int) -> None:
    """Place again every face the machine may still move (after a name, a confirmation, a merge,
    or new references such as a face-login enrolment)."""
    place_faces(
        db,
        indexer,
        user_id=user_id,
        faces=repository.open_faces(db, user_id=user_id, engine=indexer.engine_name),
    )
    db.flush()


def regroup(db: Session, indexer: FaceIndexer, *, user_id: int) -> None:
    """Group the faces nobody named (unassigned or in unnamed groups) by Chinese whispers over
    their nearest-neighbour graph. Existing groups keep their id when most of their faces stay
    together; confirmed faces and faces of named people are never touched."""
    candidates = [
        f
        for f in repository.open_faces(db, user_id=user_id, engine=indexer.engine_name)
        if f.state in ("unassigned", "grouped")
    ]
    named = _named_people(db, user_id=user_id)
    candidates = [f for f in candidates if f.person_id is None or f.person_id not in named]
    if not candidates:
        repository.drop_empty_groups(db, user_id=user_id)
        return
    labels = chinese_whispers_labels(_group_edges(indexer, candidates, user_id), len(candidates))
    clusters: dict[int, list[Face]] = defaultdict(list)
    for face, label in zip(candidates, labels, strict=True):
        clusters[label].append(face)
    taken: set[int] = set()
    for members in sorted(clusters.values(), key=len, reverse=True):
        if len(members) < 2:
            members[0].state, members[0].person_id, members[0].similarity = "unassigned", None, None
            continue
        votes: dict[int, int] = defaultdict(int)
        for face in members:
            if face.person_id is not None and face.person_id not in taken:
                votes[face.person_id] += 1
        if votes:
            group_id = max(votes, key=lambda p: votes[p])
        else:
            group = Person(user_id=user_id, hidden=False, is_me=False)
            db.add(group)
            db.flush()
            group_id = group.id
        taken.add(group_id)
        for face in members:
            face.state, face.person_id, face.similarity = "grouped", group_id, None
    db.flush()
    repository.drop_empty_groups(db, user_id=user_id)


def _group_edges(
    indexer: FaceIndexer, faces: Sequence[Face], user_id: int
) -> list[tuple[int, int, float]]:
    """Weighted edges between faces alike enough to be grouped (indexes into ``faces``)."""
    if not isinstance(indexer, RekognitionFaceIndexer):
        vectors = [decode_embedding(f.embedding) if f.embedding else np.zeros(128) for f in faces]
        return knn_edges(np.stack(vectors), k=GROUP_NEIGHBOURS, max_distance=GROUP_DISTANCE)
    position = {f.external_id: i for i, f in enumerate(faces) if f.external_id}
    edges: dict[tuple[int, int], float] = {}
    for i, face in enumerate(faces):
        if face.external_id is None:
            continue
        for external_id, similarity in indexer.search(
            user_id=user_id, external_id=face.external_id, floor=indexer.bands.group
        ):
            j = position.get(external_id)
            if j is not None and j != i:
                edges[(min(i, j), max(i, j))] = similarity / 100.0
    return [(i, j, w) for (i, j), w in edges.items()]


# --- reading ------------------------------------------------------------------------------------


def _box(face: Face) -> BoxOut:
    return BoxOut(
        left=face.box_left, top=face.box_top, width=face.box_width, height=face.box_height
    )


def face_out(face: Face, people: dict[int, Person]) -> FaceOut:
    person = people.get(face.person_id) if face.person_id is not None else None
    return FaceOut(
        id=face.id,
        photo_id=face.photo_id,
        box=_box(face),
        width_px=face.width_px,
        quality=face.quality,
        state=face.state,
        person=PersonBrief(id=person.id, name=person.name, is_me=person.is_me) if person else None,
        similarity=face.similarity,
    )


def _people_by_id(db: Session, user_id: int) -> dict[int, Person]:
    return {p.id: p for p in repository.list_people(db, user_id=user_id, include_hidden=True)}


def list_people(db: Session, *, user_id: int, include_hidden: bool) -> list[PersonOut]:
    """Me first, then named people, then unnamed groups; most photos first within each."""
    stats = repository.people_stats(db, user_id=user_id)
    covers = repository.cover_faces(db, user_id=user_id)
    items = []
    for person in repository.list_people(db, user_id=user_id, include_hidden=include_hidden):
        faces, photos, waiting = stats.get(person.id, (0, 0, 0))
        if not person.is_named and faces == 0:
            continue
        cover = covers.get(person.id)
        items.append(
            PersonOut(
                id=person.id,
                name=person.name,
                hidden=person.hidden,
                is_me=person.is_me,
                face_count=faces,
                photo_count=photos,
                suggestion_count=waiting,
                cover=CoverOut(face_id=cover.id, photo_id=cover.photo_id, box=_box(cover))
                if cover
                else None,
            )
        )
    items.sort(key=lambda p: (not p.is_me, p.name is None, -p.photo_count, p.id))
    return items


def get_owned_person(db: Session, *, user_id: int, person_id: int) -> Person:
    person = repository.get_person(db, user_id=user_id, person_id=person_id)
    if person is None:
        raise person_not_found()
    return person


def person_photos(
    db: Session,
    settings: Settings,
    *,
    user_id: int,
    person: Person,
    limit: int | None,
    cursor: str | None,
) -> PhotoPage:
    size = settings.page_size_default if limit is None else limit
    if not 1 <= size <= settings.page_size_max:
        raise ValidationFailed(
            f"limit must be between 1 and {settings.page_size_max}.",
            fields={"limit": "invalid"},
        )
    before_id = photo_service.decode_cursor(cursor) if cursor else None
    rows = repository.photos_with_person_page(
        db, user_id=user_id, person_id=person.id, limit=size, before_id=before_id
    )
    has_more = len(rows) > size
    rows = rows[:size]
    return PhotoPage(
        items=[photo_service.to_out(p) for p in rows],
        next_cursor=photo_service.encode_cursor(rows[-1].id) if has_more and rows else None,
    )


def me_photos(
    db: Session, settings: Settings, *, user_id: int, limit: int | None, cursor: str | None
) -> PhotoPage:
    me = ensure_me(db, user_id=user_id)
    db.commit()
    return person_photos(db, settings, user_id=user_id, person=me, limit=limit, cursor=cursor)


def person_faces(db: Session, *, user_id: int, person_id: int) -> list[FaceOut]:
    person = get_owned_person(db, user_id=user_id, person_id=person_id)
    faces = repository.faces_of_person(
        db, user_id=user_id, person_id=person.id, states=(*SHOWN_STATES, "suggested")
    )
    people = {person.id: person}
    return [face_out(f, people) for f in faces]


def photo_faces(db: Session, *, user_id: int, photo_id: int) -> list[FaceOut]:
    photo = photo_service.get_owned(db, user_id=user_id, photo_id=photo_id)
    people = _people_by_id(db, user_id)
    return [
        face_out(f, people)
        for f in repository.faces_of_photo(db, user_id=user_id, photo_id=photo.id)
    ]


def suggestion_queue(db: Session, *, user_id: int, limit: int) -> list[FaceOut]:
    if not 1 <= limit <= 200:
        raise ValidationFailed("limit must be between 1 and 200.", fields={"limit": "invalid"})
    people = _people_by_id(db, user_id)
    return [face_out(f, people) for f in repository.suggestions(db, user_id=user_id, limit=limit)]


# --- what the user says -------------------------------------------------------------------------


def _clean_name(value: str | None) -> str:
    return clean_text(
        value, field="name", label="The name", max_length=PERSON_NAME_MAX, required=True
    )


def _name_taken(name: str) -> Conflict:
    return Conflict(
        f"You already have someone called “{name}”. Merge the two instead.",
        code="person_name_taken",
        fields={"name": "taken"},
    )


def _indexer_or_none(engines: EngineRegistry) -> FaceIndexer | None:
    try:
        return indexer_for(engines)
    except Exception:  # faces engine off: what the user says is still stored
        log.info("no face engine; placing faces waits")
        return None


def _settle(db: Session, engines: EngineRegistry, *, user_id: int) -> None:
    indexer = _indexer_or_none(engines)
    if indexer is not None:
        reassess(db, indexer, user_id=user_id)
    repository.drop_empty_groups(db, user_id=user_id)
    db.commit()


def update_person(
    db: Session, engines: EngineRegistry, *, user_id: int, person_id: int, patch: PersonPatch
) -> PersonOut:
    person = get_owned_person(db, user_id=user_id, person_id=person_id)
    if patch.name is not None:
        name = _clean_name(patch.name)
        key = name_key(name)
        other = repository.find_by_name_key(db, user_id=user_id, name_key=key)
        if other is not None and other.id != person.id:
            raise _name_taken(name)
        was_named = person.is_named
        person.name, person.name_key = name, key
        if not was_named:
            repository.move_faces(db, user_id=user_id, from_ids=[], to_id=person.id, named=True)
    if patch.hidden is not None:
        person.hidden = patch.hidden
    db.flush()
    _settle(db, engines, user_id=user_id)
    return _person_out(db, user_id=user_id, person=person)


def _person_out(db: Session, *, user_id: int, person: Person) -> PersonOut:
    listed = list_people(db, user_id=user_id, include_hidden=True)
    found = next((p for p in listed if p.id == person.id), None)
    return found or PersonOut(
        id=person.id,
        name=person.name,
        hidden=person.hidden,
        is_me=person.is_me,
        face_count=0,
        photo_count=0,
        suggestion_count=0,
        cover=None,
    )


def merge_people(
    db: Session, engines: EngineRegistry, *, user_id: int, person_id: int, source_ids: Sequence[int]
) -> PersonOut:
    """The faces of ``source_ids`` join ``person_id``; the sources disappear."""
    target = get_owned_person(db, user_id=user_id, person_id=person_id)
    if target.id in source_ids:
        raise ValidationFailed(
            "A person cannot be merged into themselves.",
            fields={"person_ids": "invalid"},
        )
    sources = [
        get_owned_person(db, user_id=user_id, person_id=i) for i in dict.fromkeys(source_ids)
    ]
    if any(s.is_me for s in sources):
        raise Conflict(
            "“Me” cannot be merged into someone else; merge the other person into “me”.",
            code="cannot_merge_me",
            fields={"person_ids": "invalid"},
        )
    if target.name is None and not target.is_me:
        # An unnamed group takes the first source's name, so naming survives the merge.
        named_source = next((s for s in sources if s.name), None)
        if named_source is not None:
            target.name, target.name_key = named_source.name, named_source.name_key
            named_source.name, named_source.name_key = None, None
    repository.move_faces(
        db,
        user_id=user_id,
        from_ids=[s.id for s in sources],
        to_id=target.id,
        named=target.is_named,
    )
    db.flush()
    for source in sources:
        db.delete(source)
    db.flush()
    _settle(db, engines, user_id=user_id)
    return _person_out(db, user_id=user_id, person=target)


def update_face(
    db: Session, engines: EngineRegistry, *, user_id: int, face_id: int, patch: FacePatch
) -> FaceOut:
    chosen = [patch.person_id is not None, patch.name is not None, bool(patch.not_person)]
    if sum(chosen) != 1:
        raise ValidationFailed(
            "Send exactly one of person_id, name or not_person: true.",
            fields={"body": "invalid"},
        )
    face = repository.get_face(db, user_id=user_id, face_id=face_id)
    if face is None:
        raise face_not_found()
    if patch.not_person:
        if face.person_id is not None:
            face.rejected_person_ids = sorted(face.rejected | {face.person_id})
        face.person_id, face.state, face.similarity = None, "unassigned", None
    else:
        if patch.person_id is not None:
            person = get_owned_person(db, user_id=user_id, person_id=patch.person_id)
        else:
            name = _clean_name(patch.name)
            found = repository.find_by_name_key(db, user_id=user_id, name_key=name_key(name))
            if found is None:
                found = Person(
                    user_id=user_id, name=name, name_key=name_key(name), hidden=False, is_me=False
                )
                db.add(found)
                db.flush()
            person = found
        face.person_id, face.state, face.similarity = person.id, "confirmed", None
        face.rejected_person_ids = sorted(face.rejected - {person.id}) or None
    db.flush()
    _settle(db, engines, user_id=user_id)
    db.refresh(face)
    return face_out(face, _people_by_id(db, user_id))


# --- removal ------------------------------------------------------------------------------------


def collection_entries_of_photo(db: Session, *, user_id: int, photo_id: int) -> list[str]:
    """The cloud engine's face ids of the user's photo (read before deleting it)."""
    return repository.external_ids_of_photo(db, user_id=user_id, photo_id=photo_id)


def collection_entries_of_photos(db: Session, *, photo_ids: Sequence[int]) -> dict[int, list[str]]:
    """The cloud engine's face ids of these photos by owner (read before purging them)."""
    return repository.external_ids_of_photos(db, photo_ids=photo_ids)


def forget_collection_entries_by_user(
    engines: EngineRegistry, entries_by_user: dict[int, list[str]]
) -> None:
    for user_id, external_ids in entries_by_user.items():
        forget_collection_entries(engines, user_id=user_id, external_ids=external_ids)


def forget_collection_entries(
    engines: EngineRegistry, *, user_id: int, external_ids: Sequence[str]
) -> None:
    """Remove a deleted photo's faces from the user's collection (best effort: a face id left
    behind matches no row and is ignored by searches)."""
    if not external_ids:
        return
    try:
        indexer_for(engines).forget(user_id=user_id, external_ids=external_ids)
    except Exception:
        log.warning(
            "could not remove %d faces from user %s's collection", len(external_ids), user_id
        )


def forget_user(engines: EngineRegistry, settings: Settings, *, user_id: int) -> None:
    """Drop what the face engine keeps for a deleted account (its Rekognition collection)."""
    if settings.face_engine != "aws":
        return
    try:
        indexer_for(engines).forget_user(user_id=user_id)
    except Exception:
        log.warning("could not delete the face collection of deleted user %s", user_id)
