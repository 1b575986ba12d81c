"""Plain rows of a history with a header, read a chunk at a time: the table lane.

A real history is thousands of rows of the same shape: ASCII digits, commas,
ISO dates.  Read one row at a time, each cell goes through the general
reader (:func:`lottery.reading.make_record`) that can explain any fault.  This
lane reads a chunk of such rows column by column instead: each column's
cells are proven plain and converted together (a number column through its
zone's own tokens, a date column through ``date.fromisoformat``, counts and
amounts through ``int``), then each row's draw and record are built from the
typed values with the same constructors.  A row it cannot vouch for (a cell
that is not plain, an issue or draw the rules refuse, a tier the edition does
not have) is left to the general reader, which gives the record it always
gave: every record is the one the general reader makes (a property test
compares them on random and damaged histories).
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import itertools
import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, Final, Protocol, overload

from lottery import _text
from lottery._drawrules import columns_in_order
from lottery.exceptions import LotteryError
from lottery.model import Draw
from lottery.reading import numbers_of_text
from lottery.records import Record
from lottery.rules import Edition, Game

__all__ = ["CHUNK", "ENABLED", "Layout", "TableLane"]

#: Rows read together: large enough to amortise the per-column work, small enough to stream.
CHUNK = 1024
#: Whether the lane is used (the tests compare it with the general reader by switching it off).
ENABLED = True

#: A cell of a whole number.
_CELL: Final = re.compile(r"[0-9]{1,15}")
#: A column of ISO dates, some possibly empty.
_DATES: Final = re.compile(r"(?:[0-9]{4}-[0-9]{2}-[0-9]{2})?(?:,(?:[0-9]{4}-[0-9]{2}-[0-9]{2})?)*")


class Layout(Protocol):
    """What the lane needs of a header (``lottery.tables`` reads it)."""

    width: int
    issue: int | None
    date: int | None
    numbers: int | None
    first: list[int]
    next: list[int]
    digits: list[int]
    game: int | None
    prizes: int | None
    winners: int | None
    special: int | None
    order: list[int]
    tiers: tuple[tuple[str, int, int | None], ...]
    names: tuple[str, ...]
    sales: int | None
    pool: int | None
    pool_before: int | None
    whole: tuple[int, ...]


#: The longest row a message shows whole (``_text.shorten``'s length).
_SHOWN: Final = 100


def _shown(line: str, sep: str) -> str:
    """A plain row as the general reader shows it: its cells, stripped, joined by commas."""
    return _text.shorten(",".join([cell.strip() for cell in line.split(sep)]))


class TableLane:
    """The plain rows of one header and game; ``read`` gives a record or ``None`` per row."""

    def __init__(self, layout: Layout, sep: str, game: Game) -> None:
        self.layout = layout
        self.sep = sep
        self.game = game
        self.columns = (*layout.first, *layout.next) if layout.first else tuple(layout.digits)
        self._numbers: dict[Edition, Sequence[dict[str, int]] | None] = {}
        self._tiers: dict[Edition, bool | None] = {}

    @staticmethod
    def takes(layout: Layout, sep: str | None, game: Game | None) -> bool:
        """Whether rows of this header can go through the lane at all."""
        return (
            ENABLED
            and game is not None
            and sep in (",", ";", "|", "\t")
            and layout.issue is not None
            and layout.game is None
            and layout.prizes is None
            and layout.winners is None
            and layout.special is None
            and (layout.numbers is not None or bool(layout.first) or bool(layout.digits))
        )

    def _tokens(self, edition: Edition) -> Sequence[dict[str, int]] | None:
        """Per number column, the tokens of its zone: ``None`` where the text reader is needed."""
        if edition in self._numbers:
            return self._numbers[edition]
        layout, zones = self.layout, edition.zones
        tokens: Sequence[dict[str, int]] | None = None
        if layout.numbers is None and len(self.columns) == edition.size:
            split = not layout.first or not layout.next or len(zones) == 1
            if split and layout.next and len(zones) == 1:
                split = False  # a '+' the one zone does not have: the grammar says so
            elif layout.first and layout.next:
                split = len(layout.first) == zones[0].size and len(zones) == 2
            if split:
                tokens = [zone.tokens for zone in zones for _ in range(zone.size)]
        self._numbers[edition] = tokens
        return tokens

    def _settled(self, edition: Edition) -> bool | None:
        """Whether rows' prizes are settled as read (else the draw checks them).

        ``None`` if the header has a tier the edition does not (the general reader
        keeps it apart); ``True`` if its tiers are in the edition's order and the
        period's is not among them; ``False`` otherwise.
        """
        if edition in self._tiers:
            return self._tiers[edition]
        names = self.layout.names
        places = [edition.order.get(name, -1) for name in names]
        settled = (
            None
            if -1 in places
            else places == sorted(set(places)) and edition.period_tier not in names
        )
        self._tiers[edition] = settled
        return settled

    def read(self, lines: Sequence[tuple[int, str]], source: str) -> list[Record | None]:
        """One record per line, or ``None`` for the lines the general reader must take."""
        out: list[Record | None] = [None] * len(lines)
        layout, sep, width = self.layout, self.sep, self.layout.width
        rows = _plain_rows([line for _, line in lines], sep, width)
        if not rows:
            return out
        joined = sep.join([lines[i][1] for i in rows])
        flat = joined.split(sep)
        spaced = " " in joined
        if spaced:  # cells padded, or numbers written with spaces (``01 02 … + 07``)
            flat = [cell.strip() for cell in flat]
        bad: set[int] = set()  # rows with a cell the general reader must read
        ints = {j: _whole(flat[j::width], bad) for j in layout.whole}
        zeros = [0] * len(rows)
        orders: Sequence[tuple[int, ...] | None] = (
            list(zip(*[ints[j] for j in layout.order], strict=True))
            if layout.order
            else [None] * len(rows)
        )
        nothing: list[tuple[()]] = [()] * len(rows)
        winners, prizes = _announced(layout, ints, zeros) if layout.names else (nothing, nothing)
        sales, pool, before = (
            zeros if j is None else ints[j] for j in (layout.sales, layout.pool, layout.pool_before)
        )
        dates = (
            [None] * len(rows) if layout.date is None else _dates(flat[layout.date :: width], bad)
        )
        issues = flat[layout.issue :: width]
        game = self.game
        officials = [_official(game, issue) for issue in issues]
        editions = [game.edition(o) if o is not None else None for o in officials]
        drawn, proven = self._drawn(flat, editions)
        settled_of = {
            e: self._settled(e) if layout.names else True for e in set(editions) if e is not None
        }
        befores: Sequence[int | None] = [None] * len(rows) if layout.pool_before is None else before
        shown = sep == "," and not spaced  # a plain comma-separated row: shown as it is, cut
        read = Draw._read  # noqa: SLF001 - a reader of draws
        for k, i in enumerate(rows):
            edition, numbers = editions[k], drawn[k]
            if edition is None or numbers is None or k in bad:
                continue  # the general reader says why
            settled = settled_of[edition]
            if settled is None:
                continue
            try:  # every argument by position: thousands of calls
                draw = read(
                    game,
                    officials[k],  # type: ignore[arg-type]
                    edition,
                    numbers,
                    dates[k],
                    prizes[k],
                    None,
                    befores[k],
                    (),
                    settled,
                    proven,
                )
            except LotteryError:
                continue  # the general reader says why
            number, line = lines[i]
            out[i] = Record(
                source,
                f"line {number}",
                (line if len(line) <= _SHOWN else line[: _SHOWN - 1] + "…")
                if shown  # a plain comma-separated row, shown as it is (cut as _text.shorten cuts)
                else functools.partial(_shown, line, sep),
                game,
                draw,
                None,
                None,
                issues[k],
                numbers,
                orders[k],
                None,
                pool[k] or None,
                sales[k] or None,
                winners[k],
            )
        return out

    def _drawn(
        self, flat: list[str], editions: list[Edition | None]
    ) -> tuple[list[tuple[int, ...] | None], bool]:
        """Each row's numbers as printed (``None`` where the general reader must read them).

        And whether they are proven valid draws as printed, all at once (see ``columns_in_order``).
        """
        layout, width = self.layout, self.layout.width
        if layout.numbers is not None:
            out: list[tuple[int, ...] | None] = []
            for text, edition in zip(flat[layout.numbers :: width], editions, strict=True):
                try:
                    out.append(
                        numbers_of_text(self.game, edition, text) if text and edition else None
                    )
                except LotteryError:
                    out.append(None)
            return out, False
        columns = [flat[j::width] for j in self.columns]
        first = editions[0]
        if first is not None and editions.count(first) == len(editions):
            tokens = self._tokens(first)  # one edition (the usual chunk): column by column
            if tokens is None:
                return [None] * len(editions), False
            try:
                values = list(map(_cells, tokens, columns))
            except KeyError:
                pass  # a cell that is not a number: row by row
            else:
                return list(zip(*values, strict=True)), columns_in_order(first, values)
        out = []
        for k, edition in enumerate(editions):
            tokens = self._tokens(edition) if edition is not None else None
            try:
                out.append(
                    tuple([t[c[k]] for t, c in zip(tokens, columns, strict=True)])
                    if tokens
                    else None
                )
            except KeyError:
                out.append(None)
        return out, False


def _plain_rows(lines: list[str], sep: str, width: int) -> list[int]:
    """The lines the lane can split: ASCII, nothing to unquote, every cell there."""
    probe = "\n".join(lines)
    if _plain(probe.replace("\n", sep), sep):  # the usual chunk: every line
        return [i for i, line in enumerate(lines) if line.count(sep) == width - 1]
    return [i for i, line in enumerate(lines) if _plain(line, sep) and line.count(sep) == width - 1]


def _plain(line: str, sep: str) -> bool:
    return line.isascii() and '"' not in line and line.replace(sep, ",").isprintable()


def _whole(cells: list[str], bad: set[int]) -> list[int]:
    """A column of whole numbers; a cell that is not one marks its row as ``bad``.

    A column of small numbers (a draw order, fixed prizes) is looked up; any other
    usual one is read at once (``_text.plain_ints``); the rest cell by cell.
    """
    try:
        return list(map(_small().__getitem__, cells))
    except KeyError:
        pass  # a larger number, or not a number
    values = _text.plain_ints(cells)
    if values is not None:
        return values
    out = []
    for k, cell in enumerate(cells):
        if _CELL.fullmatch(cell) is None:
            bad.add(k)
            out.append(0)
        else:
            out.append(int(cell))
    return out


@functools.cache
def _small() -> dict[str, int]:
    """The numbers under 10,000 as a row writes them, for reading them without ``int``."""
    return {str(n): n for n in range(10_000)}


def _dates(cells: list[str], bad: set[int]) -> list[datetime.date | None]:
    """A column of ISO dates (or none); a cell that is not one marks its row as ``bad``."""
    if _DATES.fullmatch(",".join(cells)) is not None:
        try:
            return [datetime.date.fromisoformat(c) if c else None for c in cells]
        except ValueError:
            pass  # a day that is not in the calendar: cell by cell
    out: list[datetime.date | None] = []
    for k, cell in enumerate(cells):
        try:
            out.append(
                datetime.date.fromisoformat(cell) if _DATES.fullmatch(cell) and cell else None
            )
        except ValueError:
            out.append(None)
        if out[-1] is None and cell:
            bad.add(k)
    return out


def _announced(
    layout: Layout, ints: dict[int, list[int]], zeros: list[int]
) -> tuple[list[tuple[tuple[str, int], ...]], list[tuple[tuple[str, Decimal], ...]]]:
    """Each row's winners per tier, and its prizes: a tier not won, or of amount 0, has none.

    The usual row (every tier won, each with its amount) is its columns' pairs as they
    are, made column by column; a row with a 0 among them takes the pairs it has.
    """
    names = layout.names
    counts = [ints[j] for _, j, _ in layout.tiers]
    amounts = [zeros if j is None else ints[j] for _, _, j in layout.tiers]
    won = [_pairs(name, column, None) for name, column in zip(names, counts, strict=True)]
    paid = [_pairs(name, column, Decimal) for name, column in zip(names, amounts, strict=True)]
    winners = list(zip(*won, strict=True))
    prizes = list(zip(*paid, strict=True))
    for k in sorted(_zeros([*counts, *amounts])):  # a tier not won, or without amount
        winners[k] = tuple([w[k] for w in won if w[k][1]])
        prizes[k] = tuple(
            [p[k] for p, c, a in zip(paid, counts, amounts, strict=True) if c[k] and a[k]]
        )
    return winners, prizes


def _zeros(columns: list[list[int]]) -> set[int]:
    """The rows with a 0 in any of the columns (found by ``index``, a column at a time)."""
    out: set[int] = set()
    for column in columns:
        k = -1
        with contextlib.suppress(ValueError):  # no 0 after k
            while True:
                k = column.index(0, k + 1)
                out.add(k)
    return out


@overload
def _pairs(name: str, column: list[int], make: None) -> list[tuple[str, int]]: ...
@overload
def _pairs(name: str, column: list[int], make: type[Decimal]) -> list[tuple[str, Decimal]]: ...
def _pairs(name: str, column: list[int], make: type[Decimal] | None) -> list[tuple[str, Any]]:
    """``(name, value)`` for each value of a column (made a ``Decimal`` for money).

    A column of few values (fixed prizes, counts of the top tiers) shares one pair
    per value; any other makes a pair per row.
    """
    distinct = set(column)
    if len(distinct) * 8 < len(column):
        shared = _SHARED if len(_SHARED) < _SHARED_MOST else {}
        made = {v: _shared(shared, name, v, make) for v in distinct}
        return list(map(made.__getitem__, column))
    values = column if make is None else map({v: make(v) for v in distinct}.__getitem__, column)
    return list(zip(itertools.repeat(name), values))


#: The pairs of few-valued columns, shared by every chunk (a fixed prize is one object in
#: a whole history: the checks prove a column of it at once); at most this many.
_SHARED: dict[tuple[str, int, bool], tuple[str, Any]] = {}
_SHARED_MOST: Final = 4096


def _shared(
    shared: dict[tuple[str, int, bool], tuple[str, Any]],
    name: str,
    value: int,
    make: type[Decimal] | None,
) -> tuple[str, Any]:
    key = (name, value, make is None)
    pair = shared.get(key)
    if pair is None:
        pair = shared[key] = (name, value if make is None else make(value))
    return pair


def _cells(tokens: dict[str, int], cells: list[str]) -> list[int]:
    return list(map(tokens.__getitem__, cells))


def _official(game: Game, issue: str) -> str | None:
    """The issue in its official form, or ``None`` where the general reader must say why."""
    try:
        return game.parse_issue(issue)
    except LotteryError:
        return None
