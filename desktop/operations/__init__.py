"""User actions, one function each (after Anki's ``aqt/operations``).

A view says what the person asked for in one line, e.g.
``albums.rename_album(parent=self, ctx=self.ctx, album=album, name=name)``; the function runs the
HTTP call off the UI thread (:class:`~desktop.ops.QueryOp`) and, once it succeeded, announces the
change on ``ctx.events`` so every screen showing that data refreshes itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from desktop.ops import QueryOp

T = TypeVar("T")

Success = Callable[[Any], None] | None
Failure = Callable[[Exception], None] | None


def run(op: QueryOp[T], failure: Failure = None, progress: str | None = None) -> QueryOp[T]:
    """Start ``op`` with an optional failure handler and progress label."""
    if failure is not None:
        op.failure(failure)
    if progress is not None:
        op.with_progress(progress)
    return op.run_in_background()


def then(*steps: Callable[[Any], None] | None) -> Callable[[Any], None]:
    """One success handler calling each step that is not None, in order."""

    def call(result: Any) -> None:
        for step in steps:
            if step is not None:
                step(result)

    return call
