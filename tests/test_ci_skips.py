"""Under CI=true a skipped test is a failure unless tests/conftest.py allowlists it with a reason."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]

SKIPPING_TESTS = """
import pytest

def test_skips_in_the_body():
    pytest.skip("no MariaDB here")

@pytest.mark.skipif(True, reason="a stale guard")
def test_skipped_by_a_marker():
    pass

@pytest.fixture
def missing_server():
    pytest.skip("no server")

def test_skipped_by_a_fixture(missing_server):
    pass

@pytest.mark.xfail(reason="a known bug", strict=True)
def test_expected_to_fail():
    assert False

def test_runs():
    pass
"""


def run_pytest(
    folder: Path, ci: str | None, conftest: str | None = None
) -> subprocess.CompletedProcess[str]:
    (folder / "conftest.py").write_text(
        conftest or (REPO_ROOT / "tests" / "conftest.py").read_text()
    )
    (folder / "test_skipping.py").write_text(SKIPPING_TESTS)
    environment = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        environment["CI"] = ci
    environment.pop("PYTEST_ADDOPTS", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-rA", "-q", "test_skipping.py"],
        cwd=folder, env=environment, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def outcomes(output: str) -> dict[str, str]:
    """{test name: PASSED/FAILED/XFAIL/ERROR} from pytest's -rA summary."""
    result: dict[str, str] = {}
    for line in output.splitlines():
        word, _, rest = line.partition(" ")
        if word in ("PASSED", "FAILED", "XFAIL", "ERROR") and "::" in rest:
            result[rest.split("::", 1)[1].split(" ", 1)[0]] = word
    return result


def test_every_kind_of_skip_fails_under_ci(tmp_path: Path) -> None:
    completed = run_pytest(tmp_path, "true")

    assert completed.returncode == 1, completed.stdout
    found = outcomes(completed.stdout)
    assert found["test_skips_in_the_body"] == "FAILED", completed.stdout
    # skipif markers and fixtures skip at setup: pytest reports the failure as an error there.
    assert found["test_skipped_by_a_marker"] == "ERROR", completed.stdout
    assert found["test_skipped_by_a_fixture"] == "ERROR", completed.stdout
    assert found["test_expected_to_fail"] == "XFAIL"
    assert found["test_runs"] == "PASSED"
    assert "skipped under CI=true, which is a failure: no MariaDB here" in completed.stdout
    assert "skipped under CI=true, which is a failure: a stale guard" in completed.stdout


@pytest.mark.parametrize("ci", [None, "false"])
def test_outside_ci_a_skip_stays_a_skip(tmp_path: Path, ci: str | None) -> None:
    completed = run_pytest(tmp_path, ci)

    assert completed.returncode == 0, completed.stdout
    assert "1 passed, 3 skipped, 1 xfailed" in completed.stdout


def test_an_allowlisted_test_may_skip_under_ci(tmp_path: Path) -> None:
    conftest = (REPO_ROOT / "tests" / "conftest.py").read_text()
    allowlisted = conftest.replace(
        '"tests/packaging/test_bundle.py::test_built_bundle_passes_its_self_test"',
        '"test_skipping.py::test_skipped_by_a_marker"',
    )
    assert allowlisted != conftest
    completed = run_pytest(tmp_path, "true", allowlisted)

    found = outcomes(completed.stdout)
    assert "test_skipped_by_a_marker" not in found, completed.stdout  # skips are listed without ::
    assert "SKIPPED [1] test_skipping.py:7: a stale guard" in completed.stdout
    assert found["test_skips_in_the_body"] == "FAILED", completed.stdout


def test_the_allowlist_is_short_and_says_why() -> None:
    from tests.conftest import CI_SKIP_ALLOWLIST

    assert len(CI_SKIP_ALLOWLIST) <= 3
    for nodeid, reason in CI_SKIP_ALLOWLIST.items():
        path, _, name = nodeid.partition("::")
        assert f"def {name}(" in (REPO_ROOT / path).read_text(), nodeid
        assert len(reason) > 20, nodeid
