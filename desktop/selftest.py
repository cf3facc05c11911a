"""``FaceAlbum --self-test``: a headless check that the bundle works on this machine.

It loads the face models (dlib) and OpenCV's cascades and runs the detector, reads a rendered
line of text with the OCR models, starts the local server in a throwaway folder exactly as the app
does, registers a throwaway user (a generated, face-free profile photo: registration needs no
face), logs in and reads the account back, and uploads a photo whose Spanish description the
server translates into English (skipped, and said so, where no Apertium is bundled or installed).
It prints a JSON report and exits 0, or names the failed step and exits 1. Nothing outside the
temporary folder is touched. No Qt is imported.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core import frozen

log = logging.getLogger(__name__)

OCR_PROBE_TEXT = "FaceAlbum 2024"
SERVER_START_TIMEOUT = 90.0
#: A Spanish description and a word its English translation must contain.
TRANSLATION_PROBE = ("El perro come una manzana roja.", "dog")
CASCADES = ("haarcascade_eye.xml", "haarcascade_frontalface_default.xml")


class SelfTestFailure(Exception):
    """A step of the self-test failed; the message says what and why."""


@dataclass
class SelfTestReport:
    """What each step found and how long it took (seconds)."""

    ok: bool = False
    frozen: bool = field(default_factory=frozen.is_frozen)
    steps: dict[str, dict[str, Any]] = field(default_factory=dict)
    failed_step: str | None = None
    error: str | None = None
    total_seconds: float = 0.0

    def as_json(self) -> str:
        """The report as one JSON document."""
        return json.dumps(self.__dict__, ensure_ascii=False, indent=2)


def _generated_photo() -> bytes:
    """A 320×320 JPEG of coloured shapes: a valid image with no face in it."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (320, 320), (40, 90, 160))
    draw = ImageDraw.Draw(image)
    draw.ellipse((60, 60, 260, 260), fill=(240, 200, 60))
    draw.rectangle((130, 20, 190, 300), fill=(30, 160, 90))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def _text_image(text: str) -> Any:
    """Black ``text`` on white in Pillow's built-in scalable font."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=56)
    image = Image.new("RGB", (900, 160), "white")
    ImageDraw.Draw(image).text((40, 40), text, fill="black", font=font)
    return image


def check_face_models() -> dict[str, Any]:
    """Load the dlib models and the face mesh, and run the detector on a face-free image (it
    must find none)."""
    from PIL import Image

    from server.engines.faces.local import LocalFaceEngine, models_dir
    from server.engines.faces.mesh import MODEL_FILE

    engine = LocalFaceEngine(workers=1)
    engine.load()
    faces = engine.detect(Image.open(io.BytesIO(_generated_photo())))
    if faces:
        raise SelfTestFailure(f"the face detector saw {len(faces)} face(s) in a face-free image")
    return {
        "models_dir": str(models_dir()),
        "face_mesh": str(MODEL_FILE),
        "faces_in_blank_image": 0,
    }


def check_ocr() -> dict[str, Any]:
    """Load the OCR models and read back a rendered line of text."""
    from server.engines.text.local import LocalTextEngine

    engine = LocalTextEngine()
    engine.load()
    result = engine.detect_text(_text_image(OCR_PROBE_TEXT))
    read = " ".join(line.text for line in result.lines)
    if "FaceAlbum" not in read.replace(" ", ""):
        raise SelfTestFailure(f"OCR read {read!r} instead of {OCR_PROBE_TEXT!r}")
    return {"read": read}


class LocalServer:
    """The server started as the app starts it, in ``data_dir``, on a free loopback port."""

    def __init__(self, data_dir: Path) -> None:
        from desktop.api.client import ApiClient

        self.data_dir = data_dir
        self.log_path = data_dir / "server.log"
        port = _free_port()
        self.url = f"http://127.0.0.1:{port}"
        self.command = frozen.server_command(
            "--host", "127.0.0.1", "--port", str(port), "--data-dir", str(data_dir)
        )
        self.client = ApiClient(self.url, connect_timeout=2.0)
        self._process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = SERVER_START_TIMEOUT) -> float:
        """Start the process and wait for ``/check``; return the seconds it took."""
        from desktop.api.errors import ApiError

        started = time.monotonic()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "ab") as log_file:
            self._process = subprocess.Popen(
                self.command,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                cwd=str(frozen.bundle_root()),
            )
        while time.monotonic() - started < timeout:
            if self._process.poll() is not None:
                raise SelfTestFailure(
                    f"the server exited with {self._process.returncode}: {self.log_tail()}"
                )
            try:
                if self.client.check(timeout=1.0):
                    return time.monotonic() - started
            except ApiError:
                pass
            time.sleep(0.2)
        raise SelfTestFailure(
            f"the server did not answer within {timeout:.0f} s: {self.log_tail()}"
        )

    def stop(self) -> None:
        """Terminate the process (kill it if it lingers)."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def log_tail(self, lines: int = 8) -> str:
        """The last lines the server wrote."""
        if not self.log_path.exists():
            return "(no log)"
        with open(self.log_path, encoding="utf-8", errors="replace") as handle:
            return "".join(deque(handle, maxlen=lines)).strip()


