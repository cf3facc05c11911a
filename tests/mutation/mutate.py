"""Mutation testing with mutmut, one listed module at a time, with a score per module.

Each module runs in its own copy of the checkout (``.mutmut/<module>/``) with its own mutmut
configuration, so a mutant runs only the test files that exercise that module (not the whole
suite) and modules can be re-run on their own. ``make mutate`` runs them all; the machine stays
usable because each module runs with one test process by default.

    python tests/mutation/mutate.py [--max-children N] [--retest-survivors] [MODULE ...]  # run, report
    python tests/mutation/mutate.py --report                                   # report only
    python tests/mutation/mutate.py --recheck-timeouts MODULE   # timeouts again, without fork

A stopped run resumes where it was (``--fresh`` starts over). The report
(``.mutmut/report.md``) lists killed/survived/timeout/no-tests/not-yet-run counts, the score
(killed + timeout over the mutants that were tested) and every surviving mutant by name; ``cd
.mutmut/<module> && python -m mutmut show NAME`` prints a survivor's diff.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WORK = REPO / ".mutmut"
COPIED = ("server", "desktop", "tests", "resources", "docs", "pyproject.toml")
# SQLite + local folder + moto's S3: the MariaDB copies of the API tests add minutes per mutant
# and no behaviour these modules own.
COMMON_ARGS = ["-m", "not mysql and not cluster", "-p", "no:cacheprovider", "--timeout=300"]


# Lines not mutated: log calls. Their text and arguments are for the operator reading the log;
# no behaviour the README promises depends on them (see docs/testing.md).
NOT_MUTATED = [r"^\s*(log|logger)\.(debug|info|warning|error|exception)\("]

# mutmut forks each mutant's test run from the process that already imported FaceAlbum and ran
# the tests, and a mutant takes effect when its function is *called*. A function called at
# import time (``_ALL_ALBUMS = _albums_with_counts(...)`` in server/albums/repository.py) has
# then already run unmutated: its mutants "survive" every test without ever being applied. For a
# module marked ``fresh_import``, each mutant's tests run in a process forked from a server that
# has imported only these third-party modules (``process_isolation = "forkserver"``), so
# FaceAlbum's own modules are imported anew with the mutant active. Missing names are skipped.
PRELOADED = (
    "pytest", "pytest_timeout", "pytestqt.plugin", "hypothesis",
    "anyio", "httpx", "starlette.testclient", "fastapi", "pydantic", "pydantic_settings",
    "sqlalchemy", "sqlalchemy.orm", "sqlalchemy.dialects.sqlite", "alembic", "alembic.command",
    "argon2", "PIL.Image", "numpy", "cv2", "dlib", "boto3", "botocore", "moto", "moto.server",
    "requests", "keyring", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets",
)  # fmt: skip


@dataclass(frozen=True)
class Module:
    name: str
    mutate: tuple[str, ...]  # mutmut only_mutate globs
    tests: tuple[str, ...]  # the test files that exercise it
    # The module calls its own functions at import time (see PRELOADED): run each mutant in a
    # fresh import. Slower (about 8 s a mutant here instead of 1–5), so only where needed.
    fresh_import: bool = False
    # Tests left out of this module's runs, each with its reason at the module.
    deselect: tuple[str, ...] = ()


MODULES = (
    Module(
        "faces_verification",
        ("server/faces/verification.py",),
        (
            "tests/server/faces/test_faces_verification.py",
            # a cloud engine's login (key frames, no local embedding) through botocore's Stubber
            "tests/server/faces/test_faces_rekognition.py",
        ),
    ),
    Module(
        "storage",
        ("server/storage/*",),
        (
            "tests/server/storage/test_local_object_store.py",
            "tests/server/storage/test_object_store_contract.py",
            "tests/server/storage/test_s3_object_store.py",
            "tests/server/storage/test_create_object_store.py",
            "tests/server/storage/test_storage_errors.py",
        ),
    ),
    Module(
        "desktop_core",
        ("desktop/core/*",),
        (  # desktop/core never imports Qt; only tests/desktop's conftest does
            "tests/desktop/core/test_core_misc.py",
            "tests/desktop/core/test_forms_settings_and_files.py",
            "tests/desktop/core/test_frozen.py",
            "tests/desktop/core/test_highlight.py",
            "tests/desktop/core/test_messages_cover_server_codes.py",
            "tests/desktop/core/test_messages_tokens_and_cache.py",
            "tests/desktop/core/test_paths_and_pending_uploads.py",
            "tests/desktop/core/test_session_store.py",
            "tests/desktop/core/test_upload_queue.py",
            "tests/desktop/core/test_upload_rules.py",
            "tests/desktop/api/test_api_errors.py",
        ),
    ),
    Module(
        "albums",
        ("server/albums/*",),
        ("tests/server/api/test_albums.py", "tests/server/api/test_ownership.py"),
        fresh_import=True,  # repository.py: _ALL_ALBUMS = _albums_with_counts(...)
    ),
    Module(
        "auth",
        ("server/auth/*",),
        (
            "tests/server/api/test_account.py",
            "tests/server/api/test_register_validation.py",
            "tests/server/api/test_auth_windows.py",
            "tests/server/api/test_face_lockout.py",
            "tests/server/hostile/test_limits.py::test_sweep_purges_old_attempts_and_ended_buckets",
            # the one face test where a real face login succeeds after failures
            "tests/server/face_api/test_face_login_api.py"
            "::test_a_face_login_clears_the_account_count_not_the_address_count",
        ),
    ),
    Module(
        "photos",
        ("server/photos/*",),
        (
            "tests/server/api/test_photos.py",
            "tests/server/api/test_ownership.py",
            "tests/server/api/test_fault_injection.py",
            "tests/server/api/test_photo_content.py",
            "tests/server/api/test_duplicates_and_trash.py",  # bulk, check, trash, idempotency
            "tests/server/api/test_search.py",  # list_shown
            "tests/server/api/test_account.py",  # object_keys_for_user (account deletion)
            "tests/server/analysis/test_translation_api.py",
        ),
        # It runs a tagging worker in a subprocess and the takeover in a spawned process pool,
        # which hang in mutmut's forked child (300 s each, counted as "caught"); it tests the
        # job runner's lease, not photos.
        deselect=(
            "tests/server/api/test_photo_content.py"
            "::test_a_job_whose_worker_died_is_taken_over_after_its_lease",
        ),
    ),
)


def common_args(module: Module) -> list[str]:
    return [*COMMON_ARGS, *(arg for test in module.deselect for arg in ("--deselect", test))]


def prepare(module: Module, fresh: bool, retest: bool = False) -> Path:
    workdir = WORK / module.name
    workdir.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source, target = REPO / name, workdir / name
        if target.is_dir():
            shutil.rmtree(target)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target)
    tests = [test for test in module.tests if (REPO / test.split("::")[0]).exists()]
    preload = workdir / "preload-modules.txt"
    preload.write_text("\n".join(PRELOADED) + "\n")
    config = "\n".join(
        [
            "",
            "[tool.mutmut]",
            'source_paths = ["server", "desktop"]',
            f"only_mutate = {json.dumps(list(module.mutate))}",
            f"pytest_add_cli_args_test_selection = {json.dumps(tests)}",
            f"pytest_add_cli_args = {json.dumps(common_args(module))}",
            'also_copy = ["resources", "docs"]',
            f"do_not_mutate_patterns = {json.dumps(NOT_MUTATED)}",
            *(
                [
                    'process_isolation = "forkserver"',
                    'forkserver_warmup = "import"',
                    f"preload_modules_file = {json.dumps(str(preload))}",
                ]
                if module.fresh_import
                else []
            ),
            "",
        ]
    )
    pyproject = workdir / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + config)
    if fresh:
        shutil.rmtree(workdir / "mutants", ignore_errors=True)
    else:  # resume: mutants already tested keep their result; the tests are copied anew
        shutil.rmtree(workdir / "mutants" / "tests", ignore_errors=True)
        if retest:
            forget_survivors(workdir)
    return workdir


def forget_survivors(workdir: Path) -> int:
    """Mark survivors and no-test mutants as not run, so a resumed run tries them against the
    tests as they are now (tests added to files already listed are found by mutmut's
    incremental stats; a changed test list already starts over)."""
    forgotten = 0
    for meta_path in (workdir / "mutants").rglob("*.py.meta"):
        meta = json.loads(meta_path.read_text())
        results = meta.get("exit_code_by_key", {})
        for key, code in results.items():
            if code in (0, 5, 33):  # survived, no tests
                results[key] = None
                forgotten += 1
        meta_path.write_text(json.dumps(meta))
    return forgotten


def recheck_timeouts(module: Module) -> dict[str, str]:
    """Run each "timeout" mutant's tests once more in a plain process (no fork), and keep its
    verdict: killed, survived, or timeout again.

    mutmut forks every mutant's test run from a process that has threads running; a test that
    starts a subprocess or waits on a server thread can hang in such a child where it passes
    in a plain process (seen with the photos module: mutants that every test passes "timed out"
    in the test that runs a tagging worker in a subprocess). Counting those as caught would
    flatter the score."""
    workdir = WORK / module.name / "mutants"
    stats = json.loads((workdir / "mutmut-stats.json").read_text())
    covering = stats["tests_by_mangled_function_name"]
    verdicts: dict[str, str] = {}
    for meta_path in workdir.rglob("*.py.meta"):
        meta = json.loads(meta_path.read_text())
        results = meta.get("exit_code_by_key", {})
        for name, code in results.items():
            if code not in (24, -24, 36, 152, 255):
                continue
            tests = sorted(covering.get(name.rsplit("__mutmut_", 1)[0], []))
            command = [sys.executable, "-m", "pytest", "-x", "-q", *common_args(module), *tests]
            environment = {**os.environ, "MUTANT_UNDER_TEST": name}
            try:
                completed = subprocess.run(
                    command, cwd=workdir, env=environment, capture_output=True, timeout=900
                )
            except subprocess.TimeoutExpired:
                verdicts[name] = "timeout"
                continue
            results[name] = 0 if completed.returncode == 0 else 1
            verdicts[name] = "survived" if completed.returncode == 0 else "killed"
        meta_path.write_text(json.dumps(meta))
    return verdicts


def run(module: Module, max_children: int, fresh: bool, retest: bool) -> int:
    workdir = prepare(module, fresh, retest)
    log = (WORK / f"{module.name}.log").open("a")
    command = [sys.executable, "-m", "mutmut", "run", f"--max-children={max_children}"]
    completed = subprocess.run(command, cwd=workdir, stdout=log, stderr=subprocess.STDOUT)
    subprocess.run(
        [sys.executable, "-m", "mutmut", "export-cicd-stats"], cwd=workdir, stdout=log, stderr=log
    )
    return completed.returncode


def survivors(module: Module) -> list[str]:
    workdir = WORK / module.name
    completed = subprocess.run(
        [sys.executable, "-m", "mutmut", "results"],
        cwd=workdir, capture_output=True, text=True, check=False,
    )  # fmt: skip
    return [
        line.strip().split(":")[0]
        for line in completed.stdout.splitlines()
        if line.strip().endswith(": survived")
    ]


def report(modules: list[Module]) -> str:
    lines = [
        "| module | mutants | tested | killed | timeout | survived | no tests | not run yet | score |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    details: list[str] = []
    for module in modules:
        workdir = WORK / module.name
        if (workdir / "mutants").is_dir():  # also counts a run that was stopped midway
            subprocess.run(
                [sys.executable, "-m", "mutmut", "export-cicd-stats"],
                cwd=workdir, capture_output=True, check=False,
            )  # fmt: skip
        stats_path = workdir / "mutants" / "mutmut-cicd-stats.json"
        if not stats_path.exists():
            lines.append(f"| {module.name} | not run | | | | | |")
            continue
        stats = json.loads(stats_path.read_text())
        outcomes = ("killed", "survived", "no_tests", "suspicious", "timeout", "segfault")
        tested = sum(stats.get(name, 0) for name in outcomes)
        not_run = stats["total"] - stats.get("skipped", 0) - tested
        caught = stats["killed"] + stats.get("timeout", 0)
        score = 100 * caught / tested if tested else 0.0
        lines.append(
            f"| {module.name} | {stats['total']} | {tested} | {stats['killed']}"
            f" | {stats.get('timeout', 0)} | {stats['survived']} | {stats.get('no_tests', 0)}"
            f" | {not_run} | {score:.1f} % |"
        )
        names = survivors(module)
        if names:
            details.append(f"\n{module.name} survivors:\n" + "\n".join(f"- {n}" for n in names))
    text = "\n".join(lines) + "\n" + "\n".join(details) + "\n"
    (WORK / "report.md").write_text(text)
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help=", ".join(m.name for m in MODULES))
    parser.add_argument("--max-children", type=int, default=1)
    parser.add_argument("--report", action="store_true", help="only print the last results")
    parser.add_argument("--fresh", action="store_true", help="forget earlier results")
    parser.add_argument(
        "--retest-survivors", action="store_true", help="run survivors again (after new tests)"
    )
    parser.add_argument(
        "--recheck-timeouts",
        action="store_true",
        help="run each timed-out mutant's tests again in a plain process and keep that verdict",
    )
    args = parser.parse_args()
    chosen = [m for m in MODULES if not args.modules or m.name in args.modules]
    unknown = set(args.modules) - {m.name for m in MODULES}
    if unknown:
        parser.error(f"unknown modules: {sorted(unknown)}")
    if args.recheck_timeouts:
        for module in chosen:
            for name, verdict in sorted(recheck_timeouts(module).items()):
                sys.stdout.write(f"{name}: {verdict}\n")
    elif not args.report:
        for module in chosen:
            sys.stdout.write(f"== {module.name}\n")
            sys.stdout.flush()
            run(module, args.max_children, args.fresh, args.retest_survivors)
    sys.stdout.write(report(chosen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
