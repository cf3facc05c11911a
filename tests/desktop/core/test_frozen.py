"""How the app finds itself (bundle or source tree), starts its server, carries Apertium and
measures its cold start. No PyInstaller build: the frozen case is what ``sys.frozen`` and
``sys._MEIPASS`` say, as PyInstaller sets them."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.core import frozen

REPO_ROOT = Path(__file__).resolve().parents[3]


def test_from_the_source_tree_the_server_is_python_dash_m_server() -> None:
    assert frozen.is_frozen() is False
    assert frozen.bundle_root() == REPO_ROOT
    assert (frozen.bundle_root() / "server" / "__main__.py").is_file()
    assert frozen.server_command() == [sys.executable, "-m", "server"]
    assert frozen.server_command("serve", "--port", "1") == [
        sys.executable, "-m", "server", "serve", "--port", "1",
    ]  # fmt: skip


def test_frozen_the_bundle_runs_its_own_executable_and_reads_from_meipass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert frozen.is_frozen() is True
    assert frozen.server_command("serve") == [sys.executable, "--run-server", "serve"]
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert frozen.bundle_root() == tmp_path / "_internal"
    monkeypatch.delattr(sys, "_MEIPASS")
    assert frozen.bundle_root() == Path(sys.executable).resolve().parent


def _bundle(root: Path, build_datadir: str = "/opt/build/share/apertium") -> Path:
    """A bundle's apertium/ folder as build.spec lays it out, with two language pairs."""
    apertium = root / "apertium"
    (apertium / "bin").mkdir(parents=True)
    (apertium / "bin" / "apertium").write_text("#!/bin/sh\n")
    modes = apertium / "share" / "modes"
    modes.mkdir(parents=True)
    for pair in ("es-en", "en-es"):
        (modes / f"{pair}.mode").write_text(
            f"lt-proc '{build_datadir}/apertium-{pair}/{pair}.automorf.bin' | "
            f"lt-proc -g '{build_datadir}/apertium-{pair}/{pair}.autogen.bin'\n",
            encoding="utf-8",
        )
    (modes / "README").write_text(f"not a mode: {build_datadir}")
    (apertium / "build-datadir.txt").write_text(build_datadir + "\n")
    return apertium


def test_only_a_bundle_with_the_apertium_program_carries_apertium(tmp_path: Path) -> None:
    assert frozen.bundled_apertium(tmp_path) is None
    (tmp_path / "apertium" / "bin" / "apertium").mkdir(parents=True)  # a folder is no program
    assert frozen.bundled_apertium(tmp_path) is None
    apertium = _bundle(tmp_path / "real")
    assert frozen.bundled_apertium(tmp_path / "real") == apertium


def test_relocated_modes_name_the_bundles_data_and_are_rewritten_only_when_changed(
    tmp_path: Path,
) -> None:
    apertium = _bundle(tmp_path / "bundle")
    target = tmp_path / "cache" / "modes-here"
    assert frozen.write_relocated_modes(apertium, target) == target
    share = apertium / "share"
    written = sorted(p.name for p in (target / "modes").iterdir())
    assert written == ["en-es.mode", "es-en.mode"]  # no README, no temporary file left
    text = (target / "modes" / "es-en.mode").read_text(encoding="utf-8")
    assert text == (
        f"lt-proc '{share}/apertium-es-en/es-en.automorf.bin' | "
        f"lt-proc -g '{share}/apertium-es-en/es-en.autogen.bin'\n"
    )
    mode = target / "modes" / "es-en.mode"
    os.utime(mode, (1_000_000, 1_000_000))
    frozen.write_relocated_modes(apertium, target)  # the next start: same text, left alone
    assert mode.stat().st_mtime == 1_000_000
    mode.write_text("stale", encoding="utf-8")  # a bundle moved or updated
    frozen.write_relocated_modes(apertium, target)
    assert mode.read_text(encoding="utf-8") == text


@pytest.fixture
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    # setenv first: a delenv of a missing variable records nothing to undo, and the value the
    # code sets would then leak into every later test of the session.
    monkeypatch.setenv("APERTIUM_DATADIR", "")
    monkeypatch.delenv("APERTIUM_DATADIR")
    monkeypatch.setenv("PATH", "/usr/bin")
    return monkeypatch


def _modes_in(datadir: Path) -> list[str]:
    return sorted(p.name for p in (datadir / "modes").glob("*.mode"))


def test_bundled_apertium_goes_first_on_path_and_its_modes_into_the_user_cache(
    tmp_path: Path, clean_environment: pytest.MonkeyPatch
) -> None:
    clean_environment.setattr(sys, "platform", "linux")
    clean_environment.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    apertium = _bundle(tmp_path / "bundle")
    assert frozen.configure_bundled_apertium(tmp_path / "bundle") is True
    assert os.environ["PATH"] == os.pathsep.join([str(apertium / "bin"), "/usr/bin"])
    datadir = Path(os.environ["APERTIUM_DATADIR"])
    assert datadir.parent == tmp_path / "xdg-cache" / "FaceAlbum" / "apertium"
    assert _modes_in(datadir) == ["en-es.mode", "es-en.mode"]
    # Another bundle (another version, another place) gets its own folder.
    clean_environment.delenv("APERTIUM_DATADIR")
    _bundle(tmp_path / "other")
    frozen.configure_bundled_apertium(tmp_path / "other")
    assert Path(os.environ["APERTIUM_DATADIR"]).parent == datadir.parent
    assert Path(os.environ["APERTIUM_DATADIR"]) != datadir


