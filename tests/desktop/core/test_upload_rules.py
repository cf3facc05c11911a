"""The upload queue's rules as the upload panel shows them: what each file is called, how far it
got, why it stopped, and what a cancel or a lost connection does to the rest of the batch."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from desktop.api.errors import (
    ApiError,
    ConnectionFailed,
    NotAuthenticated,
    ServerError,
    Unavailable,
    UnsupportedMedia,
)
from desktop.api.models import Photo
from desktop.api.multipart import ProgressCallback
from desktop.core.messages import message_for
from desktop.core.uploads import (
    UploadItem,
    UploadQueue,
    UploadState,
    expand_paths,
    file_sha256,
)

WAIT_S = 60.0  # generous: the machine may be loaded; a passing run never waits this long


@pytest.fixture
def photos(tmp_path: Path, faces: Path) -> list[Path]:
    folder = tmp_path / "drop"
    folder.mkdir()
    paths = []
    for name in ("obama_1.jpg", "biden_1.jpg", "miranda_1.png"):
        target = folder / name
        target.write_bytes((faces / name).read_bytes())
        paths.append(target)
    return paths


def photo_for(item: UploadItem) -> Photo:
    return Photo(id=item.index + 1, album_id=item.album_id, name=item.name)


def test_folders_are_walked_in_order_without_hidden_folders(tmp_path: Path) -> None:
    root = tmp_path / "viaje"
    for relative in ("b.jpg", "a.jpg", "z/c.jpg", "m/d.jpg", ".git/e.jpg", ".thumbs/f.jpg"):
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(b"x")
    (root / ".DS_Store").write_bytes(b"x")
    loose = tmp_path / ".oculta.jpg"
    loose.write_bytes(b"x")
    found = expand_paths([loose, root, tmp_path / "gone.jpg"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        ".oculta.jpg",  # chosen by name: taken even if hidden
        "viaje/a.jpg",
        "viaje/b.jpg",
        "viaje/m/d.jpg",
        "viaje/z/c.jpg",
    ]


def test_each_file_is_named_after_itself_unless_a_name_is_given(photos: list[Path]) -> None:
    queue = UploadQueue(lambda item, progress: photo_for(item))
    first = queue.add(photos[:2], album_id=4)
    second = queue.add(photos[2:], album_id=5, name="Cumpleaños", description="con tarta")
    assert [(i.name, i.description, i.album_id, i.index) for i in first + second] == [
        ("obama_1", "", 4, 0),
        ("biden_1", "", 4, 1),
        ("Cumpleaños", "con tarta", 5, 2),
    ]
    assert [i.total for i in queue.items] == [p.stat().st_size for p in photos]
    assert all(i.state is UploadState.QUEUED and i.fraction == 0.0 for i in queue.items)
    assert queue.items == first + second
    keys = {i.idempotency_key for i in queue.items}
    assert len(keys) == 3 and all(k.startswith("upload-") for k in keys)


def test_the_panel_sees_each_file_start_advance_and_finish(photos: list[Path]) -> None:
    seen: list[tuple[str, UploadState, int, int, float]] = []
    lock = threading.Lock()

    def listener(item: UploadItem) -> None:
        with lock:
            seen.append((item.path.name, item.state, item.sent, item.total, item.fraction))

    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        progress(25, 100)
        progress(100, 100)
        return photo_for(item)

    queue = UploadQueue(upload, max_parallel=1, listener=listener)
    queue.add(photos[:1], album_id=1)
    summary = queue.run()
    assert seen == [
        ("obama_1.jpg", UploadState.UPLOADING, 0, photos[0].stat().st_size, 0.0),
        ("obama_1.jpg", UploadState.UPLOADING, 25, 100, 0.25),
        ("obama_1.jpg", UploadState.UPLOADING, 100, 100, 1.0),
        ("obama_1.jpg", UploadState.DONE, 100, 100, 1.0),
    ]
    [done] = summary.done
    assert done.photo == Photo(id=1, album_id=1, name="obama_1")
    assert (done.attempts, done.reason, done.reason_code) == (1, "", "")


def test_a_finished_file_is_complete_even_if_the_sizes_disagree(tmp_path: Path) -> None:
    item = UploadItem(path=tmp_path / "x.jpg", album_id=1, sent=10, total=40)
    assert item.fraction == 0.25
    item.state = UploadState.DONE
    assert item.fraction == 1.0
    assert UploadItem(path=tmp_path / "y.jpg", album_id=1).fraction == 0.0


def test_refusals_give_the_servers_reason_and_lost_files_the_systems(photos: list[Path]) -> None:
    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        if item.index == 0:
            raise UnsupportedMedia("unsupported_media_type", "not a photo", status=415)
        if item.index == 1:
            raise PermissionError(13, "Permission denied", str(item.path))
        raise NotAuthenticated("not_authenticated", "", status=401)

    queue = UploadQueue(upload, retry_delays=(0.01,))
    queue.add(photos, album_id=1)
    summary = queue.run()
    failed = {i.index: i for i in summary.failed}
    assert failed[0].reason_code == "unsupported_media_type"
    assert failed[0].reason == message_for("unsupported_media_type")
    assert failed[1].reason_code == "file_unreadable" and "Permission denied" in failed[1].reason
    assert failed[2].reason_code == "not_authenticated"
    assert failed[2].reason == message_for("not_authenticated")
    assert all(i.attempts == 1 for i in summary.failed)  # none of these is worth a retry
    assert all(i.state is UploadState.FAILED for i in queue.items)
    assert not summary.done and not summary.skipped and not summary.cancelled


@pytest.mark.parametrize("error", [ConnectionFailed, Unavailable, ServerError])
def test_a_busy_or_unreachable_server_is_tried_again(photos: list[Path], error: type) -> None:
    retrying: list[tuple[UploadState, str, str]] = []

    def listener(item: UploadItem) -> None:
        if item.state is UploadState.QUEUED:
            retrying.append((item.state, item.reason_code, item.reason))

    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        if item.attempts == 1:
            raise error("server_error", "busy", status=503)
        return photo_for(item)

    queue = UploadQueue(upload, retry_delays=(0.01,), listener=listener)
    queue.add(photos[:1], album_id=1)
    summary = queue.run()
    assert [i.attempts for i in summary.done] == [2]
    # shown while waiting, in the person's words
    assert retrying == [(UploadState.QUEUED, "server_error", message_for("server_error"))]
    assert summary.done[0].reason == "" and summary.done[0].reason_code == ""


def test_by_default_a_file_is_tried_four_times(photos: list[Path]) -> None:
    assert UploadQueue(lambda item, progress: photo_for(item)).max_attempts == 4
    assert UploadQueue(lambda item, progress: photo_for(item), retry_delays=()).max_attempts == 1


def test_a_queue_asked_for_no_parallelism_still_sends_one_at_a_time(photos: list[Path]) -> None:
    queue = UploadQueue(lambda item, progress: photo_for(item), max_parallel=0)
    assert queue.max_parallel == 1
    queue.add(photos, album_id=1)
    assert len(queue.run().done) == 3


def test_a_cancel_during_the_pause_before_a_retry_ends_the_batch_at_once(
    photos: list[Path],
) -> None:
    waiting_to_retry = threading.Event()

    def listener(item: UploadItem) -> None:
        if item.state is UploadState.QUEUED and item.attempts == 1:
            waiting_to_retry.set()

    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        raise ConnectionFailed("connection_failed", "reset")

    queue = UploadQueue(upload, retry_delays=(WAIT_S * 10,), listener=listener)
    queue.add(photos[:1], album_id=1)
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(queue.run()))
    thread.start()
    assert waiting_to_retry.wait(WAIT_S)
    queue.cancel()
    thread.join(WAIT_S)
    assert not thread.is_alive(), "the pause was not cut short by the cancel"
    assert queue.cancelled
    [item] = queue.items
    assert (item.state, item.reason_code, item.attempts) == (UploadState.CANCELLED, "cancelled", 1)
    assert item.reason == message_for("cancelled")
    [summary] = result
    assert summary == queue.summary() and summary.cancelled == [item]  # type: ignore[union-attr]


@pytest.mark.parametrize(("max_parallel", "expected"), [(2, 2), (None, 3)])
def test_no_more_files_than_allowed_are_sent_at_once(
    photos: list[Path], max_parallel: int | None, expected: int
) -> None:
    running, lock, release = 0, threading.Lock(), threading.Event()
    all_running = threading.Event()

    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        nonlocal running
        with lock:
            running += 1
            if running == expected:
                all_running.set()
        release.wait(WAIT_S)
        with lock:
            running -= 1
        return photo_for(item)

    if max_parallel is None:  # the default
        queue = UploadQueue(upload)
    else:
        queue = UploadQueue(upload, max_parallel=max_parallel)
    queue.add(photos * 2, album_id=1)
    thread = threading.Thread(target=queue.run)
    thread.start()
    try:
        assert all_running.wait(WAIT_S)
        # A third upload would start within milliseconds of the pool's threads; give it time.
        threading.Event().wait(0.3)
        with lock:
            assert running == expected
    finally:
        release.set()
        thread.join(WAIT_S)
    assert len(queue.summary().done) == 6


def test_a_connection_lost_because_of_a_cancel_is_a_cancel(photos: list[Path]) -> None:
    queue: UploadQueue

    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        queue.cancel()  # the person cancels; the socket closes under the upload
        raise ConnectionFailed("connection_failed", "closed")

    queue = UploadQueue(upload, max_parallel=1)
    queue.add(photos, album_id=1)
    summary = queue.run()
    assert len(summary.cancelled) == 3 and not summary.failed
    assert [i.attempts for i in queue.items] == [1, 0, 0]  # the rest never started
    assert all(
        (i.state, i.reason_code, i.reason)
        == (UploadState.CANCELLED, "cancelled", message_for("cancelled"))
        for i in queue.items
    )


def test_a_batch_cancelled_before_it_starts_sends_nothing(photos: list[Path]) -> None:
    sent: list[Path] = []
    queue = UploadQueue(lambda item, progress: sent.append(item.path) or photo_for(item))
    queue.add(photos, album_id=1)
    queue.cancel()
    summary = queue.run()
    assert not sent and len(summary.cancelled) == 3


def test_the_duplicate_check_is_skipped_for_unreadable_files_and_when_it_fails(
    photos: list[Path],
) -> None:
    asked: list[list[str]] = []

    def check(digests: list[str]) -> set[str]:
        asked.append(digests)
        raise ConnectionFailed("connection_failed", "no answer")

    queue = UploadQueue(lambda item, progress: photo_for(item), check=check)
    queue.add(photos, album_id=1)
    photos[1].unlink()  # moved away after being dropped
    summary = queue.run()
    assert asked == [sorted({file_sha256(photos[0]), file_sha256(photos[2])})]
    # The check's failure stops nothing.
    assert [i.path for i in summary.done] == [photos[0], photos[2]]
    [lost] = summary.failed
    assert lost.path == photos[1] and lost.reason_code == "file_unreadable" and lost.reason
    assert lost.state is UploadState.FAILED and lost.attempts == 0  # never sent
    assert "No such file" in lost.reason  # the system's words: the file was moved away


def test_the_same_photo_twice_in_a_batch_is_asked_about_once(photos: list[Path]) -> None:
    asked: list[list[str]] = []
    copy = photos[0].with_name("copia.jpg")
    copy.write_bytes(photos[0].read_bytes())

    def check(digests: list[str]) -> set[str]:
        asked.append(digests)
        return set()

    queue = UploadQueue(lambda item, progress: photo_for(item), check=check)
    queue.add([photos[0], copy], album_id=1)
    queue.run()
    assert asked == [[file_sha256(photos[0])]]
    assert [i.sha256 for i in queue.items] == [file_sha256(photos[0])] * 2


def test_nothing_is_asked_when_no_file_is_left_to_check(photos: list[Path], tmp_path: Path) -> None:
    asked: list[list[str]] = []
    notes = tmp_path / "notes.txt"
    notes.write_text("not a photo")
    queue = UploadQueue(
        lambda item, progress: photo_for(item), check=lambda d: asked.append(d) or set()
    )
    queue.add([notes], album_id=1)
    summary = queue.run()
    assert not asked and [i.reason_code for i in summary.skipped] == ["not_an_image"]
    assert summary.skipped[0].reason == message_for("not_an_image")


def test_a_big_files_fingerprint_is_its_sha256(tmp_path: Path) -> None:
    big = tmp_path / "big.jpg"
    data = bytes(range(256)) * 9000  # over two read chunks
    big.write_bytes(data)
    assert file_sha256(big) == hashlib.sha256(data).hexdigest()


def test_an_unexpected_server_code_still_fails_with_the_server_words(photos: list[Path]) -> None:
    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        raise ApiError("brand_new_code", "Lo que dice el servidor", status=400)

    queue = UploadQueue(upload)
    queue.add(photos[:1], album_id=1)
    [failed] = queue.run().failed
    assert (failed.reason_code, failed.reason) == ("brand_new_code", "Lo que dice el servidor")


def test_a_file_that_keeps_failing_ends_failed_with_the_servers_last_words(
    photos: list[Path],
) -> None:
    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        raise ServerError("brand_new_code", f"intento {item.attempts}", status=500)

    queue = UploadQueue(upload, retry_delays=(0.01, 0.01))
    queue.add(photos[:1], album_id=1)
    summary = queue.run()
    [item] = queue.items
    assert summary.failed == [item] and item.state is UploadState.FAILED
    assert (item.attempts, item.reason_code, item.reason) == (3, "brand_new_code", "intento 3")


def test_files_waiting_when_the_batch_is_cancelled_are_marked_cancelled(photos: list[Path]) -> None:
    queue: UploadQueue
    first_started = threading.Event()

    def upload(item: UploadItem, progress: ProgressCallback) -> Photo:
        first_started.set()
        queue.cancel()
        progress(1, 2)  # the next chunk notices the cancel
        return photo_for(item)

    queue = UploadQueue(upload, max_parallel=1)
    queue.add(photos, album_id=1)
    summary = queue.run()
    assert first_started.is_set()
    assert [(i.state, i.reason_code) for i in queue.items] == [
        (UploadState.CANCELLED, "cancelled")
    ] * 3
    assert summary.cancelled == queue.items


def test_files_left_unfinished_by_a_broken_run_are_reported_as_failed(photos: list[Path]) -> None:
    """The panel's summary after an unexpected error (desktop/views/uploads.py) must not lose
    the files that were still queued or being sent."""
    queue = UploadQueue(lambda item, progress: photo_for(item))
    queue.add(photos, album_id=1)
    queue.items[1].state = UploadState.UPLOADING
    summary = queue.summary()
    assert summary.failed == queue.items
    assert not summary.done and not summary.skipped and not summary.cancelled
