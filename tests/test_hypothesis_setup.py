"""Hypothesis keeps failing examples in the ignored .hypothesis/ cache and prints the run's seed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

FAILING_PROPERTY = """
from hypothesis import given, strategies as st

@given(st.integers())
def test_small(n):
    assert n < 1000
"""


def run_pytest(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("CI", "PYTEST_ADDOPTS")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "tests", *args],
        cwd=root, env=environment, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_a_failure_prints_the_seed_and_is_stored_for_the_next_run(tmp_path: Path) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "conftest.py").write_text(
        (REPO_ROOT / "tests" / "conftest.py").read_text()
    )
    (tmp_path / "tests" / "test_property.py").write_text(FAILING_PROPERTY)

    first = run_pytest(tmp_path)

    assert first.returncode == 1, first.stdout
    assert "assert 1000 < 1000" in first.stdout, first.stdout
    found = re.search(
        r"Hypothesis seed: (\d+) — replay with `pytest --hypothesis-seed=\1`", first.stdout
    )
    assert found, first.stdout
    stored = [p for p in (tmp_path / ".hypothesis" / "examples").rglob("*") if p.is_file()]
    assert stored, "the failing example was not saved in .hypothesis/examples"

    replay = run_pytest(tmp_path, f"--hypothesis-seed={found[1]}")
    assert replay.returncode == 1 and "assert 1000 < 1000" in replay.stdout


def test_the_example_cache_is_ignored_by_git() -> None:
    completed = subprocess.run(
        ["git", "check-ignore", "-q", ".hypothesis/examples/x"], cwd=REPO_ROOT, check=False
    )
    assert completed.returncode == 0
