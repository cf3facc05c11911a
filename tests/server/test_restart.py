"""A server killed mid-stream (SIGKILL) keeps every photo it had committed."""

from __future__ import annotations

import threading

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
    while len(committed) < 5:
        uploader.join(0.05)
    server.kill()
    killed.set()
    uploader.join(30)

    restarted = server_process(data_dir, port=server.port)
    client = httpx.Client(base_url=restarted.url, timeout=30)
    items: list[int] = []
    cursor = None
    while True:
        params = {"limit": 100} | ({"cursor": cursor} if cursor else {})
        page = client.get(
            f"/api/v1/albums/{album_id}/photos", params=params, headers=headers
        ).json()
        items += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert set(committed) <= set(items)
    for photo_id in committed:
        content = client.get(f"/api/v1/photos/{photo_id}/content?variant=original", headers=headers)
        assert content.status_code == 200
