"""Local tags from a real face detector (dlib HOG), real OCR and real EXIF."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from server.engines.labels.base import PhotoExif
from server.engines.labels.exif import read_photo_exif
from server.engines.labels.local import LocalLabelEngine
from server.engines.shapes import BoundingBox
from server.engines.text.local import LocalTextEngine

pytestmark = pytest.mark.slow


def names(labels: list[Any]) -> list[str]:
    return [label.name for label in labels]


def jpeg_with_exif(
    size: tuple[int, int], *, taken: str, offset: str | None, make: str, model: str
) -> Image.Image:
    """A JPEG written by Pillow with DateTimeOriginal, OffsetTimeOriginal, Make and Model."""
    exif = Image.Exif()
    exif[0x010F] = make
    exif[0x0110] = model
    details = exif.get_ifd(0x8769)
    details[0x9003] = taken
    if offset:
        details[0x9011] = offset
    buffer = io.BytesIO()
    Image.new("RGB", size, (90, 140, 60)).save(buffer, format="JPEG", exif=exif)
    buffer.seek(0)
    return Image.open(buffer)


def test_two_faces_are_tagged_as_two_people(face_detector: Any, faces_dir: Path) -> None:
    engine = LocalLabelEngine(face_detector)
    image = Image.open(faces_dir / "group_two_people.jpg")

    spanish = engine.detect_labels(image, language="es", exif=PhotoExif())
    english = engine.detect_labels(image, language="en", exif=PhotoExif())

    assert names(spanish) == ["Persona", "2 personas", "Horizontal"]
    assert names(english) == ["Person", "2 people", "Landscape"]
    assert [label.names for label in spanish] == [label.names for label in english]
    assert [label.name_in("en") for label in spanish] == names(english)
    person, two = spanish[0], spanish[1]
    assert 50 < two.confidence <= person.confidence <= 100


def test_one_face_is_a_person_not_a_group(face_detector: Any, faces_dir: Path) -> None:
    engine = LocalLabelEngine(face_detector)

    labels = engine.detect_labels(
        Image.open(faces_dir / "obama_1.jpg"), language="es", exif=PhotoExif()
    )

    assert names(labels) == ["Persona", "Vertical"]


def test_photo_with_print_gets_a_text_tag_and_its_main_word(
    face_detector: Any, text_engine: LocalTextEngine, faces_dir: Path
) -> None:
    engine = LocalLabelEngine(face_detector, text_engine)

    labels = engine.detect_labels(
        Image.open(faces_dir / "group_harington_leslie.jpg"), language="es", exif=PhotoExif()
    )

    found = names(labels)
    assert found[:2] == ["Persona", "2 personas"]
    assert "Texto" in found
    assert found[found.index("Texto") + 1] == "HBO"  # read three times: the main word
    assert next(label for label in labels if label.name == "HBO").confidence > 90
    assert found[-1] == "Vertical"


def test_photo_without_faces_or_text_gets_no_invented_tags(
    face_detector: Any, text_engine: LocalTextEngine
) -> None:
    engine = LocalLabelEngine(face_detector, text_engine)

    labels = engine.detect_labels(
        Image.new("RGB", (800, 800), (30, 90, 160)), language="en", exif=PhotoExif()
    )

    assert names(labels) == ["Square"]
    assert labels[0].confidence == 100.0


def test_rendered_text_is_tagged_with_its_words(
    text_engine: LocalTextEngine, render_text: Callable[..., Image.Image]
) -> None:
    engine = LocalLabelEngine(text_engine=text_engine)
    image = render_text(["Cumpleaños de Lucía", "Cumpleaños feliz"], size=40)

    labels = engine.detect_labels(image, language="es", exif=PhotoExif())

    assert names(labels)[:2] == ["Texto", "Cumpleaños"]
    assert "de" not in names(labels)


@pytest.mark.parametrize(
    ("size", "spanish", "english"),
    [
        ((3000, 1000), "Panorámica", "Panorama"),
        ((1000, 3000), "Panorámica", "Panorama"),
        ((4000, 3000), "Horizontal", "Landscape"),
        ((3000, 4000), "Vertical", "Portrait"),
        ((1000, 1000), "Cuadrada", "Square"),
    ],
)
def test_orientation(size: tuple[int, int], spanish: str, english: str) -> None:
    engine = LocalLabelEngine()
    image = Image.new("L", size)

    assert names(engine.detect_labels(image, language="es", exif=PhotoExif())) == [spanish]
    assert names(engine.detect_labels(image, language="en", exif=PhotoExif())) == [english]


def test_exif_rotation_is_respected() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # stored sideways: shown rotated 90°
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300)).save(buffer, format="JPEG", exif=exif)
    buffer.seek(0)

    labels = LocalLabelEngine().detect_labels(Image.open(buffer), language="en", exif=PhotoExif())

    assert names(labels) == ["Portrait"]


def test_exif_date_and_camera_from_a_written_jpeg() -> None:
    image = jpeg_with_exif(
        (1200, 800), taken="2023:06:15 18:30:05", offset="+02:00", make="Canon",
        model="Canon EOS 80D",
    )  # fmt: skip
    engine = LocalLabelEngine()

    spanish = engine.detect_labels(image, language="es")
    english = engine.detect_labels(image, language="en")

    assert names(spanish) == ["Horizontal", "2023", "Junio de 2023", "Canon EOS 80D"]
    assert names(english) == ["Landscape", "2023", "June 2023", "Canon EOS 80D"]
    # Whatever the language asked for, each tag knows its name in both.
    for labels in (spanish, english):
        assert [label.name_in("es") for label in labels] == names(spanish)
        assert [label.name_in("en") for label in labels] == names(english)


def test_read_photo_exif() -> None:
    image = jpeg_with_exif(
        (640, 480), taken="2019:12:24 21:00:00", offset="-05:00", make="SONY", model="ILCE-7M3"
    )

    exif = read_photo_exif(image)

    assert exif.taken_at == datetime(2019, 12, 24, 21, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert exif.camera == "SONY ILCE-7M3"


def test_photo_without_exif_reads_as_empty() -> None:
    assert read_photo_exif(Image.new("RGB", (10, 10))) == PhotoExif()


@dataclass(frozen=True)
class SmilingFace:
    box: BoundingBox
    smiling: bool | None


class FacesOfAnotherEngine:
    """Faces as another engine reports them: no score, smiles known (shape of FaceDetector)."""

    def __init__(self, faces: list[SmilingFace]) -> None:
        self._faces = faces

    def detect(self, image: Image.Image) -> list[SmilingFace]:
        return self._faces


def test_smiles_and_groups_from_an_injected_detector() -> None:
    box = BoundingBox(0.1, 0.1, 0.1, 0.1)
    faces = [SmilingFace(box, True), SmilingFace(box, False), SmilingFace(box, None)]
    engine = LocalLabelEngine(FacesOfAnotherEngine(faces), unscored_face_confidence=85.0)

    labels = engine.detect_labels(Image.new("RGB", (1600, 900)), language="es", exif=PhotoExif())

    assert [(label.name, label.confidence) for label in labels] == [
        ("Persona", 85.0),
        ("3 personas", 85.0),
        ("Grupo", 85.0),
        ("Sonrisa", 85.0),
        ("Horizontal", 100.0),
    ]