def _free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def check_account(server: LocalServer) -> dict[str, Any]:
    """Register a throwaway user, log in again with the password, read the account back."""
    from desktop.api.client import ApiClient

    username = f"selftest_{secrets.token_hex(4)}"
    password = f"Self-test {secrets.token_urlsafe(12)}"
    registered = server.client.register(
        username=username,
        email=f"{username}@example.com",
        password=password,
        password_confirm=password,
        full_name="Self Test",
        photo=_generated_photo(),
    )
    fresh = ApiClient(server.url)
    fresh.login(username, password)
    me = fresh.me()
    if me.id != registered.user.id or me.username != username:
        raise SelfTestFailure(f"logged in as {me.username!r}, expected {username!r}")
    return {"user_id": me.id, "username": me.username}


def check_translation(server: LocalServer) -> dict[str, Any]:
    """Translate a photo description through the server; required when Apertium is carried.

    Without a bundled or installed Apertium the step reports translation as unavailable.
    """
    from desktop.api.errors import ApiError

    carried = frozen.bundled_apertium() is not None
    try:
        codes = sorted(language.code for language in server.client.languages())
    except ApiError as error:
        if carried:
            raise SelfTestFailure(f"the bundled Apertium does not work: {error}") from error
        return {"apertium_bundled": False, "available": False, "reason": str(error)}
    if not {"en", "es"} <= set(codes):
        if carried:
            raise SelfTestFailure(f"the bundled Apertium offers only {codes}")
        return {"apertium_bundled": False, "available": False, "languages": codes}
    album = server.client.create_album("Self-test")
    photo = server.client.upload_photo(
        album.id, _generated_photo(), name="shapes", description=TRANSLATION_PROBE[0]
    )
    translated = server.client.translation(photo.id, "en")
    if TRANSLATION_PROBE[1] not in translated.text.lower():
        raise SelfTestFailure(
            f"{TRANSLATION_PROBE[0]!r} came back from {translated.engine} as {translated.text!r}"
        )
    return {"apertium_bundled": carried, "languages": codes, "es_to_en": translated.text}


def check_cascades() -> dict[str, Any]:
    """The OpenCV cascades the face engine and the camera view load by path."""
    import cv2

    folder = Path(cv2.data.haarcascades)  # type: ignore[attr-defined]
    for name in CASCADES:
        if cv2.CascadeClassifier(str(folder / name)).empty():
            raise SelfTestFailure(f"OpenCV cannot load {folder / name}")
    return {"folder": str(folder), "loaded": list(CASCADES)}


def run_self_test(work_dir: Path | None = None) -> SelfTestReport:
    """Run every step in order, stopping at the first failure; the report says which."""
    report = SelfTestReport()
    started = time.monotonic()
    owned = work_dir is None
    root = Path(tempfile.mkdtemp(prefix="facealbum-selftest-")) if work_dir is None else work_dir
    server = LocalServer(root / "server")
    steps: list[tuple[str, Callable[[], dict[str, Any]]]] = [
        ("face_models", check_face_models),
        ("opencv_cascades", check_cascades),
        ("ocr", check_ocr),
        ("server_start", lambda: {"url": server.url, "seconds": round(server.start(), 2)}),
        ("register_and_login", lambda: check_account(server)),
        ("translation", lambda: check_translation(server)),
    ]
    try:
        for name, step in steps:
            step_started = time.monotonic()
            try:
                result = step()
            except Exception as error:  # every failure becomes the report's verdict
                report.failed_step = name
                report.error = f"{type(error).__name__}: {error}"
                log.debug("self-test step %s failed", name, exc_info=True)
                return report
            result["elapsed_seconds"] = round(time.monotonic() - step_started, 2)
            report.steps[name] = result
        report.ok = True
        return report
    finally:
        server.stop()
        report.total_seconds = round(time.monotonic() - started, 2)
        if owned:
            shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """``--self-test [--report FILE] [--keep DIR]``: print the JSON report; 0 when all passed."""
    parser = argparse.ArgumentParser(prog="FaceAlbum --self-test")
    parser.add_argument("--report", type=Path, help="also write the JSON report to this file")
    parser.add_argument("--keep", type=Path, help="work in this folder and leave it for inspection")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    report = run_self_test(args.keep)
    text = report.as_json()
    if args.report is not None:
        args.report.write_text(text + "\n", encoding="utf-8")
    if sys.stdout is not None:  # a windowed Windows build has no console
        sys.stdout.write(text + "\n")
        if not report.ok:
            sys.stdout.write(f"SELF-TEST FAILED at {report.failed_step}: {report.error}\n")
        sys.stdout.flush()
    return 0 if report.ok else 1
