"""The local labels engine in worker processes: one per core, each engine single-threaded, at a
lower CPU priority than the service.

Tagging with the local engines is CPU-bound (OCR is most of a photo's time). In the service's own
threads it shares the GIL with the request path, and onnxruntime's thread pool spins on every
core; in worker processes each photo uses one core without touching the service's GIL, and
``nice`` lets requests go first while a folder is being tagged. The job runner keeps claiming,
leasing, retrying and writing results in the service process; a worker only turns preview bytes
into labels.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from PIL import Image

from server.engines.labels.base import Label, LabelEngine, LabelLanguage, PhotoExif
from server.engines.text.base import TAGGING_DETECTION_SIDE, TextEngine, TextResult
from server.images import open_verified

log = logging.getLogger(__name__)

#: Worker processes run this much nicer than the service, so listings keep their latency.
WORKER_NICENESS = 10
#: How often a worker checks that the service that started it is still alive.
PARENT_CHECK_SECONDS = 1.0


@dataclass(frozen=True)
class PoolConfig:
    processes: int
    use_faces: bool
    use_text: bool
    max_pixels: int
    text_max_boxes: int = 1000
    text_time_budget: float = 30.0  # seconds per photo


class _WordsKept:
    """The worker's text engine, keeping its last result: the labels engine reads the image's
    text anyway, and the same words are stored for search, so OCR runs once per photo."""

    def __init__(self, engine: TextEngine) -> None:
        self.engine = engine
        self.name = engine.name
        self.last: TextResult | None = None

    def detect_text(self, image: Image.Image, *, deadline: float | None = None) -> TextResult:
        self.last = self.engine.detect_text(image, deadline=deadline)
        return self.last


_worker_engine: LabelEngine | None = None
_worker_text: _WordsKept | None = None


def _exit_with_service(service_pid: int) -> None:
    # A spawned worker holds both ends of its task queue, so it never sees the service die (a
    # SIGKILL, a crash): without this it would wait for work forever with the models loaded.
    while os.getppid() == service_pid:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _start_worker(config: PoolConfig, service_pid: int) -> None:
    """Runs once in each worker process: lower its priority and load single-threaded engines."""
    global _worker_engine, _worker_text
    threading.Thread(
        target=_exit_with_service, args=(service_pid,), name="service-watch", daemon=True
    ).start()
    os.nice(WORKER_NICENESS)
    from server.engines.faces.local import LocalFaceEngine
    from server.engines.labels.local import LocalLabelEngine
    from server.engines.text.local import LocalTextEngine

    faces = LocalFaceEngine(workers=1) if config.use_faces else None
    text = (
        LocalTextEngine(
            threads=1,
            detection_side_limit=TAGGING_DETECTION_SIDE,
            max_boxes=config.text_max_boxes,
            time_budget=config.text_time_budget,
        )
        if config.use_text
        else None
    )
    if faces is not None:
        faces.load()
    if text is not None:
        text.load()
    _worker_text = _WordsKept(text) if text is not None else None
    _worker_engine = LocalLabelEngine(face_detector=faces, text_engine=_worker_text)


def _detect_in_worker(
    preview: bytes, language: LabelLanguage, exif: PhotoExif, max_pixels: int
) -> tuple[list[Label], str | None]:
    if _worker_engine is None:
        raise RuntimeError("label worker used before its initializer ran")
    with open_verified(preview, max_pixels=max_pixels) as image:
        if _worker_text is not None:
            _worker_text.last = None
        labels = _worker_engine.detect_labels(image, language=language, exif=exif)
        if _worker_text is None:
            return labels, None
        words = _worker_text.last
        if words is None:  # the labels engine did not read the text (it always does today)
            words = _worker_text.engine.detect_text(image)
        return labels, words.text


class LabelPool:
    """A process pool running the local labels engine; safe to share between threads."""

    def __init__(self, config: PoolConfig) -> None:
        self.config = config
        self._lock = threading.Lock()
        self._executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        # spawn, not fork: the service has threads and open database connections.
        return ProcessPoolExecutor(
            self.config.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(self.config, os.getpid()),
        )

    def detect_labels(
        self, preview: bytes, *, language: LabelLanguage, exif: PhotoExif
    ) -> tuple[list[Label], str | None]:
        """The labels of an encoded preview image and the words read in it (None without a
        text engine in the workers), computed in a worker process.

        Engine errors propagate (the job is retried). A worker that died takes the pool with it:
        the pool is replaced, and this call raises so the runner retries the job.
        """
        with self._lock:
            executor = self._executor
        future = executor.submit(_detect_in_worker, preview, language, exif, self.config.max_pixels)
        try:
            return future.result()
        except BrokenProcessPool:
            with self._lock:
                if self._executor is executor:
                    log.warning("a label worker process died; starting a new pool")
                    self._executor = self._new_executor()
            executor.shutdown(wait=False, cancel_futures=True)
            raise

    def shutdown(self) -> None:
        """Stop the workers once their current photo is done."""
        with self._lock:
            self._executor.shutdown(wait=False, cancel_futures=True)


_pools: dict[PoolConfig, LabelPool] = {}
_pools_lock = threading.Lock()


def shared_label_pool(config: PoolConfig) -> LabelPool:
    """One pool per configuration and process, like the engines: workers load the models once."""
    with _pools_lock:
        if config not in _pools:
            _pools[config] = LabelPool(config)
        return _pools[config]


def shutdown_label_pools() -> None:
    """Stop every pool of this process (the service's shutdown)."""
    with _pools_lock:
        pools = list(_pools.values())
        _pools.clear()
    for pool in pools:
        pool.shutdown()
