"""``faces compare`` on real photos: one pair, a pairs CSV, and the errors operators see."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from server.faces.cli import main

REPO_ROOT = Path(__file__).resolve().parents[3]
FACES = REPO_ROOT / "tests" / "fixtures" / "faces"
pytestmark = pytest.mark.slow


def run(argv: list[str]) -> tuple[int, list[dict]]:
    out = io.StringIO()
    code = main(argv, out=out)
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


def test_compare_two_photos_of_one_person(engine):
    code, (result,) = run(["compare", str(FACES / "obama_1.jpg"), str(FACES / "obama_4.jpg")])
    assert code == 0
    assert result["match"] is True
    assert 0 < result["distance"] < 0.56 and result["similarity"] >= 80


def test_compare_two_people_and_a_photo_without_face(engine, tmp_path):
    code, (result,) = run(["compare", str(FACES / "obama_1.jpg"), str(FACES / "biden_1.jpg")])
    assert code == 0 and result["match"] is False and result["distance"] > 0.6
    sky = tmp_path / "sky.png"
    Image.fromarray(np.full((300, 400, 3), (120, 170, 230), dtype=np.uint8)).save(sky)
    code, (error,) = run(["compare", str(FACES / "obama_1.jpg"), str(sky)])
    assert code != 0 and error["error"] == "no_face"
    code, (missing,) = run(["compare", str(FACES / "obama_1.jpg"), str(tmp_path / "nope.jpg")])
    assert code != 0 and missing["error"] == "image_unreadable"


def test_compare_pairs_csv_with_relative_paths_and_a_header(engine, tmp_path):
    sky = tmp_path / "sky.png"
    Image.fromarray(np.full((300, 400, 3), (120, 170, 230), dtype=np.uint8)).save(sky)
    faces = os.path.relpath(FACES, tmp_path)
    rows = [
        "image_a,image_b",
        f"{faces}/leslie_1.jpg,{faces}/leslie_2.jpg",
        f"{faces}/leslie_1.jpg,{faces}/harington_2.jpg",
        f"{faces}/leslie_1.jpg,sky.png",
        "",
        f"{faces}/group_two_people.jpg,{faces}/leslie_2.jpg",
    ]
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("\n".join(rows) + "\n", encoding="utf-8")
    code, results = run(["compare", "--pairs", str(pairs)])
    assert code == 0
    assert [r.get("match") for r in results] == [True, False, None, None]
    assert results[2]["error"] == "no_face" and results[3]["error"] == "multiple_faces"
    assert results[0]["image_a"].endswith("leslie_1.jpg")


def test_module_runs_as_a_command():
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "server.faces.cli",
            "compare",
            str(FACES / "leslie_1.jpg"),
            str(FACES / "leslie_2.jpg"),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["match"] is True
