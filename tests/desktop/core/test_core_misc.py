"""Settings, camera sources, image sniffing, thumbnail cache and password hints."""

from __future__ import annotations

from pathlib import Path

from desktop.core.imagetype import sniff_file, sniff_image_format
from desktop.core.settings import AppSettings, CameraSource
from desktop.core.thumbnails import ThumbnailCache
from desktop.core.validation import EMAIL_PATTERN, USERNAME_PATTERN, password_strength


def test_settings_round_trip_and_survive_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = AppSettings(
        server_mode="remote",
        remote_url="https://x.example",
        language="en",
        camera_source="/v.mp4#84-210",
    )
    settings.save(path)
    assert AppSettings.load(path) == settings
    path.write_text("{broken")
    assert AppSettings.load(path) == AppSettings()


def test_camera_sources_parse() -> None:
    assert CameraSource.parse("1").device == 1
    clip = CameraSource.parse("/data/clip.mp4#84-210")
    assert clip.path == Path("/data/clip.mp4") and (clip.first_frame, clip.last_frame) == (84, 210)
    assert CameraSource.parse("/data/face.jpg").is_file
    assert clip.describe() == "/data/clip.mp4#84-210"


def test_images_are_recognised_by_their_bytes(faces: Path, tmp_path: Path) -> None:
    assert sniff_file(faces / "obama_1.jpg") == "jpeg"
    assert sniff_file(faces / "miranda_1.png") == "png"
    assert sniff_image_format(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "webp"
    assert sniff_image_format(b"\x00\x00\x00\x18ftypheic") == "heic"
    renamed = tmp_path / "text.jpg"
    renamed.write_text("hello")
    assert sniff_file(renamed) is None


def test_thumbnail_cache_stores_and_prunes(tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path / "thumbs", max_bytes=2500)
    assert cache.get("http://s", 1, "abc") is None
    for photo_id in range(1, 5):
        cache.put("http://s", photo_id, "abc", b"x" * 1000)
    assert cache.get("http://s", 4, "abc") == b"x" * 1000
    assert cache.get("http://other", 4, "abc") is None  # keyed by server
    assert cache.prune() == 2 and cache.size_bytes() <= 2500


def test_password_hints_and_field_shapes() -> None:
    assert password_strength("short").advice == "too_short"
    assert password_strength("anapassword", username="ana").advice == "common"
    assert password_strength("Tr0mpeta-Azul!").score == 4
    assert USERNAME_PATTERN.match("ana.perez_2") and not USERNAME_PATTERN.match("a b")
    assert EMAIL_PATTERN.match("ana@example.com") and not EMAIL_PATTERN.match("ana@")
