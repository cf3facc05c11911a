"""A server killed mid-stream (SIGKILL) keeps every photo it had committed."""

from __future__ import annotations

import threading
import time

import httpx


def test_kill_during_uploads_keeps_committed_photos(server_process, faces_dir, tmp_path):
    data_dir = tmp_path / "data"
    server = server_process(data_dir)
    photo = (faces_dir / "obama_small.jpg").read_bytes()
    client = httpx.Client(base_url=server.url, timeout=30)
    token = client.post(
        "/api/v1/auth/register",
        data={
            "username": "resi",
            "email": "resi@example.com",
            "password": "resilient 12",
            "password_confirm": "resilient 12",
        },
        files={"photo": ("me.jpg", photo, "image/jpeg")},
    ).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    album_id = client.post("/api/v1/albums", json={"name": "Crash"}, headers=headers).json()["id"]

    committed: list[int] = []
    killed = threading.Event()

    def upload_forever() -> None:
        for n in range(200):
            try:
                response = client.post(
                    f"/api/v1/albums/{album_id}/photos",
                    data={"name": f"p{n}", "allow_duplicate": "true"},
                    files={"file": ("p.jpg", photo, "image/jpeg")},
                    headers=headers,
                )
            except httpx.HTTPError:
                return  # the server died under us: this upload was never acknowledged
            if response.status_code == 201:
                committed.append(response.json()["id"])
            if killed.is_set():
                return

    uploader = threading.Thread(target=upload_forever)
    uploader.start()
    deadline = time.monotonic() + 300
    try:
        while len(committed) < 5:
            assert uploader.is_alive(), "the uploader stopped before five uploads were committed"
            assert time.monotonic() < deadline, f"only {len(committed)} uploads committed in 300 s"
            uploader.join(0.05)
        server.kill()
    finally:
        killed.set()
        uploader.join(60)
    assert not uploader.is_alive()

    restarted = server_process(data_dir, port=server.port)
    client = httpx.Client(base_url=restarted.url, timeout=30)
    items: list[int] = []
    cursor = None
    for _page in range(1000):  # far more pages than uploads: a cursor loop would end here
        params = {"limit": 100} | ({"cursor": cursor} if cursor else {})
        page = client.get(
            f"/api/v1/albums/{album_id}/photos", params=params, headers=headers
        ).json()
        items += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert not cursor, "the pages never ended"
    assert set(committed) <= set(items)
    for photo_id in committed:
        content = client.get(f"/api/v1/photos/{photo_id}/content?variant=original", headers=headers)
        assert content.status_code == 200
