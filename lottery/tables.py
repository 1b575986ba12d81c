"""Histories in rows: CSV, TSV, semicolon- or whitespace-separated, with or without a header.

One record per row, streamed from the lines of the input.  A header names
its columns (``期号``/``issue``/``code`` for the issue, ``开奖号码`` or one
column per number: ``red1 … blue``, ``前区1 …``, ``d1 …``; dates, sales,
pool, winners and amounts per tier); without a header, a row is read as the
issue, an optional date, and the numbers.  The game is not in the rows:
``GAME=PATH`` or ``--game`` names it (or the file's name does).
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Final

from lottery import _tablelane, _text
from lottery._tablelane import TableLane
from lottery.exceptions import LotteryError
from lottery.grammar import read_prize, zone_names
from lottery.reading import make_record
from lottery.records import Record
from lottery.registry import get_game
from lottery.rules import Game

__all__ = ["looks_like_rows", "read_rows"]

_ISSUE_COLUMNS: Final = frozenset(
    {
        "id",
        "issue",
        "code",
        "seq",
        "期号",
        "qihao",
        "period",
        "term",
        "expect",
        "drawnum",
        "lotterydrawnum",
        "期数",
        "qh",
    },
)
_DATE_COLUMNS: Final = frozenset(
    {"date", "日期", "drawdate", "kjdate", "opendate", "lotterydrawtime", "开奖日期", "time"}
)
_NUMBER_COLUMNS: Final = frozenset(
    {
        "numbers",
        "number",
        "result",
        "results",
        "号码",
        "开奖号码",
        "kjhm",
        "opencode",
        "lotterydrawresult",
        "winning",
    },
)


def _zone_words(index: int, *ascii_words: str) -> str:
    """A regex alternation of the words a CSV header uses for the ``index``-th zone."""
    names = zone_names(index, labels=False, several=True)
    return "|".join(map(re.escape, (*ascii_words, *names)))


_FIRST_ZONE_RE: Final = re.compile(
    rf"(?:{_zone_words(0, 'red', 'r', 'front', 'qian')})_?(\d{{1,2}})"
)
_NEXT_ZONE_RE: Final = re.compile(rf"(?:{_zone_words(1, 'blue', 'b', 'back', 'hou')})_?(\d{{0,2}})")
_ORDER_RE: Final = re.compile(r"(?:red|r)_?(\d{1,2})a")
_DIGIT_RE: Final = re.compile(r"(?:d|n|num|pos|digit|ball|p|位)_?(\d{1,2})")
_PRIZE_COUNT_RE: Final = re.compile(r"no(\d)")
_PRIZE_MONEY_RE: Final = re.compile(r"no(\d)_m")
#: Columns named by one word: the library's own CSV (``lottery export``) and common ones.
_NAMED: Final = {
    "game": "game",
    "彩种": "game",
    "prizes": "prizes",  # 一等奖=5000000;二等奖=…
    "winners": "winners",
    "special_period": "special",
    "pool_before": "pool_before",
    "input_all": "sales",
    "sales": "sales",
    "销售额": "sales",
    "net_all": "pool",
    "pool": "pool",
    "poolmoney": "pool",
    "奖池": "pool",
}
_TIERS: Final = ("一等奖", "二等奖", "三等奖", "四等奖", "五等奖", "六等奖")


class _Columns:
    """What each column of a CSV header holds."""

    def __init__(self, header: Sequence[str]) -> None:
        self.issue: int | None = None
        self.date: int | None = None
        self.numbers: int | None = None
        self.sales: int | None = None
        self.pool: int | None = None
        self.game: int | None = None
        self.prizes: int | None = None
        self.winners: int | None = None
        self.special: int | None = None
        self.pool_before: int | None = None
        self.first: list[int] = []
        self.next: list[int] = []
        self.order: list[int] = []
        self.digits: list[int] = []
        #: How many cells the header has.
        self.width = len(header)
        self.prize_count: dict[int, int] = {}
        self.prize_money: dict[int, int] = {}
        for index, raw in enumerate(header):
            name = raw.strip().lstrip("\ufeff").lower()
            self._classify(index, name)
        #: Per tier with a count column: its name, the count's column, the amount's (or None).
        self.tiers: tuple[tuple[str, int, int | None], ...] = tuple(
            (_TIERS[n - 1], column, self.prize_money.get(n))
            for n, column in sorted(self.prize_count.items())
            if 1 <= n <= len(_TIERS)
        )
        self.names = tuple(name for name, _, _ in self.tiers)
        # The whole-number columns, read together (one look at a plain row), and where
        # each thing is among them: the draw order, per tier its count and amount, the rest.
        wanted = (*self.order, *(i for _, count, amount in self.tiers for i in (count, amount)))
        wanted += (self.sales, self.pool, self.pool_before)
        self.whole = tuple(dict.fromkeys(i for i in wanted if i is not None))
        at = {column: place for place, column in enumerate(self.whole)}.get
        self.at_order = tuple(at(i, -1) for i in self.order)
        self.at_tiers = tuple(
            (name, at(count, -1), -1 if amount is None else at(amount, -1))
            for name, count, amount in self.tiers
        )
        self.at_rest = tuple(
            -1 if i is None else at(i, -1) for i in (self.sales, self.pool, self.pool_before)
        )

    def _classify(self, index: int, name: str) -> None:  # noqa: C901
        if name in _ISSUE_COLUMNS and self.issue is None:
            self.issue = index
        elif name in _DATE_COLUMNS and self.date is None:
            self.date = index
        elif name in _NUMBER_COLUMNS and self.numbers is None:
            self.numbers = index
        elif name in _NAMED:
            attribute = _NAMED[name]
            if getattr(self, attribute) is None:
                setattr(self, attribute, index)
        elif (m := _ORDER_RE.fullmatch(name)) is not None:
            self.order.append(index)
        elif (m := _PRIZE_MONEY_RE.fullmatch(name)) is not None:
            self.prize_money[int(m.group(1))] = index
        elif (m := _PRIZE_COUNT_RE.fullmatch(name)) is not None:
            self.prize_count[int(m.group(1))] = index
        elif _FIRST_ZONE_RE.fullmatch(name) is not None:
            self.first.append(index)
        elif _NEXT_ZONE_RE.fullmatch(name) is not None:
            self.next.append(index)
        elif _DIGIT_RE.fullmatch(name) is not None:
            self.digits.append(index)

    def numbers_of(self, row: Sequence[str]) -> str | None:
        """The row's numbers as notation text: one column, or a column per number.

        The cells come stripped (:func:`_split`); a short row gives what it has.
        """
        if self.numbers is not None and self.numbers < len(row):
            return row[self.numbers]
        if self.first:
            text = _joined(row, self.first)
            return text + " + " + _joined(row, self.next) if self.next else text
        if self.digits:
            return _joined(row, self.digits)
        return None


def _joined(row: Sequence[str], indexes: list[int]) -> str:
    """The cells of ``indexes`` the row has, joined by spaces."""
    if max(indexes) < len(row):
        return " ".join([row[i] for i in indexes])
    return " ".join(row[i] for i in indexes if i < len(row))


def _cell_int(row: Sequence[str], index: int | None) -> int | None:
    if index is None or index >= len(row):
        return None
    cell = row[index]
    if cell.isascii() and cell.isdecimal() and len(cell) < 16:  # the usual cell: come stripped
        return int(cell)
    return _text.plain_int(cell.strip().split(".", 1)[0])


#: Whole-number cells, one a line: each a plain whole number (``int`` takes no other).
_PLAIN_CELLS: Final = re.compile(r"[0-9]{1,15}(?:\n[0-9]{1,15})*")


def _cell_ints(row: Sequence[str], indexes: Sequence[int]) -> list[int | None]:
    """``_cell_int`` of many columns, plain rows at once."""
    if indexes and max(indexes) < len(row):
        cells = [row[i] for i in indexes]
        if _PLAIN_CELLS.fullmatch("\n".join(cells)) is not None:  # no cell holds a line end
            return list(map(int, cells))
    return [_cell_int(row, i) for i in indexes]


_ISSUE_CELL: Final = re.compile(r"第?([0-9]{5,7})期?")
_DATE_CELL: Final = re.compile(
    r"[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?(?:\([一二三四五六日天]\))?"
)


def _separator(line: str) -> str | None:
    """The field separator of a history line: tab, comma, semicolon or ``None`` (spaces)."""
    for sep in ("\t", ",", ";", "|"):
        if line.count(sep) >= 1:
            return sep
    return None


def _split(line: str, sep: str | None) -> list[str]:
    """The cells of a row, each normalised (full-width digits, CJK punctuation)."""
    if line.isascii() and '"' not in line:  # the usual row: nothing to normalise or unquote
        if sep is not None and " " not in line and line.isprintable():
            return line.split(sep)  # no white space in it: nothing to strip either
        spaced = line.replace("\t", " ") if sep != "\t" and "\t" in line else line
        return [cell.strip() for cell in (spaced.split() if sep is None else spaced.split(sep))]
    if sep is None:
        cells = _text.normalize(line).split()
    elif sep == ",":
        cells = next(csv.reader([line]))
    else:
        cells = line.split(sep)
    return [_text.normalize(cell).strip() for cell in cells]


def looks_like_rows(first: str) -> bool:
    """Whether the first line of a text is a history's header or first row.

    A header names its columns (words, at most short numbers in them: ``red1``,
    ``期号``); a row starts with an issue and holds numbers and separators only.
    """
    line = first.strip().lstrip("\ufeff")
    sep = _separator(line)
    cells = [_text.normalize(c).strip() for c in _split(line, sep)]
    if len(cells) < 2 or not all(cells):
        return False
    if _is_row(cells):
        return True
    return sep is not None and all(_is_word(c) for c in cells)


def _is_word(cell: str) -> bool:
    return not re.search(r"[0-9]{3}", cell) and len(cell) <= 24


def _is_row(cells: Sequence[str]) -> bool:
    if _ISSUE_CELL.fullmatch(cells[0]) is None:
        return False
    rest = " ".join(c for c in cells[1:] if _DATE_CELL.fullmatch(c) is None)
    return bool(rest) and re.fullmatch(r"[0-9 ,+|:\-]+", rest) is not None


def read_rows(
    lines: Iterable[tuple[int, str, bool]], *, source: str, game: Game | None
) -> Iterator[Record]:
    """One record per row of a history (header or not); a row that cannot be read says why.

    Plain rows under a header go through the table lane a chunk at a time
    (:mod:`lottery._tablelane`); the rows it leaves, and every other row, are
    read here one by one.  Either way each gives the same record, in order.
    """
    columns: _Columns | None = None
    sep: str | None = ""
    lane: TableLane | None = None
    chunk: list[tuple[int, str, str]] = []
    for number, raw, bad in lines:
        if bad:
            yield from _rows(chunk, lane, columns, sep, source, game)
            reason = f"line {number} has bytes that are not text in the file's encoding"
            where = f"line {number}"
            yield Record(source, where, _text.shorten(raw), game, error=reason, kind="unreadable")
            continue
        line = raw.strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        if sep == "":
            sep = _separator(line)
            cells = _split(line, sep)
            if not _is_row([c.strip() for c in cells]):
                columns = _Columns(cells)
                if columns.issue is None or (
                    columns.numbers is None and not columns.first and not columns.digits
                ):
                    msg = (
                        f"the header {_text.cut(raw.strip(), 80)!r} names no issue or number"
                        " columns"
                    )
                    where = f"line {number}"
                    yield Record(
                        source, where, _text.shorten(raw), game, error=msg, kind="unreadable"
                    )
                    return
                if sep is not None and game is not None and TableLane.takes(columns, sep, game):
                    lane = TableLane(columns, sep, game)
                continue
        if game is None and not _names_games(columns):
            reason = "cannot tell the game of these rows: name it as GAME=FILE or with --game"
            yield Record(source, "file", _text.shorten(raw), None, error=reason, kind="game")
            return
        chunk.append((number, raw, line))
        if lane is None or len(chunk) >= _tablelane.CHUNK:
            yield from _rows(chunk, lane, columns, sep, source, game)
    yield from _rows(chunk, lane, columns, sep, source, game)


def _rows(
    chunk: list[tuple[int, str, str]],
    lane: TableLane | None,
    columns: _Columns | None,
    sep: str | None,
    source: str,
    game: Game | None,
) -> Iterator[Record]:
    """The records of the rows read so far (the chunk is emptied): the lane's, then the rest."""
    if not chunk:
        return
    rows = chunk[:]
    chunk.clear()
    fast = lane.read([(n, line) for n, _, line in rows], source) if lane is not None else None
    for k, (number, raw, line) in enumerate(rows):
        made = fast[k] if fast is not None else None
        if made is not None:
            yield made
            continue
        try:
            cells = _split(line, sep)
        except csv.Error as error:
            yield Record(
                source,
                f"line {number}",
                _text.shorten(raw),
                game,
                error=f"unreadable row: {error}",
                kind="unreadable",
            )
            continue
        if columns is not None:
            yield _csv_record(columns, cells, number, source, game)
        else:
            yield _bare_record(cells, number, line, source, game)


