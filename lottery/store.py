"""A verified local history: draws in one SQLite file, with where each came from.

``lottery sync`` keeps what it fetched and validated here; ``lottery check
--history``, ``lottery validate`` and ``lottery export`` read it back.  Per
draw the store keeps the result, the announced prizes (tier, winners, amount),
pool and sales, the rule edition, and its provenance: the URL, the fetch time
and the SHA-256 of the raw response, whose bytes are kept in their own table.

A stored draw is never overwritten by a different one: :meth:`Store.save`
reports it as a conflict unless told to accept the source, and then logs the
replacement.  Writes are transactions on a WAL journal, so two syncs at once,
or one killed half-way, leave a consistent file.  The schema has a version
(``PRAGMA user_version``) and its migrations are listed in :data:`MIGRATIONS`.
See ``docs/store.md``.

>>> import lottery.store, tempfile, os
>>> folder = tempfile.mkdtemp()
>>> with lottery.store.open(os.path.join(folder, "draws.sqlite")) as store:
...     store.draws("ssq")
()
"""

from __future__ import annotations

import builtins
import datetime
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any, Final, Literal, Self

import attrs

from lottery import _io
from lottery._money import json_default
from lottery._schema import MIGRATIONS, SCHEMA_VERSION, connect
from lottery.exceptions import LotteryError, UnreadableInput
from lottery.model import Draw, format_numbers
from lottery.records import Record
from lottery.registry import get_game
from lottery.rules import Game

__all__ = [
    "MAGIC",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "Change",
    "Response",
    "Saved",
    "Store",
    "default_path",
    "facts",
    "is_store",
    "open",
]

#: The first bytes of every SQLite 3 database file.
MAGIC: Final = b"SQLite format 3\x00"


def default_path() -> Path:
    """``$XDG_DATA_HOME/lottery/draws.sqlite``, or the platform's user data folder."""
    return _io.default_store_path()


