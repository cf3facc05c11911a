"""The upload queue against a real server: dropping the same folder twice sends nothing the
second time, and a retry with the same Idempotency-Key never stores a second photo."""

from __future__ import annotations

from pathlib import Path

from desktop.api.client import ApiClient
from desktop.api.multipart import ProgressCallback
from desktop.core.uploads import UploadItem, UploadQueue, UploadState

PASSWORD = "queue pass 123"


def test_the_same_folder_twice_uploads_nothing_the_second_time(
    server_url: str, unique: str, faces: Path, tmp_path: Path
) -> None:
    client = ApiClient(server_url)
    client.register(
        username=f"cola_{unique}",
        email=f"cola_{unique}@example.com",
        password=PASSWORD,
        password_confirm=PASSWORD,
        photo=faces / "obama_small.jpg",
    )
    album = client.create_album(f"Carpeta {unique}")
    folder = tmp_path / "drop"
    folder.mkdir()
    for name in ("biden_1.jpg", "leslie_1.jpg", "harington_1.jpg"):
        (folder / name).write_bytes((faces / name).read_bytes())
    sent: list[str] = []

    def upload(item: UploadItem, progress: ProgressCallback):  # type: ignore[no-untyped-def]
        sent.append(item.path.name)
        photo = client.upload_photo(
            item.album_id, item.path, progress=progress, idempotency_key=item.idempotency_key
        )
        if item.path.name == "leslie_1.jpg" and item.attempts == 1:
            # The answer is lost on the way back: the queue retries with the same key.
            from desktop.api.errors import ConnectionFailed

            raise ConnectionFailed("connection_failed", "answer lost")
        return photo

    first = UploadQueue(upload, check=client.check_photos, retry_delays=(0.01,))
    first.add([folder], album.id)
    summary = first.run()
    assert len(summary.done) == 3 and not summary.failed
    assert sorted(sent) == ["biden_1.jpg", "harington_1.jpg", "leslie_1.jpg", "leslie_1.jpg"]
    assert len(client.list_photos(album.id).items) == 3  # the retry made no second photo

    sent.clear()
    second = UploadQueue(upload, check=client.check_photos)
    second.add([folder], album.id)
    again = second.run()
    assert sent == []
    assert [item.state for item in again.skipped] == [UploadState.SKIPPED] * 3
    assert len(client.list_photos(album.id).items) == 3