def test_the_user_cache_folder_follows_each_platform(
    tmp_path: Path, clean_environment: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    clean_environment.setenv("HOME", str(home))
    clean_environment.delenv("XDG_CACHE_HOME", raising=False)
    clean_environment.delenv("LOCALAPPDATA", raising=False)
    _bundle(tmp_path / "bundle")
    expected = {
        "linux": home / ".cache",
        "darwin": home / "Library" / "Caches",
        "win32": home / "AppData" / "Local",
    }
    for platform, cache in expected.items():
        clean_environment.setattr(sys, "platform", platform)
        clean_environment.delenv("APERTIUM_DATADIR", raising=False)
        assert frozen.configure_bundled_apertium(tmp_path / "bundle")
        datadir = Path(os.environ["APERTIUM_DATADIR"])
        assert datadir.parent == cache / "FaceAlbum" / "apertium", platform
    clean_environment.setattr(sys, "platform", "win32")
    clean_environment.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    clean_environment.delenv("APERTIUM_DATADIR")
    frozen.configure_bundled_apertium(tmp_path / "bundle")
    assert (
        Path(os.environ["APERTIUM_DATADIR"]).parent == tmp_path / "local" / "FaceAlbum" / "apertium"
    )


def test_the_users_own_apertium_data_wins_but_the_programs_are_still_the_bundles(
    tmp_path: Path, clean_environment: pytest.MonkeyPatch
) -> None:
    clean_environment.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    clean_environment.setenv("APERTIUM_DATADIR", "/home/ana/apertium-data")
    apertium = _bundle(tmp_path / "bundle")
    assert frozen.configure_bundled_apertium(tmp_path / "bundle") is True
    assert os.environ["APERTIUM_DATADIR"] == "/home/ana/apertium-data"
    assert os.environ["PATH"].split(os.pathsep)[0] == str(apertium / "bin")
    assert not (tmp_path / "cache").exists()


def test_a_process_without_path_still_finds_the_bundled_programs(
    tmp_path: Path, clean_environment: pytest.MonkeyPatch
) -> None:
    clean_environment.delenv("PATH")
    clean_environment.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    apertium = _bundle(tmp_path / "bundle")
    assert frozen.configure_bundled_apertium(tmp_path / "bundle") is True
    assert os.environ["PATH"] == str(apertium / "bin")  # no empty entry: not the current folder


def test_an_unwritable_cache_puts_the_modes_in_a_temporary_folder(
    tmp_path: Path, clean_environment: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    clean_environment.setattr(sys, "platform", "linux")
    clean_environment.setenv("XDG_CACHE_HOME", str(blocker))
    clean_environment.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    clean_environment.setattr("tempfile.tempdir", None)
    _bundle(tmp_path / "bundle")
    assert frozen.configure_bundled_apertium(tmp_path / "bundle") is True
    datadir = Path(os.environ["APERTIUM_DATADIR"])
    assert datadir.parent == tmp_path / "tmp"
    assert datadir.name.startswith("facealbum-apertium-")
    assert _modes_in(datadir) == ["en-es.mode", "es-en.mode"]


def test_without_a_bundled_apertium_nothing_changes(
    tmp_path: Path, clean_environment: pytest.MonkeyPatch
) -> None:
    assert frozen.configure_bundled_apertium(tmp_path) is False
    assert os.environ["PATH"] == "/usr/bin" and "APERTIUM_DATADIR" not in os.environ


def _elapsed_seconds_by_ps() -> int:
    out = subprocess.run(
        ["ps", "-o", "etimes=", "-p", str(os.getpid())], capture_output=True, text=True, check=True
    ).stdout
    return int(out.strip())


def test_process_age_agrees_with_what_ps_says() -> None:
    before = _elapsed_seconds_by_ps()
    age_s = frozen.process_age_ms() / 1000.0
    after = _elapsed_seconds_by_ps()
    assert before - 1.5 <= age_s <= after + 1.5


def test_process_age_grows_in_milliseconds() -> None:
    first = frozen.process_age_ms()
    started = time.monotonic()
    threading.Event().wait(0.5)  # the quantity under test is elapsed time itself
    elapsed_ms = (time.monotonic() - started) * 1000.0
    grown = frozen.process_age_ms() - first
    assert elapsed_ms - 50 <= grown <= elapsed_ms + 50  # /proc counts in 10 ms ticks


def test_without_proc_the_age_counts_from_the_import(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_sysconf(_name: str) -> int:
        raise OSError("no sysconf here")

    monkeypatch.setattr(os, "sysconf", no_sysconf)
    low = (time.monotonic() - frozen._IMPORTED_AT) * 1000.0
    age = frozen.process_age_ms()
    high = (time.monotonic() - frozen._IMPORTED_AT) * 1000.0
    assert low <= age <= high
