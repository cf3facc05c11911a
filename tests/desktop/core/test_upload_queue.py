"""The upload queue: skips non-images, bounds parallelism, retries at the end, cancels."""

from __future__ import annotations

import itertools
import threading
import time
from pathlib import Path

import pytest

from desktop.api.errors import ConnectionFailed, UnsupportedMedia
from desktop.api.models import Photo
from desktop.api.multipart import ProgressCallback
from desktop.core.uploads import UploadItem, UploadQueue, UploadState, expand_paths

WAIT_S = 60.0  # generous: the machine may be loaded; a passing run never waits this long


@pytest.fixture
def photos(tmp_path: Path, faces: Path) -> list[Path]:
    folder = tmp_path / "drop"
    (folder / "sub").mkdir(parents=True)
    paths = []
    for i, name in enumerate(["obama_1.jpg", "biden_1.jpg", "leslie_1.jpg", "miranda_1.png"]):
        target = (folder / "sub" if i % 2 else folder) / name
        target.write_bytes((faces / name).read_bytes())
        paths.append(target)
    (folder / "notes.txt").write_text("not an image")
    (folder / "animation.gif").write_bytes(b"GIF89a" + b"\x00" * 20)
    (folder / ".hidden.jpg").write_bytes((faces / "obama_2.jpg").read_bytes())
    return paths


def fake_photo(item: UploadItem) -> Photo:
    return Photo(id=item.index + 1, album_id=item.album_id, name=item.name)


def test_folders_expand_and_non_images_are_skipped_with_a_reason(photos: list[Path]) -> None:
    folder = photos[0].parent
    assert len(expand_paths([folder])) == 6  # hidden file left out
    queue = UploadQueue(lambda item, progress: fake_photo(item))
    items = queue.add([folder], album_id=7)
    skipped = {item.path.name: item for item in items if item.state is UploadState.SKIPPED}
    assert set(skipped) == {"notes.txt", "animation.gif"}
    assert skipped["notes.txt"].reason_code == "not_an_image" and skipped["notes.txt"].reason
    assert skipped["animation.gif"].reason_code == "unsupported_media_type"
    summary = queue.run()
    assert len(summary.done) == 4 and len(summary.skipped) == 2


def test_parallelism_is_bounded(photos: list[Path]) -> None:
    running, peak, lock = 0, 0, threading.Lock()
    # Uploads meet in pairs: each waits until a second one is running, so two overlap however
    # slowly the machine schedules the threads (one at a time would break the barrier).
    pair = threading.Barrier(2, timeout=WAIT_S)

    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        pair.wait()
        with lock:
            running -= 1
        return fake_photo(item)

    queue = UploadQueue(upload, max_parallel=2)
    queue.add(photos * 3, album_id=1)
    summary = queue.run()
    assert len(summary.done) == 12, [(i.path.name, i.reason) for i in summary.failed]
    assert peak == 2


def test_network_failures_are_retried_at_the_end_and_refusals_are_not(photos: list[Path]) -> None:
    calls: list[str] = []

    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        calls.append(item.path.name)
        if item.path.name == "obama_1.jpg" and item.attempts == 1:
            raise ConnectionFailed("connection_failed", "reset")
        if item.path.name == "biden_1.jpg":
            raise UnsupportedMedia("unsupported_media_type", "no", status=415)
        return fake_photo(item)

    queue = UploadQueue(upload, max_parallel=1, retry_delays=(0.01,))
    queue.add(photos, album_id=1)
    summary = queue.run()
    assert calls[-1] == "obama_1.jpg"  # the retry comes after every first attempt
    assert calls.count("obama_1.jpg") == 2 and calls.count("biden_1.jpg") == 1
    assert [i.path.name for i in summary.failed] == ["biden_1.jpg"]
    assert summary.failed[0].reason
    assert len(summary.done) == 3


def test_cancel_aborts_the_file_being_sent_and_the_rest(photos: list[Path]) -> None:
    started = threading.Event()
    queue: UploadQueue

    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        progress(10, 100)
        started.set()
        # Keep sending until the queue aborts this file through the progress callback.
        deadline = time.monotonic() + WAIT_S
        while time.monotonic() < deadline:
            progress(50, 100)
            queue_cancelled.wait(0.01)
        return fake_photo(item)

    queue_cancelled = threading.Event()
    queue = UploadQueue(upload, max_parallel=1)
    queue.add(photos, album_id=1)
    thread = threading.Thread(target=queue.run)
    thread.start()
    assert started.wait(WAIT_S)
    queue.cancel()
    queue_cancelled.set()
    thread.join(WAIT_S)
    assert not thread.is_alive()
    summary = queue.summary()
    assert len(summary.cancelled) == 4 and not summary.done


