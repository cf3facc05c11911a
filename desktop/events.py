"""Domain-change signals (after Anki's ``operation_did_execute``).

Operations announce what changed; every screen subscribes to the changes it shows and refreshes
itself, so no window has to route refreshes by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DomainEvents(QObject):
    """What changed on the server (or in the session), emitted on the UI thread."""

    albums_changed = Signal()  # created, renamed, deleted, or a photo count / cover changed
    album_deleted = Signal(int)  # album id
    photos_added = Signal(int)  # album id that received new photos
    photo_updated = Signal(object)  # Photo: new name, description or album
    photo_deleted = Signal(int, int)  # photo id, album id it was in
    session_ending = Signal(str)  # the token still works: last chance to stop work cleanly
    people_changed = (
        Signal()
    )  # a face named, confirmed or rejected; a person renamed, hidden, merged
    session_ended = Signal(str)  # why: "logout", "expired", "deleted", "server_changed"
