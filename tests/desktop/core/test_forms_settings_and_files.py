"""The exact rules behind what the forms say, what the settings keep and which files are
photos: each case is one a person meets (a password at a boundary, a setting file from an older
version, a file renamed .jpg)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.imagetype import sniff_file, sniff_image_format
from desktop.core.settings import AppSettings, CameraSource
from desktop.core.validation import (
    EMAIL_PATTERN,
    USERNAME_PATTERN,
    Strength,
    password_strength,
)


# --------------------------------------------------------------------------- password hint
@pytest.mark.parametrize(
    ("password", "expected"),
    [
        ("", Strength(0, "too_short")),
        ("abcdefg", Strength(0, "too_short")),  # 7 characters
        ("abcdefgh", Strength(1, "add_variety")),  # 8: long enough, one kind of character
        ("PASSWORD", Strength(1, "common")),  # common ones are refused whatever their case
        ("Contraseña", Strength(1, "common")),
        ("12345678", Strength(1, "common")),
        ("abcdefgH", Strength(2, "add_variety")),  # two kinds
        ("abcdefg1", Strength(2, "add_variety")),
        ("abcdefg!", Strength(2, "add_variety")),
        ("ÁRBOLES1", Strength(2, "add_variety")),  # Spanish capitals and digits
        ("árboles!", Strength(2, "add_variety")),  # Spanish lower case and a symbol
        ("abcdefG1", Strength(3, "good")),  # three kinds, short
        ("abcdefghijklmn", Strength(2, "add_variety")),  # 14 of one kind: long is some variety
        ("abcdefghijklm", Strength(1, "add_variety")),  # 13 of one kind
        ("abcdefghijkL", Strength(2, "add_variety")),  # 12, two kinds
        ("abcdefghijK1", Strength(4, "strong")),  # 12, three kinds
        ("abcdefghiK1", Strength(3, "good")),  # 11, three kinds
        ("abcdefghijklmN", Strength(3, "good")),  # 14, two kinds
        ("abcdeF1!", Strength(3, "good")),  # four kinds, short
        ("abcdefghiJ1!", Strength(4, "strong")),
        ("con espacios", Strength(1, "add_variety")),  # a space is no symbol
    ],
)
def test_password_hint(password: str, expected: Strength) -> None:
    assert password_strength(password) == expected


def test_a_password_containing_the_username_is_refused_as_common() -> None:
    assert password_strength("xxAna2024!!", username="ana") == Strength(1, "common")
    assert password_strength("xxAna2024!!", username="ANA") == Strength(1, "common")
    assert password_strength("xxAna2024!!", username="luis") == Strength(3, "good")
    assert password_strength("xxAna2024!!") == Strength(3, "good")  # no username yet
    assert password_strength("Tr0mpeta-XXXX") == Strength(4, "strong")


@pytest.mark.parametrize(
    ("username", "ok"),
    [
        ("ana", True),
        ("an", False),
        ("a" * 32, True),
        ("a" * 33, False),
        ("Ana.Perez_2-b", True),
        ("ana perez", False),
        ("anapérez", False),
        ("ana@x", False),
    ],
)
def test_username_shape(username: str, ok: bool) -> None:
    assert bool(USERNAME_PATTERN.match(username)) is ok


@pytest.mark.parametrize(
    ("email", "ok"),
    [
        ("ana@example.com", True),
        ("ana.perez+fotos@mail.example.es", True),
        ("ana@example", False),
        ("@example.com", False),
        ("ana@.com", False),
        ("ana@@example.com", False),
        ("ana perez@example.com", False),
        ("ana@example.com ", False),
        ("ana@example.", False),
    ],
)
def test_email_shape(email: str, ok: bool) -> None:
    assert bool(EMAIL_PATTERN.match(email)) is ok


# --------------------------------------------------------------------------- image sniffing
HEIC_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis")


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
        (b"\xff\xd8\x00", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "png"),
        (b"\x89PNG\r\n\x1a", None),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "webp"),
        (b"RIFF\x10\x00\x00\x00WAVEfmt ", None),  # a sound file
        (b"RIFF\x10\x00\x00\x00WEB", None),
        (b"RIFF\x10\x00\x00\x00WEBP", "webp"),  # the first 12 bytes decide
        *[(b"\x00\x00\x00\x18ftyp" + brand, "heic") for brand in HEIC_BRANDS],
        (b"\x00\x00\x00\x18ftypmp42", None),  # an MP4 video
        (b"\x00\x00\x00\x18ftypavif", None),
        (b"\x00\x00\x00\x18ftyphei", None),
        (b"\x00\x00\x00\x18moovheic", None),
        (b"GIF87a\x01\x00", "gif"),
        (b"GIF89a\x01\x00", "gif"),
        (b"GIF90a", None),
        (b"BM\x36\x00", "bmp"),
        (b"II*\x00\x08\x00", "tiff"),
        (b"MM\x00*\x00\x00", "tiff"),
        (b"II*\x01", None),
        (b"%PDF-1.7", None),
        (b"", None),
    ],
)
def test_images_are_told_apart_by_their_first_bytes(head: bytes, kind: str | None) -> None:
    assert sniff_image_format(head) == kind


def test_a_file_is_sniffed_by_content_not_name(tmp_path: Path) -> None:
    disguised = tmp_path / "foto.txt"
    disguised.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    assert sniff_file(disguised) == "png"
    heic = tmp_path / "IMG_0001.HEIC"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 100)
    assert sniff_file(heic) == "heic"
    assert sniff_file(tmp_path / "missing.jpg") is None
    assert sniff_file(tmp_path) is None  # a folder


# --------------------------------------------------------------------------- settings
def test_a_missing_settings_file_means_the_defaults(tmp_path: Path) -> None:
    settings = AppSettings.load(tmp_path / "nope.json")
    assert settings == AppSettings()
    assert (settings.server_mode, settings.remote_url, settings.language) == ("local", "", "")
    assert (settings.camera_source, settings.last_login, settings.recent_albums) == ("0", "", [])


def test_settings_are_kept_as_readable_json_and_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "home" / ".config" / "FaceAlbum" / "settings.json"  # a first start
    settings = AppSettings(language="es", last_login="año", recent_albums=[3, 1])
    settings.save(path)
    text = path.read_text(encoding="utf-8")
    assert '"last_login": "año"' in text and "\n  " in text  # UTF-8 and indented, for people
    assert json.loads(text)["recent_albums"] == [3, 1]
    assert [p.name for p in path.parent.iterdir()] == ["settings.json"]
    AppSettings(language="en").save(path)
    assert AppSettings.load(path) == AppSettings(language="en")


@pytest.mark.parametrize(
    "content",
    ["[1, 2]", '"local"', "null", "{broken", ""],
)
def test_a_settings_file_that_is_not_an_object_gives_the_defaults(
    tmp_path: Path, content: str
) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    assert AppSettings.load(path) == AppSettings()


def test_settings_from_another_version_keep_what_is_known(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"language": "en", "theme": "dark", "server_mode": "remote"}), encoding="utf-8"
    )
    assert AppSettings.load(path) == AppSettings(language="en", server_mode="remote")
    path.write_text(json.dumps({"server_mode": "cloud", "language": "es"}), encoding="utf-8")
    assert AppSettings.load(path) == AppSettings(server_mode="local", language="es")
    path.write_bytes(b"\xff\xfe\x00")  # not UTF-8
    assert AppSettings.load(path) == AppSettings()


@pytest.mark.parametrize(
    ("text", "device", "path", "first", "last", "described"),
    [
        ("0", 0, None, 0, None, "0"),
        (" 2 ", 2, None, 0, None, "2"),
        ("/v/clip.mp4", None, "/v/clip.mp4", 0, None, "/v/clip.mp4"),
        ("/v/clip.mp4#84-210", None, "/v/clip.mp4", 84, 210, "/v/clip.mp4#84-210"),
        ("/v/clip.mp4#84-", None, "/v/clip.mp4", 84, None, "/v/clip.mp4#84-"),
        ("/v/clip.mp4#-210", None, "/v/clip.mp4", 0, 210, "/v/clip.mp4#0-210"),
        ("/v/clip.mp4#0-0", None, "/v/clip.mp4", 0, 0, "/v/clip.mp4#0-0"),
        ("/v/clip.mp4#x-y", None, "/v/clip.mp4", 0, None, "/v/clip.mp4"),
        ("/v/a#b.mp4#5-6", None, "/v/a#b.mp4", 5, 6, "/v/a#b.mp4#5-6"),
    ],
)
def test_camera_sources(
    text: str, device: int | None, path: str | None, first: int, last: int | None, described: str
) -> None:
    source = CameraSource.parse(text)
    assert source.device == device
    assert source.path == (Path(path) if path else None)
    assert (source.first_frame, source.last_frame) == (first, last)
    assert source.is_file is (path is not None)
    assert source.describe() == described
    assert CameraSource.parse(source.describe()) == source


def test_a_camera_file_under_home_is_found(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert CameraSource.parse("~/clip.mp4").path == tmp_path / "clip.mp4"
