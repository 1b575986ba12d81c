"""The store's SQLite schema: its version, its migrations, and a connection set up to share.

The version is ``PRAGMA user_version``; each entry of :data:`MIGRATIONS` takes
the schema from its index to the next, in one transaction, so a store of any
older version opens as the current one.  Connections use the WAL journal and
wait for each other, so that two processes can write one store at once.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Final

from lottery.exceptions import UnreadableInput

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "connect"]

#: Each migration takes the schema from its index to the next version, in one transaction.
MIGRATIONS: Final[tuple[str, ...]] = (
    """
    CREATE TABLE responses (
        sha256 TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        status INTEGER NOT NULL,
        content_type TEXT NOT NULL DEFAULT '',
        body BLOB NOT NULL
    );
    CREATE TABLE draws (
        game TEXT NOT NULL,
        issue TEXT NOT NULL,
        date TEXT,
        numbers TEXT NOT NULL,
        edition TEXT NOT NULL,
        special_period INTEGER,
        pool INTEGER,
        sales INTEGER,
        facts TEXT NOT NULL,
        source_url TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        response TEXT REFERENCES responses(sha256),
        PRIMARY KEY (game, issue)
    );
    CREATE TABLE prizes (
        game TEXT NOT NULL,
        issue TEXT NOT NULL,
        tier TEXT NOT NULL,
        winners INTEGER,
        amount TEXT,  -- yuan per bet, exact decimal text
        PRIMARY KEY (game, issue, tier),
        FOREIGN KEY (game, issue) REFERENCES draws(game, issue) ON DELETE CASCADE
    );
    CREATE TABLE syncs (
        game TEXT PRIMARY KEY,
        complete INTEGER NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT
    );
    CREATE TABLE log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        game TEXT NOT NULL,
        issue TEXT NOT NULL,
        action TEXT NOT NULL,
        old TEXT,
        new TEXT,
        source_url TEXT
    );
    """,
)
#: The schema version this library writes.
SCHEMA_VERSION: Final = len(MIGRATIONS)


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the store at ``path``, made and migrated as needed.

    A file that is not SQLite, or of a newer schema, is an ``UnreadableInput``.
    """
    db = sqlite3.connect(path, timeout=30.0, isolation_level=None, check_same_thread=False)
    try:
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA busy_timeout = 30000")
        _wal(db)
        db.execute("PRAGMA foreign_keys = ON")
        _migrate(db, path)
    except sqlite3.DatabaseError as error:
        db.close()
        why = "not an SQLite file" if "not a database" in str(error) else str(error)
        msg = f"{path} is not a usable lottery store ({why})"
        raise UnreadableInput(msg, token=str(path)) from error
    except BaseException:
        db.close()
        raise
    return db


def _wal(db: sqlite3.Connection, patience: float = 30.0) -> None:
    """Switch to the WAL journal; two processes opening a new store at once wait for each other.

    The switch takes an exclusive lock that SQLite's busy timeout does not wait for.
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
        else:
            return


def _version(db: sqlite3.Connection) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def _newer(db: sqlite3.Connection, path: Path) -> int:
    """The store's version; ``UnreadableInput`` when it is newer than this library's."""
    version = _version(db)
    if version > SCHEMA_VERSION:
        msg = (
            f"{path}: the store has schema version {version}; this lottery knows up to"
            f" {SCHEMA_VERSION} (upgrade lottery to read it)"
        )
        raise UnreadableInput(msg, token=str(path))
    return version


def _migrate(db: sqlite3.Connection, path: Path) -> None:
    """Bring the schema to :data:`SCHEMA_VERSION`; a current store is only read."""
    if _newer(db, path) == SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        version = _newer(db, path)  # again, inside the lock: another process may have migrated
        for script in MIGRATIONS[version:]:
            for statement in script.split(";"):
                if statement.strip():
                    db.execute(statement)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
