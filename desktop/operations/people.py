"""People actions: list people, their photos and faces; name, confirm or reject a face;
rename, hide or merge people. Changes are announced as ``people_changed``."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from desktop.api.models import Face, Person, PhotoPage
from desktop.context import AppContext
from desktop.operations import Failure, Success, run, then
from desktop.ops import QueryOp


def list_people(
    *,
    parent: QObject,
    ctx: AppContext,
    include_hidden: bool,
    success: Success,
    failure: Failure = None,
) -> QueryOp[list[Person]]:
    """Everyone found in the user's photos."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.people(include_hidden=include_hidden),
            success=then(success),
        ),
        failure,
    )


def person_photos(
    *,
    parent: QObject,
    ctx: AppContext,
    person_id: int | None,
    limit: int,
    cursor: str | None,
    success: Success,
    failure: Failure = None,
) -> QueryOp[PhotoPage]:
    """One page of the photos showing a person (``None``: the user)."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.person_photos(person_id, limit=limit, cursor=cursor),
            success=then(success),
        ),
        failure,
    )


def person_faces(
    *, parent: QObject, ctx: AppContext, person_id: int, success: Success, failure: Failure = None
) -> QueryOp[list[Face]]:
    """A person's faces, suggestions included."""
    client = ctx.client
    return run(
        QueryOp(parent=parent, op=lambda: client.person_faces(person_id), success=then(success)),
        failure,
    )


def photo_faces(
    *, parent: QObject, ctx: AppContext, photo_id: int, success: Success, failure: Failure = None
) -> QueryOp[list[Face]]:
    """The faces found in a photo."""
    client = ctx.client
    return run(
        QueryOp(parent=parent, op=lambda: client.photo_faces(photo_id), success=then(success)),
        failure,
    )


def suggestions(
    *, parent: QObject, ctx: AppContext, success: Success, failure: Failure = None
) -> QueryOp[list[Face]]:
    """Faces waiting to be confirmed or rejected."""
    client = ctx.client
    return run(
        QueryOp(parent=parent, op=lambda: client.suggestions(), success=then(success)), failure
    )


def _changed(ctx: AppContext) -> Success:
    return lambda _result: ctx.events.people_changed.emit()


def name_face(
    *,
    parent: QObject,
    ctx: AppContext,
    face: Face,
    name: str,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[Face]:
    """This face is the person called ``name`` (created if new)."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.name_face(face.id, name),
            success=then(_changed(ctx), success),
        ),
        failure,
    )


def confirm_face(
    *,
    parent: QObject,
    ctx: AppContext,
    face: Face,
    person_id: int,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[Face]:
    """Yes, this face is that person (a suggestion accepted)."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.confirm_face(face.id, person_id),
            success=then(_changed(ctx), success),
        ),
        failure,
    )


def reject_face(
    *,
    parent: QObject,
    ctx: AppContext,
    face: Face,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[Face]:
    """Not this person: the face leaves its person (or suggestion) for good."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.reject_face(face.id),
            success=then(_changed(ctx), success),
        ),
        failure,
    )


def rename_person(
    *,
    parent: QObject,
    ctx: AppContext,
    person: Person,
    name: str,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[Person]:
    """Give a person (or an unnamed group) a name."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.update_person(person.id, name=name),
            success=then(_changed(ctx), success),
        ),
        failure,
    )


def set_hidden(
    *,
    parent: QObject,
    ctx: AppContext,
    person: Person,
    hidden: bool,
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[Person]:
    """Hide a person from the people list (or show them again)."""
    client = ctx.client
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.update_person(person.id, hidden=hidden),
            success=then(_changed(ctx), success),
        ),
        failure,
    )


def merge_people(
    *,
    parent: QObject,
    ctx: AppContext,
    into: Person,
    others: Sequence[Person],
    success: Success = None,
    failure: Failure = None,
) -> QueryOp[Person]:
    """The faces of ``others`` join ``into``."""
    client, ids = ctx.client, [p.id for p in others]
    return run(
        QueryOp(
            parent=parent,
            op=lambda: client.merge_people(into.id, ids),
            success=then(_changed(ctx), success),
        ),
        failure,
    )
