"""``faces`` operator command: compare two photos, or every pair listed in a CSV (local engine).

    python -m server.faces.cli compare IMG1 IMG2 [--threshold S]
    python -m server.faces.cli compare --pairs FILE.csv [--threshold S]

Each comparison prints one JSON object: ``{"similarity", "distance", "match"}`` (pairs also echo
``image_a``/``image_b``), or ``{"error": code, "message"}`` when a photo has no face, several
faces, or cannot be read. The engine loads once and each photo is embedded once.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from server.engines.faces.base import FaceRejected, FaceSample
from server.engines.faces.local import LocalFaceEngine, distance_to_similarity
from server.faces.verification import decode_frame

EXIT_OK = 0
EXIT_NO_MATCH_INPUT = 2


class _SampleCache:
    """Embeds each photo once; remembers refusals too."""

    def __init__(self, engine: LocalFaceEngine) -> None:
        self.engine = engine
        self._samples: dict[Path, FaceSample | FaceRejected] = {}

    def get(self, path: Path) -> FaceSample:
        key = path.resolve()
        if key not in self._samples:
            try:
                self._samples[key] = self.engine.sample(decode_frame(key.read_bytes()))
            except FaceRejected as rejected:
                self._samples[key] = rejected
            except OSError as error:
                self._samples[key] = FaceRejected(
                    "image_unreadable", f"cannot read {path}: {error.strerror}"
                )
        cached = self._samples[key]
        if isinstance(cached, FaceRejected):
            raise cached
        return cached


def compare_paths(
    cache: _SampleCache, first: Path, second: Path, threshold: float
) -> dict[str, Any]:
    """The JSON-ready comparison of two photo files (or the error of the first bad one)."""
    try:
        distance = cache.engine.distance(cache.get(first), cache.get(second))
    except FaceRejected as rejected:
        return {"error": rejected.code, "message": rejected.message}
    similarity = distance_to_similarity(distance)
    return {
        "similarity": round(similarity, 2),
        "distance": round(distance, 4),
        "match": similarity >= threshold,
    }


def read_pairs(csv_path: Path) -> Iterable[tuple[Path, Path]]:
    """``image_a,image_b`` rows, paths relative to the CSV; skips a header row and blank lines."""
    with csv_path.open(newline="", encoding="utf-8") as handle:
        for index, row in enumerate(csv.reader(handle)):
            cells = [cell.strip() for cell in row]
            if len(cells) < 2 or not cells[0]:
                continue
            if index == 0 and [c.lower() for c in cells[:2]] == ["image_a", "image_b"]:
                continue
            yield csv_path.parent / cells[0], csv_path.parent / cells[1]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="faces", description="Face engine tools for operators.")
    commands = parser.add_subparsers(dest="command", required=True)
    compare = commands.add_parser(
        "compare", help="compare two photos, or the pairs listed in a CSV"
    )
    compare.add_argument("images", nargs="*", type=Path, help="two photo files")
    compare.add_argument(
        "--pairs", type=Path, help="CSV of image_a,image_b (paths relative to the CSV)"
    )
    compare.add_argument(
        "--threshold", type=float, default=None, help="similarity 0–100 (default: calibrated)"
    )
    return parser


def main(argv: list[str], out: TextIO | None = None) -> int:
    """Run the ``faces`` command; returns the process exit code."""
    stream = out or sys.stdout
    parser = _parser()
    args = parser.parse_args(argv)
    if (args.pairs is None) == (len(args.images) != 2):
        parser.error("give either two images or --pairs FILE.csv")
    engine = LocalFaceEngine()
    threshold = engine.default_threshold if args.threshold is None else args.threshold
    cache = _SampleCache(engine)
    if args.pairs is None:
        result = compare_paths(cache, args.images[0], args.images[1], threshold)
        stream.write(json.dumps(result) + "\n")
        return EXIT_NO_MATCH_INPUT if "error" in result else EXIT_OK
    if not args.pairs.is_file():
        stream.write(
            json.dumps({"error": "pairs_unreadable", "message": f"no such file {args.pairs}"})
            + "\n"
        )
        return EXIT_NO_MATCH_INPUT
    for first, second in read_pairs(args.pairs):
        row = {
            "image_a": str(first),
            "image_b": str(second),
            **compare_paths(cache, first, second, threshold),
        }
        stream.write(json.dumps(row) + "\n")
        stream.flush()
    return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