def _names_games(columns: _Columns | None) -> bool:
    """Whether each row names its game (a ``game`` column)."""
    return columns is not None and columns.game is not None


def _bare_record(
    cells: list[str], number: int, line: str, source: str, game: Game | None
) -> Record:
    """A row without a header: the issue, an optional date, the numbers."""
    cells = [c.strip() for c in cells if c.strip()]
    issue = _ISSUE_CELL.fullmatch(cells[0]) if cells else None
    dates = [c for c in cells[1:] if _DATE_CELL.fullmatch(c)]
    numbers = " ".join(c for c in cells[1:] if not _DATE_CELL.fullmatch(c))
    return make_record(
        source,
        f"line {number}",
        line,
        game,
        issue=issue.group(1) if issue else (cells[0] if cells else None),
        numbers=numbers or None,
        date=dates[0] if dates else None,
    )


#: A ``special_period`` cell.
_YES_NO: Final = {"是": True, "否": False, "true": True, "false": False}


def _csv_record(
    columns: _Columns, row: list[str], number: int, source: str, game: Game | None
) -> Record:
    line = functools.partial(_row_text, row)  # made only if a message shows it
    issue = (
        row[columns.issue].strip()
        if columns.issue is not None and columns.issue < len(row)
        else None
    )
    date = (
        row[columns.date].strip() if columns.date is not None and columns.date < len(row) else None
    )
    order = sales = pool = pool_before = None
    prizes: list[tuple[str, int | Decimal]] = []
    winners: list[tuple[str, int]] = []
    if columns.whole:
        values = [*_cell_ints(row, columns.whole), None]  # [-1]: a column the header lacks
        order = tuple([values[i] for i in columns.at_order if values[i] is not None]) or None
        for tier, count_at, amount_at in columns.at_tiers:
            count = values[count_at]
            if count:
                winners.append((tier, count))
                amount = values[amount_at]
                if amount:  # zero means the source had no amount
                    prizes.append((tier, amount))
        sales, pool, pool_before = (values[i] for i in columns.at_rest)
    if columns.game is not None and columns.game < len(row):
        named = game_of(row[columns.game])
        game = named or game
        if named is None:
            reason = f"unknown game {_text.cut(row[columns.game].strip(), 20)!r}"
            return Record(source, f"line {number}", line, None, error=reason, kind="game")
    promotions: list[tuple[str, Decimal]] = []
    if columns.prizes is not None:
        own, promotions = _prize_pairs(game, row, columns.prizes)
        prizes += own
    if columns.winners is not None:
        winners += _pairs(row, columns.winners)
    special = _cell(row, columns.special) if columns.special is not None else ""
    return make_record(
        source,
        f"line {number}",
        line,
        game,
        issue=issue or None,
        numbers=columns.numbers_of(row),
        date=date or None,
        prizes=prizes,
        special=_YES_NO.get(special.lower()) if special else None,
        order=order,
        winners=tuple(winners),
        sales=sales or None,
        pool=pool or None,
        promotions=promotions,
        pool_before=pool_before,
    )


