"""Entry script of the one-folder bundle (PyInstaller's script; also ``python -m desktop.bundle``).

``FaceAlbum`` with no special first argument opens the desktop app (``desktop.__main__``);
``FaceAlbum --run-server ARGS…`` runs ``python -m server ARGS…`` (how the app starts its local
backend once frozen); ``FaceAlbum --self-test [--report FILE]`` runs :mod:`desktop.selftest`.
With ``FACEALBUM_EXIT_AFTER_SHOWN=1`` the app quits once its first window is shown and prints
``{"window_shown_ms": …}`` (see :mod:`desktop.startup_probe`). The helpers live in
:mod:`desktop.core.frozen`; this file only routes.
"""

from __future__ import annotations

import multiprocessing
import os
import sys

from desktop.core.frozen import RUN_SERVER_FLAG, configure_bundled_apertium, is_frozen

SELF_TEST_FLAG = "--self-test"
EXIT_AFTER_SHOWN_VARIABLE = "FACEALBUM_EXIT_AFTER_SHOWN"


def main(argv: list[str] | None = None) -> int:
    """Route to the server, the self-test or the desktop app (see the module docstring)."""
    # The server's label workers are spawned processes: frozen, they start as this executable with
    # multiprocessing's own arguments, which freeze_support() recognises and runs (no-op otherwise).
    multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if is_frozen():
        configure_bundled_apertium()
    if args and args[0] == RUN_SERVER_FLAG:
        from server.__main__ import main as server_main

        return server_main(args[1:])
    if args and args[0] == SELF_TEST_FLAG:
        from desktop.selftest import main as self_test_main

        return self_test_main(args[1:])
    if os.environ.get(EXIT_AFTER_SHOWN_VARIABLE) == "1":
        from desktop.startup_probe import quit_once_window_shown

        quit_once_window_shown()
    from desktop.__main__ import main as desktop_main

    return desktop_main(args)


if __name__ == "__main__":
    sys.exit(main())
