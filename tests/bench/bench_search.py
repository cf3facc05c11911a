"""Search and duplicate benchmarks: search over 20 000 synthetic photos on SQLite and MariaDB
(p50/p95 of 1-3 word queries, index build time), pHash cost at upload, and the near-duplicate
lookup over 100 000 hashes.

Run: python tests/bench/bench_search.py [--photos 20000] [--skip-mysql]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
from PIL import Image

REPO = Path(__file__).resolve().parents[2]
FACES = REPO / "tests" / "fixtures" / "faces"
sys.path.insert(0, str(REPO))

from sqlalchemy import create_engine, insert, text  # noqa: E402

from server.albums.models import Album  # noqa: E402
from server.app import build_context  # noqa: E402
from server.config import Settings  # noqa: E402
from server.duplicates.phash import distances, phash_bytes  # noqa: E402
from server.duplicates.service import SIMILAR_MAX, close_pairs  # noqa: E402
from server.engines.labels.names import label_names  # noqa: E402
from server.images import process_upload  # noqa: E402
from server.photos.models import Photo  # noqa: E402
from server.search import index as search_index  # noqa: E402
from server.search import service as search_service  # noqa: E402
from server.users.models import User  # noqa: E402

MYSQL_ADMIN_URL = "mysql+mysqldb://root:@127.0.0.1:3306/"

SPANISH = [
    "playa",
    "sol",
    "mar",
    "arena",
    "verano",
    "vacaciones",
    "familia",
    "amigos",
    "cumpleaños",
    "fiesta",
    "tarta",
    "velas",
    "abuela",
    "abuelo",
    "niños",
    "perro",
    "gato",
    "montaña",
    "nieve",
    "esquí",
    "bosque",
    "río",
    "lago",
    "ciudad",
    "calle",
    "noche",
    "luces",
    "navidad",
    "árbol",
    "regalos",
    "boda",
    "novia",
    "novio",
    "iglesia",
    "cena",
    "comida",
    "paella",
    "vino",
    "café",
    "desayuno",
    "concierto",
    "música",
    "guitarra",
    "escenario",
    "museo",
    "cuadro",
    "catedral",
    "puente",
    "castillo",
    "jardín",
    "flores",
    "primavera",
    "otoño",
    "invierno",
    "lluvia",
    "nubes",
    "atardecer",
    "amanecer",
    "barco",
    "puerto",
    "pesca",
    "coche",
    "viaje",
    "tren",
    "avión",
    "aeropuerto",
    "hotel",
    "piscina",
    "excursión",
    "camino",
    "sendero",
    "graduación",
    "colegio",
    "universidad",
    "partido",
    "fútbol",
    "estadio",
    "bicicleta",
    "carrera",
    "maratón",
    "mercado",
    "fruta",
    "pan",
    "queso",
    "jamón",
    "tapas",
    "sal",
    "canción",
    "baile",
    "carnaval",
    "disfraz",
    "máscara",
    "retrato",
    "selfi",
    "grupo",
    "reunión",
    "oficina",
    "trabajo",
    "casa",
]
ENGLISH = [
    "beach",
    "sun",
    "sea",
    "sand",
    "summer",
    "holiday",
    "family",
    "friends",
    "birthday",
    "party",
    "cake",
    "candles",
    "grandma",
    "dog",
    "cat",
    "mountain",
    "snow",
    "ski",
    "forest",
    "river",
    "lake",
    "city",
    "street",
    "night",
    "lights",
    "christmas",
    "tree",
    "gifts",
    "wedding",
    "bride",
    "church",
    "dinner",
    "food",
    "wine",
    "coffee",
    "breakfast",
    "concert",
    "music",
    "guitar",
    "stage",
    "museum",
    "painting",
    "cathedral",
    "bridge",
    "castle",
    "garden",
    "flowers",
    "spring",
    "autumn",
    "winter",
    "rain",
    "clouds",
    "sunset",
    "sunrise",
    "boat",
    "harbour",
    "fishing",
    "car",
    "trip",
    "train",
    "plane",
    "airport",
    "hotel",
    "pool",
    "hike",
    "trail",
    "graduation",
    "school",
    "match",
    "football",
    "stadium",
    "bike",
    "race",
    "market",
    "fruit",
    "bread",
    "cheese",
    "the",
    "who",
    "hbo",
    "netflix",
]
PLACES = [
    "Madrid",
    "Sevilla",
    "Granada",
    "Valencia",
    "Bilbao",
    "Barcelona",
    "Lisboa",
    "Londres",
    "París",
    "Roma",
    "Oaxaca",
]
CAMERAS = ["Canon EOS 80D", "Apple iPhone 13", "Samsung SM-G991B", "Sony ILCE-7M3", None]
LABELS = ["Persona", "Playa", "Cielo", "Perro", "Comida", "Montaña", "Árbol", "Coche", "Texto"]


def synthetic_rows(count: int, user_id: int, album_ids: list[int], seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    start = datetime(2019, 1, 1, tzinfo=UTC)
    rows = []
    for n in range(count):
        vocabulary = SPANISH if rng.random() < 0.7 else ENGLISH
        name = " ".join(rng.sample(vocabulary, rng.randint(1, 3))).capitalize()
        description = " ".join(rng.sample(vocabulary, rng.randint(3, 12)))
        if rng.random() < 0.4:
            description += f" en {rng.choice(PLACES)}"
        ocr = " ".join(rng.sample(SPANISH + ENGLISH, rng.randint(1, 6))).upper()
        taken = start + timedelta(minutes=rng.randint(0, 60 * 24 * 365 * 6))
        rows.append(
            {
                "user_id": user_id,
                "album_id": rng.choice(album_ids),
                "name": name[:200],
                "description": description[:1000],
                "content_type": "image/jpeg",
                "size_bytes": rng.randint(200_000, 6_000_000),
                "width": 4000,
                "height": 3000,
                "sha256": uuid.uuid4().hex * 2,
                "source_sha256": None,
                "phash": rng.getrandbits(63),
                "taken_at": taken if rng.random() < 0.8 else None,
                "camera": rng.choice(CAMERAS),
                "original_key": f"k/{n}/o",
                "preview_key": f"k/{n}/p",
                "thumbnail_key": f"k/{n}/t",
                "labels_state": "done",
                "labels": [
                    {"name": label, "confidence": 90.0, "names": label_names({"name": label}, "es")}
                    for label in rng.sample(LABELS, 3)
                ],
                "labels_language": "es",
                "ocr_text": ocr if rng.random() < 0.3 else "",
                "created_at": taken,
                "updated_at": taken,
            }
        )
    return rows


def queries(seed: int = 11) -> dict[int, list[str]]:
    rng = random.Random(seed)
    words = SPANISH + ENGLISH + [p.lower() for p in PLACES]
    out: dict[int, list[str]] = {1: [], 2: [], 3: []}
    for size in out:
        for _ in range(150):
            picked = rng.sample(words, size)
            # Half the queries type only a prefix of the last word, as people do while typing.
            if rng.random() < 0.5 and len(picked[-1]) > 4:
                picked[-1] = picked[-1][: rng.randint(3, len(picked[-1]) - 1)]
            out[size].append(" ".join(picked))
    return out


def bench_database(label: str, settings: Settings, photos: int) -> None:
    context = build_context(settings)
    with context.session_factory() as db:
        now = datetime.now(UTC)
        user = User(
            username="bench",
            username_key="bench",
            email="bench@example.com",
            full_name="",
            password_hash="x",
            language="es",
            created_at=now,
            updated_at=now,
        )
        other = User(
            username="other",
            username_key="other",
            email="other@example.com",
            full_name="",
            password_hash="x",
            language="es",
            created_at=now,
            updated_at=now,
        )
        db.add_all([user, other])
        db.flush()
        albums = [
            Album(
                user_id=user.id,
                name=f"Álbum {PLACES[n % len(PLACES)]} {n}",
                name_key=f"album {n}",
                kind="regular",
            )
            for n in range(25)
        ]
        other_album = Album(user_id=other.id, name="Otro", name_key="otro", kind="regular")
        db.add_all([*albums, other_album])
        db.flush()
        album_ids = [album.id for album in albums]
        rows = synthetic_rows(photos, user.id, album_ids)
        rows += synthetic_rows(photos // 10, other.id, [other_album.id], seed=8)
        for start in range(0, len(rows), 2000):
            db.execute(insert(Photo), rows[start : start + 2000])
        db.commit()
        user_id = user.id

        started = time.perf_counter()
        indexed = search_index.rebuild(db)
        build_seconds = time.perf_counter() - started
        print(f"[{label}] index build: {indexed} photos in {build_seconds:.2f} s")

        for size, texts in queries().items():
            timings = []
            hits = []
            for query in texts:
                started = time.perf_counter()
                page = search_service.search_json_bytes(
                    db.connection(),
                    settings,
                    user_id=user_id,
                    query=query,
                    album_id=None,
                    date_from=None,
                    date_to=None,
                    has_text=None,
                    limit=None,
                    cursor=None,
                )
                timings.append((time.perf_counter() - started) * 1000)
                hits.append(len(json.loads(page)["items"]))
            timings.sort()
            p95 = timings[int(len(timings) * 0.95) - 1]
            print(
                f"[{label}] {size}-word queries: p50 {statistics.median(timings):.1f} ms, "
                f"p95 {p95:.1f} ms, median hits/page {statistics.median(hits):.0f} "
                f"({len(timings)} queries)"
            )
    context.engine.dispose()


def bench_hashing() -> None:
    sources = sorted(p for p in FACES.iterdir() if p.suffix == ".jpg")
    thumbs = [
        process_upload(p.read_bytes(), max_bytes=50_000_000, max_pixels=100_000_000).thumbnail
        for p in sources
    ]
    timings = []
    for _ in range(5):
        for thumb in thumbs:
            started = time.perf_counter()
            phash_bytes(thumb)
            timings.append((time.perf_counter() - started) * 1000)
    big = Image.open(FACES / "obama_1.jpg").convert("RGB").resize((4000, 3000))
    out = io.BytesIO()
    big.save(out, "JPEG", quality=90)
    uploads = []
    for _ in range(3):
        started = time.perf_counter()
        process_upload(out.getvalue(), max_bytes=50_000_000, max_pixels=100_000_000)
        uploads.append((time.perf_counter() - started) * 1000)
    hash_ms = statistics.median(timings)
    upload_ms = statistics.median(uploads)
    print(
        f"pHash of the 256 px thumbnail: median {hash_ms:.2f} ms, max {max(timings):.2f} ms "
        f"({len(timings)} runs); a 12 MP upload's image work: {upload_ms:.0f} ms "
        f"(hash = {100 * hash_ms / upload_ms:.1f} %)"
    )


def bench_lookup(count: int = 100_000) -> None:
    rng = np.random.default_rng(5)
    hashes = rng.integers(0, 2**64 - 1, size=count, dtype=np.uint64)
    targets = [int(value) for value in rng.integers(0, 2**64 - 1, size=50, dtype=np.uint64)]
    timings = []
    for target in targets:
        started = time.perf_counter()
        near = np.nonzero(distances(hashes, target) <= SIMILAR_MAX)[0]
        timings.append((time.perf_counter() - started) * 1000)
        assert len(near) < 5
    print(
        f"near-duplicate lookup, 1 hash vs {count} hashes: median "
        f"{statistics.median(timings):.2f} ms, max {max(timings):.2f} ms"
    )
    sample = [int(v) for v in hashes[:5000]]
    started = time.perf_counter()
    close_pairs(sample, SIMILAR_MAX)
    print(
        f"all near pairs among 5000 photos (GET /duplicates): {time.perf_counter() - started:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=20_000)
    parser.add_argument("--skip-mysql", action="store_true")
    args = parser.parse_args()
    bench_hashing()
    bench_lookup()
    with tempfile.TemporaryDirectory() as folder:
        bench_database("sqlite", Settings(data_dir=Path(folder), job_worker=False), args.photos)
    if args.skip_mysql:
        return
    name = f"facealbum_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(MYSQL_ADMIN_URL)
    with admin.begin() as connection:
        connection.execute(
            text(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
        )
    try:
        with tempfile.TemporaryDirectory() as folder:
            settings = Settings(
                data_dir=Path(folder),
                job_worker=False,
                database_url=f"{MYSQL_ADMIN_URL}{name}?charset=utf8mb4",
            )
            bench_database("mariadb", settings, args.photos)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS `{name}`"))
        admin.dispose()


if __name__ == "__main__":
    main()
