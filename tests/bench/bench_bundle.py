"""Measure a built bundle: size, self-test time, cold start to the login window.

    .venv/bin/python tests/packaging/bench_bundle.py [dist/FaceAlbum] [--runs 5]

Cold start is the process age when the first window is exposed, reported by the bundle itself
(``FACEALBUM_EXIT_AFTER_SHOWN=1``), under ``QT_QPA_PLATFORM=offscreen``; each run uses a fresh
data folder (first-start path: settings created, local server spawned in the background).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def say(text: str) -> None:
    """Report a measurement on stdout."""
    sys.stdout.write(text + "\n")


def folder_size(folder: Path) -> int:
    """Bytes of the regular files under ``folder`` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def cold_start_ms(executable: Path) -> float:
    """One launch to the first exposed window, as the bundle reports it."""
    with tempfile.TemporaryDirectory(prefix="facealbum-bench-") as data_dir:
        environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", FACEALBUM_EXIT_AFTER_SHOWN="1")
        completed = subprocess.run(
            [str(executable), "--data-dir", data_dir, "--lang", "es"],
            env=environment, capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip
    line = next(row for row in completed.stdout.splitlines() if row.startswith("{"))
    return float(json.loads(line)["window_shown_ms"])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("bundle", nargs="?", type=Path, default=REPO_ROOT / "dist" / "FaceAlbum")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    executable = args.bundle / "FaceAlbum"
    if not executable.is_file():
        say(f"no bundle at {args.bundle}: run `make dist` first")
        return 0
    say(f"bundle size: {folder_size(args.bundle) / 1e6:.0f} MB ({args.bundle})")
    started = time.monotonic()
    test = subprocess.run([str(executable), "--self-test"], capture_output=True, text=True,
                          timeout=600, check=False)  # fmt: skip
    say(f"self-test: exit {test.returncode} in {time.monotonic() - started:.1f} s")
    cold_start_ms(executable)  # the first run warms the OS file cache
    times = [cold_start_ms(executable) for _ in range(args.runs)]
    say(f"cold start to login window (warm file cache): median {statistics.median(times):.0f} ms, "
          f"min {min(times):.0f}, max {max(times):.0f} over {args.runs} runs")  # fmt: skip
    return 0 if test.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
