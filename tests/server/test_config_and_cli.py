"""Settings from the seed's variables, and the operator commands (migrate, sweep)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from server.config import Settings

REPO = Path(__file__).resolve().parents[2]


def test_seed_mysql_variables_build_the_url(monkeypatch, tmp_path):
    for name, value in {
        "HOST": "db.internal",
        "PORT": "3307",
        "DATABASE": "album",
        "USERDATAB": "app",
        "PASSWORD": "p@ss:w/rd",
    }.items():
        monkeypatch.setenv(name, value)
    url = Settings(data_dir=tmp_path).resolved_database_url()
    assert url == "mysql+mysqldb://app:p%40ss%3Aw%2Frd@db.internal:3307/album?charset=utf8mb4"


def test_explicit_url_wins_and_sqlite_is_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv("HOST", "db.internal")
    monkeypatch.setenv("DATABASE", "album")
    assert (
        Settings(data_dir=tmp_path, database_url="sqlite:///x.db").resolved_database_url()
        == "sqlite:///x.db"
    )
    monkeypatch.delenv("HOST")
    assert Settings(data_dir=tmp_path).resolved_database_url().endswith("/facealbum.sqlite3")


def test_seed_s3_variables(monkeypatch, tmp_path):
    monkeypatch.setenv("BUCKET", "photos-bucket")
    monkeypatch.setenv("REGION", "eu-west-1")
    settings = Settings(data_dir=tmp_path)
    assert (settings.s3_bucket, settings.aws_region) == ("photos-bucket", "eu-west-1")


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_migrate_and_sweep_commands(tmp_path):
    data = tmp_path / "data"
    migrated = run_cli("migrate", "--data-dir", str(data))
    assert migrated.returncode == 0, migrated.stderr
    assert (data / "facealbum.sqlite3").exists()
    orphan = data / "objects" / "users" / "7" / "albums" / "1" / "abc"
    orphan.mkdir(parents=True)
    (orphan / "original.jpg").write_bytes(b"left behind by a crash")
    dry = run_cli("sweep", "--data-dir", str(data), "--grace-seconds", "0", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert (report["orphans"], report["removed"]) == (1, 0)
    assert (orphan / "original.jpg").exists()
    young = run_cli("sweep", "--data-dir", str(data))  # default grace: an hour
    assert json.loads(young.stdout)["orphans"] == 0
    swept = run_cli("sweep", "--data-dir", str(data), "--grace-seconds", "0")
    assert json.loads(swept.stdout)["removed"] == 1
    assert not (orphan / "original.jpg").exists()
