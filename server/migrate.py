"""Schema migrations (Alembic), run on start and by `python -m server migrate`."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database at `engine` up to `revision` (the chain has one head; a test keeps it so).

    On MySQL several instances may start together: a named lock makes them migrate one at a
    time (the later ones find nothing left to do)."""
    config = alembic_config()
    with engine.begin() as connection:
        locked = connection.dialect.name in ("mysql", "mariadb")
        if locked:
            got = connection.execute(text("SELECT GET_LOCK('facealbum_migrate', 120)")).scalar()
            if got != 1:
                raise RuntimeError("another instance has held the migration lock for 2 minutes")
        try:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
        finally:
            if locked:
                connection.execute(text("SELECT RELEASE_LOCK('facealbum_migrate')"))