def test_files_the_server_already_has_are_skipped_without_sending(photos: list[Path]) -> None:
    from desktop.core.uploads import file_sha256

    have = file_sha256(photos[0])
    asked: list[list[str]] = []
    sent: list[str] = []

    def check(digests: list[str]) -> set[str]:
        asked.append(digests)
        return {have} & set(digests)

    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        sent.append(item.path.name)
        return fake_photo(item)

    queue = UploadQueue(upload, check=check)
    queue.add(photos, album_id=1)
    summary = queue.run()
    assert len(asked) == 1 and len(asked[0]) == 4  # one question for the whole batch
    assert [item.path for item in summary.skipped] == [photos[0]]
    assert summary.skipped[0].reason_code == "already_uploaded" and summary.skipped[0].reason
    assert sorted(sent) == sorted(p.name for p in photos[1:])


def test_retries_back_off_reuse_the_idempotency_key_and_then_fail(photos: list[Path]) -> None:
    keys: dict[str, list[str]] = {}
    moments: list[float] = []

    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        keys.setdefault(item.path.name, []).append(item.idempotency_key)
        if item.path.name == "obama_1.jpg":
            moments.append(time.monotonic())
            raise ConnectionFailed("connection_failed", "reset")
        if item.path.name == "biden_1.jpg" and item.attempts < 3:
            raise ConnectionFailed("timeout", "slow")
        return fake_photo(item)

    queue = UploadQueue(upload, max_parallel=2, retry_delays=(0.05, 0.1, 0.2))
    queue.add(photos, album_id=1)
    summary = queue.run()
    assert len(keys["obama_1.jpg"]) == 4 and len(set(keys["obama_1.jpg"])) == 1
    assert len(keys["biden_1.jpg"]) == 3 and len(set(keys["biden_1.jpg"])) == 1
    assert keys["obama_1.jpg"][0] != keys["biden_1.jpg"][0]
    gaps = [later - earlier for earlier, later in itertools.pairwise(moments)]
    assert gaps[0] >= 0.05 and gaps[1] >= 0.1 and gaps[2] >= 0.2  # growing pauses
    assert [item.path.name for item in summary.failed] == ["obama_1.jpg"]
    assert summary.failed[0].reason_code == "connection_failed"
    assert len(summary.done) == 3


def test_a_duplicate_refused_by_the_server_counts_as_already_uploaded(photos: list[Path]) -> None:
    from desktop.api.errors import error_from_response

    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        if item.path.name == "leslie_1.jpg":
            raise error_from_response(
                409, {"error": {"code": "duplicate_photo", "message": "dup"}}, had_token=True
            )
        return fake_photo(item)

    queue = UploadQueue(upload)
    queue.add(photos, album_id=1)
    summary = queue.run()
    assert [item.path.name for item in summary.skipped] == ["leslie_1.jpg"]
    assert summary.skipped[0].reason_code == "already_uploaded"


def test_requeue_retries_passing_failures_under_the_same_idempotency_key(
    photos: list[Path],
) -> None:
    server_up = False
    keys: list[tuple[str, str]] = []

    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        keys.append((item.path.name, item.idempotency_key))
        if item.path.name == "biden_1.jpg":
            raise UnsupportedMedia("unsupported_media_type", "no", status=415)
        if not server_up:
            raise ConnectionFailed("connection_failed", "refused")
        return fake_photo(item)

    first = UploadQueue(upload, retry_delays=(0.0,))
    first.add(photos[:2], album_id=7)
    summary = first.run()
    assert [item.can_retry for item in summary.failed] == [True, False]  # obama, then biden

    server_up = True
    again = UploadQueue(upload, retry_delays=(0.0,))
    taken = again.requeue(summary.failed)
    assert [item.path.name for item in taken] == ["obama_1.jpg"]  # refused files stay refused
    assert taken[0].state is UploadState.QUEUED and taken[0].attempts == 0
    assert again.run().done == taken
    sent = {key for name, key in keys if name == "obama_1.jpg"}
    assert len(sent) == 1  # every attempt, before and after the requeue, under one key
