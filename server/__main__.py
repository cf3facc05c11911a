"""Command line: serve (default), migrate, sweep, faces.

python -m server --host 127.0.0.1 --port 8000 --data-dir DIR [--database-url URL]
python -m server migrate [--data-dir DIR] [--database-url URL]
python -m server sweep [--dry-run] [--grace-seconds N]
python -m server reindex [--read-text]
python -m server faces compare IMG1 IMG2 | --pairs FILE.csv
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from server.config import Settings


def _settings(args: argparse.Namespace) -> Settings:
    overrides: dict[str, object] = {}
    if args.data_dir is not None:
        overrides["data_dir"] = Path(args.data_dir)
    if args.database_url is not None:
        overrides["database_url"] = args.database_url
    return Settings(**overrides)  # type: ignore[arg-type]


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir", default=None, help="folder for the SQLite file and local photo store"
    )
    parser.add_argument(
        "--database-url", default=None, help="SQLAlchemy URL, e.g. mysql+mysqldb://…"
    )


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from server.app import create_app

    settings = _settings(args)
    app = create_app(settings)
    logging.getLogger(__name__).info("FaceAlbum serving on http://%s:%d", args.host, args.port)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        proxy_headers=False,  # client addresses come from Settings.trusted_proxies instead
        timeout_keep_alive=30,
    )
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from server.db import ensure_private_dir, make_engine
    from server.migrate import upgrade

    settings = _settings(args)
    ensure_private_dir(settings.data_dir)
    upgrade(make_engine(settings.resolved_database_url()))
    print(json.dumps({"migrated": True}))  # noqa: T201
    return 0


def _sweep(args: argparse.Namespace) -> int:
    from server.app import build_context
    from server.sweep import sweep_orphans

    context = build_context(_settings(args))
    report = sweep_orphans(context, grace_seconds=args.grace_seconds, dry_run=args.dry_run)
    print(json.dumps(report))  # noqa: T201
    return 0


def _reindex(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from server.app import build_context
    from server.jobs import repository as jobs
    from server.photos.models import Photo
    from server.search.index import rebuild

    context = build_context(_settings(args))
    with context.session_factory() as db:
        indexed = rebuild(db)
        queued = 0
        if args.read_text:  # photos whose words were never read: the worker reads them
            for photo_id in db.scalars(select(Photo.id).where(Photo.ocr_text.is_(None))):
                jobs.enqueue(db, kind=jobs.INDEX_PHOTO, photo_id=photo_id)
                queued += 1
            db.commit()
    print(json.dumps({"indexed": indexed, "text_jobs_queued": queued}))  # noqa: T201
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(
        level=os.environ.get("FACEALBUM_LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if argv and argv[0] == "faces":
        from server.faces.cli import main as faces_main

        return faces_main(argv[1:])

    parser = argparse.ArgumentParser(prog="python -m server", description="FaceAlbum HTTP service")
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="run the HTTP service (the default)")
    for target in (parser, serve):
        _common(target)
        target.add_argument("--host", default=os.environ.get("FACEALBUM_HOST", "127.0.0.1"))
        target.add_argument(
            "--port", type=int, default=int(os.environ.get("FACEALBUM_PORT", "8000"))
        )
        target.add_argument("--log-level", default="info")
    _common(sub.add_parser("migrate", help="upgrade the database schema"))
    sweep = sub.add_parser("sweep", help="remove stored objects that no row points to")
    _common(sweep)
    sweep.add_argument("--dry-run", action="store_true", help="list what would be removed")
    sweep.add_argument(
        "--grace-seconds", type=int, default=3600, help="leave objects younger than this"
    )
    reindex = sub.add_parser("reindex", help="rebuild the search index from the photos")
    _common(reindex)
    reindex.add_argument(
        "--read-text", action="store_true", help="also queue text reading for photos never read"
    )
    sub.add_parser("faces", help="face engine tools: faces compare IMG1 IMG2 | --pairs FILE.csv")

    args = parser.parse_args(argv)
    if args.command == "migrate":
        return _migrate(args)
    if args.command == "sweep":
        return _sweep(args)
    if args.command == "reindex":
        return _reindex(args)
    return _serve(args)


if __name__ == "__main__":
    sys.exit(main())
