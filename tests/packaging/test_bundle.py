"""The installer: build.spec's choices, the frozen entry point, the Apertium relocation, the
self-test. A full PyInstaller build takes over two minutes here, so it runs only when asked
(``FACEALBUM_BUILD_BUNDLE=1``); ``make dist`` is the dedicated check (see docs/installer.md)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from desktop import bundle, selftest
from desktop.core import frozen

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC = REPO_ROOT / "build.spec"
HAS_APERTIUM = sys.platform.startswith("linux") and shutil.which("apertium") is not None


# --------------------------------------------------------------------------- build.spec
class _Recorder:
    """Stands in for one of PyInstaller's build targets and keeps what the spec passed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs
        self.datas = list(kwargs.get("datas", []))
        # After analysis, datas are TOC entries (destination, source, typecode).
        self.datas = [(str(Path(dest) / Path(src).name), src, "DATA") for src, dest in self.datas]
        self.pure: list[Any] = []
        self.scripts: list[Any] = []
        self.binaries: list[Any] = []


@pytest.fixture(scope="module")
def spec(tmp_path_factory: pytest.TempPathFactory) -> SimpleNamespace:
    """Run build.spec with recording stand-ins for Analysis/PYZ/EXE/COLLECT (no build)."""
    namespace: dict[str, Any] = {
        "SPECPATH": str(REPO_ROOT),
        "workpath": str(tmp_path_factory.mktemp("pyinstaller-work")),
        "Analysis": _Recorder,
        "PYZ": _Recorder,
        "EXE": _Recorder,
        "COLLECT": _Recorder,
        "__file__": str(SPEC),
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return SimpleNamespace(**namespace)


def test_spec_builds_one_folder_without_upx_from_the_bundle_entry(spec: SimpleNamespace) -> None:
    analysis, exe, collect = spec.a, spec.exe, spec.coll
    assert analysis.args[0] == [str(REPO_ROOT / "desktop" / "bundle.py")]
    assert exe.kwargs["exclude_binaries"] is True  # one folder, not one file
    assert exe.kwargs["name"] == collect.kwargs["name"] == "FaceAlbum"
    assert exe.kwargs["upx"] is False and collect.kwargs["upx"] is False


def test_spec_excludes_other_qt_bindings_and_dev_tools(spec: SimpleNamespace) -> None:
    excludes = set(spec.a.kwargs["excludes"])
    for module in ("tkinter", "matplotlib", "PyQt5", "PyQt6", "PySide2", "moto", "schemathesis",
                   "mypy", "IPython", "tests", "PySide6.QtQml", "PySide6.QtWebEngineCore"):  # fmt: skip
        assert module in excludes, module
    hidden = spec.a.kwargs["hiddenimports"]
    assert "server.engines.text.local" in hidden and "desktop.selftest" in hidden
    assert not [name for name in hidden if name.startswith("server.migrations")]


def test_spec_ships_migrations_models_and_resources_as_files(spec: SimpleNamespace) -> None:
    destinations = {dest for dest, _src, _kind in spec.a.datas}
    sources = {Path(src) for _dest, src, _kind in spec.a.datas}
    assert REPO_ROOT / "server" / "migrations" in sources
    assert REPO_ROOT / "resources" in sources
    assert "face_recognition_models/models/shape_predictor_5_face_landmarks.dat" in destinations
    assert (
        "face_recognition_models/models/dlib_face_recognition_resnet_model_v1.dat" in destinations
    )
    assert not any("68_face_landmarks" in dest for dest in destinations)  # 100 MB, unused
    # The face mesh: the 3-D check of face login measures its points, in the bundle too.
    assert REPO_ROOT / "server" / "engines" / "faces" / "models" in sources
    assert "cv2/data/haarcascade_eye.xml" in destinations
    onnx = [src for src in sources if src.suffix == ".onnx"]
    assert {path.name for path in onnx} >= {"PP-OCRv6_det_small.onnx", "PP-OCRv6_rec_small.onnx"}
    assert all(Path(src).is_file() or Path(src).is_dir() for src in map(str, sources))


def test_spec_drops_unused_botocore_services_and_qt_languages(spec: SimpleNamespace) -> None:
    wanted = spec._wanted
    assert wanted("botocore/data/s3/2006-03-01/service-2.json.gz")
    assert wanted("botocore/data/endpoints.json")
    assert not wanted("botocore/data/ec2/2016-11-15/service-2.json.gz")
    assert wanted("PySide6/Qt/translations/qtbase_es.qm")
    assert not wanted("PySide6/Qt/translations/qtbase_de.qm")


@pytest.mark.skipif(not HAS_APERTIUM, reason="Apertium is not installed here")
def test_spec_carries_apertium_tools_libraries_and_mode_data(spec: SimpleNamespace) -> None:
    toc = {dest: Path(src) for dest, src, _kind in spec.a.datas if dest.startswith("apertium/")}
    assert {"apertium/bin/apertium", "apertium/bin/lt-proc", "apertium/libexec/lt-proc",
            "apertium/libexec/apertium-transfer", "apertium/libexec/gawk",
            "apertium/libexec/apertium-wblank-attach", "apertium/libexec/apertium-wblank-detach",
            "apertium/build-datadir.txt"} <= set(toc)  # fmt: skip
    assert any(dest.startswith("apertium/share/modes/") for dest in toc)
    libraries = [dest for dest in toc if dest.startswith("apertium/lib/")]
    assert "apertium/lib/liblttoolbox.so.3" in libraries or any("lttoolbox" in d for d in libraries)
    assert not [d for d in libraries if Path(d).name.startswith(("libc.so", "ld-linux"))]
    # Every data file a mode names is carried.
    modes = [src for dest, src in toc.items() if dest.startswith("apertium/share/modes/")]
    carried = {dest.removeprefix("apertium/share/") for dest in toc}
    datadir = Path(toc["apertium/build-datadir.txt"].read_text(encoding="utf-8"))
    for mode in modes:
        for token in mode.read_text(encoding="utf-8").replace("'", " ").split():
            if token.startswith(str(datadir) + "/"):
                assert str(Path(token).relative_to(datadir)) in carried, token


# --------------------------------------------------------------------------- entry point
def test_server_command_runs_the_bundle_itself_when_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert frozen.server_command("--port", "1") == [sys.executable, "-m", "server", "--port", "1"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert frozen.server_command("--port", "1") == [sys.executable, "--run-server", "--port", "1"]


def test_run_server_flag_reaches_the_server_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = bundle.main(["--run-server", "migrate", "--data-dir", str(tmp_path)])
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {"migrated": True}
    assert (tmp_path / "facealbum.sqlite3").is_file()


def test_process_age_is_positive_and_plausible() -> None:
    age = frozen.process_age_ms()
    assert 0 < age < 24 * 3600 * 1000


# --------------------------------------------------------------------------- Apertium relocation
def _fake_apertium(root: Path, build_datadir: str) -> Path:
    apertium = root / "apertium"
    (apertium / "bin").mkdir(parents=True)
    (apertium / "bin" / "apertium").write_text("#!/bin/sh\n")
    (apertium / "share" / "modes").mkdir(parents=True)
    (apertium / "share" / "modes" / "xx-yy.mode").write_text(
        f"lt-proc '{build_datadir}/apertium-xx-yy/xx-yy.automorf.bin' | lt-proc -g "
        f"'{build_datadir}/apertium-xx-yy/xx-yy.autogen.bin'\n"
    )
    (apertium / "build-datadir.txt").write_text(build_datadir)
    return apertium


def test_relocated_modes_point_into_the_bundle(tmp_path: Path) -> None:
    from server.engines.translation.local import _first_stage_dictionary

    apertium = _fake_apertium(tmp_path / "bundle", "/usr/share/apertium")
    target = frozen.write_relocated_modes(apertium, tmp_path / "cache")
    text = (target / "modes" / "xx-yy.mode").read_text()
    assert "/usr/share/apertium" not in text
    analyser = _first_stage_dictionary(text)
    assert analyser == apertium / "share" / "apertium-xx-yy" / "xx-yy.automorf.bin"


def test_configure_bundled_apertium_sets_path_and_datadir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    # setenv first: a delenv of a missing variable records nothing to undo, and the value the
    # code sets would then leak into every later test of the session.
    monkeypatch.setenv("APERTIUM_DATADIR", "")
    monkeypatch.delenv("APERTIUM_DATADIR")
    monkeypatch.setenv("PATH", os.environ.get("PATH", ""))
    root = tmp_path / "bundle"
    apertium = _fake_apertium(root, "/usr/share/apertium")
    assert frozen.configure_bundled_apertium(root) is True
    assert os.environ["PATH"].split(os.pathsep)[0] == str(apertium / "bin")
    datadir = Path(os.environ["APERTIUM_DATADIR"])
    assert datadir.is_relative_to(tmp_path / "cache" / "FaceAlbum")
    assert (datadir / "modes" / "xx-yy.mode").is_file()
    assert frozen.configure_bundled_apertium(tmp_path / "elsewhere") is False


@pytest.mark.skipif(not HAS_APERTIUM, reason="Apertium is not installed here")
def test_staged_apertium_translates_through_the_wrappers(
    spec: SimpleNamespace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Lay out the spec's Apertium entries as the bundle would and translate with them."""
    from server.engines.translation.local import LocalTranslator

    root = tmp_path / "bundle"
    for dest, src, _kind in spec.a.datas:
        if dest.startswith("apertium/"):
            (root / dest).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, root / dest)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    # setenv first: a delenv of a missing variable records nothing to undo, and the value the
    # code sets would then leak into every later test of the session.
    monkeypatch.setenv("APERTIUM_DATADIR", "")
    monkeypatch.delenv("APERTIUM_DATADIR")
    monkeypatch.setenv("PATH", os.environ.get("PATH", ""))
    assert frozen.configure_bundled_apertium(root)
    wrapper = root / "apertium" / "bin" / "apertium"
    translator = LocalTranslator(
        apertium_binary=str(wrapper), lt_proc_binary=str(root / "apertium" / "bin" / "lt-proc")
    )
    # Every command of every pipeline the script will run is carried (not taken from /usr/bin).
    libexec = root / "apertium" / "libexec"
    for mode in (Path(os.environ["APERTIUM_DATADIR"]) / "modes").glob("*.mode"):
        pipeline = subprocess.run(
            [str(libexec / "apertium-wblank-mode"), str(mode)],
            env=dict(os.environ, LD_LIBRARY_PATH=str(root / "apertium" / "lib")),
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        for stage in pipeline.split("|"):
            command = stage.split()[0]
            assert (libexec / command).is_file(), f"{mode.name} runs {command}, not carried"
    analysers = translator.catalog().analysers
    assert analysers and all(path.is_relative_to(root) for path in analysers.values())
    [result] = translator.translate(["El perro come una manzana roja."], "en")
    assert "dog" in result.text.lower() and result.source_language == "es"


# --------------------------------------------------------------------------- the self-test
@pytest.mark.slow
def test_self_test_passes_unfrozen(tmp_path: Path) -> None:
    report_file = tmp_path / "report.json"
    completed = subprocess.run(
        [sys.executable, "-m", "desktop.bundle", "--self-test", "--report", str(report_file)],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stdout + completed.stderr
    report = json.loads(report_file.read_text())
    assert report["ok"] is True and report["frozen"] is False
    assert report["steps"]["ocr"]["read"].replace(" ", "").startswith("FaceAlbum")
    assert report["steps"]["register_and_login"]["username"].startswith("selftest_")


@pytest.mark.slow
def test_self_test_names_the_failed_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A server that cannot start fails the run at server_start, with its own words."""
    monkeypatch.setattr(
        frozen, "server_command",
        lambda *args: [sys.executable, "-c", "import sys; print('no database here'); sys.exit(3)"],
    )  # fmt: skip
    report_file = tmp_path / "report.json"
    assert selftest.main(["--report", str(report_file), "--keep", str(tmp_path / "work")]) == 1
    report = json.loads(report_file.read_text())
    assert report["ok"] is False and report["failed_step"] == "server_start"
    assert "exited with 3" in report["error"] and "no database here" in report["error"]
    assert "face_models" in report["steps"] and "ocr" in report["steps"]
    assert "SELF-TEST FAILED at server_start" in capsys.readouterr().out


@pytest.mark.e2e
def test_exit_after_shown_reports_the_cold_start(tmp_path: Path) -> None:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", FACEALBUM_EXIT_AFTER_SHOWN="1")
    completed = subprocess.run(
        [sys.executable, "-m", "desktop.bundle", "--data-dir", str(tmp_path), "--lang", "en"],
        cwd=REPO_ROOT, env=environment, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr[-2000:]
    line = next(row for row in completed.stdout.splitlines() if row.startswith("{"))
    shown = json.loads(line)
    assert 0 < shown["window_shown_ms"] < 60_000


# --------------------------------------------------------------------------- the real build
@pytest.mark.slow
@pytest.mark.skipif(
    os.environ.get("FACEALBUM_BUILD_BUNDLE") != "1",
    reason="a full PyInstaller build takes over 2 minutes: set FACEALBUM_BUILD_BUNDLE=1 "
    "(or run `make dist`)",
)
def test_built_bundle_passes_its_self_test(tmp_path: Path) -> None:
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    subprocess.run(
        [str(pyinstaller), "--noconfirm", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "build"), str(SPEC)],
        cwd=REPO_ROOT, check=True, capture_output=True, timeout=1200,
    )  # fmt: skip
    executable = tmp_path / "dist" / "FaceAlbum" / "FaceAlbum"
    completed = subprocess.run(
        [str(executable), "--self-test"], capture_output=True, text=True, timeout=300, check=False
    )
    assert completed.returncode == 0, completed.stdout[-3000:]
    report = json.loads(completed.stdout[: completed.stdout.rindex("}") + 1])
    assert report["ok"] is True and report["frozen"] is True
    _frozen_server_refuses_a_warped_photo_and_lets_the_person_in(executable, tmp_path / "data")


def _frozen_server_refuses_a_warped_photo_and_lets_the_person_in(
    executable: Path, data_dir: Path
) -> None:
    """The bundle's own server runs face login's 3-D check (it once shipped without the model it
    needs): one photo perspective-warped to fake a turn is refused as ``flat_face``, a live
    recording of the same script logs in."""
    import socket
    import time

    import httpx

    sys.path.insert(0, str(REPO_ROOT / "tests" / "support"))
    import face_sequences as fs

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = subprocess.Popen(
        [str(executable), "--run-server", "--host", "127.0.0.1", "--port", str(port),
         "--data-dir", str(data_dir)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if client.get("/check").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "the bundled server did not start"
                time.sleep(0.5)
            clip = fs.read_clip()
            password = "correct horse 9"
            registered = client.post(
                "/api/v1/auth/register",
                data={"username": "lin", "email": "lin@example.com", "password": password,
                      "password_confirm": password},
                files={"photo": ("me.jpg", fs.to_jpeg(fs.load_photo("miranda_1.png")), "image/jpeg")},
            )  # fmt: skip
            assert registered.status_code == 201, registered.text
            enrolled = client.put(
                "/api/v1/me/face",
                data={"current_password": password},
                files=[("frames", (f"{i}.jpg", fs.to_jpeg(clip[f]), "image/jpeg"))
                       for i, f in enumerate((90, 130, 170))],
                headers={"Authorization": f"Bearer {registered.json()['token']}"},
            )  # fmt: skip
            assert enrolled.status_code == 200, enrolled.text
            steps = ["center", "right", "center"]

            def answer(sequence: fs.Sequence_) -> str:
                for _ in range(200):  # the server picks the script: ask until it is this one
                    issued = client.post("/api/v1/auth/face-challenge", json={"login": "lin"})
                    if issued.json()["steps"] == steps:
                        break
                else:
                    pytest.fail(f"the server never issued {steps}")
                time.sleep(issued.json()["min_seconds"] + 0.2)
                response = client.post(
                    "/api/v1/auth/face-login",
                    data={"challenge_id": issued.json()["challenge_id"], "login": "lin",
                          "offsets_ms": json.dumps(sequence.offsets_ms)},
                    files=[("frames", (f"{i}.jpg", frame, "image/jpeg"))
                           for i, frame in enumerate(sequence.frames)],
                )  # fmt: skip
                return "ok" if response.status_code == 200 else response.json()["error"]["code"]

            warped = fs.perspective_turn(
                fs.load_photo("miranda_1.png"), [0, 0, 8, 16, 24, 30, 24, 16, 8, 0, 0], seed=1
            )
            assert answer(warped) == "flat_face"
            assert answer(fs.genuine(clip, steps)) == "ok"
    finally:
        server.terminate()
        server.wait(timeout=30)