def is_store(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is an SQLite file (read from its first bytes, never from its name)."""
    try:
        with builtins.open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def facts(record: Record) -> dict[str, Any]:
    """What a record says about its draw, the part two fetches must agree on.

    Provenance (where and when it was fetched) is not part of it.
    """
    draw = record.draw
    if draw is None:
        msg = f"{record.source}, {record.where}: a rejected record has no facts to store"
        raise ValueError(msg)
    return {
        "numbers": list(draw.numbers),
        "date": draw.date.isoformat() if draw.date else None,
        "prizes": dict(draw.prizes),
        "promotions": dict(draw.promotions),
        "pool_before": draw.pool_before,
        "special_period": draw.special_period,
        "winners": dict(record.winners),
        "pool": record.pool,
        "sales": record.sales,
        "extras": {name: list(numbers) for name, numbers in record.extras},
        "notes": list(record.notes),
    }


def _dumps(value: object) -> str:
    return json.dumps(
        value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=json_default
    )


def _loads(text: str) -> dict[str, Any]:
    """Stored facts, their fractional amounts as exact Decimals."""
    data: dict[str, Any] = json.loads(text, parse_float=Decimal)
    return data


@attrs.frozen
class Response:
    """One raw response as fetched: kept byte for byte, named by its SHA-256."""

    url: str
    body: bytes
    status: int = 200
    content_type: str = ""
    fetched_at: str = attrs.field(
        factory=lambda: datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
    )

    @property
    def sha256(self) -> str:
        """The hex SHA-256 of the body."""
        return hashlib.sha256(self.body).hexdigest()


@attrs.frozen
class Change:
    """A fetched draw that differs from the stored one: both versions, as facts."""

    game: str
    issue: str
    stored: dict[str, Any]
    fetched: dict[str, Any]
    stored_url: str
    fetched_url: str
    replaced: bool = False

    def differences(self) -> tuple[str, ...]:
        """The names of the facts that differ."""
        keys = sorted(set(self.stored) | set(self.fetched))
        return tuple(k for k in keys if self.stored.get(k) != self.fetched.get(k))

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready."""
        return {
            "game": self.game,
            "issue": self.issue,
            "differs": list(self.differences()),
            "stored": self.stored,
            "fetched": self.fetched,
            "stored_source": self.stored_url,
            "fetched_source": self.fetched_url,
            "replaced": self.replaced,
        }


@attrs.frozen
class Saved:
    """What one :meth:`Store.save` did: issues new and unchanged, and the conflicts."""

    new: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    conflicts: tuple[Change, ...] = ()


class Store:
    """An open store (see the module's docs).  Use :func:`open`; close it, or use ``with``."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._db = connection

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (the file stays consistent whenever this is skipped)."""
        self._db.close()

    # --- reading --------------------------------------------------------------

    def games(self) -> tuple[str, ...]:
        """The codes of the games with stored draws."""
        rows = self._db.execute("SELECT DISTINCT game FROM draws ORDER BY game")
        return tuple(row[0] for row in rows)

    def count(self, game: Game | str | None = None) -> int:
        """How many draws are stored (of one game, or of all)."""
        if game is None:
            row = self._db.execute("SELECT count(*) FROM draws").fetchone()
        else:
            code = _code(game)
            row = self._db.execute("SELECT count(*) FROM draws WHERE game = ?", (code,)).fetchone()
        return int(row[0])

    def draws(self, game: Game | str, *, since: str | None = None) -> tuple[Draw, ...]:
        """The stored draws of ``game`` from issue ``since`` on, oldest first, with their prizes."""
        return tuple(record.draw for record in self.records(game, since=since) if record.draw)

    def get(self, game: Game | str, issue: str) -> Draw | None:
        """The stored draw of ``game``'s issue ``issue``, if there is one."""
        g = get_game(game) if isinstance(game, str) else game
        row = self._row(g, g.parse_issue(issue))
        return None if row is None else self._record(g, row).draw

    def newest(self, game: Game | str) -> Draw | None:
        """The stored draw of ``game`` with the highest issue."""
        g = get_game(game) if isinstance(game, str) else game
        rows = (
            self._db.execute(  # official issues have one width per game: text order is issue order
                "SELECT * FROM draws WHERE game = ? ORDER BY issue DESC", (g.code,)
            )
        )
        for row in rows:
            draw = self._record(g, row).draw
            if draw is not None:
                return draw
        return None

    def facts(self, game: Game | str, issue: str) -> tuple[dict[str, Any], str] | None:
        """The stored facts of one draw and the URL they came from."""
        g = get_game(game) if isinstance(game, str) else game
        row = self._row(g, g.parse_issue(issue))
        return None if row is None else (_loads(row["facts"]), row["source_url"])

    def records(
        self, game: Game | str | None = None, *, since: str | None = None
    ) -> Iterator[Record]:
        """The stored draws as input records (what ``lottery validate STORE`` reads)."""
        codes = self.games() if game is None else (_code(game),)
        for code in codes:
            g = get_game(code)
            low = "" if since is None else g.parse_issue(since)
            rows = self._db.execute(  # streamed; text order is issue order (one width per game)
                "SELECT * FROM draws WHERE game = ? AND issue >= ? ORDER BY issue", (code, low)
            )
            for row in rows:
                yield self._record(g, row)

    def _row(self, game: Game, issue: str) -> sqlite3.Row | None:
        found: sqlite3.Row | None = self._db.execute(
            "SELECT * FROM draws WHERE game = ? AND issue = ?", (game.code, issue)
        ).fetchone()
        return found

    def _record(self, game: Game, row: sqlite3.Row) -> Record:
        told = _loads(row["facts"])
        where = f"{game.code} {row['issue']}"
        source = str(self.path)
        text = f"{row['issue']} {row['numbers']}"
        try:
            draw = Draw(
                game,
                row["issue"],
                told["numbers"],
                datetime.date.fromisoformat(told["date"]) if told.get("date") else None,
                prizes=tuple(told.get("prizes", {}).items()),
                special_period=told.get("special_period"),
                pool_before=told.get("pool_before"),
                promotions=tuple(told.get("promotions", {}).items()),
            )
        except (LotteryError, TypeError, ValueError) as error:  # a file edited by hand
            return Record(source, where, text, game, error=str(error), kind="invalid")
        return Record(
            source,
            where,
            str(draw),
            game,
            draw=draw,
            issue=draw.issue,
            pool=told.get("pool"),
            sales=told.get("sales"),
            winners=tuple(told.get("winners", {}).items()),
            extras=tuple((k, tuple(v)) for k, v in told.get("extras", {}).items()),
            notes=tuple(told.get("notes", ())),
        )

    def responses(self) -> int:
        """How many raw responses are kept."""
        return int(self._db.execute("SELECT count(*) FROM responses").fetchone()[0])

    def response(self, sha256: str) -> Response | None:
        """A kept raw response by its SHA-256."""
        row = self._db.execute("SELECT * FROM responses WHERE sha256 = ?", (sha256,)).fetchone()
        if row is None:
            return None
        return Response(
            row["url"], bytes(row["body"]), row["status"], row["content_type"], row["fetched_at"]
        )

    def provenance(self, game: Game | str, issue: str) -> dict[str, Any] | None:
        """Where a stored draw came from: ``source``, ``fetched_at``, ``sha256``."""
        g = get_game(game) if isinstance(game, str) else game
        row = self._row(g, g.parse_issue(issue))
        if row is None:
            return None
        return {
            "source": row["source_url"],
            "fetched_at": row["fetched_at"],
            "sha256": row["response"],
        }

    def log(self) -> tuple[dict[str, Any], ...]:
        """Every deliberate replacement (``--accept-source``), oldest first."""
        rows = self._db.execute("SELECT * FROM log ORDER BY id").fetchall()
        return tuple(dict(row) for row in rows)

    def check(self) -> tuple[str, ...]:
        """SQLite's integrity check and the store's own: empty when the file is sound."""
        problems = [row[0] for row in self._db.execute("PRAGMA integrity_check") if row[0] != "ok"]
        problems += [
            f"foreign key: {tuple(row)}" for row in self._db.execute("PRAGMA foreign_key_check")
        ]
        orphans = self._db.execute(
            "SELECT game, issue FROM draws WHERE response IS NOT NULL"
            " AND response NOT IN (SELECT sha256 FROM responses)"
        ).fetchall()
        problems += [f"{g} {i}: its raw response is missing" for g, i in orphans]
        return tuple(problems)

    # --- writing --------------------------------------------------------------

    def save(
        self,
        records: Sequence[Record],
        response: Response | None = None,
        *,
        accept_source: bool = False,
    ) -> Saved:
        """Keep the draws of ``records`` (already validated) in one transaction.

        A draw equal to the stored one changes nothing; a different one is a
        conflict, kept as stored unless ``accept_source``, which replaces it and
        logs the replacement.  The raw ``response`` is kept with the draws.
        """
        new: list[str] = []
        same: list[str] = []
        conflicts: list[Change] = []
        url = response.url if response is not None else str(self.path)
        at = response.fetched_at if response is not None else _now()
        with self._transaction():
            if response is not None:
                self._db.execute(
                    "INSERT OR IGNORE INTO responses VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        response.sha256,
                        response.url,
                        response.fetched_at,
                        response.status,
                        response.content_type,
                        response.body,
                    ),
                )
            sha = response.sha256 if response is not None else None
            for record in records:
                draw = record.draw
                if draw is None:
                    continue
                told = facts(record)
                row = self._row(draw.game, draw.issue)
                if row is None:
                    self._insert(record, told, url, at, sha)
                    new.append(draw.issue)
                    continue
                stored = _loads(row["facts"])
                if _dumps(stored) == _dumps(told):
                    same.append(draw.issue)
                    continue
                change = Change(
                    draw.game.code, draw.issue, stored, told, row["source_url"], url, accept_source
                )
                conflicts.append(change)
                if accept_source:
                    self._db.execute(
                        "INSERT INTO log (at, game, issue, action, old, new, source_url)"
                        " VALUES (?, ?, ?, 'replaced', ?, ?, ?)",
                        (_now(), draw.game.code, draw.issue, row["facts"], _dumps(told), url),
                    )
                    self._db.execute(
                        "DELETE FROM draws WHERE game = ? AND issue = ?",
                        (draw.game.code, draw.issue),
                    )
                    self._insert(record, told, url, at, sha)
        return Saved(tuple(new), tuple(same), tuple(conflicts))

    def _insert(
        self, record: Record, told: dict[str, Any], url: str, at: str, sha: str | None
    ) -> None:
        draw = record.draw
        assert draw is not None  # noqa: S101 - the caller skipped rejected records
        code = draw.game.code
        self._db.execute(
            "INSERT INTO draws VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                code,
                draw.issue,
                told["date"],
                format_numbers(draw.edition, draw.numbers),
                draw.edition.name,
                None if draw.special_period is None else int(draw.special_period),
                record.pool,
                record.sales,
                _dumps(told),
                url,
                at,
                sha,
            ),
        )
        amounts = dict(draw.prizes)
        winners = dict(record.winners)
        self._db.execute("DELETE FROM prizes WHERE game = ? AND issue = ?", (code, draw.issue))
        for tier in [t for t in draw.edition.order if t in amounts or t in winners]:
            self._db.execute(
                "INSERT INTO prizes VALUES (?, ?, ?, ?, ?)",
                (code, draw.issue, tier, winners.get(tier), _amount_text(amounts.get(tier))),
            )

    def complete(self, game: Game | str) -> bool:
        """Whether the last sync of ``game`` walked its window to the end (not killed, not failed).

        Only then may the next sync stop at the first draw it already has.
        """
        row = self._db.execute(
            "SELECT complete FROM syncs WHERE game = ?", (_code(game),)
        ).fetchone()
        return bool(row is not None and row[0])

    def mark(self, game: Game | str, *, complete: bool) -> None:
        """Record that a sync of ``game`` started (``complete=False``) or walked to its end."""
        code, now = _code(game), _now()
        with self._transaction():
            if complete:
                self._db.execute(
                    "UPDATE syncs SET complete = 1, finished_at = ? WHERE game = ?", (now, code)
                )
            else:
                self._db.execute(
                    "INSERT INTO syncs VALUES (?, 0, ?, NULL) ON CONFLICT (game)"
                    " DO UPDATE SET complete = 0, started_at = excluded.started_at",
                    (code, now),
                )

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)


class _Transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error: all of a save or none."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> Literal[False]:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
        return False


def _amount_text(amount: Decimal | None) -> str | None:
    return None if amount is None else str(amount)


def _now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def _code(game: Game | str) -> str:
    return (get_game(game) if isinstance(game, str) else game).code


def open(  # noqa: A001 - lottery.store.open(path), as the API names it
    path: str | os.PathLike[str] | None = None, *, create: bool = True
) -> Store:
    """Open the store at ``path`` (default :func:`default_path`), made and migrated as needed.

    With ``create=False`` a missing file is an error (``FileNotFoundError``);
    a file that is not SQLite, or of a newer schema, is an ``UnreadableInput``.
    """
    where = Path(path) if path is not None else default_path()
    if where.is_dir():
        msg = f"{where} is a folder, not a lottery store"
        raise UnreadableInput(msg, token=str(where))
    if not where.exists() and not create:
        raise FileNotFoundError(2, "no store here", str(where))
    where.parent.mkdir(parents=True, exist_ok=True)
    return Store(where, connect(where))
