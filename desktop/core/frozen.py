"""Facts about how the app runs (frozen bundle or source tree), and the bundle's Apertium.

Frozen, the bundle's own executable is the only interpreter there is, so the local server is
started as ``FaceAlbum --run-server …``. Apertium carried by the bundle (Linux, ``apertium/``
beside the Python modules) is put on ``PATH``; its mode files name their data by absolute path, so
a copy pointing into this bundle is written to a per-user cache folder and ``APERTIUM_DATADIR``
names it. No Qt here.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

log = logging.getLogger(__name__)

RUN_SERVER_FLAG = "--run-server"
#: Where ``build.spec`` puts Apertium inside the bundle, and the data path its modes were built with.
APERTIUM_FOLDER = "apertium"
APERTIUM_BUILD_DATADIR_FILE = "build-datadir.txt"

_IMPORTED_AT = time.monotonic()


def is_frozen() -> bool:
    """True inside the PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def bundle_root() -> Path:
    """The folder holding the bundled modules and data (``_internal``), or the source tree."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent))
    return Path(__file__).resolve().parents[2]


def server_command(*server_args: str) -> list[str]:
    """The command that runs the FaceAlbum server with ``server_args`` as this app would.

    Frozen, the bundle's own executable is the only interpreter there is; otherwise
    ``python -m server``.
    """
    if is_frozen():
        return [sys.executable, RUN_SERVER_FLAG, *server_args]
    return [sys.executable, "-m", "server", *server_args]


def bundled_apertium(root: Path | None = None) -> Path | None:
    """The Apertium folder the bundle carries (``bin/ libexec/ lib/ share/``), if any."""
    folder = (root or bundle_root()) / APERTIUM_FOLDER
    return folder if (folder / "bin" / "apertium").is_file() else None


def _cache_home() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


def write_relocated_modes(apertium: Path, target: Path) -> Path:
    """Copy the bundled mode files into ``target/modes`` with their data paths made to point
    into ``apertium/share``; return ``target`` (what ``APERTIUM_DATADIR`` should name)."""
    build_datadir = (apertium / APERTIUM_BUILD_DATADIR_FILE).read_text(encoding="utf-8").strip()
    share = str(apertium / "share")
    modes = target / "modes"
    modes.mkdir(parents=True, exist_ok=True)
    for mode_file in sorted((apertium / "share" / "modes").glob("*.mode")):
        text = mode_file.read_text(encoding="utf-8").replace(build_datadir, share)
        destination = modes / mode_file.name
        if destination.is_file() and destination.read_text(encoding="utf-8") == text:
            continue
        partial = destination.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        partial.replace(destination)  # atomic: a server starting alongside never reads half
    return target


def configure_bundled_apertium(root: Path | None = None) -> bool:
    """Point this process (and its children) at the bundled Apertium; False when none is carried.

    An ``APERTIUM_DATADIR`` already set by the user wins: they chose their own data.
    """
    apertium = bundled_apertium(root)
    if apertium is None:
        return False
    # No empty entry: on POSIX an empty PATH entry means the current folder.
    inherited = os.environ.get("PATH", "")
    os.environ["PATH"] = os.pathsep.join(filter(None, [str(apertium / "bin"), inherited]))
    if "APERTIUM_DATADIR" in os.environ:
        return True
    digest = hashlib.sha1(str(apertium).encode()).hexdigest()[:12]
    target = _cache_home() / "FaceAlbum" / "apertium" / digest
    try:
        os.environ["APERTIUM_DATADIR"] = str(write_relocated_modes(apertium, target))
        return True
    except OSError as error:
        log.warning("cannot write Apertium modes to %s: %s", target, error)
    fallback = Path(tempfile.mkdtemp(prefix="facealbum-apertium-"))
    os.environ["APERTIUM_DATADIR"] = str(write_relocated_modes(apertium, fallback))
    return True


def process_age_ms() -> float:
    """Milliseconds since this process started (Linux: from /proc; elsewhere: since import)."""
    try:
        ticks_per_second = os.sysconf("SC_CLK_TCK")
        stat = Path("/proc/self/stat").read_text()
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return (uptime - start_ticks / ticks_per_second) * 1000.0
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.monotonic() - _IMPORTED_AT) * 1000.0
