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

    def __len__(self) -> int:
        return len(self.person_ids)

    def best_by_person(self, vector: np.ndarray, *, top: int | None = None) -> dict[int, float]:
        """The highest similarity of ``vector`` to each person's references (only the ``top``
        most similar people when given)."""
        if not len(self.person_ids):
            return {}
        probe = np.asarray(vector, dtype=np.float32)
        squared = self._norms + float(probe @ probe) - 2.0 * (self.matrix @ probe)
        nearest = np.sqrt(np.maximum(np.minimum.reduceat(squared, self._starts), 0.0))
        chosen = np.arange(len(nearest))
        if top is not None and top < len(nearest):
            chosen = np.argpartition(nearest, top - 1)[:top]
        return {int(self._people[c]): distance_to_similarity(float(nearest[c])) for c in chosen}


def knn_edges(
    matrix: np.ndarray, *, k: int, max_distance: float, block: int = 256
) -> list[tuple[int, int, float]]:
    """Edges ``(i, j, weight)`` (i < j) to each row's ``k`` nearest rows within ``max_distance``,
    computed block by block so memory stays at ``block × n`` floats."""
    data = np.ascontiguousarray(matrix, dtype=np.float32)
    count = len(data)
    neighbours = min(k, count - 1)
    if neighbours <= 0:
        return []
    norms = (data**2).sum(axis=1)
    limit = np.float32(max_distance**2)
    sources: list[np.ndarray] = []
    targets: list[np.ndarray] = []
    squares: list[np.ndarray] = []
    for start in range(0, count, block):
        stop = min(start + block, count)
        squared = data[start:stop] @ data.T
        squared *= -2.0
        squared += norms[None, :]
        squared += norms[start:stop, None]
        squared[np.arange(stop - start), np.arange(start, stop)] = np.inf
        nearest = np.argpartition(squared, neighbours - 1, axis=1)[:, :neighbours]
        values = np.take_along_axis(squared, nearest, axis=1)
        rows, columns = np.nonzero(values <= limit)
        sources.append(rows + start)
        targets.append(nearest[rows, columns])
        squares.append(values[rows, columns])
    first = np.concatenate(sources)
    second = np.concatenate(targets)
    distance = np.sqrt(np.maximum(np.concatenate(squares), 0.0))
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
