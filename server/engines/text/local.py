"""Offline OCR with rapidocr 3.x on onnxruntime.

The models are the ones inside the rapidocr wheel (PP-OCRv6 small detector, PP-OCRv6 small
multilingual recogniser, mobile v2 orientation classifier); their paths are passed explicitly so
rapidocr never reaches its download code. The recogniser's dictionary covers Spanish (á é í ó ú
ü ñ ¿ and capitals) — the only shipped recogniser, and it keeps the accents — but has no ``¡``,
which therefore never comes back. Detection runs on the image scaled so its longest side is at
most 960 px (``Det.limit_type=max``): for photos, text large enough to matter survives it and
the detector costs a fraction of rapidocr's default (shortest side scaled up to 736 px).

With a time budget the whole call (detection included) is bounded by the wall clock: every
onnxruntime run of the call shares one ``RunOptions`` whose ``terminate`` flag a timer sets at
the deadline, so a run in progress stops within one graph node (tens of ms) however loaded the
machine is, and the lines read so far come back with ``complete`` false.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from PIL import Image

from server.engines.shapes import EngineUnavailable
from server.engines.text.base import (
    TEXT_UNAVAILABLE,
    TextLine,
    TextResult,
    clamp_box,
    in_reading_order,
    to_rgb,
)

logger = logging.getLogger(__name__)

INSTALL_HINT = "Install the OCR extra: pip install 'rapidocr>=3,<4' onnxruntime"
DETECTOR_MODEL = "PP-OCRv6_det_small.onnx"
RECOGNISER_MODEL = "PP-OCRv6_rec_small.onnx"
CLASSIFIER_MODEL = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"


class BudgetSpent(Exception):
    """The call's deadline passed while onnxruntime was running (the run was stopped)."""


class _CallBudget:
    """The running call's deadline and the ``RunOptions`` its runs share (one per call)."""

    def __init__(self, deadline: float) -> None:
        import onnxruntime

        self.deadline = deadline
        self.options = onnxruntime.RunOptions()
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self.stop)
        self._timer.daemon = True

    def stop(self) -> None:
        self.options.terminate = True

    def spent(self) -> bool:
        return bool(self.options.terminate) or time.monotonic() >= self.deadline

    def __enter__(self) -> _CallBudget:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()


class _Calls(threading.local):
    budget: _CallBudget | None = None


_calls = _Calls()


class _StoppableSession:
    """An ``onnxruntime.InferenceSession`` whose runs use the calling thread's budget.

    rapidocr calls ``session.run(output_names, feed)``; this passes the call's ``RunOptions``
    along, and turns a run stopped by the timer into ``BudgetSpent``. Everything else is the
    wrapped session's.
    """

    def __init__(self, session: Any) -> None:
        self._session = session

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)

    def run(self, output_names: Any, input_feed: Any, run_options: Any = None) -> Any:
        budget = _calls.budget
        if budget is None:
            return self._session.run(output_names, input_feed, run_options)
        if budget.spent():
            raise BudgetSpent
        try:
            return self._session.run(output_names, input_feed, budget.options)
        except Exception:
            if budget.spent():
                raise BudgetSpent from None
            raise