def _row_text(row: list[str]) -> str:
    return _text.shorten(",".join(row))


def game_of(cell: str) -> Game | None:
    """The game a ``game`` column names (code or name), if any."""
    try:
        return get_game(cell.strip())
    except LotteryError:
        return None


def _cell(row: Sequence[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


def _prize_pairs(
    game: Game | None, row: Sequence[str], index: int | None
) -> tuple[list[tuple[str, Decimal]], list[tuple[str, Decimal]]]:
    """``一等奖=5000000;选一中一=4.5;三等奖=15000(含派奖5000)``: prizes, and 派奖 apart."""
    prizes: list[tuple[str, Decimal]] = []
    promotions: list[tuple[str, Decimal]] = []
    if game is None:
        return prizes, promotions
    for part in _cell(row, index).split(";"):
        tier, _, value = part.partition("=")
        if not tier.strip():
            continue
        try:
            amount, promotion = read_prize(game, value, 0)
        except LotteryError:
            continue  # the row's draw is read without it; validation compares the rest
        prizes.append((tier.strip(), amount))
        if promotion is not None:
            promotions.append((tier.strip(), promotion))
    return prizes, promotions


def _pairs(row: Sequence[str], index: int | None) -> list[tuple[str, int]]:
    """``一等奖=5000000;二等奖=…`` (a cell of the library's own CSV) as (tier, amount) pairs."""
    out: list[tuple[str, int]] = []
    for part in _cell(row, index).split(";"):
        tier, _, value = part.partition("=")
        if tier.strip() and _text.is_digits(value.strip()) and len(value.strip()) < 16:
            out.append((tier.strip(), int(value.strip())))
    return out
