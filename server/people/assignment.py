"""Who a new face is: the assign/suggest bands, and grouping of faces nobody has named.

Bands (local engine, dlib distances; measured in docs/people.md on the labelled fixture set plus
six augmentations of every photo, 155 faces): same person ≤ 0.544, different people ≥ 0.660.
Searching one face against a whole library needs a stricter bound than the 1:1 login threshold
(0.56, a median over several frames): a face joins a person without asking at ≤ 0.50 (98.5 %
of same-person pairs, 0.16 below the closest stranger) and is suggested up to 0.58. Unnamed
faces are grouped along edges ≤ 0.52 of a 30-nearest-neighbour graph by Chinese whispers, which
does not chain clusters together the way single linkage does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import dlib
import numpy as np

from server.engines.faces.local import distance_to_similarity, similarity_to_distance
from server.people.indexer import Bands

AUTO_DISTANCE = 0.50
SUGGEST_DISTANCE = 0.58
GROUP_DISTANCE = 0.52
#: Neighbours per face in the grouping graph (bursts of near-identical photos fill the first few).
GROUP_NEIGHBOURS = 30
#: Up to this many references a new face is compared with every one; above it, only with the
#: references of the ``CENTROID_SHORTLIST`` people whose mean face is nearest.
EXACT_SEARCH_MAX = 8192
CENTROID_SHORTLIST = 24
#: Above this many faces the grouping graph is built cell by cell (see ``knn_edges``).
EXACT_GRAPH_MAX = 4096
CELL_SIZE = 128
#: The nearest person must be at least this much (distance) closer than the runner-up.
MARGIN_DISTANCE = 0.04

LOCAL_BANDS = Bands(
    auto=distance_to_similarity(AUTO_DISTANCE),
    suggest=distance_to_similarity(SUGGEST_DISTANCE),
    group=distance_to_similarity(GROUP_DISTANCE),
    margin=distance_to_similarity(AUTO_DISTANCE)
    - distance_to_similarity(AUTO_DISTANCE + MARGIN_DISTANCE),
)


@dataclass(frozen=True)
class Decision:
    """``state`` is ``auto``, ``suggested`` or ``unassigned`` (then ``person_id`` is None)."""

    state: str
    person_id: int | None
    similarity: float | None


def decide(
    best_by_person: Mapping[int, float], bands: Bands, rejected: Iterable[int] = ()
) -> Decision:
    """Place a face from its best similarity to each named person (people it was said not to
    be are left out)."""
    excluded = set(rejected)
    ranked = sorted(((s, p) for p, s in best_by_person.items() if p not in excluded), reverse=True)
    if not ranked:
        return Decision("unassigned", None, None)
    best, person = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    if best >= bands.auto and best - runner_up >= bands.margin:
        return Decision("auto", person, round(best, 2))
    if best >= bands.suggest:
        return Decision("suggested", person, round(best, 2))
    return Decision("unassigned", None, None)


class ReferenceSet:
    """Embeddings of faces known to belong to named people, searchable in one matrix product."""

    def __init__(self, matrix: np.ndarray, person_ids: np.ndarray) -> None:
        owners = np.asarray(person_ids, dtype=np.int64)
        order = np.argsort(owners, kind="stable")  # each person's rows together, for reduceat
        self.matrix = np.ascontiguousarray(np.asarray(matrix, dtype=np.float32)[order])
        self.person_ids = owners[order]
        self._norms = (self.matrix**2).sum(axis=1)
        self._starts = np.flatnonzero(np.r_[True, self.person_ids[1:] != self.person_ids[:-1]])
        self._people = self.person_ids[self._starts] if len(owners) else owners
        self._stops = np.r_[self._starts[1:], len(self.person_ids)].astype(np.int64)
        self._centroids: np.ndarray | None = None
        if len(self.person_ids) > EXACT_SEARCH_MAX:
            sums = np.add.reduceat(self.matrix, self._starts, axis=0)
            self._centroids = sums / (self._stops - self._starts)[:, None]

    def __len__(self) -> int:
        return len(self.person_ids)

    def best_by_person(self, vector: np.ndarray, *, top: int | None = None) -> dict[int, float]:
        """The highest similarity of ``vector`` to each person's references (only the ``top``
        most similar people when given)."""
        if not len(self.person_ids):
            return {}
        probe = np.asarray(vector, dtype=np.float32)
        if self._centroids is not None:
            found = self._best_among_nearest_centroids(probe)
        else:
            squared = self._norms + float(probe @ probe) - 2.0 * (self.matrix @ probe)
            nearest = np.sqrt(np.maximum(np.minimum.reduceat(squared, self._starts), 0.0))
            found = {int(p): float(d) for p, d in zip(self._people, nearest, strict=True)}
        ranked = sorted(found.items(), key=lambda item: item[1])
        if top is not None:
            ranked = ranked[:top]
        return {person: distance_to_similarity(distance) for person, distance in ranked}

    def _best_among_nearest_centroids(self, probe: np.ndarray) -> dict[int, float]:
        """Large sets: only the people whose mean face is nearest are searched, exactly (a face
        lies nearer its own person's mean than almost any other person's). Distances."""
        assert self._centroids is not None
        gaps = ((self._centroids - probe) ** 2).sum(axis=1)
        shortlist = min(CENTROID_SHORTLIST, len(gaps))
        candidates = np.argpartition(gaps, shortlist - 1)[:shortlist]
        found: dict[int, float] = {}
        for c in candidates:
            rows = self.matrix[self._starts[c] : self._stops[c]]
            closest = float(((rows - probe) ** 2).sum(axis=1).min())
            found[int(self._people[c])] = float(np.sqrt(max(closest, 0.0)))
        return found


def _nearest_within(
    data: np.ndarray,
    queries: np.ndarray,
    candidates: np.ndarray,
    *,
    k: int,
    limit: float,
    block: int = 256,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each row index in ``queries``, its ``k`` nearest among ``candidates`` (itself left
    out) with squared distance ≤ ``limit``: (sources, targets, squared distances)."""
    pool = data[candidates]
    pool_norms = (pool**2).sum(axis=1)
    neighbours = min(k, len(candidates) - 1)
    empty = np.zeros(0, dtype=np.int64)
    if neighbours <= 0:
        return empty, empty, np.zeros(0, dtype=np.float32)
    sources: list[np.ndarray] = [empty]
    targets: list[np.ndarray] = [empty]
    squares: list[np.ndarray] = [np.zeros(0, dtype=np.float32)]
    for start in range(0, len(queries), block):
        chunk = queries[start : start + block]
        rows = data[chunk]
        squared = rows @ pool.T
        squared *= -2.0
        squared += pool_norms[None, :]
        squared += (rows**2).sum(axis=1)[:, None]
        squared[chunk[:, None] == candidates[None, :]] = np.inf
        nearest = np.argpartition(squared, neighbours - 1, axis=1)[:, :neighbours]
        values = np.take_along_axis(squared, nearest, axis=1)
        hit_rows, hit_columns = np.nonzero(values <= limit)
        sources.append(chunk[hit_rows])
        targets.append(candidates[nearest[hit_rows, hit_columns]])
        squares.append(values[hit_rows, hit_columns])
    return np.concatenate(sources), np.concatenate(targets), np.concatenate(squares)


