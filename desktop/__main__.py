"""``python -m desktop [--server URL] [--camera SOURCE] [--lang es|en] [--data-dir DIR]``."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from desktop.app import LaunchOptions, run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m desktop", description="FaceAlbum desktop client"
    )
    parser.add_argument(
        "--server", help="a remote server URL (default: start the bundled local server)"
    )
    parser.add_argument(
        "--camera", help="camera device index, or a video/image file (e.g. clip.mp4#84-210)"
    )
    parser.add_argument(
        "--lang", choices=("es", "en"), help="interface language (default: the system's)"
    )
    parser.add_argument(
        "--data-dir", type=Path, help="keep settings, cache and local server data here"
    )
    parser.add_argument("--verbose", action="store_true", help="log debugging details")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    return run(
        LaunchOptions(
            server=args.server, camera=args.camera, language=args.lang, data_dir=args.data_dir
        )
    )


if __name__ == "__main__":
    sys.exit(main())
