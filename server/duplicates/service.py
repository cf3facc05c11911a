"""Near-duplicate groups among a user's photos, by the Hamming distance of their pHash.

Thresholds (measured on the fixture photos and their re-encodings, resizes and crops; see
``docs/duplicates.md``): at most DUPLICATE_MAX bits apart is the same picture, up to
SIMILAR_MAX is a similar shot (a crop, a burst neighbour); unrelated photos sit near 32.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from sqlalchemy.orm import Session

from server.db import utcnow
from server.duplicates.phash import as_array
from server.photos import repository as photo_repository
from server.photos import service as photo_service
from server.photos.models import Photo
from server.photos.schemas import PhotoOut
from server.search import index as search_index

DUPLICATE_MAX = 4
SIMILAR_MAX = 10
_BLOCK = 512


@dataclass(frozen=True)
class Group:
    kind: Literal["duplicate", "similar"]
    best_photo_id: int
    max_distance: int
    photos: list[PhotoOut]


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def close_pairs(hashes: list[int], max_distance: int) -> list[tuple[int, int, int]]:
    """(i, j, distance) for every i < j at most `max_distance` apart: blocks of XOR+popcount."""
    values = as_array(hashes)
    pairs: list[tuple[int, int, int]] = []
    for start in range(0, len(values), _BLOCK):
        block = values[start : start + _BLOCK]
        dist = np.bitwise_count(block[:, None] ^ values[None, :])
        rows, cols = np.nonzero(dist <= max_distance)
        for row, col in zip(rows.tolist(), cols.tolist(), strict=True):
            i = start + row
            if col > i:
                pairs.append((i, col, int(dist[row, col])))
    return pairs


def best_copy(photos: list[Photo]) -> Photo:
    """The copy to keep: most pixels, then most metadata, then the oldest."""

    def score(photo: Photo) -> tuple[int, int, int, int]:
        metadata = (
            (photo.taken_at is not None)
            + (photo.camera is not None)
            + bool(photo.description)
            + bool(photo.labels)
        )
        return (photo.width * photo.height, metadata, photo.size_bytes, -photo.id)

    return max(photos, key=score)


def groups(
    db: Session, *, user_id: int, kind: Literal["duplicate", "similar"] | None = None
) -> list[Group]:
    """Groups of the user's photos (outside the trash) that look the same or alike."""
    rows = photo_repository.hashes_for_user(db, user_id=user_id)
    ids = [row[0] for row in rows]
    pairs = close_pairs([row[1] for row in rows], SIMILAR_MAX)
    union = _UnionFind(len(ids))
    max_in_group: dict[int, int] = {}
    for i, j, _distance in pairs:
        union.union(i, j)
    for i, _j, distance in pairs:
        root = union.find(i)
        max_in_group[root] = max(max_in_group.get(root, 0), distance)
    members: dict[int, list[int]] = {}
    for index in range(len(ids)):
        members.setdefault(union.find(index), []).append(ids[index])
    wanted = [m for m in members.values() if len(m) > 1]
    photos = {
        photo.id: photo
        for photo in photo_repository.get_many_owned(
            db, user_id=user_id, photo_ids=[pid for m in wanted for pid in m]
        )
    }
    found: list[Group] = []
    for root, member_ids in members.items():
        if len(member_ids) < 2:
            continue
        group_photos = [photos[pid] for pid in member_ids if pid in photos]
        worst = max_in_group.get(root, 0)
        group_kind: Literal["duplicate", "similar"] = (
            "duplicate" if worst <= DUPLICATE_MAX else "similar"
        )
        if kind is not None and group_kind != kind:
            continue
        best = best_copy(group_photos)
        ordered = [best] + [p for p in group_photos if p.id != best.id]
        found.append(
            Group(
                kind=group_kind,
                best_photo_id=best.id,
                max_distance=worst,
                photos=[photo_service.to_out(p) for p in ordered],
            )
        )
    found.sort(key=lambda group: (group.kind != "duplicate", -len(group.photos)))
    return found


def keep_one(db: Session, *, user_id: int, keep_id: int, trash_ids: list[int]) -> Photo:
    """Keep one copy, move the others to the trash and keep the longest description among
    them: one transaction."""
    others = [pid for pid in dict.fromkeys(trash_ids) if pid != keep_id]
    kept = photo_service.get_owned(db, user_id=user_id, photo_id=keep_id)
    trashed = photo_repository.get_many_owned(db, user_id=user_id, photo_ids=others)
    if len(trashed) != len(others):
        raise photo_service.photo_not_found()
    descriptions = [p.description for p in [kept, *trashed] if p.description]
    longest = max(descriptions, key=len, default="")
    if len(longest) > len(kept.description):
        kept.description = longest
        photo_repository.drop_translations(db, photo_id=kept.id)
    now = utcnow()
    for photo in trashed:
        photo.trashed_at = photo.trashed_at or now
    kept.trashed_at = None
    search_index.index_photo(db, kept)
    db.commit()
    return kept