def _nearest_centre(data: np.ndarray, centres: np.ndarray, block: int = 8192) -> np.ndarray:
    centre_norms = (centres**2).sum(axis=1)
    owners = [
        np.argmin(centre_norms[None, :] - 2.0 * (data[i : i + block] @ centres.T), axis=1)
        for i in range(0, len(data), block)
    ]
    return np.concatenate(owners)


def _cells(data: np.ndarray, count: int, *, rounds: int = 6) -> tuple[np.ndarray, np.ndarray]:
    """k-means cells (a few Lloyd rounds on a sample): the cell of each row, and the centres."""
    rng = np.random.default_rng(0)
    sample = data[rng.choice(len(data), size=min(len(data), count * 32), replace=False)]
    centres = sample[rng.choice(len(sample), size=count, replace=False)].copy()
    for _ in range(rounds):
        owner = _nearest_centre(sample, centres)
        sizes = np.bincount(owner, minlength=count)
        sums = np.zeros_like(centres)
        np.add.at(sums, owner, sample)
        filled = sizes > 0
        centres[filled] = sums[filled] / sizes[filled][:, None]
    return _nearest_centre(data, centres), centres


def knn_edges(
    matrix: np.ndarray, *, k: int, max_distance: float, probes: int = 6
) -> list[tuple[int, int, float]]:
    """Edges ``(i, j, weight)`` (i < j) to each row's ``k`` nearest rows within ``max_distance``.

    Up to ``EXACT_GRAPH_MAX`` rows every pair is compared (256 rows at a time, so memory stays
    at 256 × n floats). Above it the rows are split into k-means cells of about ``CELL_SIZE`` and each
    cell's faces are compared with the faces of the ``probes`` cells nearest to it: the work
    grows with n × CELL_SIZE × probes instead of n², and the faces of one person (much closer to each
    other than cells are wide) fall in the same or a neighbouring cell."""
    data = np.ascontiguousarray(matrix, dtype=np.float32)
    count = len(data)
    if count < 2:
        return []
    limit = float(np.float32(max_distance**2))
    everyone = np.arange(count)
    if count <= EXACT_GRAPH_MAX:
        first, second, squares = _nearest_within(data, everyone, everyone, k=k, limit=limit)
    else:
        cell_of, centres = _cells(data, max(2, count // CELL_SIZE))
        members = [np.flatnonzero(cell_of == c) for c in range(len(centres))]
        centre_gaps = ((centres[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
        near_cells = np.argsort(centre_gaps, axis=1)[:, : min(probes, len(centres))]
        parts = [
            _nearest_within(
                data,
                queries,
                np.concatenate([members[c] for c in near_cells[cell]]),
                k=k,
                limit=limit,
            )
            for cell, queries in enumerate(members)
            if len(queries)
        ]
        first = np.concatenate([p[0] for p in parts])
        second = np.concatenate([p[1] for p in parts])
        squares = np.concatenate([p[2] for p in parts])
    if not len(first):
        return []
    distance = np.sqrt(np.maximum(squares, 0.0))
    low, high = np.minimum(first, second), np.maximum(first, second)
    _, unique = np.unique(low.astype(np.int64) * count + high, return_index=True)
    # Closer pairs weigh more in the vote.
    weights = 1.0 - distance[unique] / max_distance + 1e-3
    return list(zip(low[unique].tolist(), high[unique].tolist(), weights.tolist(), strict=True))


def chinese_whispers_groups(
    matrix: np.ndarray, *, max_distance: float = GROUP_DISTANCE, k: int = GROUP_NEIGHBOURS
) -> list[int]:
    """A group label per row: Chinese whispers over the k-nearest-neighbour graph."""
    return chinese_whispers_labels(knn_edges(matrix, k=k, max_distance=max_distance), len(matrix))


def chinese_whispers_labels(edges: list[tuple[int, int, float]], count: int) -> list[int]:
    """A group label for each of ``count`` nodes, given weighted edges between them."""
    if count == 0:
        return []
    edges = list(edges)
    # dlib only knows nodes that appear in an edge: a self-loop keeps a lone face as its own
    # group (only for lone faces; on others it would outvote their neighbours).
    linked = {i for i, _, _ in edges} | {j for _, j, _ in edges}
    edges.extend((i, i, 1.0) for i in range(count) if i not in linked)
    labels = dlib.chinese_whispers(edges)
    return [int(label) for label in labels]


def similarity_band_as_distance(similarity: float) -> float:
    return similarity_to_distance(similarity)