def _stopped(error: BaseException) -> bool:
    """``error`` is, or wraps, a run stopped at the deadline (rapidocr re-raises its own)."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, BudgetSpent):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class LocalTextEngine:
    """Text detection and recognition with rapidocr; the models load on first use."""

    name = "local"

    def __init__(
        self,
        *,
        detection_side_limit: int = 960,
        min_confidence: float = 50.0,
        rotate_upside_down_text: bool = False,
        threads: int | None = None,
        max_boxes: int = 1000,
        time_budget: float | None = None,
    ) -> None:
        """``rotate_upside_down_text`` turns on rapidocr's 180° classifier (about 7% slower).

        ``min_confidence`` (0-100) drops lines the recogniser is unsure of. ``max_boxes`` bounds
        the text boxes recognised per call (recognition costs per box: a page of small print
        would otherwise take tens of seconds); a call that reaches it is not ``complete``.
        ``threads`` is onnxruntime's intra-op pool (None: one per core). With ``time_budget``
        (seconds of wall clock for a whole call that names no deadline) or a ``deadline`` given
        to ``detect_text``, lines are recognised top to bottom in small batches and the call stops at the deadline,
        even inside a model run; the result then says it is not ``complete``.
        """
        self._max_boxes = max_boxes
        self._time_budget = time_budget
        self._detection_side_limit = detection_side_limit
        self._min_confidence = min_confidence
        self._rotate_upside_down_text = rotate_upside_down_text
        self._threads = threads
        self._ocr: Any = None
        self._load_lock = threading.Lock()

    def load(self) -> None:
        """Load the models now (otherwise the first ``detect_text`` does it); idempotent."""
        self._engine()

    def detect_text(self, image: Image.Image, *, deadline: float | None = None) -> TextResult:
        """The lines of text in ``image`` (any mode), in reading order, read until ``deadline``
        (``time.monotonic()``; without one, until the end of the engine's ``time_budget``)."""
        ocr = self._engine()
        if deadline is None and self._time_budget is not None:
            deadline = time.monotonic() + self._time_budget
        if deadline is None:
            rgb = to_rgb(image)
            # Every step named: rapidocr keeps these flags between calls (the budgeted path
            # turns recognition off for its detection-only call).
            output = ocr(rgb, use_det=True, use_cls=self._rotate_upside_down_text, use_rec=True)
            complete = not self._capped(output.boxes)
            return self._result(rgb.size, output.boxes, output.txts, output.scores, complete)
        with _CallBudget(deadline) as budget:
            _calls.budget = budget
            try:
                rgb = to_rgb(image)
                boxes, texts, scores, complete = self._within_budget(ocr, rgb, budget)
            finally:
                _calls.budget = None
        return self._result(rgb.size, boxes, texts, scores, complete)

    def _capped(self, quads: Any) -> bool:
        """The detector stopped at ``max_boxes``: there may be text it did not box."""
        return quads is not None and len(quads) >= self._max_boxes

    def _result(
        self, size: tuple[int, int], boxes: Any, texts: Any, scores: Any, complete: bool
    ) -> TextResult:
        if boxes is None or texts is None or scores is None:
            return TextResult([], complete=complete)
        width, height = size
        lines: list[TextLine] = []
        for quad, text, score in zip(boxes, texts, scores, strict=True):
            confidence = round(float(score) * 100, 2)
            if not text.strip() or confidence < self._min_confidence:
                continue
            xs, ys = quad[:, 0], quad[:, 1]
            box = clamp_box(
                float(xs.min()) / width,
                float(ys.min()) / height,
                float(xs.max()) / width,
                float(ys.max()) / height,
            )
            lines.append(TextLine(text=text.strip(), confidence=confidence, box=box))
        return TextResult(in_reading_order(lines), complete=complete)

    def _within_budget(
        self, ocr: Any, rgb: Image.Image, budget: _CallBudget
    ) -> tuple[Any, Any, Any, bool]:
        """Detect every box, then recognise them top to bottom in rapidocr's batches until the
        budget is spent. The steps are rapidocr's own (``load_img``, the crop, the optional
        classifier, ``recognize_txt``), so a finished call reads the same text."""
        from rapidocr.utils.process_img import get_rotate_crop_image

        try:
            detected = ocr(rgb, use_det=True, use_cls=False, use_rec=False)
        except Exception as error:
            if not _stopped(error):
                raise
            logger.info("OCR budget spent during detection")
            return None, None, None, False
        quads = detected.boxes
        if quads is None or len(quads) == 0:
            return None, None, None, True
        capped = self._capped(quads)
        quads = sorted(quads, key=lambda quad: float(quad[:, 1].min()))
        source = ocr.load_img(rgb)
        batch_size = max(1, int(getattr(ocr.cfg.Rec, "rec_batch_num", 6)))
        boxes: list[Any] = []
        texts: list[str] = []
        scores: list[float] = []
        for start in range(0, len(quads), batch_size):
            if budget.spent():
                logger.info("OCR budget spent after %d of %d lines", len(boxes), len(quads))
                return boxes, texts, scores, False
            batch = quads[start : start + batch_size]
            crops = [get_rotate_crop_image(source, quad.astype("float32").copy()) for quad in batch]
            try:
                if self._rotate_upside_down_text:
                    crops, _ = ocr.cls_and_rotate(crops)
                recognised = ocr.recognize_txt(crops)
            except Exception as error:
                if not _stopped(error):
                    raise
                logger.info("OCR budget spent after %d of %d lines", len(boxes), len(quads))
                return boxes, texts, scores, False
            boxes.extend(batch)
            texts.extend(recognised.txts)
            scores.extend(recognised.scores)
        return boxes, texts, scores, not capped

    def _engine(self) -> Any:
        if self._ocr is None:
            with self._load_lock:
                if self._ocr is None:
                    self._ocr = self._create()
        return self._ocr

    def _create(self) -> Any:
        try:
            import rapidocr
            from rapidocr import RapidOCR
        except ImportError as error:
            raise EngineUnavailable(
                TEXT_UNAVAILABLE, f"rapidocr is not installed ({error}). {INSTALL_HINT}"
            ) from error
        models = Path(rapidocr.__file__).resolve().parent / "models"
        paths = {
            "Det": models / DETECTOR_MODEL,
            "Rec": models / RECOGNISER_MODEL,
            "Cls": models / CLASSIFIER_MODEL,
        }
        missing = [str(path) for path in paths.values() if not path.is_file()]
        if missing:
            raise EngineUnavailable(
                TEXT_UNAVAILABLE,
                f"rapidocr's bundled models are missing ({', '.join(missing)}); this rapidocr "
                f"wheel does not ship them. Reinstall: pip install --force-reinstall "
                f"'rapidocr>=3,<4' onnxruntime",
            )
        params: dict[str, Any] = {
            "Global.log_level": "error",
            "Global.use_cls": self._rotate_upside_down_text,
            "Det.limit_type": "max",
            "Det.limit_side_len": self._detection_side_limit,
            "Det.max_candidates": self._max_boxes,
        }
        for section, path in paths.items():
            # An explicit model_path makes rapidocr skip its download step entirely.
            params[f"{section}.model_path"] = str(path)
        if self._threads is not None:
            params["EngineConfig.onnxruntime.intra_op_num_threads"] = self._threads
        try:
            ocr = RapidOCR(params=params)
            # rapidocr loads each model on its first use; load them now, under our lock.
            loaders = ["_load_det_model", "_load_rec_model"]
            if self._rotate_upside_down_text:
                loaders.append("_load_cls_model")
            for loader in loaders:
                load_model = getattr(ocr, loader, None)
                if callable(load_model):
                    _make_stoppable(load_model())
        except ImportError as error:
            raise EngineUnavailable(
                TEXT_UNAVAILABLE, f"onnxruntime is not installed ({error}). {INSTALL_HINT}"
            ) from error
        logger.info("rapidocr loaded from %s", models)
        return ocr


def _make_stoppable(model: Any) -> None:
    """Route the onnxruntime runs of one of rapidocr's models through ``_StoppableSession``."""
    runner: Any = getattr(model, "session", None)  # rapidocr's OrtInferSession
    session: Any = getattr(runner, "session", None)  # onnxruntime's InferenceSession
    if session is None or isinstance(session, _StoppableSession) or not hasattr(session, "run"):
        logger.warning("OCR model %r has no onnxruntime session: budgets apply between runs", model)
        return
    runner.session = _StoppableSession(session)
