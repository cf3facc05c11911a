"""How well "photos where I appear" and grouping work on the labelled set, end to end: the
fixture photos and six augmentations of each (flip, crop, JPEG quality 25, darker, brighter,
half size) are uploaded over HTTP, the real job queue indexes them with the real dlib models,
and the answers are compared with the labels. Targets for "me": precision ≥ 0.98, recall ≥ 0.9.

Run with ``-s`` to see the figures (they are quoted in docs/people.md)."""

from __future__ import annotations

import io
import itertools
import sys
from collections import Counter
from typing import Any

import pytest
from people_labelled import LabelledPhoto, labelled_photos

from server.jobs.runner import JobRunner

pytestmark = pytest.mark.slow

ME = "obama"  # the default test account's profile photo is obama_small.jpg


def jpeg(photo: LabelledPhoto) -> bytes:
    buffer = io.BytesIO()
    photo.image.save(buffer, "JPEG", quality=92)
    return buffer.getvalue()


def pairwise(predicted: list[Any], truth: list[Any]) -> tuple[float, float]:
    same_both = same_predicted = same_truth = 0
    for i, j in itertools.combinations(range(len(truth)), 2):
        p, t = predicted[i] == predicted[j], truth[i] == truth[j]
        same_both += p and t
        same_predicted += p
        same_truth += t
    return same_both / max(same_predicted, 1), same_both / max(same_truth, 1)


def adjusted_rand(predicted: list[Any], truth: list[Any]) -> float:
    def pairs(n: int) -> float:
        return n * (n - 1) / 2

    table = Counter(zip(predicted, truth, strict=True))
    index = sum(pairs(n) for n in table.values())
    rows = sum(pairs(n) for n in Counter(predicted).values())
    cols = sum(pairs(n) for n in Counter(truth).values())
    expected = rows * cols / pairs(len(truth))
    maximum = (rows + cols) / 2
    return (index - expected) / (maximum - expected)


@pytest.mark.parametrize(
    "backend", [pytest.param(("sqlite", "local"), id="sqlite-local")], indirect=True
)
def test_me_and_grouping_on_the_labelled_set(api, runner: JobRunner, faces_dir):
    account = api.register("barack")
    album = api.create_album(account, "Etiquetadas")
    uploaded: dict[int, LabelledPhoto] = {}
    for photo in labelled_photos(faces_dir):
        if photo.name == "obama_small.jpg":
            continue  # the profile photo itself
        body = api.upload(account, album["id"], jpeg(photo), name=photo.name[:100])
        uploaded[body["id"]] = photo
    runner.run_until_idle()

    found: set[int] = set()
    cursor = None
    while True:
        query = f"?limit=200&cursor={cursor}" if cursor else "?limit=200"
        page = api.client.get(f"/api/v1/people/me/photos{query}", headers=account.headers).json()
        found |= {item["id"] for item in page["items"]}
        cursor = page["next_cursor"]
        if cursor is None:
            break
    found &= set(uploaded)  # leave out the profile photo
    truth = {photo_id for photo_id, photo in uploaded.items() if ME in photo.people}
    me_precision = len(found & truth) / max(len(found), 1)
    me_recall = len(found & truth) / len(truth)

    predicted: list[Any] = []
    labels: list[Any] = []
    for photo_id, photo in uploaded.items():
        faces = api.client.get(f"/api/v1/photos/{photo_id}/faces", headers=account.headers).json()
        for face in faces:
            person = face["person"] if face["state"] != "suggested" else None
            predicted.append(person["id"] if person else f"alone-{face['id']}")
            label = photo.person_at(face["box"]["left"])
            labels.append(label if label is not None else f"stranger-{photo.source}")
    group_precision, group_recall = pairwise(predicted, labels)
    ari = adjusted_rand(predicted, labels)

    sys.stdout.write(
        f"\n{len(uploaded)} photos, {len(labels)} faces; me: {len(truth)} photos, "
        f"precision {me_precision:.3f} recall {me_recall:.3f}; grouping: pairwise precision "
        f"{group_precision:.3f} recall {group_recall:.3f}, adjusted Rand {ari:.3f}\n"
    )
    assert me_precision >= 0.98
    assert me_recall >= 0.9
    assert group_precision >= 0.95
    assert group_recall >= 0.8
