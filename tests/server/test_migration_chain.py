"""The migrations form one chain: branches written in parallel must be ordered before they land."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from server.migrate import alembic_config


def test_the_migrations_have_exactly_one_head_and_one_base() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    assert len(scripts.get_heads()) == 1, scripts.get_heads()
    assert len(scripts.get_bases()) == 1, scripts.get_bases()
    walked = [revision.revision for revision in scripts.walk_revisions()]
    assert len(walked) == len(set(walked))
