"""Mutation testing with mutmut, one listed module at a time, with a score per module.

Each module runs in its own copy of the checkout (``.mutmut/<module>/``) with its own mutmut
configuration, so a mutant runs only the test files that exercise that module (not the whole
suite) and modules can be re-run on their own. ``make mutate`` runs them all; the machine stays
usable because each module runs with one test process by default.

    python tests/mutation/mutate.py [--jobs N] [--max-children N] [MODULE ...]   # run, then report
    python tests/mutation/mutate.py --report                                   # report only

A stopped run resumes where it was (``--fresh`` starts over). The report
(``.mutmut/report.md``) lists killed/survived/timeout/no-tests/not-yet-run counts, the score
(killed + timeout over the mutants that were tested) and every surviving mutant by name; ``cd
.mutmut/<module> && python -m mutmut show NAME`` prints a survivor's diff.
"""

from __future__ import annotations

import argparse
import json
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


@dataclass(frozen=True)
class Module:
    name: str
    mutate: tuple[str, ...]  # mutmut only_mutate globs
    tests: tuple[str, ...]  # the test files that exercise it


MODULES = (
    Module(
        "faces_verification",
        ("server/faces/verification.py",),
        ("tests/server/faces/test_faces_verification.py",),
    ),
    Module(
        "storage",
        ("server/storage/*",),
        (
            "tests/server/storage/test_local_object_store.py",
            "tests/server/storage/test_object_store_contract.py",
            "tests/server/storage/test_s3_object_store.py",
            "tests/server/storage/test_create_object_store.py",
        ),
    ),
    Module(
        "desktop_core",
        ("desktop/core/*",),
        (
            "tests/desktop/core/test_core_misc.py",
            "tests/desktop/core/test_session_store.py",
            "tests/desktop/core/test_upload_queue.py",
            "tests/desktop/core/test_messages_cover_server_codes.py",
            "tests/desktop/api/test_api_errors.py",
            "tests/desktop/test_thumbnails.py",
        ),
    ),
    Module(
        "albums",
        ("server/albums/*",),
        ("tests/server/api/test_albums.py", "tests/server/api/test_ownership.py"),
    ),
    Module(
        "auth",
        ("server/auth/*",),
        (
            "tests/server/api/test_account.py",
            "tests/server/api/test_register_validation.py",
            "tests/server/api/test_auth_windows.py",
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
            "tests/server/analysis/test_translation_api.py",
        ),
    ),
)


def prepare(module: Module, fresh: bool) -> Path:
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
    tests = [test for test in module.tests if (REPO / test).exists()]
    config = "\n".join(
        [
            "",
            "[tool.mutmut]",
            'source_paths = ["server", "desktop"]',
            f"only_mutate = {json.dumps(list(module.mutate))}",
            f"pytest_add_cli_args_test_selection = {json.dumps(tests)}",
            f"pytest_add_cli_args = {json.dumps(COMMON_ARGS)}",
            'also_copy = ["resources", "docs"]',
            f"do_not_mutate_patterns = {json.dumps(NOT_MUTATED)}",
            "",
        ]
    )
    pyproject = workdir / "pyproject.toml"
    pyproject.write_text(pyproject.read_text() + config)
    if fresh:
        shutil.rmtree(workdir / "mutants", ignore_errors=True)
    else:  # resume: mutants already tested keep their result; the tests are copied anew
        shutil.rmtree(workdir / "mutants" / "tests", ignore_errors=True)
    return workdir


def run(module: Module, max_children: int, fresh: bool) -> int:
    workdir = prepare(module, fresh)
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
        stats_path = WORK / module.name / "mutants" / "mutmut-cicd-stats.json"
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
    args = parser.parse_args()
    chosen = [m for m in MODULES if not args.modules or m.name in args.modules]
    unknown = set(args.modules) - {m.name for m in MODULES}
    if unknown:
        parser.error(f"unknown modules: {sorted(unknown)}")
    if not args.report:
        for module in chosen:
            sys.stdout.write(f"== {module.name}\n")
            sys.stdout.flush()
            run(module, args.max_children, args.fresh)
    sys.stdout.write(report(chosen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
