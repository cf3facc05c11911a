"""Whose rows a hot read returns: a known user id, or the user of a session token looked up inside
the read's own query.

Every authenticated read used to run two statements: the token's user, then the rows. On the hot
reads (the album list, a page of photos, one photo) the token check now rides in the read as a
scalar subquery in place of ``:user_id``, one statement instead of two (measured on MariaDB: a
statement costs about a third of the request). A read that finds rows has proved the token:
only a live session's user owns them. A read that finds nothing cannot tell "no rows" from "no
such session", so it raises ``OwnerUnresolved`` and ``deps.OwnerRead`` checks the token on its
own and runs the read again with the user id (401 or the read's own answer). The token is still
checked against the database on every request, so a logout is seen by every instance at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import bindparam, select
from sqlalchemy.sql.elements import BindParameter
from sqlalchemy.sql.visitors import ExternallyTraversible, replacement_traverse

from server.auth.models import AuthSession


@dataclass(frozen=True)
class SessionOwner:
    """The user of the live session whose token hashes to ``token_hash`` (as of ``now``)."""

    token_hash: str
    now: datetime


#: Whose rows to read: a user id already known, or a session to resolve inside the query.
Owner = int | SessionOwner


class OwnerUnresolved(Exception):
    """A read for a ``SessionOwner`` found nothing: check the token, then read by user id."""


#: The same conditions as ``auth.repository.find_user_id_by_token_hash``.
_SESSION_USER_ID = (
    select(AuthSession.user_id)
    .where(
        AuthSession.token_hash == bindparam("token_hash"),
        AuthSession.revoked_at.is_(None),
        AuthSession.expires_at > bindparam("now"),
    )
    .scalar_subquery()
)

Statement = TypeVar("Statement", bound=ExternallyTraversible)


def by_session(statement: Statement) -> Statement:
    """``statement`` with every ``:user_id`` replaced by the user of ``:token_hash``'s session."""

    def swap(element: Any, **_: Any) -> Any:
        if isinstance(element, BindParameter) and element.key == "user_id":
            return _SESSION_USER_ID
        return None

    return cast(Statement, replacement_traverse(statement, {}, swap))


def pick(owner: Owner, by_id: Statement, by_token: Statement) -> tuple[Statement, dict[str, Any]]:
    """The statement for ``owner`` and the parameters that name the owner."""
    if isinstance(owner, SessionOwner):
        return by_token, {"token_hash": owner.token_hash, "now": owner.now}
    return by_id, {"user_id": owner}


def require_user_id(owner: Owner) -> int:
    """The owner's user id; ``OwnerUnresolved`` for a session not yet resolved."""
    if isinstance(owner, SessionOwner):
        raise OwnerUnresolved
    return owner
